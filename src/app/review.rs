//! Review in the explorer: the decisions and corrections being made (a [`Session`]), how
//! far the review has got, saving after every change, and the actions that mark, annotate,
//! correct, filter, jump and export.
//!
//! The selected item is the focused pane's: the timeline entry under the cursor (a "said"
//! row is its quotation), the actor under the cursor, or in the source the quotation or
//! mention highlighted (a mention stands for its actor; a highlighted event sentence for
//! its timeline entry).

use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;
use ratatui::text::Span;

use crate::app::catalog::Catalog;
use crate::app::history::History;
use crate::app::layout::Pane;
use crate::app::prompt::{Choice, Prompt, Purpose};
use crate::app::source::{Item, Mark as Highlight};
use crate::app::theme::Theme;
use crate::app::timeline::Row;
use crate::app::{Action, App, Effect};
use crate::article::packed::Part;
use crate::extract::actors::Mention;
use crate::extract::quotes::Quote;
use crate::index::ItemRef;
use crate::review::apply::{Baseline, apply};
use crate::review::export::{self, Filter, Format};
use crate::review::keys::Progress;
use crate::review::store::Saved;
use crate::review::{
    Correction, Decision, Edit, Fix, ItemKey, ItemKind, Mark, Opening, Review, Session, Target,
    Undone, correction_id, excerpt, now, quoted,
};

/// Which items the timeline and actor panes show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Show {
    /// Every item.
    #[default]
    All,
    /// Items without a mark.
    Unreviewed,
    /// Items marked disputed.
    Disputed,
    /// Items marked to be checked.
    NeedsCheck,
}

impl Show {
    /// The next view, in the order `F` cycles through them.
    pub fn next(self) -> Show {
        match self {
            Show::All => Show::Unreviewed,
            Show::Unreviewed => Show::Disputed,
            Show::Disputed => Show::NeedsCheck,
            Show::NeedsCheck => Show::All,
        }
    }

    /// What it shows, in words.
    pub fn label(self) -> &'static str {
        match self {
            Show::All => "everything",
            Show::Unreviewed => "unreviewed",
            Show::Disputed => "disputed",
            Show::NeedsCheck => "needs check",
        }
    }

    /// The same choice as an export filter.
    pub fn filter(self) -> Filter {
        match self {
            Show::All => Filter::all(),
            Show::Unreviewed => Filter {
                marks: Vec::new(),
                unreviewed: true,
            },
            Show::Disputed => Filter {
                marks: vec![Mark::Disputed],
                unreviewed: false,
            },
            Show::NeedsCheck => Filter {
                marks: vec![Mark::NeedsCheck],
                unreviewed: false,
            },
        }
    }
}

/// The review being worked on, and its saving.
#[derive(Debug, Clone, Default)]
pub struct Desk {
    /// Decisions, corrections, undo and the edits not yet saved.
    pub session: Session,
    /// The articles as loaded, for those the corrections changed.
    pub baseline: Baseline,
    /// Positions of the corrections that found nothing to apply to.
    pub unapplied: Vec<usize>,
    /// The review file (`None`: decisions are kept in memory only, as in tests).
    pub file: Option<PathBuf>,
    /// Where to save when the review file cannot be written.
    pub fallback: Option<PathBuf>,
    /// The folder reports are exported to by default.
    pub export_dir: PathBuf,
    /// The newest generation asked to be saved.
    requested: u64,
    /// The newest generation a save answered for.
    answered: u64,
    /// Why the last save failed, until one succeeds.
    pub failure: Option<String>,
    /// What the timeline and actor panes show.
    pub show: Show,
    /// How far the review has got.
    pub progress: Progress,
    /// Decisions about items no longer in the corpus.
    pub orphans: usize,
    /// True while quitting waits for a save.
    pub quitting: bool,
    /// True while the user is asked what to do with decisions that could not be saved.
    pub asking: bool,
    /// Things to tell the user when the app closes (a review file moved aside).
    pub notices: Vec<String>,
}

impl Desk {
    /// A desk over a review read from its file.
    pub fn open(o: Opening) -> Desk {
        let file = Some(o.opened.store.path.clone());
        let fallback = Some(o.fallback).filter(|f| Some(f) != file.as_ref());
        Desk {
            session: Session::new(o.opened.review),
            baseline: o.baseline,
            unapplied: o.unapplied,
            file,
            fallback,
            export_dir: o.export_dir,
            failure: o.opened.store.blocked.clone(),
            notices: o.opened.problems.into_iter().chain(o.opened.note).collect(),
            ..Desk::default()
        }
    }

    /// True while a save is under way.
    fn in_flight(&self) -> bool {
        self.requested > self.answered
    }
}

/// The two glyph columns of a row: the mark (`✓`, `✗`, `!`) and `✎` when there is a note.
pub fn cell(decision: Option<&Decision>, theme: Theme) -> Span<'static> {
    let mark = decision.and_then(|d| d.mark);
    let note = decision.is_some_and(|d| d.note.is_some());
    let text = format!(
        "{}{}",
        mark.map_or(' ', Mark::glyph),
        if note { '✎' } else { ' ' }
    );
    match mark {
        Some(m) => Span::styled(text, theme.mark(m)),
        None => Span::styled(text, theme.muted()),
    }
}

/// "Confirmed", "Disputed", … for messages.
fn verb(mark: Option<Mark>) -> &'static str {
    match mark {
        Some(Mark::Confirmed) => "Confirmed",
        Some(Mark::Disputed) => "Disputed",
        Some(Mark::NeedsCheck) => "Flagged for a check:",
        None => "Cleared the mark of",
    }
}

impl App {
    /// The item marks and notes apply to: the focused pane's selected item.
    pub fn target(&self) -> Option<Target> {
        let catalog = self.catalog.as_deref()?;
        match self.focus {
            Pane::Timeline => self.timeline.selected().map(Target::Entry),
            Pane::Actors => self.actors.selected().map(Target::Actor),
            Pane::Source => {
                let a = self.source.article?;
                let mark = self.source.mark?;
                match mark.item {
                    Some(Item::Quote(q)) => Some(Target::Quote(ItemRef::new(a, q as usize))),
                    Some(Item::Mention(m)) => {
                        let (_, mention) = catalog.item::<Mention>(ItemRef::new(a, m as usize))?;
                        let local = mention.actor;
                        catalog.index.actor_of(a, local).map(Target::Actor)
                    }
                    None => catalog
                        .event_at(a, mark.span)
                        .and_then(|e| catalog.entry_of(a, e))
                        .map(Target::Entry),
                }
            }
        }
    }

    /// The decision shown for `target`.
    pub fn decision(&self, target: Target) -> Option<&Decision> {
        let catalog = self.catalog.as_deref()?;
        catalog
            .keys
            .decision(&catalog.index, &self.desk.session.review, target)
    }

    /// The selected quotation: the target when it is one, or a statement's.
    fn selected_quote(&self) -> Option<ItemRef> {
        let catalog = self.catalog.as_deref()?;
        match self.target()? {
            Target::Quote(r) => Some(r),
            Target::Entry(e) => {
                let s = *catalog.index.timeline.get(e as usize)?.sources.first()?;
                let event = ItemRef::new(s.article as usize, s.item as usize);
                let q = catalog.keys.statement_quote(event)?;
                Some(ItemRef::new(s.article as usize, q))
            }
            Target::Actor(_) => None,
        }
    }

    /// Reports an undone or redone step, saying which of its items another instance decided
    /// since (those stay as they are).
    fn after_step(&mut self, done: &str, u: &Undone) {
        let mut message = format!("{done}: {}", u.label);
        match u.kept {
            0 => {}
            1 => message.push_str(" (1 item decided elsewhere since stays as it is)"),
            n => message.push_str(&format!(
                " ({n} items decided elsewhere since stay as they are)"
            )),
        }
        self.message = Some(message);
        self.after_change(u.corrected);
    }

    /// Handles a review action of the panes.
    pub(crate) fn update_review(&mut self, action: Action) {
        match action {
            Action::Mark(mark) => self.set_mark(mark),
            Action::EditNote => self.open_note(),
            Action::Undo => match self.desk.session.undo() {
                Some(u) => self.after_step("Undone", &u),
                None => self.message = Some("Nothing to undo.".into()),
            },
            Action::Redo => match self.desk.session.redo() {
                Some(u) => self.after_step("Redone", &u),
                None => self.message = Some("Nothing to redo.".into()),
            },
            Action::Reassign => self.open_speaker(),
            Action::SetDate => self.open_date(),
            Action::MergeActor | Action::RenameActor | Action::SplitActor => {
                self.open_actor(action)
            }
            Action::CycleReviewFilter => {
                self.desk.show = self.desk.show.next();
                self.refresh_rows();
                self.message = Some(match self.desk.show {
                    Show::All => "Showing every item.".into(),
                    s => format!("Showing {} items only (F for more).", s.label()),
                });
            }
            Action::Jump(forward, mark) => self.jump(forward, mark),
            Action::Export => self.open_export(),
            _ => {}
        }
    }

    fn set_mark(&mut self, mark: Option<Mark>) {
        let Some((catalog, target)) = self.catalog.clone().zip(self.target()) else {
            self.message = Some("Nothing selected to mark.".into());
            return;
        };
        let review = &self.desk.session.review;
        let Some(key) = catalog.keys.decision_key(&catalog.index, review, target) else {
            return;
        };
        let mut decision = review.decision(&key).cloned().unwrap_or_default();
        let kind = catalog.keys.kind(&catalog.index, target).label();
        if decision.mark == mark {
            self.message = Some(match mark {
                Some(m) => format!("This {kind} is marked {} already.", m.label()),
                None => format!("This {kind} has no mark."),
            });
            return;
        }
        decision.mark = mark;
        decision.item = catalog.keys.info(&catalog.index, target);
        decision.updated = Some(now());
        let label = format!(
            "{} {kind} {}",
            verb(mark),
            quoted(&excerpt(&decision.item.text, 48))
        );
        let edit = Edit::Decide {
            key,
            decision: Some(decision),
        };
        if self.desk.session.change(label.clone(), vec![edit]) {
            self.message = Some(label);
            self.after_change(false);
        }
    }

    fn open_note(&mut self) {
        let Some((catalog, target)) = self.catalog.clone().zip(self.target()) else {
            self.message = Some("Nothing selected to annotate.".into());
            return;
        };
        let note = self
            .decision(target)
            .and_then(|d| d.note.clone())
            .unwrap_or_default();
        let info = catalog.keys.info(&catalog.index, target);
        let kind = catalog.keys.kind(&catalog.index, target).label();
        self.prompt = Some(Prompt::new(
            Purpose::Note(target),
            format!("Note on {kind} {}", quoted(&excerpt(&info.text, 40))),
            "Enter saves · Esc cancels · an empty note removes it",
            &note,
        ));
    }

    fn open_speaker(&mut self) {
        let Some((catalog, quote)) = self.catalog.clone().zip(self.selected_quote()) else {
            self.message =
                Some("Select a quotation (a “said” row, or one in the source) first.".into());
            return;
        };
        let info = catalog.keys.info(&catalog.index, Target::Quote(quote));
        let mut prompt = Prompt::new(
            Purpose::Speaker(quote),
            format!("Speaker of {}", quoted(&excerpt(&info.text, 50))),
            "type a name · ↑↓ choose · Enter sets it · a name not listed makes a new actor",
            "",
        );
        prompt.refresh(&catalog);
        self.prompt = Some(prompt);
    }

    fn open_date(&mut self) {
        let Some((catalog, a)) = self.catalog.clone().zip(self.source.article) else {
            return;
        };
        let Some(article) = catalog.article(a) else {
            return;
        };
        let current = article.date().map_or(String::new(), |d| d.to_string());
        let name = article
            .title()
            .map_or_else(|| article.key(), str::to_string);
        self.prompt = Some(Prompt::new(
            Purpose::Date(a),
            format!("Publication date of “{}”", excerpt(&name, 50)),
            "YYYY-MM-DD · empty: the date found in the article, if any",
            &current,
        ));
    }

    fn open_actor(&mut self, action: Action) {
        let Some((catalog, a)) = self.catalog.clone().zip(self.actors.selected()) else {
            self.message = Some("No actor selected.".into());
            return;
        };
        let name = catalog.index.actors[a as usize].name.clone();
        let mut prompt = match action {
            Action::MergeActor => Prompt::new(
                Purpose::Merge(a),
                format!("Merge “{name}” into…"),
                "type a name · ↑↓ choose · Enter merges",
                "",
            ),
            Action::RenameActor => Prompt::new(
                Purpose::Rename(a),
                format!("Rename “{name}”"),
                "Enter renames · Esc cancels",
                &name,
            ),
            _ => Prompt::new(
                Purpose::Split(a),
                format!("Split off “{name}” the articles that call it…"),
                "↑↓ choose the name that means someone else · Enter splits",
                "",
            ),
        };
        prompt.refresh(&catalog);
        if matches!(prompt.purpose, Purpose::Split(_)) {
            prompt
                .choices
                .retain(|(c, _, _)| !matches!(c, Choice::Name(n) if *n == name));
            prompt.list.set_len(prompt.choices.len());
            if prompt.choices.is_empty() {
                self.message = Some(format!(
                    "Every article calls {name} the same: nothing to split off."
                ));
                return;
            }
        }
        self.prompt = Some(prompt);
    }

    fn open_export(&mut self) {
        let path = self.desk.export_dir.join("dossier-report.md");
        let what = match self.desk.show {
            Show::All => "every item".to_string(),
            s => format!("{} items only", s.label()),
        };
        self.prompt = Some(Prompt::new(
            Purpose::Export,
            "Export a report".into(),
            &format!("the extension picks the format: .md, .json or .csv · exports {what} (F)"),
            &path.display().to_string(),
        ));
    }

    /// Handles an action while a prompt is open.
    pub(crate) fn update_prompt(&mut self, action: Action) {
        let Some(catalog) = self.catalog.clone() else {
            return;
        };
        let Some(prompt) = self.prompt.as_mut() else {
            return;
        };
        match action {
            Action::Close | Action::Clear => self.prompt = None,
            Action::Up => prompt.list.step(-1),
            Action::Down => prompt.list.step(1),
            Action::Choose => {
                let prompt = prompt.clone();
                match self.accept(&catalog, &prompt) {
                    Ok(()) => self.prompt = None,
                    Err(e) => {
                        if let Some(p) = self.prompt.as_mut() {
                            p.error = Some(e);
                        }
                    }
                }
            }
            edit => {
                if prompt.input.edit(&edit) {
                    prompt.error = None;
                    prompt.refresh(&catalog);
                }
            }
        }
    }

    /// Carries out what the prompt asked for; the error is shown in the prompt.
    fn accept(&mut self, catalog: &Arc<Catalog>, prompt: &Prompt) -> Result<(), String> {
        let text = prompt.input.text.trim();
        let index = &catalog.index;
        let keys = &catalog.keys;
        match prompt.purpose.clone() {
            Purpose::Note(target) => {
                let review = &self.desk.session.review;
                let key = keys
                    .decision_key(index, review, target)
                    .ok_or("the item is gone")?;
                let mut decision = review.decision(&key).cloned().unwrap_or_default();
                let note = (!text.is_empty()).then(|| text.to_string());
                if decision.note == note {
                    return Ok(());
                }
                let label = format!(
                    "{} on {} {}",
                    if note.is_some() {
                        "Note"
                    } else {
                        "Note removed"
                    },
                    keys.kind(index, target).label(),
                    quoted(&excerpt(&keys.info(index, target).text, 40))
                );
                decision.note = note;
                decision.item = keys.info(index, target);
                decision.updated = Some(now());
                let edit = Edit::Decide {
                    key,
                    decision: Some(decision),
                };
                self.commit(label, vec![edit], false);
            }
            Purpose::Speaker(quote) => {
                let (name, kind) = match prompt.selected() {
                    Some(Choice::Actor(a)) => {
                        let x = &index.actors[*a as usize];
                        (x.name.to_string(), x.kind)
                    }
                    Some(Choice::NewActor(n)) => {
                        (n.clone(), crate::extract::actors::ActorKind::Person)
                    }
                    _ => return Err("type a name and choose a speaker".into()),
                };
                let q = index.articles[quote.article as usize]
                    .quotes()
                    .nth(quote.item as usize)
                    .ok_or("the quotation is gone")?;
                let was = index
                    .speaker(quote.article as usize, &q)
                    .map(str::to_string);
                if was.as_deref() == Some(name.as_str()) {
                    return Err(format!("{name} is its speaker already"));
                }
                let key = keys.quote(index, quote).ok_or("the quotation is gone")?;
                let text = keys.info(index, Target::Quote(quote)).text;
                let fix = Fix::Speaker {
                    quote: key,
                    text,
                    actor: name,
                    actor_kind: kind,
                    was,
                };
                self.correct(fix, Vec::new());
            }
            Purpose::GoTo => {
                let date = parse_day(text).ok_or_else(|| {
                    format!("“{text}” is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
                })?;
                self.go_to(date);
            }
            Purpose::Date(a) => {
                let article = catalog.article(a).ok_or("the article is gone")?;
                let date = if text.is_empty() {
                    None
                } else {
                    Some(
                        NaiveDate::parse_from_str(text, "%Y-%m-%d")
                            .map_err(|_| format!("“{text}” is not a date: write YYYY-MM-DD"))?,
                    )
                };
                let user = article
                    .meta
                    .dates
                    .first()
                    .is_some_and(|d| d.source == crate::article::DateSource::User);
                if date.is_some() && date == article.date() || date.is_none() && !user {
                    return Err("that is its date already".into());
                }
                let fix = Fix::Date {
                    article: article.hash,
                    title: article
                        .title()
                        .map_or_else(|| article.key(), str::to_string),
                    date,
                };
                self.correct(fix, Vec::new());
            }
            Purpose::Merge(from) => {
                let Some(Choice::Actor(into)) = prompt.selected().cloned() else {
                    return Err("choose the actor to merge into".into());
                };
                let (from_name, into_name) = (
                    index.actors[from as usize].name.to_string(),
                    index.actors[into as usize].name.to_string(),
                );
                let mut moved = Vec::new();
                let review = &self.desk.session.review;
                if let (Some(fk), Some(ik)) = (keys.actor(from), keys.actor(into))
                    && let Some(d) = review.decision(fk)
                    && review.decision(ik).is_none()
                {
                    let mut d = d.clone();
                    d.item.text = into_name.clone();
                    moved.push(Edit::Decide {
                        key: fk.clone(),
                        decision: None,
                    });
                    moved.push(Edit::Decide {
                        key: ik.clone(),
                        decision: Some(d),
                    });
                }
                let fix = Fix::Merge {
                    into: into_name,
                    from: from_name,
                };
                self.correct(fix, moved);
            }
            Purpose::Rename(a) => {
                let old = index.actors[a as usize].name.to_string();
                if text.is_empty() {
                    return Err("type the new name".into());
                }
                if text == old {
                    return Err("that is its name already".into());
                }
                let mut moved = Vec::new();
                if let Some(old_key @ ItemKey::Actor { kind, article, .. }) = keys.actor(a)
                    && let Some(d) = self.desk.session.review.decision(old_key)
                {
                    let mut d = d.clone();
                    d.item.text = text.to_string();
                    moved.push(Edit::Decide {
                        key: old_key.clone(),
                        decision: None,
                    });
                    moved.push(Edit::Decide {
                        key: ItemKey::actor(*kind, text, *article),
                        decision: Some(d),
                    });
                }
                let fix = Fix::Rename {
                    from: old,
                    to: text.to_string(),
                };
                self.correct(fix, moved);
            }
            Purpose::Split(a) => {
                let Some(Choice::Name(alias)) = prompt.selected().cloned() else {
                    return Err("choose a name".into());
                };
                let fix = Fix::Split {
                    actor: index.actors[a as usize].name.to_string(),
                    alias,
                };
                self.correct(fix, Vec::new());
            }
            Purpose::Export => {
                if text.is_empty() {
                    return Err("type a file name".into());
                }
                let path = PathBuf::from(text);
                let format = Format::of_path(&path);
                let filter = self.desk.show.filter();
                let source = export::Source {
                    index,
                    keys,
                    review: &self.desk.session.review,
                    unapplied: &self.desk.unapplied,
                    file: self.desk.file.as_deref(),
                };
                let report = export::report(&source, &filter);
                let summary = format!(
                    "Exported {} quotations, {} events and {} corrections to {}",
                    report.quotations.len(),
                    report.timeline.len(),
                    report.corrections.len(),
                    path.display()
                );
                let text = export::write(&report, format);
                self.effects.push(Effect::Write {
                    path,
                    text,
                    summary,
                });
            }
        }
        Ok(())
    }

    /// Records a correction (with `also`, edits that move decisions along) as one step.
    fn correct(&mut self, fix: Fix, also: Vec<Edit>) {
        let label = fix.describe();
        let correction = Correction {
            id: correction_id(),
            fix,
        };
        let mut edits = vec![Edit::Add(correction)];
        edits.extend(also);
        self.commit(label, edits, true);
    }

    /// Makes one undoable step and follows it up.
    fn commit(&mut self, label: String, edits: Vec<Edit>, corrected: bool) {
        if self.desk.session.change(label.clone(), edits) {
            self.message = Some(label);
            self.after_change(corrected);
        }
    }

    /// After the review changed: save, and rebuild the corpus views (corrections) or
    /// refresh the progress and the filtered rows (decisions).
    fn after_change(&mut self, corrected: bool) {
        self.request_save(None);
        if corrected {
            self.effects.push(Effect::Rebuild);
        } else {
            self.refresh_rows();
        }
    }

    /// Asks the runtime to save the review (into the file `to` from now on, when given).
    fn request_save(&mut self, to: Option<PathBuf>) {
        let generation = self.desk.session.generation();
        if self.desk.file.is_none() {
            self.desk.session.saved(generation, None);
            return;
        }
        self.desk.requested = generation;
        self.effects.push(Effect::Save {
            generation,
            review: self.desk.session.review.clone(),
            pending: self.desk.session.pending(),
            to,
        });
    }

    /// A save finished.
    pub(crate) fn saved(&mut self, generation: u64, result: Result<Saved, String>) {
        self.desk.answered = self.desk.answered.max(generation);
        match result {
            Ok(saved) => {
                let corrections = saved
                    .merged
                    .as_ref()
                    .map(|_| self.desk.session.review.corrections.clone());
                let merged = saved.merged.is_some();
                self.desk.session.saved(generation, saved.merged);
                self.desk.failure = None;
                if let Some(note) = saved.note {
                    self.message = Some(note);
                }
                if corrections.is_some_and(|c| c != self.desk.session.review.corrections) {
                    self.effects.push(Effect::Rebuild);
                } else if merged {
                    self.refresh_rows();
                }
            }
            Err(e) => self.desk.failure = Some(e),
        }
        if self.desk.quitting && !self.desk.in_flight() {
            self.desk.quitting = false;
            if self.desk.session.unsaved() {
                self.desk.asking = true;
            } else {
                self.quit = true;
            }
        }
    }

    /// Quitting: at once when every decision is saved; else after the save under way (or
    /// one more attempt), asking what to do if it fails.
    pub(crate) fn quit_asked(&mut self) {
        if !self.desk.session.unsaved() {
            self.quit = true;
            return;
        }
        if self.desk.asking {
            return;
        }
        self.desk.quitting = true;
        self.message = Some("Saving decisions before quitting…".into());
        if !self.desk.in_flight() {
            self.request_save(None);
        }
    }

    /// Handles an action while asking about unsaved decisions.
    pub(crate) fn update_quitting(&mut self, action: Action) {
        match action {
            Action::QuitAnyway => self.quit = true,
            Action::SaveElsewhere => {
                let Some(to) = self.desk.fallback.take() else {
                    self.message = Some("There is no other place to save in.".into());
                    return;
                };
                self.desk.asking = false;
                self.desk.quitting = true;
                self.desk.file = Some(to.clone());
                self.desk.session.mark_all_unsaved();
                self.message = Some(format!("Saving the review in {}…", to.display()));
                self.request_save(Some(to));
            }
            Action::Close => {
                self.desk.asking = false;
                self.message = Some("Decisions are not saved yet (see the status line).".into());
            }
            _ => {}
        }
    }

    /// Applies the corrections to the corpus (the finder is stopped) and rebuilds the views;
    /// the panes keep their selection where it still exists.
    pub(crate) fn rebuild(&mut self) {
        let Some(old) = self.catalog.take() else {
            return;
        };
        let entry = self
            .timeline
            .selected()
            .and_then(|e| old.index.timeline.get(e as usize)?.sources.first().copied());
        let row = self.timeline.list.cursor;
        let name_of = |a: Option<u32>| Some(old.index.actors.get(a? as usize)?.name.clone());
        let actor = name_of(self.actors.selected());
        let filter = name_of(self.filter);
        let mut catalog = Arc::unwrap_or_clone(old);
        self.desk.unapplied = apply(
            &mut catalog.index,
            &mut self.desk.baseline,
            &self.desk.session.review.corrections,
        );
        let warnings = std::mem::take(&mut catalog.warnings);
        let mut rebuilt = Catalog::build(catalog.index);
        rebuilt.warnings = warnings;
        let catalog = Arc::new(rebuilt);
        self.catalog = Some(Arc::clone(&catalog));
        self.history = History::default();
        self.filter = filter.and_then(|n| catalog.index.actor_named(&n));
        self.actors.marked.clear();
        self.refresh_rows();
        let entry = entry.and_then(|s| catalog.entry_of(s.article as usize, s.item as usize));
        if !entry.is_some_and(|e| self.timeline.select_entry(e)) {
            self.timeline.list.select(row);
            self.timeline.step(0);
        }
        if let Some(a) = actor.and_then(|n| catalog.index.actor_named(&n)) {
            self.actors.select_actor(a);
        }
        if let Some(a) = self.source.article {
            let top = self.source.list.offset;
            let mark = self.source.mark.filter(|m| match m.item {
                Some(Item::Quote(q)) => catalog
                    .item::<Quote>(ItemRef::new(a, q as usize))
                    .is_some_and(|(_, q)| q.span == m.span),
                Some(Item::Mention(i)) => catalog
                    .item::<Mention>(ItemRef::new(a, i as usize))
                    .is_some_and(|(_, i)| i.span == m.span),
                None => true,
            });
            self.source.article = None;
            self.source.show(&catalog, a, mark);
            self.source.list.offset = top;
            self.source.list.scroll_view(0);
        }
        self.finder.reset();
        self.effects.push(Effect::StartFinder(catalog));
        self.relayout();
    }

    /// Recomputes the progress and the rows the review filter shows, keeping the cursors
    /// where they can stay (a row that leaves the view hands the cursor to the next one).
    pub(crate) fn refresh_rows(&mut self) {
        let Some(catalog) = self.catalog.clone() else {
            return;
        };
        let (index, keys) = (&catalog.index, &catalog.keys);
        let review = &self.desk.session.review;
        self.desk.progress = keys.progress(index, review);
        self.desk.orphans = keys.orphans(index, review).len();
        let show = self.desk.show.filter();
        let mask = |n: usize, target: fn(u32) -> Target| {
            (!show.is_all()).then(|| {
                (0..n as u32)
                    .map(|i| show.keeps(keys.mark(index, review, target(i))))
                    .collect::<Vec<bool>>()
            })
        };
        let entries = mask(index.timeline.len(), Target::Entry);
        let actors = mask(index.actors.len(), Target::Actor);
        if entries != self.timeline.only {
            let before = self.timeline.selected();
            let row = self.timeline.list.cursor;
            self.timeline.only = entries;
            self.timeline.rebuild(&catalog, self.filter);
            if !before.is_some_and(|e| self.timeline.select_entry(e)) {
                self.timeline.list.select(row);
                self.timeline.step(0);
            }
            if self.timeline.selected() != before && self.focus == Pane::Timeline {
                self.timeline_moved();
            }
        }
        if actors != self.actors.only {
            let row = self.actors.list.cursor;
            let before = self.actors.selected();
            self.actors.only = actors;
            self.actors.refilter(&catalog);
            if !before.is_some_and(|a| self.actors.select_actor(a)) {
                self.actors.list.select(row);
            }
        }
    }

    /// Moves to the next (or previous) item of the focused pane with `mark` (`None`: with
    /// no mark). In the source, quotations are searched through the following articles.
    fn jump(&mut self, forward: bool, mark: Option<Mark>) {
        let Some(catalog) = self.catalog.clone() else {
            return;
        };
        let (index, keys) = (&catalog.index, &catalog.keys);
        let review = &self.desk.session.review;
        let wanted = |t: Target| keys.mark(index, review, t) == mark;
        let what = mark.map_or("unreviewed", Mark::label);
        let found = match self.focus {
            Pane::Timeline => {
                let rows = &self.timeline.rows;
                let at = self.timeline.list.cursor;
                let is = |r: &usize| matches!(rows[*r], Row::Entry(e) if wanted(Target::Entry(e)));
                let row = if forward {
                    (at + 1..rows.len()).find(is)
                } else {
                    (0..at).rev().find(is)
                };
                row.map(|r| {
                    self.timeline.list.select(r);
                    self.timeline_moved();
                })
            }
            Pane::Actors => {
                let rows = &self.actors.rows;
                let at = self.actors.list.cursor;
                let is = |r: &usize| wanted(Target::Actor(rows[*r]));
                let row = if forward {
                    (at + 1..rows.len()).find(is)
                } else {
                    (0..at).rev().find(is)
                };
                row.map(|r| self.actors.list.select(r))
            }
            Pane::Source => {
                let a = self.source.article.unwrap_or(0);
                let here = match self.source.mark {
                    Some(Highlight {
                        item: Some(Item::Quote(q)),
                        ..
                    }) => Some(q as usize),
                    _ => None,
                };
                let quotes_of = |a: usize| index.articles[a].count(Part::Quotes);
                let is = |a: usize, q: usize| wanted(Target::Quote(ItemRef::new(a, q)));
                let found = if forward {
                    let first = here.map_or(0, |q| q + 1);
                    (first..quotes_of(a))
                        .find(|&q| is(a, q))
                        .map(|q| (a, q))
                        .or_else(|| {
                            (a + 1..index.articles.len())
                                .find_map(|b| (0..quotes_of(b)).find(|&q| is(b, q)).map(|q| (b, q)))
                        })
                } else {
                    let end = here.unwrap_or(quotes_of(a));
                    (0..end)
                        .rev()
                        .find(|&q| is(a, q))
                        .map(|q| (a, q))
                        .or_else(|| {
                            (0..a).rev().find_map(|b| {
                                (0..quotes_of(b)).rev().find(|&q| is(b, q)).map(|q| (b, q))
                            })
                        })
                };
                found.map(|(a, q)| self.show_quote(a, q))
            }
        };
        if found.is_none() {
            let noun = match self.focus {
                Pane::Timeline => "event",
                Pane::Actors => "actor",
                Pane::Source => "quotation",
            };
            let place = if forward { "below" } else { "above" };
            self.message = Some(format!("No {what} {noun} {place}."));
        }
    }

    /// The review part of the status line: save trouble, progress, the review filter.
    pub(crate) fn review_status(&self) -> Vec<crate::app::status::Part> {
        use crate::app::status::{Part, Tone};
        let mut parts = Vec::new();
        if let Some(f) = &self.desk.failure {
            parts.push(Part::new(format!("NOT SAVED: {f}"), Tone::Warning));
        }
        let p = &self.desk.progress;
        let [q, e, a] =
            [&p.quotations, &p.events, &p.actors].map(|t| format!("{}/{}", t.reviewed(), t.total));
        parts.push(
            Part::new(
                format!("reviewed: quotations {q} · events {e} · actors {a}"),
                Tone::Plain,
            )
            .or_short(format!("rev quot {q} · ev {e} · act {a}")),
        );
        if self.desk.orphans > 0 {
            parts.push(
                Part::new(
                    format!("{} orphaned (see the export)", self.desk.orphans),
                    Tone::Strong,
                )
                .or_short(format!("{} orphaned", self.desk.orphans)),
            );
        }
        if self.desk.show != Show::All {
            parts.push(Part::new(
                format!("showing: {} (F)", self.desk.show.label()),
                Tone::Strong,
            ));
        }
        parts
    }

    /// The decision box under the source text: a heading with the mark and the kind of
    /// item, and the note.
    pub(crate) fn review_box(&self) -> Option<(String, Option<Mark>, Option<String>)> {
        let target = self.target()?;
        let d = self.decision(target)?;
        let catalog = self.catalog.as_deref()?;
        let kind: ItemKind = catalog.keys.kind(&catalog.index, target);
        let mark = d.mark.map_or("no mark".to_string(), |m| {
            format!("{} {}", m.glyph(), m.label())
        });
        Some((format!("{mark} · {}", kind.label()), d.mark, d.note.clone()))
    }

    /// Rows the decision box takes in a source pane `width` columns wide.
    pub(crate) fn review_rows(&self, width: u16) -> u16 {
        match self.review_box() {
            None => 0,
            Some((_, _, None)) => 1,
            Some((_, _, Some(n))) => {
                1 + crate::app::source::wrap(&n, width as usize).len().min(3) as u16
            }
        }
    }

    /// The review as it stands.
    pub fn review(&self) -> &Review {
        &self.desk.session.review
    }
}

/// The first day of a date written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn parse_day(text: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = text.split('-').collect();
    let number = |s: &str, digits: usize| {
        (s.len() == digits && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let year = number(parts.first()?, 4)? as i32;
    let month = parts.get(1).map_or(Some(1), |m| number(m, 2))?;
    let day = parts.get(2).map_or(Some(1), |d| number(d, 2))?;
    if parts.len() > 3 {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}
