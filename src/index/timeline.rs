//! The timeline: every article's events, sorted by date, undated ones last.

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::extract::events::EventKind;
use crate::extract::time::{Granularity, Interval};
use crate::index::ItemRef;

/// One row of the timeline: an event and the sources that report it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The events reporting this happening (article, event index); the first is shown.
    pub sources: Vec<ItemRef>,
    /// When it happened, if known.
    pub date: Option<Interval>,
    /// The precision of `date`.
    pub granularity: Option<Granularity>,
    /// What kind of event it is.
    pub kind: EventKind,
    /// Corpus actors involved.
    pub actors: Vec<u32>,
}

/// Builds the timeline from the articles' events.
pub fn build(articles: &[Article], actor_of: &[Vec<u32>]) -> Vec<Entry> {
    let mut entries = Vec::new();
    for (a, article) in articles.iter().enumerate() {
        for (e, event) in article.extraction.events.iter().enumerate() {
            let mut actors: Vec<u32> = event
                .actors
                .iter()
                .filter_map(|&l| actor_of.get(a)?.get(l as usize).copied())
                .collect();
            actors.sort_unstable();
            actors.dedup();
            entries.push(Entry {
                sources: vec![ItemRef::new(a, e)],
                date: event.date,
                granularity: event.granularity,
                kind: event.kind,
                actors,
            });
        }
    }
    // Dated first by start date, then undated; ties keep corpus order (stable sort).
    entries.sort_by_key(|e| (e.date.is_none(), e.date.map(|d| d.start)));
    entries
}
