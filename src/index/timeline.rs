//! The timeline: every article's events, merged across articles when they report the same
//! happening, sorted by date with undated entries last.
//!
//! Two events merge when they are of the same kind (publications never merge), their dates
//! overlap with one inside the other (a day merges with its week or month, never with another
//! day), and they share enough: for events, a corpus actor and two words of their labels, or
//! three words and half the words of the shorter label; for statements, the same speaker and
//! half the words. Candidates are found through an index of label words per month, so the
//! work stays near-linear in the number of events.

use crate::extract::actors::fasthash::FxHashMap;

use std::ops::Range;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::article::packed::Part;
use crate::extract::events::EventKind;
use crate::extract::time::vocab::{self, Lex};
use crate::extract::time::{Granularity, Interval};
use crate::index::{ItemRef, count_shared, count_shared_at_least};

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

/// An event ready for merging, its corpus actors and label words given as `L`: ranges of
/// a chunk's pool while the chunks are read, then slices of it.
struct Item<L> {
    source: ItemRef,
    date: Option<Interval>,
    granularity: Option<Granularity>,
    kind: EventKind,
    /// Corpus actors involved, sorted.
    actors: L,
    /// Label words, sorted.
    words: L,
    /// For a statement, the corpus actor of its speaker.
    speaker: Option<u32>,
}

/// An event being merged.
type Ready<'a> = Item<&'a [u32]>;

/// An event as read, its actors and words ranges of its chunk's pool.
type Read = Item<Range<u32>>;

impl Read {
    /// The item, its actors and words read from the pool its ranges point into.
    fn on(self, pool: &[u32]) -> Ready<'_> {
        let slice = |r: Range<u32>| pool.get(r.start as usize..r.end as usize).unwrap_or(&[]);
        Item {
            source: self.source,
            date: self.date,
            granularity: self.granularity,
            kind: self.kind,
            actors: slice(self.actors),
            words: slice(self.words),
            speaker: self.speaker,
        }
    }
}

impl<L> Item<L> {
    /// The date the item is merged on: none for publications (which never merge) and
    /// undated events.
    fn merge_date(&self) -> Option<Interval> {
        self.date.filter(|_| self.kind != EventKind::Publication)
    }

    /// The one month the item can merge in, when its date touches a single month (a day);
    /// `Some(None)` when it merges with nothing.
    fn single_month(&self) -> Option<Option<i32>> {
        match self.merge_date() {
            None => Some(None),
            Some(date) => months(date)
                .filter(|m| m.start() == m.end())
                .map(|m| Some(*m.start())),
        }
    }
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

/// Entry ids by label word, for one month.
type Postings = FxHashMap<u32, Vec<u32>>;

/// Builds the timeline from the articles' events (`actor_of` maps local actors to corpus
/// actors): the entries sorted by date with undated ones last, and for each article the entry
/// each of its events belongs to.
///
/// Events are merged one by one, finest dates first (so that a month or week joins the day it
/// contains), each joining the best entry met before it. While every event touches a single
/// month (the days, which come first), the months are independent: each is merged on its own,
/// in parallel, and entries are numbered as if made one by one, so the result is the same
/// whatever the number of threads.
pub fn build(articles: &[Article], actor_of: &[Vec<u32>]) -> (Vec<Entry>, Vec<Vec<u32>>) {
    let (parts, pools) = items(articles, actor_of);
    let mut items: Vec<Ready> = Vec::with_capacity(parts.iter().map(Vec::len).sum());
    for (part, pool) in parts.into_iter().zip(&pools) {
        items.extend(part.into_iter().map(|item| item.on(pool)));
    }
    let mut order: Vec<u32> = (0..items.len() as u32).collect();
    order.par_sort_unstable_by_key(|&i| {
        let it = &items[i as usize];
        (it.date.is_none(), it.granularity, it.date, it.source)
    });
    let split = order
        .iter()
        .position(|&i| items[i as usize].single_month().is_none())
        .unwrap_or(order.len());
    let mut merging = Merging::by_month(&items, &order[..split]);
    for &i in &order[split..] {
        merging.add(&items[i as usize]);
    }
    // Only the entries are kept: the items and the candidate indexes are freed first.
    let drafts = merging.into_drafts();
    drop((order, items));
    drop(pools);
    let mut entry_of: Vec<Vec<u32>> = articles
        .iter()
        .map(|a| vec![0; a.count(Part::Events)])
        .collect();
    for (id, d) in drafts.iter().enumerate() {
        for s in &d.entry.sources {
            entry_of[s.article as usize][s.item as usize] = id as u32;
        }
    }
    sorted(drafts, entry_of)
}

/// Articles whose events are read by one task, with words interned on their own.
const ITEMS_CHUNK: usize = 256;

/// Every article's events ready for merging, in corpus order, chunk by chunk, with the pool
/// of each chunk that their actors and words are ranges of (one pool per chunk, not two
/// lists per event: a million events are merged at once). Chunks of articles are read on
/// every core, each interning its words on its own; the chunks' words are then given ids
/// across the corpus in chunk order.
fn items(articles: &[Article], actor_of: &[Vec<u32>]) -> (Vec<Vec<Read>>, Vec<Vec<u32>>) {
    type Part = (Vec<Read>, Vec<u32>, Vec<String>);
    let parts: Vec<Part> = articles
        .par_chunks(ITEMS_CHUNK)
        .enumerate()
        .map(|(c, chunk)| {
            let mut interner = Interner::default();
            let mut items = Vec::new();
            let mut pool: Vec<u32> = Vec::new();
            let mut put = |list: &[u32]| {
                let start = pool.len() as u32;
                pool.extend_from_slice(list);
                start..pool.len() as u32
            };
            for (offset, article) in chunk.iter().enumerate() {
                let a = c * ITEMS_CHUNK + offset;
                for (e, event) in article.events().enumerate() {
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
                    items.push(Item {
                        source: ItemRef::new(a, e),
                        date: event.date,
                        granularity: event.granularity,
                        kind: event.kind,
                        actors: put(&actors),
                        words: put(&words),
                        speaker,
                    });
                }
            }
            items.shrink_to_fit();
            pool.shrink_to_fit();
            (items, pool, interner.into_words())
        })
        .collect();
    let mut ids: FxHashMap<String, u32> = FxHashMap::default();
    let mut all = Vec::with_capacity(parts.len());
    let mut pools = Vec::with_capacity(parts.len());
    for (items, mut pool, words) in parts {
        let global: Vec<u32> = words
            .into_iter()
            .map(|w| {
                let next = ids.len() as u32;
                *ids.entry(w).or_insert(next)
            })
            .collect();
        for item in &items {
            let words = &mut pool[item.words.start as usize..item.words.end as usize];
            for w in words.iter_mut() {
                *w = global[*w as usize];
            }
            words.sort_unstable();
        }
        all.push(items);
        pools.push(pool);
    }
    (all, pools)
}

/// The entries being built, and the indexes their candidates are found through.
#[derive(Default)]
struct Merging {
    /// Entries in the order they were started.
    drafts: Vec<Draft>,
    /// Entries by month (as `year * 12 + month0`) and label word.
    by_month: FxHashMap<i32, Postings>,
    /// Entries with a coarse date, by kind and date.
    by_interval: FxHashMap<(EventKind, Interval), Vec<u32>>,
    /// What each entry is first checked on, in the order of `drafts`.
    heads: Vec<Head>,
    /// The stamp of the item being merged (never 0, the mark of an entry not weighed yet).
    stamp: u32,
}

impl Merging {
    /// Merges `order`, items that each touch a single month (or merge with nothing), month by
    /// month in parallel. The entries are numbered in the order the items that started them
    /// come in `order`, as merging them one by one would.
    fn by_month(items: &[Ready], order: &[u32]) -> Merging {
        // (month, position in `order`), grouped by month in order.
        let mut keyed: Vec<(Option<i32>, u32)> = order
            .iter()
            .enumerate()
            .map(|(pos, &i)| (items[i as usize].single_month().flatten(), pos as u32))
            .collect();
        keyed.sort_unstable();
        let groups: Vec<&[(Option<i32>, u32)]> = keyed.chunk_by(|a, b| a.0 == b.0).collect();
        // Per month: its merging, and the position of the item that started each entry.
        let parts: Vec<(Option<i32>, Merging, Vec<u32>)> = groups
            .into_par_iter()
            .map(|group| {
                let mut part = Merging::default();
                let mut started = Vec::new();
                for &(_, pos) in group {
                    if part.add(&items[order[pos as usize] as usize]) {
                        started.push(pos);
                    }
                }
                (group[0].0, part, started)
            })
            .collect();
        // Global ids: entries in the order of the items that started them.
        let mut starts: Vec<(u32, u32, u32)> = parts
            .iter()
            .enumerate()
            .flat_map(|(p, (_, _, started))| {
                started
                    .iter()
                    .enumerate()
                    .map(move |(local, &pos)| (pos, p as u32, local as u32))
            })
            .collect();
        starts.sort_unstable();
        let mut global: Vec<Vec<u32>> = parts.iter().map(|(_, _, s)| vec![0; s.len()]).collect();
        for (id, &(_, p, local)) in starts.iter().enumerate() {
            global[p as usize][local as usize] = id as u32;
        }
        let mut merging = Merging::default();
        let mut drafts: Vec<Option<Draft>> = Vec::with_capacity(starts.len());
        drafts.resize_with(starts.len(), || None);
        for ((month, part, _), ids) in parts.into_iter().zip(&global) {
            for (local, d) in part.drafts.into_iter().enumerate() {
                drafts[ids[local] as usize] = Some(d);
            }
            // Items of one month register only under that month.
            for (m, mut postings) in part.by_month {
                debug_assert_eq!(Some(m), month);
                for list in postings.values_mut() {
                    for id in list.iter_mut() {
                        *id = ids[*id as usize];
                    }
                }
                merging.by_month.insert(m, postings);
            }
        }
        merging.drafts = drafts.into_iter().flatten().collect();
        merging.heads = merging.drafts.iter().map(Head::of).collect();
        merging
    }

    /// The entries, the candidate indexes freed.
    fn into_drafts(self) -> Vec<Draft> {
        self.drafts
    }

    /// Adds `item` to the entry it reports the same happening as, or starts an entry; returns
    /// whether it started one.
    fn add(&mut self, item: &Ready) -> bool {
        self.stamp += 1;
        let date = item.merge_date();
        let found = date.and_then(|date| self.best_match(item, date));
        let id = match found {
            Some(id) => {
                let d = &mut self.drafts[id as usize];
                absorb(d, item);
                self.heads[id as usize] = Head::of(d);
                id
            }
            None => {
                self.drafts.push(Draft {
                    entry: Entry {
                        sources: vec![item.source],
                        date: item.date,
                        granularity: item.granularity,
                        kind: item.kind,
                        actors: item.actors.to_vec(),
                    },
                    words: item.words.to_vec(),
                    speaker: item.speaker,
                });
                self.heads.extend(self.drafts.last().map(Head::of));
                self.drafts.len() as u32 - 1
            }
        };
        if let Some(date) = date {
            self.register(id, item, date);
        }
        found.is_none()
    }

    /// Indexes entry `id` under the words of `item` for the months its date touches (or under
    /// its exact interval when the date is coarse).
    fn register(&mut self, id: u32, item: &Ready, date: Interval) {
        match months(date) {
            Some(ms) => {
                for m in ms {
                    let postings = self.by_month.entry(m).or_default();
                    for &w in item.words {
                        let list = postings.entry(w).or_default();
                        if list.len() < MAX_POSTINGS && list.last() != Some(&id) {
                            list.push(id);
                        }
                    }
                }
            }
            None => {
                let list = self.by_interval.entry((item.kind, date)).or_default();
                if list.last() != Some(&id) {
                    list.push(id);
                }
            }
        }
    }

    /// The entry `item` should join, if any: the candidate sharing the most label words among
    /// those that pass [`same_happening`].
    fn best_match(&mut self, item: &Ready, date: Interval) -> Option<u32> {
        let ms = months(date);
        let by_word = ms
            .clone()
            .into_iter()
            .flatten()
            .filter_map(|m| self.by_month.get(&m))
            .flat_map(|postings| item.words.iter().filter_map(|w| postings.get(w)));
        let by_date = ms
            .is_none()
            .then(|| self.by_interval.get(&(item.kind, date)))
            .flatten();
        // Each candidate is weighed once: its head is marked with the item's stamp.
        let mut best: Option<(usize, std::cmp::Reverse<u32>)> = None;
        for &id in by_word.chain(by_date).flatten() {
            let head = &mut self.heads[id as usize];
            if head.mark == self.stamp {
                continue;
            }
            head.mark = self.stamp;
            if !head.fits(item, date) {
                continue;
            }
            let d = &self.drafts[id as usize];
            // The fewest shared words with which this draft would beat the best (two at
            // least to merge at all); a draft that cannot share them is not weighed further.
            let need = best.map_or(2, |(shared, std::cmp::Reverse(b))| {
                (shared + usize::from(id > b)).max(2)
            });
            if let Some(shared) = same_happening(item, d, need) {
                best = best.max(Some((shared, std::cmp::Reverse(id))));
            }
        }
        best.map(|(_, std::cmp::Reverse(id))| id)
    }
}

/// Months an interval touches (as `year * 12 + month0`, consecutive), when it is short enough
/// to be indexed by month.
fn months(date: Interval) -> Option<std::ops::RangeInclusive<i32>> {
    use chrono::Datelike;
    if (date.end - date.start).num_days() > MONTH_SPAN {
        return None;
    }
    let month = |d: chrono::NaiveDate| d.year() * 12 + d.month0() as i32;
    Some(month(date.start)..=month(date.end))
}

/// What a draft is first checked on, apart from the draft so that weighing candidates reads
/// little memory.
#[derive(Clone, Copy)]
struct Head {
    /// The stamp of the last item the draft was weighed for.
    mark: u32,
    kind: EventKind,
    date: Option<Interval>,
    speaker: Option<u32>,
}

impl Head {
    fn of(d: &Draft) -> Head {
        Head {
            mark: 0,
            kind: d.entry.kind,
            date: d.entry.date,
            speaker: d.speaker,
        }
    }

    /// True when `item`, on `date`, can report the same happening as the draft: the same kind,
    /// dates one inside the other, and for a statement the same speaker (or none for both).
    fn fits(&self, item: &Ready, date: Interval) -> bool {
        let Some(other) = self.date else {
            return false;
        };
        let nested = (other.start <= date.start && date.end <= other.end)
            || (date.start <= other.start && other.end <= date.end);
        let same_speaker = match (item.speaker, self.speaker) {
            (Some(a), Some(b)) => a == b,
            (None, None) => true,
            _ => false,
        };
        self.kind == item.kind && nested && (item.kind != EventKind::Statement || same_speaker)
    }
}

/// The number of label words `item` shares with draft `d` when they report the same
/// happening and share at least `need` words, else `None`; the draft's head
/// ([`Head::fits`]) has been checked.
fn same_happening(item: &Ready, d: &Draft, need: usize) -> Option<usize> {
    let speaker = item.speaker;
    let shared = count_shared_at_least(item.words, &d.words, need)?;
    let smaller = item.words.len().min(d.words.len()).max(1);
    let half = shared * 2 >= smaller;
    let ok = match item.kind {
        EventKind::Statement => match (speaker, d.speaker) {
            (Some(a), Some(b)) => a == b && half && shared >= 3,
            (None, None) => shared * 10 >= smaller * 7 && shared >= 4,
            _ => false,
        },
        _ => {
            let actors = count_shared(item.actors, &d.entry.actors);
            (actors >= 1 && shared >= 2) || (shared >= 3 && half)
        }
    };
    ok.then_some(shared)
}

/// Adds `item` to a draft: its source, its actors and words, and its date when finer.
fn absorb(d: &mut Draft, item: &Ready) {
    d.entry.sources.push(item.source);
    for &a in item.actors {
        if let Err(at) = d.entry.actors.binary_search(&a) {
            d.entry.actors.insert(at, a);
        }
    }
    for &w in item.words {
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
    /// Word ids, and [`SKIPPED`] for stopwords and date words.
    ids: FxHashMap<String, u32>,
    /// Words interned so far.
    len: u32,
}

/// The id the interner gives words that are not content words.
const SKIPPED: u32 = u32::MAX;

impl Interner {
    /// The sorted, distinct content words of `label`: letters only, three or more, lower
    /// case, no stopwords and no date words (those are the date itself).
    fn words(&mut self, label: &str) -> Vec<u32> {
        let mut lower = String::new();
        let mut out: Vec<u32> = label
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.len() >= 3 && w.chars().nth(2).is_some())
            .filter_map(|w| {
                lower.clear();
                if w.is_ascii() {
                    lower.push_str(w);
                    lower.make_ascii_lowercase();
                } else {
                    lower.push_str(&w.to_lowercase());
                }
                let id = match self.ids.get(lower.as_str()) {
                    Some(&id) => id,
                    None => {
                        let id = if STOPWORDS.contains(&lower.as_str())
                            || vocab::lex(&lower) != Lex::Other
                        {
                            SKIPPED
                        } else {
                            self.len += 1;
                            self.len - 1
                        };
                        self.ids.insert(lower.clone(), id);
                        id
                    }
                };
                (id != SKIPPED).then_some(id)
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The words interned, by id.
    fn into_words(self) -> Vec<String> {
        let mut words = vec![String::new(); self.len as usize];
        for (w, id) in self.ids {
            if id != SKIPPED {
                words[id as usize] = w;
            }
        }
        words
    }
}

#[cfg(test)]
mod tests;
