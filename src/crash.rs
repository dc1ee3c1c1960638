//! What happens when dossier panics: the terminal is restored by the app's own hook (see
//! `app::terminal`), then this hook prints a short message and writes a crash report (message,
//! location, version, command line, backtrace) to the per-user data folder.

use std::fs;
use std::io::Write;
use std::panic::PanicHookInfo;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// Installs the crash hook for the whole process (call once, first thing in `main`).
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let message = describe(info);
        let dir = reports_dir();
        match write_report(&dir, &message) {
            Ok(path) => eprintln!(
                "dossier: internal error: {message}\n\
                 dossier: a crash report was written to {}\n\
                 dossier: review decisions are saved after every change; none were lost",
                path.display()
            ),
            Err(e) => eprintln!(
                "dossier: internal error: {message}\n\
                 dossier: (could not write a crash report in {}: {e})",
                dir.display()
            ),
        }
    }));
}

/// The panic message and where it happened.
fn describe(info: &PanicHookInfo) -> String {
    let payload = info
        .payload()
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| info.payload().downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_string());
    match info.location() {
        Some(l) => format!("{payload} (at {}:{})", l.file(), l.line()),
        None => payload,
    }
}

/// Where crash reports go: the per-user data folder, else the temporary folder.
pub fn reports_dir() -> PathBuf {
    dirs::data_local_dir()
        .map(|d| d.join("dossier").join("crashes"))
        .unwrap_or_else(|| std::env::temp_dir().join("dossier-crashes"))
}

/// Writes a crash report for `message` into `dir` and returns its path.
pub fn write_report(dir: &Path, message: &str) -> std::io::Result<PathBuf> {
    fs::create_dir_all(dir)?;
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let path = dir.join(format!("crash-{secs}-{}.txt", std::process::id()));
    let mut file = fs::File::create(&path)?;
    writeln!(file, "dossier {}", env!("CARGO_PKG_VERSION"))?;
    writeln!(file, "command: {:?}", std::env::args().collect::<Vec<_>>())?;
    writeln!(file, "time: {secs} (Unix seconds)")?;
    writeln!(file, "error: {message}")?;
    writeln!(file, "\n{}", std::backtrace::Backtrace::force_capture())?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_names_the_error_and_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = write_report(dir.path(), "index out of range (at src/x.rs:3)").unwrap();
        let report = fs::read_to_string(&path).unwrap();
        assert!(path.starts_with(dir.path()));
        assert!(report.starts_with(&format!("dossier {}\n", env!("CARGO_PKG_VERSION"))));
        assert!(report.contains("error: index out of range (at src/x.rs:3)\n"));
    }
}
