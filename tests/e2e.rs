//! The real binary in a pseudo-terminal: open a corpus, find a quotation, jump to it, quit;
//! mark a quotation, quit, start again and see the mark; stop it with SIGTERM and find the
//! review saved. The screen is read through a VT100 parser, and the terminal must be restored
//! on exit.

mod common;

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

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

/// The binary running in a pseudo-terminal of 120×40.
struct Session {
    screen: Screen,
    keys: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    raw: Arc<Mutex<Vec<u8>>>,
}

impl Session {
    /// Starts `dossier ARGS` in `dir`, its per-user data folder inside `dir` too.
    fn start(dir: &std::path::Path, args: &[&std::ffi::OsStr]) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 40,
                cols: 120,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_dossier"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_DATA_HOME", dir.join("data"));
        cmd.env("XDG_CACHE_HOME", dir.join("cache"));
        cmd.cwd(dir);
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let keys = pty.master.take_writer().unwrap();
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(40).unwrap(),
            std::num::NonZeroU16::new(120).unwrap(),
            0,
        )));
        let feed = Arc::clone(&parser);
        let raw = Arc::new(Mutex::new(Vec::new()));
        let raw_feed = Arc::clone(&raw);
        std::thread::spawn(move || {
            let _master = pty.master;
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                feed.lock().unwrap().process(&buf[..n]);
                raw_feed.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Session {
            screen: Screen { parser },
            keys,
            child,
            raw,
        }
    }

    fn send(&mut self, keys: &str) {
        self.keys.write_all(keys.as_bytes()).unwrap();
        self.keys.flush().unwrap();
    }

    /// Quits with `q`: the process exits successfully and the terminal is restored.
    fn quit(mut self) {
        self.send("q");
        self.exits_with(0);
    }

    /// Sends SIGTERM: the process ends with the status of a terminated process (143) and
    /// the terminal is restored.
    fn terminate(self) {
        let pid = self.child.process_id().expect("a running process");
        let kill = std::process::Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status()
            .unwrap();
        assert!(kill.success());
        self.exits_with(143);
    }

    /// Waits for the process to exit with `code`, then checks that the terminal is restored.
    fn exits_with(mut self, code: u32) {
        let status = self.child.wait().unwrap();
        assert_eq!(status.exit_code(), code, "{status:?}");
        // The output written before exit may still be on its way through the pty.
        let restored = |raw: &[u8]| {
            let text = String::from_utf8_lossy(raw);
            text.contains("\x1b[?1049l") && text.contains("\x1b[?1000l")
        };
        let start = Instant::now();
        while !restored(&self.raw.lock().unwrap()) && start.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(
            restored(&self.raw.lock().unwrap()),
            "alternate screen left and mouse capture released"
        );
        assert!(
            !self
                .screen
                .parser
                .lock()
                .unwrap()
                .screen()
                .alternate_screen()
        );
    }
}

/// A corpus folder in `dir` holding the bundled sample articles (the review goes to its
/// `.dossier/`).
fn sample_corpus(dir: &std::path::Path) -> std::path::PathBuf {
    let corpus = dir.join("news");
    std::fs::create_dir(&corpus).unwrap();
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    for entry in std::fs::read_dir(samples).unwrap() {
        let entry = entry.unwrap();
        // Only the articles: not a `.dossier/` cache left by running the binary on them.
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), corpus.join(entry.file_name())).unwrap();
        }
    }
    corpus
}

/// Opens the finder on "drag this out" and jumps to the quotation.
fn find_drag_this_out(s: &mut Session) {
    s.send("/");
    s.screen
        .wait_for("the finder", |s, _| s.contains("Find quotations"));
    s.send("drag this out");
    s.screen.wait_for("the result", |s, _| {
        s.contains("1 quotation ") && s.contains("not going to drag this out")
    });
    s.send("\r");
    s.screen.wait_for("the quotation", |s, reversed| {
        !s.contains("Find quotations") && reversed.contains("drag this out for weeks")
    });
}

/// The marks in the review file of `corpus`.
fn saved_marks(corpus: &std::path::Path) -> Vec<Option<dossier::review::Mark>> {
    let file = corpus.join(".dossier/review.json");
    let review = dossier::review::store::parse(&std::fs::read(&file).unwrap()).unwrap();
    review.decisions.values().map(|d| d.mark).collect()
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

    let mut s = Session::start(dir.path(), &["open".as_ref(), path.as_os_str()]);
    s.screen.wait_for("the main screen", |s, _| {
        s.contains("1 Timeline · 20 events") && s.contains("2 Actors · 7")
    });
    assert!(s.screen.parser.lock().unwrap().screen().alternate_screen());

    s.send("/");
    s.screen
        .wait_for("the finder", |s, _| s.contains("Find quotations"));
    s.send("drag this out");
    s.screen.wait_for("the result", |s, _| {
        s.contains("1 quotation ")
            && s.contains("not going to drag this out")
            && s.contains("Marco Rubio")
    });

    s.send("\r");
    s.screen.wait_for(
        "the source pane on the highlighted quotation",
        |s, reversed| {
            !s.contains("Find quotations")
                && s.contains("3 Source · 2/4")
                && s.contains("Earlier in the day, Rubio delivered a")
                && reversed.contains("drag this out for weeks or months")
        },
    );
    s.quit();
}

/// Starts the binary on a copy of the sample corpus in `dir`, finds "drag this out" and
/// marks it with `key`, waiting until the screen shows the mark (`shown`).
fn start_and_mark(dir: &std::path::Path, key: &str, shown: &str) -> (Session, std::path::PathBuf) {
    let corpus = sample_corpus(dir);
    let mut s = Session::start(dir, &[corpus.as_os_str()]);
    s.screen.wait_for("the main screen", |s, _| {
        common::shows_quotes_reviewed(s, "0/")
    });
    find_drag_this_out(&mut s);
    s.send(key);
    s.screen.wait_for("the mark", |s, _| {
        common::shows_quotes_reviewed(s, "1/") && s.contains(shown)
    });
    (s, corpus)
}

#[test]
fn mark_a_quotation_quit_and_see_the_mark_again() {
    let dir = tempfile::tempdir().unwrap();
    let (s, corpus) = start_and_mark(dir.path(), "c", "✓ confirmed · quotation");
    s.quit();
    assert_eq!(
        saved_marks(&corpus),
        vec![Some(dossier::review::Mark::Confirmed)]
    );

    let mut s = Session::start(dir.path(), &[corpus.as_os_str()]);
    s.screen.wait_for("the saved progress", |s, _| {
        common::shows_quotes_reviewed(s, "1/")
    });
    find_drag_this_out(&mut s);
    s.screen.wait_for("the mark again", |s, _| {
        s.contains("✓ confirmed · quotation")
    });
    s.quit();
}

#[test]
fn sigterm_saves_the_review_and_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let (s, corpus) = start_and_mark(dir.path(), "x", "✗ disputed · quotation");
    s.terminate();
    assert_eq!(
        saved_marks(&corpus),
        vec![Some(dossier::review::Mark::Disputed)]
    );
}
