//! Time expressions, events and the timeline on the four bundled sample articles.

use chrono::NaiveDate;
use dossier::article::{Article, DateEvidence, DateSource};
use dossier::corpus::{self, Input, Progress};
use dossier::extract::events::EventKind;
use dossier::extract::time::{Granularity, Interval, Timex};

fn samples() -> Vec<Article> {
    corpus::load(&Input::Sample, &Progress::default()).articles
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The time expressions of `a` written exactly `text`.
fn all(a: &Article, text: &str) -> Vec<Timex> {
    a.timexes()
        .filter(|t| t.span.text(&a.text) == text)
        .collect()
}

/// The time expression of `a` written `text` right after `before` (to pick one of several).
fn after(a: &Article, before: &str, text: &str) -> Timex {
    let at = a.text.find(&format!("{before}{text}")).unwrap() + before.len();
    a.timexes()
        .find(|t| t.span.start() == at && t.span.text(&a.text) == text)
        .unwrap_or_else(|| panic!("no timex {text:?} after {before:?}"))
}

fn interval(start: NaiveDate, end: NaiveDate) -> Option<Interval> {
    Some(Interval { start, end })
}

#[test]
fn al_jazeera_friday_and_january() {
    let a = &samples()[2];
    assert_eq!(a.date(), Some(ymd(2025, 12, 19)));
    for (before, text, value, first, last, granularity) in [
        (
            "on ",
            "Friday",
            "2025-12-19",
            ymd(2025, 12, 19),
            ymd(2025, 12, 19),
            Granularity::Day,
        ),
        (
            "in ",
            "January",
            "2025-01",
            ymd(2025, 1, 1),
            ymd(2025, 1, 31),
            Granularity::Month,
        ),
    ] {
        let t = after(a, before, text);
        assert_eq!(
            (t.value.as_str(), t.interval, t.granularity),
            (value, interval(first, last), Some(granularity)),
            "{text}"
        );
    }
}

#[test]
fn bne_dates_ranges_and_months() {
    let a = &samples()[3];
    assert_eq!(a.date(), Some(ymd(2025, 12, 23)));
    let range = interval(ymd(2025, 12, 20), ymd(2025, 12, 21));
    let start = after(a, "on ", "December 20");
    let end = after(a, "December 20-", "21");
    assert_eq!(
        (start.value.as_str(), start.interval),
        ("2025-12-20", range)
    );
    assert_eq!((end.value.as_str(), end.interval), ("2025-12-21", range));
    assert_eq!(after(a, "on ", "November 23").value, "2025-11-23");
    assert_eq!(after(a, "In ", "May").value, "2025-05");
    for november in [
        after(a, "intensified in ", "November"),
        after(a, "suggested in ", "November"),
    ] {
        assert_eq!(november.value, "2025-11");
    }
    let april = after(a, "since at least ", "April 2025");
    assert_eq!(april.value, "2025-04");
    assert_eq!(april.interval, interval(ymd(2025, 4, 1), ymd(2025, 12, 23)));
}

#[test]
fn undated_articles_keep_weekdays_unresolved() {
    let articles = samples();
    let friday = &all(&articles[0], "Friday")[0];
    assert_eq!(
        (friday.value.as_str(), friday.interval),
        ("XXXX-WXX-5", None)
    );
    let thursday = &all(&articles[1], "Thursday")[0];
    assert_eq!(
        (thursday.value.as_str(), thursday.interval),
        ("XXXX-WXX-4", None)
    );
}

#[test]
fn weekdays_resolve_once_the_article_gets_a_date() {
    let mut a = samples().remove(0);
    // Undated: only statements from the quotations, all of them undated.
    assert!(
        a.events()
            .all(|e| e.kind == EventKind::Statement && e.date.is_none())
    );
    // Set in review: Saturday, February 22, 2025.
    a.meta.add_date(DateEvidence {
        date: ymd(2025, 2, 22),
        source: DateSource::User,
        span: None,
    });
    corpus::reextract(&mut a);
    assert_eq!(after(&a, "On ", "Friday").value, "2025-02-21");
    assert_eq!(after(&a, "resolution ", "late Friday").value, "2025-02-21");
    assert_eq!(after(&a, "position ", "Saturday").value, "2025-02-22");
    assert_eq!(after(&a, "Trump ", "next week").value, "2025-W09");
    let kinds: Vec<EventKind> = a.events().map(|e| e.kind).collect();
    assert_eq!(kinds[0], EventKind::Publication);
    assert!(
        a.events()
            .any(|e| e.kind == EventKind::Event && e.value.as_deref() == Some("2025-02-21"))
    );
}

#[test]
fn sample_timeline_is_sorted_with_labels_inside_sources() {
    let index = corpus::load(&Input::Sample, &Progress::default());
    let dates: Vec<Option<NaiveDate>> = index
        .timeline
        .iter()
        .map(|e| e.date.map(|d| d.start))
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_by_key(|d| (d.is_none(), *d));
    assert_eq!(dates, sorted);
    assert!(dates.contains(&Some(ymd(2014, 1, 1))));
    for entry in &index.timeline {
        for s in &entry.sources {
            let a = &index.articles[s.article as usize];
            let e = a.events().nth(s.item as usize).unwrap();
            assert!(e.label.len() <= 100, "{}", e.label.text(&a.text));
            assert!(
                e.span.is_empty() || e.span.covers(e.label) || e.kind == EventKind::Publication
            );
        }
    }
    let summit = index
        .timeline
        .iter()
        .find(|e| e.date.map(|d| d.start) == Some(ymd(2025, 12, 20)))
        .expect("the Miami meeting");
    assert_eq!(summit.date, interval(ymd(2025, 12, 20), ymd(2025, 12, 21)));
}
