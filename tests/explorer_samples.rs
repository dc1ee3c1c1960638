//! Linked selection on the bundled samples as the extractors see them (no hand-placed
//! values): choosing an actor filters the timeline; the finder jumps to a quotation in its
//! article with its speaker selected.

mod common;

use common::{Harness, actor, extracted_samples, styled_text};
use crossterm::event::KeyCode;
use dossier::app::source::Item;
use dossier::extract::actors::ActorKind;
use ratatui::style::Modifier;

#[test]
fn choosing_marco_rubio_keeps_only_his_events() {
    let mut h = Harness::new(extracted_samples(), 120, 40);
    let catalog = h.app.catalog.clone().unwrap();
    let rubio = actor(&catalog, "Marco Rubio");
    let all = catalog.index.timeline.len();
    h.key(KeyCode::Char('2'));
    h.key(KeyCode::Char('f'));
    h.type_text("marco rubio");
    h.key(KeyCode::Enter);
    assert_eq!(h.app.actors.selected(), Some(rubio));
    h.key(KeyCode::Enter);
    let shown = h.timeline_entries();
    assert!(!shown.is_empty(), "Rubio has events");
    assert!(shown.len() < all, "and not every event is his");
    for e in shown {
        assert!(catalog.index.timeline[e as usize].actors.contains(&rubio));
    }
    assert!(h.screen().contains("filter: Marco Rubio"));
}

#[test]
fn actors_come_before_other_named_things() {
    let h = Harness::new(extracted_samples(), 120, 40);
    let catalog = h.app.catalog.clone().unwrap();
    let actors = &catalog.index.actors;
    let kinds: Vec<ActorKind> = h
        .app
        .actors
        .rows
        .iter()
        .map(|&a| actors[a as usize].kind)
        .collect();
    let first_other = kinds.iter().position(|&k| k == ActorKind::Other);
    let first_other = first_other.expect("the samples name a nationality");
    assert!(first_other > 0);
    assert!(kinds[first_other..].iter().all(|&k| k == ActorKind::Other));
    // "European" is mentioned more often than most actors, yet listed after all of them.
    let european = actor(&catalog, "European");
    assert_eq!(actors[european as usize].kind, ActorKind::Other);
    let row = |a: u32| h.app.actors.rows.iter().position(|&r| r == a).unwrap();
    assert!(row(european) >= first_other);
    assert!(row(actor(&catalog, "Kyiv")) < row(european));
    // Within each group, most mentioned first.
    let mentions: Vec<usize> = h.app.actors.rows[..first_other]
        .iter()
        .map(|&a| actors[a as usize].mentions as usize)
        .collect();
    assert!(mentions.windows(2).all(|w| w[0] >= w[1]));
}

#[test]
fn finding_drag_this_out_shows_the_quotation_in_its_article() {
    let mut h = Harness::new(extracted_samples(), 120, 40);
    h.key(KeyCode::Char('/'));
    h.type_text("drag this out");
    h.settle();
    assert!(h.app.finder.found.total >= 1);
    h.key(KeyCode::Enter);
    let catalog = h.app.catalog.clone().unwrap();
    let a = h.app.source.article.unwrap();
    assert!(
        catalog.index.articles[a]
            .origin
            .path
            .ends_with("001_7f5b5be26bb1a0d8.txt")
    );
    let mark = h.app.source.mark.unwrap();
    assert!(matches!(mark.item, Some(Item::Quote(_))));
    assert!(
        mark.span
            .text(&catalog.index.articles[a].text)
            .contains("We’re not going to drag this out for weeks or months.")
    );
    assert_eq!(
        h.app.actors.selected(),
        Some(actor(&catalog, "Marco Rubio"))
    );
    let reversed = styled_text(&h.buffer(), Modifier::REVERSED).join(" ");
    assert!(reversed.contains("drag this out"), "{reversed}");
}
