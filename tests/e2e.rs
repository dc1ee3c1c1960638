//! The real binary in a pseudo-terminal: open a corpus, find a quotation, jump to it, quit;
//! the screen is read through a VT100 parser, and the terminal must be restored on exit.

mod common;

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// What the pseudo-terminal shows, parsed as it arrives.
struct Screen {
    parser: Arc<Mutex<vt100::Parser>>,
}

impl Screen {
    fn text(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until the screen's text and reverse-video text satisfy `ready` (a frame may
    /// arrive in several reads, so every check waits), failing with the screen after 20 s.
    fn wait_for(&self, what: &str, ready: impl Fn(&str, &str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let text = self.text();
            if ready(&text, &self.reversed()) {
                return text;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "timed out waiting for {what}; screen:\n{text}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The text of the reverse-video cells, row by row.
    fn reversed(&self) -> String {
        let parser = self.parser.lock().unwrap();
        let screen = parser.screen();
        let (rows, cols) = screen.size();
        let mut out = String::new();
        for r in 0..rows.get() {
            for c in 0..cols.get() {
                if let Some(cell) = screen.cell(r, c)
                    && cell.inverse()
                {
                    out.push_str(cell.contents());
                }
            }
            out.push(' ');
        }
        out
    }
}

#[test]
fn find_a_quotation_jump_to_it_and_quit() {
    // A corpus in `dossier extract --embed` form: the sample articles with their
    // quotations, opened with `dossier open`.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shard.jsonl");
    let mut lines = String::new();
    for article in &common::fixture().index.articles {
        lines.push_str(&serde_json::json!({ "article": article }).to_string());
        lines.push('\n');
    }
    std::fs::write(&path, lines).unwrap();

    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_dossier"));
    cmd.arg("open");
    cmd.arg(&path);
    cmd.env("TERM", "xterm-256color");
    cmd.cwd(dir.path());
    // Several paths or extracted files keep their review in the per-user data folder: keep
    // it inside the test's folder.
    cmd.env("XDG_DATA_HOME", dir.path().join("data"));
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let mut keys = pty.master.take_writer().unwrap();
    let parser = Arc::new(Mutex::new(vt100::Parser::new(
        std::num::NonZeroU16::new(40).unwrap(),
        std::num::NonZeroU16::new(120).unwrap(),
        0,
    )));
    let feed = Arc::clone(&parser);
    let raw = Arc::new(Mutex::new(Vec::new()));
    let raw_feed = Arc::clone(&raw);
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            feed.lock().unwrap().process(&buf[..n]);
            raw_feed.lock().unwrap().extend_from_slice(&buf[..n]);
        }
    });
    let screen = Screen { parser };

    screen.wait_for("the main screen", |s, _| {
        s.contains("1 Timeline · 20 events") && s.contains("2 Actors · 7")
    });
    assert!(screen.parser.lock().unwrap().screen().alternate_screen());

    keys.write_all(b"/").unwrap();
    screen.wait_for("the finder", |s, _| s.contains("Find quotations"));
    keys.write_all(b"drag this out").unwrap();
    screen.wait_for("the result", |s, _| {
        s.contains("1 quotation ")
            && s.contains("not going to drag this out")
            && s.contains("Marco Rubio")
    });

    keys.write_all(b"\r").unwrap();
    screen.wait_for(
        "the source pane on the highlighted quotation",
        |s, reversed| {
            !s.contains("Find quotations")
                && s.contains("3 Source · 2/4")
                && s.contains("Earlier in the day, Rubio delivered a")
                && reversed.contains("drag this out for weeks or months")
        },
    );

    keys.write_all(b"q").unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}");
    // The output written before exit may still be on its way through the pty.
    let restored = |raw: &[u8]| {
        let text = String::from_utf8_lossy(raw);
        text.contains("\x1b[?1049l") && text.contains("\x1b[?1000l")
    };
    let start = Instant::now();
    while !restored(&raw.lock().unwrap()) && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        restored(&raw.lock().unwrap()),
        "alternate screen left and mouse capture released"
    );
    assert!(!screen.parser.lock().unwrap().screen().alternate_screen());
}
