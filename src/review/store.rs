//! The review file: where it lives, its JSON format, reading it (a file that cannot be read
//! is moved aside, never overwritten) and saving it (atomically, merging the work of another
//! instance saved in between).
//!
//! Two instances on one corpus merge on save rather than lock each other out: each save
//! takes a short lock (`<file>.lock`, held only while saving), reads the file, and when
//! another instance changed it since this one last read or wrote it, replays this
//! instance's unsaved edits onto that file before writing. Both keep working and neither
//! loses decisions; when both change the same item, the later save wins.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::atomic;
use crate::corpus::Input;
use crate::ingest::walk::DATA_DIR;
use crate::review::{Correction, Decision, Edit, ItemKey, Review};

/// The review file's name in a corpus folder's `.dossier/`.
pub const FILE_NAME: &str = "review.json";
/// The `format` field of a review file.
pub const FORMAT: &str = "dossier-review";
/// The newest format version this build reads and the one it writes.
pub const VERSION: u32 = 1;
/// How long a save waits for another instance's save to finish.
const LOCK_WAIT: Duration = Duration::from_secs(3);

/// The review file as written.
#[derive(Debug, Serialize, Deserialize)]
struct FileData {
    format: String,
    version: u32,
    #[serde(default)]
    decisions: std::collections::BTreeMap<ItemKey, Decision>,
    #[serde(default)]
    corrections: Vec<Correction>,
}

/// Just enough of a file to tell whether it is a review file this build can read.
#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    version: Option<u32>,
}

/// Parses a review file. The error says what is wrong (and where, for JSON errors).
pub fn parse(bytes: &[u8]) -> Result<Review, String> {
    let header: Header =
        serde_json::from_slice(bytes).map_err(|e| format!("not a review file: {e}"))?;
    if header.format.as_deref() != Some(FORMAT) {
        return Err(format!(
            "not a review file (its \"format\" is not \"{FORMAT}\")"
        ));
    }
    match header.version {
        Some(v) if v > VERSION => {
            return Err(format!(
                "written by a newer dossier (format version {v}; this one reads {VERSION})"
            ));
        }
        None | Some(0) => return Err("no format version".into()),
        _ => {}
    }
    let data: FileData = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    Ok(Review {
        decisions: data.decisions,
        corrections: data.corrections,
    })
}

/// The review as the file's JSON text.
pub fn to_json(review: &Review) -> String {
    let data = FileData {
        format: FORMAT.into(),
        version: VERSION,
        decisions: review.decisions.clone(),
        corrections: review.corrections.clone(),
    };
    let mut text = serde_json::to_string_pretty(&data).expect("a review serialises");
    text.push('\n');
    text
}

/// Where the review of a corpus is kept, and what the app should say about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The review file.
    pub path: PathBuf,
    /// Why it is not beside the corpus, when it is not.
    pub note: Option<String>,
}

/// The review file of `input`: `file` when given; else `<folder>/.dossier/review.json` for
/// one folder that can be written; else a file in the per-user data folder named after the
/// inputs (read-only corpus, several paths, files, or the bundled sample).
pub fn locate(input: &Input, file: Option<&Path>) -> Location {
    if let Some(file) = file {
        return Location {
            path: file.to_path_buf(),
            note: None,
        };
    }
    let paths: &[PathBuf] = match input {
        Input::Sample => &[],
        Input::Paths(p) | Input::Extracted(p) => p,
    };
    let why = match paths {
        [dir] if dir.is_dir() => {
            let path = dir.join(DATA_DIR).join(FILE_NAME);
            if writable(&path) {
                return Location { path, note: None };
            }
            "the corpus folder is read-only"
        }
        [] => "the bundled sample corpus",
        _ => "the corpus is not one folder",
    };
    let path = fallback(input);
    let note = format!("{why}: review kept in {}", path.display());
    Location {
        path,
        note: Some(note),
    }
}

/// The review file of `input` in the per-user data folder (`~/.local/share/dossier/reviews/`
/// on Linux), named after the inputs.
pub fn fallback(input: &Input) -> PathBuf {
    let paths: &[PathBuf] = match input {
        Input::Sample => &[],
        Input::Paths(p) | Input::Extracted(p) => p,
    };
    let mut key = String::new();
    for p in paths {
        key.push_str(
            &fs::canonicalize(p)
                .unwrap_or_else(|_| p.clone())
                .to_string_lossy(),
        );
        key.push('\n');
    }
    let name = if paths.is_empty() {
        "sample.json".to_string()
    } else {
        format!("{:016x}.json", xxhash_rust::xxh3::xxh3_64(key.as_bytes()))
    };
    let dir = dirs::data_local_dir()
        .map(|d| d.join("dossier").join("reviews"))
        .unwrap_or_else(|| std::env::temp_dir().join("dossier-reviews"));
    dir.join(name)
}

/// True when the review file at `path` can be written: its folder can be created and a file
/// made in it (the lock file, which saving needs anyway).
fn writable(path: &Path) -> bool {
    let Some(dir) = path.parent() else {
        return false;
    };
    fs::create_dir_all(dir).is_ok() && atomic::open_lock(path).is_ok()
}

/// A review read from its file, and what to tell the user about it.
#[derive(Debug, Clone)]
pub struct Opened {
    /// The review (empty when there was no file or it could not be read).
    pub review: Review,
    /// Where it is saved.
    pub store: Store,
    /// Problems to show: a file moved aside, saving disabled.
    pub problems: Vec<String>,
    /// Where the file is, when the user should be told (not beside the corpus).
    pub note: Option<String>,
}

/// Reads the review at `location`. A file that cannot be read is moved aside (the problem
/// says where) and the review starts empty; if it cannot even be moved, saving is disabled
/// for the session so that it is never overwritten.
pub fn open(location: &Location) -> Opened {
    let path = &location.path;
    let mut store = Store {
        path: path.clone(),
        base: None,
        blocked: None,
    };
    let mut problems = Vec::new();
    let review = match fs::read(path) {
        Ok(bytes) => match parse(&bytes) {
            Ok(review) => {
                store.base = Some(xxhash_rust::xxh3::xxh3_64(&bytes));
                review
            }
            Err(e) => {
                let why = format!("the review file {} cannot be read ({e})", path.display());
                match move_aside(path) {
                    Ok(aside) => problems.push(format!(
                        "{why}; it was moved to {} and a new review begins",
                        aside.display()
                    )),
                    Err(m) => {
                        let p = format!("{why} nor moved aside ({m}); decisions will not be saved");
                        store.blocked = Some(p.clone());
                        problems.push(p);
                    }
                }
                Review::default()
            }
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound => Review::default(),
        Err(e) => {
            let p = format!(
                "the review file {} cannot be read ({e}); decisions will not be saved",
                path.display()
            );
            store.blocked = Some(p.clone());
            problems.push(p);
            Review::default()
        }
    };
    Opened {
        review,
        store,
        problems,
        note: location.note.clone(),
    }
}

/// Renames an unreadable file to `<name>.unreadable-<time>` (never replacing a file) and
/// returns the new path.
fn move_aside(path: &Path) -> Result<PathBuf, String> {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S");
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let mut n = 0;
    let aside = loop {
        let suffix = if n == 0 {
            String::new()
        } else {
            format!("-{n}")
        };
        let candidate = path.with_file_name(format!("{name}.unreadable-{stamp}{suffix}"));
        if !candidate.exists() {
            break candidate;
        }
        n += 1;
    };
    fs::rename(path, &aside).map_err(|e| e.to_string())?;
    Ok(aside)
}

/// Where a review is saved, and what this instance last read or wrote there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    /// The review file.
    pub path: PathBuf,
    /// Hash of the file's bytes as last read or written by this instance.
    base: Option<u64>,
    /// Why saving is disabled, if it is.
    pub blocked: Option<String>,
}

/// What a successful save did besides writing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Saved {
    /// The review as written, when it merged work saved by another instance since.
    pub merged: Option<Review>,
    /// Something to tell the user (another instance's work merged, a file moved aside).
    pub note: Option<String>,
}

impl Store {
    /// A store for a new file at `path` (to carry a review to another place).
    pub fn new(path: PathBuf) -> Store {
        Store {
            path,
            base: None,
            blocked: None,
        }
    }

    /// Saves `review`. `pending` are the edits made since the last save: when another
    /// instance wrote the file in between, they are replayed onto its review, which is then
    /// written and returned in [`Saved::merged`]. The error says what failed; the file is
    /// then as it was.
    pub fn save(&mut self, review: &Review, pending: &[Edit]) -> Result<Saved, String> {
        if let Some(why) = &self.blocked {
            return Err(why.clone());
        }
        let shown = self.path.display();
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        let lock = atomic::open_lock(&self.path)
            .map_err(|e| format!("cannot write beside {shown}: {e}"))?;
        let start = Instant::now();
        loop {
            match lock.try_lock() {
                Ok(()) => break,
                Err(fs::TryLockError::WouldBlock) if start.elapsed() < LOCK_WAIT => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(fs::TryLockError::WouldBlock) => {
                    return Err(format!(
                        "{shown} is being saved by another dossier; not saved"
                    ));
                }
                Err(fs::TryLockError::Error(e)) => {
                    return Err(format!("cannot lock {shown}: {e}"));
                }
            }
        }
        atomic::remove_stale(&self.path);
        let mut saved = Saved::default();
        let on_disk = match fs::read(&self.path) {
            Ok(bytes) => Some(bytes),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(format!("cannot read {shown} before saving: {e}")),
        };
        let mut text = None;
        if let Some(bytes) = on_disk {
            let hash = xxhash_rust::xxh3::xxh3_64(&bytes);
            if Some(hash) != self.base {
                match parse(&bytes) {
                    Ok(mut theirs) => {
                        for e in pending {
                            theirs.apply(e);
                        }
                        if theirs != *review {
                            saved.note =
                                Some("merged with decisions saved by another dossier".into());
                        }
                        text = Some(to_json(&theirs));
                        saved.merged = Some(theirs);
                    }
                    Err(e) => {
                        let aside = move_aside(&self.path).map_err(|m| {
                            format!("{shown} was replaced by a file that cannot be read ({e}) nor moved aside ({m}); not saved")
                        })?;
                        saved.note = Some(format!(
                            "{shown} had been replaced by a file that cannot be read; it was moved to {}",
                            aside.display()
                        ));
                    }
                }
            }
        }
        let text = text.unwrap_or_else(|| to_json(review));
        atomic::write(&self.path, text.as_bytes())
            .map_err(|e| format!("cannot save {shown}: {e}"))?;
        self.base = Some(xxhash_rust::xxh3::xxh3_64(text.as_bytes()));
        Ok(saved)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::{Fix, ItemInfo, Mark};

    fn review(mark: Mark) -> Review {
        let mut r = Review::default();
        r.decisions.insert(
            ItemKey::Quote {
                article: 0xdb49bbcf741df9dc,
                item: 1,
            },
            Decision {
                mark: Some(mark),
                note: Some("Checked against the transcript.".into()),
                item: ItemInfo {
                    text: "“We’re not going to drag this out.”".into(),
                    article: Some("001.txt".into()),
                },
                updated: None,
            },
        );
        r.corrections.push(Correction {
            id: "00000000000000c1".into(),
            fix: Fix::Date {
                article: 0xdb49bbcf741df9dc,
                title: "A diplomatic rift".into(),
                date: chrono::NaiveDate::from_ymd_opt(2025, 2, 21),
            },
        });
        r
    }

    #[test]
    fn the_format_reads_back_and_rejects_what_it_cannot_read() {
        let r = review(Mark::Confirmed);
        let text = to_json(&r);
        assert!(text.contains("\"format\": \"dossier-review\""), "{text}");
        assert!(
            text.contains("\"q:db49bbcf741df9dc:0000000000000001\""),
            "{text}"
        );
        assert!(text.contains("\"mark\": \"confirmed\""), "{text}");
        assert!(text.contains("\"kind\": \"date\""), "{text}");
        assert_eq!(parse(text.as_bytes()).unwrap(), r);

        let newer = text.replace("\"version\": 1", "\"version\": 2");
        assert!(
            parse(newer.as_bytes())
                .unwrap_err()
                .contains("newer dossier")
        );
        assert!(parse(b"").unwrap_err().starts_with("not a review file"));
        assert!(parse(b"{\"format\": \"x\", \"version\": 1}").is_err());
        let bad_mark = text.replace("\"confirmed\"", "\"perhaps\"");
        assert!(parse(bad_mark.as_bytes()).unwrap_err().contains("perhaps"));
    }

    #[test]
    fn the_review_lives_beside_a_folder_corpus_or_in_the_data_folder() {
        let dir = tempfile::tempdir().unwrap();
        let folder = Input::Paths(vec![dir.path().to_path_buf()]);
        let here = locate(&folder, None);
        assert_eq!(here.path, dir.path().join(".dossier").join(FILE_NAME));
        assert_eq!(here.note, None);

        let given = dir.path().join("mine.json");
        assert_eq!(locate(&folder, Some(&given)).path, given);

        let files = Input::Paths(vec![dir.path().join("a.txt"), dir.path().join("b.txt")]);
        let elsewhere = locate(&files, None);
        assert_eq!(elsewhere.path, fallback(&files));
        assert!(elsewhere.path.to_string_lossy().contains("reviews"));
        let note = elsewhere.note.unwrap();
        assert!(
            note.starts_with("the corpus is not one folder: review kept in "),
            "{note}"
        );
        assert!(note.ends_with(&*elsewhere.path.to_string_lossy()), "{note}");
        assert_ne!(
            fallback(&files),
            fallback(&folder),
            "named after the inputs"
        );

        let sample = locate(&Input::Sample, None);
        assert!(sample.path.ends_with("sample.json"));
        assert!(
            sample
                .note
                .unwrap()
                .starts_with("the bundled sample corpus")
        );
    }
}
