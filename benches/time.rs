//! Throughput of time extraction (and of events built on it) on news text.
//!
//! Set `DOSSIER_BENCH_CORPUS` to a JSON Lines file of articles (`.jsonl` or `.jsonl.gz`, with
//! `text` and a date field) to measure on real news; without it, a deterministic generated
//! corpus is used so that `cargo bench` works on a fresh clone. At most `MAX_BYTES` of text are
//! loaded. Times are CPU time of the benchmark thread, so that other work on the machine does
//! not skew them. Run: `DOSSIER_BENCH_CORPUS=path/to/reuters.jsonl.gz cargo bench --bench time`.

#[path = "support/mod.rs"]
mod support;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dossier::article::{Article, Origin};
use dossier::extract::{Doc, events, time};
use dossier::ingest::{self, Draft, json};
use dossier::layout::Layout;
use support::cpu::ThreadTime;

/// Most text loaded from the corpus, in bytes.
const MAX_BYTES: usize = 8 << 20;

/// Articles from the corpus named by `DOSSIER_BENCH_CORPUS`, else generated ones.
fn corpus() -> Vec<Article> {
    support::corpus::file_articles(MAX_BYTES)
        .unwrap_or_else(|| generated().into_iter().map(ingest::article).collect())
}

/// A deterministic corpus of wire-style paragraphs mixing dates, weekdays, durations and
/// plain text.
fn generated() -> Vec<Draft> {
    const SENTENCES: [&str; 12] = [
        "The company said on Monday that third-quarter profit rose 12 percent from a year earlier.",
        "Talks between the two delegations will resume next week in Geneva, officials said.",
        "Shares fell 3.5 percent to $41.20 in early trading after the results, the steepest drop since March 2020.",
        "The central bank has kept rates on hold for six months and is expected to cut them in January.",
        "About 2,000 workers went on strike in the northern city of Turin, a union spokesman said.",
        "Earlier this year the government announced a plan to sell its stake by the end of 2026.",
        "The minister told reporters late Friday that the deal could be signed within days.",
        "Exports rose for the third straight month in November, customs data showed on Tuesday.",
        "The merger, first announced on October 23, 2024, still needs approval from regulators.",
        "Analysts expect growth of about 2 percent this year and 2.4 percent in 2027.",
        "The fund has returned an average of 7 percent a year over the past decade.",
        "He declined to comment on the report, which cited people familiar with the matter.",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    (0..2000)
        .map(|n| {
            let mut text = String::new();
            for _ in 0..12 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(SENTENCES[(state % 12) as usize]);
                text.push_str(if state.is_multiple_of(4) { "\n\n" } else { " " });
            }
            let line = serde_json::json!({"id": n, "date": "2025-12-19", "text": text}).to_string();
            let record = json::parse_line(&line).expect("generated record");
            Draft {
                origin: Origin {
                    path: "generated".into(),
                    record: Some(n + 1),
                },
                text: record.text,
                meta: record.meta,
            }
        })
        .collect()
}

/// The document extractors read, from an article and its decoded layout.
fn doc((a, layout): &(Article, Layout)) -> Doc<'_> {
    Doc {
        text: &a.text,
        layout,
        published: a.date(),
    }
}

fn bench(c: &mut Criterion<ThreadTime>) {
    let articles: Vec<(Article, Layout)> = corpus()
        .into_iter()
        .map(|a| {
            let layout = a.layout.decode();
            (a, layout)
        })
        .collect();
    let bytes: usize = articles.iter().map(|(a, _)| a.text.len()).sum();
    let mut group = c.benchmark_group("time");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("timexes", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| time::extract(&doc(a)).len())
                .sum::<usize>()
        })
    });
    let timexes: Vec<Vec<time::Timex>> = articles.iter().map(|a| time::extract(&doc(a))).collect();
    group.bench_function("events", |b| {
        b.iter(|| {
            articles
                .iter()
                .zip(&timexes)
                .map(|(a, t)| events::extract(&doc(a), t, &[], &[]).len())
                .sum::<usize>()
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
