//! The `dossier` binary: extract schema, `--records` order and ids, bad input and exit status.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn dossier(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .output()
        .expect("run dossier")
}

fn stdout_records(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Checks that every `start`/`end` pair in the record lies inside `text` on char boundaries
/// and that `text` fields equal the slice.
fn assert_spans_valid(record: &Value, text: &str) {
    for key in ["quotes", "timexes", "entities", "events"] {
        for item in record[key].as_array().expect(key) {
            for (s, e) in [("start", "end"), ("speaker_start", "speaker_end")] {
                let (Some(start), Some(end)) = (item[s].as_u64(), item[e].as_u64()) else {
                    continue;
                };
                let (start, end) = (start as usize, end as usize);
                assert!(start <= end && end <= text.len(), "{key} {item}");
                assert!(
                    text.is_char_boundary(start) && text.is_char_boundary(end),
                    "{key} {item}"
                );
                if s == "start"
                    && let Some(t) = item["text"].as_str()
                {
                    assert_eq!(&text[start..end], t);
                }
            }
        }
    }
}

#[test]
fn extract_on_the_sample_corpus_has_the_documented_shape() {
    let out = dossier(&["extract"]);
    assert!(out.status.success());
    let records = stdout_records(&out);
    assert_eq!(records.len(), 4);
    for (record, (_, text)) in records.iter().zip(dossier::ingest::sample::SAMPLES) {
        let obj = record.as_object().unwrap();
        for key in [
            "id", "title", "date", "source", "quotes", "timexes", "entities", "events",
        ] {
            assert!(obj.contains_key(key), "missing {key}");
        }
        assert_spans_valid(record, text);
    }
    assert_eq!(records[2]["date"], "2025-12-19");
    assert_eq!(records[3]["date"], "2025-12-23");
    assert!(records[0]["date"].is_null() && records[1]["date"].is_null());
    assert_eq!(records[3]["id"], "sample/003_601911cd1ac8caa7.txt");
}

#[test]
fn records_keep_input_order_and_ids() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let texts = [
        (
            "z-9",
            "“We will not leave,” the mayor said on Friday. Rain fell in Kyiv.",
        ),
        ("a-1", "Prices rose 3.5 percent in May, the agency said."),
        (
            "m-5",
            "No quotations here. Just a plain sentence about the U.S. economy.",
        ),
    ];
    let mut lines = String::new();
    for (i, (id, text)) in texts.iter().enumerate() {
        let date = if i == 1 {
            ""
        } else {
            r#", "date": "2025-12-19""#
        };
        lines += &format!(
            "{{\"id\": \"{id}\", \"text\": {}{date}}}\n",
            serde_json::to_string(text).unwrap()
        );
    }
    fs::write(&input, &lines).unwrap();
    let out = dossier(&["extract", "--records", input.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records = stdout_records(&out);
    let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, vec!["z-9", "a-1", "m-5"]);
    assert_eq!(records[0]["date"], "2025-12-19");
    assert!(records[1]["date"].is_null());
    for (record, (_, text)) in records.iter().zip(texts) {
        assert_spans_valid(record, text);
    }

    // The same through standard input and into a file.
    let output = dir.path().join("out.jsonl");
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["extract", "--records", "-", "-o", output.to_str().unwrap()])
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(lines.as_bytes())
        .unwrap();
    assert!(child.wait().unwrap().success());
    assert_eq!(
        fs::read_to_string(&output).unwrap(),
        String::from_utf8(out.stdout).unwrap()
    );
}

/// Writes a folder with one good article and one file per kind of bad input.
fn bad_corpus(dir: &Path) {
    fs::write(
        dir.join("good.txt"),
        "Talks resumed on Friday, officials said.",
    )
    .unwrap();
    fs::write(dir.join("empty.txt"), "").unwrap();
    fs::write(dir.join("blank.md"), "  \n\n \n").unwrap();
    fs::write(
        dir.join("binary.txt"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    )
    .unwrap();
    fs::write(
        dir.join("latin1.txt"),
        b"Caf\xe9 owners said prices \x93rose\x94.",
    )
    .unwrap();
    fs::write(dir.join("broken.json"), "{\"text\": \"unterminated").unwrap();
    fs::write(
        dir.join("mixed.jsonl"),
        "{\"id\": \"ok\", \"text\": \"Fine.\"}\n{\"title\": \"no text\"}\n{\"text\": 42}\nnot json\n",
    )
    .unwrap();
    fs::write(
        dir.join("notes.pdf"),
        "ignored: unknown extension in a folder",
    )
    .unwrap();
    fs::create_dir(dir.join(".hidden")).unwrap();
    fs::write(dir.join(".hidden/secret.txt"), "hidden files are skipped").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("loop.txt", dir.join("loop.txt")).unwrap();
}

#[test]
fn bad_input_gets_one_line_per_problem_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    bad_corpus(dir.path());
    let missing = dir.path().join("missing-folder");
    let out = dossier(&[
        "extract",
        dir.path().to_str().unwrap(),
        missing.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr.clone()).unwrap();
    let d = dir.path().display().to_string();
    let mut expected = vec![
        format!("dossier: {d}/binary.txt: binary file, not text (skipped)"),
        format!("dossier: {d}/blank.md: no text (only whitespace) (skipped)"),
        format!(
            "dossier: {d}/broken.json: invalid JSON: EOF while parsing a string at line 1 column 22 (skipped)"
        ),
        format!("dossier: {d}/empty.txt: empty file (skipped)"),
        format!("dossier: {d}/latin1.txt: not valid UTF-8; decoded as Windows-1252"),
        format!(
            "dossier: {d}/mixed.jsonl:2: no text field (expected one of: text, maintext, body, content, article) (skipped)"
        ),
        format!(
            "dossier: {d}/mixed.jsonl:3: field `text` is a number, expected a string (skipped)"
        ),
        format!(
            "dossier: {d}/mixed.jsonl:4: invalid JSON: expected ident at line 1 column 2 (skipped)"
        ),
        format!("dossier: {d}/missing-folder: no such file or folder (skipped)"),
    ];
    #[cfg(unix)]
    expected.push(format!(
        "dossier: {d}/loop.txt: too many levels of symbolic links (a symlink loop) (skipped)"
    ));
    let mut got: Vec<&str> = stderr.lines().collect();
    got.sort();
    expected.sort();
    assert_eq!(got, expected);
    let ids: Vec<String> = stdout_records(&out)
        .iter()
        .map(|r| {
            r["id"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids, vec!["good.txt", "latin1.txt", "ok"]);
}

#[test]
fn unreadable_file_is_reported_by_name() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locked.txt");
    fs::write(&path, "Officials met on Monday.").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    let out = dossier(&["stats", path.to_str().unwrap()]);
    if fs::read(&path).is_ok() {
        // Running with privileges that bypass permissions (root): the file simply loads.
        assert!(out.status.success());
        return;
    }
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(&format!("{}: permission denied (skipped)", path.display())),
        "{stderr}"
    );
}

#[test]
fn nothing_loaded_is_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("empty.txt"), "").unwrap();
    for args in [
        vec!["stats", dir.path().to_str().unwrap()],
        vec!["extract", dir.path().to_str().unwrap()],
        vec!["stats", "/definitely/not/here"],
    ] {
        let out = dossier(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains("no articles could be loaded"), "{stderr}");
    }
}

#[test]
fn stats_lists_every_article_and_totals() {
    let out = dossier(&["stats"]);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 6);
    assert!(
        lines[3].starts_with("sample/002_8d53881e6b7df0ad.txt") && lines[3].contains("2025-12-19")
    );
    assert!(lines[5].starts_with("4 articles (2 dated, 15441 bytes)"));
}
