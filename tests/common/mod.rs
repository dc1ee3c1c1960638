//! Shared by the app tests: a corpus of the four sample articles with hand-placed
//! extraction (actors, mentions, quotations, events), and a headless harness that drives
//! the app with keys and actions and renders it to a `TestBackend`.
#![allow(dead_code)]

use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use dossier::app::catalog::Catalog;
use dossier::app::jobs::FinderJob;
use dossier::app::keymap::Keymap;
use dossier::app::theme::Theme;
use dossier::app::{Action, App, Effect};
use dossier::article::Article;
use dossier::corpus::{self, Input, Progress};
use dossier::extract::actors::{ActorKind, EntityType, LocalActor, Mention, MentionForm, Role};
use dossier::extract::events::{Event as Happening, EventKind};
use dossier::extract::quotes::{Method, Quote, QuoteKind};
use dossier::extract::time::{Granularity, Interval};
use dossier::index::Index;
use dossier::review::store::{Location, Store};
use dossier::span::Span;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The actors placed by hand: name, kind, role, aliases (longest first).
const ACTORS: [(&str, ActorKind, &str, &[&str]); 7] = [
    (
        "Marco Rubio",
        ActorKind::Person,
        "Secretary of State",
        &["Marco Rubio", "Rubio"],
    ),
    (
        "Donald Trump",
        ActorKind::Person,
        "President",
        &["Donald Trump", "Trump"],
    ),
    (
        "Steve Witkoff",
        ActorKind::Person,
        "special envoy",
        &["Steve Witkoff", "Witkoff"],
    ),
    (
        "Rustem Umerov",
        ActorKind::Person,
        "delegation head",
        &["Rustem Umerov", "Umerov"],
    ),
    (
        "Volodymyr Zelenskyy",
        ActorKind::Person,
        "President",
        &["Volodymyr Zelenskyy", "Zelenskyy"],
    ),
    (
        "Vladimir Putin",
        ActorKind::Person,
        "President",
        &["Vladimir Putin", "Putin"],
    ),
    (
        "Emmanuel Macron",
        ActorKind::Person,
        "President",
        &["Emmanuel Macron", "Macron"],
    ),
];

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// Places mentions, actors, quotations and events in one article, by plain rules over its
/// content paragraphs (this stands in for the extractors, which are built elsewhere).
fn place(article: &mut Article) {
    let text = article.text.clone();
    let mut mentions: Vec<(Span, usize)> = Vec::new();
    let layout = article.layout.decode();
    let content: Vec<Span> = layout.content_paragraphs().map(|(_, p)| p.span).collect();
    for para in &content {
        let p = para.text(&text);
        for (actor, (_, _, _, aliases)) in ACTORS.iter().enumerate() {
            for alias in *aliases {
                for (i, _) in p.match_indices(alias) {
                    let start = para.start() + i;
                    let end = start + alias.len();
                    let before = text[..start].chars().next_back();
                    let after = text[end..].chars().next();
                    let span = Span::new(start, end);
                    if is_word_char(before)
                        || is_word_char(after)
                        || mentions.iter().any(|(m, _)| m.overlaps(span))
                    {
                        continue;
                    }
                    mentions.push((span, actor));
                }
            }
        }
    }
    mentions.sort_by_key(|(s, _)| *s);
    let mut locals: Vec<usize> = mentions.iter().map(|&(_, a)| a).collect();
    locals.sort_unstable();
    locals.dedup();
    let local_of = |actor: usize| locals.iter().position(|&a| a == actor).unwrap() as u32;
    let date = article.date().map(|d| Interval { start: d, end: d });
    let sentences = layout.sentences.clone();
    let mut x = article.extraction();
    x.actors = locals
        .iter()
        .map(|&a| {
            let (name, kind, role, _) = ACTORS[a];
            let first = mentions.iter().find(|m| m.1 == a).unwrap().0;
            LocalActor {
                name: name.into(),
                kind,
                roles: Box::new([Role {
                    title: role.into(),
                    span: first,
                    affiliation: None,
                }]),
                gender: None,
                stands_for: None,
                affiliation: None,
            }
        })
        .collect();
    x.mentions = mentions
        .iter()
        .map(|&(span, a)| Mention {
            span,
            entity: EntityType::Person,
            actor: local_of(a),
            form: MentionForm::Full,
            possessive: false,
            title: None,
        })
        .collect();

    // The quotations are placed by hand too: the extracted ones refer to extracted actors.
    x.quotes.clear();
    let mut events = Vec::new();
    for para in &content {
        let p = para.text(&text);
        let mut from = 0;
        while let Some(open) = p[from..].find('“').map(|i| from + i) {
            let Some(close) = p[open..].find('”').map(|i| open + i + '”'.len_utf8()) else {
                break;
            };
            from = close;
            let span = Span::new(para.start() + open, para.start() + close);
            let nearest = x
                .mentions
                .iter()
                .filter(|m| para.covers(m.span) && !span.covers(m.span))
                .min_by_key(|m| {
                    if m.span.start >= span.end {
                        (m.span.start - span.end) as i64
                    } else {
                        (span.start - m.span.end) as i64 + 10_000
                    }
                });
            x.quotes.push(Quote {
                span,
                parts: vec![span],
                closed: true,
                kind: QuoteKind::Full,
                speaker: nearest.map(|m| m.span),
                antecedent: None,
                actor: nearest.map(|m| m.actor),
                cue: None,
                method: if nearest.is_some() {
                    Method::Cue
                } else {
                    Method::None
                },
                inferred: false,
                group: 0,
            });
            events.push(Happening {
                span,
                kind: EventKind::Statement,
                date,
                value: None,
                granularity: date.map(|_| Granularity::Day),
                approximate: true,
                label: span,
                actors: nearest.map(|m| m.actor).into_iter().collect(),
            });
        }
    }
    for &s in &sentences {
        let sentence = s.text(&text);
        if !layout.is_content_at(s.start()) || !sentence.contains("Friday") {
            continue;
        }
        let mut actors: Vec<u32> = x
            .mentions
            .iter()
            .filter(|m| s.covers(m.span))
            .map(|m| m.actor)
            .collect();
        actors.sort_unstable();
        actors.dedup();
        events.push(Happening {
            span: s,
            kind: EventKind::Event,
            date,
            value: None,
            granularity: date.map(|_| Granularity::Day),
            approximate: false,
            label: s,
            actors,
        });
    }
    events.sort_by_key(|e| e.span);
    x.events = events;
    article.set_extraction(&x);
}

/// The sample corpus with hand-placed extraction, as an index.
pub fn fixture_index() -> Index {
    let mut articles = corpus::load(&Input::Sample, &Progress::default()).articles;
    for a in &mut articles {
        place(a);
    }
    Index::build(articles, Vec::new())
}

/// The sample corpus with hand-placed extraction.
pub fn fixture() -> Catalog {
    Catalog::build(fixture_index())
}

/// The sample corpus as the extractors see it (no hand-placed values).
pub fn extracted_samples() -> Catalog {
    Catalog::build(corpus::load(&Input::Sample, &Progress::default()))
}

/// The corpus actor named `name`.
pub fn actor(catalog: &Catalog, name: &str) -> u32 {
    catalog
        .index
        .actors
        .iter()
        .position(|a| a.name == name)
        .unwrap_or_else(|| panic!("no actor {name}")) as u32
}

/// An app driven without a terminal: keys and actions in, screens out. The finder runs on
/// its real worker thread.
pub struct Harness {
    pub app: App,
    finder: Option<FinderJob>,
    /// The review file's store (saves run synchronously), when there is one.
    pub store: Option<Store>,
    results: Receiver<Action>,
    sender: mpsc::Sender<Action>,
}

impl Harness {
    fn blank(width: u16, height: u16) -> Harness {
        let (sender, results) = mpsc::channel();
        Harness {
            app: App::new(
                Rect::new(0, 0, width, height),
                Theme { color: false },
                Keymap::default(),
            ),
            finder: None,
            store: None,
            results,
            sender,
        }
    }

    /// An app of `width`×`height` with `catalog` loaded (colours off); review decisions
    /// are kept in memory only.
    pub fn new(catalog: Catalog, width: u16, height: u16) -> Harness {
        let mut h = Harness::blank(width, height);
        h.act(Action::Loaded(Arc::new(catalog)));
        h.settle();
        h
    }

    /// An app over `index` with the review file `file`, opened as the app opens it (its
    /// corrections applied), saving into it after every change.
    pub fn with_review(mut index: Index, width: u16, height: u16, file: &Path) -> Harness {
        let mut h = Harness::blank(width, height);
        let location = Location {
            path: file.to_path_buf(),
            note: None,
        };
        let fallback = file.with_file_name("fallback-review.json");
        let opening = dossier::review::open_on(&mut index, &location, fallback);
        h.store = Some(opening.opened.store.clone());
        h.act(Action::ReviewOpened(Box::new(opening)));
        h.act(Action::Loaded(Arc::new(Catalog::build(index))));
        h.settle();
        h
    }

    /// Applies an action and carries out its effects (saves and reports are written at
    /// once).
    pub fn act(&mut self, action: Action) {
        self.app.update(action);
        for effect in self.app.take_effects() {
            match effect {
                Effect::CancelLoad => {}
                Effect::StartFinder(catalog) => {
                    let tx = self.sender.clone();
                    self.finder = Some(FinderJob::spawn(
                        catalog,
                        Box::new(move |a| {
                            let _ = tx.send(a);
                        }),
                    ));
                }
                Effect::Search { generation, query } => {
                    self.finder.as_ref().unwrap().search(generation, query);
                }
                Effect::Save {
                    generation,
                    review,
                    pending,
                    to,
                } => {
                    if let Some(to) = to {
                        self.store = Some(Store::new(to));
                    }
                    let store = self.store.as_mut().expect("a review file");
                    let result = store.save(&review, &pending);
                    self.act(Action::Saved(generation, result));
                }
                Effect::Rebuild => {
                    if let Some(f) = self.finder.take() {
                        f.stop();
                    }
                    self.act(Action::Rebuild);
                }
                Effect::Write {
                    path,
                    text,
                    summary,
                } => {
                    self.act(dossier::app::write_report(&path, &text, summary));
                }
            }
        }
    }

    /// Presses a key, as the terminal would report it.
    pub fn press(&mut self, code: KeyCode, modifiers: KeyModifiers) {
        let event = Event::Key(KeyEvent {
            code,
            modifiers,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        });
        if let Some(action) = self.app.action_for(&event) {
            self.act(action);
        }
    }

    /// Presses a plain key.
    pub fn key(&mut self, code: KeyCode) {
        self.press(code, KeyModifiers::NONE);
    }

    /// Types characters one key at a time.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.press(KeyCode::Char(c), KeyModifiers::NONE);
        }
    }

    /// Waits until the finder is ready and its results answer the latest query.
    pub fn settle(&mut self) {
        loop {
            let f = &self.app.finder;
            if f.ready && !f.searching() {
                return;
            }
            let action = self
                .results
                .recv_timeout(Duration::from_secs(10))
                .expect("finder answers");
            self.act(action);
        }
    }

    /// The timeline entries shown, in order.
    pub fn timeline_entries(&self) -> Vec<u32> {
        self.app
            .timeline
            .rows
            .iter()
            .filter_map(|r| match r {
                dossier::app::timeline::Row::Entry(e) => Some(*e),
                dossier::app::timeline::Row::Header(_) => None,
            })
            .collect()
    }

    /// Renders the app and returns the buffer.
    pub fn buffer(&self) -> Buffer {
        let size = self.app.size;
        let mut terminal = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
        terminal.draw(|f| self.app.render(f)).unwrap();
        terminal.backend().buffer().clone()
    }

    /// Renders the app as text, one line per row, trailing spaces removed.
    pub fn screen(&self) -> String {
        screen_text(&self.buffer())
    }
}

/// True when `screen`'s status line shows `done` (as "1/15") quotations reviewed, in the
/// full or the short form of the review progress.
pub fn shows_quotes_reviewed(screen: &str, done: &str) -> bool {
    screen.contains(&format!("reviewed: quotations {done}"))
        || screen.contains(&format!("rev quot {done}"))
}

/// A buffer as text, one line per row, trailing spaces removed.
pub fn screen_text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        for x in 0..area.width {
            line.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The text of the cells of `buffer` that have `modifier`, row by row (runs joined).
pub fn styled_text(buffer: &Buffer, modifier: ratatui::style::Modifier) -> Vec<String> {
    let area = buffer.area;
    let mut out = Vec::new();
    for y in 0..area.height {
        let mut run = String::new();
        for x in 0..area.width {
            let cell = &buffer[(x, y)];
            if cell.modifier.contains(modifier) {
                run.push_str(cell.symbol());
            } else if !run.is_empty() {
                out.push(std::mem::take(&mut run));
            }
        }
        if !run.is_empty() {
            out.push(run);
        }
    }
    out
}
