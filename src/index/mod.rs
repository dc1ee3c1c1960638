//! The in-memory index: articles with their extractions, and the corpus-level views built
//! across articles (actors with merged aliases, the timeline).
//!
//! Everything is plain data addressed by `u32` ids, so an index of 100,000 articles stays
//! compact and the UI can borrow it.

pub mod actors;
pub mod overrides;
pub mod quotes;
pub mod timeline;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use std::ops::Range;
use std::path::PathBuf;

use crate::article::Article;
use crate::article::packed::Part;
use crate::cache::{LoadParts, PartReader, PartWriter, Stamp, StoreParts};
use crate::ingest::Problem;

pub use actors::{Actor, ActorRole};
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

/// The number of values two sorted lists of distinct values share. When one list is much
/// longer (a timeline entry's words against one event's), each value of the short one is
/// searched in the rest of the long one.
pub(crate) fn count_shared<T: Ord>(a: &[T], b: &[T]) -> usize {
    count_shared_at_least(a, b, 0).unwrap_or(0)
}

/// [`count_shared`] when the lists share at least `need` values, else `None` (found as soon
/// as the values left cannot make up the difference).
pub(crate) fn count_shared_at_least<T: Ord>(a: &[T], b: &[T], need: usize) -> Option<usize> {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() < need {
        return None;
    }
    if short.len() * 16 < long.len() {
        let (mut rest, mut n) = (long, 0);
        for (k, x) in short.iter().enumerate() {
            if n + short.len() - k < need {
                return None;
            }
            match rest.binary_search(x) {
                Ok(k) => {
                    n += 1;
                    rest = &rest[k + 1..];
                }
                Err(k) => rest = &rest[k..],
            }
        }
        return (n >= need).then_some(n);
    }
    // A merge without branches on the values: each step moves past the smaller value (both
    // when equal).
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        if n + (a.len() - i).min(b.len() - j) < need {
            return None;
        }
        let (x, y) = (&a[i], &b[j]);
        n += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    (n >= need).then_some(n)
}

/// The whole corpus, indexed.
#[derive(Debug, Clone, Default, PartialEq)]
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

/// Checks that a per-article, per-item view has one value for each item `items` counts in
/// each article's extraction.
fn fits<T>(name: &str, view: &[Vec<T>], articles: &[Article], part: Part) -> Result<(), String> {
    if view.len() == articles.len()
        && view
            .iter()
            .zip(articles)
            .all(|(v, a)| v.len() == a.count(part))
    {
        Ok(())
    } else {
        Err(format!("the stored {name} do not fit the articles"))
    }
}

/// The corpus-level views of an [`Index`], built over its articles (the fields of the same
/// name), as they are stored between runs.
#[derive(Debug, Default)]
pub struct Views {
    /// See [`Index::actors`].
    pub actors: Vec<Actor>,
    /// See [`Index::actor_of`].
    pub actor_of: Vec<Vec<u32>>,
    /// See [`Index::authors`].
    pub authors: Vec<Actor>,
    /// See [`Index::steps_applied`].
    pub steps_applied: Vec<bool>,
    /// See [`Index::timeline`].
    pub timeline: Vec<Entry>,
    /// See [`Index::entry_of`].
    pub entry_of: Vec<Vec<u32>>,
    /// See [`Index::quote_groups`].
    pub quote_groups: Vec<QuoteGroup>,
    /// See [`Index::quote_group_of`].
    pub quote_group_of: Vec<Vec<Option<u32>>>,
}

/// Gives back the spare capacity that building left in the actor views.
fn shrink_actors(actors: &mut Vec<Actor>, authors: &mut Vec<Actor>, actor_of: &mut Vec<Vec<u32>>) {
    for a in actors.iter_mut().chain(authors.iter_mut()) {
        a.locals.shrink_to_fit();
        a.aliases.shrink_to_fit();
        a.roles.shrink_to_fit();
        a.co_mentioned.shrink_to_fit();
    }
    actor_of.iter_mut().for_each(Vec::shrink_to_fit);
    actors.shrink_to_fit();
    authors.shrink_to_fit();
    actor_of.shrink_to_fit();
}

/// Gives back the spare capacity that building left in the timeline views.
fn shrink_timeline(timeline: &mut Vec<Entry>, entry_of: &mut Vec<Vec<u32>>) {
    for e in timeline.iter_mut() {
        e.sources.shrink_to_fit();
        e.actors.shrink_to_fit();
    }
    entry_of.iter_mut().for_each(Vec::shrink_to_fit);
    timeline.shrink_to_fit();
    entry_of.shrink_to_fit();
}

/// Gives back the spare capacity that building left in the quotation group views.
fn shrink_quote_groups(groups: &mut Vec<QuoteGroup>, group_of: &mut Vec<Vec<Option<u32>>>) {
    for g in groups.iter_mut() {
        g.quotes.shrink_to_fit();
    }
    group_of.iter_mut().for_each(Vec::shrink_to_fit);
    groups.shrink_to_fit();
    group_of.shrink_to_fit();
}

impl Views {
    /// Checks that the views fit `articles`, item for item, and that every id in them points
    /// to something that exists; else says what does not.
    pub fn fit(&self, articles: &[Article]) -> Result<(), String> {
        fits("actors", &self.actor_of, articles, Part::Actors)?;
        fits("events", &self.entry_of, articles, Part::Events)?;
        fits("quotations", &self.quote_group_of, articles, Part::Quotes)?;
        let (actors, entries, groups) = (
            self.actors.len() as u32,
            self.timeline.len() as u32,
            self.quote_groups.len() as u32,
        );
        // Local actors, events and quotations of each article, read once.
        let counts: Vec<[u32; 3]> = articles
            .par_iter()
            .map(|a| [Part::Actors, Part::Events, Part::Quotes].map(|p| a.count(p) as u32))
            .collect();
        let item = |r: &ItemRef, kind: usize| {
            counts
                .get(r.article as usize)
                .is_some_and(|c| r.item < c[kind])
        };
        let role = |r: &ActorRole| {
            articles.get(r.article as usize).is_some_and(|a| {
                r.span
                    .is_none_or(|s| crate::extract::check::span(&a.text, s, "role").is_ok())
            })
        };
        let ids_fit = self
            .actor_of
            .par_iter()
            .flatten()
            .all(|&id| id < actors || id == u32::MAX)
            && self.entry_of.par_iter().flatten().all(|&id| id < entries)
            && self
                .quote_group_of
                .par_iter()
                .flatten()
                .flatten()
                .all(|&id| id < groups)
            && self.actors.par_iter().chain(&self.authors).all(|a| {
                a.locals.iter().all(|r| item(r, 0))
                    && a.roles.iter().all(role)
                    && a.co_mentioned.iter().all(|&(id, _)| id < actors)
                    && a.stands_for.is_none_or(|id| id < actors)
            })
            && self.timeline.par_iter().all(|e| {
                e.sources.iter().all(|r| item(r, 1)) && e.actors.iter().all(|&id| id < actors)
            })
            && self
                .quote_groups
                .par_iter()
                .all(|g| g.quotes.iter().all(|r| item(r, 2)));
        if ids_fit {
            Ok(())
        } else {
            Err("the stored views point to items that do not exist".into())
        }
    }
}

/// The views of an [`Index`], borrowed to store them, one part per list (read back as
/// [`Views`]).
#[derive(Debug, Clone, Copy)]
pub struct ViewsRef<'a> {
    actors: &'a [Actor],
    actor_of: &'a [Vec<u32>],
    authors: &'a [Actor],
    steps_applied: &'a [bool],
    timeline: &'a [Entry],
    entry_of: &'a [Vec<u32>],
    quote_groups: &'a [QuoteGroup],
    quote_group_of: &'a [Vec<Option<u32>>],
}

impl StoreParts for ViewsRef<'_> {
    fn write_parts(&self, out: &mut PartWriter<'_>) -> std::io::Result<()> {
        out.part(self.actors)?;
        out.part(self.actor_of)?;
        out.part(self.authors)?;
        out.part(self.steps_applied)?;
        out.part(self.timeline)?;
        out.part(self.entry_of)?;
        out.part(self.quote_groups)?;
        out.part(self.quote_group_of)
    }
}

impl LoadParts for Views {
    fn read_parts(input: &mut PartReader<'_>) -> Result<Views, String> {
        Ok(Views {
            actors: input.list()?,
            actor_of: input.list()?,
            authors: input.list()?,
            steps_applied: input.list()?,
            timeline: input.list()?,
            entry_of: input.list()?,
            quote_groups: input.list()?,
            quote_group_of: input.list()?,
        })
    }
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
        let mut index = Index::bare(articles, problems, overrides);
        index.rebuild_views();
        index
    }

    /// The articles without views yet.
    fn bare(mut articles: Vec<Article>, problems: Vec<Problem>, overrides: Overrides) -> Index {
        articles.shrink_to_fit();
        Index {
            articles,
            problems,
            overrides,
            ..Index::default()
        }
    }

    /// An index over extracted articles with views built before over the same articles (see
    /// [`Views::fit`]).
    pub fn with_views(
        articles: Vec<Article>,
        problems: Vec<Problem>,
        overrides: Overrides,
        views: Views,
    ) -> Index {
        let mut index = Index::bare(articles, problems, overrides);
        index.set_views(views);
        index
    }

    /// Recomputes the corpus-level views after articles changed.
    pub fn rebuild_views(&mut self) {
        // The quotation groups need nothing else: built beside the actor merge, whose
        // assignment in corpus order leaves cores idle. Then the timeline, which needs the
        // corpus actors and whose working set is the largest: each view is trimmed as soon as
        // it is built, before the timeline's working set is allocated. (Building the timeline
        // beside the actors' statistics, which come last in the merge, took 5% off a cold
        // 10,000-article load on 2 cores but raised the 100,000-article peak by 15-30 MB.)
        let articles = &self.articles;
        let (merged, (quote_groups, quote_group_of)) = rayon::join(
            || {
                let mut merged = actors::merge(articles, &self.overrides, &self.steps);
                shrink_actors(
                    &mut merged.actors,
                    &mut merged.authors,
                    &mut merged.actor_of,
                );
                merged
            },
            || {
                let (mut groups, mut group_of) = quotes::group(articles);
                shrink_quote_groups(&mut groups, &mut group_of);
                (groups, group_of)
            },
        );
        let (mut timeline, mut entry_of) = timeline::build(articles, &merged.actor_of);
        shrink_timeline(&mut timeline, &mut entry_of);
        self.set_views(Views {
            actors: merged.actors,
            actor_of: merged.actor_of,
            authors: merged.authors,
            steps_applied: merged.applied,
            timeline,
            entry_of,
            quote_groups,
            quote_group_of,
        });
    }

    /// Takes `views` as they are: built views are trimmed as they are built, and stored ones
    /// decoded into lists of exactly their length.
    fn set_views(&mut self, views: Views) {
        self.actors = views.actors;
        self.actor_of = views.actor_of;
        self.authors = views.authors;
        self.steps_applied = views.steps_applied;
        self.timeline = views.timeline;
        self.entry_of = views.entry_of;
        self.quote_groups = views.quote_groups;
        self.quote_group_of = views.quote_group_of;
    }

    /// The views, borrowed, stored exactly as [`Views`] is.
    pub fn views(&self) -> ViewsRef<'_> {
        ViewsRef {
            actors: &self.actors,
            actor_of: &self.actor_of,
            authors: &self.authors,
            steps_applied: &self.steps_applied,
            timeline: &self.timeline,
            entry_of: &self.entry_of,
            quote_groups: &self.quote_groups,
            quote_group_of: &self.quote_group_of,
        }
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
            t.quotes += a.count(Part::Quotes);
            t.mentions += a.count(Part::Mentions);
            t.timexes += a.count(Part::Timexes);
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

#[cfg(test)]
mod tests {
    use super::{count_shared, count_shared_at_least};

    #[test]
    fn shared_values_of_lists_of_similar_length() {
        assert_eq!(count_shared(&[1, 3, 5, 7], &[2, 3, 4, 7, 9]), 2);
        assert_eq!(count_shared::<u32>(&[], &[1, 2]), 0);
    }

    #[test]
    fn shared_values_when_one_list_is_much_longer() {
        let long: Vec<u32> = (0..200).map(|i| i * 3).collect();
        // 0, 9 and 597 are in the long list; 1, 10 and 598 are not.
        assert_eq!(count_shared(&[0, 1, 9, 10, 597, 598], &long), 3);
        assert_eq!(count_shared(&long, &[0, 1, 9, 10, 597, 598]), 3);
        assert_eq!(count_shared(&[600], &long), 0);
    }

    #[test]
    fn shared_values_when_enough_are_shared() {
        assert_eq!(
            count_shared_at_least(&[1, 3, 5, 7], &[2, 3, 4, 7, 9], 2),
            Some(2)
        );
        assert_eq!(
            count_shared_at_least(&[1, 3, 5, 7], &[2, 3, 4, 7, 9], 3),
            None
        );
        assert_eq!(count_shared_at_least(&[1, 2], &[1, 2, 3], 3), None);
        let long: Vec<u32> = (0..200).map(|i| i * 3).collect();
        assert_eq!(count_shared_at_least(&[0, 1, 9, 10], &long, 2), Some(2));
        assert_eq!(count_shared_at_least(&[0, 1, 9, 10], &long, 3), None);
    }
}
