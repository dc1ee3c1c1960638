//! Finding the article files named on the command line: files as given, folders walked
//! recursively in name order, hidden entries and dossier's own data folder skipped.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::ingest::Problem;

/// The name of dossier's data folder inside a corpus (review file, cache).
pub const DATA_DIR: &str = ".dossier";

/// How a file's content is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text or Markdown: one article.
    Text,
    /// An HTML page: one article.
    Html,
    /// A JSON document: one article or an array of them.
    Json,
    /// JSON Lines: one article per line.
    JsonLines,
}

/// A file to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Path as reached from the input.
    pub path: PathBuf,
    /// How to read it.
    pub format: Format,
    /// True when the file is gzip-compressed (`.gz`).
    pub gzip: bool,
    /// Size in bytes on disk.
    pub size: u64,
    /// Last modification time, when the file system reports one.
    pub modified: Option<SystemTime>,
}

/// The format for a file name, from its extension (ignoring a trailing `.gz`).
pub fn format_of(path: &Path) -> Option<(Format, bool)> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let (name, gzip) = match name.strip_suffix(".gz") {
        Some(inner) => (inner.to_string(), true),
        None => (name, false),
    };
    let ext = name.rsplit_once('.')?.1;
    let format = match ext {
        "txt" | "text" | "md" | "markdown" => Format::Text,
        "html" | "htm" | "xhtml" => Format::Html,
        "json" => Format::Json,
        "jsonl" | "ndjson" => Format::JsonLines,
        _ => return None,
    };
    Some((format, gzip))
}

/// Expands the inputs into the files to read, in a deterministic order, with a problem for
/// each input or entry that cannot be used.
pub fn discover(inputs: &[PathBuf]) -> (Vec<SourceFile>, Vec<Problem>) {
    let mut walk = Walk::default();
    for input in inputs {
        match fs::metadata(input) {
            Ok(meta) if meta.is_dir() => walk.dir(input),
            Ok(meta) => {
                // A file named explicitly is read even without a known extension (as text).
                let (format, gzip) = format_of(input).unwrap_or((Format::Text, false));
                walk.file(input, format, gzip, &meta);
            }
            Err(e) => walk.problems.push(Problem::file(input, io_message(&e))),
        }
    }
    (walk.files, walk.problems)
}

/// A short, user-facing description of an I/O error.
pub fn io_message(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "no such file or folder".into(),
        PermissionDenied => "permission denied".into(),
        _ if e.raw_os_error() == Some(40) => {
            "too many levels of symbolic links (a symlink loop)".into()
        }
        _ => e.to_string(),
    }
}

#[derive(Default)]
struct Walk {
    files: Vec<SourceFile>,
    problems: Vec<Problem>,
    seen_files: HashSet<PathBuf>,
    seen_dirs: HashSet<PathBuf>,
}

impl Walk {
    fn file(&mut self, path: &Path, format: Format, gzip: bool, meta: &fs::Metadata) {
        let key = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if !self.seen_files.insert(key) {
            return;
        }
        self.files.push(SourceFile {
            path: path.to_path_buf(),
            format,
            gzip,
            size: meta.len(),
            modified: meta.modified().ok(),
        });
    }

    fn dir(&mut self, dir: &Path) {
        // Canonical paths catch symlinked folders that lead back up the tree.
        let Ok(canonical) = fs::canonicalize(dir) else {
            self.problems
                .push(Problem::file(dir, "cannot resolve folder path".to_string()));
            return;
        };
        if !self.seen_dirs.insert(canonical) {
            return;
        }
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                self.problems.push(Problem::file(dir, io_message(&e)));
                return;
            }
        };
        let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for path in entries {
            let hidden = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_none_or(|n| n.starts_with('.') || n == DATA_DIR);
            if hidden {
                continue;
            }
            match fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => self.dir(&path),
                Ok(meta) => {
                    if let Some((format, gzip)) = format_of(&path) {
                        self.file(&path, format, gzip, &meta);
                    }
                }
                Err(e) => {
                    // Only report entries that would have been read.
                    let is_link = fs::symlink_metadata(&path).is_ok_and(|m| m.is_symlink());
                    if is_link || format_of(&path).is_some() {
                        self.problems.push(Problem::file(&path, io_message(&e)));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(format_of(Path::new("a/b.TXT")), Some((Format::Text, false)));
        assert_eq!(
            format_of(Path::new("x.jsonl.gz")),
            Some((Format::JsonLines, true))
        );
        assert_eq!(format_of(Path::new("x.htm")), Some((Format::Html, false)));
        assert_eq!(format_of(Path::new("x.pdf")), None);
        assert_eq!(format_of(Path::new("README")), None);
    }
}
