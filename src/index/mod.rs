//! The in-memory index: articles with their extractions, and the corpus-level views built
//! across articles (actors with merged aliases, the timeline).
//!
//! Everything is plain data addressed by `u32` ids, so an index of 100,000 articles stays
//! compact and the UI can borrow it.

pub mod actors;
pub mod overrides;
pub mod quotes;
pub mod timeline;

use serde::{Deserialize, Serialize};

use std::ops::Range;
use std::path::PathBuf;

use crate::article::Article;
use crate::cache::Stamp;
use crate::ingest::Problem;
use crate::span::Span;

pub use actors::Actor;
pub use overrides::{Overrides, Step};
pub use quotes::QuoteGroup;
pub use timeline::Entry;

/// A reference to an item of one article's extraction (a mention, quote, event or local actor):
/// the article's index and the item's index in the corresponding vector.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ItemRef {
    /// Index of the article in [`Index::articles`].
    pub article: u32,
    /// Index of the item in the article's extraction.
    pub item: u32,
}

impl ItemRef {
    /// A reference to item `item` of article `article`.
    pub fn new(article: usize, item: usize) -> Self {
        ItemRef {
            article: article as u32,
            item: item as u32,
        }
    }
}

/// The number of values two sorted lists share.
pub(crate) fn count_shared<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The whole corpus, indexed.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Articles in load order.
    pub articles: Vec<Article>,
    /// Problems met while loading (files skipped, warnings).
    pub problems: Vec<Problem>,
    /// Actors across the corpus, aliases merged.
    pub actors: Vec<Actor>,
    /// For each article, for each of its local actors, the corpus actor it belongs to.
    pub actor_of: Vec<Vec<u32>>,
    /// Timeline entries, sorted by date; undated entries last.
    pub timeline: Vec<Entry>,
    /// For each article, for each of its events, the timeline entry it belongs to.
    pub entry_of: Vec<Vec<u32>>,
    /// Byline authors who are not actors of any story (an author also mentioned in a story
    /// is an actor, with its articles written counted in [`Actor::authored`]).
    pub authors: Vec<Actor>,
    /// Hand-made actor overrides from the corpus folders' `dossier.toml`.
    pub overrides: Overrides,
    /// Actor corrections made in review, applied after `overrides` in order (see
    /// [`crate::review::apply`]).
    pub steps: Vec<Step>,
    /// For each of `steps`, whether it found its actors when the views were built.
    pub steps_applied: Vec<bool>,
    /// Quotations across the corpus: the same or near-identical wording in several articles.
    pub quote_groups: Vec<QuoteGroup>,
    /// For each article, for each of its quotations, its group (`None` for quoted titles).
    pub quote_group_of: Vec<Vec<Option<u32>>>,
    /// The source files read, with the ranges of their articles and problems (empty for the
    /// bundled sample corpus).
    pub sources: Vec<Source>,
}

/// A source file of the corpus and what came from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The file.
    pub path: PathBuf,
    /// Its size, modification time and content hash when read.
    pub stamp: Stamp,
    /// Its articles, as a range of [`Index::articles`].
    pub articles: Range<u32>,
    /// Its problems, as a range of [`Index::problems`].
    pub problems: Range<u32>,
}

impl Index {
    /// Builds the corpus-level views over extracted articles.
    pub fn build(articles: Vec<Article>, problems: Vec<Problem>) -> Index {
        Index::build_with(articles, problems, Overrides::default())
    }

    /// Builds the corpus-level views, applying actor overrides.
    pub fn build_with(
        articles: Vec<Article>,
        problems: Vec<Problem>,
        overrides: Overrides,
    ) -> Index {
        let mut index = Index {
            articles,
            problems,
            overrides,
            ..Index::default()
        };
        index.rebuild_views();
        index
    }

    /// Recomputes the corpus-level views after articles changed.
    pub fn rebuild_views(&mut self) {
        let merged = actors::merge(&self.articles, &self.overrides, &self.steps);
        self.steps_applied = merged.applied;
        self.actors = merged.actors;
        self.actor_of = merged.actor_of;
        self.authors = merged.authors;
        (self.timeline, self.entry_of) = timeline::build(&self.articles, &self.actor_of);
        let (groups, group_of) = quotes::group(&self.articles);
        self.quote_groups = groups;
        self.quote_group_of = group_of;
    }

    /// The corpus actor of local actor `local` of article `article`.
    pub fn actor_of(&self, article: usize, local: u32) -> Option<u32> {
        self.actor_of.get(article)?.get(local as usize).copied()
    }

    /// The timeline entry event `event` of article `article` belongs to.
    pub fn entry_of(&self, article: usize, event: usize) -> Option<&Entry> {
        let id = *self.entry_of.get(article)?.get(event)?;
        self.timeline.get(id as usize)
    }

    /// The sentence of article `article` containing byte `offset`, as a span.
    pub fn sentence_at(&self, article: usize, offset: usize) -> Option<Span> {
        let layout = &self.articles.get(article)?.layout;
        layout.sentence_at(offset).map(|i| layout.sentences[i])
    }

    /// Totals for the status bar and `dossier stats`.
    pub fn totals(&self) -> Totals {
        let mut t = Totals {
            articles: self.articles.len(),
            actors: self.actors.len(),
            events: self.timeline.len(),
            ..Totals::default()
        };
        for a in &self.articles {
            t.bytes += a.text.len();
            t.quotes += a.extraction.quotes.len();
            t.mentions += a.extraction.mentions.len();
            t.timexes += a.extraction.timexes.len();
            t.dated += usize::from(a.date().is_some());
        }
        t
    }
}

/// Corpus totals.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Articles loaded.
    pub articles: usize,
    /// Articles with a publication date.
    pub dated: usize,
    /// Bytes of article text.
    pub bytes: usize,
    /// Quotations.
    pub quotes: usize,
    /// Actor mentions.
    pub mentions: usize,
    /// Time expressions.
    pub timexes: usize,
    /// Corpus actors.
    pub actors: usize,
    /// Timeline entries.
    pub events: usize,
}
