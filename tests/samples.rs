//! Metadata, boilerplate and layout of the four bundled sample articles.

use chrono::NaiveDate;
use dossier::article::{Article, DateSource};
use dossier::corpus::{self, Input, Progress};
use dossier::layout::Boilerplate;

fn samples() -> Vec<Article> {
    corpus::load(&Input::Sample, &Progress::default()).articles
}

fn sample(n: usize) -> Article {
    samples().remove(n)
}

fn boilerplate_lines(article: &Article) -> Vec<(&str, Boilerplate)> {
    article
        .layout
        .paragraphs()
        .filter_map(|p| Some((p.span.text(&article.text), p.boilerplate?)))
        .collect()
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn all_four_load_with_text_unchanged() {
    let articles = samples();
    assert_eq!(articles.len(), 4);
    for (article, (_, text)) in articles.iter().zip(dossier::ingest::sample::SAMPLES) {
        assert_eq!(article.text, text);
    }
}

#[test]
fn dates_two_dated_two_undated() {
    let dates: Vec<Option<NaiveDate>> = samples().iter().map(Article::date).collect();
    assert_eq!(
        dates,
        vec![None, None, ymd(2025, 12, 19), ymd(2025, 12, 23)]
    );
}

#[test]
fn newsmax_article_author_source_and_tail() {
    let a = sample(0);
    assert_eq!(a.title(), None);
    assert_eq!(a.meta.authors[0].value, "Jim Thomas");
    assert_eq!(a.meta.source.as_ref().unwrap().value, "Newsmax");
    assert_eq!(
        boilerplate_lines(&a),
        vec![
            ("Jim Thomas ✉", Boilerplate::AuthorBio),
            (
                "Jim Thomas is a writer based in Indiana. He holds a bachelor's degree in Political Science, a law degree from U.I.C. Law School, and has practiced law for more than 20 years.",
                Boilerplate::AuthorBio
            ),
            (
                "© 2025 Newsmax. All rights reserved.",
                Boilerplate::Copyright
            ),
        ]
    );
}

#[test]
fn untitled_article_keeps_its_section_headings_as_content() {
    let a = sample(1);
    assert_eq!(a.title(), None);
    assert_eq!(a.date(), None);
    assert_eq!(
        boilerplate_lines(&a),
        vec![("Read More:", Boilerplate::Navigation)]
    );
    assert!(
        a.layout
            .paragraphs()
            .any(|p| p.span.text(&a.text) == "Terms of the proposal" && p.is_content())
    );
}

#[test]
fn al_jazeera_style_article() {
    let a = sample(2);
    assert_eq!(
        a.title(),
        Some("Rubio says ‘progress but ways to go’ in efforts to end Russia-Ukraine war")
    );
    assert_eq!(a.date(), ymd(2025, 12, 19));
    let evidence = &a.meta.dates[0];
    assert_eq!(evidence.source, DateSource::Dateline);
    assert_eq!(evidence.span.unwrap().text(&a.text), "19 Dec 2025");
    assert_eq!(
        boilerplate_lines(&a),
        vec![
            ("3 hours ago 5", Boilerplate::Timestamp),
            ("Published On 19 Dec 2025", Boilerplate::Metadata),
            ("Recommended Stories", Boilerplate::Navigation),
            ("list of 3 itemsend of list", Boilerplate::Navigation),
            ("Read Entire Article", Boilerplate::Navigation),
            ("International | | | |", Boilerplate::Navigation),
        ]
    );
}

#[test]
fn bne_article_byline_wins_over_page_header() {
    let a = sample(3);
    assert_eq!(
        a.title(),
        Some("White House rift widens between Rubio and Witkoff over Ukraine peace efforts")
    );
    assert_eq!(a.date(), ymd(2025, 12, 23));
    let sources: Vec<(DateSource, Option<NaiveDate>)> = a
        .meta
        .dates
        .iter()
        .map(|d| (d.source, Some(d.date)))
        .collect();
    assert_eq!(
        sources,
        vec![
            (DateSource::Byline, ymd(2025, 12, 23)),
            (DateSource::PageHeader, ymd(2025, 12, 24))
        ]
    );
    let author = &a.meta.authors[0];
    assert_eq!(author.value, "Ben Aris");
    assert_eq!(author.span.unwrap().text(&a.text), "Ben Aris");
    assert_eq!(a.meta.source.as_ref().unwrap().value, "bne IntelliNews");
    assert_eq!(
        boilerplate_lines(&a),
        vec![
            ("Wednesday, December 24, 2025", Boilerplate::Metadata),
            (
                "White House rift widens between Rubio and Witkoff over Ukraine peace efforts",
                Boilerplate::RepeatedTitle
            ),
            (
                "By Ben Aris in Berlin\u{a0}December 23, 2025",
                Boilerplate::Metadata
            ),
            ("No comments:", Boilerplate::Comments),
            ("Post a Comment", Boilerplate::Comments),
        ]
    );
}

#[test]
fn sentences_lie_inside_paragraphs_and_cover_their_text() {
    for a in samples() {
        let layout = a.layout.decode();
        for p in &layout.paragraphs {
            let sentences = &layout.sentences[p.sentence_range()];
            assert!(!sentences.is_empty());
            assert_eq!(sentences[0].start, p.span.start);
            assert_eq!(sentences.last().unwrap().end, p.span.end);
            for s in sentences {
                assert!(p.span.covers(*s));
            }
        }
    }
}

#[test]
fn sample_sentences_split_where_a_reader_would() {
    let a = sample(0);
    let sentence = |needle: &str| {
        let at = a.text.find(needle).unwrap();
        let layout = a.layout.decode();
        layout.sentences[layout.sentence_at(at).unwrap()].text(&a.text)
    };
    assert_eq!(
        sentence("Secretary of State Marco Rubio"),
        "Secretary of State Marco Rubio confirmed the U.S. resolution late Friday, stating that the administration's priority is ending the war."
    );
    assert_eq!(
        sentence("This is our opportunity"),
        "\"This is our opportunity to build real momentum toward peace."
    );
    assert_eq!(
        sentence("a law degree"),
        "He holds a bachelor's degree in Political Science, a law degree from U.I.C. Law School, and has practiced law for more than 20 years."
    );
}
