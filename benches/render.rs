//! Frame render time with 100,000 timeline events and 10,000 actors (ratatui `TestBackend`).
//!
//! `cargo bench --bench render`

#[allow(dead_code)]
#[path = "support/synthetic.rs"]
mod synthetic;

use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use dossier::app::keymap::Keymap;
use dossier::app::theme::Theme;
use dossier::app::{Action, App};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

fn render(c: &mut Criterion) {
    let catalog = Arc::new(synthetic::catalog(10_000, 10, 10_000));
    eprintln!(
        "corpus: {} articles, {} events, {} actors, {} quotations",
        catalog.totals.articles,
        catalog.totals.events,
        catalog.totals.actors,
        catalog.totals.quotes
    );
    for (w, h) in [(120, 40), (80, 24), (240, 70)] {
        let mut app = App::new(
            Rect::new(0, 0, w, h),
            Theme { color: true },
            Keymap::default(),
        );
        app.update(Action::Loaded(Arc::clone(&catalog)));
        for _ in 0..1500 {
            app.update(Action::PageDown);
        }
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        c.bench_function(&format!("render {w}x{h}, 100k events, 10k actors"), |b| {
            b.iter(|| {
                terminal.draw(|f| app.render(f)).unwrap();
            });
        });
        c.bench_function(&format!("timeline step + render {w}x{h}"), |b| {
            let mut down = true;
            b.iter(|| {
                down = !down;
                app.update(if down { Action::Down } else { Action::Up });
                terminal.draw(|f| app.render(f)).unwrap();
            });
        });
    }
}

criterion_group!(benches, render);
criterion_main!(benches);
