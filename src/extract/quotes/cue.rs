//! Speech cues in context: which word forms act as speech verbs where they stand, and
//! `according to`.

use crate::extract::quotes::lexicon::{self, Verb, class};
use crate::extract::quotes::tokens::Tokens;
use crate::span::Span;

/// A speech verb at token `i`, if there is one. A capitalised form is a verb only in a
/// title-case headline ("Trump Says ‘…’"), not inside a name ("Secretary of State Rubio"), and
/// no form is a verb right after a preposition or a determiner ("secretary of state").
pub(super) fn verb_at(t: &Tokens, i: usize) -> Option<Verb> {
    let v = t.toks.get(i)?.word.verb()?;
    // "Said Okafor: …" opens a sentence with an inverted cue in the past tense.
    let opens_sentence = i == 0 || t.ends_sentence(i - 1) || t.is_quote(i - 1);
    let past = v.irregular_past || t.str(i).ends_with("ed");
    let inverted_opening = opens_sentence && v.inverts && past && t.is_capitalised(i + 1);
    if inverted_opening {
        return Some(v);
    }
    if t.is_capitalised(i) && !t.headline {
        return None;
    }
    let after_possessive = i > 0 && (t.str(i - 1).ends_with("’s") || t.str(i - 1).ends_with("'s"));
    // "an official quoted by NBC": a passive participle, not a cue.
    let passive = is_in(t, i + 1, &["by"]) && (t.str(i).ends_with("ed") || v.irregular_past);
    if after_possessive || passive {
        return None;
    }
    let after_function_word = i > 0
        && is_in(
            t,
            i - 1,
            &[
                "of", "for", "with", "from", "in", "on", "at", "by", "a", "an", "the", "his",
                "her", "their", "its", "our", "my", "your",
            ],
        );
    // "the caustic chant", "another sympathetic tweet": a present form after a determiner and
    // a word that is not a noun for people is a noun.
    let w = t.str(i);
    let present = !w.ends_with("ed") && !w.ends_with("ing") && !v.inverts_irregular();
    let adjective = |w: &str| {
        w.contains('-')
            || [
                "ic", "al", "ous", "ive", "ful", "less", "able", "ible", "ish", "est",
            ]
            .iter()
            .any(|suffix| w.ends_with(suffix))
    };
    let noun_after_adjective = present
        && i >= 2
        && is_in(t, i - 2, &["a", "an", "the", "another", "this", "that"])
        && adjective(t.str(i - 1))
        && lexicon::person_noun(t.str(i - 1)).is_none();
    if noun_after_adjective {
        return None;
    }
    // "made an emotional call", "a historic call": a form that is also a noun is a verb
    // only after its subject or an auxiliary ("Trump calls", "officials say", "he will call").
    let subject_before = i > 0
        && (t.pronoun(i - 1).is_some()
            || t.has(i - 1, class::MODIFIER | class::AUXILIARY)
            || is_in(t, i - 1, &["to"])
            || t.is_capitalised(i - 1)
            || t.is_punct(i - 1, ',')
            || t.is_punct(i - 1, ')')
            || lexicon::person_noun(t.str(i - 1)).is_some()
            // "the resolution calls", not "an emotional call".
            || (t.is_lowercase_word(i - 1)
                && !adjective(t.str(i - 1))
                && !t.str(i - 1).ends_with("ed")
                && !t.str(i - 1).ends_with("ing")
                && i >= 2
                && (t.has(i - 2, class::DETERMINER) || t.is_capitalised(i - 2))));
    if v.noun && !subject_before && !t.headline {
        return None;
    }
    let in_name = t.is_capitalised(i) && (t.is_capitalised(i + 1) || after_function_word);
    (!in_name && !after_function_word).then_some(v)
}

pub(super) fn is_in(t: &Tokens, i: usize, list: &[&str]) -> bool {
    t.is_word(i) && lexicon::is_one_of(t.str(i), list)
}

/// True when token `i` is `according` followed by `to`.
pub(super) fn is_according(t: &Tokens, i: usize) -> bool {
    is_in(t, i, &["according"]) && is_in(t, i + 1, &["to"])
}

/// A cue and its span: the verb, or `according to`.
pub(super) fn cue_span(t: &Tokens, i: usize) -> Span {
    if is_according(t, i) {
        t.span(i, i + 1)
    } else {
        t.span(i, i)
    }
}
