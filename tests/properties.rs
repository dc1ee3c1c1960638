//! Property tests over the whole pipeline: for any text, every span is inside the text and
//! on character boundaries, quotations do not overlap, events are in order, the timeline is
//! sorted, output is deterministic, and nothing panics.

use chrono::NaiveDate;
use dossier::article::{Meta, Origin};
use dossier::corpus::{self, Progress};
use dossier::index::Index;
use dossier::ingest::Draft;
use dossier::record::Record;
use dossier::span::Span;
use proptest::prelude::*;

/// Pieces that exercise the extractors' rules: quotation marks of every kind, speech verbs,
/// names, titles, dates, numbers, abbreviations, pronouns, boilerplate, odd Unicode.
const TOKENS: &[&str] = &[
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "''",
    "``",
    "«",
    "»",
    "said",
    "says",
    "told",
    "added",
    "according to",
    "he",
    "she",
    "they",
    "Rubio",
    "Marco Rubio",
    "Secretary of State",
    "Donald J. Trump",
    "Zelenskyy",
    "U.S.",
    "U.N.",
    "Kyiv",
    "Moscow",
    "the Kremlin",
    "a senior official",
    "European diplomats",
    "on Friday",
    "late Friday",
    "December 20-21",
    "in May",
    "May",
    "2014",
    "2,000",
    "since at least April 2025",
    "three years ago",
    "next week",
    "Dec.",
    "Mr.",
    ".",
    ",",
    ":",
    "!",
    "?",
    "…",
    "...",
    "—",
    "-",
    "(",
    ")",
    "\n",
    "\n\n",
    " ",
    " ",
    " ",
    "the",
    "war",
    "peace",
    "talks",
    "We",
    "Sun",
    "Read More:",
    "3 hours ago",
    "© 2025 Example",
    "By Jane Doe in Paris December 23, 2025",
    "é",
    "日本",
    "🙂",
    "\u{a0}",
    "\t",
    "\r\n",
    "0",
    "1998-08-07",
    "Q3",
    "every week",
    "for weeks",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(prop::sample::select(TOKENS), 0..120).prop_map(|t| t.join(" ")),
        prop::collection::vec(prop::sample::select(TOKENS), 0..120).prop_map(|t| t.concat()),
        any::<String>(),
    ]
}

fn draft(text: &str, date: Option<NaiveDate>) -> Draft {
    let mut meta = Meta::default();
    if let Some(date) = date {
        meta.add_date(dossier::article::DateEvidence {
            date,
            source: dossier::article::DateSource::Field,
            span: None,
        });
    }
    Draft {
        origin: Origin {
            path: "prop.txt".into(),
            record: None,
        },
        text: text.to_string(),
        meta,
    }
}

fn index_of(text: &str, date: Option<NaiveDate>) -> Index {
    let articles = corpus::analyse(vec![draft(text, date)], &Progress::default());
    Index::build(articles, Vec::new())
}

fn assert_span(text: &str, span: Span, what: &str) {
    assert!(span.start <= span.end, "{what}: {span:?} reversed");
    assert!(
        span.end() <= text.len(),
        "{what}: {span:?} beyond {}",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start()) && text.is_char_boundary(span.end()),
        "{what}: {span:?} not on char boundaries"
    );
}

fn check(text: &str, date: Option<NaiveDate>) {
    let index = index_of(text, date);
    for a in &index.articles {
        let t = a.text.as_str();
        for p in a.layout.paragraphs() {
            assert_span(t, p.span, "paragraph");
        }
        for s in a.layout.sentences() {
            assert_span(t, s, "sentence");
        }
        let x = a.extraction();
        for m in &x.mentions {
            assert_span(t, m.span, "mention");
            assert!(
                (m.actor as usize) < x.actors.len(),
                "mention actor out of range"
            );
        }
        for q in &x.quotes {
            assert_span(t, q.span, "quote");
            for s in [q.speaker, q.cue].into_iter().flatten() {
                assert_span(t, s, "quote speaker/cue");
            }
            assert!(q.actor.is_none_or(|i| (i as usize) < x.actors.len()));
        }
        for pair in x.quotes.windows(2) {
            assert!(
                pair[0].span.end <= pair[1].span.start,
                "quotes overlap: {pair:?}"
            );
        }
        for tx in &x.timexes {
            assert_span(t, tx.span, "timex");
        }
        for e in &x.events {
            assert_span(t, e.span, "event");
            assert_span(t, e.label, "event label");
            assert!(e.actors.iter().all(|&i| (i as usize) < x.actors.len()));
        }
        for pair in x.events.windows(2) {
            assert!(
                pair[0].span.start <= pair[1].span.start,
                "events out of text order"
            );
        }
    }
    let keys: Vec<(bool, Option<NaiveDate>)> = index
        .timeline
        .iter()
        .map(|e| (e.date.is_none(), e.date.map(|d| d.start)))
        .collect();
    assert!(keys.windows(2).all(|w| w[0] <= w[1]), "timeline not sorted");

    // Deterministic: the same input gives the same output.
    let again = index_of(text, date);
    let records = |i: &Index| -> Vec<String> {
        i.articles
            .iter()
            .map(|a| serde_json::to_string(&Record::of(a)).unwrap())
            .collect()
    };
    assert_eq!(records(&index), records(&again));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_text_gives_valid_spans(text in text_strategy(), dated in any::<bool>()) {
        check(&text, dated.then(|| NaiveDate::from_ymd_opt(2025, 12, 23).unwrap()));
    }
}
