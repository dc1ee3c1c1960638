//! Direct quotations and their attribution to a speaker.
//!
//! The pipeline, per article: pair quotation marks inside each content paragraph
//! ([`marks`]); join a quotation that runs over several paragraphs; tokenize the paragraphs
//! that hold quotations ([`tokens`]); find each quotation's cue and speaker from the words
//! around it ([`speaker`]); give a quotation with no cue of its own the speaker of the
//! quotation it continues ([`continuation`]); resolve pronoun speakers to an antecedent
//! ([`coref`]); link speakers to the article's actors by span; classify each quotation
//! ([`kind`]) and key its wording for grouping across articles ([`wording`]).

pub mod context;
pub mod continuation;
pub mod coref;
pub mod kind;
pub mod lexicon;
pub mod marks;
pub mod speaker;
pub mod tokens;
pub mod wording;

use serde::{Deserialize, Serialize};

use crate::extract::Doc;
use crate::extract::quotes::context::{Context, Place};
use crate::extract::quotes::continuation::Attribution;
use crate::extract::quotes::speaker::Frame;
use crate::extract::actors::{LocalActor, Mention};
use crate::span::Span;

/// What a quotation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A sentence or more of speech.
    Full,
    /// A phrase quoted inside reported speech.
    Partial,
    /// A quoted title, name or scare-quoted term.
    Title,
}

/// How the speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// No speaker found.
    None,
    /// A speech verb right next to the quotation or its speaker ("…," Rubio said; Rubio said:).
    Cue,
    /// "according to X".
    According,
    /// A colon lead-in with no speech verb ("Rubio delivered a stark message: …").
    Colon,
    /// Reported speech around a partial quotation (Rubio dismissed the idea as "fake news").
    Reported,
    /// A speaker named at the start of a headline ("Caddell: … ‘in Their Heads’").
    Headline,
    /// No cue of its own: the speaker of the quotation it follows or continues.
    Continuation,
}

/// A direct quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quotation including its marks; it may run over several paragraphs.
    pub span: Span,
    /// The pieces of the quotation, one per paragraph, marks included (one piece for a
    /// quotation inside one paragraph).
    pub parts: Vec<Span>,
    /// False when the last piece has no closing mark.
    pub closed: bool,
    /// What kind of quotation it is.
    pub kind: QuoteKind,
    /// The speaker mention as written (a name, description or pronoun), if found.
    pub speaker: Option<Span>,
    /// For a pronoun speaker ("he"), the mention it refers to ("Umerov"), if resolved.
    pub antecedent: Option<Span>,
    /// Index of the speaker in [`crate::extract::Extraction::actors`], if resolved.
    pub actor: Option<u32>,
    /// The speech cue ("said", "according to"), if any.
    pub cue: Option<Span>,
    /// How the speaker was found.
    pub method: Method,
    /// True when the speaker was inferred from context rather than stated next to the quote.
    pub inferred: bool,
    /// Key of the normalised wording: equal for the same words in any article.
    pub group: u64,
}

/// Finds the quotations of one article and attributes them.
pub fn extract(doc: &Doc, mentions: &[Mention], actors: &[LocalActor]) -> Vec<Quote> {
    let text = doc.text;
    let paras: Vec<Span> = doc.content().collect();
    let ctx = Context::new(text, &paras, marks::single_style(text));
    let places = ctx.quotations();
    let mut attributions: Vec<Attribution> = places
        .iter()
        .map(|p| Attribution {
            frame: direct_frame(&ctx, p),
            inferred: false,
        })
        .collect();
    continuation::fill(&ctx, &places, &mut attributions);
    let mut quotes: Vec<Quote> = places
        .iter()
        .zip(&attributions)
        .map(|(p, a)| quote(&ctx, p, a))
        .collect();
    coref::resolve(&ctx, &places, mentions, actors, &mut quotes);
    for q in &mut quotes {
        q.actor = coref::actor_of(q.antecedent.or(q.speaker), mentions);
        q.kind = kind::classify(text, q);
        q.group = wording::group(q.span.text(text));
    }
    quotes
}

/// The attribution stated next to one of the quotation's pieces: right after it (`"…," he
/// said`), else right before it (`He said: "…"`), else at the end of its sentence (`"…" by
/// the shooting, Nefzi said`), else in the reported speech around it (`called it "a
/// disaster"`), else at the start of a headline.
fn direct_frame(ctx: &Context, places: &[Place]) -> Option<Frame> {
    places.iter().find_map(|&place| {
        let t = ctx.tokens(place.para);
        let q = ctx.token_of(place);
        let before = speaker::before(&t, q);
        let reported = before.is_none_or(|f| f.method == Method::Reported);
        speaker::after(&t, q)
            .or_else(|| reported.then(|| speaker::at_sentence_end(&t, q)).flatten())
            .or(before)
            .or_else(|| {
                let headline = ctx.is_headline(place.para);
                headline.then(|| speaker::headline_speaker(&t, q)).flatten()
            })
    })
}

/// The quotation made of the pieces at `places`, with its attribution.
fn quote(ctx: &Context, places: &[Place], a: &Attribution) -> Quote {
    let parts: Vec<Span> = places.iter().map(|&p| ctx.stretch(p).span).collect();
    let first = parts[0];
    let last = parts[parts.len() - 1];
    let frame = a.frame;
    Quote {
        span: Span::new(first.start(), last.end()),
        closed: places.last().is_some_and(|&p| ctx.stretch(p).closed),
        parts,
        kind: QuoteKind::Title,
        speaker: frame.map(|f| f.speaker),
        antecedent: None,
        actor: None,
        cue: frame.and_then(|f| f.cue),
        method: frame.map_or(Method::None, |f| f.method),
        inferred: a.inferred,
        group: 0,
    }
}
