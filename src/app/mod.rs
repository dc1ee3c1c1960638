//! The explorer: timeline, actor and source panes linked by selection, and the quotation
//! finder.
//!
//! The app is a state machine. [`App::update`] applies one [`Action`] (the only way state
//! changes) and may queue [`Effect`]s for the runtime (start a search, cancel loading);
//! [`App::render`] draws the state and changes nothing. Keys become actions through the
//! [`keymap::Keymap`] table, which also generates the hint bar and help. The runtime in
//! [`terminal`] owns the terminal and the background [`jobs`] (loading, finder).

pub mod action;
pub mod actors;
pub mod catalog;
pub mod finder;
pub mod help;
pub mod history;
pub mod input;
pub mod jobs;
pub mod keymap;
pub mod layout;
pub mod list;
pub mod prompt;
pub mod review;
pub mod source;
pub mod status;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod timeline;

use std::path::PathBuf;
use std::sync::Arc;

use crossterm::event::{Event, KeyEventKind, MouseEventKind};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::{Block, BorderType};

use crate::extract::actors::Mention;
use crate::extract::quotes::Quote;
use crate::index::ItemRef;

pub use action::Action;
use actors::{Actors, Sort};
use catalog::Catalog;
use finder::Finder;
use history::{History, Selection};
use keymap::{Context, Key, Keymap};
use layout::{Areas, Pane, inner};
use list::Scroll;
use prompt::{Prompt, Purpose};
use review::Desk;
use source::{Item, Mark, Source};
use status::{LoadProgress, Part, Tone, thousands};
use theme::Theme;
use timeline::Timeline;

/// Work `update` asks the runtime to do.
#[derive(Debug, Clone)]
pub enum Effect {
    /// Stop loading the corpus.
    CancelLoad,
    /// Start the finder worker over this catalog.
    StartFinder(Arc<Catalog>),
    /// Search; results come back as [`Action::Found`] with the same generation.
    Search {
        /// The query's generation (newer supersedes older).
        generation: u64,
        /// The query as typed.
        query: String,
    },
    /// Save the review; the answer comes back as [`Action::Saved`].
    Save {
        /// The review's generation.
        generation: u64,
        /// The review as it stands.
        review: crate::review::Review,
        /// The edits not yet saved (replayed onto the file if another instance wrote it).
        pending: Vec<crate::review::Edit>,
        /// Save into this file from now on (the review file could not be written).
        to: Option<PathBuf>,
    },
    /// Stop the finder worker, then send [`Action::Rebuild`] (corrections changed).
    Rebuild,
    /// Write a report; the answer comes back as [`Action::Written`].
    Write {
        /// The file.
        path: PathBuf,
        /// Its content.
        text: String,
        /// What to say once written.
        summary: String,
    },
}

/// Carries out [`Effect::Write`]: writes the report atomically and returns the answer.
pub fn write_report(path: &std::path::Path, text: &str, summary: String) -> Action {
    let result = crate::atomic::write(path, text.as_bytes())
        .map(|()| summary)
        .map_err(|e| format!("cannot write {}: {e}", path.display()));
    Action::Written(result)
}

/// What the panes need besides their own state to draw.
#[derive(Clone, Copy)]
pub struct View<'a> {
    /// The corpus.
    pub catalog: &'a Catalog,
    /// Styles.
    pub theme: Theme,
    /// True when the pane being drawn has the focus.
    pub focused: bool,
    /// True when the timeline is filtered by an actor.
    pub filtered: bool,
    /// The review, for the marks on rows.
    pub review: &'a crate::review::Review,
}

/// The whole state of the explorer.
#[derive(Debug)]
pub struct App {
    /// Key bindings.
    pub keymap: Keymap,
    /// Styles.
    pub theme: Theme,
    /// The terminal size.
    pub size: Rect,
    /// Loading progress; `None` once loaded.
    pub loading: Option<LoadProgress>,
    /// The loaded corpus.
    pub catalog: Option<Arc<Catalog>>,
    /// The focused pane.
    pub focus: Pane,
    /// The timeline pane.
    pub timeline: Timeline,
    /// The actor pane.
    pub actors: Actors,
    /// The source pane.
    pub source: Source,
    /// The actor the timeline is filtered by.
    pub filter: Option<u32>,
    /// The quotation finder.
    pub finder: Finder,
    /// The help overlay's scroll, while it is open.
    pub help: Option<Scroll>,
    /// Back and forward.
    pub history: History,
    /// The review: decisions, corrections, saving.
    pub desk: Desk,
    /// The open prompt (a note, a speaker, a date, an actor, an export file).
    pub prompt: Option<Prompt>,
    /// The first key of a two-key sequence, waiting for the second.
    pub pending_key: Option<Key>,
    /// A message for the status line.
    pub message: Option<String>,
    /// Set when the app should exit.
    pub quit: bool,
    effects: Vec<Effect>,
}

impl App {
    /// An app for a terminal of `size`, waiting for the corpus to load.
    pub fn new(size: Rect, theme: Theme, keymap: Keymap) -> App {
        App {
            keymap,
            theme,
            size,
            loading: Some(LoadProgress::default()),
            catalog: None,
            focus: Pane::Timeline,
            timeline: Timeline::default(),
            actors: Actors::default(),
            source: Source::default(),
            filter: None,
            finder: Finder::default(),
            help: None,
            history: History::default(),
            desk: Desk::default(),
            prompt: None,
            pending_key: None,
            message: None,
            quit: false,
            effects: Vec::new(),
        }
    }

    /// The effects queued by `update` since the last call.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// The keymap contexts active now, innermost first.
    pub fn contexts(&self) -> Vec<Context> {
        if self.loading.is_some() {
            vec![Context::Loading, Context::Always]
        } else if self.desk.asking {
            vec![Context::Quitting, Context::Always]
        } else if self.help.is_some() {
            vec![Context::Help, Context::Always]
        } else if self.prompt.is_some() {
            vec![Context::Prompt, Context::Editing, Context::Always]
        } else if self.finder.open {
            vec![Context::Finder, Context::Editing, Context::Always]
        } else if self.actors.typing {
            vec![Context::Filter, Context::Editing, Context::Always]
        } else {
            let pane = match self.focus {
                Pane::Timeline => Context::Timeline,
                Pane::Actors => Context::Actors,
                Pane::Source => Context::Source,
            };
            vec![
                pane,
                Context::Move,
                Context::Review,
                Context::Global,
                Context::Always,
            ]
        }
    }

    /// The action a terminal event stands for, if any.
    pub fn action_for(&self, event: &Event) -> Option<Action> {
        match event {
            Event::Key(k) if k.kind != KeyEventKind::Release => {
                let key = Key::from_event(k);
                let contexts = self.contexts();
                if let Some(prefix) = self.pending_key {
                    let action = self.keymap.sequence(&contexts, Some(prefix), key);
                    return Some(action.unwrap_or(Action::Prefix(None)));
                }
                if self.keymap.is_prefix(&contexts, key) {
                    return Some(Action::Prefix(Some(key)));
                }
                self.keymap.action(&contexts, key)
            }
            Event::Mouse(m) => match m.kind {
                MouseEventKind::Down(_) => Some(Action::Click(m.column, m.row)),
                MouseEventKind::ScrollDown => Some(Action::Wheel(m.column, m.row, true)),
                MouseEventKind::ScrollUp => Some(Action::Wheel(m.column, m.row, false)),
                _ => None,
            },
            Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
            Event::Paste(text)
                if self.finder.open || self.actors.typing || self.prompt.is_some() =>
            {
                Some(Action::Paste(text.clone()))
            }
            _ => None,
        }
    }

    /// The screen's areas, if the terminal is large enough.
    pub fn areas(&self) -> Option<Areas> {
        layout::areas(self.size)
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        let background = matches!(
            action,
            Action::Progress(_)
                | Action::Found(..)
                | Action::FinderReady
                | Action::Resize(..)
                | Action::ReviewOpened(_)
                | Action::Saved(..)
                | Action::Written(_)
                | Action::Rebuild
        );
        if !background {
            self.message = None;
            self.pending_key = None;
        }
        match action {
            Action::Quit if self.loading.is_some() => {
                self.effects.push(Effect::CancelLoad);
                self.quit = true;
            }
            Action::Quit => self.quit_asked(),
            Action::Resize(w, h) => {
                self.size = Rect::new(0, 0, w, h);
                self.relayout();
            }
            Action::Progress(p) => {
                if self.loading.is_some() {
                    self.loading = Some(p);
                }
            }
            Action::Loaded(catalog) => self.loaded(catalog),
            Action::FinderReady => {
                self.finder.ready = true;
                self.search();
            }
            Action::Found(generation, found) => self.finder.accept(generation, found),
            Action::ReviewOpened(opening) => self.desk = Desk::open(*opening),
            Action::Saved(generation, result) => self.saved(generation, result),
            Action::Written(result) => self.message = Some(result.unwrap_or_else(|e| e)),
            Action::Rebuild => self.rebuild(),
            _ if self.catalog.is_none() => {}
            action if self.desk.asking => self.update_quitting(action),
            action if self.help.is_some() => self.update_help(action),
            Action::OpenHelp => {
                self.help = Some(Scroll::new(help::lines(&self.keymap).len()));
                self.relayout();
            }
            action if self.prompt.is_some() => self.update_prompt(action),
            action if self.finder.open => self.update_finder(action),
            Action::OpenFinder => {
                self.finder.open = true;
                self.relayout();
                if self.finder.shown == 0 {
                    self.search();
                }
            }
            action if self.actors.typing => self.update_filter(action),
            Action::Prefix(Some(key)) => {
                self.pending_key = Some(key);
                self.message = Some(format!("{key}… (u unreviewed, x disputed, ! needs check)"));
            }
            Action::Prefix(None) => self.message = Some("No such key sequence.".into()),
            action => self.update_panes(action),
        }
        if !background {
            self.relayout();
        }
    }

    fn catalog(&self) -> Arc<Catalog> {
        Arc::clone(self.catalog.as_ref().expect("loaded"))
    }

    fn loaded(&mut self, catalog: Arc<Catalog>) {
        self.loading = None;
        self.catalog = Some(Arc::clone(&catalog));
        self.effects.push(Effect::StartFinder(Arc::clone(&catalog)));
        let t = catalog.totals;
        let problems = catalog.index.problems.len();
        if problems > 0 {
            self.message = Some(format!(
                "{} problem{} while loading (listed on exit)",
                problems,
                if problems == 1 { "" } else { "s" }
            ));
        }
        let mut notes: Vec<String> = self.desk.notices.clone();
        if let Some(m) = self.message.take() {
            notes.push(m);
        }
        self.relayout();
        self.timeline.rebuild(&catalog, None);
        self.actors.rebuild(&catalog);
        self.refresh_rows();
        if self.timeline.selected().is_some() {
            self.timeline_moved();
        } else if t.articles > 0 {
            self.source.show(&catalog, 0, None);
        }
        if self.desk.orphans > 0 {
            notes.push(match self.desk.orphans {
                1 => "1 review decision is about an item no longer in the corpus (kept; listed in exports)".to_string(),
                n => format!("{n} review decisions are about items no longer in the corpus (kept; listed in exports)"),
            });
        }
        if !self.desk.unapplied.is_empty() {
            notes.push(format!(
                "{} correction{} found nothing to apply to (kept; listed in exports)",
                self.desk.unapplied.len(),
                if self.desk.unapplied.len() == 1 {
                    ""
                } else {
                    "s"
                }
            ));
        }
        if !notes.is_empty() {
            self.message = Some(notes.join(" · "));
        }
        self.relayout();
    }

    /// Recomputes everything that depends on the terminal size.
    fn relayout(&mut self) {
        let Some(areas) = self.areas() else {
            return;
        };
        if areas.pane(self.focus).is_none() {
            self.focus = Pane::Source;
        }
        if let Some(r) = areas.timeline {
            self.timeline.list.set_height(inner(r).height as usize);
        }
        if let Some(r) = areas.actors {
            let h = (inner(r).height as usize).saturating_sub(self.actors.header_rows());
            self.actors.list.set_height(h);
        }
        if let (Some(r), Some(catalog)) = (areas.source, self.catalog.clone()) {
            let r = inner(r);
            self.source.set_width(&catalog, r.width);
            let below = self.review_rows(r.width).min(r.height / 2);
            self.source.set_height((r.height - below) as usize);
        }
        let screen = self.size;
        self.finder
            .list
            .set_height(Finder::result_rows(Finder::area(screen)));
        if let Some(help) = &mut self.help {
            help.set_height(inner(help::area(screen)).height as usize);
        }
        if let Some(p) = &mut self.prompt {
            let rows = p.choice_rows(screen);
            p.list.set_height(rows);
        }
    }

    fn update_help(&mut self, action: Action) {
        let Some(help) = &mut self.help else { return };
        match action {
            Action::Close | Action::Clear | Action::OpenHelp => self.help = None,
            Action::Up => help.scroll_view(-1),
            Action::Down => help.scroll_view(1),
            Action::PageUp => help.scroll_view(-help.page()),
            Action::PageDown => help.scroll_view(help.page()),
            Action::Top => help.scroll_view(-(help.len as isize)),
            Action::Bottom => help.scroll_view(help.len as isize),
            Action::Wheel(_, _, down) => help.scroll_view(if down { 3 } else { -3 }),
            _ => {}
        }
    }

    fn update_finder(&mut self, action: Action) {
        let list = &mut self.finder.list;
        match action {
            Action::Close | Action::Clear => self.finder.open = false,
            Action::Up => list.step(-1),
            Action::Down => list.step(1),
            Action::PageUp => list.step(-list.page()),
            Action::PageDown => list.step(list.page()),
            Action::Wheel(_, _, down) => list.step(if down { 3 } else { -3 }),
            Action::Choose => {
                if let Some(id) = self.finder.selected() {
                    self.jump_to_quote(id);
                }
            }
            edit => {
                if self.finder.input.edit(&edit) {
                    self.search();
                }
            }
        }
    }

    /// Sends the current query to the finder worker.
    fn search(&mut self) {
        if !self.finder.ready {
            return;
        }
        let generation = self.finder.next_generation();
        self.effects.push(Effect::Search {
            generation,
            query: self.finder.input.text.clone(),
        });
    }

    fn update_filter(&mut self, action: Action) {
        let catalog = self.catalog();
        match action {
            Action::Close | Action::Choose => self.actors.typing = false,
            Action::Clear => {
                self.actors.typing = false;
                self.actors.filter.clear();
                self.actors.refilter(&catalog);
            }
            Action::Up => self.actors.list.step(-1),
            Action::Down => self.actors.list.step(1),
            edit => {
                if self.actors.filter.edit(&edit) {
                    self.actors.refilter(&catalog);
                }
            }
        }
        self.relayout();
    }

    fn update_panes(&mut self, action: Action) {
        let catalog = self.catalog();
        match action {
            Action::FocusNext | Action::FocusPrev | Action::FocusLeft | Action::FocusRight => {
                let forward = matches!(action, Action::FocusNext | Action::FocusRight);
                let wrap = matches!(action, Action::FocusNext | Action::FocusPrev);
                self.cycle_focus(forward, wrap);
            }
            Action::FocusTimeline => self.focus_pane(Pane::Timeline),
            Action::FocusActors => self.focus_pane(Pane::Actors),
            Action::FocusSource => self.focus_pane(Pane::Source),
            Action::Back => {
                let current = self.selection();
                match self.history.back(current) {
                    Some(s) => self.restore(s),
                    None => self.message = Some("Nothing to go back to.".into()),
                }
            }
            Action::Forward => {
                let current = self.selection();
                match self.history.forward(current) {
                    Some(s) => self.restore(s),
                    None => self.message = Some("Nothing to go forward to.".into()),
                }
            }
            Action::Clear => {
                if self.filter.is_some() {
                    self.history.push(self.selection());
                    self.set_filter(None);
                    self.message = Some("Filter cleared.".into());
                } else if !self.actors.filter.text.is_empty() {
                    self.actors.filter.clear();
                    self.actors.refilter(&catalog);
                    self.relayout();
                }
            }
            Action::StartFilter => {
                self.focus = Pane::Actors;
                self.actors.typing = true;
                self.relayout();
            }
            Action::GoToDate => {
                self.prompt = Some(Prompt::new(
                    Purpose::GoTo,
                    "Go to a date".into(),
                    "YYYY, YYYY-MM or YYYY-MM-DD · Enter moves the timeline there",
                    "",
                ));
            }
            Action::ToggleSort => {
                self.actors.sort = match self.actors.sort {
                    Sort::Mentions => Sort::Name,
                    Sort::Name => Sort::Mentions,
                };
                self.actors.rebuild(&catalog);
            }
            Action::Choose => match self.focus {
                Pane::Timeline => self.focus_pane(Pane::Source),
                Pane::Actors => {
                    if let Some(a) = self.actors.selected() {
                        self.choose_actor(a);
                    }
                }
                Pane::Source => {}
            },
            Action::NextItem => self.step_item(true),
            Action::PrevItem => self.step_item(false),
            Action::NextArticle | Action::PrevArticle => {
                let n = catalog.index.articles.len();
                let current = self.source.article.unwrap_or(0);
                let next = if matches!(action, Action::NextArticle) {
                    (current + 1).min(n.saturating_sub(1))
                } else {
                    current.saturating_sub(1)
                };
                if next != current {
                    self.history.push(self.selection());
                    self.source.show(&catalog, next, None);
                }
            }
            Action::Click(x, y) => self.click(x, y),
            Action::Wheel(x, y, down) => {
                if let Some(pane) = self.pane_at(x, y) {
                    self.move_in(pane, if down { 3 } else { -3 });
                }
            }
            Action::Up => self.move_in(self.focus, -1),
            Action::Down => self.move_in(self.focus, 1),
            Action::PageUp | Action::PageDown | Action::HalfPageUp | Action::HalfPageDown => {
                let page = match self.focus {
                    Pane::Timeline => self.timeline.list.page(),
                    Pane::Actors => self.actors.list.page(),
                    Pane::Source => self.source.list.page(),
                };
                let delta = match action {
                    Action::PageUp => -page,
                    Action::PageDown => page,
                    Action::HalfPageUp => -(page / 2).max(1),
                    _ => (page / 2).max(1),
                };
                self.move_in(self.focus, delta);
            }
            Action::Top => self.move_in(self.focus, isize::MIN / 2),
            Action::Bottom => self.move_in(self.focus, isize::MAX / 2),
            action => self.update_review(action),
        }
    }

    fn focus_pane(&mut self, pane: Pane) {
        if self.areas().is_some_and(|a| a.pane(pane).is_some()) {
            self.focus = pane;
        }
    }

    fn cycle_focus(&mut self, forward: bool, wrap: bool) {
        let Some(areas) = self.areas() else { return };
        let visible: Vec<Pane> = areas.visible().collect();
        let Some(i) = visible.iter().position(|&p| p == self.focus) else {
            return;
        };
        let n = visible.len();
        let j = match (forward, wrap) {
            (true, true) => (i + 1) % n,
            (false, true) => (i + n - 1) % n,
            (true, false) => (i + 1).min(n - 1),
            (false, false) => i.saturating_sub(1),
        };
        self.focus = visible[j];
    }

    /// Moves the cursor (or scrolls the source) of `pane` by `delta`.
    fn move_in(&mut self, pane: Pane, delta: isize) {
        match pane {
            Pane::Timeline => self.move_timeline(|t| t.step(delta)),
            Pane::Actors => self.actors.list.step(delta),
            Pane::Source => self.source.list.scroll_view(delta),
        }
    }

    /// Moves the timeline cursor with `how`; the other panes follow when it moved.
    fn move_timeline(&mut self, how: impl FnOnce(&mut Timeline)) {
        let before = self.timeline.selected();
        how(&mut self.timeline);
        if self.timeline.selected() != before {
            self.timeline_moved();
        }
    }

    fn pane_at(&self, x: u16, y: u16) -> Option<Pane> {
        let areas = self.areas()?;
        let at = Position::new(x, y);
        areas
            .visible()
            .find(|&p| areas.pane(p).is_some_and(|r| r.contains(at)))
    }

    fn click(&mut self, x: u16, y: u16) {
        let Some(pane) = self.pane_at(x, y) else {
            return;
        };
        self.focus = pane;
        let Some(area) = self.areas().and_then(|a| a.pane(pane)).map(inner) else {
            return;
        };
        if !area.contains(Position::new(x, y)) {
            return;
        }
        let row = (y - area.y) as usize;
        match pane {
            Pane::Timeline => self.move_timeline(|t| t.click(row)),
            Pane::Actors => {
                if let Some(row) = row.checked_sub(self.actors.header_rows()) {
                    let target = self.actors.list.offset + row;
                    if target < self.actors.rows.len() {
                        self.actors.list.select(target);
                    }
                }
            }
            Pane::Source => {}
        }
    }

    /// Linked selection after the timeline cursor moved: the source shows the event and
    /// the actor pane marks its actors.
    /// Moves the timeline cursor to the first entry shown that starts on or after `date`
    /// (the last dated entry when none does), keeping the selection history.
    fn go_to(&mut self, date: chrono::NaiveDate) {
        let catalog = self.catalog();
        let Some((entry, after)) = self.timeline.first_from(&catalog, date) else {
            self.message = Some("No dated event in the timeline.".into());
            return;
        };
        self.history.push(self.selection());
        self.timeline.select_entry(entry);
        self.timeline_moved();
        if !after {
            self.message = Some(format!("Nothing on or after {date}: the last dated event."));
        }
    }

    fn timeline_moved(&mut self) {
        let catalog = self.catalog();
        let Some(e) = self.timeline.selected() else {
            return;
        };
        let entry = &catalog.index.timeline[e as usize];
        self.actors.marked = entry.actors.clone();
        self.actors.marked.sort_unstable();
        if let Some((a, event)) = catalog.entry_event(entry) {
            let quote = catalog
                .article(a)
                .and_then(|art| art.quotes().position(|q| q.span == event.span));
            let mark = Mark {
                span: event.span,
                item: quote.map(|q| Item::Quote(q as u32)),
            };
            self.source.show(&catalog, a, Some(mark));
        }
    }

    fn set_filter(&mut self, actor: Option<u32>) {
        let catalog = self.catalog();
        self.filter = actor;
        self.timeline.rebuild(&catalog, actor);
    }

    /// Choosing an actor filters the timeline to it (choosing it again clears the filter)
    /// and shows its first mention.
    fn choose_actor(&mut self, actor: u32) {
        let catalog = self.catalog();
        self.history.push(self.selection());
        if self.filter == Some(actor) {
            self.set_filter(None);
            self.message = Some("Filter cleared.".into());
            return;
        }
        self.set_filter(Some(actor));
        self.actors.marked = vec![actor];
        let first = catalog.index.actors[actor as usize]
            .locals
            .iter()
            .find_map(|l| {
                let article = catalog.article(l.article as usize)?;
                let (m, mention) = article
                    .mentions()
                    .enumerate()
                    .find(|(_, m)| m.actor == l.item)?;
                Some((l.article as usize, m, mention.span))
            });
        if let Some((a, m, span)) = first {
            let mark = Mark {
                span,
                item: Some(Item::Mention(m as u32)),
            };
            self.source.show(&catalog, a, Some(mark));
        }
    }

    /// Steps to the next or previous quotation or mention in the source; the timeline and
    /// actor panes follow.
    fn step_item(&mut self, forward: bool) {
        let catalog = self.catalog();
        let Some(a) = self.source.article else { return };
        let Some((span, item)) = self.source.step_item(forward) else {
            self.message = Some(
                if forward {
                    "No more quotations or mentions below."
                } else {
                    "No more quotations or mentions above."
                }
                .into(),
            );
            return;
        };
        self.source.show(
            &catalog,
            a,
            Some(Mark {
                span,
                item: Some(item),
            }),
        );
        if let Some(e) = catalog
            .event_at(a, span)
            .and_then(|ev| catalog.entry_of(a, ev))
        {
            self.timeline.select_entry(e);
        }
        let actor = match item {
            Item::Quote(q) => catalog
                .item::<Quote>(ItemRef::new(a, q as usize))
                .and_then(|(_, q)| catalog.quote_actor(a, &q)),
            Item::Mention(m) => catalog
                .item::<Mention>(ItemRef::new(a, m as usize))
                .and_then(|(_, m)| catalog.index.actor_of(a, m.actor)),
        };
        if let Some(actor) = actor {
            self.actors.select_actor(actor);
            self.actors.marked = vec![actor];
        }
    }

    /// Jumps to quotation `id` (a finder result): source, timeline and actors follow.
    fn jump_to_quote(&mut self, id: u32) {
        let catalog = self.catalog();
        let Some(&r) = catalog.quotes.get(id as usize) else {
            return;
        };
        self.history.push(self.selection());
        self.finder.open = false;
        self.show_quote(r.article as usize, r.item as usize);
    }

    /// Shows quotation `q` of article `a` in the source, focused; the timeline selects its
    /// statement and the actor pane its speaker.
    fn show_quote(&mut self, a: usize, q: usize) {
        let catalog = self.catalog();
        let Some((_, quote)) = catalog.item::<Quote>(ItemRef::new(a, q)) else {
            return;
        };
        let entry = catalog
            .event_at(a, quote.span)
            .and_then(|ev| catalog.entry_of(a, ev));
        if let Some(e) = entry
            && !self.timeline.select_entry(e)
            && self.filter.is_some()
        {
            self.set_filter(None);
            self.timeline.select_entry(e);
        }
        let actor = catalog.quote_actor(a, &quote);
        self.actors.marked = actor.into_iter().collect();
        if let Some(actor) = actor {
            self.actors.select_actor(actor);
        }
        let mark = Mark {
            span: quote.span,
            item: Some(Item::Quote(q as u32)),
        };
        self.source.show(&catalog, a, Some(mark));
        self.focus_pane(Pane::Source);
    }

    /// The selection across panes, for the history.
    pub fn selection(&self) -> Selection {
        Selection {
            focus: self.focus,
            filter: self.filter,
            entry: self.timeline.selected(),
            actor: self.actors.selected(),
            article: self.source.article,
            mark: self.source.mark,
            top: self.source.list.offset,
        }
    }

    fn restore(&mut self, s: Selection) {
        let catalog = self.catalog();
        if self.filter != s.filter {
            self.set_filter(s.filter);
        }
        if let Some(e) = s.entry {
            self.timeline.select_entry(e);
        }
        if let Some(a) = s.actor {
            self.actors.select_actor(a);
        }
        if let Some(a) = s.article {
            self.source.show(&catalog, a, s.mark);
            let max = self
                .source
                .lines
                .len()
                .saturating_sub(self.source.list.height);
            self.source.list.offset = s.top.min(max);
            self.source.list.scroll_view(0);
        }
        self.focus_pane(s.focus);
    }

    /// Draws the whole screen. Changes nothing.
    pub fn render(&self, frame: &mut Frame) {
        let screen = frame.area();
        let Some(areas) = layout::areas(screen) else {
            status::draw_too_small(frame, screen, self.theme);
            return;
        };
        if let Some(progress) = &self.loading {
            status::draw_loading(frame, screen, progress, self.theme);
            return;
        }
        let Some(catalog) = self.catalog.as_deref() else {
            return;
        };
        let overlay = self.finder.open || self.help.is_some() || self.prompt.is_some();
        for pane in areas.visible() {
            let Some(area) = areas.pane(pane) else {
                continue;
            };
            let focused = pane == self.focus && !overlay && !self.desk.asking;
            let view = View {
                catalog,
                theme: self.theme,
                focused,
                filtered: self.filter.is_some(),
                review: self.review(),
            };
            let block = Block::bordered()
                .title(self.pane_title(pane, catalog))
                .border_type(if focused {
                    BorderType::Thick
                } else {
                    BorderType::Plain
                })
                .border_style(if focused {
                    self.theme.focused_border()
                } else {
                    self.theme.border()
                });
            let inside = block.inner(area);
            frame.render_widget(block, area);
            match pane {
                Pane::Timeline => self.timeline.draw(frame, inside, &view),
                Pane::Actors => self.actors.draw(frame, inside, &view, self.filter),
                Pane::Source => {
                    let below = self.review_rows(inside.width).min(inside.height / 2);
                    let text = Rect {
                        height: inside.height - below,
                        ..inside
                    };
                    self.source.draw(frame, text, &view);
                    let boxed = Rect {
                        y: text.bottom(),
                        height: below,
                        ..inside
                    };
                    self.draw_review_box(frame, boxed);
                }
            }
        }
        status::draw_status(frame, areas.status, &self.status_parts(catalog), self.theme);
        if let Some(hints) = areas.hints {
            status::draw_hints(
                frame,
                hints,
                &self.keymap.hints(&self.contexts()),
                self.theme,
            );
        }
        let view = View {
            catalog,
            theme: self.theme,
            focused: true,
            filtered: self.filter.is_some(),
            review: self.review(),
        };
        if self.finder.open {
            self.finder.draw(frame, screen, &view);
        }
        if let Some(prompt) = &self.prompt {
            prompt.draw(frame, screen, &view);
        }
        if let Some(scroll) = &self.help {
            help::draw(frame, screen, &self.keymap, scroll, self.theme);
        }
        if self.desk.asking {
            self.draw_quitting(frame, screen);
        }
    }

    /// The selected item's mark and note, under the source text.
    fn draw_review_box(&self, frame: &mut Frame, area: Rect) {
        let Some((heading, mark, note)) = self.review_box().filter(|_| area.height > 0) else {
            return;
        };
        let w = area.width as usize;
        let style = mark.map_or(self.theme.muted(), |m| self.theme.mark(m));
        let rule = "─".repeat(w.saturating_sub(text::width(&heading) + 3));
        let mut lines = vec![ratatui::text::Line::from(vec![
            ratatui::text::Span::styled("─ ", self.theme.border()),
            ratatui::text::Span::styled(heading, style),
            ratatui::text::Span::styled(format!(" {rule}"), self.theme.border()),
        ])];
        if let Some(note) = note {
            let rows = source::wrap(&note, w);
            let room = (area.height as usize).saturating_sub(1);
            for (i, r) in rows.iter().take(room).enumerate() {
                let mut line = note[r.clone()].to_string();
                if i + 1 == room && rows.len() > room {
                    line = text::ellipsize(&format!("{line}…"), w);
                }
                lines.push(ratatui::text::Line::raw(line));
            }
        }
        frame.render_widget(ratatui::widgets::Paragraph::new(lines), area);
    }

    /// The question asked when quitting with decisions that could not be saved.
    fn draw_quitting(&self, frame: &mut Frame, screen: Rect) {
        use ratatui::text::{Line, Span};
        let theme = self.theme;
        let mut lines = vec![
            Line::raw("Your latest decisions are not saved:"),
            Line::styled(
                self.desk
                    .failure
                    .clone()
                    .unwrap_or_else(|| "the save did not finish".into()),
                theme.warning(),
            ),
            Line::raw(""),
        ];
        for b in self.keymap.of(Context::Quitting) {
            if matches!(b.action, Action::SaveElsewhere) && self.desk.fallback.is_none() {
                continue;
            }
            lines.push(Line::from(vec![
                Span::styled(format!("{:<6}", b.label("/")), theme.key()),
                Span::raw(b.desc),
            ]));
            if let (Action::SaveElsewhere, Some(to)) = (&b.action, &self.desk.fallback) {
                lines.push(Line::styled(
                    format!("      ({})", to.display()),
                    theme.muted(),
                ));
            }
        }
        let full = layout::overlay(screen, 90);
        let h = (lines.len() as u16 + 2).min(full.height);
        let area = Rect {
            y: screen.y + screen.height.saturating_sub(h) / 2,
            height: h,
            ..full
        };
        let block = Block::bordered()
            .border_type(BorderType::Thick)
            .border_style(theme.warning())
            .title(" Unsaved decisions ");
        frame.render_widget(ratatui::widgets::Clear, area);
        frame.render_widget(
            ratatui::widgets::Paragraph::new(lines)
                .wrap(ratatui::widgets::Wrap { trim: false })
                .block(block),
            area,
        );
    }

    fn pane_title(&self, pane: Pane, catalog: &Catalog) -> String {
        let n = match pane {
            Pane::Timeline => 1,
            Pane::Actors => 2,
            Pane::Source => 3,
        };
        let detail = match pane {
            Pane::Timeline => format!("{} events", thousands(self.timeline.entries)),
            Pane::Actors => format!(
                "{} · by {}",
                thousands(self.actors.rows.len()),
                match self.actors.sort {
                    Sort::Mentions => "mentions",
                    Sort::Name => "name",
                }
            ),
            Pane::Source => match self.source.article {
                Some(a) => format!("{}/{}", a + 1, catalog.index.articles.len()),
                None => String::new(),
            },
        };
        format!(" {n} {} · {detail} ", pane.title())
    }

    fn status_parts(&self, catalog: &Catalog) -> Vec<Part> {
        let t = catalog.totals;
        // The last message, warnings and filters first, then review progress, the pane and
        // the counts: what does not fit is cut or left out from the end.
        let mut parts = Vec::new();
        if let Some(m) = &self.message {
            parts.push(Part::new(m.clone(), Tone::Strong));
        }
        let (urgent, progress): (Vec<_>, Vec<_>) = self
            .review_status()
            .into_iter()
            .partition(|p| p.tone != Tone::Plain);
        parts.extend(urgent);
        if let Some(a) = self
            .filter
            .and_then(|a| catalog.index.actors.get(a as usize))
        {
            parts.push(
                Part::new(format!("filter: {} (Esc clears)", a.name), Tone::Strong)
                    .or_short(format!("filter: {}", a.name)),
            );
        }
        parts.extend(progress);
        parts.push(Part::new(self.focus.title().to_string(), Tone::Strong));
        let (articles, events, actors, quotes) = (
            thousands(t.articles),
            thousands(t.events),
            thousands(t.actors),
            thousands(t.quotes),
        );
        parts.push(
            Part::new(
                format!(
                    "{articles} articles · {events} events · {actors} actors · {quotes} quotations"
                ),
                Tone::Plain,
            )
            .or_short(format!(
                "{articles} art · {events} ev · {actors} act · {quotes} quot"
            )),
        );
        parts
    }
}
