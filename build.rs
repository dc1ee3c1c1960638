//! Computes a fingerprint of everything that shapes extraction output (extractor, ingest and
//! data-model sources, and assets), so the on-disk cache is invalidated whenever the
//! extractor changes; and a second one adding the index sources, for the cached corpus views.

use std::fs;
use std::path::{Path, PathBuf};

const INPUTS: &[&str] = &[
    "src/extract",
    "src/ingest",
    "src/segment.rs",
    "src/layout.rs",
    "src/article.rs",
    "src/article",
    "src/span.rs",
    "assets",
];

/// What else shapes the corpus views built over extracted articles.
const VIEWS: &str = "src/index";

fn files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = fs::read_dir(path)
            .into_iter()
            .flatten()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for entry in entries {
            files(&entry, out);
        }
    } else if path.is_file() {
        out.push(path.to_path_buf());
    }
}

/// FNV-1a, 64 bits: enough to tell versions apart, and needs no dependency.
fn fnv(hash: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *hash ^= u64::from(b);
        *hash = hash.wrapping_mul(0x100_0000_01b3);
    }
}

/// Adds every file under `inputs` (path and content) to `hash`, and asks for a rerun when one
/// changes.
fn add(hash: &mut u64, inputs: &[&str]) {
    let mut all = Vec::new();
    for input in inputs {
        println!("cargo:rerun-if-changed={input}");
        files(Path::new(input), &mut all);
    }
    for path in &all {
        fnv(hash, path.to_string_lossy().as_bytes());
        fnv(hash, &fs::read(path).unwrap_or_default());
    }
}

fn main() {
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    add(&mut hash, INPUTS);
    println!("cargo:rustc-env=DOSSIER_EXTRACTOR={version}-{hash:016x}");
    add(&mut hash, &[VIEWS]);
    println!("cargo:rustc-env=DOSSIER_VIEWS={version}-{hash:016x}");
}
