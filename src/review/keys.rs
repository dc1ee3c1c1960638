//! The stable ids of a loaded corpus's items, and the way back from an id to the items it
//! names: what a decision refers to, whether it is orphaned, and how far a review has got.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use rayon::prelude::*;
use serde::Serialize;
use xxhash_rust::xxh3::{Xxh3, xxh3_64_with_seed};

use crate::article::Article;
use crate::article::packed::Part;
use crate::extract::events::EventKind;
use crate::index::{Index, ItemRef};
use crate::review::{Decision, ItemKey, ItemKind, Mark, Review};
use crate::span::Span;

/// An item a reader can decide about, as the app and the reports address it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// A quotation (article, quotation index).
    Quote(ItemRef),
    /// A timeline entry. A statement's decision is its quotation's; another entry's is the
    /// one of its first source event that has one (a mark is made on the event shown).
    Entry(u32),
    /// A corpus actor.
    Actor(u32),
}

/// Bytes of text before an item that go into its id.
const CONTEXT: usize = 32;

/// The item hashes of spans of one article's text: the span's text, the [`CONTEXT`] bytes
/// before it and a tag, made unique by the rank among equal items.
fn span_hashes(text: &str, items: impl Iterator<Item = (u8, Span)>) -> Vec<u64> {
    let mut seen: HashMap<u64, u64> = HashMap::new();
    items
        .map(|(tag, span)| {
            let start = span.start().min(text.len());
            let from = text.floor_char_boundary(start.saturating_sub(CONTEXT));
            let mut h = Xxh3::new();
            h.update(&[tag]);
            h.update(span.text(text).as_bytes());
            h.update(&[0xff]);
            h.update(text.get(from..start).unwrap_or("").as_bytes());
            let base = h.digest();
            let rank = seen.entry(base).or_default();
            *rank += 1;
            if *rank == 1 {
                base
            } else {
                xxh3_64_with_seed(&base.to_le_bytes(), *rank)
            }
        })
        .collect()
}

/// Tags of the kinds of events in their hashes.
fn event_tag(kind: EventKind) -> u8 {
    match kind {
        EventKind::Publication => b'p',
        EventKind::Event => b'e',
        EventKind::Statement => b's',
    }
}

/// The item hashes of an article's quotations, in order.
pub fn quote_hashes(article: &Article) -> Vec<u64> {
    quote_span_hashes(&article.text, article.quotes().map(|q| q.span))
}

/// The item hashes of quotations with these spans in `text`, in order.
fn quote_span_hashes(text: &str, spans: impl Iterator<Item = Span>) -> Vec<u64> {
    span_hashes(text, spans.map(|s| (b'q', s)))
}

/// The spans of every article's quotations (decoded on every core), what
/// [`Keys::with_quote_spans`] reads.
pub fn quote_spans(index: &Index) -> Vec<Vec<Span>> {
    index
        .articles
        .par_iter()
        .map(|a| a.quotes().map(|q| q.span).collect())
        .collect()
}

/// The ids of an article's events: the item hash of each, in order, and the statements
/// that stand for a quotation (event index, quotation index), given its quotations' spans.
fn event_ids(article: &Article, quote_spans: &[Span]) -> (Vec<u64>, Vec<(u32, u32)>) {
    let mut quotes: Vec<(Span, u32)> = quote_spans.iter().copied().zip(0..).collect();
    quotes.sort_unstable();
    let mut statements = Vec::new();
    let mut tagged = Vec::with_capacity(article.count(Part::Events));
    for (e, event) in article.events().enumerate() {
        tagged.push((event_tag(event.kind), event.span));
        if event.kind != EventKind::Statement {
            continue;
        }
        // The quotation a statement stands for: the first one with the statement's span.
        let at = quotes.partition_point(|&(span, _)| span < event.span);
        if let Some(&(_, q)) = quotes.get(at).filter(|(span, _)| *span == event.span) {
            statements.push((e as u32, q));
        }
    }
    (span_hashes(&article.text, tagged.into_iter()), statements)
}

/// The hash an actor's key is looked up by.
fn key_hash(key: &ItemKey) -> u64 {
    let mut h = Xxh3::new();
    key.hash(&mut h);
    h.finish()
}

/// Numbers (of articles, of actors) by a 64-bit hash of what they are looked up by: the
/// (hash, number) pairs, sorted, searched by halving. Built on every core, with no
/// allocation per entry, in the same order whatever the number of threads.
#[derive(Debug, Clone, Default)]
struct ByHash(Vec<(u64, u32)>);

impl ByHash {
    /// The index of the hash of each number.
    fn new(hashes: Vec<u64>) -> ByHash {
        let mut pairs: Vec<(u64, u32)> = hashes
            .into_par_iter()
            .enumerate()
            .map(|(i, h)| (h, i as u32))
            .collect();
        pairs.par_sort_unstable();
        ByHash(pairs)
    }

    /// The numbers with hash `hash`, in increasing order.
    fn get(&self, hash: u64) -> impl Iterator<Item = u32> + '_ {
        let from = self.0.partition_point(|&(h, _)| h < hash);
        let same = self.0[from..].iter().take_while(move |&&(h, _)| h == hash);
        same.map(|&(_, n)| n)
    }
}

/// How many items of one kind there are and how many carry each mark.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Items.
    pub total: usize,
    /// Marked confirmed.
    pub confirmed: usize,
    /// Marked disputed.
    pub disputed: usize,
    /// Marked to be checked.
    pub needs_check: usize,
}

impl Tally {
    /// Items with a mark.
    pub fn reviewed(&self) -> usize {
        self.confirmed + self.disputed + self.needs_check
    }

    fn count(&mut self, mark: Mark) {
        match mark {
            Mark::Confirmed => self.confirmed += 1,
            Mark::Disputed => self.disputed += 1,
            Mark::NeedsCheck => self.needs_check += 1,
        }
    }
}

/// How far a review has got, per kind of item.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// Quotations (every quotation of the corpus).
    pub quotations: Tally,
    /// Timeline entries other than statements (a statement is its quotation).
    pub events: Tally,
    /// Corpus actors.
    pub actors: Tally,
}

/// The ids of every item of an index.
#[derive(Debug, Clone, Default)]
pub struct Keys {
    /// Per article, the item hash of each quotation.
    quotes: Vec<Vec<u64>>,
    /// Per article, the item hash of each event.
    events: Vec<Vec<u64>>,
    /// Per article, its statements that stand for a quotation: (event index, quotation
    /// index), by event index.
    statements: Vec<Vec<(u32, u32)>>,
    /// Per corpus actor, its key.
    actors: Vec<ItemKey>,
    /// Corpus actors by the hash of their key ([`key_hash`]).
    actor_ids: ByHash,
    /// Articles by content hash (several when files repeat an article).
    by_hash: ByHash,
    /// Timeline entries that are not statements.
    events_total: usize,
}

impl Keys {
    /// Computes the ids of every item of `index`.
    pub fn build(index: &Index) -> Keys {
        Keys::with_quote_spans(index, &quote_spans(index))
    }

    /// Computes the ids of every item of `index`, given the spans of its quotations (see
    /// [`quote_spans`]: one list per article): each article's events are decoded once.
    pub fn with_quote_spans(index: &Index, quote_spans: &[Vec<Span>]) -> Keys {
        debug_assert_eq!(
            quote_spans.len(),
            index.articles.len(),
            "one list of quotation spans per article"
        );
        let actors: Vec<ItemKey> = index
            .actors
            .par_iter()
            .map(|actor| {
                let article = actor
                    .locals
                    .first()
                    .and_then(|l| index.articles.get(l.article as usize))
                    .map(|a| a.hash);
                ItemKey::actor(actor.kind, &actor.name, article)
            })
            .collect();
        let quotes = index
            .articles
            .par_iter()
            .zip(quote_spans)
            .map(|(a, spans)| quote_span_hashes(&a.text, spans.iter().copied()))
            .collect();
        let (events, statements) = index
            .articles
            .par_iter()
            .zip(quote_spans)
            .map(|(a, spans)| event_ids(a, spans))
            .unzip();
        Keys {
            quotes,
            events,
            statements,
            actor_ids: ByHash::new(actors.par_iter().map(key_hash).collect()),
            by_hash: ByHash::new(index.articles.par_iter().map(|a| a.hash).collect()),
            actors,
            events_total: index
                .timeline
                .par_iter()
                .filter(|e| e.kind != EventKind::Statement)
                .count(),
        }
    }

    /// The key of quotation `r`.
    pub fn quote(&self, index: &Index, r: ItemRef) -> Option<ItemKey> {
        let item = *self.quotes.get(r.article as usize)?.get(r.item as usize)?;
        Some(ItemKey::Quote {
            article: index.articles[r.article as usize].hash,
            item,
        })
    }

    /// The key a decision about event `r` is stored under: its quotation's for a statement,
    /// else its own.
    pub fn event(&self, index: &Index, r: ItemRef) -> Option<ItemKey> {
        let item = *self.events.get(r.article as usize)?.get(r.item as usize)?;
        if let Some(q) = self.statement_quote(r) {
            return self.quote(index, ItemRef::new(r.article as usize, q));
        }
        Some(ItemKey::Event {
            article: index.articles.get(r.article as usize)?.hash,
            item,
        })
    }

    /// The quotation event `r` stands for, when it is a statement that has one: the first
    /// quotation of its article with the statement's span.
    pub fn statement_quote(&self, r: ItemRef) -> Option<usize> {
        let statements = self.statements.get(r.article as usize)?;
        let at = statements.binary_search_by_key(&r.item, |&(e, _)| e).ok()?;
        Some(statements[at].1 as usize)
    }

    /// The key of corpus actor `id`.
    pub fn actor(&self, id: u32) -> Option<&ItemKey> {
        self.actors.get(id as usize)
    }

    /// The key a decision about `target` is stored under (for an entry: its first source's).
    pub fn key(&self, index: &Index, target: Target) -> Option<ItemKey> {
        match target {
            Target::Quote(r) => self.quote(index, r),
            Target::Entry(e) => {
                self.event(index, *index.timeline.get(e as usize)?.sources.first()?)
            }
            Target::Actor(a) => self.actor(a).cloned(),
        }
    }

    /// The decision shown for `target`.
    pub fn decision<'r>(
        &self,
        index: &Index,
        review: &'r Review,
        target: Target,
    ) -> Option<&'r Decision> {
        if review.decisions.is_empty() {
            return None;
        }
        match target {
            Target::Entry(e) => index
                .timeline
                .get(e as usize)?
                .sources
                .iter()
                .find_map(|&s| review.decision(&self.event(index, s)?)),
            _ => review.decision(&self.key(index, target)?),
        }
    }

    /// The key of the decision shown for `target` when it has one, else the key a new
    /// decision is stored under.
    pub fn decision_key(&self, index: &Index, review: &Review, target: Target) -> Option<ItemKey> {
        if let Target::Entry(e) = target {
            let sources = &index.timeline.get(e as usize)?.sources;
            let decided = sources
                .iter()
                .filter_map(|&s| self.event(index, s))
                .find(|k| review.decisions.contains_key(k));
            if decided.is_some() {
                return decided;
            }
        }
        self.key(index, target)
    }

    /// The mark shown for `target`.
    pub fn mark(&self, index: &Index, review: &Review, target: Target) -> Option<Mark> {
        self.decision(index, review, target).and_then(|d| d.mark)
    }

    /// The items `key` names now (none when it is orphaned; several when files repeat an
    /// article). An event key names the timeline entries of its events.
    pub fn locate(&self, index: &Index, key: &ItemKey) -> Vec<Target> {
        let within = |article: u64, item: u64, list: &Vec<Vec<u64>>| -> Vec<ItemRef> {
            self.by_hash
                .get(article)
                .filter_map(|a| {
                    let i = list.get(a as usize)?.iter().position(|&h| h == item)?;
                    Some(ItemRef::new(a as usize, i))
                })
                .collect()
        };
        match key {
            ItemKey::Quote { article, item } => within(*article, *item, &self.quotes)
                .into_iter()
                .map(Target::Quote)
                .collect(),
            ItemKey::Event { article, item } => {
                let mut entries: Vec<u32> = within(*article, *item, &self.events)
                    .into_iter()
                    .filter_map(|r| {
                        index
                            .entry_of
                            .get(r.article as usize)?
                            .get(r.item as usize)
                            .copied()
                    })
                    .collect();
                entries.dedup();
                entries.into_iter().map(Target::Entry).collect()
            }
            ItemKey::Actor { .. } => self
                .actor_ids
                .get(key_hash(key))
                .filter(|&a| self.actors.get(a as usize) == Some(key))
                .map(Target::Actor)
                .collect(),
            ItemKey::Other(_) => Vec::new(),
        }
    }

    /// The decisions that name no item of the corpus (the item's text changed or its file
    /// is gone). They are kept in the review file and listed in reports.
    pub fn orphans<'r>(
        &self,
        index: &Index,
        review: &'r Review,
    ) -> Vec<(&'r ItemKey, &'r Decision)> {
        review
            .decisions
            .iter()
            .filter(|(k, _)| self.locate(index, k).is_empty())
            .collect()
    }

    /// How many items there are and how many are marked, per kind.
    pub fn progress(&self, index: &Index, review: &Review) -> Progress {
        let mut p = Progress {
            quotations: Tally {
                total: self.quotes.iter().map(Vec::len).sum(),
                ..Tally::default()
            },
            events: Tally {
                total: self.events_total,
                ..Tally::default()
            },
            actors: Tally {
                total: self.actors.len(),
                ..Tally::default()
            },
        };
        let mut entries = Vec::new();
        for (key, d) in &review.decisions {
            let Some(mark) = d.mark else { continue };
            for target in self.locate(index, key) {
                match target {
                    Target::Quote(_) => p.quotations.count(mark),
                    Target::Actor(_) => p.actors.count(mark),
                    Target::Entry(e) => entries.push(e),
                }
            }
        }
        entries.sort_unstable();
        entries.dedup();
        for e in entries {
            let statement = index.timeline[e as usize].kind == EventKind::Statement;
            if let Some(mark) = self
                .mark(index, review, Target::Entry(e))
                .filter(|_| !statement)
            {
                p.events.count(mark);
            }
        }
        p
    }

    /// What an item looks like, for [`crate::review::ItemInfo`].
    pub fn info(&self, index: &Index, target: Target) -> crate::review::ItemInfo {
        use crate::review::{EXCERPT, ItemInfo, excerpt};
        let of_article = |a: u32| index.articles.get(a as usize).map(|x| x.key());
        match target {
            Target::Quote(r) => ItemInfo {
                text: index
                    .articles
                    .get(r.article as usize)
                    .and_then(|a| Some(a.quotes().nth(r.item as usize)?.span.text(&a.text)))
                    .map_or(String::new(), |t| excerpt(t, EXCERPT)),
                article: of_article(r.article),
            },
            Target::Entry(e) => {
                let source = index
                    .timeline
                    .get(e as usize)
                    .and_then(|x| x.sources.first());
                let text = source.and_then(|s| {
                    let a = index.articles.get(s.article as usize)?;
                    let ev = a.events().nth(s.item as usize)?;
                    Some(ev.label_text(&a.text))
                });
                ItemInfo {
                    text: excerpt(text.unwrap_or(""), EXCERPT),
                    article: source.and_then(|s| of_article(s.article)),
                }
            }
            Target::Actor(a) => ItemInfo {
                text: index
                    .actors
                    .get(a as usize)
                    .map_or(String::new(), |x| x.name.to_string()),
                article: None,
            },
        }
    }

    /// The kind of item a target is, for messages (a statement entry is its quotation).
    pub fn kind(&self, index: &Index, target: Target) -> ItemKind {
        match self.key(index, target).and_then(|k| k.kind()) {
            Some(kind) => kind,
            None => match target {
                Target::Quote(_) => ItemKind::Quotation,
                Target::Entry(_) => ItemKind::Event,
                Target::Actor(_) => ItemKind::Actor,
            },
        }
    }
}
