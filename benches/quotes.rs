//! Throughput of quotation extraction with attribution, on one core.
//!
//! Reads a corpus from `DOSSIER_BENCH_CORPUS` (JSON Lines with a `text` field, gzip-compressed
//! when the name ends in `.gz`; at most `DOSSIER_BENCH_MB` megabytes of text, default 32) and falls back
//! to a deterministic generated news-like text when the variable is not set:
//!
//! ```sh
//! DOSSIER_BENCH_CORPUS=/path/to/news.jsonl.gz cargo bench --bench quotes
//! ```
//!
//! Segmentation, layout and the actors (whose mentions the quotations link their speakers to)
//! are found before timing; only `extract::quotes::extract` is timed, in CPU time of the bench
//! thread, so the figure stays meaningful on a loaded machine.

#[path = "support/mod.rs"]
mod support;

use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dossier::article::Article;
use dossier::article::{Meta, Origin};
use dossier::extract::{actors, quotes};
use dossier::ingest::{self, Draft};
use support::cpu::ThreadTime;

/// A deterministic news-like text: reported speech, quotations in several styles, pronouns.
fn generated() -> Vec<Draft> {
    let names = [
        "Marco Rubio",
        "Rustem Umerov",
        "Hillary Clinton",
        "a senior official",
    ];
    let cues = ["said", "added", "told reporters", "wrote"];
    (0..2_000)
        .map(|i| {
            let mut text = String::from("Officials meet as talks resume\n\n");
            for p in 0..12 {
                let name = names[(i + p) % names.len()];
                let cue = cues[(i * 7 + p) % cues.len()];
                text.push_str(&format!(
                    "{name} met European partners on Friday in Paris, where the talks on the \
                     plan had stalled for weeks. “We have made progress, but we have a ways to \
                     go,” {name} {cue}. “The hardest issues are always the last issues.”\n\n\
                     The proposal, which critics called \"a disaster\", was discussed again on \
                     Saturday, according to people familiar with the matter. He said that it's \
                     the '90s again.\n\n"
                ));
            }
            Draft {
                origin: Origin {
                    path: PathBuf::from(format!("generated/{i}.txt")),
                    record: None,
                },
                text,
                meta: Meta::default(),
            }
        })
        .collect()
}

fn articles() -> Vec<Article> {
    let limit = std::env::var("DOSSIER_BENCH_MB")
        .ok()
        .and_then(|m| m.parse::<usize>().ok())
        .unwrap_or(32)
        << 20;
    support::corpus::file_articles(limit).unwrap_or_else(|| {
        let mut total = 0;
        generated()
            .into_iter()
            .take_while(|d| {
                total += d.text.len();
                total <= limit
            })
            .map(ingest::article)
            .collect()
    })
}

fn bench(c: &mut Criterion<ThreadTime>) {
    let articles = articles();
    let layouts: Vec<_> = articles.iter().map(|a| a.layout.decode()).collect();
    let docs = support::corpus::docs(&articles, &layouts);
    let found: Vec<_> = docs.iter().map(actors::extract).collect();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let mut group = c.benchmark_group("quotes");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("extract", |b| {
        b.iter(|| {
            let mut n = 0;
            for (doc, (mentions, locals)) in docs.iter().zip(&found) {
                n += quotes::extract(doc, mentions, locals).len();
            }
            n
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
