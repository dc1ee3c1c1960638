//! Running the explorer in the terminal: raw mode, alternate screen and mouse capture set
//! up and restored on every exit path (normal, error, panic), and the event loop that feeds
//! terminal events and background results to [`App::update`].

use std::io::{self, Stdout};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Once};
use std::thread;
use std::time::{Duration, Instant};

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;

use crate::app::jobs::{self, FinderJob, Saver};
use crate::app::keymap::Keymap;
use crate::app::theme::Theme;
use crate::app::{Action, App, Effect};
use crate::corpus::Input;
use crate::ingest::Problem;
use crate::review::store::Location;

/// How the session ended.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Problems met while loading, to report once the terminal is restored.
    pub problems: Vec<Problem>,
    /// Other messages about the load (e.g. an unusable cache).
    pub warnings: Vec<String>,
    /// True when the user quit before loading finished.
    pub cancelled: bool,
    /// True when loading finished with no article.
    pub empty: bool,
    /// What to tell about the review (a file moved aside, where it is kept, decisions the
    /// user chose not to save).
    pub review: Vec<String>,
    /// True when the session was ended by a signal (SIGTERM, SIGHUP) rather than by the user.
    pub stopped: bool,
}

/// Puts the terminal back as it was. Safe to call more than once.
fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

/// Raw mode, alternate screen and mouse capture for as long as it lives.
struct Screen {
    terminal: Terminal<CrosstermBackend<Stdout>>,
}

impl Screen {
    fn enter() -> io::Result<Screen> {
        static HOOK: Once = Once::new();
        HOOK.call_once(|| {
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                restore();
                previous(info);
            }));
        });
        enable_raw_mode()?;
        let setup = execute!(
            io::stdout(),
            EnterAlternateScreen,
            EnableMouseCapture,
            EnableBracketedPaste
        );
        let terminal = setup.and_then(|()| Terminal::new(CrosstermBackend::new(io::stdout())));
        match terminal {
            Ok(terminal) => Ok(Screen { terminal }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        restore();
    }
}

/// A flag raised when the process is asked to stop (SIGTERM, or SIGHUP when the terminal
/// goes away), so that the event loop ends the session as on quit: the last review decisions
/// saved and the terminal restored. Where signals cannot be caught the flag never rises.
fn stop_flag() -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        // Without the handler the default applies: the process ends at once, and every
        // decision but one being written is already on disk.
        let _ = signal_hook::flag::register(signal, Arc::clone(&flag));
    }
    flag
}

/// How long a session stopped by a signal waits for its last save.
const STOP_GRACE: Duration = Duration::from_secs(5);

/// Ends a session: waits for the saves asked for and tells what to know about the review.
fn end(app: &App, saver: Option<Saver>, outcome: &mut Outcome) {
    outcome.review = app.desk.notices.clone();
    if let Some(s) = saver {
        s.finish();
    }
    if app.desk.session.unsaved() {
        outcome.review.push(match &app.desk.file {
            Some(f) => format!(
                "review: the latest decisions were not saved in {} ({})",
                f.display(),
                if outcome.stopped {
                    "stopped by a signal"
                } else {
                    "you chose to quit"
                }
            ),
            None => "review: the latest decisions were not saved".into(),
        });
    }
}

/// What the event loop receives.
enum Msg {
    Input(Event),
    Action(Action),
}

/// Opens the explorer on `input` with the review kept at `review`: the window appears at
/// once and shows loading progress while the corpus loads in the background.
pub fn run(input: Input, cache: Option<PathBuf>, review: Location) -> io::Result<Outcome> {
    let stop = stop_flag();
    let mut screen = Screen::enter()?;
    let (tx, rx) = mpsc::channel::<Msg>();
    let keys = tx.clone();
    thread::spawn(move || {
        while let Ok(e) = event::read() {
            if keys.send(Msg::Input(e)).is_err() {
                break;
            }
        }
    });
    let outbox = |tx: &mpsc::Sender<Msg>| -> jobs::Outbox {
        let tx = tx.clone();
        Box::new(move |a| {
            let _ = tx.send(Msg::Action(a));
        })
    };
    let started = Instant::now();
    let progress = jobs::spawn_loader(input, cache, review, outbox(&tx));
    let size = screen.terminal.size()?;
    let mut app = App::new(
        Rect::new(0, 0, size.width, size.height),
        Theme::from_env(),
        Keymap::default(),
    );
    let mut finder: Option<FinderJob> = None;
    let mut saver: Option<Saver> = None;
    let mut outcome = Outcome::default();
    let mut dirty = true;
    let mut stopping: Option<Instant> = None;
    loop {
        if dirty {
            screen.terminal.draw(|f| app.render(f))?;
            dirty = false;
        }
        let mut batch = Vec::new();
        match rx.recv_timeout(Duration::from_millis(100)) {
            Ok(m) => batch.push(m),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => break,
        }
        batch.extend(rx.try_iter());
        // Asked to stop: quit as the user would, saving first; a failed save is not asked
        // about, and a save that hangs is given up after a grace period.
        if stop.load(Ordering::Relaxed) {
            let since = *stopping.get_or_insert_with(|| {
                outcome.stopped = true;
                batch.push(Msg::Action(Action::Quit));
                Instant::now()
            });
            if app.desk.asking {
                batch.push(Msg::Action(Action::QuitAnyway));
            } else if since.elapsed() > STOP_GRACE {
                end(&app, saver.take(), &mut outcome);
                return Ok(outcome);
            }
        }
        if app.loading.is_some() {
            app.update(Action::Progress(jobs::sample(&progress, started)));
            dirty = true;
        }
        for msg in batch {
            let action = match msg {
                Msg::Input(e) => app.action_for(&e),
                Msg::Action(a) => Some(a),
            };
            let Some(action) = action else { continue };
            if let Action::Loaded(catalog) = &action {
                outcome.problems = catalog.index.problems.clone();
                outcome.warnings = catalog.warnings.clone();
                if catalog.index.articles.is_empty() {
                    outcome.empty = true;
                    return Ok(outcome);
                }
            }
            if let Action::ReviewOpened(opening) = &action {
                saver = Some(Saver::spawn(opening.opened.store.clone(), outbox(&tx)));
            }
            app.update(action);
            dirty = true;
            let mut effects = app.take_effects();
            while !effects.is_empty() {
                for effect in effects {
                    match effect {
                        Effect::CancelLoad => {
                            progress.cancel.store(true, Ordering::Relaxed);
                            outcome.cancelled = true;
                        }
                        Effect::StartFinder(catalog) => {
                            finder = Some(FinderJob::spawn(catalog, outbox(&tx)));
                        }
                        Effect::Search { generation, query } => {
                            if let Some(f) = &finder {
                                f.search(generation, query);
                            }
                        }
                        Effect::Save {
                            generation,
                            review,
                            pending,
                            to,
                        } => {
                            if let Some(s) = &saver {
                                s.save(generation, review, pending, to);
                            }
                        }
                        Effect::Rebuild => {
                            screen.terminal.draw(|f| app.render(f))?;
                            if let Some(f) = finder.take() {
                                f.stop();
                            }
                            app.update(Action::Rebuild);
                        }
                        Effect::Write {
                            path,
                            text,
                            summary,
                        } => {
                            app.update(super::write_report(&path, &text, summary));
                        }
                    }
                }
                effects = app.take_effects();
            }
            if app.quit {
                end(&app, saver.take(), &mut outcome);
                return Ok(outcome);
            }
        }
    }
    Ok(outcome)
}
