//! Computes a fingerprint of everything that shapes extraction output (extractor, ingest and
//! data-model sources, and assets), so the on-disk cache is invalidated whenever the
//! extractor changes.

use std::fs;
use std::path::{Path, PathBuf};

const INPUTS: &[&str] = &[
    "src/extract",
    "src/ingest",
    "src/segment.rs",
    "src/layout.rs",
    "src/article.rs",
    "src/span.rs",
    "assets",
];

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

fn main() {
    let mut all = Vec::new();
    for input in INPUTS {
        println!("cargo:rerun-if-changed={input}");
        files(Path::new(input), &mut all);
    }
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    for path in &all {
        fnv(&mut hash, path.to_string_lossy().as_bytes());
        fnv(&mut hash, &fs::read(path).unwrap_or_default());
    }
    println!(
        "cargo:rustc-env=DOSSIER_EXTRACTOR={}-{hash:016x}",
        std::env::var("CARGO_PKG_VERSION").unwrap_or_default()
    );
}
