//! Finding the cue and the speaker of a quotation from the words around it.
//!
//! The speaker is the noun phrase next to the cue: before it (`"…," Rubio said`, `Rubio said:
//! "…"`), after it (`"…," said the US secretary of state`), after `according to`, or the subject
//! of the sentence for a participle (`…, writing on X that "…"`) or a colon lead-in with no
//! speech verb (`Rubio delivered a stark message: "…"`). Noun phrases are found from the words
//! alone: capitalised names with their titles, descriptions up to their determiner
//! (`a US official with direct knowledge of the matter`), pronouns.

use crate::extract::quotes::Method;
use crate::extract::quotes::lexicon::{
    self, CLAUSE_WORDS, DETERMINERS, NP_PREPOSITIONS, TIME_WORDS, VERB_MODIFIERS, Verb,
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

/// Longest noun phrase taken as a speaker, in tokens.
const MAX_NP: usize = 14;
/// How far after a quotation its cue may be, in tokens.
const MAX_TRAILING: usize = 16;

/// Name particles that may stand inside a capitalised name ("Secretary of State", "bin Salman").
const NAME_PARTICLES: &[&str] = &[
    "of", "for", "de", "van", "von", "der", "den", "da", "di", "del", "la", "le", "al", "bin",
    "ibn", "du", "and", "&",
];

/// Words that open an introductory phrase before a sentence's subject ("On Friday, …").
const INTRO_WORDS: &[&str] = &[
    "on", "in", "at", "after", "before", "during", "speaking", "asked", "meanwhile", "however",
    "but", "and", "earlier", "later", "still", "yet", "so", "also", "then", "since", "when",
    "while", "despite", "for", "with", "from", "as", "by", "last", "this", "over", "under",
    "in an", "separately", "instead", "now", "today", "yesterday", "addressing", "writing",
    "responding", "according",
];

/// A speech verb at token `i`, if there is one. A capitalised form is a verb only in a
/// title-case headline ("Trump Says ‘…’"), not inside a name ("Secretary of State Rubio"), and
/// no form is a verb right after a preposition or a determiner ("secretary of state").
fn verb_at(t: &Tokens, i: usize) -> Option<Verb> {
    if !t.is_word(i) {
        return None;
    }
    let v = lexicon::verb(t.str(i))?;
    let after_function_word = i > 0
        && is_in(
            t,
            i - 1,
            &["of", "for", "with", "from", "in", "on", "at", "by", "a", "an", "the"],
        );
    let in_name = t.is_capitalised(i) && (t.is_capitalised(i + 1) || after_function_word);
    (!in_name && !after_function_word).then_some(v)
}

fn is_in(t: &Tokens, i: usize, list: &[&str]) -> bool {
    t.is_word(i) && lexicon::is_one_of(t.str(i), list)
}

/// True when token `i` is `according` followed by `to`.
fn is_according(t: &Tokens, i: usize) -> bool {
    is_in(t, i, &["according"]) && is_in(t, i + 1, &["to"])
}

/// A cue and its span: the verb, or `according to`.
fn cue_span(t: &Tokens, i: usize) -> Span {
    if is_according(t, i) {
        t.span(i, i + 1)
    } else {
        t.span(i, i)
    }
}

/// True when token `i` is a word that can end a noun phrase: not a function word or a verb.
fn can_end_np(t: &Tokens, i: usize) -> bool {
    t.is_word(i)
        && !is_in(t, i, CLAUSE_WORDS)
        && !is_in(t, i, DETERMINERS)
        && !is_in(t, i, NP_PREPOSITIONS)
        && !is_in(t, i, VERB_MODIFIERS)
        && verb_at(t, i).is_none()
}

/// The noun phrase ending at token `end` and starting no earlier than `from`, scanning left:
/// a pronoun, a capitalised name with its title, or a description up to its determiner.
fn np_ending_at(t: &Tokens, from: usize, end: usize) -> Option<(usize, usize)> {
    if end < from || !t.is_word(end) {
        return None;
    }
    if lexicon::pronoun(t.str(end)).is_some() {
        let object = is_in(t, end, &["him", "them", "me", "us", "her", "its", "his", "their"]);
        return (!object).then_some((end, end));
    }
    if !can_end_np(t, end) {
        return None;
    }
    let mut start = end;
    if t.is_capitalised(end) {
        // A name: capitalised words and particles between them.
        while start > from && end - start < MAX_NP {
            let p = start - 1;
            if t.is_capitalised(p) && !is_in(t, p, CLAUSE_WORDS) && verb_at(t, p).is_none() {
                start = p;
            } else if p > from
                && is_in(t, p, NAME_PARTICLES)
                && t.is_capitalised(p - 1)
                && !is_in(t, p - 1, CLAUSE_WORDS)
            {
                start = p - 1;
            } else if is_in(t, p, &["the", "former", "then", "acting", "deputy", "senior"])
                || (t.is_word(p) && t.str(p).ends_with("’s") || t.str(p).ends_with("'s"))
                    && t.is_capitalised(p)
            {
                start = p;
            } else {
                break;
            }
            if is_in(t, start, DETERMINERS) {
                break;
            }
        }
        // "an official quoted by NBC": the name is the agent of a participle inside a
        // description.
        if start >= from + 3
            && is_in(t, start - 1, &["by"])
            && lexicon::verb(t.str(start - 2)).is_some()
            && let Some((a, _)) = np_ending_at(t, from, start - 3)
        {
            return Some((a, end));
        }
        return Some((start, end));
    }
    // A description: words back to its determiner, through prepositional phrases.
    while start > from && end - start < MAX_NP {
        let p = start - 1;
        if is_in(t, p, DETERMINERS) {
            start = p;
            let prep_before = p > from + 1
                && is_in(t, p - 1, NP_PREPOSITIONS)
                && t.is_word(p - 2)
                && !is_in(t, p - 2, CLAUSE_WORDS);
            if !prep_before {
                break;
            }
        } else if is_in(t, p, NP_PREPOSITIONS) {
            // "quoted by NBC": a participle before "by" stays in the phrase.
            start = p;
        } else if t.is_word(p)
            && !is_in(t, p, CLAUSE_WORDS)
            && !is_in(t, p, VERB_MODIFIERS)
            && (verb_at(t, p).is_none() || is_in(t, p + 1, &["by"]))
        {
            start = p;
        } else {
            break;
        }
    }
    // A phrase never starts with a preposition.
    while start < end && is_in(t, start, NP_PREPOSITIONS) {
        start += 1;
    }
    Some((start, end))
}

/// The subject before the verb at `verb`: skips auxiliaries and adverbs ("has also said"), a
/// time ("on Friday"), a parenthesis ("(R-Texas)") and an apposition or relative clause
/// between commas ("Umerov, who is in the US for the talks, said").
fn subject_before(t: &Tokens, from: usize, verb: usize) -> Option<(usize, usize)> {
    let mut j = verb.checked_sub(1)?;
    loop {
        if j < from {
            return None;
        }
        if is_in(t, j, VERB_MODIFIERS) && !lexicon::pronoun(t.str(j)).is_some() {
            j = j.checked_sub(1)?;
        } else if is_in(t, j, TIME_WORDS) && j > from && t.is_word(j - 1) {
            j -= 1;
            if is_in(t, j, &["on", "last", "this", "late", "early", "on", "earlier"]) {
                j = j.checked_sub(1)?;
            }
        } else if t.is_punct(j, ')') {
            let open = (from..j).rev().find(|&k| t.is_punct(k, '('))?;
            j = open.checked_sub(1)?;
        } else {
            break;
        }
    }
    if t.is_punct(j, ',') || t.is_punct(j, '—') || t.is_punct(j, '–') {
        let close = t.str(j);
        let open = (from..j).rev().find(|&k| t.str(k) == close || t.is_punct(k, ','))?;
        let inner = open + 1;
        // "X, who …, said": the relative pronoun's antecedent is the speaker.
        if inner < j && is_in(t, inner, &["who"]) || open > from {
            return np_ending_at(t, from, open.checked_sub(1)?);
        }
        return None;
    }
    np_ending_at(t, from, j)
}

/// The noun phrase starting at token `start` and ending before `end`, scanning right: the
/// speaker after an inverted cue ("said the US secretary of state") or after `according to`.
fn np_starting_at(t: &Tokens, start: usize, end: usize) -> Option<(usize, usize)> {
    if start >= end || !t.is_word(start) {
        return None;
    }
    if is_in(t, start, CLAUSE_WORDS) || is_in(t, start, TIME_WORDS) {
        return None;
    }
    if is_in(t, start, NP_PREPOSITIONS) || verb_at(t, start).is_some() {
        return None;
    }
    if lexicon::pronoun(t.str(start)).is_some() {
        let object = is_in(t, start, &["him", "them", "me", "us", "her"]);
        return (!object).then_some((start, start));
    }
    let mut last = start;
    let mut k = start + 1;
    let described = !t.is_capitalised(start);
    while k < end && k - start < MAX_NP {
        if !t.is_word(k) || is_in(t, k, CLAUSE_WORDS) || is_in(t, k, TIME_WORDS) {
            break;
        }
        if verb_at(t, k).is_some() && !is_in(t, k + 1, &["by"]) {
            break;
        }
        if is_in(t, k, NP_PREPOSITIONS) {
            let keeps = is_in(t, k, &["of", "for", "with"])
                || (described && is_in(t, k, &["at", "in", "from", "to"]));
            if !keeps || is_in(t, k + 1, TIME_WORDS) {
                break;
            }
        } else {
            last = k;
        }
        k += 1;
    }
    Some((start, last))
}

/// The subject of the clause starting at `from`: after an introductory phrase ("On Friday,"),
/// a pronoun, a name or a description.
fn clause_subject(t: &Tokens, from: usize, to: usize) -> Option<(usize, usize)> {
    let mut s = from;
    if is_in(t, s, INTRO_WORDS) || t.str(s).ends_with("ing") {
        if is_in(t, s, &["but", "and", "so", "yet", "then", "also"]) {
            s += 1;
        }
        if is_in(t, s, INTRO_WORDS) || (t.is_word(s) && t.str(s).ends_with("ing")) {
            // Skip to the last comma before the first verb.
            let mut comma = None;
            for k in s..to.min(s + 25) {
                if t.is_punct(k, ',') {
                    comma = Some(k);
                } else if verb_at(t, k).is_some() && comma.is_some() {
                    break;
                }
            }
            s = comma? + 1;
        }
    }
    if s >= to || !t.is_word(s) {
        return None;
    }
    if lexicon::pronoun(t.str(s)).is_some() {
        return np_starting_at(t, s, to);
    }
    // The phrase runs to the first verb-like word or comma.
    let mut k = s;
    while k < to && k - s < MAX_NP {
        if !t.is_word(k) {
            break;
        }
        let w = t.str(k);
        let verbish = verb_at(t, k).is_some()
            || is_in(t, k, VERB_MODIFIERS)
            || (!t.is_capitalised(k) && (w.ends_with("ed") || w.ends_with("es")) && k > s);
        if verbish || (k > s && is_in(t, k, CLAUSE_WORDS)) {
            break;
        }
        k += 1;
    }
    let (a, b) = (s, k.checked_sub(1)?);
    (b >= a && b < to && can_end_np(t, b)).then_some((a, b))
}

/// The first token of the clause holding token `i`: after the last sentence end or quotation.
pub fn clause_start(t: &Tokens, i: usize) -> usize {
    (0..i)
        .rev()
        .find(|&k| t.ends_sentence(k) || t.is_quote(k))
        .map_or(0, |k| k + 1)
}

/// One past the last token of the text after token `i` up to the next sentence end, colon or
/// quotation.
fn tail_end(t: &Tokens, i: usize) -> usize {
    (i + 1..t.len())
        .find(|&k| t.ends_sentence(k) || t.is_quote(k) || t.is_punct(k, ':'))
        .unwrap_or(t.len())
}

fn frame(t: &Tokens, np: (usize, usize), cue: Option<usize>, method: Method) -> Frame {
    Frame {
        speaker: t.span(np.0, np.1),
        cue: cue.map(|c| cue_span(t, c)),
        method,
    }
}

/// True when the quotation's own text ends a sentence (`.”`, `?”`, `!”`).
fn quote_ends_sentence(t: &Tokens, q: usize) -> bool {
    let s = t.str(q).trim_end_matches(['"', '”', '\'', '’', '»', ' ']);
    s.ends_with(['.', '?', '!', '…'])
}

/// The attribution right after the quotation at token `q`: `"…," Rubio said`, `"…," said
/// Rubio`, `"…," according to Reuters`, `"…," Umerov, who …, said`.
pub fn after(t: &Tokens, q: usize) -> Option<Frame> {
    let end = tail_end(t, q);
    let mut s = q + 1;
    while s < end && (t.is_punct(s, ',') || t.is_punct(s, '—') || t.is_punct(s, '–')) {
        s += 1;
    }
    if s >= end {
        return None;
    }
    // After a closed sentence, a capitalised word starts a new sentence unless a short cue
    // clause follows ("“Yes!” Trump said.").
    let new_sentence = quote_ends_sentence(t, q) && t.is_capitalised(s);
    if is_according(t, s) {
        let np = np_starting_at(t, s + 2, end)?;
        return Some(frame(t, np, Some(s), Method::According));
    }
    if let Some(v) = verb_at(t, s) {
        if v.inverts && !v.weak && !new_sentence {
            let np = np_starting_at(t, s + 1, end)?;
            return Some(frame(t, np, Some(s), Method::Cue));
        }
        return None;
    }
    let limit = end.min(s + MAX_TRAILING);
    let c = (s..limit).find(|&k| verb_at(t, k).is_some() || is_according(t, k))?;
    let v = verb_at(t, c)?;
    if v.participle || (v.weak && c > s + 2) || (new_sentence && end - c > 6) {
        return None;
    }
    let np = subject_before(t, s, c)?;
    // The phrase must start the tail, or follow only a conjunction ("and he added").
    let gap_ok = (s..np.0).all(|k| is_in(t, k, &["and", "but", "then", "so", "as"]));
    gap_ok.then(|| frame(t, np, Some(c), Method::Cue))
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
    let colon = t.is_punct(q - 1, ':');
    // The speech verb nearest the quotation; `according to` anywhere.
    let cue = (from..q)
        .rev()
        .find(|&k| verb_at(t, k).is_some_and(|v| !v.weak || k + 3 >= q) || is_according(t, k));
    if let Some(c) = cue {
        if is_according(t, c) {
            let np = np_starting_at(t, c + 2, q)?;
            return Some(frame(t, np, Some(c), Method::According));
        }
        let v = verb_at(t, c)?;
        let adjacent = (c + 1..q).all(|k| {
            t.is_punct(k, ':') || t.is_punct(k, ',') || t.is_punct(k, '—') || is_in(t, k, &["that"])
        });
        let method = if adjacent {
            Method::Cue
        } else {
            Method::Reported
        };
        let np = if v.participle {
            clause_subject(t, sentence_start(t, from), c)
        } else {
            subject_before(t, from, c)
                .or_else(|| v.inverts.then(|| np_starting_at(t, c + 1, q)).flatten())
        };
        return np.map(|np| frame(t, np, Some(c), method));
    }
    if colon {
        let np = clause_subject(t, from, q - 1)?;
        return Some(frame(t, np, None, Method::Colon));
    }
    None
}

/// The start of the sentence holding token `i`, looking back across quotations.
fn sentence_start(t: &Tokens, i: usize) -> usize {
    (0..i)
        .rev()
        .find(|&k| t.ends_sentence(k))
        .map_or(0, |k| k + 1)
}

/// The speaker of a paragraph that ends in a colon and introduces the quotation of the next
/// paragraph: `Caddell continued:`, `The New York Times reports:`.
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

/// The speaker named at the start of a headline: `Pat Caddell: … ‘in Their Heads.’`.
pub fn headline_speaker(t: &Tokens, q: usize) -> Option<Frame> {
    let colon = (0..q.min(6)).find(|&k| t.is_punct(k, ':'))?;
    let all_names = (0..colon).all(|k| t.is_capitalised(k) || is_in(t, k, NAME_PARTICLES));
    (colon > 0 && all_names).then(|| frame(t, (0, colon - 1), Some(colon), Method::Headline))
}

/// The speaker mentioned in `t` right before a speech verb anywhere in tokens `from..to`, the
/// nearest to `to` first: candidates for resolving a pronoun.
pub fn speech_subjects(t: &Tokens, from: usize, to: usize) -> Vec<Span> {
    let mut out = Vec::new();
    for c in (from..to).rev() {
        if let Some(v) = verb_at(t, c) {
            if v.participle || v.weak {
                continue;
            }
            let cs = clause_start(t, c);
            if let Some(np) = subject_before(t, cs, c) {
                out.push(t.span(np.0, np.1));
            }
        }
    }
    out
}

/// The noun phrase right before token `i` in its clause ("Trump" in "Trump, who said").
pub fn np_before(t: &Tokens, i: usize) -> Option<Span> {
    let np = np_ending_at(t, clause_start(t, i), i.checked_sub(1)?)?;
    Some(t.span(np.0, np.1))
}

/// The subject of each sentence in tokens `from..to`, the last sentence first.
pub fn sentence_subjects(t: &Tokens, from: usize, to: usize) -> Vec<Span> {
    let mut starts = vec![from];
    starts.extend((from..to).filter(|&k| t.ends_sentence(k)).map(|k| k + 1));
    starts
        .iter()
        .rev()
        .filter(|&&s| s < to)
        .filter_map(|&s| {
            let e = tail_end(t, s.saturating_sub(1)).min(to).max(s);
            clause_subject(t, s, e).map(|np| t.span(np.0, np.1))
        })
        .collect()
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
        let t = Tokens { text: p, toks: &toks };
        (0..t.len())
            .filter(|&i| matches!(toks[i].kind, Kind::Quote(_)))
            .map(|q| {
                let f = after(&t, q).or_else(|| before(&t, q))?;
                Some((
                    f.speaker.text(p),
                    f.cue.map_or("", |c| c.text(p)),
                    f.method,
                ))
            })
            .collect()
    }

    fn one(p: &str) -> Option<(&str, &str, Method)> {
        attribute(p)[0]
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
            one("“Only a negotiated settlement can end this war,” said the US secretary of state, adding that it is up to Ukraine."),
            Some(("the US secretary of state", "said", Method::Cue))
        );
        assert_eq!(
            one("“But there are still concerns,” said a US official with direct knowledge of the matter."),
            Some(("a US official with direct knowledge of the matter", "said", Method::Cue))
        );
        assert_eq!(
            one("\"We have called on Ukraine to withdraw its draft,\" U.S. diplomats wrote in a note to European capitals, according to the Journal."),
            Some(("U.S. diplomats", "wrote", Method::Cue))
        );
        assert_eq!(
            one("“Some have questioned it,” one source told NBC."),
            Some(("one source", "told", Method::Cue))
        );
    }

    #[test]
    fn apposition_time_and_auxiliaries_between_speaker_and_cue() {
        assert_eq!(
            one("“We are ready,” Umerov, who is in the US for the talks, said on Telegram."),
            Some(("Umerov", "said", Method::Cue))
        );
        assert_eq!(
            one("“We are ready,” Secretary of State Marco Rubio said Friday."),
            Some(("Secretary of State Marco Rubio", "said", Method::Cue))
        );
        assert_eq!(
            one("“It is over,” Sen. Ted Cruz (R-Texas) has repeatedly said."),
            Some(("Sen. Ted Cruz", "said", Method::Cue))
        );
    }

    #[test]
    fn speaker_before_the_quotation() {
        assert_eq!(
            one("Rubio said: “We urge all member states to join.”"),
            Some(("Rubio", "said", Method::Cue))
        );
        assert_eq!(
            one("One senior Trump administration official quoted by NBC said: “It is so clear that Rubio has been cut out of this.”"),
            Some(("One senior Trump administration official quoted by NBC", "said", Method::Cue))
        );
        assert_eq!(
            one("Ukrainian Foreign Minister Andrii Sybiha reaffirmed Kyiv's position Saturday, writing on X that \"Russian responsibility for the war cannot be put into question.\""),
            Some(("Ukrainian Foreign Minister Andrii Sybiha", "writing", Method::Reported))
        );
        assert_eq!(
            one("According to the agency, “the talks failed.”"),
            Some(("the agency", "According to", Method::According))
        );
    }

    #[test]
    fn colon_lead_in_without_a_speech_verb() {
        assert_eq!(
            one("Earlier in the day, Rubio delivered a stark message: “We need to decide quickly.”"),
            Some(("Rubio", "", Method::Colon))
        );
    }

    #[test]
    fn partial_quotations_in_reported_speech() {
        assert_eq!(
            one("The allies will continue what one European diplomat described as “fragile and consequential” talks."),
            Some(("one European diplomat", "described", Method::Reported))
        );
        assert_eq!(
            one("Rubio dismissed the idea as “fake news” at the time."),
            Some(("Rubio", "dismissed", Method::Reported))
        );
        assert_eq!(
            one("At a fundraiser, Clinton called half of Donald Trump’s supporters “deplorables.”"),
            Some(("Clinton", "called", Method::Reported))
        );
        assert_eq!(
            one("The U.S. resolution calls for \"a swift end\" to the conflict."),
            Some(("The U.S. resolution", "calls", Method::Reported))
        );
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
        assert_eq!(
            one("On Friday, in his “Results of the year” speech in Moscow, Putin blamed Kyiv."),
            None
        );
        assert_eq!(one("“We will win.” The crowd cheered loudly and then left the hall."), None);
    }

    #[test]
    fn paragraph_lead_in_and_headline() {
        let p = "Caddell continued:";
        let toks = toks(p);
        let t = Tokens { text: p, toks: &toks };
        assert_eq!(lead_in(&t).map(|f| f.speaker.text(p)), Some("Caddell"));
        let p = "The New York Times reports:";
        let toks = self::toks(p);
        let t = Tokens { text: p, toks: &toks };
        assert_eq!(
            lead_in(&t).map(|f| f.speaker.text(p)),
            Some("The New York Times")
        );
        let p = "Pat Caddell: Voters Worried; It’s ‘in Their Heads.’";
        let toks = self::toks(p);
        let t = Tokens { text: p, toks: &toks };
        let q = toks.iter().position(|x| matches!(x.kind, Kind::Quote(_))).unwrap();
        assert_eq!(
            headline_speaker(&t, q).map(|f| f.speaker.text(p)),
            Some("Pat Caddell")
        );
    }
}
