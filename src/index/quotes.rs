//! The same quotation across articles: quotations with identical or near-identical wording are
//! grouped, so a reader sees one quotation with every article that carries it, and how their
//! wordings differ.
//!
//! Identical wording (after normalising case, marks and punctuation) shares the key computed
//! at extraction ([`crate::extract::quotes::Quote::group`]). Near-identical wording is found
//! with MinHash over word trigrams: quotations that share a value of their signature are
//! compared, and joined when most of their words are shared or one is an excerpt of the other.
//! Work stays near-linear in the number of quotations: each bucket is compared against a few
//! anchors, not pairwise.

use crate::extract::actors::fasthash::FxHashMap;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64_with_seed;

use crate::article::Article;
use crate::article::packed::Part;
use crate::extract::quotes::{QuoteKind, wording};
use crate::index::{ItemRef, count_shared_at_least};
use crate::span::Span;

/// Fewest words for a quotation to be grouped by near-identical wording.
const MIN_WORDS: usize = 6;
/// Hash functions in a MinHash signature.
const HASHES: usize = 8;
/// Rows per band: quotations sharing all rows of one band are candidates.
const ROWS: usize = 1;
/// Bands of a signature, each hashed to a bucket.
const BANDS: usize = HASHES.div_ceil(ROWS);
/// Members of a bucket that every other member is compared with.
const ANCHORS: usize = 8;
/// Jaccard similarity of word sets above which two wordings are near-identical.
const SIMILAR: f64 = 0.7;
/// Share of the shorter wording's trigrams found in the longer one above which the shorter is
/// an excerpt of the same quotation.
const CONTAINED: f64 = 0.85;
/// Longest wording compared word by word, in words.
const DIFF_WORDS: usize = 400;

/// One quotation across the corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteGroup {
    /// The quotations (article, quote index) in corpus order; the first is the reference.
    pub quotes: Vec<ItemRef>,
}

/// A word of one wording compared with another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum WordChange {
    /// The word is in both wordings.
    Same(String),
    /// The word is only in the reference wording.
    Removed(String),
    /// The word is only in the other wording.
    Added(String),
}

struct Union(Vec<u32>);

impl Union {
    fn find(&mut self, mut x: u32) -> u32 {
        while self.0[x as usize] != x {
            let parent = self.0[self.0[x as usize] as usize];
            self.0[x as usize] = parent;
            x = parent;
        }
        x
    }

    /// The set of every element, sets numbered in the order of their first element (which
    /// is their root).
    fn labels(mut self) -> Vec<u32> {
        let parent = &mut self.0;
        // A parent is never after its child: in order, each element's parent is already
        // a root when it is reached.
        for i in 0..parent.len() {
            parent[i] = parent[parent[i] as usize];
        }
        // Then each root takes the next number and every other element its root's number,
        // already given.
        let mut sets = 0;
        for i in 0..parent.len() {
            let root = parent[i] as usize;
            parent[i] = if root == i {
                sets += 1;
                sets - 1
            } else {
                parent[root]
            };
        }
        self.0
    }

    fn join(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The earlier quotation stays the root, so the reference is the first in corpus order.
            let (lo, hi) = (ra.min(rb), ra.max(rb));
            self.0[hi as usize] = lo;
        }
    }
}

/// A wording reduced for comparison: the sorted, distinct hashes of its words, then those of
/// its word trigrams, in one allocation.
struct Shingles {
    hashes: Box<[u64]>,
    words: usize,
}

impl Shingles {
    fn words(&self) -> &[u64] {
        &self.hashes[..self.words]
    }

    fn trigrams(&self) -> &[u64] {
        &self.hashes[self.words..]
    }
}

/// Buffers for reducing wordings, reused from one wording to the next.
#[derive(Default)]
struct Scratch {
    joined: String,
    ends: Vec<usize>,
    words: Vec<u64>,
    trigrams: Vec<u64>,
}

/// The shingles of a wording of at least [`MIN_WORDS`] words and the bucket of each band of
/// its MinHash signature. A word n-gram is hashed as its words joined by single spaces, read
/// straight from the joined wording.
fn reduce(text: &str, scratch: &mut Scratch) -> Option<(Shingles, [u64; BANDS])> {
    let Scratch {
        joined,
        ends,
        words,
        trigrams,
    } = scratch;
    ends.clear();
    wording::join_words(text, joined, |end| ends.push(end));
    if ends.len() < MIN_WORDS {
        return None;
    }
    let start = |i: usize| if i == 0 { 0 } else { ends[i - 1] + 1 };
    let hash = |start: usize, end: usize| xxh3_64_with_seed(&joined.as_bytes()[start..end], 0);
    words.clear();
    words.extend(ends.iter().enumerate().map(|(i, &end)| hash(start(i), end)));
    trigrams.clear();
    trigrams.extend(
        ends[2..]
            .iter()
            .enumerate()
            .map(|(i, &end)| hash(start(i), end)),
    );
    for hashes in [&mut *words, &mut *trigrams] {
        hashes.sort_unstable();
        hashes.dedup();
    }
    let mut signature = [u64::MAX; HASHES];
    for h in trigrams.iter() {
        let bytes = h.to_le_bytes();
        for (seed, min) in (1..).zip(&mut signature) {
            *min = (*min).min(xxh3_64_with_seed(&bytes, seed));
        }
    }
    let mut bands = [0; BANDS];
    let mut bytes = [0u8; 8 * (ROWS + 1)];
    for (band, rows) in signature.chunks(ROWS).enumerate() {
        bytes[..8].copy_from_slice(&(band as u64).to_le_bytes());
        for (k, r) in rows.iter().enumerate() {
            bytes[8 * (k + 1)..8 * (k + 2)].copy_from_slice(&r.to_le_bytes());
        }
        bands[band] = xxh3_64_with_seed(&bytes[..8 * (rows.len() + 1)], 0);
    }
    let mut hashes = Vec::with_capacity(words.len() + trigrams.len());
    hashes.extend_from_slice(words);
    hashes.extend_from_slice(trigrams);
    let shingles = Shingles {
        hashes: hashes.into_boxed_slice(),
        words: words.len(),
    };
    Some((shingles, bands))
}

/// True when two wordings are near-identical (most words shared) or one is an excerpt of the
/// other (most of its trigrams found in the other). Each test counts shared hashes only as
/// far as the fewest that would pass it.
fn near(a: &Shingles, b: &Shingles) -> bool {
    let (words, trigrams) = ((a.words(), b.words()), (a.trigrams(), b.trigrams()));
    let total = (words.0.len() + words.1.len()) as f64;
    let similar = |shared: usize| shared as f64 / (total - shared as f64) >= SIMILAR;
    let shorter = trigrams.0.len().min(trigrams.1.len()) as f64;
    let contained = |shared: usize| shorter > 0.0 && shared as f64 / shorter >= CONTAINED;
    let passes = |(a, b): (&[u64], &[u64]), test: &dyn Fn(usize) -> bool| {
        least_passing(a.len().min(b.len()), test)
            .is_some_and(|need| count_shared_at_least(a, b, need).is_some())
    };
    passes(words, &similar) || passes(trigrams, &contained)
}

/// The fewest shared values, up to `max`, that pass `test` (false up to some count, true
/// from there on), if any do.
fn least_passing(max: usize, test: impl Fn(usize) -> bool) -> Option<usize> {
    if !test(max) {
        return None;
    }
    let (mut lo, mut hi) = (0, max);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if test(mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Some(lo)
}

/// Groups the quotations (full and partial) of every article; returns the groups and, per
/// article, the group of each quotation (`None` for titles and scare quotes).
pub fn group(articles: &[Article]) -> (Vec<QuoteGroup>, Vec<Vec<Option<u32>>>) {
    let mut refs: Vec<ItemRef> = Vec::new();
    let mut keys: Vec<u64> = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    for (a, article) in articles.iter().enumerate() {
        for (q, quote) in article.quotes().enumerate() {
            if quote.kind != QuoteKind::Title {
                refs.push(ItemRef::new(a, q));
                keys.push(quote.group);
                spans.push(quote.span);
            }
        }
    }
    let mut union = Union((0..refs.len() as u32).collect());
    let mut by_key: FxHashMap<u64, u32> = FxHashMap::default();
    for (i, &key) in keys.iter().enumerate() {
        let first = *by_key.entry(key).or_insert(i as u32);
        union.join(first, i as u32);
    }
    drop(keys);
    // Near-identical wordings: one representative per distinct key, reduced to shingles and
    // the bucket of each band of its signature, on every core.
    let mut reps: Vec<u32> = by_key.into_values().collect();
    reps.sort_unstable();
    let reduced: Vec<(u32, Shingles, [u64; BANDS])> = reps
        .into_par_iter()
        .map_init(Scratch::default, |scratch, i| {
            let r = refs[i as usize];
            let text = spans[i as usize].text(&articles[r.article as usize].text);
            reduce(text, scratch).map(|(set, bands)| (i, set, bands))
        })
        .flatten()
        .collect();
    // (bucket, member) pairs sorted, rather than a map of lists: most buckets hold one member.
    let mut members: Vec<(u64, u32)> = Vec::with_capacity(reduced.len() * BANDS);
    for (s, (_, _, bands)) in reduced.iter().enumerate() {
        members.extend(bands.map(|bucket| (bucket, s as u32)));
    }
    let shingles: Vec<(u32, Shingles)> = reduced.into_iter().map(|(i, set, _)| (i, set)).collect();
    members.par_sort_unstable();
    // The near-identical pairs of each bucket (each member against the first few), found on
    // every core; the groups they make do not depend on the order they are joined in.
    let buckets: Vec<&[(u64, u32)]> = members
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|m| m.len() > 1)
        .collect();
    let pairs: Vec<(u32, u32)> = buckets
        .par_iter()
        .flat_map_iter(|&members| {
            let shingles = &shingles;
            members.iter().enumerate().flat_map(move |(k, &(_, m))| {
                let m = &shingles[m as usize];
                members[..ANCHORS.min(k)]
                    .iter()
                    .map(move |&(_, anchor)| &shingles[anchor as usize])
                    .filter(move |anchor| near(&anchor.1, &m.1))
                    .map(move |anchor| (anchor.0, m.0))
            })
        })
        .collect();
    drop(buckets);
    drop((members, shingles));
    for (a, b) in pairs {
        union.join(a, b);
    }
    let labels = union.labels();
    let mut sizes: Vec<usize> = Vec::new();
    for &g in &labels {
        match sizes.get_mut(g as usize) {
            Some(size) => *size += 1,
            None => sizes.push(1),
        }
    }
    let mut groups: Vec<QuoteGroup> = sizes
        .into_iter()
        .map(|size| QuoteGroup {
            quotes: Vec::with_capacity(size),
        })
        .collect();
    let mut group_of: Vec<Vec<Option<u32>>> = articles
        .iter()
        .map(|a| vec![None; a.count(Part::Quotes)])
        .collect();
    for (r, &g) in refs.iter().zip(&labels) {
        groups[g as usize].quotes.push(*r);
        group_of[r.article as usize][r.item as usize] = Some(g);
    }
    (groups, group_of)
}

/// How wording `other` differs from `reference`, word by word (longest common subsequence;
/// words past the first 400 of either are compared as changed).
pub fn differences(reference: &str, other: &str) -> Vec<WordChange> {
    let a = wording::words(reference);
    let b = wording::words(other);
    let (n, m) = (a.len().min(DIFF_WORDS), b.len().min(DIFF_WORDS));
    // lcs[i][j]: length of the longest common subsequence of a[i..n] and b[j..m].
    let mut lcs = vec![vec![0u16; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i] == b[j] {
            out.push(WordChange::Same(a[i].clone()));
            i += 1;
            j += 1;
        } else if lcs[i + 1][j] >= lcs[i][j + 1] {
            out.push(WordChange::Removed(a[i].clone()));
            i += 1;
        } else {
            out.push(WordChange::Added(b[j].clone()));
            j += 1;
        }
    }
    out.extend(a[i..].iter().cloned().map(WordChange::Removed));
    out.extend(b[j..].iter().cloned().map(WordChange::Added));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus;
    use crate::ingest::Draft;

    fn article(name: &str, text: &str) -> Article {
        corpus::analyse_one(Draft {
            origin: crate::article::Origin {
                path: name.into(),
                record: None,
            },
            text: text.into(),
            meta: Default::default(),
        })
    }

    #[test]
    fn same_and_near_identical_quotations_across_articles() {
        let articles = vec![
            article(
                "a.txt",
                "Talks resumed on Friday in Paris.\n\n“We’re not going to drag this out for weeks or months,” Rubio said. He called the talks “fragile.”",
            ),
            article(
                "b.txt",
                "Rubio spoke in Paris.\n\n\"We're not going to drag this out for weeks or months,\" the US secretary of state said.",
            ),
            article(
                "c.txt",
                "Rubio spoke in Paris.\n\n“We are not going to drag this out for weeks or even months,” he told reporters.",
            ),
            article(
                "d.txt",
                "Lavrov spoke in Moscow.\n\n“Russia will never accept a deal that ignores the root causes,” Lavrov said.",
            ),
        ];
        let (groups, group_of) = group(&articles);
        let drag = group_of[0][0].unwrap();
        assert_eq!(group_of[1][0], Some(drag));
        assert_eq!(group_of[2][0], Some(drag));
        assert_ne!(group_of[3][0], Some(drag));
        assert_eq!(
            groups[drag as usize].quotes,
            vec![ItemRef::new(0, 0), ItemRef::new(1, 0), ItemRef::new(2, 0)]
        );
        // "fragile" is a one-word partial quotation: grouped only with identical wording.
        assert_ne!(group_of[0][1], Some(drag));
    }

    #[test]
    fn union_labels_sets_in_order_of_their_first_element() {
        let mut union = Union((0..7).collect());
        union.join(5, 2);
        union.join(6, 4);
        union.join(4, 1);
        union.join(2, 6);
        assert_eq!(union.labels(), [0, 1, 1, 2, 1, 1, 1]);
    }

    #[test]
    fn least_passing_is_the_first_count_that_passes() {
        for total in 2..60usize {
            let similar = |shared: usize| shared as f64 / (total - shared) as f64 >= SIMILAR;
            let max = total / 2;
            let first = (0..=max).find(|&s| similar(s));
            assert_eq!(least_passing(max, similar), first, "{total} words");
            let shorter = total as f64;
            let contained = |shared: usize| shared as f64 / shorter >= CONTAINED;
            let first = (0..=total).find(|&s| contained(s));
            assert_eq!(least_passing(total, contained), first, "{total} trigrams");
        }
        // 8 of 10 trigrams are not 85%, 9 are; 17 of 20 are.
        assert_eq!(least_passing(10, |s| s as f64 / 10.0 >= CONTAINED), Some(9));
        assert_eq!(
            least_passing(20, |s| s as f64 / 20.0 >= CONTAINED),
            Some(17)
        );
        assert_eq!(least_passing(3, |_| false), None);
    }

    #[test]
    fn wording_differences() {
        let changes = differences(
            "“We’re not going to drag this out for weeks or months,”",
            "“We are not going to drag this out for weeks or even months,”",
        );
        let changed: Vec<&WordChange> = changes
            .iter()
            .filter(|c| !matches!(c, WordChange::Same(_)))
            .collect();
        assert_eq!(
            changed,
            [
                &WordChange::Removed("were".into()),
                &WordChange::Added("we".into()),
                &WordChange::Added("are".into()),
                &WordChange::Added("even".into()),
            ]
        );
    }
}
