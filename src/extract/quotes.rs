//! Direct quotations and their attribution to a speaker.

use serde::{Deserialize, Serialize};

use crate::extract::Doc;
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
    /// A speech verb next to a named speaker.
    Cue,
}

/// A direct quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quotation including its marks.
    pub span: Span,
    /// What kind of quotation it is.
    pub kind: QuoteKind,
    /// The speaker mention (a name, description or pronoun), if found.
    pub speaker: Option<Span>,
    /// Index of the speaker in [`crate::extract::Extraction::actors`], if resolved.
    pub actor: Option<u32>,
    /// The speech cue ("said", "according to"), if any.
    pub cue: Option<Span>,
    /// How the speaker was found.
    pub method: Method,
    /// True when the speaker was inferred from context rather than stated next to the quote.
    pub inferred: bool,
}

/// Finds the quotations of one article and attributes them.
pub fn extract(_doc: &Doc, _mentions: &[Mention], _actors: &[LocalActor]) -> Vec<Quote> {
    Vec::new()
}
