//! The explorer driven headless with keys and actions: linked selection, the finder, history,
//! layouts, mouse, loading, and screen snapshots.

mod common;

use common::{Harness, actor, fixture, styled_text};
use crossterm::event::{KeyCode, KeyModifiers};
use dossier::app::catalog::Catalog;
use dossier::app::keymap::{Context, Keymap};
use dossier::app::layout::Pane;
use dossier::app::source::Item;
use dossier::app::status::LoadProgress;
use dossier::app::theme::Theme;
use dossier::app::timeline::Row;
use dossier::app::{Action, App, Effect, help};
use dossier::search::{Query, QuoteIndex, Searcher};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

fn catalog(h: &Harness) -> &Catalog {
    h.app.catalog.as_deref().unwrap()
}

fn mark_text(h: &Harness) -> String {
    let c = catalog(h);
    let a = h.app.source.article.unwrap();
    h.app
        .source
        .mark
        .unwrap()
        .span
        .text(&c.index.articles[a].text)
        .to_string()
}

#[test]
fn choosing_an_actor_filters_the_timeline_to_its_events() {
    let mut h = Harness::new(fixture(), 120, 40);
    let c = catalog(&h);
    let rubio = actor(c, "Marco Rubio");
    let all = c.index.timeline.len();
    let involving: Vec<u32> = (0..all as u32)
        .filter(|&e| c.index.timeline[e as usize].actors.contains(&rubio))
        .collect();
    assert!(!involving.is_empty() && involving.len() < all);

    h.key(KeyCode::Char('2'));
    h.key(KeyCode::Char('f'));
    h.type_text("marco rub");
    h.key(KeyCode::Enter); // stop typing, keep the filter
    assert_eq!(h.app.actors.rows, vec![rubio]);
    h.key(KeyCode::Enter); // choose
    assert_eq!(h.app.filter, Some(rubio));
    assert_eq!(h.timeline_entries(), involving);
    assert!(h.screen().contains("filter: Marco Rubio"));
    // The source shows the actor's first mention.
    assert!(["Rubio", "Marco Rubio"].contains(&mark_text(&h).as_str()));
    assert!(matches!(
        h.app.source.mark.unwrap().item,
        Some(Item::Mention(_))
    ));

    // Choosing again clears; so does Esc.
    h.key(KeyCode::Enter);
    assert_eq!(h.app.filter, None);
    assert_eq!(h.timeline_entries().len(), all);
    h.key(KeyCode::Enter);
    assert_eq!(h.app.filter, Some(rubio));
    h.key(KeyCode::Esc);
    assert_eq!(h.app.filter, None);
}

#[test]
fn finder_jumps_to_the_quotation_and_every_pane_follows() {
    let mut h = Harness::new(fixture(), 120, 40);
    h.key(KeyCode::Char('/'));
    assert!(h.app.finder.open);
    h.type_text("drag this out");
    h.settle();
    let found = h.app.finder.found.clone();
    assert_eq!(found.total, 1);
    let screen = h.screen();
    assert!(screen.contains("Find quotations"), "{screen}");
    assert!(screen.contains("Marco Rubio"), "{screen}");
    assert!(screen.contains("not going to drag this out"), "{screen}");

    h.key(KeyCode::Enter);
    assert!(!h.app.finder.open);
    assert_eq!(h.app.focus, Pane::Source);
    let c = catalog(&h);
    let article = &c.index.articles[h.app.source.article.unwrap()];
    assert!(article.origin.path.ends_with("001_7f5b5be26bb1a0d8.txt"));
    assert!(mark_text(&h).starts_with("“We’re not going to drag this out for weeks or months."));
    assert!(matches!(
        h.app.source.mark.unwrap().item,
        Some(Item::Quote(_))
    ));
    // The timeline selects the statement, the actor pane its speaker.
    let entry = h.app.timeline.selected().unwrap();
    let (_, event) = c.entry_event(&c.index.timeline[entry as usize]).unwrap();
    assert_eq!(event.span, h.app.source.mark.unwrap().span);
    assert_eq!(h.app.actors.selected(), Some(actor(c, "Marco Rubio")));
    // The quotation is highlighted (reversed) and scrolled into view.
    let reversed = styled_text(&h.buffer(), Modifier::REVERSED).join(" ");
    assert!(reversed.contains("drag this out for"), "{reversed}");
}

#[test]
fn moving_in_the_timeline_shows_the_event_and_marks_its_actors() {
    let mut h = Harness::new(fixture(), 120, 40);
    let first = h.app.timeline.selected().unwrap();
    h.key(KeyCode::Char('j'));
    let second = h.app.timeline.selected().unwrap();
    assert_ne!(first, second);
    let c = catalog(&h);
    let entry = &c.index.timeline[second as usize];
    let (a, event) = c.entry_event(entry).unwrap();
    assert_eq!(h.app.source.article, Some(a));
    assert_eq!(h.app.source.mark.unwrap().span, event.span);
    let mut marked = entry.actors.clone();
    marked.sort_unstable();
    assert_eq!(h.app.actors.marked, marked);
    h.key(KeyCode::Char('G'));
    assert_eq!(
        h.app.timeline.selected(),
        h.timeline_entries().last().copied()
    );
    h.key(KeyCode::Char('g'));
    assert_eq!(h.app.timeline.selected(), Some(first));
}

#[test]
fn stepping_through_the_source_selects_event_and_actor() {
    let mut h = Harness::new(fixture(), 120, 40);
    // Go to the article with the "drag this out" quotation, at its top.
    h.key(KeyCode::Char('3'));
    for _ in 0..4 {
        h.key(KeyCode::Char('<'));
    }
    for _ in 0..4 {
        let a = h.app.source.article.unwrap();
        if catalog(&h).index.articles[a].text.contains("drag this out") {
            break;
        }
        h.key(KeyCode::Char('>'));
    }
    h.app.source.mark = None;
    h.key(KeyCode::Char('g'));
    let mut saw_quote = false;
    for _ in 0..40 {
        h.key(KeyCode::Char('n'));
        let mark = h.app.source.mark.unwrap();
        let c = catalog(&h);
        let a = h.app.source.article.unwrap();
        let x = c.index.articles[a].extraction();
        if let Some(Item::Quote(q)) = mark.item {
            saw_quote = true;
            let entry = h.app.timeline.selected().unwrap();
            let (_, event) = c.entry_event(&c.index.timeline[entry as usize]).unwrap();
            assert_eq!(event.span, mark.span);
            if let Some(speaker) = c.quote_actor(a, &x.quotes[q as usize]) {
                assert_eq!(h.app.actors.selected(), Some(speaker));
            }
        }
        if let Some(Item::Mention(m)) = mark.item {
            let who = c.index.actor_of(a, x.mentions[m as usize].actor).unwrap();
            assert_eq!(h.app.actors.selected(), Some(who));
        }
    }
    assert!(saw_quote);
    // Stepping back returns to earlier items.
    let here = h.app.source.mark.unwrap().span.start;
    h.key(KeyCode::Char('p'));
    assert!(h.app.source.mark.unwrap().span.start <= here);
}

#[test]
fn back_and_forward_through_the_selection_history() {
    let mut h = Harness::new(fixture(), 120, 40);
    let before = h.app.selection();
    h.key(KeyCode::Char('/'));
    h.type_text("drag this");
    h.settle();
    h.key(KeyCode::Enter);
    let jumped = h.app.selection();
    assert_ne!(before.mark, jumped.mark);
    h.key(KeyCode::Backspace);
    assert_eq!(h.app.source.article, before.article);
    assert_eq!(h.app.source.mark, before.mark);
    assert_eq!(h.app.timeline.selected(), before.entry);
    h.press(KeyCode::Right, KeyModifiers::ALT);
    assert_eq!(h.app.source.mark, jumped.mark);
    h.press(KeyCode::Char('o'), KeyModifiers::CONTROL);
    assert_eq!(h.app.source.mark, before.mark);
}

#[test]
fn finder_results_answer_the_latest_query() {
    let catalog = fixture();
    let index = QuoteIndex::build(catalog.quotes.len(), |id| catalog.fields(id));
    let expected = Searcher::new()
        .search(&index, &catalog, &Query::parse("@rubio right"), &mut ())
        .unwrap();
    assert!(expected.total >= 1);
    let mut h = Harness::new(fixture(), 120, 40);
    h.key(KeyCode::Char('/'));
    h.type_text("we");
    h.type_text(" x");
    h.key(KeyCode::Backspace);
    h.key(KeyCode::Backspace);
    h.key(KeyCode::Backspace);
    h.key(KeyCode::Backspace);
    h.type_text("@rubio right");
    h.settle();
    assert_eq!(h.app.finder.input.text, "@rubio right");
    assert_eq!(h.app.finder.found, expected);
    // Keys typed in the finder never reach the panes.
    h.type_text(" q");
    assert!(!h.app.quit);
    h.key(KeyCode::Esc);
    assert!(!h.app.finder.open);
}

#[test]
fn finder_query_syntax_in_the_app() {
    let mut h = Harness::new(fixture(), 120, 40);
    let c = catalog(&h);
    let umerov = actor(c, "Rustem Umerov");
    h.key(KeyCode::Char('/'));
    h.type_text("@umerov");
    h.settle();
    let ids: Vec<u32> = h.app.finder.found.hits.iter().map(|x| x.id).collect();
    assert!(!ids.is_empty());
    let c = catalog(&h);
    for id in ids {
        let (a, q) = c.quote(id).unwrap();
        assert_eq!(c.quote_actor(a, &q), Some(umerov));
    }
    h.key(KeyCode::Char('u'));
    h.key(KeyCode::Backspace);
    h.press(KeyCode::Char('u'), KeyModifiers::CONTROL);
    h.type_text("'sovereign nation");
    h.settle();
    assert_eq!(h.app.finder.found.total, 1);
}

#[test]
fn focus_keys_and_small_terminals() {
    let mut h = Harness::new(fixture(), 120, 40);
    assert_eq!(h.app.focus, Pane::Timeline);
    h.key(KeyCode::Tab);
    assert_eq!(h.app.focus, Pane::Actors);
    h.key(KeyCode::Char('l'));
    assert_eq!(h.app.focus, Pane::Source);
    h.key(KeyCode::Char('l'));
    assert_eq!(h.app.focus, Pane::Source, "l stops at the last pane");
    h.key(KeyCode::Tab);
    assert_eq!(h.app.focus, Pane::Timeline, "Tab wraps");
    h.key(KeyCode::BackTab);
    assert_eq!(h.app.focus, Pane::Source);
    h.key(KeyCode::Char('2'));
    assert_eq!(h.app.focus, Pane::Actors);

    // Shrinking hides the actors, then the timeline; the focus moves to the source.
    h.act(Action::Resize(60, 24));
    assert_eq!(h.app.focus, Pane::Source);
    h.key(KeyCode::Char('2'));
    assert_eq!(h.app.focus, Pane::Source, "hidden panes take no focus");
    for (w, hgt) in [(30, 10), (23, 5), (1, 1), (0, 0), (200, 3), (24, 6)] {
        h.act(Action::Resize(w, hgt));
        let screen = h.screen();
        if w >= 9 && hgt >= 1 && (w < 24 || hgt < 6) {
            assert!(
                screen.starts_with("Terminal too small") || screen.starts_with("Too small"),
                "{screen}"
            );
        }
        h.key(KeyCode::Char('j'));
        h.key(KeyCode::Char('n'));
    }
}

#[test]
fn mouse_clicks_focus_and_select_and_the_wheel_scrolls() {
    let mut h = Harness::new(fixture(), 120, 40);
    let areas = h.app.areas().unwrap();
    let actors = areas.actors.unwrap();
    h.act(Action::Click(actors.x + 3, actors.y + 3));
    assert_eq!(h.app.focus, Pane::Actors);
    assert_eq!(h.app.actors.list.cursor, 2);
    let timeline = areas.timeline.unwrap();
    let rows = h.app.timeline.rows.clone();
    let entry_row = rows
        .iter()
        .rposition(|r| matches!(r, Row::Entry(_)))
        .unwrap();
    h.act(Action::Click(
        timeline.x + 5,
        timeline.y + 1 + entry_row as u16,
    ));
    assert_eq!(h.app.focus, Pane::Timeline);
    assert_eq!(h.app.timeline.list.cursor, entry_row);
    let source = areas.source.unwrap();
    h.key(KeyCode::Char('3'));
    h.key(KeyCode::Char('g'));
    assert_eq!(h.app.source.list.offset, 0);
    h.act(Action::Wheel(source.x + 5, source.y + 5, true));
    assert_eq!(h.app.source.list.offset, 3);
    h.act(Action::Wheel(source.x + 5, source.y + 5, false));
    assert_eq!(h.app.source.list.offset, 0);
}

#[test]
fn loading_shows_progress_and_q_cancels() {
    let mut app = App::new(
        Rect::new(0, 0, 80, 24),
        Theme { color: false },
        Keymap::default(),
    );
    app.update(Action::Progress(LoadProgress {
        files_total: 10_000,
        files_done: 2_500,
        articles: 2_400,
        bytes: 12_000_000,
        stage: dossier::corpus::Stage::Reading,
        elapsed: std::time::Duration::from_secs(2),
    }));
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| app.render(f)).unwrap();
    let screen = common::screen_text(terminal.backend().buffer());
    assert!(screen.contains("files read  2,500 / 10,000"), "{screen}");
    assert!(screen.contains("1,200 articles/s · 6.0 MB/s"), "{screen}");
    insta::assert_snapshot!("loading_80x24", screen);
    // Once every file is read, the screen says what loading does next, without rates.
    app.update(Action::Progress(LoadProgress {
        files_done: 10_000,
        stage: dossier::corpus::Stage::Views,
        ..LoadProgress::default()
    }));
    terminal.draw(|f| app.render(f)).unwrap();
    let screen = common::screen_text(terminal.backend().buffer());
    assert!(
        screen.contains("now         merging actors, building the timeline"),
        "{screen}"
    );
    assert!(!screen.contains("articles/s"), "{screen}");
    // Pane keys do nothing while loading; q cancels.
    assert_eq!(app.contexts(), vec![Context::Loading, Context::Always]);
    app.update(Action::Down);
    app.update(Action::Quit);
    assert!(app.quit);
    assert!(matches!(
        app.take_effects().as_slice(),
        [Effect::CancelLoad]
    ));
}

#[test]
fn without_colour_selection_is_still_visible() {
    let mut h = Harness::new(fixture(), 120, 40);
    h.key(KeyCode::Char('/'));
    h.type_text("drag");
    h.settle();
    let buffer = h.buffer();
    for cell in buffer.content() {
        assert!(matches!(cell.fg, Color::Reset) && matches!(cell.bg, Color::Reset));
    }
    assert!(!styled_text(&buffer, Modifier::REVERSED).is_empty());
    let bold = styled_text(&buffer, Modifier::UNDERLINED).join(" ");
    assert!(bold.contains("drag"), "matched characters: {bold}");
}

#[test]
fn help_comes_from_the_keymap() {
    let mut h = Harness::new(fixture(), 120, 40);
    h.key(KeyCode::Char('?'));
    assert!(h.app.help.is_some());
    let lines = help::lines(&h.app.keymap);
    for b in &h.app.keymap.bindings {
        assert!(
            lines
                .iter()
                .any(|l| matches!(l, help::HelpLine::Entry(_, d) if *d == b.desc)),
            "{}",
            b.desc
        );
    }
    insta::assert_snapshot!("help_120x40", h.screen());
    h.key(KeyCode::Char('j'));
    h.key(KeyCode::Esc);
    assert!(h.app.help.is_none());
}

#[test]
fn go_to_a_date_moves_the_timeline_there() {
    let mut h = Harness::new(fixture(), 120, 40);
    let start_of = |h: &Harness, e: u32| catalog(h).index.timeline[e as usize].date.unwrap().start;
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    h.key(KeyCode::Char('t'));
    assert!(h.screen().contains("Go to a date"));
    h.type_text("2025-12-20");
    h.key(KeyCode::Enter);
    let e = h.app.timeline.selected().unwrap();
    assert!(start_of(&h, e) >= day("2025-12-20"));
    // The entry before it, if any, starts earlier: it is the first such entry.
    let shown = h.timeline_entries();
    let at = shown.iter().position(|&x| x == e).unwrap();
    assert!(at == 0 || start_of(&h, shown[at - 1]) < day("2025-12-20"));
    // The source follows, and Backspace goes back to where the cursor was.
    assert_eq!(
        h.app.source.article,
        Some(catalog(&h).index.timeline[e as usize].sources[0].article as usize)
    );
    h.key(KeyCode::Backspace);
    assert_ne!(h.app.timeline.selected(), Some(e));

    // A year alone goes to its first day; a date past every event to the last dated one.
    h.key(KeyCode::Char('t'));
    h.type_text("2025");
    h.key(KeyCode::Enter);
    let first = h.app.timeline.selected().unwrap();
    assert!(start_of(&h, first) >= day("2025-01-01"));
    h.key(KeyCode::Char('t'));
    h.type_text("2100-01");
    h.key(KeyCode::Enter);
    let last = h.app.timeline.selected().unwrap();
    let dated: Vec<u32> = shown
        .iter()
        .copied()
        .filter(|&x| catalog(&h).index.timeline[x as usize].date.is_some())
        .collect();
    assert_eq!(Some(&last), dated.last());
    assert!(h.screen().contains("Nothing on or after 2100-01-01"));

    // What is not a date is said so in the prompt, which stays open.
    h.key(KeyCode::Char('t'));
    h.type_text("next week");
    h.key(KeyCode::Enter);
    assert!(h.screen().contains("is not a date"));
    h.key(KeyCode::Esc);
    assert!(!h.screen().contains("Go to a date"));
}

#[test]
fn readme_key_reference_matches_the_keymap() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = "<!-- keys:start -->\n";
    let end = "<!-- keys:end -->";
    let at = readme.find(start).expect("README has a key reference") + start.len();
    let until = readme[at..].find(end).unwrap() + at;
    assert_eq!(
        readme[at..until].trim(),
        Keymap::default().markdown().trim(),
        "regenerate the README key reference from Keymap::markdown()"
    );
}

#[test]
fn snapshot_main_screen_120x40() {
    let h = Harness::new(fixture(), 120, 40);
    insta::assert_snapshot!("main_120x40", h.screen());
}

#[test]
fn snapshot_main_screen_80x24() {
    let h = Harness::new(fixture(), 80, 24);
    insta::assert_snapshot!("main_80x24", h.screen());
}

#[test]
fn snapshot_finder_with_results() {
    let mut h = Harness::new(fixture(), 120, 40);
    h.key(KeyCode::Char('/'));
    h.type_text("ukraine right");
    h.settle();
    insta::assert_snapshot!("finder_120x40", h.screen());
}

#[test]
fn snapshot_too_small() {
    let mut h = Harness::new(fixture(), 120, 40);
    h.act(Action::Resize(20, 5));
    insta::assert_snapshot!("too_small_20x5", h.screen());
}
