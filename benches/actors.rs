//! Throughput of actor extraction (`extract::actors::extract`) on one core.
//!
//! Time is measured as the CPU time of the benchmark thread (from `/proc/thread-self/schedstat`
//! on Linux, wall-clock time elsewhere), so the number stays meaningful on a shared machine.
//!
//! Reads the articles of a JSON Lines corpus (optionally gzipped, one `{"text": ...}` object per
//! line) named by `DOSSIER_BENCH_CORPUS`; without it, a deterministic generated corpus of news-like
//! sentences. Segmentation and metadata are prepared outside the timed loop.
//!
//! ```sh
//! DOSSIER_BENCH_CORPUS=/path/to/reuters_10k.jsonl.gz cargo bench --bench actors
//! cargo bench --bench actors
//! ```

#[path = "support/mod.rs"]
mod support;

use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dossier::article::{Article, Meta, Origin};
use dossier::extract::{Doc, actors};
use dossier::ingest::{self, Draft};
use support::cpu::ThreadTime;

/// Articles from the corpus named by `DOSSIER_BENCH_CORPUS` (all of it), else generated ones.
fn corpus() -> Vec<Article> {
    support::corpus::file_articles(usize::MAX).unwrap_or_else(|| articles(generated()))
}

/// About 4 MB of news-like text, the same on every run.
fn generated() -> Vec<String> {
    const PEOPLE: &[&str] = &[
        "Secretary of State Marco Rubio",
        "Ukrainian Foreign Minister Andrii Sybiha",
        "French President Emmanuel Macron",
        "Jane Smith, a spokeswoman for the ministry,",
        "Chief Executive John Doe",
    ];
    const PLACES: &[&str] = &[
        "Washington",
        "Kyiv",
        "the U.S.",
        "NATO",
        "the European Union",
    ];
    const TAILS: &[&str] = &[
        "said on Friday that talks would continue.",
        "told reporters in Brussels the deal was close.",
        "warned that the International Monetary Fund could delay its loan.",
        "met officials from the Bank of England and Deutsche Bank AG.",
    ];
    let mut state: u64 = 7;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize % n
    };
    (0..2000)
        .map(|_| {
            let mut text = String::new();
            for p in 0..8 {
                for _ in 0..3 {
                    let who = PEOPLE[next(PEOPLE.len())];
                    let place = PLACES[next(PLACES.len())];
                    let tail = TAILS[next(TAILS.len())];
                    text.push_str(&format!(
                        "{who} {tail} \"We will not accept it,\" he said of {place}'s plan, according to a US official with direct knowledge of the matter. "
                    ));
                }
                if p < 7 {
                    text.push_str("\n\n");
                }
            }
            text
        })
        .collect()
}

fn articles(texts: Vec<String>) -> Vec<Article> {
    texts
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            ingest::article(Draft {
                origin: Origin {
                    path: PathBuf::from("bench"),
                    record: Some(i + 1),
                },
                text,
                meta: Meta::default(),
            })
        })
        .collect()
}

fn bench(c: &mut Criterion<ThreadTime>) {
    let articles = corpus();
    let layouts: Vec<_> = articles.iter().map(|a| a.layout.decode()).collect();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let mut group = c.benchmark_group("actors");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("extract", |b| {
        b.iter(|| {
            let mut mentions = 0;
            for (a, layout) in articles.iter().zip(&layouts) {
                let doc = Doc {
                    text: &a.text,
                    layout,
                    published: a.date(),
                };
                mentions += actors::extract(&doc).0.len();
            }
            mentions
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(ThreadTime);
    targets = bench
}
criterion_main!(benches);
