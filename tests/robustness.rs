//! Dirty input: huge files, many files, pathological punctuation. Each bad input gets one
//! clear line naming the file, the rest loads, and work stays linear.
//!
//! Timing bounds here are loose in debug builds; `cargo test --release --test robustness`
//! checks the release bound of one second for a pathological 1 MB paragraph.

use std::fs;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use dossier::article::{Article, Meta, Origin};
use dossier::corpus::{self, Input, Progress};
use dossier::index::Index;
use dossier::ingest::{Draft, MAX_ARTICLE_BYTES};
use dossier::record::{EventSpans, Record};
use dossier::review::{Keys, Review, export};

fn analyse(text: String) -> Duration {
    let start = Instant::now();
    let articles = analysed(text);
    assert_eq!(articles.len(), 1);
    start.elapsed()
}

/// `text` as one extracted article.
fn analysed(text: String) -> Vec<Article> {
    let draft = Draft {
        origin: Origin {
            path: PathBuf::from("pathological.txt"),
            record: None,
        },
        text,
        meta: Meta::default(),
    };
    corpus::analyse(vec![draft], &Progress::default())
}

/// The limit for a pathological 1 MB paragraph. Linear work takes under a second in release
/// (several in debug); quadratic work takes many minutes. The margin is for a
/// machine busy with other work, so the test fails on a complexity fault, not on load.
fn budget() -> Duration {
    if cfg!(debug_assertions) {
        Duration::from_secs(60)
    } else {
        Duration::from_secs(6)
    }
}

/// Repeats `unit` to about `bytes` bytes, as one paragraph.
fn paragraph(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len() + 1)
}

#[test]
fn a_thousand_unbalanced_quotation_marks() {
    let text = paragraph("He said \" and then “ but ‘ never « closed, ", 1000 * 44);
    assert!(analyse(text) < budget());
}

#[test]
fn deeply_nested_quotations() {
    let depth = 2000;
    let text = format!(
        "{} the core said \"yes\" {}",
        "“She said ‘he said “".repeat(depth),
        "”’”".repeat(depth)
    );
    assert!(analyse(text) < budget());
}

#[test]
fn pathological_one_megabyte_paragraphs() {
    for unit in [
        "\" ",
        "“a” ",
        "Mr. ",
        "U.S. ",
        "said ",
        "Friday ",
        "A B C D E F G H ",
        "“Rubio said,” he said: ",
        "May ",
        "2,000 ",
        "... ",
        "—",
    ] {
        let text = paragraph(unit, 1 << 20);
        let took = analyse(text);
        assert!(took < budget(), "{unit:?} took {took:?}");
    }
}

/// An article naming tens of thousands of different people or organisations (a directory,
/// a list of delegates or companies): clustering its names and packing its actors once
/// compared every name with every other (1 MB of person names took minutes, 2 MB of
/// company names about 15 s in release).
#[test]
fn megabytes_of_different_names() {
    // Pronounceable made-up names, all different: "Babek Cadif", "Dafeg".
    let name = |n: usize| {
        let (c, v) = (b"bcdfgklmnprstvz", b"aeiou");
        let mut s = String::new();
        let mut n = n;
        for _ in 0..3 {
            s.push(c[n % c.len()] as char);
            s.push(v[n / c.len() % v.len()] as char);
            n /= c.len() * v.len();
        }
        s.push(c[n % c.len()] as char);
        s[..1].to_ascii_uppercase() + &s[1..]
    };
    // Three new names for each unit, in each template.
    let unit = |template: &str, i: usize| {
        template
            .replace("{a}", &name(3 * i))
            .replace("{b}", &name(3 * i + 1))
            .replace("{c}", &name(3 * i + 2))
    };
    for (template, bytes) in [
        ("{a} {b} met {c}, ", 1 << 20),
        ("{a} {b} Group met {c} Holdings, ", 2 << 20),
    ] {
        let mut text = String::new();
        let mut i = 0;
        while text.len() < bytes {
            text.push_str(&unit(template, i));
            i += 1;
        }
        let start = Instant::now();
        let articles = analysed(text);
        let took = start.elapsed();
        let actors = articles[0].actors().count();
        assert!(actors > 50_000, "{actors} actors");
        assert!(took < budget(), "{template:?} took {took:?}");
    }
}

/// What comes after extraction (the views, every `dossier extract` record, the review
/// report) stays linear in an article's items: an article of 40,000 quotations once took a
/// minute and a half for its records, each event's sources decoded from the first event on.
#[test]
fn an_article_of_tens_of_thousands_of_quotations_is_indexed_recorded_and_reported_in_linear_time() {
    let articles = analysed(paragraph("“Rubio said,” he said: ", 1 << 20));
    let start = Instant::now();
    let index = Index::build(articles, Vec::new());
    let spans = EventSpans::of(&index);
    let sources: usize = (0..index.articles.len())
        .flat_map(|a| Record::in_index(&index, &spans, a).events)
        .map(|e| e.sources.len())
        .sum();
    assert!(sources >= 30_000, "{sources}");
    let keys = Keys::build(&index);
    let review = Review::default();
    let source = export::Source {
        index: &index,
        keys: &keys,
        review: &review,
        unapplied: &[],
        file: None,
    };
    let report = export::report(&source, &export::Filter::all());
    assert_eq!(report.timeline.len(), index.timeline.len());
    let took = start.elapsed();
    let limit = Duration::from_secs(if cfg!(debug_assertions) { 60 } else { 10 });
    assert!(took < limit, "{took:?}");
}

#[test]
fn a_100_megabyte_single_line_file_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("dump.txt");
    fs::write(&big, "word ".repeat(20 << 20)).unwrap();
    fs::write(dir.path().join("small.txt"), "Officials met on Monday.").unwrap();
    let index = corpus::load(
        &Input::Paths(vec![dir.path().to_path_buf()]),
        &Progress::default(),
    );
    assert_eq!(index.articles.len(), 1);
    assert_eq!(index.problems.len(), 1);
    let message = index.problems[0].to_string();
    assert!(message.starts_with(&big.display().to_string()), "{message}");
    assert!(message.contains("over the 64 MiB limit"), "{message}");

    // Just above the per-article limit: read, then refused with its size.
    fs::write(&big, "w".repeat(MAX_ARTICLE_BYTES + 1)).unwrap();
    let index = corpus::load(&Input::Paths(vec![big.clone()]), &Progress::default());
    assert!(
        index.problems[0]
            .to_string()
            .contains("article text is 16.8 MB, over the 16 MiB limit for one article"),
        "{}",
        index.problems[0]
    );
}

#[test]
fn a_hundred_thousand_tiny_files() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..100 {
        let sub = dir.path().join(format!("{i:03}"));
        fs::create_dir(&sub).unwrap();
        for j in 0..1000 {
            fs::write(
                sub.join(format!("{j:04}.txt")),
                format!("Story {i} {j} said."),
            )
            .unwrap();
        }
    }
    let index = corpus::load(
        &Input::Paths(vec![dir.path().to_path_buf()]),
        &Progress::default(),
    );
    assert!(index.problems.is_empty());
    assert_eq!(index.articles.len(), 100_000);
    assert_eq!(index.articles[1234].text, "Story 1 234 said.");
}
