//! The timeline: every article's events, merged across articles when they report the same
//! happening, sorted by date with undated entries last.
//!
//! Two events merge when they are of the same kind (publications never merge), their dates
//! overlap with one inside the other (a day merges with its week or month, never with another
//! day), and they share enough: for events, a corpus actor and two words of their labels, or
//! three words and half the words of the shorter label; for statements, the same speaker and
//! half the words. Candidates are found through an index of label words per month, so the
//! work stays near-linear in the number of events.
//!
//! A million events are merged at once, so the working set is kept in a few large lists
//! rather than millions of small ones: the events' actors and words are ranges of one pool
//! per chunk of articles, the candidate index of a month chains its entry ids through one
//! list, and an entry borrows its first event's actors and words until another event adds
//! to them.

use crate::extract::actors::fasthash::FxHashMap;

use std::borrow::Cow;
use std::collections::hash_map::Entry as Slot;

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

/// An event as stored for merging: its actors and label words are ranges of the pool of its
/// chunk of articles (see [`Items`]).
#[derive(Clone, Copy)]
struct Item {
    source: ItemRef,
    date: Option<Interval>,
    granularity: Option<Granularity>,
    kind: EventKind,
    /// For a statement, the corpus actor of its speaker.
    speaker: Option<u32>,
    /// Its corpus actors (sorted) are `lists[0]..lists[1]` of the pool, its label words
    /// (sorted) `lists[1]..lists[2]`.
    lists: [u32; 3],
}

impl Item {
    /// A slot not filled (an article with fewer events than it counts), removed once read.
    const MISSING: Item = Item {
        source: ItemRef {
            article: u32::MAX,
            item: u32::MAX,
        },
        date: None,
        granularity: None,
        kind: EventKind::Publication,
        speaker: None,
        lists: [0; 3],
    };

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

/// Every event ready for merging, in corpus order, and the pools their lists are in: one
/// per [`ITEMS_CHUNK`] articles.
struct Items {
    list: Vec<Item>,
    pools: Vec<Vec<u32>>,
}

impl Items {
    /// Item `i` with its actors and words.
    fn get(&self, i: u32) -> Ready<'_> {
        let item = self.list[i as usize];
        let pool = self
            .pools
            .get(item.source.article as usize / ITEMS_CHUNK)
            .map_or(&[][..], Vec::as_slice);
        let [a, w, end] = item.lists.map(|x| x as usize);
        Ready {
            item,
            actors: pool.get(a..w).unwrap_or(&[]),
            words: pool.get(w..end).unwrap_or(&[]),
        }
    }
}

/// An event being merged, its actors and words read from its pool.
#[derive(Clone, Copy)]
struct Ready<'a> {
    item: Item,
    /// Corpus actors involved, sorted.
    actors: &'a [u32],
    /// Label words, sorted.
    words: &'a [u32],
}

impl std::ops::Deref for Ready<'_> {
    type Target = Item;

    fn deref(&self) -> &Item {
        &self.item
    }
}

/// An entry being built, with the words and speaker it is matched on. Its actors and words
/// are the first event's until another event adds to them.
struct Draft<'a> {
    sources: Vec<ItemRef>,
    date: Option<Interval>,
    granularity: Option<Granularity>,
    kind: EventKind,
    actors: Cow<'a, [u32]>,
    words: Cow<'a, [u32]>,
    speaker: Option<u32>,
}

impl<'a> Draft<'a> {
    /// An entry started by `event`.
    fn of(event: &Ready<'a>) -> Draft<'a> {
        Draft {
            sources: vec![event.item.source],
            date: event.item.date,
            granularity: event.item.granularity,
            kind: event.item.kind,
            actors: Cow::Borrowed(event.actors),
            words: Cow::Borrowed(event.words),
            speaker: event.item.speaker,
        }
    }

    /// The entry built.
    fn into_entry(self) -> Entry {
        Entry {
            sources: self.sources,
            date: self.date,
            granularity: self.granularity,
            kind: self.kind,
            actors: self.actors.into_owned(),
        }
    }
}

/// Longest word list per month kept in the candidate index; words more frequent than this in a
/// month say nothing about which happening an event is.
const MAX_POSTINGS: u32 = 64;

/// Longest interval, in days, that is indexed by month (coarser dates merge only when equal).
const MONTH_SPAN: i64 = 62;

/// Entry ids by label word, for one month: each word's ids, in the order they were added,
/// are a chain of links through one list.
#[derive(Default)]
struct Postings {
    /// Each word's chain.
    chains: FxHashMap<u32, Chain>,
    /// The links of every chain.
    links: Vec<Link>,
}

/// A word's ids in [`Postings::links`]: the first and last link, and how many there are.
#[derive(Clone, Copy)]
struct Chain {
    first: u32,
    last: u32,
    len: u32,
}

/// An entry id and the link to the next one of its word ([`END`] for none).
#[derive(Clone, Copy)]
struct Link {
    id: u32,
    next: u32,
}

/// The end of a chain.
const END: u32 = u32::MAX;

impl Postings {
    /// Adds entry `id` under `word`, unless it is the word's last id already or the word has
    /// [`MAX_POSTINGS`] ids.
    fn push(&mut self, word: u32, id: u32) {
        let at = self.links.len() as u32;
        match self.chains.entry(word) {
            Slot::Occupied(mut slot) => {
                let chain = slot.get_mut();
                let last = &mut self.links[chain.last as usize];
                if chain.len >= MAX_POSTINGS || last.id == id {
                    return;
                }
                last.next = at;
                chain.last = at;
                chain.len += 1;
            }
            Slot::Vacant(slot) => {
                slot.insert(Chain {
                    first: at,
                    last: at,
                    len: 1,
                });
            }
        }
        self.links.push(Link { id, next: END });
    }

    /// The entry ids under `word`, in the order they were added.
    fn ids(&self, word: u32) -> impl Iterator<Item = u32> + '_ {
        let mut at = self.chains.get(&word).map_or(END, |c| c.first);
        std::iter::from_fn(move || {
            let link = self.links.get(at as usize)?;
            at = link.next;
            Some(link.id)
        })
    }
}

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
    let items = items(articles, actor_of);
    let mut order: Vec<u32> = (0..items.list.len() as u32).collect();
    order.par_sort_unstable_by_key(|&i| {
        let it = &items.list[i as usize];
        (it.date.is_none(), it.granularity, it.date, it.source)
    });
    let split = order
        .iter()
        .position(|&i| items.list[i as usize].single_month().is_none())
        .unwrap_or(order.len());
    let mut merging = Merging::by_month(&items, &order[..split]);
    for &i in &order[split..] {
        merging.add(&items.get(i));
    }
    drop(order);
    // Only the entries are kept: the candidate indexes are freed first, then the items.
    let entries = merging.into_entries();
    drop(items);
    let mut entry_of: Vec<Vec<u32>> = articles
        .iter()
        .map(|a| vec![0; a.count(Part::Events)])
        .collect();
    for (id, e) in entries.iter().enumerate() {
        for s in &e.sources {
            entry_of[s.article as usize][s.item as usize] = id as u32;
        }
    }
    sorted(entries, entry_of)
}

/// Articles whose events are read by one task, with words interned on their own.
const ITEMS_CHUNK: usize = 256;

/// Every article's events ready for merging, in corpus order. Chunks of articles are read on
/// every core into their place in one list, each chunk interning its words on its own and
/// keeping its items' actors and words in a pool of its own; the chunks' words are then given
/// ids across the corpus in chunk order.
fn items(articles: &[Article], actor_of: &[Vec<u32>]) -> Items {
    let counts: Vec<usize> = articles
        .par_chunks(ITEMS_CHUNK)
        .map(|chunk| chunk.iter().map(|a| a.count(Part::Events)).sum())
        .collect();
    let mut list = vec![Item::MISSING; counts.iter().sum()];
    let mut slots: Vec<&mut [Item]> = Vec::with_capacity(counts.len());
    let mut rest = list.as_mut_slice();
    for &n in &counts {
        let (head, tail) = rest.split_at_mut(n);
        slots.push(head);
        rest = tail;
    }
    let parts: Vec<(Vec<u32>, Vec<String>, bool)> = articles
        .par_chunks(ITEMS_CHUNK)
        .zip(slots)
        .enumerate()
        .map(|(c, (chunk, slots))| {
            let mut interner = Interner::default();
            let mut pool: Vec<u32> = Vec::new();
            let mut list: Vec<u32> = Vec::new();
            let mut slots = slots.iter_mut();
            for (offset, article) in chunk.iter().enumerate() {
                let a = c * ITEMS_CHUNK + offset;
                for (e, event) in article.events().enumerate() {
                    let Some(slot) = slots.next() else { break };
                    list.clear();
                    list.extend(
                        event
                            .actors
                            .iter()
                            .filter_map(|&l| actor_of.get(a)?.get(l as usize).copied()),
                    );
                    let speaker = (event.kind == EventKind::Statement)
                        .then(|| list.first().copied())
                        .flatten();
                    list.sort_unstable();
                    list.dedup();
                    let start = pool.len() as u32;
                    pool.extend_from_slice(&list);
                    let mid = pool.len() as u32;
                    interner.words(event.label.text(&article.text), &mut list);
                    pool.extend_from_slice(&list);
                    *slot = Item {
                        source: ItemRef::new(a, e),
                        date: event.date,
                        granularity: event.granularity,
                        kind: event.kind,
                        speaker,
                        lists: [start, mid, pool.len() as u32],
                    };
                }
            }
            let short = slots.next().is_some();
            pool.shrink_to_fit();
            (pool, interner.into_words(), short)
        })
        .collect();
    let mut ids: FxHashMap<String, u32> = FxHashMap::default();
    let mut pools = Vec::with_capacity(parts.len());
    let mut short = false;
    let mut rest = list.as_slice();
    for ((mut pool, words, part_short), &n) in parts.into_iter().zip(&counts) {
        short |= part_short;
        let global: Vec<u32> = words
            .into_iter()
            .map(|w| {
                let next = ids.len() as u32;
                *ids.entry(w).or_insert(next)
            })
            .collect();
        let (chunk, tail) = rest.split_at(n);
        rest = tail;
        for item in chunk {
            let words = &mut pool[item.lists[1] as usize..item.lists[2] as usize];
            for w in words.iter_mut() {
                *w = global[*w as usize];
            }
            words.sort_unstable();
        }
        pools.push(pool);
    }
    if short {
        list.retain(|item| item.source.article != u32::MAX);
    }
    Items { list, pools }
}

/// The entries being built, and the indexes their candidates are found through.
#[derive(Default)]
struct Merging<'a> {
    /// Entries in the order they were started.
    drafts: Vec<Draft<'a>>,
    /// Entries by month (as `year * 12 + month0`) and label word.
    by_month: FxHashMap<i32, Postings>,
    /// Entries with a coarse date, by kind and date.
    by_interval: FxHashMap<(EventKind, Interval), Vec<u32>>,
    /// What each entry is first checked on, in the order of `drafts`.
    heads: Vec<Head>,
    /// The stamp of the item being merged (never 0, the mark of an entry not weighed yet).
    stamp: u32,
}

impl<'a> Merging<'a> {
    /// Merges `order`, items that each touch a single month (or merge with nothing), month by
    /// month in parallel. The entries are numbered in the order the items that started them
    /// come in `order`, as merging them one by one would.
    fn by_month(items: &'a Items, order: &[u32]) -> Merging<'a> {
        // (month, position in `order`), grouped by month in order.
        let mut keyed: Vec<(Option<i32>, u32)> = order
            .iter()
            .enumerate()
            .map(|(pos, &i)| (items.list[i as usize].single_month().flatten(), pos as u32))
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
                    if part.add(&items.get(order[pos as usize])) {
                        started.push(pos);
                    }
                }
                (group[0].0, part, started)
            })
            .collect();
        drop(keyed);
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
        drop(starts);
        // The parts' entries, moved one part after the other into one list, then each put in
        // its place.
        let mut merging = Merging::default();
        let mut drafts = Vec::with_capacity(global.iter().map(Vec::len).sum());
        let mut place: Vec<u32> = Vec::with_capacity(drafts.capacity());
        for ((month, part, _), ids) in parts.into_iter().zip(&global) {
            drafts.extend(part.drafts);
            place.extend_from_slice(ids);
            // Items of one month register only under that month.
            for (m, mut postings) in part.by_month {
                debug_assert_eq!(Some(m), month);
                for link in &mut postings.links {
                    link.id = ids[link.id as usize];
                }
                merging.by_month.insert(m, postings);
            }
        }
        for at in 0..place.len() {
            while place[at] as usize != at {
                let to = place[at] as usize;
                drafts.swap(at, to);
                place.swap(at, to);
            }
        }
        merging.heads = drafts.iter().map(Head::of).collect();
        merging.drafts = drafts;
        merging
    }

    /// The entries, the candidate indexes freed first.
    fn into_entries(self) -> Vec<Entry> {
        let drafts = self.drafts;
        drop((self.by_month, self.by_interval, self.heads));
        drafts.into_iter().map(Draft::into_entry).collect()
    }

    /// Adds `item` to the entry it reports the same happening as, or starts an entry; returns
    /// whether it started one.
    fn add(&mut self, item: &Ready<'a>) -> bool {
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
                self.drafts.push(Draft::of(item));
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
                        postings.push(w, id);
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
            .flat_map(|postings| item.words.iter().flat_map(|&w| postings.ids(w)));
        let by_date = ms
            .is_none()
            .then(|| self.by_interval.get(&(item.kind, date)))
            .flatten()
            .into_iter()
            .flatten()
            .copied();
        // Each candidate is weighed once: its head is marked with the item's stamp.
        let mut best: Option<(usize, std::cmp::Reverse<u32>)> = None;
        for id in by_word.chain(by_date) {
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
            kind: d.kind,
            date: d.date,
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
            let actors = count_shared(item.actors, &d.actors);
            (actors >= 1 && shared >= 2) || (shared >= 3 && half)
        }
    };
    ok.then_some(shared)
}

/// Adds `item` to a draft: its source, its actors and words, and its date when finer.
fn absorb(d: &mut Draft, item: &Ready) {
    d.sources.push(item.source);
    union(&mut d.actors, item.actors);
    union(&mut d.words, item.words);
    if let (Some(date), Some(g)) = (item.date, item.granularity)
        && d.granularity.is_none_or(|old| g < old)
    {
        d.date = Some(date);
        d.granularity = Some(g);
    }
}

/// Adds to the sorted list `list` the values of `add` it lacks, keeping it sorted; a borrowed
/// list is copied only when a value is added.
fn union(list: &mut Cow<[u32]>, add: &[u32]) {
    for &x in add {
        if let Err(at) = list.binary_search(&x) {
            list.to_mut().insert(at, x);
        }
    }
}

/// Sorts the entries by date (undated last; of entries starting together the coarser first, so
/// "2025" heads its year rather than landing after "January 2025"; ties in corpus order) and
/// renumbers `entry_of`.
fn sorted(entries: Vec<Entry>, mut entry_of: Vec<Vec<u32>>) -> (Vec<Entry>, Vec<Vec<u32>>) {
    let mut entries: Vec<(u32, Entry)> = entries
        .into_iter()
        .enumerate()
        .map(|(i, e)| (i as u32, e))
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
    /// Puts in `out` the sorted, distinct content words of `label`: letters only, three or
    /// more, lower case, no stopwords and no date words (those are the date itself).
    fn words(&mut self, label: &str, out: &mut Vec<u32>) {
        let mut lower = String::new();
        out.clear();
        out.extend(
            label
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
                }),
        );
        out.sort_unstable();
        out.dedup();
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
