//! Resolving pronoun speakers ("he said", "she added", "they wrote", "who said") to the
//! mention they stand for, and linking speakers to the article's actors by span.
//!
//! The antecedent of a personal pronoun is the nearest compatible candidate, sentence by
//! sentence backwards from the pronoun (up to a few paragraphs): in each sentence, first the
//! speakers of speech verbs (a previous quotation's speaker among them), then the sentence's
//! subject, then the other mentions. Compatibility uses gender and number: from the article's
//! actors when mentions exist, otherwise from given names, honorifics and nouns for people.

use std::collections::HashMap;

use crate::extract::actors::{ActorKind, EntityType, Gender, LocalActor, Mention};
use crate::extract::quotes::Quote;
use crate::extract::quotes::context::{Context, Place};
use crate::extract::quotes::lexicon::{self, PronounKind};
use crate::extract::quotes::phrase;
use crate::extract::quotes::speaker;
use crate::extract::quotes::tokens::Tokens;
use crate::span::Span;

/// How many paragraphs before the pronoun's own are searched.
const PARAGRAPHS_BACK: usize = 3;

/// What a candidate antecedent can be referred to by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Profile {
    /// `Some(true)` for a person, `Some(false)` for an organisation, place or thing.
    pub person: Option<bool>,
    /// True for a group ("officials") or an organisation.
    pub plural: bool,
    /// Gender, when known.
    pub gender: Option<Gender>,
}

impl Profile {
    /// True when a pronoun of kind `kind` can refer to something with this profile.
    pub fn fits(&self, kind: PronounKind) -> bool {
        match kind {
            PronounKind::Personal(g) => {
                self.person != Some(false) && !self.plural && self.gender.is_none_or(|x| x == g)
            }
            PronounKind::Plural => self.plural || self.person == Some(false),
            // A thing or an organisation is "it" (and "they"); a group of people is not.
            PronounKind::Neuter => self.person != Some(true),
            PronounKind::Deictic | PronounKind::Relative => false,
        }
    }
}

/// The profile of a mention from the article's actors, when a mention covers it.
fn profile_from_mentions(
    text: &str,
    span: Span,
    mentions: &[Mention],
    actors: &[LocalActor],
) -> Option<Profile> {
    // The head of a phrase is its last name ("Marco Rubio" in "US Secretary of State …").
    let m = overlapping(span, mentions).last()?;
    let actor = actors.get(m.actor as usize);
    if actor.is_some_and(|a| a.kind == ActorKind::Unnamed) {
        // An unnamed source is a person or a group, whatever its words say.
        let words = Profile::of_text(span.text(text));
        return Some(Profile {
            person: Some(true),
            ..words
        });
    }
    let person = m.entity == EntityType::Person;
    Some(Profile {
        person: Some(person),
        plural: !person,
        gender: actor.and_then(|a| a.gender),
    })
}

impl Profile {
    /// The profile read from a mention's words alone: a pronoun, given names, honorifics,
    /// nouns for people and words of organisations.
    pub fn of_text(s: &str) -> Profile {
        let words: Vec<&str> = s.split_whitespace().collect();
        if let [w] = words.as_slice()
            && let Some(kind) = lexicon::pronoun(w)
        {
            return match kind {
                PronounKind::Personal(g) => Profile {
                    person: Some(true),
                    plural: false,
                    gender: Some(g),
                },
                PronounKind::Plural => Profile {
                    person: None,
                    plural: true,
                    gender: None,
                },
                PronounKind::Neuter => Profile {
                    person: Some(false),
                    plural: false,
                    gender: None,
                },
                _ => Profile::default(),
            };
        }
        let mut p = Profile::default();
        if words.iter().any(|w| lexicon::is_organisation_word(w)) {
            p.person = Some(false);
            p.plural = true;
            return p;
        }
        // The head noun: the last word before a preposition or a participle.
        let head_end = words
            .iter()
            .skip(1)
            .position(|w| {
                lexicon::word(w).class & lexicon::class::PREPOSITION != 0
                    || lexicon::verb(w).is_some()
            })
            .map_or(words.len(), |k| k + 1);
        let Some(&head_word) = words[..head_end].last() else {
            return p;
        };
        for w in &words[..head_end] {
            let w = w.trim_end_matches('.');
            p.gender = p
                .gender
                .or_else(|| lexicon::first_name_gender(w))
                .or_else(|| lexicon::gender_word(w));
            if lexicon::person_noun(w).is_some() {
                p.person = Some(true);
            }
        }
        if head_word.starts_with(char::is_lowercase) {
            match lexicon::person_noun(head_word) {
                Some(plural) => {
                    p.person = Some(true);
                    p.plural = plural;
                }
                None => p.person = Some(false),
            }
        } else if p.gender.is_some() {
            p.person = Some(true);
        }
        p
    }
}

/// The mention inside a phrase that the pronoun refers to ("Marco Rubio" in "US Secretary of
/// State Marco Rubio"): the last fitting one, or the phrase itself when none fits.
fn snap_to_mention(
    text: &str,
    phrase: Span,
    kind: PronounKind,
    mentions: &[Mention],
    actors: &[LocalActor],
) -> Span {
    overlapping(phrase, mentions)
        .filter(|m| phrase.covers(m.span))
        .filter(|m| {
            profile_from_mentions(text, m.span, mentions, actors).is_some_and(|p| p.fits(kind))
        })
        .last()
        .map_or(phrase, |m| m.span)
}

/// The actor a speaker refers to: the actor of the mention it is or contains. A description
/// of a person by role ("the US secretary of state") is the actor holding that role, never the
/// place or body named inside it ("US").
pub fn speaker_actor(
    text: &str,
    span: Span,
    mentions: &[Mention],
    actors: &[LocalActor],
) -> Option<u32> {
    let found = actor_of(Some(span), mentions)?;
    let words = span.text(text);
    let person = Profile::of_text(words).person == Some(true);
    let found_person = actors
        .get(found as usize)
        .is_some_and(|a| matches!(a.kind, ActorKind::Person | ActorKind::Unnamed));
    if !person || found_person || words.starts_with(char::is_uppercase) {
        return Some(found);
    }
    let lower = words.to_lowercase();
    actors
        .iter()
        .position(|a| {
            a.kind == ActorKind::Person
                && a.roles.iter().any(|r| {
                    let title = r.title.to_lowercase();
                    title.len() > 3 && lower.contains(title.as_str())
                })
        })
        .map(|i| i as u32)
}

/// The actor a mention refers to: the article mention that overlaps it most.
pub fn actor_of(span: Option<Span>, mentions: &[Mention]) -> Option<u32> {
    let span = span?;
    overlapping(span, mentions)
        .max_by_key(|m| m.span.end.min(span.end) - m.span.start.max(span.start))
        .map(|m| m.actor)
}

/// Longest mention, in bytes, looked back over when searching mentions by position.
const LONGEST_MENTION: u32 = 512;

/// The mentions (sorted by start, as extracted) that overlap `span`, found by binary search.
fn overlapping(span: Span, mentions: &[Mention]) -> impl Iterator<Item = &Mention> {
    let lo =
        mentions.partition_point(|m| m.span.start.saturating_add(LONGEST_MENTION) < span.start);
    let hi = mentions.partition_point(|m| m.span.start < span.end);
    mentions[lo..hi.max(lo)]
        .iter()
        .filter(move |m| m.span.overlaps(span))
}

/// Where a speaker is: its paragraph and token.
fn locate(ctx: &Context, first: Place, span: Span) -> Option<(usize, usize)> {
    let para = ctx.para_at(span.start()).unwrap_or(first.para);
    let t = ctx.tokens(para);
    let k = t.toks.partition_point(|x| x.span.start < span.start);
    (t.toks.get(k)?.span.start == span.start).then_some((para, k))
}

/// Candidate antecedents before token `k` of paragraph `para`, in order of preference.
fn candidates(ctx: &Context, mentions: &[Mention], para: usize, k: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let first = para.saturating_sub(PARAGRAPHS_BACK);
    for p in (first..=para).rev() {
        let t = ctx.tokens(p);
        let end = if p == para { k } else { t.len() };
        let floor = end.saturating_sub(speaker::WINDOW);
        let mut bounds: Vec<usize> = vec![floor];
        bounds.extend((floor..end).filter(|&i| t.ends_sentence(i)).map(|i| i + 1));
        for w in bounds.iter().rev() {
            let s = *w;
            if s >= end {
                continue;
            }
            let e = bounds
                .iter()
                .find(|&&b| b > s)
                .copied()
                .unwrap_or(end)
                .min(end);
            out.extend(phrase::speech_subjects(&t, s, e));
            out.extend(phrase::sentence_subjects(&t, s, e));
            let range = Span::new(t.toks[s].span.start(), t.toks[e - 1].span.end());
            let lo = mentions.partition_point(|m| m.span.start < range.start);
            let hi = mentions.partition_point(|m| m.span.start < range.end);
            let mut named: Vec<Span> = mentions[lo..hi.max(lo)]
                .iter()
                .filter(|m| range.covers(m.span))
                .map(|m| m.span)
                .collect();
            if mentions.is_empty() {
                named = names(&t, s, e);
            }
            named.reverse();
            out.extend(named);
        }
    }
    out
}

/// Capitalised names in tokens `from..to`; the first word of a sentence only when the next
/// word is capitalised too ("Maria Delgado spoke").
fn names(t: &Tokens, from: usize, to: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut i = if t.is_capitalised(from + 1) {
        from
    } else {
        from + 1
    };
    while i < to {
        if t.is_capitalised(i) && lexicon::pronoun(t.str(i)).is_none() {
            let s = i;
            while i + 1 < to && t.is_capitalised(i + 1) {
                i += 1;
            }
            out.push(t.span(s, i));
        }
        i += 1;
    }
    out
}

/// Resolves the pronoun speakers of `quotes` (in text order) and sets their antecedents.
pub fn resolve(
    ctx: &Context,
    places: &[Vec<Place>],
    mentions: &[Mention],
    actors: &[LocalActor],
    quotes: &mut [Quote],
) {
    let mut resolved: HashMap<Span, Span> = HashMap::new();
    let profile = |s: Span| {
        profile_from_mentions(ctx.text, s, mentions, actors)
            .unwrap_or_else(|| Profile::of_text(s.text(ctx.text)))
    };
    for (q, place) in quotes.iter_mut().zip(places) {
        let Some(sp) = q.speaker else { continue };
        let Some(kind) = lexicon::pronoun(sp.text(ctx.text)) else {
            continue;
        };
        if let Some(&a) = resolved.get(&sp) {
            q.antecedent = Some(a);
            continue;
        }
        let Some((para, k)) = locate(ctx, place[0], sp) else {
            continue;
        };
        let t = ctx.tokens(para);
        let antecedent = match kind {
            PronounKind::Deictic => None,
            PronounKind::Relative => {
                let comma = k.checked_sub(1).filter(|&c| t.is_punct(c, ','));
                comma.and_then(|c| phrase::np_before(&t, c))
            }
            _ => candidates(ctx, mentions, para, k)
                .into_iter()
                .map(|c| resolved.get(&c).copied().unwrap_or(c))
                .filter(|&c| lexicon::pronoun(c.text(ctx.text)).is_none())
                .find(|&c| profile(c).fits(kind))
                .map(|c| snap_to_mention(ctx.text, c, kind, mentions, actors)),
        };
        if let Some(a) = antecedent {
            resolved.insert(sp, a);
        }
        q.antecedent = antecedent;
    }
}
