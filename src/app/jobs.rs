//! Background jobs: loading the corpus, and the finder worker. Both report back by sending
//! [`Action`]s; neither touches the app's state.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::{self, JoinHandle};
use std::time::Instant;

use crate::app::Action;
use crate::app::catalog::Catalog;
use crate::app::status::LoadProgress;
use crate::corpus::{self, Input, Progress};
use crate::review::store::{self, Location, Store};
use crate::review::{Edit, Review};
use crate::search::{Control, Fields, Found, Query, QuoteIndex, Searcher};

/// Where a job sends its actions.
pub type Outbox = Box<dyn Fn(Action) + Send + 'static>;

/// Loads `input` on a new thread (through the cache file `cache`, if given), then opens the
/// review at `review` and applies its corrections; sends [`Action::ReviewOpened`] and
/// [`Action::Loaded`] when done (nothing when cancelled through the returned progress).
pub fn spawn_loader(
    input: Input,
    cache: Option<PathBuf>,
    review: Location,
    out: Outbox,
) -> Arc<Progress> {
    let progress = Arc::new(Progress::default());
    let shared = Arc::clone(&progress);
    thread::spawn(move || {
        let (mut index, report) = corpus::load_with(&input, &shared, cache.as_deref());
        if shared.cancelled() {
            return;
        }
        shared.enter(corpus::Stage::Review);
        let opening = crate::review::open_on(&mut index, &review, store::fallback(&input));
        out(Action::ReviewOpened(Box::new(opening)));
        let mut catalog = Catalog::build(index);
        catalog.warnings.extend(report.and_then(|r| r.problem));
        out(Action::Loaded(Arc::new(catalog)));
    });
    progress
}

/// A sample of the loader's counters.
pub fn sample(progress: &Progress, started: Instant) -> LoadProgress {
    LoadProgress {
        files_total: progress.files_total.load(Ordering::Relaxed),
        files_done: progress.files_done.load(Ordering::Relaxed),
        articles: progress.articles.load(Ordering::Relaxed),
        bytes: progress.bytes.load(Ordering::Relaxed),
        stage: progress.stage(),
        elapsed: started.elapsed(),
    }
}

struct Request {
    generation: u64,
    query: String,
}

/// The finder worker: builds the quotation index, then answers queries one at a time,
/// always the newest; a running search stops as soon as a newer query arrives.
pub struct FinderJob {
    requests: Sender<Request>,
    latest: Arc<AtomicU64>,
    stop: Arc<AtomicBool>,
    worker: JoinHandle<()>,
}

/// Lets the matcher see newer queries and hand out early results.
struct Steer<'a> {
    latest: &'a AtomicU64,
    generation: u64,
    out: &'a Outbox,
}

impl Control for Steer<'_> {
    fn interrupted(&self) -> bool {
        self.latest.load(Ordering::Relaxed) != self.generation
    }

    fn partial(&mut self, found: Found) {
        (self.out)(Action::Found(self.generation, found));
    }
}

impl FinderJob {
    /// Starts the worker over `catalog`; it sends [`Action::FinderReady`] once indexed and
    /// [`Action::Found`] for each query answered.
    pub fn spawn(catalog: Arc<Catalog>, out: Outbox) -> FinderJob {
        let (requests, inbox) = mpsc::channel::<Request>();
        let latest = Arc::new(AtomicU64::new(0));
        let shared = Arc::clone(&latest);
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let worker = thread::spawn(move || {
            // Once stopped, the rest of the index is built empty, which takes no time.
            let index = QuoteIndex::build(catalog.quotes.len(), |id| {
                if stopped.load(Ordering::Relaxed) {
                    Fields::default()
                } else {
                    catalog.fields(id)
                }
            });
            if stopped.load(Ordering::Relaxed) {
                return;
            }
            out(Action::FinderReady);
            serve(&index, &catalog, &inbox, &shared, &out);
        });
        FinderJob {
            requests,
            latest,
            stop,
            worker,
        }
    }

    /// Stops the worker and waits for it, so that it no longer holds the catalog.
    pub fn stop(self) {
        self.stop.store(true, Ordering::Relaxed);
        self.latest.store(u64::MAX, Ordering::Relaxed);
        drop(self.requests);
        let _ = self.worker.join();
    }

    /// Asks for `query`; any older query still running stops.
    pub fn search(&self, generation: u64, query: String) {
        self.latest.store(generation, Ordering::Relaxed);
        let _ = self.requests.send(Request { generation, query });
    }
}

fn serve(
    index: &QuoteIndex,
    catalog: &Catalog,
    inbox: &Receiver<Request>,
    latest: &AtomicU64,
    out: &Outbox,
) {
    let mut searcher = Searcher::new();
    while let Ok(mut request) = inbox.recv() {
        while let Ok(newer) = inbox.try_recv() {
            request = newer;
        }
        if request.generation != latest.load(Ordering::Relaxed) {
            continue;
        }
        let mut steer = Steer {
            latest,
            generation: request.generation,
            out,
        };
        let query = Query::parse(&request.query);
        if let Some(found) = searcher.search(index, catalog, &query, &mut steer) {
            out(Action::Found(request.generation, found));
        }
    }
}

/// A review save asked of the [`Saver`].
struct SaveRequest {
    generation: u64,
    review: Review,
    pending: Vec<Edit>,
    to: Option<PathBuf>,
}

/// The review saver: a thread that owns the review file's [`Store`] and saves the newest
/// review asked for (older requests still waiting are skipped: the newest one carries
/// their edits), answering with [`Action::Saved`].
pub struct Saver {
    requests: Sender<SaveRequest>,
    worker: JoinHandle<()>,
}

impl Saver {
    /// Starts the saver over `store`.
    pub fn spawn(mut store: Store, out: Outbox) -> Saver {
        let (requests, inbox) = mpsc::channel::<SaveRequest>();
        let worker = thread::spawn(move || {
            while let Ok(mut request) = inbox.recv() {
                while let Ok(newer) = inbox.try_recv() {
                    if request.to.is_some() && newer.to.is_none() {
                        // A move to another file is never skipped.
                        request.generation = newer.generation;
                        request.review = newer.review;
                        request.pending = newer.pending;
                    } else {
                        request = newer;
                    }
                }
                if let Some(path) = request.to.take() {
                    store = Store::new(path);
                }
                let result = store.save(&request.review, &request.pending);
                out(Action::Saved(request.generation, result));
            }
        });
        Saver { requests, worker }
    }

    /// Asks for the review as of `generation` to be saved (to the file `to` from now on,
    /// when given).
    pub fn save(&self, generation: u64, review: Review, pending: Vec<Edit>, to: Option<PathBuf>) {
        let _ = self.requests.send(SaveRequest {
            generation,
            review,
            pending,
            to,
        });
    }

    /// Waits for the saves asked for to finish.
    pub fn finish(self) {
        drop(self.requests);
        let _ = self.worker.join();
    }
}
