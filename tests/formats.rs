//! Each supported format, read from the fixtures in `tests/fixtures/formats/`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dossier::article::{Article, DateSource};
use dossier::corpus::{self, Input, Progress};
use dossier::index::Index;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name)
}

fn load(name: &str) -> Index {
    corpus::load(&Input::Paths(vec![fixture(name)]), &Progress::default())
}

fn only(name: &str) -> Article {
    let mut index = load(name);
    assert!(index.problems.is_empty(), "{:?}", index.problems);
    assert_eq!(index.articles.len(), 1);
    index.articles.remove(0)
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn html_page_keeps_the_article_and_drops_page_furniture() {
    let a = only("page.html");
    assert_eq!(
        a.text,
        "Harbour talks stall again\n\n\
         By Maria Okafor · March 14, 2024\n\n\
         Negotiators from the two port authorities failed on Wednesday to agree on a shared \
         dredging schedule, the third failed round since January.\n\n\
         “We are further apart than we were in the autumn,” said the council’s chair, who asked \
         for a mediator.\n\n\
         Talks resume on Monday & both sides say a deal is possible."
    );
    assert_eq!(a.title(), Some("Harbour talks stall again"));
    assert_eq!(a.date(), ymd(2024, 3, 14));
    assert_eq!(a.meta.dates[0].source, DateSource::Field);
    assert_eq!(a.meta.authors[0].value, "Maria Okafor");
    assert_eq!(a.meta.source.as_ref().unwrap().value, "The Coastal Ledger");
    assert_eq!(
        a.meta.url.as_deref(),
        Some("https://ledger.example/harbour-talks")
    );
}

#[test]
fn json_array_maps_field_names() {
    let index = load("batch.json");
    assert!(index.problems.is_empty());
    let [a, b] = &index.articles[..] else {
        panic!("expected two articles")
    };
    assert_eq!(a.key(), "b-1");
    assert_eq!(a.title(), Some("Grain corridor reopens"));
    assert_eq!(a.date(), ymd(2024, 5, 2));
    assert_eq!(a.meta.source.as_ref().unwrap().value, "Example Wire");
    assert_eq!(a.layout.paragraph_count(), 2);
    assert_eq!(a.origin.record, Some(1));
    assert_eq!(b.key(), "b-2");
    assert_eq!(b.title(), Some("Budget vote delayed"));
    assert_eq!(b.date(), ymd(2024, 5, 3));
    let authors: Vec<&str> = b.meta.authors.iter().map(|f| f.value.as_str()).collect();
    assert_eq!(authors, vec!["Lena Park", "Omar Haddad"]);
    assert_eq!(
        b.text,
        "The budget vote was delayed until next week, officials said."
    );
}

#[test]
fn json_lines_one_article_per_line() {
    let index = load("feed.jsonl");
    assert!(index.problems.is_empty());
    let keys: Vec<String> = index.articles.iter().map(Article::key).collect();
    assert_eq!(keys, vec!["f-1", "f-2", "f-3"]);
    let lines: Vec<Option<usize>> = index.articles.iter().map(|a| a.origin.record).collect();
    assert_eq!(lines, vec![Some(1), Some(3), Some(4)]);
    let [a, b, c] = &index.articles[..] else {
        unreachable!()
    };
    assert_eq!(a.date(), ymd(2024, 6, 9));
    assert_eq!(a.meta.source.as_ref().unwrap().value, "rivernews.example");
    assert_eq!(
        b.text,
        "First paragraph of the second story.\n\nSecond paragraph."
    );
    assert_eq!(b.date(), ymd(2024, 6, 10));
    assert_eq!(b.meta.authors[0].value, "Sam Lee");
    assert_eq!(c.date(), None);
}

#[test]
fn markdown_reads_headline_byline_and_copyright() {
    let a = only("note.md");
    assert_eq!(a.title(), Some("Council approves new tram line"));
    assert_eq!(a.date(), ymd(2024, 3, 3));
    assert_eq!(a.meta.dates[0].source, DateSource::Byline);
    assert_eq!(a.meta.authors[0].value, "Jane Harper");
    assert_eq!(a.meta.source.as_ref().unwrap().value, "Northern Post");
    let layout = a.layout.decode();
    let content: Vec<&str> = layout
        .content_paragraphs()
        .map(|(_, p)| p.span.text(&a.text))
        .collect();
    assert_eq!(
        content,
        vec![
            "Council approves new tram line",
            "The city council approved a new tram line on Tuesday, ending a decade of debate."
        ]
    );
}

#[test]
fn a_folder_is_walked_in_name_order() {
    let index = corpus::load(&Input::Paths(vec![fixture("")]), &Progress::default());
    assert!(index.problems.is_empty());
    let keys: Vec<String> = index.articles.iter().map(Article::key).collect();
    assert_eq!(keys.len(), 7);
    assert_eq!(&keys[..2], ["b-1", "b-2"]);
    assert!(keys[5].ends_with("note.md") && keys[6].ends_with("page.html"));
}

#[test]
fn gzip_files_are_read_like_the_plain_ones() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("feed.jsonl.gz");
    let mut gz = flate2::write::GzEncoder::new(
        std::fs::File::create(&path).unwrap(),
        flate2::Compression::default(),
    );
    gz.write_all(&std::fs::read(fixture("feed.jsonl")).unwrap())
        .unwrap();
    gz.finish().unwrap();
    let index = corpus::load(&Input::Paths(vec![path]), &Progress::default());
    assert_eq!(index.articles.len(), 3);
    assert_eq!(index.articles[1].date(), ymd(2024, 6, 10));
}
