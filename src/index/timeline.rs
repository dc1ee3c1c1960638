//! The timeline: every article's events, merged across articles when they report the same
//! happening, sorted by date with undated entries last.
//!
//! Two events merge when they are of the same kind (publications never merge), their dates
//! overlap with one inside the other (a day merges with its week or month, never with another
//! day), and they share enough: for events, a corpus actor and two words of their labels, or
//! three words and half the words of the shorter label; for statements, the same speaker and
//! half the words. Candidates are found through an index of label words per month, so the
//! work stays near-linear in the number of events.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::extract::events::EventKind;
use crate::extract::time::vocab::{self, Lex};
use crate::extract::time::{Granularity, Interval};
use crate::index::{ItemRef, count_shared};

/// One row of the timeline: an event and the sources that report it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The events reporting this happening (article, event index); the first is shown.
    pub sources: Vec<ItemRef>,
    /// When it happened, if known: the most precise date among the sources.
    pub date: Option<Interval>,
    /// The precision of `date`.
    pub granularity: Option<Granularity>,
    /// What kind of event it is.
    pub kind: EventKind,
    /// Corpus actors involved, sorted.
    pub actors: Vec<u32>,
}

/// An event ready for merging.
struct Item {
    source: ItemRef,
    date: Option<Interval>,
    granularity: Option<Granularity>,
    kind: EventKind,
    actors: Vec<u32>,
    words: Vec<u32>,
}

/// An entry being built, with the words and speaker it is matched on.
struct Draft {
    entry: Entry,
    words: Vec<u32>,
    speaker: Option<u32>,
}

/// Longest word list per month kept in the candidate index; words more frequent than this in a
/// month say nothing about which happening an event is.
const MAX_POSTINGS: usize = 64;

/// Longest interval, in days, that is indexed by month (coarser dates merge only when equal).
const MONTH_SPAN: i64 = 62;

/// Builds the timeline from the articles' events (`actor_of` maps local actors to corpus
/// actors): the entries sorted by date with undated ones last, and for each article the entry
/// each of its events belongs to.
pub fn build(articles: &[Article], actor_of: &[Vec<u32>]) -> (Vec<Entry>, Vec<Vec<u32>>) {
    let mut interner = Interner::default();
    let mut items = Vec::new();
    for (a, article) in articles.iter().enumerate() {
        for (e, event) in article.extraction.events.iter().enumerate() {
            let mut actors: Vec<u32> = event
                .actors
                .iter()
                .filter_map(|&l| actor_of.get(a)?.get(l as usize).copied())
                .collect();
            let speaker = (event.kind == EventKind::Statement)
                .then(|| actors.first().copied())
                .flatten();
            actors.sort_unstable();
            actors.dedup();
            let words = interner.words(event.label.text(&article.text));
            items.push((
                Item {
                    source: ItemRef::new(a, e),
                    date: event.date,
                    granularity: event.granularity,
                    kind: event.kind,
                    actors,
                    words,
                },
                speaker,
            ));
        }
    }
    // Finest dates first, so that a month or week joins the day it contains.
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| {
        let it = &items[i].0;
        (it.date.is_none(), it.granularity, it.date, it.source)
    });
    let mut drafts: Vec<Draft> = Vec::new();
    let mut by_month: HashMap<(i32, u32), HashMap<u32, Vec<u32>>> = HashMap::new();
    let mut by_interval: HashMap<(EventKind, Interval), Vec<u32>> = HashMap::new();
    let mut entry_of: Vec<Vec<u32>> = articles
        .iter()
        .map(|a| vec![0; a.extraction.events.len()])
        .collect();
    for i in order {
        let (item, speaker) = &items[i];
        let found = item
            .date
            .filter(|_| item.kind != EventKind::Publication)
            .and_then(|date| best_match(item, *speaker, date, &drafts, &by_month, &by_interval));
        let id = match found {
            Some(id) => {
                absorb(&mut drafts[id as usize], item);
                id
            }
            None => {
                drafts.push(Draft {
                    entry: Entry {
                        sources: vec![item.source],
                        date: item.date,
                        granularity: item.granularity,
                        kind: item.kind,
                        actors: item.actors.clone(),
                    },
                    words: item.words.clone(),
                    speaker: *speaker,
                });
                drafts.len() as u32 - 1
            }
        };
        if let (Some(date), true) = (item.date, item.kind != EventKind::Publication) {
            register(id, item, date, &mut by_month, &mut by_interval);
        }
        entry_of[item.source.article as usize][item.source.item as usize] = id;
    }
    sorted(drafts, entry_of)
}

/// Months an interval touches, when it is short enough to be indexed by month.
fn months(date: Interval) -> Option<Vec<(i32, u32)>> {
    use chrono::Datelike;
    if (date.end - date.start).num_days() > MONTH_SPAN {
        return None;
    }
    let mut out = vec![(date.start.year(), date.start.month())];
    let mut d = date.start;
    while let Some(next) = d
        .with_day(1)
        .and_then(|f| f.checked_add_months(chrono::Months::new(1)))
    {
        if next > date.end {
            break;
        }
        out.push((next.year(), next.month()));
        d = next;
    }
    Some(out)
}

/// Indexes entry `id` under the words of `item` for the months its date touches (or under
/// its exact interval when the date is coarse).
fn register(
    id: u32,
    item: &Item,
    date: Interval,
    by_month: &mut HashMap<(i32, u32), HashMap<u32, Vec<u32>>>,
    by_interval: &mut HashMap<(EventKind, Interval), Vec<u32>>,
) {
    match months(date) {
        Some(ms) => {
            for m in ms {
                let postings = by_month.entry(m).or_default();
                for &w in &item.words {
                    let list = postings.entry(w).or_default();
                    if list.len() < MAX_POSTINGS && list.last() != Some(&id) {
                        list.push(id);
                    }
                }
            }
        }
        None => {
            let list = by_interval.entry((item.kind, date)).or_default();
            if list.last() != Some(&id) {
                list.push(id);
            }
        }
    }
}

/// The entry `item` should join, if any: the candidate sharing the most label words among
/// those that pass [`same_happening`].
fn best_match(
    item: &Item,
    speaker: Option<u32>,
    date: Interval,
    drafts: &[Draft],
    by_month: &HashMap<(i32, u32), HashMap<u32, Vec<u32>>>,
    by_interval: &HashMap<(EventKind, Interval), Vec<u32>>,
) -> Option<u32> {
    let mut candidates: Vec<u32> = match months(date) {
        Some(ms) => ms
            .iter()
            .filter_map(|m| by_month.get(m))
            .flat_map(|postings| item.words.iter().filter_map(|w| postings.get(w)))
            .flatten()
            .copied()
            .collect(),
        None => by_interval
            .get(&(item.kind, date))
            .cloned()
            .unwrap_or_default(),
    };
    candidates.sort_unstable();
    candidates.dedup();
    candidates
        .into_iter()
        .filter_map(|id| {
            let d = &drafts[id as usize];
            let shared = same_happening(item, speaker, date, d)?;
            Some((shared, std::cmp::Reverse(id)))
        })
        .max()
        .map(|(_, std::cmp::Reverse(id))| id)
}

/// The number of label words `item` shares with draft `d` when they report the same
/// happening, else `None`.
fn same_happening(item: &Item, speaker: Option<u32>, date: Interval, d: &Draft) -> Option<usize> {
    let other = d.entry.date?;
    let nested = (other.start <= date.start && date.end <= other.end)
        || (date.start <= other.start && other.end <= date.end);
    if d.entry.kind != item.kind || !nested {
        return None;
    }
    let shared = count_shared(&item.words, &d.words);
    let smaller = item.words.len().min(d.words.len()).max(1);
    let half = shared * 2 >= smaller;
    let ok = match item.kind {
        EventKind::Statement => match (speaker, d.speaker) {
            (Some(a), Some(b)) => a == b && half && shared >= 3,
            (None, None) => shared * 10 >= smaller * 7 && shared >= 4,
            _ => false,
        },
        _ => {
            let actors = count_shared(&item.actors, &d.entry.actors);
            (actors >= 1 && shared >= 2) || (shared >= 3 && half)
        }
    };
    ok.then_some(shared)
}

/// Adds `item` to a draft: its source, its actors and words, and its date when finer.
fn absorb(d: &mut Draft, item: &Item) {
    d.entry.sources.push(item.source);
    for &a in &item.actors {
        if let Err(at) = d.entry.actors.binary_search(&a) {
            d.entry.actors.insert(at, a);
        }
    }
    for &w in &item.words {
        if let Err(at) = d.words.binary_search(&w) {
            d.words.insert(at, w);
        }
    }
    if let (Some(date), Some(g)) = (item.date, item.granularity)
        && d.entry.granularity.is_none_or(|old| g < old)
    {
        d.entry.date = Some(date);
        d.entry.granularity = Some(g);
    }
}

/// Sorts the entries by date (undated last; of entries starting together the coarser first, so
/// "2025" heads its year rather than landing after "January 2025"; ties in corpus order) and
/// renumbers `entry_of`.
fn sorted(drafts: Vec<Draft>, mut entry_of: Vec<Vec<u32>>) -> (Vec<Entry>, Vec<Vec<u32>>) {
    let mut entries: Vec<(u32, Entry)> = drafts
        .into_iter()
        .enumerate()
        .map(|(i, d)| (i as u32, d.entry))
        .collect();
    entries.sort_by_key(|(_, e)| {
        (
            e.date.is_none(),
            e.date.map(|d| d.start),
            std::cmp::Reverse(e.granularity),
            e.sources[0],
        )
    });
    let mut new_id = vec![0u32; entries.len()];
    for (pos, (old, _)) in entries.iter().enumerate() {
        new_id[*old as usize] = pos as u32;
    }
    for ids in &mut entry_of {
        for id in ids.iter_mut() {
            *id = new_id[*id as usize];
        }
    }
    (entries.into_iter().map(|(_, e)| e).collect(), entry_of)
}

/// Words too common to tell happenings apart.
const STOPWORDS: &[&str] = &[
    "the", "and", "for", "with", "that", "this", "from", "was", "were", "has", "have", "had",
    "said", "says", "will", "would", "its", "their", "his", "her", "they", "them", "about",
    "after", "over", "into", "than", "more", "also", "which", "who", "what", "when", "where",
    "while", "been", "being", "are", "not", "but", "all", "any", "some", "other", "such", "only",
    "very", "can", "could", "may", "might", "must", "should", "one", "two", "out", "our", "you",
    "there", "then", "them", "these", "those", "during", "before", "since", "until", "between",
];

/// Interns the content words of labels.
#[derive(Default)]
struct Interner {
    ids: HashMap<String, u32>,
}

impl Interner {
    /// The sorted, distinct content words of `label`: letters only, three or more, lower
    /// case, no stopwords and no date words (those are the date itself).
    fn words(&mut self, label: &str) -> Vec<u32> {
        let mut out: Vec<u32> = label
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 3)
            .filter_map(|w| {
                let lower = w.to_lowercase();
                if STOPWORDS.contains(&lower.as_str()) || vocab::lex(&lower) != Lex::Other {
                    return None;
                }
                let next = self.ids.len() as u32;
                Some(*self.ids.entry(lower).or_insert(next))
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests;
