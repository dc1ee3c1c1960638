//! Events built from real sentences, with hand-made quotations and mentions.

use chrono::NaiveDate;

use super::*;
use crate::extract::actors::{EntityType, MentionForm};
use crate::extract::quotes::Method;
use crate::layout::Layout;
use crate::segment;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A layout whose first paragraph is marked as a dateline when `dateline` is set.
fn layout_of(text: &str, dateline: bool) -> Layout {
    let paragraphs = segment::paragraphs(text);
    let mut marks = vec![None; paragraphs.len()];
    if dateline {
        marks[0] = Some(Boilerplate::Metadata);
    }
    segment::layout(text, &paragraphs, &marks)
}

/// The span of the first occurrence of `what` in `text`.
fn span_of(text: &str, what: &str) -> Span {
    let at = text
        .find(what)
        .unwrap_or_else(|| panic!("{what} not in text"));
    Span::new(at, at + what.len())
}

fn mention(text: &str, what: &str, actor: u32) -> Mention {
    Mention {
        span: span_of(text, what),
        entity: EntityType::Person,
        actor,
        form: MentionForm::Full,
        possessive: false,
        title: None,
    }
}

fn quote(text: &str, what: &str, kind: QuoteKind, speaker: Option<(&str, u32)>) -> Quote {
    let span = span_of(text, what);
    Quote {
        span,
        parts: vec![span],
        closed: true,
        kind,
        speaker: speaker.map(|(s, _)| span_of(text, s)),
        antecedent: None,
        actor: speaker.map(|(_, a)| a),
        cue: None,
        method: Method::Cue,
        inferred: false,
        group: 0,
    }
}

/// Runs time extraction and event building over `text`.
fn events(
    text: &str,
    published: Option<NaiveDate>,
    dateline: bool,
    mentions: &[Mention],
    quotes: &[Quote],
) -> Vec<Event> {
    let layout = layout_of(text, dateline);
    let doc = Doc {
        text,
        layout: &layout,
        published,
    };
    let timexes = time::extract(&doc);
    extract(&doc, &timexes, mentions, quotes)
}

/// (kind, date value, label) of each event.
fn summary<'a>(text: &'a str, events: &[Event]) -> Vec<(EventKind, Option<String>, &'a str)> {
    events
        .iter()
        .map(|e| {
            (
                e.kind,
                e.value.as_ref().map(ToString::to_string),
                e.label.text(text),
            )
        })
        .collect()
}

#[test]
fn publication_points_at_the_dateline() {
    let text = "Published On 19 Dec 2025\n\nOn Friday, Rubio noted that wars generally end one of two ways.";
    let all = events(text, Some(ymd(2025, 12, 19)), true, &[], &[]);
    assert_eq!(all[0].kind, EventKind::Publication);
    assert_eq!(all[0].span.text(text), "19 Dec 2025");
    assert_eq!(all[0].value.as_deref(), Some("2025-12-19"));
    assert_eq!(all[0].granularity, Some(Granularity::Day));
}

#[test]
fn publication_without_date_evidence_has_an_empty_span() {
    let text = "On Friday, Rubio noted that wars generally end one of two ways.";
    let all = events(text, Some(ymd(2025, 12, 19)), false, &[], &[]);
    assert_eq!(all[0].kind, EventKind::Publication);
    assert_eq!(all[0].span, Span::new(0, 0));
    assert!(events(text, None, false, &[], &[]).is_empty());
}

#[test]
fn one_event_per_dated_sentence() {
    let text = "The rivalry intensified in November, when Witkoff held a series of undisclosed meetings with Ukrainian officials. The talks lasted three weeks. Rubio undermined that proposal by calling a Geneva summit on November 23 where the EU and Ukraine produced their own version of the plan.";
    let mentions = [
        mention(text, "Witkoff", 0),
        mention(text, "Rubio", 1),
        mention(text, "EU", 2),
    ];
    let all = events(text, Some(ymd(2025, 12, 23)), false, &mentions, &[]);
    assert_eq!(
        summary(text, &all),
        vec![
            (EventKind::Publication, Some("2025-12-23".to_string()), ""),
            (
                EventKind::Event,
                Some("2025-11".to_string()),
                "The rivalry intensified in November"
            ),
            (
                EventKind::Event,
                Some("2025-11-23".to_string()),
                "Rubio undermined that proposal by calling a Geneva summit on November 23 where the EU and Ukraine"
            ),
        ]
    );
    assert_eq!(all[1].actors, vec![0]);
    assert_eq!(all[2].actors, vec![1, 2]);
    assert_eq!(all[1].granularity, Some(Granularity::Month));
    for e in &all[1..] {
        assert!(e.label.len() <= label::MAX_LABEL);
        assert!(e.span.covers(e.label));
    }
}

#[test]
fn a_range_is_one_dated_event() {
    let text =
        "Tensions surfaced after the Miami meeting on December 20-21 failed to make any progress.";
    let all = events(text, Some(ymd(2025, 12, 23)), false, &[], &[]);
    let e = &all[1];
    assert_eq!(e.value.as_deref(), Some("2025-12-20/2025-12-21"));
    assert_eq!(
        e.date,
        Some(Interval {
            start: ymd(2025, 12, 20),
            end: ymd(2025, 12, 21)
        })
    );
}

#[test]
fn undated_articles_have_only_absolute_events() {
    let text = "On Friday, Washington asked Kyiv to withdraw its draft. The vote was held on February 24, 2025.";
    let all = events(text, None, false, &[], &[]);
    assert_eq!(
        summary(text, &all),
        vec![(
            EventKind::Event,
            Some("2025-02-24".to_string()),
            "The vote was held on February 24, 2025"
        )]
    );
}

#[test]
fn statements_take_the_date_of_their_sentence() {
    let text =
        "“This is our opportunity to build real momentum toward peace,” Rubio said late Friday.";
    let quotes = [quote(
        text,
        "“This is our opportunity to build real momentum toward peace,”",
        QuoteKind::Full,
        Some(("Rubio", 4)),
    )];
    let mentions = [mention(text, "Rubio", 4)];
    let all = events(text, Some(ymd(2025, 12, 23)), false, &mentions, &quotes);
    // The sentence's date went to the statement: no separate event for it.
    assert_eq!(all.len(), 2);
    let s = &all[1];
    assert_eq!(s.kind, EventKind::Statement);
    assert_eq!(s.value.as_deref(), Some("2025-12-19"));
    assert!(!s.approximate);
    assert_eq!(s.actors, vec![4]);
    assert_eq!(s.span, quotes[0].span);
}

#[test]
fn statements_fall_back_to_the_publication_date() {
    let text = "“Every sovereign nation on Earth has a right to defend itself,” he said.";
    let quotes = [quote(
        text,
        "“Every sovereign nation on Earth has a right to defend itself,”",
        QuoteKind::Full,
        Some(("he", 2)),
    )];
    let dated = events(text, Some(ymd(2025, 12, 19)), false, &[], &quotes);
    let s = &dated[1];
    assert_eq!(
        (s.kind, s.value.as_deref(), s.approximate),
        (EventKind::Statement, Some("2025-12-19"), true)
    );
    assert_eq!(s.actors, vec![2]);
    let undated = events(text, None, false, &[], &quotes);
    assert_eq!(undated.len(), 1);
    assert_eq!((undated[0].date, undated[0].approximate), (None, false));
}

#[test]
fn a_date_inside_the_quotation_is_not_the_statement_date() {
    let text = "“We will meet again next week,” Umerov said.";
    let quotes = [quote(
        text,
        "“We will meet again next week,”",
        QuoteKind::Full,
        Some(("Umerov", 0)),
    )];
    let all = events(text, Some(ymd(2025, 12, 19)), false, &[], &quotes);
    let s = all.iter().find(|e| e.kind == EventKind::Statement).unwrap();
    assert_eq!(
        (s.value.as_deref(), s.approximate),
        (Some("2025-12-19"), true)
    );
    // The sentence itself still dates an event: the meeting next week.
    assert!(
        all.iter()
            .any(|e| e.kind == EventKind::Event && e.value.as_deref() == Some("2025-W52"))
    );
}

#[test]
fn partial_quotations_are_not_statements() {
    let text = "Rubio dismissed the idea as “fake news” at the time.";
    let quotes = [quote(
        text,
        "“fake news”",
        QuoteKind::Partial,
        Some(("Rubio", 0)),
    )];
    let all = events(text, Some(ymd(2025, 12, 23)), false, &[], &quotes);
    assert!(all.iter().all(|e| e.kind != EventKind::Statement));
}

#[test]
fn long_quotations_are_labelled_by_their_start() {
    let text = "“What we are trying to figure out here is what can Ukraine live with and what can Russia live with and see if we can drive them towards each other,” he said.";
    let q = "“What we are trying to figure out here is what can Ukraine live with and what can Russia live with and see if we can drive them towards each other,”";
    let quotes = [quote(text, q, QuoteKind::Full, None)];
    let all = events(text, Some(ymd(2025, 12, 19)), false, &[], &quotes);
    let label = all[1].label.text(text);
    assert!(label.len() <= label::MAX_LABEL);
    assert!(q.starts_with(label));
    assert!(q[label.len()..].starts_with(' '));
}

#[test]
fn a_cut_quotation_label_does_not_end_on_a_function_word() {
    let text = "\"We have called on Ukraine to withdraw its draft resolution and instead join with us on a resolution that ends the war.\"";
    let span = super::quote_label(text, Span::new(0, text.len()));
    assert_eq!(
        span.text(text),
        "\"We have called on Ukraine to withdraw its draft resolution and instead join with us"
    );
}

#[test]
fn label_cuts_mark_words_left_out_before_and_after_the_label() {
    let text = "Officials said the talks, which began in Geneva, ended on Friday without a deal.";
    let all = events(text, Some(ymd(2025, 12, 23)), false, &[], &[]);
    let e = &all[1];
    assert_eq!(
        e.label_text(text),
        "Officials said the talks, which began in Geneva, ended on Friday without a deal"
    );
    // The full stop left out is not a cut.
    assert_eq!(e.label_cuts(text), (false, false));
    let within = |from: &str, to: &str| Event {
        label: Span::new(text.find(from).unwrap(), text.find(to).unwrap() + to.len()),
        ..e.clone()
    };
    assert_eq!(within("the talks", "deal").label_cuts(text), (true, false));
    assert_eq!(
        within("Officials", "Geneva").label_cuts(text),
        (false, true)
    );
    assert_eq!(within("which", "Geneva").label_cuts(text), (true, true));
    // An opening bracket before the label is punctuation, not words.
    let bracketed = "(Talks ended on Friday.)";
    let b = &events(bracketed, Some(ymd(2025, 12, 23)), false, &[], &[])[1];
    assert_eq!(b.label_text(bracketed), "Talks ended on Friday");
    assert_eq!(b.label_cuts(bracketed), (false, false));
    // A publication date given by hand has no label: nothing is cut.
    let bare = Event {
        label: Span::new(0, 0),
        ..e.clone()
    };
    assert_eq!(bare.label_cuts(text), (false, false));
}
