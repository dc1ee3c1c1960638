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

/// Postings volume above which a term's quotations are gathered on two threads.
const PARALLEL_VOLUME: usize = 256 * 1024;

/// A word score halved to fit a byte; 0 means no match.
fn byte_score(score: u16) -> u8 {
    score.div_ceil(2).clamp(1, 255) as u8
}

/// The quotations matching one term: a dense score per quotation (0 = no match), the list
/// of quotations with a non-zero score, and whether they still need checking against the
/// text (exact terms spanning several words).
#[derive(Debug)]
struct TermHits {
    scores: Vec<u8>,
    items: Vec<u32>,
    checked: bool,
}

/// What was computed for one term.
#[derive(Debug)]
struct Cached {
    term: Term,
    /// The matching vocabulary words and their scores (word-level terms only).
    words: Option<Vec<(u32, u8)>>,
    /// The term's quotations; `None` when they were only gathered among the last matches.
    hits: Option<Arc<TermHits>>,
}

/// A set of quotation ids, one bit each.
#[derive(Debug)]
struct Bits(Vec<u64>);

impl Bits {
    fn of(ids: &[u32], len: usize) -> Bits {
        let mut bits = vec![0u64; len.div_ceil(64)];
        for &id in ids {
            bits[id as usize / 64] |= 1 << (id % 64);
        }
        Bits(bits)
    }

    fn contains(&self, id: u32) -> bool {
        self.0[id as usize / 64] & (1 << (id % 64)) != 0
    }
}

/// The last query answered: its matches (for narrowing) and its results (for repeats).
#[derive(Debug)]
struct Last {
    query: Query,
    matches: Vec<u32>,
    found: Found,
}

/// Answers queries over one [`QuoteIndex`], reusing work between consecutive queries.
#[derive(Debug, Default)]
pub struct Searcher {
    cache: Vec<Cached>,
    last: Option<Last>,
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

/// How an exact term's words constrain the vocabulary: the word must equal, start with, end
/// with or contain the token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Fit {
    Equal,
    Prefix,
    Suffix,
    Inside,
}

impl Fit {
    fn accepts(self, token: &str, word: &str) -> bool {
        match self {
            Fit::Equal => word == token,
            Fit::Prefix => word.starts_with(token),
            Fit::Suffix => word.ends_with(token),
            Fit::Inside => word.contains(token),
        }
    }
}

/// The most selective word constraint of an exact term, and whether it is the whole term
/// (a term of letters and digits only: then the index answers it without the text).
fn exact_plan(text: &str) -> Option<(Fit, &str, bool)> {
    let tokens: Vec<_> = words::split(text).collect();
    let whole = tokens.len() == 1 && tokens[0] == (0..text.len());
    tokens
        .into_iter()
        .map(|r| {
            let fit = match (r.start > 0, r.end < text.len()) {
                (true, true) => Fit::Equal,
                (true, false) => Fit::Prefix,
                (false, true) => Fit::Suffix,
                (false, false) => Fit::Inside,
            };
            (fit, &text[r])
        })
        // Short tokens ("s" of "Ukraine’s") select little whatever their fit.
        .min_by_key(|&(fit, token)| (token.len() < 3, fit, std::cmp::Reverse(token.len())))
        .map(|(fit, token)| (fit, token, whole))
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
        if let Some(last) = self.last.as_ref().filter(|l| l.query == *query) {
            return Some(last.found.clone());
        }
        // When this query narrows the last one to few matches, new terms are gathered only
        // among those matches.
        let within = self
            .last
            .as_ref()
            .filter(|l| query.refines(&l.query) && l.matches.len() * 8 < len)
            .map(|l| Bits::of(&l.matches, len));
        let mut terms = Vec::with_capacity(query.terms.len());
        for term in &query.terms {
            if control.interrupted() {
                return None;
            }
            terms.push((term, self.hits(index, term, within.as_ref())));
        }
        let previous = self.last.as_ref().map(|l| &l.query);
        self.cache.retain(|c| {
            query.terms.contains(&c.term) || previous.is_some_and(|q| q.terms.contains(&c.term))
        });

        // Terms that need the text are checked last.
        terms.sort_by_key(|(_, h)| !h.checked);
        // Candidates: the smallest term's quotations, or the last matches when this query
        // only narrows the last one.
        let smallest = terms
            .iter()
            .map(|(_, h)| h.items.as_slice())
            .min_by_key(|items| items.len())
            .unwrap_or(&[]);
        let candidates = match &self.last {
            Some(l) if query.refines(&l.query) && l.matches.len() < smallest.len() => {
                l.matches.as_slice()
            }
            _ => smallest,
        };
        let mut keys = Vec::new();
        let mut partial_sent = false;
        let chunks = candidates.chunks(CHUNK);
        let chunk_count = chunks.len();
        for (n, chunk) in chunks.enumerate() {
            if control.interrupted() {
                return None;
            }
            'items: for &id in chunk {
                let mut total = 0u32;
                for (term, hits) in &terms {
                    let s = hits.scores[id as usize];
                    if s == 0 || (!hits.checked && !contains(index, texts, id, &term.text)) {
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
        self.last = Some(Last {
            query: query.clone(),
            matches,
            found: found.clone(),
        });
        Some(found)
    }

    /// The quotations matching one term (only those in `within`, when given), from the
    /// cache or computed.
    fn hits(&mut self, index: &QuoteIndex, term: &Term, within: Option<&Bits>) -> Arc<TermHits> {
        if let Some(hits) = self
            .cache
            .iter()
            .find(|c| &c.term == term)
            .and_then(|c| c.hits.as_ref())
        {
            return Arc::clone(hits);
        }
        let text = term.text.as_str();
        let (words, hits) = match term.kind {
            TermKind::Fuzzy => {
                let scan = if text.chars().count() >= MIN_INFIX {
                    0..index.word_count()
                } else {
                    text.chars()
                        .next()
                        .map_or(0..0, |c| index.words_starting_with(c))
                };
                let words = self.words(
                    |w| index.word(w),
                    term,
                    scan,
                    |w| words::score(text, w).map(byte_score),
                );
                let hits = gather(index, &words, true, within);
                (Some(words), hits)
            }
            TermKind::Exact => match exact_plan(text) {
                None => (None, TermHits::all(index.len())),
                Some((fit, token, whole)) => {
                    let scan = match fit {
                        Fit::Equal | Fit::Prefix => token
                            .chars()
                            .next()
                            .map_or(0..0, |c| index.words_starting_with(c)),
                        Fit::Suffix | Fit::Inside => 0..index.word_count(),
                    };
                    let exact = byte_score(EXACT_SCORE);
                    let words = if whole {
                        self.words(
                            |w| index.word(w),
                            term,
                            scan,
                            |w| w.contains(token).then_some(exact),
                        )
                    } else {
                        scan.filter(|&w| fit.accepts(token, index.word(w)))
                            .map(|w| (w as u32, exact))
                            .collect()
                    };
                    let hits = gather(index, &words, whole, within);
                    (whole.then_some(words), hits)
                }
            },
            TermKind::Speaker => {
                let matcher = SkimMatcherV2::default();
                let speakers = self.words(
                    |s| &index.speakers()[s],
                    term,
                    0..index.speakers().len(),
                    |name| {
                        let score = matcher.fuzzy_match(name, text)?;
                        Some(byte_score(score.clamp(1, i64::from(EXACT_SCORE)) as u16))
                    },
                );
                let hits = speaker_hits(index, &speakers, within);
                (Some(speakers), hits)
            }
        };
        let hits = Arc::new(hits);
        self.cache.retain(|c| &c.term != term);
        self.cache.push(Cached {
            term: term.clone(),
            words,
            hits: within.is_none().then(|| Arc::clone(&hits)),
        });
        hits
    }

    /// The vocabulary words in `scan` that `score` accepts. When a shorter form of the term
    /// is cached, only the words it matched are checked.
    fn words<'a>(
        &self,
        name: impl Fn(usize) -> &'a str,
        term: &Term,
        scan: std::ops::Range<usize>,
        score: impl Fn(&str) -> Option<u8>,
    ) -> Vec<(u32, u8)> {
        let narrower = self
            .cache
            .iter()
            .filter(|c| c.term.kind == term.kind && narrows(term, &c.term))
            .filter_map(|c| c.words.as_ref())
            .min_by_key(|w| w.len());
        match narrower {
            Some(words) => words
                .iter()
                .filter_map(|&(w, _)| Some((w, score(name(w as usize))?)))
                .collect(),
            None => scan
                .filter_map(|w| Some((w as u32, score(name(w))?)))
                .collect(),
        }
    }
}

/// True when every word `new` matches is matched by `old` (same kind, typed on).
fn narrows(new: &Term, old: &Term) -> bool {
    let old_len = old.text.chars().count();
    new.text.starts_with(&old.text)
        && (new.kind != TermKind::Fuzzy
            || old_len >= MIN_INFIX
            || new.text.chars().count() < MIN_INFIX)
}

impl TermHits {
    fn all(len: usize) -> Self {
        TermHits {
            scores: vec![byte_score(EXACT_SCORE); len],
            items: (0..len as u32).collect(),
            checked: false,
        }
    }
}

/// The quotations holding any of `words` (in `within`, when given), each with its best word
/// score; on two threads
/// (each taking half of the quotation ids) when the postings are many.
fn gather(
    index: &QuoteIndex,
    words: &[(u32, u8)],
    checked: bool,
    within: Option<&Bits>,
) -> TermHits {
    let len = index.len() as u32;
    let volume: usize = words
        .iter()
        .map(|&(w, _)| index.postings(w as usize).len())
        .sum();
    let (scores, items) = if volume < PARALLEL_VOLUME {
        gather_range(index, words, 0..len, within)
    } else {
        let mid = len / 2;
        let ((mut scores, mut items), (high_scores, high_items)) = rayon::join(
            || gather_range(index, words, 0..mid, within),
            || gather_range(index, words, mid..len, within),
        );
        scores.extend_from_slice(&high_scores);
        items.extend_from_slice(&high_items);
        (scores, items)
    };
    TermHits {
        scores,
        items,
        checked,
    }
}

/// [`gather`] over the quotation ids in `ids` (and in `within`, when given): scores indexed
/// from `ids.start`.
fn gather_range(
    index: &QuoteIndex,
    words: &[(u32, u8)],
    ids: std::ops::Range<u32>,
    within: Option<&Bits>,
) -> (Vec<u8>, Vec<u32>) {
    let mut scores = vec![0u8; (ids.end - ids.start) as usize];
    let mut items = Vec::new();
    for &(w, score) in words {
        let postings = index.postings(w as usize);
        let a = postings.partition_point(|&id| id < ids.start);
        let b = postings.partition_point(|&id| id < ids.end);
        let mut add = |id: u32| {
            let slot = &mut scores[(id - ids.start) as usize];
            if *slot == 0 {
                items.push(id);
            }
            *slot = (*slot).max(score);
        };
        match within {
            None => postings[a..b].iter().for_each(|&id| add(id)),
            Some(bits) => postings[a..b]
                .iter()
                .filter(|&&id| bits.contains(id))
                .for_each(|&id| add(id)),
        }
    }
    (scores, items)
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

/// The quotations of the matching speakers (in `within`, when given), each with its
/// speaker's score.
fn speaker_hits(index: &QuoteIndex, speakers: &[(u32, u8)], within: Option<&Bits>) -> TermHits {
    let mut scores = vec![0u8; index.len()];
    let mut items = Vec::new();
    for &(s, score) in speakers {
        let quotes = index.quotes_of_speaker(s as usize).iter();
        for &id in quotes.filter(|&&id| within.is_none_or(|b| b.contains(id))) {
            scores[id as usize] = score;
            items.push(id);
        }
    }
    TermHits {
        scores,
        items,
        checked: true,
    }
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
        let index = QuoteIndex::build(QUOTES.len(), |id| {
            let (text, speaker, source) = QUOTES[id as usize];
            Fields {
                text,
                speaker,
                source,
            }
        });
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

    #[test]
    fn narrowing_within_few_matches_gives_the_same_results() {
        let texts: Vec<String> = (0..4000)
            .map(|i| format!("peace{} talks{} w{} said{}", i % 50, i % 13, i % 97, i % 7))
            .collect();
        let index = QuoteIndex::build(texts.len(), |id| Fields {
            text: &texts[id as usize],
            speaker: Some(if id % 3 == 0 {
                "Marco Rubio"
            } else {
                "Rustem Umerov"
            }),
            source: "",
        });
        let mut typing = Searcher::new();
        for query in [
            "peace12 ta",
            "peace7 w1 sa",
            "peace3 @rub 'w4",
            "'peace49 t",
        ] {
            for end in 1..=query.len() {
                let q = Query::parse(&query[..end]);
                let incremental = typing.search(&index, &texts, &q, &mut ()).unwrap();
                let fresh = Searcher::new().search(&index, &texts, &q, &mut ()).unwrap();
                assert_eq!(incremental, fresh, "query {:?}", &query[..end]);
            }
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
        let index = QuoteIndex::build(texts.len(), |id| Fields {
            text: &texts[id as usize],
            speaker: None,
            source: "",
        });
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
