//! Events for the timeline: the publication, dated happenings and statements.

use serde::{Deserialize, Serialize};

use crate::extract::Doc;
use crate::extract::actors::Mention;
use crate::extract::quotes::Quote;
use crate::extract::time::{Granularity, Interval, Timex};
use crate::span::Span;

/// What an event is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    /// The article's publication.
    Publication,
    /// Something that happened, from a sentence with a date.
    Event,
    /// A quotation, as a statement by its speaker.
    Statement,
}

/// One event in one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// The source span (a sentence or a quotation).
    pub span: Span,
    /// What kind of event it is.
    pub kind: EventKind,
    /// When it happened, if known.
    pub date: Option<Interval>,
    /// The precision of `date`.
    pub granularity: Option<Granularity>,
    /// True when the date is the publication date standing in for an unstated one.
    pub approximate: bool,
    /// A short label: the clause around the time expression.
    pub label: Span,
    /// Indices of the actors involved, in [`crate::extract::Extraction::actors`].
    pub actors: Vec<u32>,
}

/// Builds the events of one article.
pub fn extract(
    _doc: &Doc,
    _timexes: &[Timex],
    _mentions: &[Mention],
    _quotes: &[Quote],
) -> Vec<Event> {
    Vec::new()
}
