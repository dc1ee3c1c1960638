//! The loaded corpus as the app reads it: the index plus lookup tables derived from it
//! once, in the background (quotations in finder order, the timeline entry of every event,
//! each actor's main role).

use std::collections::HashMap;

use chrono::Datelike;
use rayon::prelude::*;

use compact_str::CompactString;

use crate::article::Article;
use crate::article::packed::{Item, Part};
use crate::extract::events::{Event, EventKind};
use crate::extract::quotes::Quote;
use crate::extract::time::{Granularity, Interval};
use crate::index::{Entry, Index, ItemRef, Totals};
use crate::review::{Keys, keys};
use crate::search::{Fields, Texts};
use crate::span::Span;

/// The index and the tables the app looks things up in.
#[derive(Debug, Clone)]
pub struct Catalog {
    /// The corpus.
    pub index: Index,
    /// Every quotation, in corpus order; a finder result id is a position here.
    pub quotes: Vec<ItemRef>,
    /// The span of each of `quotes` (what the finder reads, without decoding quotations).
    quote_spans: Vec<Span>,
    /// For each article, for each of its events, the timeline entry showing it.
    event_entry: Vec<Vec<u32>>,
    /// For each actor, its most frequent role title.
    main_role: Vec<Option<CompactString>>,
    /// Corpus totals.
    pub totals: Totals,
    /// The stable ids of every item, for review decisions.
    pub keys: Keys,
    /// Messages about the load that concern no file (e.g. an unusable cache).
    pub warnings: Vec<String>,
}

impl Catalog {
    /// Derives the lookup tables from an index.
    pub fn build(index: Index) -> Catalog {
        // Decoded on every core, once for the finder and the review keys: this runs when the
        // corpus opens and after each correction.
        let spans = keys::quote_spans(&index);
        let keys = Keys::with_quote_spans(&index, &spans);
        let (quotes, quote_spans) = spans
            .into_iter()
            .enumerate()
            .flat_map(|(a, spans)| {
                spans
                    .into_iter()
                    .enumerate()
                    .map(move |(q, span)| (ItemRef::new(a, q), span))
            })
            .unzip();
        let mut event_entry: Vec<Vec<u32>> = index
            .articles
            .iter()
            .map(|a| vec![u32::MAX; a.count(Part::Events)])
            .collect();
        for (e, entry) in index.timeline.iter().enumerate() {
            for s in &entry.sources {
                if let Some(slot) = event_entry
                    .get_mut(s.article as usize)
                    .and_then(|v| v.get_mut(s.item as usize))
                {
                    *slot = e as u32;
                }
            }
        }
        let main_role = main_roles(&index);
        let totals = index.totals();
        Catalog {
            index,
            quotes,
            quote_spans,
            event_entry,
            main_role,
            totals,
            keys,
            warnings: Vec::new(),
        }
    }

    /// Article `a`.
    pub fn article(&self, a: usize) -> Option<&Article> {
        self.index.articles.get(a)
    }

    /// Quotation `id` (a finder id) and the article it is in.
    pub fn quote(&self, id: u32) -> Option<(usize, Quote)> {
        self.item(*self.quotes.get(id as usize)?)
    }

    /// The extracted item `r` points to, decoded, and its article.
    pub fn item<T: Item>(&self, r: ItemRef) -> Option<(usize, T)> {
        let a = r.article as usize;
        let article = self.article(a)?;
        let item = article
            .packed
            .items::<T>(&article.text)
            .nth(r.item as usize)?;
        Some((a, item))
    }

    /// The corpus actor who said quotation `quote` of article `a`, if resolved.
    pub fn quote_actor(&self, a: usize, quote: &Quote) -> Option<u32> {
        self.index.actor_of(a, quote.actor?)
    }

    /// The speaker of a quotation: its actor's name, else the speaker as written.
    pub fn speaker(&self, a: usize, quote: &Quote) -> Option<&str> {
        self.index.speaker(a, quote)
    }

    /// Where article `a` was published: its outlet, else its file name.
    pub fn source_name(&self, a: usize) -> &str {
        let Some(article) = self.article(a) else {
            return "";
        };
        match &article.meta.source {
            Some(s) => &s.value,
            None => article
                .origin
                .path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or(""),
        }
    }

    /// What the finder indexes of quotation `id`.
    pub fn fields(&self, id: u32) -> Fields<'_> {
        let Some((a, q)) = self.quote(id) else {
            return Fields::default();
        };
        Fields {
            text: self.quote_text(id),
            speaker: self.speaker(a, &q),
            source: self.source_name(a),
        }
    }

    /// The text of quotation `id`.
    fn quote_text(&self, id: u32) -> &str {
        let (Some(r), Some(s)) = (
            self.quotes.get(id as usize),
            self.quote_spans.get(id as usize),
        ) else {
            return "";
        };
        self.article(r.article as usize)
            .map_or("", |art| s.text(&art.text))
    }

    /// The timeline entry of event `event` of article `a`.
    pub fn entry_of(&self, a: usize, event: usize) -> Option<u32> {
        let e = *self.event_entry.get(a)?.get(event)?;
        (e != u32::MAX).then_some(e)
    }

    /// The event of article `a` that best stands for `span`: a statement with the same span,
    /// else the first event whose span covers it, else the first overlapping it.
    pub fn event_at(&self, a: usize, span: Span) -> Option<usize> {
        let events: Vec<Event> = self.article(a)?.events().collect();
        events
            .iter()
            .position(|e| e.kind == EventKind::Statement && e.span == span)
            .or_else(|| events.iter().position(|e| e.span.covers(span)))
            .or_else(|| events.iter().position(|e| e.span.overlaps(span)))
    }

    /// The event shown for a timeline entry (its first source), with its article.
    pub fn entry_event(&self, entry: &Entry) -> Option<(usize, Event)> {
        self.item(*entry.sources.first()?)
    }

    /// An actor's most frequent role title.
    pub fn main_role(&self, actor: usize) -> Option<&str> {
        self.main_role.get(actor)?.as_deref()
    }
}

impl Texts for Catalog {
    fn text(&self, id: u32) -> &str {
        self.quote_text(id)
    }
}

/// For each actor, its most frequent role title (on ties, the one stated first in corpus
/// order), counted over the roles the actor merge gathered: the byline roles first (one per
/// article authored), then the articles' roles in corpus order.
fn main_roles(index: &Index) -> Vec<Option<CompactString>> {
    index
        .actors
        .par_iter()
        .map(|actor| {
            let stated = actor.roles.get(actor.authored as usize..).unwrap_or(&[]);
            let mut counts: HashMap<&str, (usize, std::cmp::Reverse<usize>)> = HashMap::new();
            for (at, role) in stated.iter().enumerate() {
                counts
                    .entry(role.title.as_str())
                    .or_insert((0, std::cmp::Reverse(at)))
                    .0 += 1;
            }
            counts
                .into_iter()
                .max_by_key(|&(_, rank)| rank)
                .map(|(title, _)| title.into())
        })
        .collect()
}

/// A date at its granularity: `2025-12-19`, `2025-W51`, `2025-12`, `2025-Q4`, `2025`,
/// `2020s`; `~` marks an approximate date.
pub fn date_label(date: Interval, granularity: Option<Granularity>, approximate: bool) -> String {
    let d = date.start;
    let text = match granularity.unwrap_or(Granularity::Day) {
        Granularity::Day => d.format("%Y-%m-%d").to_string(),
        Granularity::Week => format!("{}-W{:02}", d.iso_week().year(), d.iso_week().week()),
        Granularity::Month => d.format("%Y-%m").to_string(),
        Granularity::Quarter => format!("{}-Q{}", d.year(), d.month0() / 3 + 1),
        Granularity::Year => d.year().to_string(),
        Granularity::Decade => format!("{}s", d.year() - d.year().rem_euclid(10)),
    };
    if approximate {
        format!("~{text}")
    } else {
        text
    }
}

/// The group a timeline entry falls in: its month ("December 2025"), or its year or decade
/// for coarser dates, or "Undated".
pub fn group_label(date: Option<Interval>, granularity: Option<Granularity>) -> String {
    let Some(date) = date else {
        return "Undated".to_string();
    };
    let d = date.start;
    match granularity.unwrap_or(Granularity::Day) {
        Granularity::Day | Granularity::Week | Granularity::Month => d.format("%B %Y").to_string(),
        Granularity::Quarter | Granularity::Year => d.year().to_string(),
        Granularity::Decade => format!("{}s", d.year() - d.year().rem_euclid(10)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn dates_show_their_granularity() {
        let iv = Interval {
            start: day(2025, 12, 19),
            end: day(2025, 12, 19),
        };
        let g = |g| date_label(iv, Some(g), false);
        assert_eq!(g(Granularity::Day), "2025-12-19");
        assert_eq!(g(Granularity::Week), "2025-W51");
        assert_eq!(g(Granularity::Month), "2025-12");
        assert_eq!(g(Granularity::Quarter), "2025-Q4");
        assert_eq!(g(Granularity::Year), "2025");
        assert_eq!(g(Granularity::Decade), "2020s");
        assert_eq!(date_label(iv, None, true), "~2025-12-19");
        assert_eq!(
            group_label(Some(iv), Some(Granularity::Day)),
            "December 2025"
        );
        assert_eq!(group_label(Some(iv), Some(Granularity::Year)), "2025");
        assert_eq!(group_label(None, None), "Undated");
    }
}
