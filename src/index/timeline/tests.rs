//! Merging events across articles: the same happening merges, different dates never do.

use chrono::NaiveDate;

use super::*;
use crate::article::{DateEvidence, DateSource, Meta, Origin};
use crate::corpus;
use crate::ingest::Draft;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// An extracted article published on `date` (if any).
fn article(name: &str, text: &str, date: Option<NaiveDate>) -> Article {
    let mut meta = Meta::default();
    if let Some(date) = date {
        meta.add_date(DateEvidence {
            date,
            source: DateSource::Field,
            span: None,
        });
    }
    corpus::analyse_one(Draft {
        origin: Origin {
            path: name.into(),
            record: None,
        },
        text: text.to_string(),
        meta,
    })
}

/// Gives every dated sentence event of `a` the local actor 0, mapped to corpus actor `actor`.
fn with_actor(a: &mut Article, actor: u32, actor_of: &mut Vec<Vec<u32>>) {
    let mut x = a.extraction();
    for e in &mut x.events {
        if e.kind == EventKind::Event {
            e.actors = vec![0];
        }
    }
    a.set_extraction(&x);
    assert_eq!(a.extraction(), x, "the article has a local actor 0");
    actor_of.push(vec![actor]);
}

/// The timeline of two articles published on 2025-12-23 whose dated sentences all mention
/// the same corpus actor.
fn two_with_one_actor(a: &str, b: &str) -> Vec<Entry> {
    let mut a = article("a", a, Some(ymd(2025, 12, 23)));
    let mut b = article("b", b, Some(ymd(2025, 12, 23)));
    let mut actor_of = Vec::new();
    with_actor(&mut a, 1, &mut actor_of);
    with_actor(&mut b, 1, &mut actor_of);
    build(&[a, b], &actor_of).0
}

/// The timeline rows as (kind, first day, number of sources).
fn rows(entries: &[Entry]) -> Vec<(EventKind, Option<NaiveDate>, usize)> {
    entries
        .iter()
        .map(|e| (e.kind, e.date.map(|d| d.start), e.sources.len()))
        .collect()
}

#[test]
fn the_same_summit_in_two_articles_is_one_entry() {
    let mut a = article(
        "a",
        "Rubio undermined that proposal by calling a Geneva summit on November 23 with the EU and Ukraine.",
        Some(ymd(2025, 12, 23)),
    );
    let mut b = article(
        "b",
        "At the Geneva summit on November 23, Rubio, the EU and Ukraine drafted their own version of the plan.",
        Some(ymd(2025, 12, 24)),
    );
    let mut actor_of = Vec::new();
    with_actor(&mut a, 7, &mut actor_of);
    with_actor(&mut b, 7, &mut actor_of);
    let articles = vec![a, b];
    let (entries, entry_of) = build(&articles, &actor_of);
    assert_eq!(
        rows(&entries),
        vec![
            (EventKind::Event, Some(ymd(2025, 11, 23)), 2),
            (EventKind::Publication, Some(ymd(2025, 12, 23)), 1),
            (EventKind::Publication, Some(ymd(2025, 12, 24)), 1),
        ]
    );
    assert_eq!(entries[0].actors, vec![7]);
    assert_eq!(
        entries[0].sources,
        vec![ItemRef::new(0, 1), ItemRef::new(1, 1)]
    );
    assert_eq!(entry_of, vec![vec![1, 0], vec![2, 0]]);
}

#[test]
fn a_month_joins_the_day_it_contains() {
    let entries = two_with_one_actor(
        "Rubio called a Geneva summit on November 23 with the EU and Ukraine.",
        "In November, Rubio called a Geneva summit with the EU and Ukraine.",
    );
    let summit = entries.iter().find(|e| e.kind == EventKind::Event).unwrap();
    assert_eq!(summit.sources.len(), 2);
    assert_eq!(summit.granularity, Some(Granularity::Day));
    assert_eq!(summit.date.map(|d| d.start), Some(ymd(2025, 11, 23)));
}

#[test]
fn different_days_never_merge() {
    let entries = two_with_one_actor(
        "Rubio called a Geneva summit on November 23 with the EU and Ukraine.",
        "Rubio called a Geneva summit on November 24 with the EU and Ukraine.",
    );
    let events: Vec<_> = entries
        .iter()
        .filter(|e| e.kind == EventKind::Event)
        .map(|e| (e.date.map(|d| d.start), e.sources.len()))
        .collect();
    assert_eq!(
        events,
        vec![(Some(ymd(2025, 11, 23)), 1), (Some(ymd(2025, 11, 24)), 1)]
    );
}

#[test]
fn unrelated_events_on_one_day_stay_apart() {
    let a = article(
        "a",
        "Rubio called a Geneva summit on November 23 with the EU and Ukraine.",
        Some(ymd(2025, 12, 23)),
    );
    let b = article(
        "b",
        "Floods closed schools across Valencia on November 23 after record rainfall.",
        Some(ymd(2025, 12, 23)),
    );
    let (entries, _) = build(&[a, b], &[vec![], vec![]]);
    assert_eq!(
        entries
            .iter()
            .filter(|e| e.kind == EventKind::Event)
            .count(),
        2
    );
}

#[test]
fn sorted_by_date_with_undated_last() {
    let dated = article(
        "a",
        "The vote was held on February 24, 2025 in New York.",
        Some(ymd(2025, 3, 1)),
    );
    // The quotation is extracted as an undated statement (the article has no date).
    let undated = article("b", "“We will never accept it,” he said.", None);
    let (entries, _) = build(&[undated, dated], &[vec![], vec![]]);
    assert_eq!(
        rows(&entries),
        vec![
            (EventKind::Event, Some(ymd(2025, 2, 24)), 1),
            (EventKind::Publication, Some(ymd(2025, 3, 1)), 1),
            (EventKind::Statement, None, 1),
        ]
    );
}

#[test]
fn a_year_comes_before_the_months_it_holds() {
    let a = article(
        "a",
        "Talks resumed in January 2025 in Riyadh. The envoy was appointed in 2025 after a long search.",
        Some(ymd(2025, 12, 1)),
    );
    let (entries, _) = build(&[a], &[vec![]]);
    let dated: Vec<_> = entries
        .iter()
        .filter(|e| e.kind == EventKind::Event)
        .map(|e| e.granularity)
        .collect();
    assert_eq!(
        dated,
        vec![Some(Granularity::Year), Some(Granularity::Month)]
    );
}

#[test]
fn the_index_is_the_same_on_one_thread_and_on_several() {
    let texts = [
        "Rubio called a Geneva summit on November 23 with the EU and Ukraine.",
        "At the Geneva summit on November 23, Rubio, the EU and Ukraine drafted their own plan.",
        "Floods closed schools across Valencia on November 23 after record rainfall.",
        "On October 2, Valencia officials said the floods had closed schools across the region.",
        "The central bank raised interest rates on October 2, its governor Ana Costa said.",
        "Ana Costa said the central bank raised interest rates on October 2 to fight inflation.",
        "In November, Rubio called a Geneva summit with the EU and Ukraine.",
        "“We will not accept a deal that ignores Ukraine,” Rubio said on December 1.",
        "“We will not accept any deal that ignores Ukraine,” Rubio told reporters on December 1.",
        "The envoy was appointed in 2025 after a long search in Washington.",
    ];
    let articles: Vec<Article> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| article(&format!("{i}.txt"), t, Some(ymd(2025, 12, 23))))
        .collect();
    let build_on = |threads: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| crate::index::Index::build(articles.clone(), Vec::new()))
    };
    let one = build_on(1);
    // The two reports of the summit on November 23 and the one of it "in November" are one
    // entry; the two reports of the rate rise on October 2 are another.
    let sources = |day: NaiveDate| {
        one.timeline
            .iter()
            .filter(|e| e.kind == EventKind::Event && e.date.map(|d| d.start) == Some(day))
            .map(|e| e.sources.len())
            .max()
    };
    assert_eq!(sources(ymd(2025, 11, 23)), Some(3));
    assert_eq!(sources(ymd(2025, 10, 2)), Some(2));
    for threads in [2, 4] {
        assert_eq!(build_on(threads), one, "{threads} threads");
    }
}

#[test]
fn a_word_keeps_its_first_entries_in_order_without_repeats() {
    let mut postings = Postings::new(MAX_POSTINGS);
    for id in [3, 3, 5, 1] {
        postings.push(7, id);
    }
    postings.push(8, 2);
    let ids = |postings: &Postings, word: u32| {
        let mut ids = Vec::new();
        postings.each_id(word, |id| ids.push(id));
        ids
    };
    assert_eq!(ids(&postings, 7), vec![3, 5, 1]);
    assert_eq!(ids(&postings, 8), vec![2]);
    assert_eq!(ids(&postings, 9), Vec::<u32>::new());
    for id in 0..100 {
        postings.push(9, id);
    }
    assert_eq!(ids(&postings, 9), (0..MAX_POSTINGS).collect::<Vec<_>>());
    // Without a cap, a word keeps every id.
    let mut every = Postings::new(u32::MAX);
    for id in 0..100 {
        every.push(9, id);
    }
    assert_eq!(ids(&every, 9), (0..100).collect::<Vec<_>>());
}

#[test]
fn each_element_moves_to_its_place() {
    let mut list = vec!['a', 'b', 'c', 'd'];
    let mut to = vec![2, 0, 3, 1];
    move_to(&mut to, |a, b| list.swap(a, b));
    assert_eq!(list, vec!['b', 'd', 'a', 'c']);
    assert_eq!(to, vec![0, 1, 2, 3]);
}

#[test]
fn events_of_one_year_merge_on_shared_words_only() {
    let texts = [
        "The envoy was appointed in 2024 after a long search in Washington.",
        "The envoy was appointed in 2024 after a long search in Washington, officials said.",
        "The bridge was rebuilt in 2024 after a long flood.",
    ];
    let articles: Vec<Article> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| article(&format!("{i}.txt"), t, Some(ymd(2025, 12, 23))))
        .collect();
    let actor_of = vec![Vec::new(); articles.len()];
    let (entries, entry_of) = build(&articles, &actor_of);
    let year: Vec<&Entry> = entries
        .iter()
        .filter(|e| e.kind == EventKind::Event && e.granularity == Some(Granularity::Year))
        .collect();
    // The two reports of the appointment are one entry; the bridge, which shares one word
    // with it, is another.
    let mut sizes: Vec<usize> = year.iter().map(|e| e.sources.len()).collect();
    sizes.sort_unstable();
    assert_eq!(sizes, vec![1, 2]);
    let appointment = |a: usize| {
        entry_of[a]
            .iter()
            .find(|&&id| entries[id as usize].sources.len() == 2)
    };
    assert_eq!(appointment(0), appointment(1));
    assert!(appointment(0).is_some() && appointment(2).is_none());
}
