//! Noun phrases around a cue, found from the words alone: a pronoun, a capitalised name with
//! its title ("Secretary of State Marco Rubio"), a description up to its determiner ("a US
//! official with direct knowledge of the matter"), or the subject of a clause after an
//! introductory phrase ("On Friday, Rubio …").

use crate::extract::quotes::cue::{is_in, verb_at};
use crate::extract::quotes::lexicon::class;
use crate::extract::quotes::speaker::{clause_start, tail_end};
use crate::extract::quotes::tokens::Tokens;
use crate::span::Span;

/// Longest noun phrase taken as a speaker, in tokens.
pub(super) const MAX_NP: usize = 14;

/// True when token `i` is a word that can end a noun phrase: not a function word or a verb.
pub(super) fn can_end_np(t: &Tokens, i: usize) -> bool {
    t.is_word(i)
        && !t.has(i, class::CLAUSE)
        && !t.has(i, class::DETERMINER)
        && !t.has(i, class::PREPOSITION)
        && !t.has(i, class::MODIFIER)
        && verb_at(t, i).is_none()
}

/// The noun phrase ending at token `end` and starting no earlier than `from`, scanning left:
/// a pronoun, a capitalised name with its title, or a description up to its determiner.
pub(super) fn np_ending_at(t: &Tokens, from: usize, end: usize) -> Option<(usize, usize)> {
    if end < from || !t.is_word(end) {
        return None;
    }
    if t.pronoun(end).is_some() {
        let object = is_in(
            t,
            end,
            &["him", "them", "me", "us", "her", "its", "his", "their"],
        );
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
            if t.is_capitalised(p)
                && !t.has(p, class::CLAUSE)
                && !t.has(p, class::INTRO)
                && !t.has(p, class::DETERMINER)
                && verb_at(t, p).is_none()
            {
                start = p;
            } else if p > from
                && t.has(p, class::PARTICLE)
                && t.is_capitalised(p - 1)
                && !t.has(p - 1, class::CLAUSE)
            {
                start = p - 1;
            } else if is_in(
                t,
                p,
                &["the", "former", "then", "acting", "deputy", "senior"],
            ) || (t.is_word(p) && t.str(p).ends_with("’s") || t.str(p).ends_with("'s"))
                && t.is_capitalised(p)
            {
                start = p;
            } else {
                break;
            }
            if t.has(start, class::DETERMINER) {
                break;
            }
        }
        // "an official quoted by NBC", "a source speaking to Fox News": the name is the
        // object of a preposition inside a description.
        if start >= from + 2
            && t.has(start - 1, class::PREPOSITION)
            && t.is_word(start - 2)
            && !t.is_capitalised(start - 2)
            && !t.has(start - 2, class::CLAUSE)
            && !t.has(start - 2, class::MODIFIER)
        {
            let head = if is_in(t, start - 1, &["by"]) && start >= from + 3 {
                start - 3
            } else {
                start - 2
            };
            if let Some((a, _)) = np_ending_at(t, from, head) {
                return Some((a, end));
            }
        }
        return Some((start, end));
    }
    // A description: words back to its determiner, through prepositional phrases.
    while start > from && end - start < MAX_NP {
        let p = start - 1;
        if t.has(p, class::DETERMINER) {
            start = p;
            let prep_before = p > from + 1
                && t.has(p - 1, class::PREPOSITION)
                && t.is_word(p - 2)
                && !t.has(p - 2, class::CLAUSE);
            if !prep_before {
                break;
            }
        } else if t.has(p, class::PREPOSITION) {
            // "quoted by NBC": a participle before "by" stays in the phrase.
            start = p;
        } else if t.is_word(p)
            && !t.has(p, class::CLAUSE)
            && !t.has(p, class::MODIFIER)
            && (verb_at(t, p).is_none() || is_in(t, p + 1, &["by"]))
        {
            start = p;
        } else {
            break;
        }
    }
    // A phrase never starts with a preposition.
    while start < end && t.has(start, class::PREPOSITION) {
        start += 1;
    }
    Some((start, end))
}

/// The subject before the verb at `verb`: skips auxiliaries and adverbs ("has also said"), a
/// time ("on Friday"), a parenthesis ("(R-Texas)") and an apposition or relative clause
/// between commas ("Umerov, who is in the US for the talks, said").
pub(super) fn subject_before(t: &Tokens, from: usize, verb: usize) -> Option<(usize, usize)> {
    let mut j = verb.checked_sub(1)?;
    let passive = is_in(t, j, &["was", "were", "been", "being", "is", "are", "be"]);
    if passive {
        return None;
    }
    let mut apposition_seen = false;
    loop {
        if j < from {
            return None;
        }
        let adverb = t.is_lowercase_word(j) && t.str(j).ends_with("ly");
        if (t.has(j, class::MODIFIER) && t.pronoun(j).is_none()) || adverb {
            j = j.checked_sub(1)?;
        } else if j > from
            && t.str(j).len() == 4
            && t.str(j).bytes().all(|b| b.is_ascii_digit())
            && is_in(t, j - 1, &["in"])
        {
            // "Okafor, who in 2019 said"
            j -= 2;
        } else if t.has(j, class::TIME) && j > from && t.is_word(j - 1) {
            j -= 1;
            if is_in(t, j, &["on", "last", "this", "late", "early", "earlier"]) {
                j = j.checked_sub(1)?;
            }
        } else if t.is_punct(j, ')') {
            // "Sen. Maria Delgado (D-Ore.) said": the parenthesis stays with the name.
            let open = (from..j).rev().find(|&k| t.is_punct(k, '('))?;
            let np = np_ending_at(t, from, open.checked_sub(1)?)?;
            return Some((np.0, j));
        } else if !apposition_seen
            && (t.is_punct(j, ',') || t.is_punct(j, '—') || t.is_punct(j, '–'))
        {
            // "Umerov, who is in the US for the talks, said": skip the apposition.
            let close = t.str(j);
            let open = (from..j)
                .rev()
                .find(|&k| t.str(k) == close || t.is_punct(k, ','))?;
            if open == from {
                return None;
            }
            apposition_seen = true;
            j = open - 1;
        } else {
            break;
        }
    }
    np_ending_at(t, from, j)
}

/// The noun phrase starting at token `start` and ending before `end`, scanning right: the
/// speaker after an inverted cue ("said the US secretary of state") or after `according to`.
pub(super) fn np_starting_at(t: &Tokens, start: usize, end: usize) -> Option<(usize, usize)> {
    if start >= end || !t.is_word(start) {
        return None;
    }
    if t.has(start, class::CLAUSE) || t.has(start, class::TIME) {
        return None;
    }
    if t.has(start, class::PREPOSITION) || verb_at(t, start).is_some() {
        return None;
    }
    if t.pronoun(start).is_some() {
        let object = is_in(t, start, &["him", "them", "me", "us", "her"]);
        return (!object).then_some((start, start));
    }
    let mut last = start;
    let mut k = start + 1;
    let described = !t.is_capitalised(start);
    while k < end && k - start < MAX_NP {
        if !t.is_word(k) || t.has(k, class::CLAUSE) || t.has(k, class::TIME) {
            break;
        }
        if verb_at(t, k).is_some() && !is_in(t, k + 1, &["by"]) {
            break;
        }
        if t.has(k, class::PREPOSITION) {
            let keeps = is_in(t, k, &["of", "for", "with"])
                || (described && is_in(t, k, &["at", "in", "from", "to"]));
            if !keeps || t.has(k + 1, class::TIME) {
                break;
            }
        } else {
            last = k;
        }
        k += 1;
    }
    Some((start, last))
}

/// True when a subject starts at token `k` and a lower-case word follows it: a pronoun, a
/// capitalised name, or a phrase with a determiner.
pub(super) fn opens_clause(t: &Tokens, k: usize) -> bool {
    if t.has(k, class::DETERMINER) && t.pronoun(k).is_none() {
        return true;
    }
    let mut e = k;
    if t.pronoun(k).is_none() {
        if !t.is_capitalised(k) || t.has(k, class::INTRO) {
            return false;
        }
        while t.is_capitalised(e + 1) || (t.has(e + 1, class::PARTICLE) && t.is_capitalised(e + 2))
        {
            e += 1;
        }
    }
    t.is_lowercase_word(e + 1) && !t.has(e + 1, class::PARTICLE)
}

/// The subject of the clause starting at `from`: after an introductory phrase ("On Friday,"),
/// a pronoun, a name or a description.
pub(super) fn clause_subject(t: &Tokens, from: usize, to: usize) -> Option<(usize, usize)> {
    let mut s = from;
    // A dateline: "WASHINGTON (AFP) – ".
    if let Some(dash) = (s..to.min(s + 8)).find(|&k| t.is_punct(k, '–') || t.is_punct(k, '—'))
        && dash > s
        && t.is_punct(dash - 1, ')')
    {
        s = dash + 1;
    }
    let intro = |k: usize| {
        t.has(k, class::INTRO)
            || t.has(k, class::TIME)
            || (t.is_word(k) && (t.str(k).ends_with("ing") || t.str(k).ends_with("ly")))
    };
    if intro(s) {
        if is_in(t, s, &["but", "and", "so", "yet", "then", "also"]) {
            s += 1;
        }
        if intro(s) {
            // Skip to the comma after which a subject comes: a pronoun, a name or a phrase
            // followed by a lower-case word ("Speaking in Lyon, France, Reyes went").
            s = (s..to.min(s + 30))
                .filter(|&k| t.is_punct(k, ','))
                .map(|k| k + 1)
                .find(|&k| opens_clause(t, k))?;
        }
    }
    if s >= to || !t.is_word(s) {
        return None;
    }
    let possessive = is_in(t, s, &["his", "her", "their", "its", "our", "my", "your"]);
    if t.pronoun(s).is_some() && !possessive {
        return np_starting_at(t, s, to);
    }
    // A name is its capitalised words; another phrase runs to the first verb-like word.
    if t.is_capitalised(s) && !t.has(s, class::DETERMINER) {
        let mut e = s;
        while e + 1 < to
            && (t.is_capitalised(e + 1)
                || (t.has(e + 1, class::PARTICLE) && t.is_capitalised(e + 2) && e + 2 < to))
        {
            e += 1;
        }
        return Some((s, e));
    }
    let mut k = s;
    while k < to && k - s < MAX_NP {
        if !t.is_word(k) {
            break;
        }
        let w = t.str(k);
        let verbish = verb_at(t, k).is_some()
            || t.has(k, class::MODIFIER)
            || (!t.is_capitalised(k) && (w.ends_with("ed") || w.ends_with("es")) && k > s);
        if verbish || (k > s && t.has(k, class::CLAUSE)) {
            break;
        }
        k += 1;
    }
    let (a, b) = (s, k.checked_sub(1)?);
    (b >= a && b < to && can_end_np(t, b)).then_some((a, b))
}

/// The noun phrase filling tokens `s..c` before the verb at `c`, after a quotation: all of it,
/// less auxiliaries, a time or a parenthesis before the verb, and an apposition after the
/// first comma ("Umerov, who is in the US for the talks, said").
pub(super) fn leading_np(t: &Tokens, s: usize, c: usize) -> Option<(usize, usize)> {
    let mut e = c.checked_sub(1)?;
    while e > s {
        let adverb = t.is_lowercase_word(e) && t.str(e).ends_with("ly");
        if (t.has(e, class::MODIFIER) && t.pronoun(e).is_none()) || adverb {
            e -= 1;
        } else if t.has(e, class::TIME) && t.is_word(e - 1) {
            e -= 1;
            if is_in(t, e, &["on", "last", "this", "late", "early", "earlier"]) && e > s {
                e -= 1;
            }
        } else if t.is_punct(e, ')') {
            e = (s..e).rev().find(|&k| t.is_punct(k, '('))?.checked_sub(1)?;
        } else {
            break;
        }
    }
    if let Some(comma) = (s..=e).find(|&k| t.is_punct(k, ',') || t.is_punct(k, '—')) {
        e = comma.checked_sub(1)?;
    }
    if e < s || e - s >= MAX_NP {
        return None;
    }
    let single_pronoun = e == s && t.pronoun(s).is_some();
    let words_only = (s..=e).all(|k| {
        t.is_word(k)
            && !t.has(k, class::AUXILIARY)
            && (!t.has(k, class::CLAUSE)
                || (is_in(t, k, &["and"]) && k > s && k < e && t.is_capitalised(k - 1)))
    });
    // Not a participle phrase: "gasping facedown on a sidewalk", "compared to 11%".
    let participle =
        t.is_lowercase_word(s) && (t.str(s).ends_with("ing") || t.str(s).ends_with("ed"));
    let opens = !t.has(s, class::PREPOSITION) && !t.has(s, class::TIME) && !participle;
    let object = is_in(t, s, &["him", "them", "me", "us"]);
    (single_pronoun && !object || (words_only && opens && can_end_np(t, e))).then_some((s, e))
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
