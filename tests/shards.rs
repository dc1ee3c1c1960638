//! Beyond one machine: `dossier extract --embed` on shards, then the index rebuilt from the
//! shard outputs equals the index built directly.

use std::fs;
use std::process::Command;

use dossier::corpus::{self, Input, Progress};
use dossier::record::Record;

fn records(index: &dossier::index::Index) -> Vec<String> {
    index
        .articles
        .iter()
        .map(|a| serde_json::to_string(&Record::of(a)).unwrap())
        .collect()
}

#[test]
fn shards_extracted_separately_open_as_one_index() {
    let dir = tempfile::tempdir().unwrap();
    let corpus_dir = dir.path().join("corpus");
    let out_dir = dir.path().join("out");
    fs::create_dir_all(corpus_dir.join("shard-a")).unwrap();
    fs::create_dir_all(corpus_dir.join("shard-b")).unwrap();
    fs::create_dir_all(&out_dir).unwrap();
    for (i, (name, text)) in dossier::ingest::sample::SAMPLES.iter().enumerate() {
        let shard = if i < 2 { "shard-a" } else { "shard-b" };
        fs::write(corpus_dir.join(shard).join(name), text).unwrap();
    }
    for shard in ["shard-a", "shard-b"] {
        let status = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(["extract", "--embed", "--no-cache", "-o"])
            .arg(out_dir.join(format!("{shard}.jsonl")))
            .arg(corpus_dir.join(shard))
            .status()
            .unwrap();
        assert!(status.success());
    }
    let direct = corpus::load(
        &Input::Paths(vec![corpus_dir.clone()]),
        &Progress::default(),
    );
    let opened = corpus::load(&Input::Extracted(vec![out_dir]), &Progress::default());
    assert!(opened.problems.is_empty(), "{:?}", opened.problems);
    assert_eq!(opened.articles, direct.articles);
    assert_eq!(records(&opened), records(&direct));
    assert_eq!(opened.timeline, direct.timeline);
    assert_eq!(opened.actors, direct.actors);
}

#[test]
fn plain_records_are_analysed_and_bad_lines_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mixed.jsonl");
    fs::write(
        &path,
        "{\"id\": \"r1\", \"text\": \"Talks resumed on Friday.\", \"date\": \"2025-12-19\"}\n\
         {\"id\": \"r2\", \"quotes\": []}\n",
    )
    .unwrap();
    let index = corpus::load(&Input::Extracted(vec![path.clone()]), &Progress::default());
    assert_eq!(index.articles.len(), 1);
    assert_eq!(index.articles[0].key(), "r1");
    assert_eq!(
        index.problems[0].to_string(),
        format!(
            "{}:2: no text field (expected one of: text, maintext, body, content, article) (skipped)",
            path.display()
        )
    );
}
