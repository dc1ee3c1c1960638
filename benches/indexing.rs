//! Indexing throughput over the whole pipeline (`corpus::analyse`: metadata, layout and every
//! extractor; then `Index::build`), on one core and on all cores, in MB/s and articles/s, with
//! the wall time of `Index::build` alone; first the CPU time of each stage on one core (the
//! extraction packed into each article counted apart, and each view `Index::build` makes); last
//! the time to reopen the corpus, written as JSON Lines files in a temporary folder, from a
//! warm cache (`corpus::load_with`, as `dossier FOLDER` does on its second run).
//!
//! ```sh
//! DOSSIER_BENCH_CORPUS=/path/to/reuters_10k.jsonl.gz cargo bench --bench indexing
//! DOSSIER_BENCH_ARTICLES=10000 cargo bench --bench indexing   # corpus size (default 2,000)
//! ```
//!
//! See `support/corpus.rs` for the corpus (the file given, replicated, or generated text).

#[path = "support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, SamplingMode};
use dossier::corpus::{self, Input, Progress};
use dossier::extract::{Extraction, actors, events, quotes, time};
use dossier::index::{self, Index, Overrides};
use dossier::ingest;
use support::corpus::Corpus;
use support::cpu;

fn articles_wanted() -> usize {
    std::env::var("DOSSIER_BENCH_ARTICLES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2_000)
}

/// Thread CPU time of `f`, in seconds (wall-clock time where the system does not tell it).
fn cpu_secs<T>(f: impl FnOnce() -> T) -> (T, f64) {
    let (cpu, wall) = (cpu::thread_ns(), Instant::now());
    let out = f();
    let secs = match (cpu, cpu::thread_ns()) {
        (Some(a), Some(b)) => (b - a) as f64 / 1e9,
        _ => wall.elapsed().as_secs_f64(),
    };
    (out, secs)
}

/// CPU time of each stage over the corpus on this thread (the median of three runs, as the
/// pipeline's figures are medians); run it in a pool of one thread.
fn stages(corpus: &Corpus) {
    let mb = corpus.text_bytes() as f64 / 1e6;
    let mut runs: Vec<[f64; 10]> = Vec::new();
    for _ in 0..3 {
        let drafts = corpus.drafts();
        let (ingested, t0) = cpu_secs(|| {
            drafts
                .into_iter()
                .map(ingest::article_and_layout)
                .collect::<Vec<_>>()
        });
        let (mut articles, layouts): (Vec<_>, Vec<_>) = ingested.into_iter().unzip();
        let docs = support::corpus::docs(&articles, &layouts);
        let (found, t1) = cpu_secs(|| docs.iter().map(actors::extract).collect::<Vec<_>>());
        let (quoted, t2) = cpu_secs(|| {
            docs.iter()
                .zip(&found)
                .map(|(d, (m, l))| quotes::extract(d, m, l))
                .collect::<Vec<_>>()
        });
        let (timexes, t3) = cpu_secs(|| docs.iter().map(time::extract).collect::<Vec<_>>());
        let (evented, t4) = cpu_secs(|| {
            docs.iter()
                .enumerate()
                .map(|(i, d)| events::extract(d, &timexes[i], &found[i].0, &quoted[i]))
                .collect::<Vec<_>>()
        });
        let (_, t5) = cpu_secs(|| {
            for ((((a, (mentions, locals)), q), t), e) in articles
                .iter_mut()
                .zip(found)
                .zip(quoted)
                .zip(timexes)
                .zip(evented)
            {
                a.set_extraction(&Extraction {
                    mentions,
                    actors: locals,
                    quotes: q,
                    timexes: t,
                    events: e,
                });
            }
        });
        let (index, t6) = cpu_secs(|| Index::build(articles, Vec::new()));
        // The views of `Index::build` one by one.
        let articles = &index.articles;
        let (merged, t7) = cpu_secs(|| index::actors::merge(articles, &Overrides::default(), &[]));
        let (_, t8) = cpu_secs(|| index::timeline::build(articles, &merged.actor_of));
        let (_, t9) = cpu_secs(|| index::quotes::group(articles));
        runs.push([t0, t1, t2, t3, t4, t5, t6, t7, t8, t9]);
    }
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let stage = |i: usize| median(runs.iter().map(|r| r[i]).collect());
    let total = median(runs.iter().map(|r| r[..7].iter().sum()).collect());
    println!("CPU time per stage on one core ({mb:.1} MB, median of 3):");
    let names = [
        "metadata + layout",
        "actors",
        "quotations",
        "time",
        "events",
        "packing",
        "Index::build",
        "  actor merge",
        "  timeline",
        "  quotation groups",
    ];
    for (i, name) in names.iter().enumerate() {
        let secs = stage(i);
        println!(
            "  {name:<18} {:>7.0} ms {:>5.1}% {:>8.1} MB/s",
            secs * 1e3,
            secs / total * 100.0,
            mb / secs
        );
    }
    println!(
        "  {:<18} {:>7.0} ms        {:>8.1} MB/s",
        "all",
        total * 1e3,
        mb / total
    );
}

/// A benchmark group for runs of a second or more: ten samples, flat sampling.
fn slow_group<'a>(c: &'a mut Criterion, name: &str) -> BenchmarkGroup<'a, WallTime> {
    let mut group = c.benchmark_group(name);
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .measurement_time(Duration::from_secs(1));
    group
}

/// Runs the whole pipeline in a pool of `threads` threads and reports the median.
fn throughput(c: &mut Criterion, corpus: &Corpus, threads: usize) {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool");
    let mut walls: Vec<f64> = Vec::new();
    let mut cpus: Vec<f64> = Vec::new();
    let mut builds: Vec<f64> = Vec::new();
    let mut group = slow_group(c, "indexing");
    let name = format!("{} articles, {threads} thread(s)", corpus.lines.len());
    group.bench_function(name, |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let drafts = corpus.drafts();
                let (cpu, wall) = (cpu::process_ns(), Instant::now());
                let index = pool.install(|| {
                    let articles = corpus::analyse(drafts, &Progress::default());
                    let views = Instant::now();
                    let index = Index::build(articles, Vec::new());
                    builds.push(views.elapsed().as_secs_f64());
                    index
                });
                let took = wall.elapsed();
                if let (Some(a), Some(b)) = (cpu, cpu::process_ns()) {
                    cpus.push((b - a) as f64 / 1e9);
                }
                walls.push(took.as_secs_f64());
                total += took;
                drop(index);
            }
            total
        })
    });
    group.finish();
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied()
    };
    let mb = corpus.text_bytes() as f64 / 1e6;
    let n = corpus.lines.len() as f64;
    if let Some(wall) = median(&mut walls) {
        let per_core = median(&mut cpus)
            .map(|cpu| format!(", {:.1} MB/s per core of CPU time", mb / cpu))
            .unwrap_or_default();
        let build = median(&mut builds).unwrap_or(0.0);
        println!(
            "indexing on {threads} thread(s): {:.2} s for {}: {:.1} MB/s, {:.0} articles/s{per_core}; of which Index::build {:.2} s",
            wall,
            corpus.describe(),
            mb / wall,
            n / wall,
            build,
        );
    }
}

/// Files the corpus is split into for the reopen benchmark (as a folder of daily files).
const SHARDS: usize = 16;

/// Reopens the corpus from a warm cache: every file unchanged, so nothing is re-extracted.
fn reopen(c: &mut Criterion, corpus: &Corpus) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let folder = dir.path().join("corpus");
    corpus.write_shards(&folder, SHARDS);
    let cache = dir.path().join("cache.bin");
    let input = Input::Paths(vec![folder]);
    let (_, report) = corpus::load_with(&input, &Progress::default(), Some(&cache));
    let report = report.expect("a cache report");
    assert!(report.problem.is_none(), "{:?}", report.problem);
    let cache_mb = std::fs::metadata(&cache).map_or(0.0, |m| m.len() as f64 / 1e6);
    let mut walls: Vec<f64> = Vec::new();
    let mut group = slow_group(c, "reopen");
    let name = format!("{} articles, warm cache", corpus.lines.len());
    group.bench_function(name, |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let wall = Instant::now();
                let (index, report) = corpus::load_with(&input, &Progress::default(), Some(&cache));
                let took = wall.elapsed();
                let report = report.expect("a cache report");
                assert_eq!(report.extracted, 0, "a warm cache re-extracts nothing");
                walls.push(took.as_secs_f64());
                total += took;
                drop(index);
            }
            total
        })
    });
    group.finish();
    walls.sort_by(f64::total_cmp);
    if let Some(wall) = walls.get(walls.len() / 2) {
        println!(
            "reopen with a warm cache: {:.3} s for {} in {SHARDS} files (cache {cache_mb:.1} MB): {:.0} MB/s",
            wall,
            corpus.describe(),
            corpus.text_bytes() as f64 / 1e6 / wall,
        );
    }
}

fn main() {
    let corpus = Corpus::new(articles_wanted());
    println!("corpus: {}", corpus.describe());
    // In a pool of one thread, so that work the pipeline hands to rayon stays on the
    // measured thread.
    rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a thread pool")
        .install(|| stages(&corpus));
    let mut criterion = Criterion::default().configure_from_args();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    throughput(&mut criterion, &corpus, 1);
    if cores > 1 {
        throughput(&mut criterion, &corpus, cores);
    }
    reopen(&mut criterion, &corpus);
    criterion.final_summary();
}
