//! The finder's inverted index: for every word, the quotations holding it.
//!
//! Words come from each quotation's text, speaker and source, case-folded. The vocabulary is
//! sorted, so the words starting with a letter form one range; postings are stored in one
//! flat array (compressed sparse rows). Quotation texts are not copied: only the distinct
//! speaker and source names are kept, for `@name` terms and exact matching.

use std::collections::HashMap;
use std::ops::Range;

use rayon::prelude::*;
use xxhash_rust::xxh3::Xxh3DefaultBuilder;

use crate::search::words;

/// What the finder indexes of one quotation.
#[derive(Debug, Clone, Copy, Default)]
pub struct Fields<'a> {
    /// The quotation.
    pub text: &'a str,
    /// Who said it, if known.
    pub speaker: Option<&'a str>,
    /// Where it was published (outlet or file).
    pub source: &'a str,
}

/// Quotations read per parallel task when building.
const BUILD_CHUNK: usize = 32 * 1024;

/// Marks an item with no speaker.
const NO_SPEAKER: u32 = u32::MAX;

/// The inverted index over quotations `0..len`.
#[derive(Debug, Default)]
pub struct QuoteIndex {
    len: u32,
    /// Distinct words, sorted and concatenated.
    vocab: String,
    /// End offset in `vocab` of each word.
    vocab_ends: Vec<u32>,
    /// End offset in `postings` of each word's quotations.
    postings_ends: Vec<u32>,
    /// Quotation ids, ascending within each word.
    postings: Vec<u32>,
    speakers: Vec<Box<str>>,
    speaker_of: Vec<u32>,
    speaker_items_ends: Vec<u32>,
    speaker_items: Vec<u32>,
    sources: Vec<Box<str>>,
    source_of: Vec<u32>,
}

/// Interns strings into dense ids.
#[derive(Default)]
struct Interner {
    ids: HashMap<Box<str>, u32, Xxh3DefaultBuilder>,
    names: Vec<Box<str>>,
}

impl Interner {
    fn id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(s.into());
        self.ids.insert(s.into(), id);
        id
    }
}

/// Turns per-row lists of column ids into the transposed rows (compressed sparse rows):
/// for each column, the rows holding it, ascending.
fn transpose(rows: &[u32], row_ends: &[u32], columns: usize, rank: &[u32]) -> (Vec<u32>, Vec<u32>) {
    let mut ends = vec![0u32; columns];
    for &c in rows {
        ends[rank[c as usize] as usize] += 1;
    }
    let mut total = 0;
    for e in &mut ends {
        total += *e;
        *e = total;
    }
    let mut fill: Vec<u32> = std::iter::once(0)
        .chain(ends.iter().copied())
        .take(columns)
        .collect();
    let mut out = vec![0u32; rows.len()];
    let mut start = 0;
    for (row, &end) in row_ends.iter().enumerate() {
        for &c in &rows[start as usize..end as usize] {
            let slot = &mut fill[rank[c as usize] as usize];
            out[*slot as usize] = row as u32;
            *slot += 1;
        }
        start = end;
    }
    (ends, out)
}

impl QuoteIndex {
    /// Indexes quotations `0..len`, reading each one's fields through `fields`. Chunks of
    /// quotations are read in parallel, each with its own vocabulary, merged in order.
    pub fn build<'a>(len: usize, fields: impl Fn(u32) -> Fields<'a> + Sync) -> QuoteIndex {
        /// What one chunk of quotations produced, with chunk-local word ids.
        struct Chunk {
            vocab: Interner,
            item_words: Vec<u32>,
            item_lens: Vec<u32>,
        }
        let chunks: Vec<Chunk> = (0..len.div_ceil(BUILD_CHUNK))
            .into_par_iter()
            .map(|c| {
                let mut chunk = Chunk {
                    vocab: Interner::default(),
                    item_words: Vec::new(),
                    item_lens: Vec::new(),
                };
                let mut folded = String::new();
                let mut local = Vec::new();
                for id in c * BUILD_CHUNK..((c + 1) * BUILD_CHUNK).min(len) {
                    let f = fields(id as u32);
                    local.clear();
                    for field in [f.text, f.speaker.unwrap_or(""), f.source] {
                        for r in words::split(field) {
                            folded.clear();
                            words::fold_into(&field[r], &mut folded);
                            local.push(chunk.vocab.id(&folded));
                        }
                    }
                    local.sort_unstable();
                    local.dedup();
                    chunk.item_words.extend_from_slice(&local);
                    chunk.item_lens.push(local.len() as u32);
                }
                chunk
            })
            .collect();
        let mut vocab = Interner::default();
        let mut item_words = Vec::new();
        let mut item_ends = Vec::with_capacity(len);
        for chunk in chunks {
            let global: Vec<u32> = chunk.vocab.names.iter().map(|w| vocab.id(w)).collect();
            let mut at = 0;
            for n in chunk.item_lens {
                let words = &chunk.item_words[at..at + n as usize];
                item_words.extend(words.iter().map(|&w| global[w as usize]));
                item_ends.push(item_words.len() as u32);
                at += n as usize;
            }
        }
        let mut speakers = Interner::default();
        let mut sources = Interner::default();
        let mut speaker_of = Vec::with_capacity(len);
        let mut source_of = Vec::with_capacity(len);
        for id in 0..len as u32 {
            let f = fields(id);
            speaker_of.push(f.speaker.map_or(NO_SPEAKER, |s| speakers.id(s)));
            source_of.push(sources.id(f.source));
        }
        let len = item_ends.len() as u32;

        // Sort the vocabulary; `rank` maps interned ids to sorted positions.
        let mut order: Vec<u32> = (0..vocab.names.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| vocab.names[a as usize].cmp(&vocab.names[b as usize]));
        let mut rank = vec![0u32; order.len()];
        let mut text = String::new();
        let mut vocab_ends = Vec::with_capacity(order.len());
        for (r, &id) in order.iter().enumerate() {
            rank[id as usize] = r as u32;
            text.push_str(&vocab.names[id as usize]);
            vocab_ends.push(text.len() as u32);
        }
        let (postings_ends, postings) = transpose(&item_words, &item_ends, order.len(), &rank);
        drop(item_words);

        let (speaker_rows, speaker_row_ends): (Vec<u32>, Vec<u32>) = {
            let mut rows = Vec::new();
            let mut ends = Vec::new();
            for &s in &speaker_of {
                if s != NO_SPEAKER {
                    rows.push(s);
                }
                ends.push(rows.len() as u32);
            }
            (rows, ends)
        };
        let identity: Vec<u32> = (0..speakers.names.len() as u32).collect();
        let (speaker_items_ends, speaker_items) = transpose(
            &speaker_rows,
            &speaker_row_ends,
            speakers.names.len(),
            &identity,
        );

        QuoteIndex {
            len,
            vocab: text,
            vocab_ends,
            postings_ends,
            postings,
            speakers: speakers.names,
            speaker_of,
            speaker_items_ends,
            speaker_items,
            sources: sources.names,
            source_of,
        }
    }

    /// Number of quotations.
    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// True when there are no quotations.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Number of distinct words.
    pub fn word_count(&self) -> usize {
        self.vocab_ends.len()
    }

    fn range(ends: &[u32], i: usize) -> Range<usize> {
        let start = if i == 0 { 0 } else { ends[i - 1] as usize };
        start..ends[i] as usize
    }

    /// Word `i` of the sorted vocabulary.
    pub fn word(&self, i: usize) -> &str {
        &self.vocab[Self::range(&self.vocab_ends, i)]
    }

    /// The quotations holding word `i`, ascending.
    pub fn postings(&self, i: usize) -> &[u32] {
        &self.postings[Self::range(&self.postings_ends, i)]
    }

    /// The vocabulary positions of the words starting with `c` (folded).
    pub fn words_starting_with(&self, c: char) -> Range<usize> {
        let mut buf = [0u8; 4];
        let prefix: &str = c.encode_utf8(&mut buf);
        let n = self.word_count();
        let start = partition(n, |i| self.word(i) < prefix);
        let end = start + partition(n - start, |i| self.word(start + i).starts_with(prefix));
        start..end
    }

    /// The distinct speaker names.
    pub fn speakers(&self) -> &[Box<str>] {
        &self.speakers
    }

    /// The quotations of speaker `s` (an index into [`QuoteIndex::speakers`]), ascending.
    pub fn quotes_of_speaker(&self, s: usize) -> &[u32] {
        &self.speaker_items[Self::range(&self.speaker_items_ends, s)]
    }

    /// The speaker of quotation `id`, if known.
    pub fn speaker(&self, id: u32) -> Option<&str> {
        let s = *self.speaker_of.get(id as usize)?;
        self.speakers.get(s as usize).map(|s| &**s)
    }

    /// The source of quotation `id`.
    pub fn source(&self, id: u32) -> &str {
        self.source_of
            .get(id as usize)
            .and_then(|&s| self.sources.get(s as usize))
            .map_or("", |s| &**s)
    }
}

/// The first `i` in `0..n` for which `pred` is false, given that it is true then false.
fn partition(n: usize, pred: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> QuoteIndex {
        let items = [
            Fields {
                text: "“We’re not going to drag this out for weeks or months.”",
                speaker: Some("Marco Rubio"),
                source: "Newsmax",
            },
            Fields {
                text: "“Ukraine’s security must be guaranteed reliably.”",
                speaker: Some("Rustem Umerov"),
                source: "Al Jazeera",
            },
            Fields {
                text: "“We are constructively minded.”",
                speaker: Some("Rustem Umerov"),
                source: "Al Jazeera",
            },
            Fields {
                text: "“peace through strength”",
                speaker: None,
                source: "Newsmax",
            },
        ];
        QuoteIndex::build(items.len(), |id| items[id as usize])
    }

    fn lookup(ix: &QuoteIndex, word: &str) -> Option<usize> {
        (0..ix.word_count()).find(|&i| ix.word(i) == word)
    }

    #[test]
    fn vocabulary_is_sorted_and_folded() {
        let ix = index();
        let words: Vec<&str> = (0..ix.word_count()).map(|i| ix.word(i)).collect();
        let mut sorted = words.clone();
        sorted.sort();
        assert_eq!(words, sorted);
        assert!(words.contains(&"ukraine") && words.contains(&"rubio"));
        assert!(!words.iter().any(|w| w.chars().any(char::is_uppercase)));
    }

    #[test]
    fn postings_list_each_quotation_once() {
        let ix = index();
        assert_eq!(ix.postings(lookup(&ix, "we").unwrap()), &[0, 2]);
        assert_eq!(ix.postings(lookup(&ix, "umerov").unwrap()), &[1, 2]);
        assert_eq!(ix.postings(lookup(&ix, "newsmax").unwrap()), &[0, 3]);
        assert_eq!(ix.postings(lookup(&ix, "drag").unwrap()), &[0]);
        assert_eq!(ix.len(), 4);
    }

    #[test]
    fn words_by_first_letter() {
        let ix = index();
        let r: Vec<&str> = ix.words_starting_with('m').map(|i| ix.word(i)).collect();
        assert_eq!(r, vec!["marco", "minded", "months", "must"]);
        assert!(ix.words_starting_with('q').is_empty());
    }

    #[test]
    fn speakers_and_sources() {
        let ix = index();
        assert_eq!(ix.speaker(0), Some("Marco Rubio"));
        assert_eq!(ix.speaker(3), None);
        assert_eq!(ix.source(1), "Al Jazeera");
        let umerov = ix.speakers().iter().position(|s| &**s == "Rustem Umerov");
        assert_eq!(ix.quotes_of_speaker(umerov.unwrap()), &[1, 2]);
    }

    #[test]
    fn empty_index() {
        let ix = QuoteIndex::build(0, |_| Fields::default());
        assert!(ix.is_empty());
        assert_eq!(ix.words_starting_with('a'), 0..0);
    }
}
