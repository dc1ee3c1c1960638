//! Finding the cue and the speaker of a quotation from the words around it.
//!
//! The speaker is the noun phrase next to the cue: before it (`"…," Rubio said`, `Rubio said:
//! "…"`), after it (`"…," said the US secretary of state`), after `according to`, or the subject
//! of the sentence for a participle (`…, writing on X that "…"`) or a colon lead-in with no
//! speech verb (`Rubio delivered a stark message: "…"`). Noun phrases are found from the words
//! alone: capitalised names with their titles, descriptions up to their determiner
//! (`a US official with direct knowledge of the matter`), pronouns.

use crate::extract::quotes::Method;
use crate::extract::quotes::cue::{cue_span, is_according, is_in, verb_at};
use crate::extract::quotes::lexicon::class;
use crate::extract::quotes::phrase::{
    clause_subject, leading_np, np_ending_at, np_starting_at, subject_before,
};
use crate::extract::quotes::tokens::Tokens;
use crate::span::Span;

/// An attribution found next to a quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Frame {
    /// The speaker mention.
    pub speaker: Span,
    /// The cue, when there is one (a colon lead-in has none).
    pub cue: Option<Span>,
    /// How it was found.
    pub method: Method,
}

/// How far, in tokens, a clause or a sentence is searched from a quotation: keeps the work
/// linear on paragraphs without sentence ends.
pub const WINDOW: usize = 120;

/// How far after a quotation its cue may be, in tokens.
pub(super) const MAX_TRAILING: usize = 24;

/// The first token of the clause holding token `i`: after the last sentence end or quotation.
pub fn clause_start(t: &Tokens, i: usize) -> usize {
    let floor = i.saturating_sub(WINDOW);
    (floor..i)
        .rev()
        .find(|&k| t.ends_sentence(k) || t.is_quote(k))
        .map_or(floor, |k| k + 1)
}

/// One past the last token of the text after token `i` up to the next sentence end, colon or
/// quotation.
pub(super) fn tail_end(t: &Tokens, i: usize) -> usize {
    let ceiling = t.len().min(i + WINDOW);
    (i + 1..ceiling)
        .find(|&k| t.ends_sentence(k) || t.is_quote(k) || t.is_punct(k, ':'))
        .unwrap_or(ceiling)
}

fn frame(t: &Tokens, np: (usize, usize), cue: Option<usize>, method: Method) -> Frame {
    Frame {
        speaker: t.span(np.0, np.1),
        cue: cue.map(|c| cue_span(t, c)),
        method,
    }
}

/// True when the quotation's own text ends a sentence (`.”`, `?”`, `!”`).
pub fn quote_ends_sentence(t: &Tokens, q: usize) -> bool {
    let s = t.str(q).trim_end_matches(['"', '”', '\'', '’', '»', ' ']);
    s.ends_with(['.', '?', '!', '…'])
}

/// The attribution right after the quotation at token `q`: `"…," Rubio said`, `"…," said
/// Rubio`, `"…," according to Reuters`, `"…," Umerov, who …, said`.
pub fn after(t: &Tokens, q: usize) -> Option<Frame> {
    let end = tail_end(t, q);
    let mut s = q + 1;
    while s < end && t.toks[s].kind.is_punct_in(",—–\"”’'") {
        s += 1;
    }
    // A phrase quoted inside a sentence ("“rigged” against him") has no attribution after it;
    // a quotation does when it ends in punctuation or is followed by a comma or a dash.
    let marks = t.str(q).trim_end_matches(['"', '”', '\'', '’', '»', ' ']);
    if s >= end || (s == q + 1 && !marks.ends_with([',', '.', '?', '!', '…', ';', ':', '-', '—']))
    {
        return None;
    }
    if is_according(t, s) {
        let np = np_starting_at(t, s + 2, end)?;
        return Some(frame(t, np, Some(s), Method::According));
    }
    if let Some(f) = dash_signature(t, q) {
        return Some(f);
    }
    // After a closed sentence, a capitalised word starts a new sentence unless a short cue
    // clause ends it ("“Yes!” Trump said.").
    let new_sentence = quote_ends_sentence(t, q) && !t.is_lowercase_word(s);
    // …unless a short cue clause ends it: "“Yes!” Trump said." or "…," said Varga, adding …
    let short = |c: usize| {
        if !new_sentence {
            return true;
        }
        let mut k = c + 1;
        while k < end && (t.str(k).ends_with("ly") || t.has(k, class::TIME)) {
            k += 1;
        }
        let rest_plain = end - k <= 4
            && (k..end).all(|j| t.is_word(j) && verb_at(t, j).is_none())
            && !is_in(t, k, &["that"]);
        t.is_punct(k, ',') || (rest_plain && (end == t.len() || t.ends_sentence(end)))
    };
    if let Some(v) = verb_at(t, s) {
        if v.inverts && !v.weak && short(s + 1) {
            let np = np_starting_at(t, s + 1, end)?;
            return Some(frame(t, np, Some(s), Method::Cue));
        }
        return None;
    }
    let limit = end.min(s + MAX_TRAILING);
    let c = (s..limit).find(|&k| verb_at(t, k).is_some())?;
    let v = verb_at(t, c)?;
    if v.participle || (v.weak && c > s + 2) || !short(c) {
        return None;
    }
    let np = leading_np(t, s, c)?;
    Some(frame(t, np, Some(c), Method::Cue))
}

/// A name signing a quotation after a dash, ending the paragraph: `"…" ― Esther Tapia`.
fn dash_signature(t: &Tokens, q: usize) -> Option<Frame> {
    let mut d = q + 1;
    if t.is_punct(d, ',') {
        d += 1;
    }
    if !t.toks.get(d)?.kind.is_punct_in("―—–-") {
        return None;
    }
    let s = d + 1;
    let mut e = s;
    while e + 1 < t.len() && (t.is_capitalised(e + 1) || t.has(e + 1, class::PARTICLE)) {
        e += 1;
    }
    let ends = e + 1 == t.len() || (e + 2 == t.len() && t.ends_sentence(e + 1));
    (t.is_capitalised(s) && t.is_capitalised(e) && ends)
        .then(|| frame(t, (s, e), Some(d), Method::Cue))
}

/// The attribution closing the sentence of the quotation at token `q`, after a comma: `"…" by
/// the flooding, Moreau said.`, `"…" if the dam fails, said Ana Lindqvist.`
pub fn at_sentence_end(t: &Tokens, q: usize) -> Option<Frame> {
    if quote_ends_sentence(t, q) && !t.is_lowercase_word(q + 1) {
        return None;
    }
    let ceiling = t.len().min(q + WINDOW);
    let end = (q + 1..ceiling)
        .find(|&k| t.ends_sentence(k) || t.is_punct(k, ':') || t.is_quote(k))
        .unwrap_or(ceiling);
    if end < t.len() && t.is_punct(end, ':') {
        return None;
    }
    (q + 1..end)
        .filter(|&k| t.is_punct(k, ','))
        .find_map(|comma| closing_clause(t, comma + 1, end))
}

/// A clause `s..end` that closes a sentence with its attribution: `X said [time]`, `said X`,
/// `according to X`.
fn closing_clause(t: &Tokens, s: usize, end: usize) -> Option<Frame> {
    if s >= end {
        return None;
    }
    if is_according(t, s) {
        let np = np_starting_at(t, s + 2, end)?;
        return Some(frame(t, np, Some(s), Method::According));
    }
    if let Some(v) = verb_at(t, s) {
        let np = np_starting_at(t, s + 1, end).filter(|_| v.inverts)?;
        return Some(frame(t, np, Some(s), Method::Cue));
    }
    let c = (s..end.min(s + MAX_TRAILING)).find(|&k| verb_at(t, k).is_some())?;
    let v = verb_at(t, c)?;
    // "…, she said, referencing …": the clause ends at the next comma.
    let end = (c + 1..end).find(|&k| t.is_punct(k, ',')).unwrap_or(end);
    let rest_plain = end - c <= 7
        && (c + 1..end).all(|k| t.is_word(k) && verb_at(t, k).is_none())
        && !is_in(t, c + 1, &["that"]);
    if v.participle || v.weak || v.target || v.frames || !rest_plain {
        return None;
    }
    let np = leading_np(t, s, c)?;
    Some(frame(t, np, Some(c), Method::Cue))
}

/// The attribution before the quotation at token `q`, in its clause: `Rubio said: "…"`,
/// `Rubio said that "…"`, `According to X, "…"`, `…, writing on X that "…"`, a colon lead-in
/// `Rubio delivered a stark message: "…"`, or reported speech around a partial quotation
/// (`Rubio dismissed the idea as "fake news"`).
pub fn before(t: &Tokens, q: usize) -> Option<Frame> {
    let from = clause_start(t, q);
    if from >= q {
        return None;
    }
    // The outermost attribution of the sentence wins ("Reyes says she welcomed what she
    // calls a “truce”" is Reyes's): the first cue, from the sentence start,
    // that has a speaker.
    let sentence = sentence_start(t, from).max(outer_start(t, from));
    // Not in an introductory or subordinate phrase that opens the sentence ("In a Facebook
    // message posted Friday, Okafor said", "So when the firm signaled …, Ms. Reyes said").
    let mut opening = sentence;
    while is_in(t, opening, &["so", "but", "and", "yet", "then"]) {
        opening += 1;
    }
    let subordinate = (t.has(opening, class::INTRO) || t.has(opening, class::CLAUSE))
        && !is_according(t, opening);
    let sentence = if subordinate {
        (opening..q)
            .find(|&k| t.is_punct(k, ','))
            .map_or(sentence, |k| k + 1)
    } else {
        sentence
    };
    let usable = |c: &usize| {
        let weak = verb_at(t, *c).is_some_and(|v| v.weak);
        !weak || c + 3 >= q
    };
    let outer = (sentence..q)
        .filter(usable)
        .find_map(|c| cue_frame(t, from.min(c), c, q));
    if let Some(outer) = outer {
        // The same speaker's nearer cue is the more precise one ("reaffirmed …, writing").
        let nearest = (sentence..q)
            .rev()
            .filter(usable)
            .find_map(|c| cue_frame(t, from.min(c), c, q));
        return Some(
            nearest
                .filter(|n| n.speaker == outer.speaker)
                .unwrap_or(outer),
        );
    }
    if t.is_punct(q - 1, ':') {
        // "Wait, it gets better:" has no speaker; "Priorities USA, a super PAC, emailed:" has.
        let np = clause_subject(t, from, q - 1)
            .filter(|np| t.is_word(np.1 + 1) || (np.1 > np.0 && t.is_punct(np.1 + 1, ',')))?;
        return Some(frame(t, np, None, Method::Colon));
    }
    None
}

/// Where the search for an outer attribution may start: not before a quotation that opens a
/// statement of its own earlier in the sentence (`Rubio said “…” and Lavrov said “…”`).
fn outer_start(t: &Tokens, from: usize) -> usize {
    let mut k = from;
    while k > 0 && t.is_quote(k - 1) {
        let prev = k - 1;
        let opens_statement = (clause_start(t, prev)..prev).any(|c| verb_at(t, c).is_some());
        if opens_statement {
            return k;
        }
        k = clause_start(t, prev);
    }
    k
}

/// The attribution by the cue at token `c` of the quotation at `q` (`from` is the start of
/// the cue's clause).
fn cue_frame(t: &Tokens, from: usize, c: usize, q: usize) -> Option<Frame> {
    if is_according(t, c) {
        let np = np_starting_at(t, c + 2, q)?;
        return Some(frame(t, np, Some(c), Method::According));
    }
    let v = verb_at(t, c)?;
    let from = clause_start(t, c).max(from.min(c));
    let adjacent = (c + 1..q).all(|k| {
        t.is_punct(k, ':') || t.is_punct(k, ',') || t.is_punct(k, '—') || is_in(t, k, &["that"])
    });
    let method = if adjacent {
        Method::Cue
    } else {
        Method::Reported
    };
    // A passive participle right before the quotation names it: "a film called "X"".
    let named = v.frames
        && c + 1 == q
        && t.str(c).ends_with("ed")
        && c > from
        && !t.is_capitalised(c - 1)
        && t.pronoun(c - 1).is_none();
    if named {
        return None;
    }
    let coordinated = c > from && is_in(t, c - 1, &["and", "but"]);
    // "a clip of Okafor saying": a participle right after a name is that name's.
    let owned = v.participle
        && c > from
        && t.is_capitalised(c - 1)
        && !t.has(c - 1, class::INTRO | class::TIME);
    let np = if owned {
        np_ending_at(t, from, c - 1)
    } else if v.participle || coordinated {
        // "Fiorina said, adding that …": the subject of the finite verb before it.
        let sentence = sentence_start(t, from);
        let finite = (sentence..c)
            .rev()
            .find(|&k| verb_at(t, k).is_some_and(|v| !v.participle && !v.weak));
        finite
            .and_then(|f| {
                // "…," said Mr. Burr, adding that …
                subject_before(t, clause_start(t, f), f)
                    .or_else(|| np_starting_at(t, f + 1, c).filter(|_| f < c))
            })
            .filter(|np| !is_in(t, np.0, &["who", "which", "that"]))
            .or_else(|| clause_subject(t, sentence, c))
    } else {
        subject_before(t, from, c).or_else(|| {
            // "Said Rubio: "…"": an inverted cue with the speaker right before the quote.
            let w = t.str(c);
            let finite = v.irregular_past || w.ends_with("ed") || w.ends_with('s');
            let np = np_starting_at(t, c + 1, q).filter(|_| v.inverts && finite)?;
            let adjacent = (np.1 + 1..q).all(|k| t.is_punct(k, ',') || t.is_punct(k, ':'));
            adjacent.then_some(np)
        })
    };
    let inverted = np.is_some_and(|np| np.0 > c);
    let method = if inverted { Method::Cue } else { method };
    np.map(|np| frame(t, np, Some(c), method))
}

/// The start of the sentence holding token `i`, looking back across quotations.
pub fn sentence_start(t: &Tokens, i: usize) -> usize {
    let floor = i.saturating_sub(WINDOW);
    (floor..i)
        .rev()
        .find(|&k| {
            t.ends_sentence(k)
                || (t.is_quote(k) && quote_ends_sentence(t, k) && t.is_capitalised(k + 1))
        })
        .map_or(floor, |k| k + 1)
}

/// The speaker of a paragraph that ends in a colon and introduces the quotation of the next
/// paragraph: `Whitfield continued:`, `The Daily Ledger reports:`.
pub fn lead_in(t: &Tokens) -> Option<Frame> {
    let last = t.len().checked_sub(1)?;
    if !t.is_punct(last, ':') {
        return None;
    }
    let from = clause_start(t, last);
    let cue = (from..last).rev().find(|&k| verb_at(t, k).is_some());
    match cue {
        Some(c) => {
            let np = subject_before(t, from, c)
                .or_else(|| clause_subject(t, sentence_start(t, from), c))?;
            Some(frame(t, np, Some(c), Method::Cue))
        }
        None => {
            let np = clause_subject(t, from, last)?;
            Some(frame(t, np, None, Method::Colon))
        }
    }
}

/// The speaker label that opens a quoted transcript line: `"HOST: Good evening, …"`.
pub fn transcript_label(text: &str, quote: Span) -> Option<Frame> {
    let q = quote.text(text);
    let body = q.trim_start_matches(['"', '“', '\'', '‘', '«', '`']);
    let offset = quote.start() + q.len() - body.len();
    let colon = body.get(..40).unwrap_or(body).find(':')?;
    let label = &body[..colon];
    let words: Vec<&str> = label.split(' ').collect();
    let capitals = |w: &&str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars().all(|c| c.is_uppercase() || ".'’-".contains(c))
    };
    (words.len() <= 3 && words.iter().all(capitals)).then(|| Frame {
        speaker: Span::new(offset, offset + colon),
        cue: None,
        method: Method::Label,
    })
}

/// The speaker named at the start of a headline: `Lena Ortiz: … ‘on Their Minds.’`.
pub fn headline_speaker(t: &Tokens, q: usize) -> Option<Frame> {
    let colon = (0..q.min(10)).find(|&k| t.is_punct(k, ':'))?;
    let all_names = (0..colon).all(|k| t.is_capitalised(k) || t.has(k, class::PARTICLE));
    (colon > 0 && all_names && !t.has(0, class::DETERMINER))
        .then(|| frame(t, (0, colon - 1), Some(colon), Method::Headline))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::quotes::marks::{self, Style};
    use crate::extract::quotes::tokens::{Kind, Token, tokenize};

    fn toks(p: &str) -> Vec<Token> {
        let para = Span::new(0, p.len());
        let quotes: Vec<Span> = marks::in_paragraph(p, para, Style::Headline, false)
            .iter()
            .map(|q| q.span)
            .collect();
        tokenize(p, para, &quotes)
    }

    /// Speaker, cue and method for each quotation of `p`, from `after`, else `before`.
    fn attribute(p: &str) -> Vec<Option<(&str, &str, Method)>> {
        let toks = toks(p);
        let t = Tokens {
            text: p,
            toks: &toks,
            headline: false,
        };
        (0..t.len())
            .filter(|&i| matches!(toks[i].kind, Kind::Quote(_)))
            .map(|q| {
                let f = after(&t, q).or_else(|| before(&t, q))?;
                Some((f.speaker.text(p), f.cue.map_or("", |c| c.text(p)), f.method))
            })
            .collect()
    }

    fn one(p: &str) -> Option<(&str, &str, Method)> {
        attribute(p)[0]
    }

    /// The expected speaker, cue and method of a paragraph's first quotation.
    type Attribution<'a> = Option<(&'a str, &'a str, Method)>;

    /// Each paragraph's first quotation gets the expected attribution.
    fn check(cases: &[(&str, Attribution)]) {
        for (p, expected) in cases {
            assert_eq!(one(p), *expected, "{p}");
        }
    }

    #[test]
    fn speaker_after_the_quotation() {
        assert_eq!(
            one("“We are constructively minded,” Umerov said."),
            Some(("Umerov", "said", Method::Cue))
        );
        assert_eq!(
            one("“Ukraine’s security must be guaranteed reliably,” he added."),
            Some(("he", "added", Method::Cue))
        );
        assert_eq!(
            one(
                "“Only a negotiated settlement can end this war,” said the US secretary of state, adding that it is up to Ukraine."
            ),
            Some(("the US secretary of state", "said", Method::Cue))
        );
        assert_eq!(
            one(
                "“But there are still concerns,” said a US official with direct knowledge of the matter."
            ),
            Some((
                "a US official with direct knowledge of the matter",
                "said",
                Method::Cue
            ))
        );
        assert_eq!(
            one(
                "\"We have called on Ukraine to withdraw its draft,\" U.S. diplomats wrote in a note to European capitals, according to the Journal."
            ),
            Some(("U.S. diplomats", "wrote", Method::Cue))
        );
        assert_eq!(
            one("“Some have questioned it,” one source told NBC."),
            Some(("one source", "told", Method::Cue))
        );
    }

    #[test]
    fn apposition_time_and_auxiliaries_between_speaker_and_cue() {
        check(&[
            (
                "“We are ready,” Umerov, who is in the US for the talks, said on Telegram.",
                Some(("Umerov", "said", Method::Cue)),
            ),
            (
                "“We are ready,” Secretary of State Marco Rubio said Friday.",
                Some(("Secretary of State Marco Rubio", "said", Method::Cue)),
            ),
            (
                "“It is over,” Sen. Maria Delgado (D-Ore.) has repeatedly said.",
                Some(("Sen. Maria Delgado", "said", Method::Cue)),
            ),
        ]);
    }

    #[test]
    fn speaker_before_the_quotation() {
        assert_eq!(
            one("Rubio said: “We urge all member states to join.”"),
            Some(("Rubio", "said", Method::Cue))
        );
        assert_eq!(
            one(
                "One senior Trump administration official quoted by NBC said: “It is so clear that Rubio has been cut out of this.”"
            ),
            Some((
                "One senior Trump administration official quoted by NBC",
                "said",
                Method::Cue
            ))
        );
        assert_eq!(
            one(
                "Ukrainian Foreign Minister Andrii Sybiha reaffirmed Kyiv's position Saturday, writing on X that \"Russian responsibility for the war cannot be put into question.\""
            ),
            Some((
                "Ukrainian Foreign Minister Andrii Sybiha",
                "writing",
                Method::Reported
            ))
        );
        assert_eq!(
            one("According to the agency, “the talks failed.”"),
            Some(("the agency", "According to", Method::According))
        );
    }

    #[test]
    fn signature_after_a_dash_and_party_state_after_a_name() {
        check(&[
            (
                "“The river has never been this low in my lifetime.” ― Tomas Varga",
                Some(("Tomas Varga", "―", Method::Cue)),
            ),
            (
                "“It’s a fair deal,” Rep. Ana Lindqvist (D-Wis.) said Friday.",
                Some(("Rep. Ana Lindqvist", "said", Method::Cue)),
            ),
        ]);
        assert_eq!(
            one(
                "“We expect the bill to pass,” Senate Majority Leader Tom Okafor, R-Ky., said Tuesday."
            ),
            Some(("Senate Majority Leader Tom Okafor", "said", Method::Cue))
        );
    }

    #[test]
    fn transcript_speaker_label() {
        let p = "\"HOST: Good evening, and welcome to the program.";
        let f = transcript_label(p, Span::new(0, p.len())).unwrap();
        assert_eq!(f.speaker.text(p), "HOST");
        assert_eq!(f.method, Method::Label);
        let p = "\"Note: this is not a label, nor is Washington: a city.\"";
        assert_eq!(transcript_label(p, Span::new(0, p.len())), None);
    }

    #[test]
    fn the_outermost_attribution_of_the_sentence() {
        assert_eq!(
            one("Reyes says she welcomed what she calls a “truce of sorts between neighbours.”"),
            Some(("Reyes", "says", Method::Reported))
        );
        assert_eq!(
            one(
                "In a Facebook message posted Friday, Okafor said he has had “real doubts” about the plan."
            ),
            Some(("Okafor", "said", Method::Reported))
        );
        assert_eq!(
            one(
                "So when the firm signaled in May that it would sell the mill, Ms. Reyes said, “we were stunned.”"
            ),
            Some(("Ms. Reyes", "said", Method::Cue))
        );
    }

    #[test]
    fn verb_forms_that_are_nouns() {
        // "call" is a noun here; the participle "calling" is Okafor's.
        assert_eq!(
            one(
                "During the hearing, Okafor made an emotional call for new dams, calling them “a lifeline.”"
            ),
            Some(("Okafor", "calling", Method::Reported))
        );
        assert_eq!(
            one("“From Lyon to Lille, we see rail lines closing,” the letter reads."),
            Some(("the letter", "reads", Method::Cue))
        );
    }

    #[test]
    fn sentence_initial_inverted_cue() {
        check(&[(
            "It is complicated. Said Okafor: “I doubt the council will agree.”",
            Some(("Okafor", "Said", Method::Cue)),
        )]);
    }

    #[test]
    fn colon_lead_in_without_a_speech_verb() {
        assert_eq!(
            one(
                "Earlier in the day, Rubio delivered a stark message: “We need to decide quickly.”"
            ),
            Some(("Rubio", "", Method::Colon))
        );
    }

    #[test]
    fn partial_quotations_in_reported_speech() {
        assert_eq!(
            one(
                "The allies will continue what one European diplomat described as “fragile and consequential” talks."
            ),
            Some(("one European diplomat", "described", Method::Reported))
        );
        check(&[
            (
                "Rubio dismissed the idea as “fake news” at the time.",
                Some(("Rubio", "dismissed", Method::Reported)),
            ),
            (
                "At a fundraiser, Hale called half of his rival’s donors “freeloaders.”",
                Some(("Hale", "called", Method::Reported)),
            ),
            (
                "The U.S. resolution calls for \"a swift end\" to the conflict.",
                Some(("The U.S. resolution", "calls", Method::Reported)),
            ),
        ]);
    }

    #[test]
    fn split_quotation_and_pronoun() {
        let p = "“We have a ways to go,” he said, “and the hardest issues are last.”";
        assert_eq!(
            attribute(p),
            vec![
                Some(("he", "said", Method::Cue)),
                Some(("he", "said", Method::Cue))
            ]
        );
    }

    #[test]
    fn no_speaker_for_titles_and_new_sentences() {
        check(&[
            (
                "On Friday, in his “Results of the year” speech in Moscow, Putin blamed Kyiv.",
                None,
            ),
            (
                "“We will win.” The crowd cheered loudly and then left the hall.",
                None,
            ),
        ]);
    }

    #[test]
    fn paragraph_lead_in_and_headline() {
        let p = "Whitfield continued:";
        let toks = toks(p);
        let t = Tokens {
            text: p,
            toks: &toks,
            headline: false,
        };
        assert_eq!(lead_in(&t).map(|f| f.speaker.text(p)), Some("Whitfield"));
        let p = "The New York Times reports:";
        let toks = self::toks(p);
        let t = Tokens {
            text: p,
            toks: &toks,
            headline: false,
        };
        assert_eq!(
            lead_in(&t).map(|f| f.speaker.text(p)),
            Some("The New York Times")
        );
        let p = "Lena Ortiz: Voters Uneasy; It’s ‘on Their Minds.’";
        let toks = self::toks(p);
        let t = Tokens {
            text: p,
            toks: &toks,
            headline: false,
        };
        let q = toks
            .iter()
            .position(|x| matches!(x.kind, Kind::Quote(_)))
            .unwrap();
        assert_eq!(
            headline_speaker(&t, q).map(|f| f.speaker.text(p)),
            Some("Lena Ortiz")
        );
    }
}
