//! Atomic file writes: the new content goes to a temporary file beside the target, is flushed
//! and synced, then renamed over the target. A reader sees the old file or the new one, never
//! a part; a crash leaves at worst a temporary file, which [`remove_stale`] clears.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically. On failure `path` is untouched and the temporary file
/// removed.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_from(path, |out| out.write_all(bytes))
}

/// Writes to `path` atomically what `fill` writes into the (buffered) temporary file. On
/// failure `path` is untouched and the temporary file removed.
pub fn write_from(
    path: &Path,
    fill: impl FnOnce(&mut BufWriter<File>) -> io::Result<()>,
) -> io::Result<()> {
    write_hooked(path, fill, |_| Ok(()))
}

/// [`write_from`], calling `before_rename` with the temporary file between writing and
/// renaming (tests make it fail there).
pub(crate) fn write_hooked(
    path: &Path,
    fill: impl FnOnce(&mut BufWriter<File>) -> io::Result<()>,
    before_rename: impl FnOnce(&Path) -> io::Result<()>,
) -> io::Result<()> {
    let tmp = temporary(path);
    let result = (|| {
        let mut out = BufWriter::with_capacity(1 << 20, File::create(&tmp)?);
        fill(&mut out)?;
        let file = out.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        drop(file);
        before_rename(&tmp)?;
        fs::rename(&tmp, path)?;
        // Make the rename itself durable where the platform allows it.
        if let Some(dir) = path.parent().and_then(|d| File::open(d).ok()) {
            let _ = dir.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// The temporary file this process writes before renaming it to `path`:
/// `.<name>.<process id>.tmp` beside it.
pub fn temporary(path: &Path) -> PathBuf {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// Opens (creating it) `<path>.lock`, the file writers of `path` lock while they write it.
pub fn open_lock(path: &Path) -> io::Result<File> {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path.with_file_name(name))
}

/// Removes the temporary files of writes to `path` that never finished (a process killed
/// while writing). Only call it when no other process can be writing `path` now (under the
/// lock its writers take).
pub fn remove_stale(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let n = entry.file_name();
        let n = n.to_string_lossy();
        let pid = n
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"));
        if pid.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            && entry.file_type().is_ok_and(|t| t.is_file())
        {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_between_write_and_rename_leaves_the_old_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("review.json");
        write(&path, b"old").unwrap();
        let crash = write_hooked(
            &path,
            |out| out.write_all(b"new"),
            |tmp| {
                // The new content is complete in the temporary file at this point.
                assert_eq!(fs::read(tmp).unwrap(), b"new");
                Err(io::Error::other("simulated crash before rename"))
            },
        );
        assert!(crash.is_err());
        assert_eq!(fs::read(&path).unwrap(), b"old");
        let left: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(left, ["review.json"], "no temporary file left");
        write(&path, b"new").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
    }

    #[test]
    fn only_this_kind_of_temporary_file_is_removed_as_stale() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("review.json");
        let names = [
            ".review.json.123.tmp",
            ".review.json.x.tmp",
            ".other.json.123.tmp",
        ];
        for name in names {
            fs::write(dir.path().join(name), b"").unwrap();
        }
        assert_eq!(
            temporary(&path).file_name().unwrap().to_string_lossy(),
            format!(".review.json.{}.tmp", std::process::id())
        );
        remove_stale(&path);
        let mut left: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, [".other.json.123.tmp", ".review.json.x.tmp"]);
    }
}
