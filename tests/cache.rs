//! The cache of extracted articles: reuse when unchanged, re-extract what changed, survive
//! corruption.

use std::fs;
use std::path::{Path, PathBuf};

use dossier::corpus::{self, CacheReport, Input, Progress};
use dossier::index::{Index, Views};

fn corpus_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats");
    for entry in fs::read_dir(fixtures).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    for (name, text) in dossier::ingest::sample::SAMPLES {
        fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn load(dir: &Path, cache: &Path) -> (Index, CacheReport) {
    fs::create_dir_all(cache.parent().unwrap()).unwrap();
    let (index, report) = corpus::load_with(
        &Input::Paths(vec![dir.to_path_buf()]),
        &Progress::default(),
        Some(cache),
    );
    (index, report.unwrap())
}

fn cache_file(dir: &Path) -> PathBuf {
    dir.join(".dossier/cache.bin")
}

#[test]
fn unchanged_files_come_from_the_cache() {
    let dir = corpus_dir();
    let cache = cache_file(dir.path());
    fs::create_dir_all(cache.parent().unwrap()).unwrap();
    let (cold, report) = load(dir.path(), &cache);
    assert_eq!(
        (report.reused, report.extracted, report.problem),
        (0, 8, None)
    );
    assert!(cache.exists());

    let (warm, report) = load(dir.path(), &cache);
    assert_eq!(
        (report.reused, report.extracted, report.problem),
        (8, 0, None)
    );
    assert_eq!(warm.articles, cold.articles);
    assert_eq!(warm.problems, cold.problems);
    assert_eq!(warm.sources, cold.sources);
    assert_eq!(warm.articles.len(), 11);
}

#[test]
fn a_changed_file_is_extracted_again_and_a_removed_one_dropped() {
    let dir = corpus_dir();
    let cache = cache_file(dir.path());
    fs::create_dir_all(cache.parent().unwrap()).unwrap();
    load(dir.path(), &cache);

    fs::write(
        dir.path().join("note.md"),
        "Changed text about a tram, said on Monday.",
    )
    .unwrap();
    fs::remove_file(dir.path().join("batch.json")).unwrap();
    let (index, report) = load(dir.path(), &cache);
    assert_eq!((report.reused, report.extracted), (6, 1));
    let note = index
        .articles
        .iter()
        .find(|a| a.origin.path.ends_with("note.md"))
        .unwrap();
    assert_eq!(note.text, "Changed text about a tram, said on Monday.");
    assert_eq!(index.articles.len(), 9);

    let (_, report) = load(dir.path(), &cache);
    assert_eq!((report.reused, report.extracted), (7, 0));
}

#[test]
fn a_corrupt_cache_is_ignored_and_rebuilt() {
    let dir = corpus_dir();
    let cache = cache_file(dir.path());
    fs::create_dir_all(cache.parent().unwrap()).unwrap();
    let (cold, _) = load(dir.path(), &cache);

    // Truncated in the middle of an entry.
    let bytes = fs::read(&cache).unwrap();
    fs::write(&cache, &bytes[..bytes.len() / 2]).unwrap();
    let (index, report) = load(dir.path(), &cache);
    assert_eq!(
        report.problem.as_deref(),
        Some("cache ignored and rebuilt: truncated cache file")
    );
    assert_eq!(index.articles, cold.articles);

    // Garbage.
    fs::write(&cache, b"not a cache at all").unwrap();
    let (_, report) = load(dir.path(), &cache);
    assert_eq!(
        report.problem.as_deref(),
        Some("cache ignored and rebuilt: not a dossier cache file")
    );
    let (_, report) = load(dir.path(), &cache);
    assert_eq!((report.reused, report.problem), (8, None));
}

#[test]
fn a_save_killed_midway_leaves_nothing_behind_and_a_save_under_way_is_left_alone() {
    let dir = corpus_dir();
    let cache = cache_file(dir.path());
    let (cold, _) = load(dir.path(), &cache);
    // What a process killed while writing the cache leaves: temporary files named after it.
    let stale = [
        cache.with_file_name(".cache.bin.4242.tmp"),
        cache.with_file_name(".cache.views.4243.tmp"),
    ];
    for path in &stale {
        fs::write(path, b"half a cache").unwrap();
    }
    fs::remove_file(&cache).unwrap();
    let (index, report) = load(dir.path(), &cache);
    assert_eq!((report.extracted, report.problem), (8, None));
    assert_eq!(index.articles, cold.articles);
    for path in &stale {
        assert!(!path.exists(), "{} removed", path.display());
    }

    // Another dossier writing the cache holds its lock: this one leaves the files alone.
    let lock = fs::File::create(cache.with_file_name("cache.bin.lock")).unwrap();
    lock.lock().unwrap();
    fs::remove_file(&cache).unwrap();
    fs::write(&stale[0], b"being written").unwrap();
    let (_, report) = load(dir.path(), &cache);
    assert_eq!(
        report.problem,
        Some(format!(
            "the cache {} is being written by another dossier; not written",
            cache.display()
        ))
    );
    assert!(!cache.exists());
    assert_eq!(fs::read(&stale[0]).unwrap(), b"being written");
    lock.unlock().unwrap();
    let (_, report) = load(dir.path(), &cache);
    assert_eq!((report.extracted, report.problem), (8, None));
    assert!(cache.exists() && !stale[0].exists());
}

#[test]
fn the_cache_lives_in_the_corpus_data_folder() {
    let dir = corpus_dir();
    assert_eq!(
        dossier::cache::location(&[dir.path().to_path_buf()]),
        Some(cache_file(dir.path()))
    );
    // The data folder is skipped when the corpus is walked.
    let cache = cache_file(dir.path());
    load(dir.path(), &cache);
    fs::write(dir.path().join(".dossier/stray.txt"), "Not an article.").unwrap();
    let (index, _) = load(dir.path(), &cache);
    assert_eq!(index.articles.len(), 11);
}

fn views_file(dir: &Path) -> PathBuf {
    dir.join(".dossier/cache.views")
}

/// The index a load without any cache gives: extracted and built from scratch.
fn uncached(dir: &Path) -> Index {
    corpus::load(&Input::Paths(vec![dir.to_path_buf()]), &Progress::default())
}

#[test]
fn a_warm_reopen_takes_the_stored_views_and_equals_a_cold_build() {
    let dir = corpus_dir();
    let cache = cache_file(dir.path());
    let (cold, _) = load(dir.path(), &cache);
    let views = views_file(dir.path());
    let written = fs::metadata(&views).unwrap().modified().unwrap();

    let (warm, report) = load(dir.path(), &cache);
    assert_eq!((report.reused, report.problem), (8, None));
    // Taken, not built and written again.
    assert_eq!(fs::metadata(&views).unwrap().modified().unwrap(), written);
    assert!(!warm.actors.is_empty() && !warm.timeline.is_empty());
    assert!(!warm.quote_groups.is_empty());
    assert_eq!(warm, cold);
    let mut fresh = uncached(dir.path());
    fresh.sources = cold.sources.clone();
    assert_eq!(warm, fresh);
}

#[test]
fn changed_overrides_build_the_views_again() {
    let dir = corpus_dir();
    let cache = cache_file(dir.path());
    let (cold, _) = load(dir.path(), &cache);
    let name = cold.actors[0].name.clone();
    fs::write(
        dir.path().join("dossier.toml"),
        format!("[rename]\n\"{name}\" = \"Someone Renamed\"\n"),
    )
    .unwrap();

    let (warm, report) = load(dir.path(), &cache);
    assert_eq!((report.reused, report.problem), (8, None));
    assert!(warm.actors.iter().any(|a| a.name == "Someone Renamed"));
    assert!(!warm.actors.iter().any(|a| a.name == name));
    let mut fresh = uncached(dir.path());
    fresh.sources = warm.sources.clone();
    assert_eq!(warm, fresh);
    // And the views built with the overrides are the ones stored now.
    let (again, _) = load(dir.path(), &cache);
    assert_eq!(again, warm);
}

#[test]
fn corrupt_stored_views_are_ignored_and_rebuilt() {
    let dir = corpus_dir();
    let cache = cache_file(dir.path());
    let (cold, _) = load(dir.path(), &cache);
    let views = views_file(dir.path());

    // One byte of the views changed (the last byte of the last part, before the 8-byte end
    // marker): that part's checksum no longer matches.
    let mut bytes = fs::read(&views).unwrap();
    let last = bytes.len() - 9;
    bytes[last] ^= 0x5a;
    fs::write(&views, &bytes).unwrap();
    let (index, report) = load(dir.path(), &cache);
    assert_eq!(
        report.problem.as_deref(),
        Some("stored views ignored and rebuilt: views do not match their checksum")
    );
    assert_eq!(index, cold);

    // Truncated, then garbage.
    fs::write(&views, &bytes[..bytes.len() / 2]).unwrap();
    let (index, report) = load(dir.path(), &cache);
    assert_eq!(
        report.problem.as_deref(),
        Some("stored views ignored and rebuilt: truncated cache file")
    );
    assert_eq!(index, cold);
    fs::write(&views, b"no views here").unwrap();
    let (_, report) = load(dir.path(), &cache);
    assert_eq!(
        report.problem.as_deref(),
        Some("stored views ignored and rebuilt: not a dossier views file")
    );

    // Rebuilt and written again each time: the next reopen takes them.
    let (index, report) = load(dir.path(), &cache);
    assert_eq!((report.reused, report.problem), (8, None));
    assert_eq!(index, cold);
}

#[test]
fn stored_views_pointing_past_the_corpus_are_ignored_and_rebuilt() {
    let dir = corpus_dir();
    let cache = cache_file(dir.path());
    let (cold, _) = load(dir.path(), &cache);
    let path = views_file(dir.path());
    // Well-formed, with a matching checksum and key, but naming a timeline entry that does
    // not exist.
    let stored = dossier::cache::read_views::<Views>(&path).unwrap().unwrap();
    let a = cold
        .articles
        .iter()
        .position(|a| a.events().next().is_some())
        .unwrap();
    let mut bad = cold.clone();
    bad.entry_of[a][0] = cold.timeline.len() as u32;
    dossier::cache::write_views(&path, stored.key, &bad.views()).unwrap();

    let (index, report) = load(dir.path(), &cache);
    assert_eq!(
        report.problem.as_deref(),
        Some("stored views ignored and rebuilt: the stored views point to items that do not exist")
    );
    assert_eq!(index, cold);
}
