//! Ingest: turning files into articles (text kept byte for byte, metadata, layout).
//!
//! Reading never stops at a bad file: each problem is reported with the file (and record)
//! it concerns, and the other files still load.

pub mod boilerplate;
pub mod dateline;
pub mod decode;
pub mod html;
pub mod json;
pub mod metadata;
pub mod sample;
pub mod walk;

use std::fmt;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

use crate::article::packed::Packed;
use crate::article::{Article, DateEvidence, DateSource, Field, Meta, Origin, content_hash};
use crate::layout::{Layout, PackedLayout};
use crate::segment;
use walk::{Format, SourceFile, io_message};

/// Largest text accepted for one article (16 MiB). News articles are a few kilobytes; a
/// larger "article" is a dump that should be split, and refusing it keeps memory and
/// extraction time bounded.
pub const MAX_ARTICLE_BYTES: usize = 16 << 20;

/// Largest JSON document read whole (2 GiB); JSON Lines files are streamed with no limit.
pub const MAX_FILE_BYTES: usize = 2 << 30;

/// Something wrong with an input: which file (and record), and what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// The file (or folder) concerned.
    pub path: PathBuf,
    /// The record or line within the file, when it concerns one.
    pub record: Option<usize>,
    /// What is wrong, in a few words.
    pub message: String,
    /// True when the file or record was still loaded (a warning), false when it was skipped.
    pub loaded: bool,
}

impl Problem {
    /// A problem that stopped a whole file or folder from loading.
    pub fn file(path: &Path, message: String) -> Self {
        Problem {
            path: path.to_path_buf(),
            record: None,
            message,
            loaded: false,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(r) = self.record {
            write!(f, ":{r}")?;
        }
        write!(f, ": {}", self.message)?;
        if !self.loaded {
            write!(f, " (skipped)")?;
        }
        Ok(())
    }
}

/// An article as read, before its text is analysed.
#[derive(Debug, Clone)]
pub struct Draft {
    /// Where it came from.
    pub origin: Origin,
    /// The text.
    pub text: String,
    /// Metadata given by the file format.
    pub meta: Meta,
}

/// What reading one file produced.
#[derive(Debug, Default)]
pub struct FileRead {
    /// The articles, in file order.
    pub drafts: Vec<Draft>,
    /// Problems, in file order.
    pub problems: Vec<Problem>,
    /// xxh3 hash of the file's bytes as stored (0 when it could not be read).
    pub hash: u64,
}

impl FileRead {
    fn problem(&mut self, file: &Path, record: Option<usize>, message: String, loaded: bool) {
        self.problems.push(Problem {
            path: file.to_path_buf(),
            record,
            message,
            loaded,
        });
    }
}

/// Reads one file into drafts. Never panics; every failure becomes a [`Problem`].
pub fn read_file(file: &SourceFile) -> FileRead {
    let mut out = FileRead::default();
    let mut hasher = Xxh3::new();
    match File::open(&file.path) {
        Ok(f) => {
            let raw = Hashing {
                inner: f,
                hasher: &mut hasher,
            };
            let reader: Box<dyn Read + '_> = if file.gzip {
                Box::new(flate2::read::MultiGzDecoder::new(raw))
            } else {
                Box::new(raw)
            };
            read_content(file, reader, &mut out);
        }
        Err(e) => out.problem(&file.path, None, io_message(&e), false),
    }
    out.hash = hasher.digest();
    out
}

/// The xxh3 hash of a file's bytes, read in a stream (the same value as [`FileRead::hash`]).
pub fn hash_file(path: &Path) -> std::io::Result<u64> {
    let mut hasher = Xxh3::new();
    let mut reader = Hashing {
        inner: File::open(path)?,
        hasher: &mut hasher,
    };
    std::io::copy(&mut reader, &mut std::io::sink())?;
    Ok(hasher.digest())
}

/// A reader that hashes the bytes passing through it.
struct Hashing<'h, R> {
    inner: R,
    hasher: &'h mut Xxh3,
}

impl<R: Read> Read for Hashing<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }
}

fn read_content(file: &SourceFile, reader: Box<dyn Read + '_>, out: &mut FileRead) {
    let path = &file.path;
    if file.format == Format::JsonLines {
        read_json_lines(path, reader, out);
        return;
    }
    let limit = match file.format {
        Format::Json => MAX_FILE_BYTES,
        _ => MAX_ARTICLE_BYTES * 4,
    };
    let mut bytes = Vec::new();
    if let Err(e) = reader.take(limit as u64 + 1).read_to_end(&mut bytes) {
        out.problem(
            path,
            None,
            format!("cannot read: {}", io_message(&e)),
            false,
        );
        return;
    }
    if bytes.len() > limit {
        let message = format!("file is over the {} limit for this format", size(limit));
        out.problem(path, None, message, false);
        return;
    }
    let decoded = match decode::decode(bytes) {
        Ok(d) => d,
        Err(refused) => {
            out.problem(path, None, refused.to_string(), false);
            return;
        }
    };
    if let Some(w) = decoded.warning {
        out.problem(path, None, w, true);
    }
    let origin = Origin {
        path: path.clone(),
        record: None,
    };
    match file.format {
        Format::Text => push_draft(out, origin, decoded.text, Meta::default()),
        Format::Html => {
            let page = html::parse(&decoded.text);
            if page.text.is_empty() {
                out.problem(
                    path,
                    None,
                    "no article text found in the HTML".into(),
                    false,
                );
            } else {
                let meta = page_meta(&page);
                push_draft(out, origin, page.text, meta);
            }
        }
        Format::Json => match json::parse_document(&decoded.text) {
            Ok(records) => {
                let numbered = records.len() > 1;
                for (i, record) in records.into_iter().enumerate() {
                    let n = numbered.then_some(i + 1);
                    push_record(out, path, n, record);
                }
            }
            Err(message) => out.problem(path, None, message, false),
        },
        Format::JsonLines => unreachable!("handled above"),
    }
}

/// Adds an article unless its text is blank or over [`MAX_ARTICLE_BYTES`].
fn push_draft(out: &mut FileRead, origin: Origin, text: String, meta: Meta) {
    let refusal = if text.trim().is_empty() {
        Some("no text (only whitespace)".to_string())
    } else if text.len() > MAX_ARTICLE_BYTES {
        Some(format!(
            "article text is {}, over the {} limit for one article (split the file into articles)",
            size(text.len()),
            size(MAX_ARTICLE_BYTES)
        ))
    } else {
        None
    };
    match refusal {
        Some(message) => out.problem(&origin.path, origin.record, message, false),
        None => out.drafts.push(Draft { origin, text, meta }),
    }
}

/// A byte count for messages: "16 MiB", "104.9 MB".
fn size(bytes: usize) -> String {
    if bytes.is_multiple_of(1 << 20) {
        format!("{} MiB", bytes >> 20)
    } else {
        format!("{:.1} MB", bytes as f64 / 1e6)
    }
}

fn push_record(
    out: &mut FileRead,
    path: &Path,
    n: Option<usize>,
    record: Result<json::Record, String>,
) {
    match record {
        Ok(r) => {
            for w in r.warnings {
                out.problem(path, n, w, true);
            }
            let origin = Origin {
                path: path.to_path_buf(),
                record: n,
            };
            push_draft(out, origin, r.text, r.meta);
        }
        Err(message) => out.problem(path, n, message, false),
    }
}

/// Streams a JSON Lines file line by line, so files of any size can be read.
fn read_json_lines(path: &Path, reader: Box<dyn Read + '_>, out: &mut FileRead) {
    let mut records = Vec::new();
    for_each_line(path, reader, &mut out.problems, |n, line| {
        records.push((n, json::parse_line(line)));
    });
    for (n, record) in records {
        push_record(out, path, Some(n), record);
    }
}

/// Calls `f` with the 1-based number and text of each non-blank line of a JSON Lines stream
/// (invalid UTF-8 replaced, with a warning); read errors and an empty stream are reported.
pub fn for_each_line(
    path: &Path,
    reader: impl Read,
    problems: &mut Vec<Problem>,
    mut f: impl FnMut(usize, &str),
) {
    let mut reader = BufReader::with_capacity(1 << 20, reader);
    let mut line = Vec::new();
    let mut n = 0;
    let problem = |record, message: String, loaded| Problem {
        path: path.to_path_buf(),
        record,
        message,
        loaded,
    };
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                let message = format!("cannot read: {}", io_message(&e));
                problems.push(problem(Some(n + 1), message, false));
                break;
            }
        }
        n += 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match std::str::from_utf8(&line) {
            Ok(text) => f(n, text),
            Err(_) => {
                let message = "not valid UTF-8; invalid bytes replaced".to_string();
                problems.push(problem(Some(n), message, true));
                f(n, &String::from_utf8_lossy(&line));
            }
        }
    }
    if n == 0 {
        problems.push(problem(None, decode::Refused::Empty.to_string(), false));
    }
}

/// Opens a file for reading, decompressing `.gz` files.
pub fn open(file: &SourceFile) -> std::io::Result<Box<dyn Read>> {
    let f = File::open(&file.path)?;
    Ok(if file.gzip {
        Box::new(flate2::read::MultiGzDecoder::new(f))
    } else {
        Box::new(f)
    })
}

fn page_meta(page: &html::Page) -> Meta {
    let mut meta = Meta {
        title: page.title.clone().map(Field::given),
        authors: page.authors.iter().cloned().map(Field::given).collect(),
        source: page.source.clone().map(Field::given),
        url: page.url.clone(),
        ..Meta::default()
    };
    if let Some(date) = page.date {
        meta.add_date(DateEvidence {
            date,
            source: DateSource::Field,
            span: None,
        });
    }
    meta
}

/// Analyses a draft's text: metadata and boilerplate from the text, paragraphs and sentences.
/// The extraction is left empty (see [`crate::extract`]).
pub fn article(draft: Draft) -> Article {
    article_and_layout(draft).0
}

/// [`article`], with its layout also as the plain [`Layout`] the extractors read (so that
/// extracting right after does not decode what was just encoded).
pub fn article_and_layout(draft: Draft) -> (Article, Layout) {
    let Draft {
        origin,
        text,
        mut meta,
    } = draft;
    let paragraphs = segment::paragraphs(&text);
    let marks = metadata::read(&text, &paragraphs, &mut meta);
    let layout = segment::layout(&text, &paragraphs, &marks);
    meta.dates.shrink_to_fit();
    meta.authors.shrink_to_fit();
    let article = Article {
        hash: content_hash(&text),
        origin,
        text,
        meta: Box::new(meta),
        layout: PackedLayout::encode(&layout),
        packed: Packed::default(),
    };
    (article, layout)
}

/// The bundled sample corpus as drafts.
pub fn sample_drafts() -> Vec<Draft> {
    sample::SAMPLES
        .iter()
        .map(|(name, text)| Draft {
            origin: Origin {
                path: Path::new(sample::SAMPLE_DIR).join(name),
                record: None,
            },
            text: text.to_string(),
            meta: Meta::default(),
        })
        .collect()
}
