//! Every input a fuzz target ever crashed on, replayed (`fuzz/regressions/<target>/`), plus
//! a short deterministic run of each target over the sample corpus.

use std::fs;
use std::path::Path;

use dossier::corpus::{Progress, analyse};
use dossier::index::Index;
use dossier::ingest::sample_drafts;

fn replay(target: &str, run: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut inputs: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    inputs.sort();
    for input in inputs {
        run(&fs::read(&input).unwrap());
    }
}

#[test]
fn ingest_text_regressions() {
    replay("ingest_text", dossier::fuzzing::ingest_text);
    for (_, text) in dossier::ingest::sample::SAMPLES {
        dossier::fuzzing::ingest_text(text.as_bytes());
    }
}

#[test]
fn loaders_regressions() {
    replay("loaders", dossier::fuzzing::loaders);
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats");
    for entry in fs::read_dir(fixtures).unwrap() {
        dossier::fuzzing::loaders(&fs::read(entry.unwrap().path()).unwrap());
    }
}

#[test]
fn cache_file_regressions() {
    replay("cache_file", dossier::fuzzing::cache_file);
}

#[test]
fn views_file_regressions() {
    replay("views_file", |data| {
        dossier::fuzzing::views_file(data);
    });
    // The sample corpus's own views are accepted and served; cut short or with a byte
    // changed, they are rejected or served, never a panic.
    let articles = analyse(sample_drafts(), &Progress::default());
    let input = dossier::fuzzing::views_input(&Index::build(articles, Vec::new()));
    assert!(dossier::fuzzing::views_file(&input));
    let step = input.len() / 60 + 1;
    for at in (0..input.len()).step_by(step) {
        assert!(!dossier::fuzzing::views_file(&input[..at]));
        let mut changed = input.clone();
        changed[at] ^= 0x5a;
        dossier::fuzzing::views_file(&changed);
    }
}

#[test]
fn review_file_regressions() {
    replay("review_file", dossier::fuzzing::review_file);
    // The golden reports are JSON but not review files; the seed is one.
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/review");
    for entry in fs::read_dir(fixtures).unwrap() {
        dossier::fuzzing::review_file(&fs::read(entry.unwrap().path()).unwrap());
    }
}

#[test]
fn the_review_seed_is_a_review_file() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/review/seed-review.json");
    let review = dossier::review::store::parse(&fs::read(path).unwrap()).unwrap();
    assert_eq!(review.decisions.len(), 3);
    assert_eq!(review.corrections.len(), 2);
}
