//! A panic prints a short message and where the crash report was written.

use std::process::Command;

#[test]
fn a_panic_leaves_a_report_and_says_where() {
    if std::env::var_os("DOSSIER_CRASH_CHILD").is_some() {
        dossier::crash::install();
        panic!("something impossible happened");
    }
    let data = tempfile::tempdir().unwrap();
    let out = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "a_panic_leaves_a_report_and_says_where",
            "--nocapture",
        ])
        .env("DOSSIER_CRASH_CHILD", "1")
        .env("XDG_DATA_HOME", data.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr
            .contains("dossier: internal error: something impossible happened (at tests/crash.rs:"),
        "{stderr}"
    );
    let prefix = format!(
        "dossier: a crash report was written to {}/dossier/crashes/crash-",
        data.path().display()
    );
    let line = stderr
        .lines()
        .find(|l| l.starts_with(&prefix))
        .expect("report line");
    let path = line.trim_start_matches("dossier: a crash report was written to ");
    let report = std::fs::read_to_string(path).unwrap();
    assert!(report.contains("error: something impossible happened"));
}
