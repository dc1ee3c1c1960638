//! Answering queries: each term's matching quotations come from the inverted index, the
//! smallest set is the candidates, and candidates are scored and ranked.
//!
//! A [`Searcher`] keeps what the last queries computed: each term's matching words and
//! quotations (typing one more letter re-checks only the words the shorter term matched,
//! and the other terms are reused as they are) and the last query's matches (when the query
//! grows, only those are scored again). Work is done in chunks between which the caller can
//! interrupt it, and the first results are handed out before the full ranking completes.

use std::sync::Arc;
use std::time::{Duration, Instant};

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::search::index::QuoteIndex;
use crate::search::query::{Query, Term, TermKind};
use crate::search::words::{self, MIN_INFIX};

/// Most ranked results returned for one query (the total count is always exact).
pub const LIMIT: usize = 1000;

/// Candidates scored between two checks for interruption.
const CHUNK: usize = 16 * 1024;

/// After this long, results so far are handed out before the ranking completes.
const FIRST_RESULTS: Duration = Duration::from_millis(8);

/// Score of an exact term that matched.
const EXACT_SCORE: u16 = 300;

/// The quotation texts, by id (the index does not copy them).
pub trait Texts: Sync {
    /// The text of quotation `id`.
    fn text(&self, id: u32) -> &str;
}

impl<S: AsRef<str> + Sync> Texts for Vec<S> {
    fn text(&self, id: u32) -> &str {
        self.get(id as usize).map_or("", AsRef::as_ref)
    }
}

/// One ranked result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// The quotation id.
    pub id: u32,
    /// Its score (higher is better).
    pub score: u32,
}

/// The results of one query: the best matches, ranked, and how many matched in all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// Best first, at most [`LIMIT`]; ties in corpus order.
    pub hits: Vec<Hit>,
    /// Number of quotations matching (all of them when `done`, else so far).
    pub total: usize,
    /// False for early results handed out before the search completed.
    pub done: bool,
}

/// How the caller steers a running search.
pub trait Control {
    /// True when the search should stop (a newer query is waiting).
    fn interrupted(&self) -> bool {
        false
    }
    /// Receives early results before the full ranking completes.
    fn partial(&mut self, _found: Found) {}
}

/// A search that is never interrupted and ignores early results.
impl Control for () {}

/// The quotations matching one term: a dense score per quotation (0 = no match) and the
/// list of quotations with a non-zero score.
#[derive(Debug)]
struct TermHits {
    scores: Vec<u16>,
    items: Vec<u32>,
}

impl TermHits {
    fn new(len: usize) -> Self {
        TermHits {
            scores: vec![0; len],
            items: Vec::new(),
        }
    }

    fn add(&mut self, id: u32, score: u16) {
        let slot = &mut self.scores[id as usize];
        if *slot == 0 {
            self.items.push(id);
        }
        *slot = (*slot).max(score);
    }

    fn all(len: usize, score: u16) -> Self {
        TermHits {
            scores: vec![score; len],
            items: (0..len as u32).collect(),
        }
    }
}

/// What was computed for one term.
#[derive(Debug)]
struct Cached {
    term: Term,
    /// For fuzzy terms: the matching vocabulary words and their scores.
    words: Vec<(u32, u16)>,
    hits: Arc<TermHits>,
}

/// Answers queries over one [`QuoteIndex`], reusing work between consecutive queries.
#[derive(Debug, Default)]
pub struct Searcher {
    cache: Vec<Cached>,
    last: Option<(Query, Vec<u32>)>,
}

/// Ranks matches encoded by [`key`], keeping the best [`LIMIT`].
fn rank(mut keys: Vec<u64>) -> Vec<Hit> {
    if keys.len() > LIMIT {
        keys.select_nth_unstable(LIMIT - 1);
        keys.truncate(LIMIT);
    }
    keys.sort_unstable();
    keys.into_iter()
        .map(|k| Hit {
            id: k as u32,
            score: u32::MAX - (k >> 32) as u32,
        })
        .collect()
}

/// Sort key: best score first, then lowest id.
fn key(score: u32, id: u32) -> u64 {
    (u64::from(u32::MAX - score) << 32) | u64::from(id)
}

impl Searcher {
    /// A searcher with nothing cached.
    pub fn new() -> Self {
        Searcher::default()
    }

    /// Runs `query`; `None` when `control` interrupted it.
    pub fn search(
        &mut self,
        index: &QuoteIndex,
        texts: &dyn Texts,
        query: &Query,
        control: &mut dyn Control,
    ) -> Option<Found> {
        let started = Instant::now();
        let len = index.len();
        if query.is_empty() {
            self.last = None;
            return Some(Found {
                hits: (0..len.min(LIMIT) as u32)
                    .map(|id| Hit { id, score: 0 })
                    .collect(),
                total: len,
                done: true,
            });
        }
        let mut terms = Vec::with_capacity(query.terms.len());
        for term in &query.terms {
            if control.interrupted() {
                return None;
            }
            terms.push((term, self.hits(index, term)));
        }
        self.cache.retain(|c| {
            query.terms.contains(&c.term)
                || self
                    .last
                    .as_ref()
                    .is_some_and(|(q, _)| q.terms.contains(&c.term))
        });

        // Exact terms are checked last: they need the text.
        terms.sort_by_key(|(t, _)| t.kind == TermKind::Exact);
        // Candidates: the smallest term's quotations, or the last matches when this query
        // only narrows the last one.
        let smallest = terms
            .iter()
            .map(|(_, h)| h.items.as_slice())
            .min_by_key(|items| items.len())
            .unwrap_or(&[]);
        let last = self.last.take();
        let candidates = match &last {
            Some((q, matches)) if query.refines(q) && matches.len() < smallest.len() => {
                matches.as_slice()
            }
            _ => smallest,
        };
        let mut keys = Vec::new();
        let mut partial_sent = false;
        let chunks = candidates.chunks(CHUNK);
        let chunk_count = chunks.len();
        for (n, chunk) in chunks.enumerate() {
            if control.interrupted() {
                self.last = last;
                return None;
            }
            'items: for &id in chunk {
                let mut total = 0u32;
                for (term, hits) in &terms {
                    let s = hits.scores[id as usize];
                    if s == 0
                        || (term.kind == TermKind::Exact && !contains(index, texts, id, &term.text))
                    {
                        continue 'items;
                    }
                    total += u32::from(s);
                }
                keys.push(key(total, id));
            }
            if !partial_sent && n + 1 < chunk_count && started.elapsed() >= FIRST_RESULTS {
                partial_sent = true;
                control.partial(Found {
                    hits: rank(keys.clone()),
                    total: keys.len(),
                    done: false,
                });
            }
        }
        let matches: Vec<u32> = keys.iter().map(|&k| k as u32).collect();
        let found = Found {
            total: keys.len(),
            hits: rank(keys),
            done: true,
        };
        self.last = Some((query.clone(), matches));
        Some(found)
    }

    /// The quotations matching one term, from the cache or computed.
    fn hits(&mut self, index: &QuoteIndex, term: &Term) -> Arc<TermHits> {
        if let Some(c) = self.cache.iter().find(|c| &c.term == term) {
            return Arc::clone(&c.hits);
        }
        let len = index.len();
        let (words, hits) = match term.kind {
            TermKind::Fuzzy => {
                let words = self.matching_words(index, term);
                let mut hits = TermHits::new(len);
                for &(w, s) in &words {
                    for &id in index.postings(w as usize) {
                        hits.add(id, s);
                    }
                }
                (words, hits)
            }
            TermKind::Exact => (Vec::new(), exact_candidates(index, &term.text)),
            TermKind::Speaker => (Vec::new(), speaker_hits(index, &term.text)),
        };
        let hits = Arc::new(hits);
        self.cache.push(Cached {
            term: term.clone(),
            words,
            hits: Arc::clone(&hits),
        });
        hits
    }

    /// The vocabulary words a fuzzy term matches, with their scores. A cached shorter form
    /// of the term narrows the scan to the words it matched.
    fn matching_words(&self, index: &QuoteIndex, term: &Term) -> Vec<(u32, u16)> {
        let text = term.text.as_str();
        let shorter = self
            .cache
            .iter()
            .filter(|c| c.term.kind == TermKind::Fuzzy && term_narrows(text, &c.term.text))
            .max_by_key(|c| c.term.text.len());
        if let Some(c) = shorter {
            return c
                .words
                .iter()
                .filter_map(|&(w, _)| Some((w, words::score(text, index.word(w as usize))?)))
                .collect();
        }
        let Some(first) = text.chars().next() else {
            return Vec::new();
        };
        let same_start = index.words_starting_with(first);
        let range = if text.chars().count() >= MIN_INFIX {
            0..index.word_count()
        } else {
            same_start
        };
        range
            .filter_map(|w| Some((w as u32, words::score(text, index.word(w))?)))
            .collect()
    }
}

/// True when fuzzy term `new` only matches words that `old` matches.
fn term_narrows(new: &str, old: &str) -> bool {
    let old_len = old.chars().count();
    new.starts_with(old) && (old_len >= MIN_INFIX || new.chars().count() < MIN_INFIX)
}

/// Quotations that may contain `text` (folded): those holding a word that contains the
/// term's longest word. Every one is checked against the text by [`contains`].
fn exact_candidates(index: &QuoteIndex, text: &str) -> TermHits {
    let Some(longest) = words::split(text).map(|r| &text[r]).max_by_key(|w| w.len()) else {
        return TermHits::all(index.len(), EXACT_SCORE);
    };
    let mut hits = TermHits::new(index.len());
    for w in 0..index.word_count() {
        if index.word(w).contains(longest) {
            for &id in index.postings(w) {
                hits.add(id, EXACT_SCORE);
            }
        }
    }
    hits
}

/// True when quotation `id`'s text, speaker or source contains `text` (folded).
fn contains(index: &QuoteIndex, texts: &dyn Texts, id: u32, text: &str) -> bool {
    [
        texts.text(id),
        index.speaker(id).unwrap_or(""),
        index.source(id),
    ]
    .iter()
    .any(|field| words::find_folded(field, text, 0).is_some())
}

/// Quotations whose speaker's name matches `name` fuzzily.
fn speaker_hits(index: &QuoteIndex, name: &str) -> TermHits {
    let matcher = SkimMatcherV2::default();
    let mut hits = TermHits::new(index.len());
    for (s, speaker) in index.speakers().iter().enumerate() {
        if let Some(score) = matcher.fuzzy_match(speaker, name) {
            let score = score.clamp(1, i64::from(EXACT_SCORE)) as u16;
            for &id in index.quotes_of_speaker(s) {
                hits.add(id, score);
            }
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::Fields;

    const QUOTES: [(&str, Option<&str>, &str); 5] = [
        (
            "“We’re not going to drag this out for weeks or months.”",
            Some("Marco Rubio"),
            "Newsmax",
        ),
        (
            "“Ukraine’s security must be guaranteed reliably and in the long term.”",
            Some("Rustem Umerov"),
            "Al Jazeera",
        ),
        (
            "“We are constructively minded.”",
            Some("Rustem Umerov"),
            "Al Jazeera",
        ),
        (
            "“I think we’ve made progress, but we have a ways to go.”",
            Some("Marco Rubio"),
            "Al Jazeera",
        ),
        ("“peace through strength”", None, "bne IntelliNews"),
    ];

    fn setup() -> (QuoteIndex, Vec<&'static str>) {
        let index = QuoteIndex::build(QUOTES.iter().map(|&(text, speaker, source)| Fields {
            text,
            speaker,
            source,
        }));
        (index, QUOTES.iter().map(|q| q.0).collect())
    }

    fn ids(searcher: &mut Searcher, q: &str) -> Vec<u32> {
        let (index, texts) = setup();
        let found = searcher
            .search(&index, &texts, &Query::parse(q), &mut ())
            .unwrap();
        assert!(found.done);
        assert_eq!(found.total, found.hits.len());
        found.hits.iter().map(|h| h.id).collect()
    }

    fn find(q: &str) -> Vec<u32> {
        ids(&mut Searcher::new(), q)
    }

    #[test]
    fn every_term_must_match() {
        assert_eq!(find("drag this"), vec![0]);
        assert_eq!(find("we"), vec![0, 2, 3]);
        assert_eq!(find("mind"), vec![2]);
        assert_eq!(find("drag umerov"), Vec::<u32>::new());
    }

    #[test]
    fn fuzzy_terms_match_scattered_and_inside_words() {
        assert_eq!(find("rbo"), vec![0, 3]);
        assert_eq!(find("kraine"), vec![1]);
        assert_eq!(find("grnted"), vec![1]);
    }

    #[test]
    fn speaker_and_source_words_match_too() {
        assert_eq!(find("umerov"), vec![1, 2]);
        assert_eq!(find("jazeera we"), vec![2, 3]);
    }

    #[test]
    fn exact_terms_need_the_text_as_written() {
        assert_eq!(find("'we’re"), vec![0]);
        assert_eq!(find("'drag this"), vec![0]);
        assert_eq!(find("'rag"), vec![0], "inside a word");
        assert_eq!(find("'re n"), vec![0], "across words");
        assert_eq!(find("'“peace"), vec![4], "with punctuation");
        assert_eq!(find("'ukraine’s security"), vec![1]);
        assert_eq!(find("'security ukraine"), vec![1], "two terms");
        assert!(find("'term”x").is_empty());
    }

    #[test]
    fn speaker_terms_restrict_the_speaker() {
        assert_eq!(find("@rubio"), vec![0, 3]);
        assert_eq!(find("@umrv we"), vec![2]);
        assert_eq!(find("@nobody"), Vec::<u32>::new());
    }

    #[test]
    fn empty_query_lists_everything_in_order() {
        assert_eq!(find(""), vec![0, 1, 2, 3, 4]);
    }

    #[test]
    fn typing_on_gives_the_same_results_as_a_fresh_search() {
        let mut typing = Searcher::new();
        let query = "we made progress";
        for end in 1..=query.len() {
            let q = &query[..end];
            assert_eq!(ids(&mut typing, q), find(q), "query {q:?}");
        }
        for end in (0..query.len()).rev() {
            let q = &query[..end];
            assert_eq!(ids(&mut typing, q), find(q), "deleting back to {q:?}");
        }
    }

    struct Interrupt;
    impl Control for Interrupt {
        fn interrupted(&self) -> bool {
            true
        }
    }

    #[test]
    fn an_interrupted_search_returns_nothing_and_keeps_the_cache_sound() {
        let (index, texts) = setup();
        let mut s = Searcher::new();
        assert!(
            s.search(&index, &texts, &Query::parse("we"), &mut Interrupt)
                .is_none()
        );
        assert_eq!(ids(&mut s, "we"), vec![0, 2, 3]);
    }

    #[test]
    fn ranking_keeps_the_best_limit() {
        let texts: Vec<String> = (0..LIMIT + 10)
            .map(|i| {
                if i % 7 == 0 {
                    format!("peace {i}")
                } else {
                    format!("peaceful talks {i}")
                }
            })
            .collect();
        let index = QuoteIndex::build(texts.iter().map(|t| Fields {
            text: t,
            speaker: None,
            source: "",
        }));
        let found = Searcher::new()
            .search(&index, &texts, &Query::parse("peace"), &mut ())
            .unwrap();
        assert_eq!(found.total, LIMIT + 10);
        assert_eq!(found.hits.len(), LIMIT);
        assert_eq!(found.hits[0].id, 0);
        assert_eq!(found.hits[1].id, 7, "exact word before prefix");
        assert!(found.hits.windows(2).all(|w| w[0].score >= w[1].score));
    }
}
