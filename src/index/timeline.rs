//! The timeline: every article's events, merged across articles when they report the same
//! happening, sorted by date with undated entries last.
//!
//! Two events merge when they are of the same kind (publications never merge), their dates
//! overlap with one inside the other (a day merges with its week or month, never with another
//! day), and they share enough: for events, a corpus actor and two words of their labels, or
//! three words and half the words of the shorter label; for statements, the same speaker and
//! half the words. Candidates are found through an index of label words per month (per kind
//! and date for coarse dates), so the work stays near-linear in the number of events when
//! dates spread; many events of one coarse date that share a common word still weigh each
//! other's entries.
//!
//! A million events are merged at once, so the working set is kept in a few large lists
//! rather than millions of small ones: the events' actors and words are ranges of one pool
//! per chunk of articles, a candidate index chains its entry ids through one list, an entry
//! reads its first event's actors and words until another event adds to them, and its
//! sources are gathered once the merge is done, from the entry each event joined.

use crate::extract::actors::fasthash::FxHashMap;

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
    /// For a statement, the corpus actor of its speaker, else [`NO_SPEAKER`].
    speaker: u32,
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
        speaker: NO_SPEAKER,
        lists: [0; 3],
    };

    /// For a statement, the corpus actor of its speaker.
    fn speaker(&self) -> Option<u32> {
        (self.speaker != NO_SPEAKER).then_some(self.speaker)
    }

    /// The date the item is merged on: none for publications (which never merge) and
    /// undated events.
    fn merge_date(&self) -> Option<Interval> {
        self.date.filter(|_| self.kind != EventKind::Publication)
    }
}

/// [`Item::speaker`] of an item without one.
const NO_SPEAKER: u32 = u32::MAX;

/// Every event ready for merging (read in corpus order, then sorted in the order they are
/// merged), and the pools their lists are in: one per [`ITEMS_CHUNK`] articles.
struct Items {
    list: Vec<Item>,
    pools: Vec<Vec<u32>>,
}

impl Items {
    /// Item `i` with its actors and words.
    fn get(&self, i: usize) -> Ready<'_> {
        let item = self.list[i];
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

/// An entry being built: the item that started it, and its actors and words (sorted) once
/// another item added to them; until then they are the first item's. What it is matched on
/// first (kind, date, speaker) is in its [`Head`].
struct Draft {
    first: u32,
    grown: Option<Box<Grown>>,
}

impl Draft {
    /// The entry's actors and words.
    fn lists<'i>(&'i self, items: &'i Items) -> (&'i [u32], &'i [u32]) {
        match &self.grown {
            Some(grown) => (&grown.actors, &grown.words),
            None => {
                let first = items.get(self.first as usize);
                (first.actors, first.words)
            }
        }
    }
}

/// The actors and words of an entry that more than one item added to.
struct Grown {
    actors: Vec<u32>,
    words: Vec<u32>,
}

/// Longest word list per month kept in the candidate index; words more frequent than this in a
/// month say nothing about which happening an event is.
const MAX_POSTINGS: u32 = 64;

/// Longest interval, in days, that is indexed by month (coarser dates merge only when equal).
const MONTH_SPAN: i64 = 62;

/// Entry ids by label word, for one month or one coarse date: each word's ids, in the order
/// they were added, are a chain of blocks of [`BLOCK`] ids through one list.
struct Postings {
    /// Each word's chain.
    chains: FxHashMap<u32, Chain>,
    /// The blocks of every chain.
    links: Vec<Link>,
    /// Most ids a word keeps.
    cap: u32,
}

/// A word's ids in [`Postings::links`]: the first and last block, and how many ids there are.
#[derive(Clone, Copy)]
struct Chain {
    first: u32,
    last: u32,
    len: u32,
}

/// Ids per block of a chain: a few, so that reading a word's ids jumps through few places in
/// memory while the many words with one or two ids waste little.
const BLOCK: usize = 3;

/// Up to [`BLOCK`] entry ids of a chain and the next block ([`END`] for none).
#[derive(Clone, Copy)]
struct Link {
    ids: [u32; BLOCK],
    next: u32,
}

/// The end of a chain.
const END: u32 = u32::MAX;

impl Postings {
    /// No ids yet; each word keeps its first `cap` ids.
    fn new(cap: u32) -> Postings {
        Postings {
            chains: FxHashMap::default(),
            links: Vec::new(),
            cap,
        }
    }

    /// Adds entry `id` under `word`, unless it is the word's last id already or the word has
    /// its `cap` ids.
    fn push(&mut self, word: u32, id: u32) {
        let at = self.links.len() as u32;
        match self.chains.entry(word) {
            Slot::Occupied(mut slot) => {
                let chain = slot.get_mut();
                let used = (chain.len as usize - 1) % BLOCK;
                let last = &mut self.links[chain.last as usize];
                if chain.len >= self.cap || last.ids[used] == id {
                    return;
                }
                chain.len += 1;
                if used + 1 < BLOCK {
                    last.ids[used + 1] = id;
                    return;
                }
                last.next = at;
                chain.last = at;
            }
            Slot::Vacant(slot) => {
                slot.insert(Chain {
                    first: at,
                    last: at,
                    len: 1,
                });
            }
        }
        if self.links.len() == self.links.capacity() {
            // A quarter more at a time rather than double: the lists of every month are held
            // together at the peak of the merge.
            self.links.reserve_exact(self.links.len() / 4 + 16);
        }
        let mut ids = [0; BLOCK];
        ids[0] = id;
        self.links.push(Link { ids, next: END });
    }

    /// Calls `f` with each entry id under `word`, in the order they were added.
    fn each_id(&self, word: u32, mut f: impl FnMut(u32)) {
        let Some(chain) = self.chains.get(&word) else {
            return;
        };
        let (mut at, mut left) = (chain.first, chain.len as usize);
        while let Some(link) = self.links.get(at as usize) {
            for &id in &link.ids[..left.min(BLOCK)] {
                f(id);
            }
            if left <= BLOCK {
                return;
            }
            (at, left) = (link.next, left - BLOCK);
        }
    }
}

/// Builds the timeline from the articles' events (`actor_of` maps local actors to corpus
/// actors): the entries sorted by date with undated ones last, and for each article the entry
/// each of its events belongs to.
///
/// Events are merged one by one, finest dates first (so that a month or week joins the day it
/// contains), each joining the best entry met before it. An event only meets entries of the
/// months its date touches (of its kind and date, when coarse), so the events fall into groups
/// that never meet ([`groups`]): each is merged on its own, in parallel, and entries are
/// numbered as if made one by one, so the result is the same whatever the number of threads.
pub fn build(articles: &[Article], actor_of: &[Vec<u32>]) -> (Vec<Entry>, Vec<Vec<u32>>) {
    let mut items = items(articles, actor_of);
    items
        .list
        .par_sort_unstable_by_key(|it| (it.date.is_none(), it.granularity, it.date, it.source));
    // Only the entries are kept: the candidate indexes are freed as each group is merged,
    // then the pools once the entries' actors are read, then the items once their sources are.
    let (drafts, heads, joined) = Merging::in_groups(&items);
    let actors: Vec<Vec<u32>> = drafts
        .into_iter()
        .map(|d| match d.grown {
            Some(grown) => grown.actors,
            None => items.get(d.first as usize).actors.to_vec(),
        })
        .collect();
    let Items { list, pools } = items;
    drop(pools);
    let mut counts = vec![0u32; heads.len()];
    for &id in &joined {
        counts[id as usize] += 1;
    }
    let mut sources: Vec<Vec<ItemRef>> = counts
        .into_iter()
        .map(|n| Vec::with_capacity(n as usize))
        .collect();
    let mut entry_of: Vec<Vec<u32>> = articles
        .iter()
        .map(|a| vec![0; a.count(Part::Events)])
        .collect();
    for (item, &id) in list.iter().zip(&joined) {
        sources[id as usize].push(item.source);
        entry_of[item.source.article as usize][item.source.item as usize] = id;
    }
    drop((list, joined));
    let entries = heads
        .into_iter()
        .zip(actors)
        .zip(sources)
        .map(|((head, actors), sources)| Entry {
            sources,
            date: head.date,
            granularity: head.granularity,
            kind: head.kind,
            actors,
        })
        .collect();
    sorted(entries, entry_of)
}

/// Articles whose events are read by one task, with words interned on their own.
const ITEMS_CHUNK: usize = 1024;

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
    let parts: Vec<(Vec<u32>, Words, bool)> = articles
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
                        speaker: speaker.unwrap_or(NO_SPEAKER),
                        lists: [start, mid, pool.len() as u32],
                    };
                }
            }
            let short = slots.next().is_some();
            pool.shrink_to_fit();
            (pool, interner.into_words(), short)
        })
        .collect();
    let mut ids = WordIds::default();
    let mut pools = Vec::with_capacity(parts.len());
    let mut short = false;
    // Words given ids across the corpus so far.
    let mut known = 0u32;
    let mut rest = list.as_slice();
    for ((mut pool, words, part_short), &n) in parts.into_iter().zip(&counts) {
        short |= part_short;
        let mut next = |_: &str| {
            known += 1;
            known - 1
        };
        let global: Vec<u32> = words
            .iter()
            .map(|w| match w.is_ascii() {
                true => ids.ascii(w.as_bytes(), &mut next),
                false => ids.lower(w.to_owned(), &mut next),
            })
            .collect();
        drop(words);
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
struct Merging<'a> {
    /// The items being merged.
    items: &'a Items,
    /// Entries in the order they were started.
    drafts: Vec<Draft>,
    /// Entries by month (as `year * 12 + month0`) and label word.
    by_month: FxHashMap<i32, Postings>,
    /// Entries with a coarse date, by kind, date and label word.
    by_span: FxHashMap<(EventKind, Interval), Postings>,
    /// What each entry is first checked on, in the order of `drafts`.
    heads: Vec<Head>,
    /// The stamp of the item being merged (never 0, the mark of an entry not weighed yet).
    stamp: u32,
}

impl<'a> Merging<'a> {
    /// No entries yet, over `items`.
    fn new(items: &'a Items) -> Merging<'a> {
        Merging {
            items,
            drafts: Vec::new(),
            by_month: FxHashMap::default(),
            by_span: FxHashMap::default(),
            heads: Vec::new(),
            stamp: 0,
        }
    }

    /// Merges every item, group by group in parallel (see [`groups`]); returns the entries'
    /// drafts and heads, and the entry each item joins. The entries are numbered in the order
    /// of the items that started them, as merging the items one by one would.
    fn in_groups(items: &'a Items) -> (Vec<Draft>, Vec<Head>, Vec<u32>) {
        let (mut order, ends) = groups(&items.list);
        // The entry each item joins, in the order of `order` until the end.
        let mut joined = vec![0u32; order.len()];
        let mut tasks = Vec::new();
        let (mut rest, mut start) = (joined.as_mut_slice(), 0);
        for &end in &ends {
            let (group, tail) = rest.split_at_mut(end as usize - start);
            if !group.is_empty() {
                tasks.push((start..end as usize, group));
            }
            (rest, start) = (tail, end as usize);
        }
        // The largest first, so that no core is left alone with one at the end.
        tasks.sort_by_key(|(range, _)| std::cmp::Reverse(range.len()));
        let order_in = &order;
        let merged: Vec<Merged> = tasks
            .into_par_iter()
            .with_max_len(1)
            .map(|(range, joined)| {
                let mut group = Merging::new(items);
                let mut started = Vec::new();
                for (&pos, to) in order_in[range.clone()].iter().zip(joined) {
                    let (id, new) = group.add(pos as usize);
                    *to = id;
                    if new {
                        started.push(pos);
                    }
                }
                let (drafts, heads) = group.into_drafts();
                Merged {
                    range,
                    drafts,
                    heads,
                    started,
                }
            })
            .collect();
        // Global ids: entries in the order of the items that started them.
        let mut starts: Vec<(u32, u32, u32)> = merged
            .iter()
            .enumerate()
            .flat_map(|(g, group)| {
                let ids = 0..group.started.len() as u32;
                group
                    .started
                    .iter()
                    .zip(ids)
                    .map(move |(&pos, id)| (pos, g as u32, id))
            })
            .collect();
        starts.sort_unstable();
        let mut global: Vec<Vec<u32>> = merged.iter().map(|g| vec![0; g.started.len()]).collect();
        for (id, &(_, g, local)) in starts.iter().enumerate() {
            global[g as usize][local as usize] = id as u32;
        }
        drop(starts);
        for (group, ids) in merged.iter().zip(&global) {
            for to in &mut joined[group.range.clone()] {
                *to = ids[*to as usize];
            }
        }
        move_to(&mut order, |a, b| joined.swap(a, b));
        drop(order);
        // The groups' entries, moved one group after the other into the largest group's
        // lists (each group's freed once moved), then each put in its place.
        let (mut drafts, mut heads, mut place) = (Vec::new(), Vec::new(), Vec::new());
        for (group, ids) in merged.into_iter().zip(global) {
            if drafts.is_empty() {
                (drafts, heads, place) = (group.drafts, group.heads, ids);
            } else {
                drafts.extend(group.drafts);
                heads.extend(group.heads);
                place.extend(ids);
            }
        }
        move_to(&mut place, |a, b| {
            drafts.swap(a, b);
            heads.swap(a, b);
        });
        (drafts, heads, joined)
    }

    /// The entries' drafts and heads, the candidate indexes freed.
    fn into_drafts(self) -> (Vec<Draft>, Vec<Head>) {
        (self.drafts, self.heads)
    }

    /// Adds item `i` to the entry it reports the same happening as, or starts an entry;
    /// returns the entry and whether the item started it.
    fn add(&mut self, i: usize) -> (u32, bool) {
        let item = &self.items.get(i);
        self.stamp += 1;
        let date = item.merge_date();
        let found = date.and_then(|date| self.best_match(item, date));
        let id = match found {
            Some(id) => {
                self.absorb(id, item);
                id
            }
            None => {
                self.drafts.push(Draft {
                    first: i as u32,
                    grown: None,
                });
                self.heads.push(Head::of(item));
                self.drafts.len() as u32 - 1
            }
        };
        if let Some(date) = date {
            self.register(id, item, date);
        }
        (id, found.is_none())
    }

    /// Indexes entry `id` under the words of `item` for the months its date touches (or under
    /// its kind and exact interval when the date is coarse: every word, as every entry of that
    /// kind and date sharing a word with an item is weighed for it).
    fn register(&mut self, id: u32, item: &Ready, date: Interval) {
        let push = |postings: &mut Postings| {
            for &w in item.words {
                postings.push(w, id);
            }
        };
        match months(date) {
            Some(ms) => {
                for m in ms {
                    push(
                        self.by_month
                            .entry(m)
                            .or_insert_with(|| Postings::new(MAX_POSTINGS)),
                    );
                }
            }
            None => push(
                self.by_span
                    .entry((item.kind, date))
                    .or_insert_with(|| Postings::new(u32::MAX)),
            ),
        }
    }

    /// The entry `item` should join, if any: the candidate sharing the most label words among
    /// those that pass [`same_happening`] (the one started first of those sharing as many).
    fn best_match(&mut self, item: &Ready, date: Interval) -> Option<u32> {
        let Merging {
            items,
            drafts,
            by_month,
            by_span,
            heads,
            stamp,
        } = self;
        let ms = months(date);
        let by_span = ms
            .is_none()
            .then(|| by_span.get(&(item.kind, date)))
            .flatten();
        let indexes = ms
            .into_iter()
            .flatten()
            .filter_map(|m| by_month.get(&m))
            .chain(by_span);
        // Each candidate is weighed once: its head is marked with the item's stamp.
        let mut best: Option<(usize, std::cmp::Reverse<u32>)> = None;
        let mut weigh = |id: u32| {
            let head = &mut heads[id as usize];
            if head.mark == *stamp {
                return;
            }
            head.mark = *stamp;
            if !head.fits(item, date) {
                return;
            }
            // The fewest shared words with which this draft would beat the best (two at
            // least to merge at all); a draft that cannot share them is not weighed further.
            let need = best.map_or(2, |(shared, std::cmp::Reverse(b))| {
                (shared + usize::from(id > b)).max(2)
            });
            let (actors, words) = drafts[id as usize].lists(items);
            if let Some(shared) = same_happening(item, (head.speaker, actors, words), need) {
                best = best.max(Some((shared, std::cmp::Reverse(id))));
            }
        };
        for postings in indexes {
            for &w in item.words {
                postings.each_id(w, &mut weigh);
            }
        }
        best.map(|(_, std::cmp::Reverse(id))| id)
    }

    /// Adds `item` to entry `id`: its actors and words, and its date when finer.
    fn absorb(&mut self, id: u32, item: &Ready) {
        let head = &mut self.heads[id as usize];
        if let (Some(date), Some(g)) = (item.date, item.granularity)
            && head.granularity.is_none_or(|old| g < old)
        {
            head.date = Some(date);
            head.granularity = Some(g);
        }
        let d = &mut self.drafts[id as usize];
        let grown = match &mut d.grown {
            Some(grown) => grown,
            None => {
                let first = self.items.get(d.first as usize);
                if !adds(first.actors, item.actors) && !adds(first.words, item.words) {
                    return;
                }
                d.grown.insert(Box::new(Grown {
                    actors: first.actors.to_vec(),
                    words: first.words.to_vec(),
                }))
            }
        };
        union(&mut grown.actors, item.actors);
        union(&mut grown.words, item.words);
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

/// The items in groups that never meet, so that each can be merged on its own: the items'
/// positions group after group (in order within each), and where each group ends in that list
/// (some groups are empty). An item with a coarse date only meets those of its kind and date;
/// one with a short date those of the months it touches, so months that an item touches
/// together are one group; publications and undated items, which merge with nothing, are one.
fn groups(list: &[Item]) -> (Vec<u32>, Vec<u32>) {
    let mut months_met = MonthGroups::default();
    let mut spans: FxHashMap<(EventKind, Interval), u32> = FxHashMap::default();
    for item in list {
        let Some(date) = item.merge_date() else {
            continue;
        };
        match months(date) {
            Some(ms) => months_met.join(ms),
            None => {
                let next = spans.len() as u32;
                spans.entry((item.kind, date)).or_insert(next);
            }
        }
    }
    let roots: Vec<u32> = (0..months_met.parent.len() as u32)
        .map(|node| months_met.root(node))
        .collect();
    let group_of = |item: &Item| match item.merge_date() {
        None => 0,
        Some(date) => match months(date) {
            Some(ms) => 1 + roots[months_met.node[ms.start()] as usize] as usize,
            None => 1 + roots.len() + spans[&(item.kind, date)] as usize,
        },
    };
    // Each group's size, then where it starts, then where it ends.
    let mut ends = vec![0u32; 1 + roots.len() + spans.len()];
    for item in list {
        ends[group_of(item)] += 1;
    }
    let mut at = 0;
    for n in &mut ends {
        (*n, at) = (at, at + *n);
    }
    let mut order = vec![0u32; list.len()];
    for (pos, item) in list.iter().enumerate() {
        let end = &mut ends[group_of(item)];
        order[*end as usize] = pos as u32;
        *end += 1;
    }
    (order, ends)
}

/// A group of items once merged.
struct Merged {
    /// Where its items are in the merge order.
    range: std::ops::Range<usize>,
    /// Its entries, in the order they were started.
    drafts: Vec<Draft>,
    heads: Vec<Head>,
    /// The position of the item that started each entry.
    started: Vec<u32>,
}

/// Months joined into groups, by union-find: months an item touches together are one group.
#[derive(Default)]
struct MonthGroups {
    /// Each month's node.
    node: FxHashMap<i32, u32>,
    /// Each node's parent (a root is its own).
    parent: Vec<u32>,
}

impl MonthGroups {
    /// Puts the months `ms` in one group.
    fn join(&mut self, ms: std::ops::RangeInclusive<i32>) {
        let mut root = None;
        for m in ms {
            let fresh = self.parent.len() as u32;
            let node = *self.node.entry(m).or_insert(fresh);
            if node == fresh {
                self.parent.push(fresh);
            }
            let r = self.root(node);
            match root {
                None => root = Some(r),
                Some(first) => self.parent[r as usize] = first,
            }
        }
    }

    /// The root of `node`'s tree (paths halved on the way).
    fn root(&mut self, mut node: u32) -> u32 {
        while self.parent[node as usize] != node {
            let up = self.parent[self.parent[node as usize] as usize];
            self.parent[node as usize] = up;
            node = up;
        }
        node
    }
}

/// What an entry is first checked on (and its date), apart from its draft so that weighing
/// candidates reads little memory.
#[derive(Clone, Copy)]
struct Head {
    /// The stamp of the last item the entry was weighed for.
    mark: u32,
    kind: EventKind,
    /// The most precise date among the entry's items, and its precision.
    date: Option<Interval>,
    granularity: Option<Granularity>,
    speaker: Option<u32>,
}

impl Head {
    /// The head of an entry started by `item`.
    fn of(item: &Ready) -> Head {
        Head {
            mark: 0,
            kind: item.kind,
            date: item.date,
            granularity: item.granularity,
            speaker: item.speaker(),
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
        let same_speaker = match (item.speaker(), self.speaker) {
            (Some(a), Some(b)) => a == b,
            (None, None) => true,
            _ => false,
        };
        self.kind == item.kind && nested && (item.kind != EventKind::Statement || same_speaker)
    }
}

/// The number of label words `item` shares with an entry (its speaker, actors and words)
/// when they report the same happening and share at least `need` words, else `None`; the
/// entry's head ([`Head::fits`]) has been checked.
fn same_happening(
    item: &Ready,
    (speaker, actors, words): (Option<u32>, &[u32], &[u32]),
    need: usize,
) -> Option<usize> {
    let shared = count_shared_at_least(item.words, words, need)?;
    let smaller = item.words.len().min(words.len()).max(1);
    let half = shared * 2 >= smaller;
    let ok = match item.kind {
        EventKind::Statement => match (item.speaker(), speaker) {
            (Some(a), Some(b)) => a == b && half && shared >= 3,
            (None, None) => shared * 10 >= smaller * 7 && shared >= 4,
            _ => false,
        },
        _ => {
            let actors = count_shared(item.actors, actors);
            (actors >= 1 && shared >= 2) || (shared >= 3 && half)
        }
    };
    ok.then_some(shared)
}

/// True when `add` holds a value the sorted list `list` lacks.
fn adds(list: &[u32], add: &[u32]) -> bool {
    add.iter().any(|x| list.binary_search(x).is_err())
}

/// Adds to the sorted list `list` the values of `add` it lacks, keeping it sorted.
fn union(list: &mut Vec<u32>, add: &[u32]) {
    for &x in add {
        if let Err(at) = list.binary_search(&x) {
            list.insert(at, x);
        }
    }
}

/// Sorts the entries by date (undated last; of entries starting together the coarser first, so
/// "2025" heads its year rather than landing after "January 2025"; ties in corpus order) and
/// renumbers `entry_of`.
fn sorted(mut entries: Vec<Entry>, mut entry_of: Vec<Vec<u32>>) -> (Vec<Entry>, Vec<Vec<u32>>) {
    let mut by_rank: Vec<u32> = (0..entries.len() as u32).collect();
    by_rank.sort_by_key(|&i| {
        let e = &entries[i as usize];
        (
            e.date.is_none(),
            e.date.map(|d| d.start),
            std::cmp::Reverse(e.granularity),
            e.sources.first().copied(),
        )
    });
    let mut new_id = vec![0u32; entries.len()];
    for (rank, &old) in by_rank.iter().enumerate() {
        new_id[old as usize] = rank as u32;
    }
    drop(by_rank);
    for ids in &mut entry_of {
        for id in ids.iter_mut() {
            *id = new_id[*id as usize];
        }
    }
    move_to(&mut new_id, |a, b| entries.swap(a, b));
    (entries, entry_of)
}

/// Moves each element `k` of one or more lists to position `to[k]` (`to` is a permutation of
/// the positions), in place, through `swap`; `to` ends up as `0, 1, 2, …`.
fn move_to(to: &mut [u32], mut swap: impl FnMut(usize, usize)) {
    for at in 0..to.len() {
        while to[at] as usize != at {
            let other = to[at] as usize;
            swap(at, other);
            to.swap(at, other);
        }
    }
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

/// Ids of lower-case words. Words of at most [`vocab::MAX_LEN`] ASCII letters (nearly all) are
/// keyed by their bytes packed into one number, so that finding one neither allocates nor
/// compares strings; longer words and words of other letters by their text.
#[derive(Default)]
struct WordIds {
    short: FxHashMap<u128, u32>,
    long: FxHashMap<String, u32>,
}

impl WordIds {
    /// The id of `word`, ASCII letters of any case, lower-cased; `new` gives the id of a word
    /// met for the first time (lower-cased).
    fn ascii(&mut self, word: &[u8], new: impl FnOnce(&str) -> u32) -> u32 {
        if word.len() > vocab::MAX_LEN {
            let lower = String::from_utf8_lossy(word).to_ascii_lowercase();
            return self.other(lower, new);
        }
        let key = word.iter().rev().fold(0u128, |key, &b| {
            key << 8 | u128::from(b.to_ascii_lowercase())
        });
        if let Some(&id) = self.short.get(&key) {
            return id;
        }
        let bytes = key.to_le_bytes();
        let id = new(std::str::from_utf8(&bytes[..word.len()]).unwrap_or_default());
        self.short.insert(key, id);
        id
    }

    /// The id of `lower`, a lower-case word; `new` as for [`WordIds::ascii`].
    fn lower(&mut self, lower: String, new: impl FnOnce(&str) -> u32) -> u32 {
        if lower.is_ascii() && lower.len() <= vocab::MAX_LEN {
            return self.ascii(lower.as_bytes(), new);
        }
        self.other(lower, new)
    }

    /// The id of `lower`, a lower-case word kept by its text.
    fn other(&mut self, lower: String, new: impl FnOnce(&str) -> u32) -> u32 {
        match self.long.get(&lower) {
            Some(&id) => id,
            None => {
                let id = new(&lower);
                self.long.insert(lower, id);
                id
            }
        }
    }
}

/// Interns the content words of labels.
#[derive(Default)]
struct Interner {
    /// Word ids, and [`SKIPPED`] for stopwords and date words.
    ids: WordIds,
    /// Words interned so far.
    len: u32,
}

/// The id the interner gives words that are not content words.
const SKIPPED: u32 = u32::MAX;

impl Interner {
    /// Puts in `out` the sorted, distinct content words of `label`: letters only, three or
    /// more, lower case, no stopwords and no date words (those are the date itself).
    fn words(&mut self, label: &str, out: &mut Vec<u32>) {
        out.clear();
        if label.is_ascii() {
            for word in label.as_bytes().split(|b| !b.is_ascii_alphabetic()) {
                if word.len() >= 3 {
                    let id = self.ids.ascii(word, |lower| content(lower, &mut self.len));
                    out.push(id);
                }
            }
        } else {
            for word in label.split(|c: char| !c.is_alphabetic()) {
                if word.chars().nth(2).is_some() {
                    let new = |lower: &str| content(lower, &mut self.len);
                    let id = match word.is_ascii() {
                        true => self.ids.ascii(word.as_bytes(), new),
                        false => self.ids.lower(word.to_lowercase(), new),
                    };
                    out.push(id);
                }
            }
        }
        out.retain(|&id| id != SKIPPED);
        out.sort_unstable();
        out.dedup();
    }

    /// The words interned, by id, in one string.
    fn into_words(self) -> Words {
        // Each word's packed bytes, or its text when it is kept by its text.
        let mut by_id = vec![(0u128, ""); self.len as usize];
        for (&key, &id) in &self.ids.short {
            if id != SKIPPED {
                by_id[id as usize].0 = key;
            }
        }
        for (w, &id) in &self.ids.long {
            if id != SKIPPED {
                by_id[id as usize].1 = w;
            }
        }
        let mut words = Words {
            text: String::with_capacity(by_id.len() * 8),
            ends: Vec::with_capacity(by_id.len()),
        };
        for (key, long) in by_id {
            let bytes = key.to_le_bytes();
            // Letters are never 0: the bytes end at the first 0.
            let short = &bytes[..16 - key.leading_zeros() as usize / 8];
            match long {
                "" => words
                    .text
                    .push_str(std::str::from_utf8(short).unwrap_or_default()),
                long => words.text.push_str(long),
            }
            words.ends.push(words.text.len() as u32);
        }
        words.text.shrink_to_fit();
        words
    }
}

/// The id of a word met for the first time, `lower`: [`SKIPPED`] for a stopword or a date
/// word, else the next of `len` ids.
fn content(lower: &str, len: &mut u32) -> u32 {
    if STOPWORDS.contains(&lower) || vocab::lex(lower) != Lex::Other {
        return SKIPPED;
    }
    *len += 1;
    *len - 1
}

/// Words by id, one after the other in one string (one allocation, not one per word: the
/// words of every chunk of articles are kept until all are given ids across the corpus).
struct Words {
    text: String,
    /// Where each word ends in `text`.
    ends: Vec<u32>,
}

impl Words {
    /// The words, in id order.
    fn iter(&self) -> impl Iterator<Item = &str> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(&self.ends)
            .map(|(start, &end)| self.text.get(start as usize..end as usize).unwrap_or(""))
    }
}

#[cfg(test)]
mod tests;
