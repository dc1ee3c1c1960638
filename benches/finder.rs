//! Quotation finder latency per keystroke, median and 99th percentile, at 10k, 100k and 1M
//! quotations, with a plain case-insensitive byte scan of the same data measured in the same
//! run as the reference; then a criterion benchmark of one keystroke at 100k.
//!
//! `cargo bench --bench finder` (sizes: `DOSSIER_FINDER_SIZES=10000,100000`)

#[allow(dead_code)]
#[path = "support/synthetic.rs"]
mod synthetic;

use std::time::{Duration, Instant};

use criterion::Criterion;
use dossier::search::{Fields, Query, QuoteIndex, Searcher};
use synthetic::{Rng, Vocabulary};

struct Corpus {
    texts: Vec<String>,
    index: QuoteIndex,
}

fn corpus(n: usize, vocabulary: &Vocabulary) -> Corpus {
    let quotes = synthetic::quotations(n, vocabulary);
    let start = Instant::now();
    let index = QuoteIndex::build(quotes.len(), |id| {
        let (text, speaker, source) = &quotes[id as usize];
        Fields {
            text,
            speaker: speaker.map(|s| vocabulary.names[s].as_str()),
            source: &vocabulary.outlets[*source],
        }
    });
    eprintln!(
        "{n} quotations: index built in {:.2} s ({} words)",
        start.elapsed().as_secs_f64(),
        index.word_count()
    );
    Corpus {
        texts: quotes.into_iter().map(|q| q.0).collect(),
        index,
    }
}

/// Queries a person would type: common and rare words, several terms, a speaker, an exact
/// phrase.
fn queries(vocabulary: &Vocabulary) -> Vec<String> {
    let mut rng = Rng::new(99);
    let mut out = vec![
        "peace talks".to_string(),
        "the president said".to_string(),
        "'security guarantees".to_string(),
        "ceasefire negotiations ukraine".to_string(),
        "minstr foregn".to_string(),
    ];
    for _ in 0..10 {
        let a = vocabulary.word(&mut rng).to_string();
        let b = vocabulary.word(&mut rng).to_string();
        out.push(format!("{a} {b}"));
    }
    for _ in 0..5 {
        let name = &vocabulary.names[rng.below(vocabulary.names.len())];
        let last = name.split(' ').next_back().unwrap().to_lowercase();
        out.push(format!("@{last} {}", vocabulary.word(&mut rng)));
    }
    out
}

/// The plain scan: every quotation checked for every term, ignoring ASCII case.
fn byte_scan(texts: &[String], query: &str) -> usize {
    let terms: Vec<String> = query
        .split_whitespace()
        .map(|t| t.trim_start_matches(['\'', '@']).to_lowercase())
        .filter(|t| !t.is_empty())
        .collect();
    texts
        .iter()
        .filter(|t| {
            terms.iter().all(|term| {
                t.as_bytes()
                    .windows(term.len())
                    .any(|w| w.eq_ignore_ascii_case(term.as_bytes()))
            })
        })
        .count()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Types every query a key at a time (clearing between queries) and reports the latency
/// of each keystroke.
fn keystrokes(c: &Corpus, queries: &[String]) {
    let mut searcher = Searcher::new();
    let mut times = Vec::new();
    let mut scans = Vec::new();
    for q in queries {
        searcher
            .search(&c.index, &c.texts, &Query::parse(""), &mut ())
            .unwrap();
        for end in (1..=q.len()).filter(|&i| q.is_char_boundary(i)) {
            let typed = &q[..end];
            let start = Instant::now();
            let found = searcher
                .search(&c.index, &c.texts, &Query::parse(typed), &mut ())
                .unwrap();
            let took = start.elapsed();
            times.push(took);
            if took > Duration::from_millis(16) && std::env::var_os("DOSSIER_FINDER_SLOW").is_some()
            {
                eprintln!(
                    "  slow: {typed:?} {:.1} ms, {} matches",
                    ms(took),
                    found.total
                );
            }
            std::hint::black_box(found);
            let start = Instant::now();
            std::hint::black_box(byte_scan(&c.texts, typed));
            scans.push(start.elapsed());
        }
    }
    times.sort();
    scans.sort();
    println!(
        "finder {:>9} quotations: {} keystrokes, median {:.2} ms, p99 {:.2} ms, max {:.2} ms | plain byte scan median {:.1} ms, p99 {:.1} ms",
        c.texts.len(),
        times.len(),
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.99)),
        ms(*times.last().unwrap()),
        ms(percentile(&scans, 0.5)),
        ms(percentile(&scans, 0.99)),
    );
}

fn main() {
    let sizes: Vec<usize> = std::env::var("DOSSIER_FINDER_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 100_000, 1_000_000]);
    let vocabulary = Vocabulary::new(50_000, 20_000);
    let queries = queries(&vocabulary);
    for &n in &sizes {
        keystrokes(&corpus(n, &vocabulary), &queries);
    }
    let c100k = corpus(100_000, &vocabulary);
    let mut criterion = Criterion::default().configure_from_args();
    let mut searcher = Searcher::new();
    let (short, long) = (Query::parse("peace ta"), Query::parse("peace tal"));
    criterion.bench_function(
        "finder keystroke 'peace ta'→'peace tal', 100k quotations",
        |b| {
            b.iter(|| {
                searcher
                    .search(&c100k.index, &c100k.texts, &short, &mut ())
                    .unwrap();
                searcher
                    .search(&c100k.index, &c100k.texts, &long, &mut ())
                    .unwrap()
            });
        },
    );
    criterion.bench_function(
        "finder fresh query 'ceasefire ukraine', 100k quotations",
        |b| {
            let q = Query::parse("ceasefire ukraine");
            b.iter(|| {
                Searcher::new()
                    .search(&c100k.index, &c100k.texts, &q, &mut ())
                    .unwrap()
            });
        },
    );
    criterion.final_summary();
}
