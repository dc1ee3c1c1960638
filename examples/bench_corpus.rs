//! Writes the benchmark corpus as a folder of JSON Lines files, for the measurements made
//! with the `dossier` binary itself (cold indexing of 100,000 articles, warm reopen, peak
//! memory; see `scripts/measure.sh` and the README's "Performance" section).
//!
//! ```sh
//! cargo run --release --example bench_corpus -- ARTICLES FOLDER [FILES]
//! DOSSIER_BENCH_CORPUS=/path/to/reuters_10k.jsonl.gz cargo run --release --example bench_corpus -- 100000 /tmp/corpus
//! ```
//!
//! Without `DOSSIER_BENCH_CORPUS` the articles are generated (see `benches/support/corpus.rs`).

#[path = "../benches/support/mod.rs"]
mod support;

use std::path::PathBuf;
use std::process::ExitCode;

use support::corpus::Corpus;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(articles), Some(folder)) = (
        args.first().and_then(|n| n.parse::<usize>().ok()),
        args.get(1).map(PathBuf::from),
    ) else {
        eprintln!("usage: bench_corpus ARTICLES FOLDER [FILES]");
        return ExitCode::FAILURE;
    };
    let files = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(100);
    let corpus = Corpus::new(articles);
    corpus.write_shards(&folder, files);
    println!(
        "{} in {files} files in {}",
        corpus.describe(),
        folder.display()
    );
    ExitCode::SUCCESS
}
