//! The on-disk cache of extracted articles, so an unchanged corpus reopens without
//! re-extraction.
//!
//! One file per corpus: a header naming the format and the extractor fingerprint, then one
//! length-prefixed entry per source file (keyed by path, size, modification time and content
//! hash), then an end marker. Entries are read one at a time, so memory stays close to the
//! size of the articles themselves. A cache that cannot be read is ignored (and rebuilt);
//! it is written to a temporary file and renamed into place, so it is never half-written.
//!
//! Beside it, a second file holds the corpus views built over those articles (actors,
//! timeline, quotation groups), keyed by what they were built from: the sources in order,
//! the overrides and the index version. They are stored as one part per list, each with its
//! checksum, and read back part by part. A warm reopen takes them instead of building them
//! again; views that do not match, or fail a checksum, are ignored and rebuilt.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use rayon::iter::{ParallelBridge, ParallelIterator};
use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::atomic;
use crate::ingest::Problem;
use crate::ingest::walk::DATA_DIR;

/// Identifies cache files.
const MAGIC: &[u8; 14] = b"DOSSIER-CACHE\n";
/// Version of the cache layout itself (2: each article's extraction stored packed, as it
/// is held in memory; 3: its layout too).
const FORMAT: u32 = 3;
/// Marks the end of the entries (no entry is this long).
const END: u64 = u64::MAX;
/// Identifies stored views.
const VIEWS_MAGIC: &[u8; 14] = b"DOSSIER-VIEWS\n";
/// Version of the stored views layout (2: one checksummed part per list).
const VIEWS_FORMAT: u32 = 2;
/// Largest entry accepted when reading (guards against a corrupt length).
const MAX_ENTRY: u64 = 8 << 30;

/// The fingerprint of the extractor that produced cached articles (see `build.rs`).
pub const EXTRACTOR: &str = env!("DOSSIER_EXTRACTOR");

/// The fingerprint of the extractor and of the code building the views (see `build.rs`).
pub const VIEWS: &str = env!("DOSSIER_VIEWS");

/// A file's identity for the cache: size, modification time and content hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// Size in bytes.
    pub size: u64,
    /// Modification time in nanoseconds since the Unix epoch, if known.
    pub modified: Option<u128>,
    /// xxh3 hash of the file's bytes.
    pub hash: u64,
}

impl Stamp {
    /// Nanoseconds since the epoch for a modification time.
    pub fn nanos(time: Option<SystemTime>) -> Option<u128> {
        time.and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map(|d| d.as_nanos())
    }
}

/// What the cache holds for one source file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The source file.
    pub path: PathBuf,
    /// Its identity when it was extracted.
    pub stamp: Stamp,
    /// The articles extracted from it.
    pub articles: Vec<Article>,
    /// The problems met reading it.
    pub problems: Vec<Problem>,
}

/// An entry to write, borrowing from the index.
#[derive(Debug, Serialize)]
pub struct EntryRef<'a> {
    /// The source file.
    pub path: &'a Path,
    /// Its identity.
    pub stamp: Stamp,
    /// Its articles.
    pub articles: &'a [Article],
    /// Its problems.
    pub problems: &'a [Problem],
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
struct Header {
    format: u32,
    extractor: String,
}

/// What stored views were built from.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
struct ViewsHeader {
    format: u32,
    fingerprint: String,
    key: u64,
}

/// Where the cache for a set of inputs lives: `<folder>/.dossier/cache.bin` when the input is
/// one writable folder, else a file in the per-user cache folder named by the inputs.
pub fn location(inputs: &[PathBuf]) -> Option<PathBuf> {
    if let [dir] = inputs
        && dir.is_dir()
    {
        let data = dir.join(DATA_DIR);
        if fs::create_dir_all(&data).is_ok() && is_writable(&data) {
            return Some(data.join("cache.bin"));
        }
    }
    let mut key = String::new();
    for input in inputs {
        let canonical = fs::canonicalize(input).unwrap_or_else(|_| input.clone());
        key.push_str(&canonical.to_string_lossy());
        key.push('\n');
    }
    let dir = dirs::cache_dir()?.join("dossier");
    fs::create_dir_all(&dir).ok()?;
    Some(dir.join(format!(
        "{:016x}.bin",
        xxhash_rust::xxh3::xxh3_64(key.as_bytes())
    )))
}

fn is_writable(dir: &Path) -> bool {
    let probe = dir.join(format!(".probe-{}", std::process::id()));
    let ok = File::create(&probe).is_ok();
    let _ = fs::remove_file(&probe);
    ok
}

/// Reads a cache file. `Ok(None)` when there is none or it was made by another extractor
/// version (silently rebuilt); `Err` with a message when it is corrupt (ignored, rebuilt).
pub fn read(path: &Path) -> Result<Option<HashMap<PathBuf, Entry>>, String> {
    match File::open(path) {
        Ok(f) => read_from(BufReader::with_capacity(1 << 20, f)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e.to_string()),
    }
}

/// Reads a cache from a stream (see [`read`]); every article is validated. Entries are read
/// one after the other and decoded in parallel, as many at a time as there are threads.
pub fn read_from(mut reader: impl Read + Send) -> Result<Option<HashMap<PathBuf, Entry>>, String> {
    let mut magic = [0u8; MAGIC.len()];
    if reader.read_exact(&mut magic).is_err() || &magic != MAGIC {
        return Err("not a dossier cache file".into());
    }
    let mut buf = Vec::new();
    let header: Header = read_item(&mut reader, &mut buf)?.ok_or("no header")?;
    if header.format != FORMAT || header.extractor != EXTRACTOR {
        return Ok(None);
    }
    let mut failed = false;
    let raw = std::iter::from_fn(|| {
        if failed {
            return None;
        }
        let mut buf = Vec::new();
        let item = read_bytes(&mut reader, &mut buf).transpose()?;
        failed = item.is_err();
        Some(item.map(|()| buf))
    });
    raw.par_bridge()
        .map(|bytes| {
            let entry: Entry =
                postcard::from_bytes(&bytes?).map_err(|e| format!("corrupt entry: {e}"))?;
            for article in &entry.articles {
                article
                    .validate()
                    .map_err(|e| format!("corrupt entry: {e}"))?;
            }
            Ok((entry.path.clone(), entry))
        })
        .collect::<Result<HashMap<_, _>, String>>()
        .map(Some)
}

/// Reads one length-prefixed item; `None` at the end marker.
fn read_item<T: for<'de> Deserialize<'de>>(
    reader: &mut impl Read,
    buf: &mut Vec<u8>,
) -> Result<Option<T>, String> {
    if read_bytes(reader, buf)?.is_none() {
        return Ok(None);
    }
    postcard::from_bytes(buf)
        .map(Some)
        .map_err(|e| format!("corrupt entry: {e}"))
}

/// Reads the bytes of one length-prefixed item into `buf`; `None` at the end marker.
fn read_bytes(reader: &mut impl Read, buf: &mut Vec<u8>) -> Result<Option<()>, String> {
    let mut len = [0u8; 8];
    reader
        .read_exact(&mut len)
        .map_err(|_| "truncated cache file".to_string())?;
    let len = u64::from_le_bytes(len);
    if len == END {
        return Ok(None);
    }
    if len > MAX_ENTRY {
        return Err("corrupt entry length".into());
    }
    buf.resize(len as usize, 0);
    reader
        .read_exact(buf)
        .map_err(|_| "truncated cache file".to_string())?;
    Ok(Some(()))
}

/// Writes the cache atomically (see [`atomic`]).
pub fn write<'a>(path: &Path, entries: impl IntoIterator<Item = EntryRef<'a>>) -> io::Result<()> {
    atomic::write_from(path, |out| {
        out.write_all(MAGIC)?;
        let header = Header {
            format: FORMAT,
            extractor: EXTRACTOR.to_string(),
        };
        write_item(out, &header)?;
        for entry in entries {
            write_item(out, &entry)?;
        }
        out.write_all(&END.to_le_bytes())
    })
}

/// Where the views stored with the cache file `cache` live.
pub fn views_location(cache: &Path) -> PathBuf {
    cache.with_extension("views")
}

/// Views read back, with the key they were stored under (see [`write_views`]).
#[derive(Debug)]
pub struct StoredViews<T> {
    /// What they were built from.
    pub key: u64,
    /// The views.
    pub views: T,
}

/// Views that can be stored as a sequence of parts (one per list), each written on its own,
/// so only one part's encoded bytes are held in memory at a time.
pub trait StoreParts {
    /// Writes every part, in order.
    fn write_parts(&self, out: &mut PartWriter<'_>) -> io::Result<()>;
}

/// Views that can be read back part by part (see [`StoreParts`]).
pub trait LoadParts: Sized {
    /// Reads every part, in the order written.
    fn read_parts(input: &mut PartReader<'_>) -> Result<Self, String>;
}

/// Writes the parts of stored views: each one length-prefixed, with its checksum.
pub struct PartWriter<'a> {
    out: &'a mut BufWriter<File>,
}

impl PartWriter<'_> {
    /// Writes one part, a list.
    pub fn part<T: Serialize>(&mut self, value: &[T]) -> io::Result<()> {
        let bytes = postcard::to_stdvec(value).map_err(io::Error::other)?;
        let sum = xxhash_rust::xxh3::xxh3_64(&bytes);
        self.out
            .write_all(&(8 + bytes.len() as u64).to_le_bytes())?;
        self.out.write_all(&sum.to_le_bytes())?;
        self.out.write_all(&bytes)
    }
}

/// Reads the parts of stored views back, checking each one's checksum before decoding it.
pub struct PartReader<'a> {
    input: &'a mut BufReader<File>,
    buf: Vec<u8>,
}

impl PartReader<'_> {
    /// Reads the next part, a list written by [`PartWriter::part`], into a list of exactly
    /// its length (decoding it as a whole would grow the list by doubling: up to twice the
    /// memory for the largest lists).
    pub fn list<T: for<'de> Deserialize<'de>>(&mut self) -> Result<Vec<T>, String> {
        read_bytes(self.input, &mut self.buf)?.ok_or("views end early")?;
        let checked = self
            .buf
            .split_first_chunk::<8>()
            .filter(|(sum, bytes)| u64::from_le_bytes(**sum) == xxhash_rust::xxh3::xxh3_64(bytes));
        let (_, bytes) = checked.ok_or("views do not match their checksum")?;
        let corrupt = |e: postcard::Error| format!("corrupt views: {e}");
        let (len, mut rest) = postcard::take_from_bytes::<u64>(bytes).map_err(corrupt)?;
        // Every item takes at least one byte, which bounds the length of a valid list.
        if len > rest.len() as u64 {
            return Err("corrupt views: a list longer than its bytes".into());
        }
        let mut list = Vec::with_capacity(len as usize);
        for _ in 0..len {
            let (item, after) = postcard::take_from_bytes(rest).map_err(corrupt)?;
            list.push(item);
            rest = after;
        }
        if !rest.is_empty() {
            return Err("corrupt views: bytes left after a list".into());
        }
        Ok(list)
    }
}

/// Reads stored views. `Ok(None)` when there are none, or they were built by another version;
/// `Err` with a message when they are corrupt. Whether they fit the corpus is the caller's to
/// check, by their key.
pub fn read_views<T: LoadParts>(path: &Path) -> Result<Option<StoredViews<T>>, String> {
    let mut reader = match File::open(path) {
        Ok(f) => BufReader::with_capacity(1 << 20, f),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.to_string()),
    };
    let mut magic = [0u8; VIEWS_MAGIC.len()];
    if reader.read_exact(&mut magic).is_err() || &magic != VIEWS_MAGIC {
        return Err("not a dossier views file".into());
    }
    let mut buf = Vec::new();
    let header: ViewsHeader = read_item(&mut reader, &mut buf)?.ok_or("no header")?;
    if header.format != VIEWS_FORMAT || header.fingerprint != VIEWS {
        return Ok(None);
    }
    let mut parts = PartReader {
        input: &mut reader,
        buf,
    };
    let views = T::read_parts(&mut parts)?;
    if read_bytes(&mut reader, &mut Vec::new())?.is_some() {
        return Err("views file has more parts than expected".into());
    }
    Ok(Some(StoredViews {
        key: header.key,
        views,
    }))
}

/// Stores `views` under `key` (what they were built from) atomically, part by part, each
/// with a checksum.
pub fn write_views(path: &Path, key: u64, views: &impl StoreParts) -> io::Result<()> {
    let header = ViewsHeader {
        format: VIEWS_FORMAT,
        fingerprint: VIEWS.to_string(),
        key,
    };
    atomic::write_from(path, |out| {
        out.write_all(VIEWS_MAGIC)?;
        write_item(out, &header)?;
        views.write_parts(&mut PartWriter { out })?;
        out.write_all(&END.to_le_bytes())
    })
}

fn write_item(out: &mut impl Write, item: &impl Serialize) -> io::Result<()> {
    let bytes = postcard::to_stdvec(item).map_err(io::Error::other)?;
    out.write_all(&(bytes.len() as u64).to_le_bytes())?;
    out.write_all(&bytes)
}
