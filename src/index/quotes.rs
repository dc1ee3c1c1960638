//! The same quotation across articles: quotations with identical or near-identical wording are
//! grouped, so a reader sees one quotation with every article that carries it, and how their
//! wordings differ.
//!
//! Identical wording (after normalising case, marks and punctuation) shares the key computed
//! at extraction ([`crate::extract::quotes::Quote::group`]). Near-identical wording is found
//! with MinHash over word trigrams: quotations that share a value of their signature are
//! compared, and joined when most of their words are shared or one is an excerpt of the other. Work stays near-linear in the
//! number of quotations: each bucket is compared against a few anchors, not pairwise.

use crate::extract::actors::fasthash::FxHashMap;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64_with_seed;

use crate::article::Article;
use crate::article::packed::Part;
use crate::extract::quotes::{QuoteKind, wording};
use crate::index::{ItemRef, count_shared};
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

    fn join(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The earlier quotation stays the root, so the reference is the first in corpus order.
            let (lo, hi) = (ra.min(rb), ra.max(rb));
            self.0[hi as usize] = lo;
        }
    }
}

/// The sorted, distinct hashes of a wording's word n-grams.
fn ngrams(words: &[String], n: usize) -> Vec<u64> {
    let mut joined = String::new();
    let mut out: Vec<u64> = words
        .windows(n)
        .map(|w| {
            joined.clear();
            for (i, word) in w.iter().enumerate() {
                if i > 0 {
                    joined.push(' ');
                }
                joined.push_str(word);
            }
            xxh3_64_with_seed(joined.as_bytes(), 0)
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// A wording reduced for comparison: its distinct words and word trigrams, hashed.
struct Shingles {
    words: Vec<u64>,
    trigrams: Vec<u64>,
}

/// True when two wordings are near-identical (most words shared) or one is an excerpt of the
/// other (most of its trigrams found in the other).
fn near(a: &Shingles, b: &Shingles) -> bool {
    let words = count_shared(&a.words, &b.words) as f64;
    let union = (a.words.len() + b.words.len()) as f64 - words;
    let trigrams = count_shared(&a.trigrams, &b.trigrams) as f64;
    let shorter = a.trigrams.len().min(b.trigrams.len()) as f64;
    (union > 0.0 && words / union >= SIMILAR) || (shorter > 0.0 && trigrams / shorter >= CONTAINED)
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
        .filter_map(|i| {
            let r = refs[i as usize];
            let text = spans[i as usize].text(&articles[r.article as usize].text);
            let words = wording::words(text);
            if words.len() < MIN_WORDS {
                return None;
            }
            let set = Shingles {
                words: ngrams(&words, 1),
                trigrams: ngrams(&words, 3),
            };
            let signature: Vec<u64> = (0..HASHES as u64)
                .map(|seed| {
                    set.trigrams
                        .iter()
                        .map(|h| xxh3_64_with_seed(&h.to_le_bytes(), seed + 1))
                        .min()
                        .unwrap_or(0)
                })
                .collect();
            let mut bands = [0; BANDS];
            let mut bytes = Vec::with_capacity(8 * (ROWS + 1));
            for (band, rows) in signature.chunks(ROWS).enumerate() {
                bytes.clear();
                bytes.extend((band as u64).to_le_bytes());
                rows.iter().for_each(|r| bytes.extend(r.to_le_bytes()));
                bands[band] = xxh3_64_with_seed(&bytes, 0);
            }
            Some((i, set, bands))
        })
        .collect();
    // (bucket, member) pairs sorted, rather than a map of lists: most buckets hold one member.
    let mut members: Vec<(u64, u32)> = Vec::with_capacity(reduced.len() * BANDS);
    let mut shingles: Vec<(u32, Shingles)> = Vec::with_capacity(reduced.len());
    for (i, set, bands) in reduced {
        let s = shingles.len() as u32;
        members.extend(bands.map(|bucket| (bucket, s)));
        shingles.push((i, set));
    }
    members.par_sort_unstable();
    // The near-identical pairs of each bucket (each member against the first few), found on
    // every core; the groups they make do not depend on the order they are joined in.
    let mut buckets: Vec<Vec<usize>> = members
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|m| m.len() > 1)
        .map(|m| m.iter().map(|&(_, s)| s as usize).collect())
        .collect();
    drop(members);
    buckets.sort_unstable();
    let pairs: Vec<(u32, u32)> = buckets
        .par_iter()
        .flat_map_iter(|members| {
            let shingles = &shingles;
            members.iter().enumerate().flat_map(move |(k, &m)| {
                members
                    .iter()
                    .take(ANCHORS.min(k))
                    .filter(move |&&anchor| near(&shingles[anchor].1, &shingles[m].1))
                    .map(move |&anchor| (shingles[anchor].0, shingles[m].0))
            })
        })
        .collect();
    drop((buckets, shingles));
    for (a, b) in pairs {
        union.join(a, b);
    }
    let mut groups: Vec<QuoteGroup> = Vec::new();
    let mut group_of_root: FxHashMap<u32, u32> = FxHashMap::default();
    let mut group_of: Vec<Vec<Option<u32>>> = articles
        .iter()
        .map(|a| vec![None; a.count(Part::Quotes)])
        .collect();
    for (i, r) in refs.iter().enumerate() {
        let root = union.find(i as u32);
        let g = *group_of_root.entry(root).or_insert_with(|| {
            groups.push(QuoteGroup { quotes: Vec::new() });
            groups.len() as u32 - 1
        });
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
