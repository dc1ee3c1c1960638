//! Loading a corpus: find files, read them, analyse and extract every article (in parallel,
//! with a deterministic result), reuse what the cache holds, and build the index.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::article::Article;
use crate::article::Origin;
use crate::article::packed::Packed;
use crate::atomic;
use crate::cache::{self, EntryRef, Stamp};
use crate::extract::{self, Doc};
use crate::index::{Index, Overrides, Source, Views, overrides};
use crate::ingest::{self, Draft, Problem, json, walk};
use crate::layout::Layout;
use crate::record::Opened;

/// What to load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// The sample corpus bundled in the binary.
    Sample,
    /// Files and folders (folders are walked recursively).
    Paths(Vec<PathBuf>),
    /// JSON Lines written by `dossier extract --embed` (files, or folders of `.jsonl` files).
    Extracted(Vec<PathBuf>),
}

impl Input {
    /// The sample corpus when no path is given, else the paths.
    pub fn from_paths(paths: Vec<PathBuf>) -> Self {
        if paths.is_empty() {
            Input::Sample
        } else {
            Input::Paths(paths)
        }
    }
}

/// What loading is busy with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[repr(u8)]
pub enum Stage {
    /// Reading the files and extracting (or taking articles from the cache).
    #[default]
    Reading = 0,
    /// Building the corpus views: actors merged, the timeline, quotation groups.
    Views = 1,
    /// Writing the cache.
    Cache = 2,
    /// Opening the review and applying its corrections.
    Review = 3,
}

impl Stage {
    /// What the stage does, in words.
    pub fn label(self) -> &'static str {
        match self {
            Stage::Reading => "reading and extracting",
            Stage::Views => "merging actors, building the timeline and quotation groups",
            Stage::Cache => "writing the cache",
            Stage::Review => "opening the review",
        }
    }
}

/// Loading progress, shared with whoever displays it; set `cancel` to stop early.
#[derive(Debug, Default)]
pub struct Progress {
    /// Files found.
    pub files_total: AtomicUsize,
    /// Files read so far.
    pub files_done: AtomicUsize,
    /// Articles analysed (or taken from the cache) so far.
    pub articles: AtomicUsize,
    /// Bytes of article text analysed so far.
    pub bytes: AtomicU64,
    /// Set to stop loading; what is done so far is kept.
    pub cancel: AtomicBool,
    /// The current [`Stage`], as its number.
    stage: AtomicU8,
}

impl Progress {
    /// What loading is busy with.
    pub fn stage(&self) -> Stage {
        match self.stage.load(Ordering::Relaxed) {
            1 => Stage::Views,
            2 => Stage::Cache,
            3 => Stage::Review,
            _ => Stage::Reading,
        }
    }

    /// Says what loading is busy with now.
    pub fn enter(&self, stage: Stage) {
        self.stage.store(stage as u8, Ordering::Relaxed);
    }

    /// True once cancellation was asked for.
    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    fn count(&self, articles: &[Article]) {
        self.articles.fetch_add(articles.len(), Ordering::Relaxed);
        let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
        self.bytes.fetch_add(bytes as u64, Ordering::Relaxed);
    }
}

/// How the cache was used in a load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheReport {
    /// The cache file.
    pub path: PathBuf,
    /// Files whose articles came from the cache.
    pub reused: usize,
    /// Files read and extracted.
    pub extracted: usize,
    /// A cache that could not be read (ignored and rebuilt), or could not be written.
    pub problem: Option<String>,
}

/// Loads, extracts and indexes the input, without a cache.
pub fn load(input: &Input, progress: &Progress) -> Index {
    load_with(input, progress, None).0
}

/// Loads, extracts and indexes the input, reusing and then updating the cache file `cache`.
pub fn load_with(
    input: &Input,
    progress: &Progress,
    cache: Option<&Path>,
) -> (Index, Option<CacheReport>) {
    let paths = match input {
        Input::Sample => {
            let articles = analyse(ingest::sample_drafts(), progress);
            progress.enter(Stage::Views);
            return (Index::build(articles, Vec::new()), None);
        }
        Input::Extracted(paths) => return (open_extracted(paths, progress), None),
        Input::Paths(paths) => paths,
    };
    let (files, discovery_problems) = walk::discover(paths);
    progress.files_total.store(files.len(), Ordering::Relaxed);

    let mut report = cache.map(|path| CacheReport {
        path: path.to_path_buf(),
        reused: 0,
        extracted: 0,
        problem: None,
    });
    // The stored views are read alongside the articles; whether they fit is known once
    // every file is checked.
    let (cached, stored) = rayon::join(
        || cache.map(cache::read),
        || cache.map(|c| cache::read_views::<Views>(&cache::views_location(c))),
    );
    let mut cached = match cached {
        Some(Ok(Some(entries))) => entries,
        Some(Err(message)) => {
            if let Some(r) = report.as_mut() {
                r.problem = Some(format!("cache ignored and rebuilt: {message}"));
            }
            HashMap::new()
        }
        _ => HashMap::new(),
    };
    let work: Vec<(walk::SourceFile, Option<cache::Entry>)> = files
        .into_iter()
        .map(|f| {
            let entry = cached.remove(&f.path);
            (f, entry)
        })
        .collect();
    let stale = !cached.is_empty();
    drop(cached);

    let outcomes: Vec<Outcome> = work
        .into_par_iter()
        .map(|(file, entry)| {
            let outcome = if progress.cancelled() {
                Outcome::default()
            } else {
                process_file(&file, entry, progress)
            };
            progress.files_done.fetch_add(1, Ordering::Relaxed);
            outcome
        })
        .collect();

    let mut articles = Vec::with_capacity(outcomes.iter().map(|o| o.articles.len()).sum());
    let mut problems = discovery_problems;
    let mut sources = Vec::with_capacity(outcomes.len());
    let mut extracted = 0;
    for outcome in outcomes {
        let Some((path, stamp)) = outcome.source else {
            continue;
        };
        extracted += usize::from(!outcome.reused);
        let a = articles.len() as u32;
        let p = problems.len() as u32;
        articles.extend(outcome.articles);
        problems.extend(outcome.problems);
        sources.push(Source {
            path,
            stamp,
            articles: a..articles.len() as u32,
            problems: p..problems.len() as u32,
        });
    }
    let overrides = read_overrides(paths, &mut problems);
    let Some(r) = report.as_mut() else {
        progress.enter(Stage::Views);
        let mut index = Index::build_with(articles, problems, overrides);
        index.sources = sources;
        return (index, None);
    };
    let changed = extracted > 0 || stale || r.problem.is_some();
    let views_path = cache::views_location(&r.path);
    let key = views_key(&sources, &overrides);
    let stored = stored
        .unwrap_or(Ok(None))
        .and_then(|stored| match stored {
            Some(s) if s.key == key => s.views.fit(&articles).map(|()| Some(s.views)),
            _ => Ok(None),
        })
        .unwrap_or_else(|message| {
            r.problem
                .get_or_insert(format!("stored views ignored and rebuilt: {message}"));
            None
        });
    let built = stored.is_none();
    if built {
        progress.enter(Stage::Views);
    }
    let mut index = match stored {
        Some(views) => Index::with_views(articles, problems, overrides, views),
        None => Index::build_with(articles, problems, overrides),
    };
    index.sources = sources;

    r.extracted = extracted;
    r.reused = index.sources.len() - extracted;
    if !progress.cancelled() && (changed || built) {
        progress.enter(Stage::Cache);
        match lock_cache(&r.path) {
            Ok(Some(_lock)) => {
                if changed && let Err(e) = write_cache(&index, &r.path) {
                    r.problem = Some(format!("cannot write the cache {}: {e}", r.path.display()));
                }
                if built && let Err(e) = cache::write_views(&views_path, key, &index.views()) {
                    r.problem = Some(format!(
                        "cannot write the cache {}: {e}",
                        views_path.display()
                    ));
                }
            }
            Ok(None) => {
                r.problem = Some(format!(
                    "the cache {} is being written by another dossier; not written",
                    r.path.display()
                ));
            }
            Err(e) => {
                r.problem = Some(format!("cannot lock the cache {}: {e}", r.path.display()));
            }
        }
    }
    (index, report)
}

/// Takes the lock writers of the cache `path` and its views hold while they write, then
/// removes the temporary files of writes that never finished (a process killed while saving
/// leaves one as large as the cache). `None` when another process holds the lock. Where the
/// file system cannot lock (some network mounts), the cache is written unlocked and nothing
/// is removed.
fn lock_cache(path: &Path) -> std::io::Result<Option<std::fs::File>> {
    let lock = atomic::open_lock(path)?;
    match lock.try_lock() {
        Ok(()) => {
            atomic::remove_stale(path);
            atomic::remove_stale(&cache::views_location(path));
        }
        Err(std::fs::TryLockError::WouldBlock) => return Ok(None),
        Err(std::fs::TryLockError::Error(_)) => {}
    }
    Ok(Some(lock))
}

/// What the corpus views are built from: the source files in order (path, identity, number
/// of articles) and the overrides; with the extractor and index version (stored beside it),
/// this decides whether stored views can be used.
fn views_key(sources: &[Source], overrides: &Overrides) -> u64 {
    let mut hash = xxhash_rust::xxh3::Xxh3::new();
    for s in sources {
        let path = s.path.as_os_str().as_encoded_bytes();
        hash.update(&(path.len() as u64).to_le_bytes());
        hash.update(path);
        hash.update(&s.stamp.size.to_le_bytes());
        hash.update(&s.stamp.modified.unwrap_or(0).to_le_bytes());
        hash.update(&s.stamp.hash.to_le_bytes());
        hash.update(&(s.articles.end - s.articles.start).to_le_bytes());
    }
    hash.update(format!("{overrides:?}").as_bytes());
    hash.digest()
}

/// Reads `dossier.toml` from every folder given; a bad file is reported as a problem (file
/// and what is wrong) and ignored, never stopping the load.
pub fn read_overrides(paths: &[PathBuf], problems: &mut Vec<Problem>) -> Overrides {
    let mut all = Overrides::default();
    for folder in paths.iter().filter(|p| p.is_dir()) {
        match Overrides::read_folder(folder) {
            Ok(Some(o)) => all.extend(o),
            Ok(None) => {}
            Err(message) => problems.push(Problem {
                path: folder.join(overrides::FILE_NAME),
                record: None,
                message: format!("{message} (overrides ignored)"),
                loaded: false,
            }),
        }
    }
    all
}

/// What processing one file gave.
#[derive(Default)]
struct Outcome {
    source: Option<(PathBuf, Stamp)>,
    articles: Vec<Article>,
    problems: Vec<Problem>,
    reused: bool,
}

/// Takes a file's articles from its cache entry when the file is unchanged, else reads and
/// extracts it.
fn process_file(
    file: &walk::SourceFile,
    entry: Option<cache::Entry>,
    progress: &Progress,
) -> Outcome {
    let modified = Stamp::nanos(file.modified);
    if let Some(entry) = entry
        && entry.stamp.size == file.size
        && entry.stamp.modified == modified
        && ingest::hash_file(&file.path).is_ok_and(|h| h == entry.stamp.hash)
    {
        progress.count(&entry.articles);
        return Outcome {
            source: Some((entry.path, entry.stamp)),
            articles: entry.articles,
            problems: entry.problems,
            reused: true,
        };
    }
    let read = ingest::read_file(file);
    let articles = analyse(read.drafts, progress);
    Outcome {
        source: Some((
            file.path.clone(),
            Stamp {
                size: file.size,
                modified,
                hash: read.hash,
            },
        )),
        articles,
        problems: read.problems,
        reused: false,
    }
}

fn write_cache(index: &Index, path: &Path) -> std::io::Result<()> {
    cache::write(
        path,
        index.sources.iter().map(|s| EntryRef {
            path: &s.path,
            stamp: s.stamp,
            articles: &index.articles[s.articles.start as usize..s.articles.end as usize],
            problems: &index.problems[s.problems.start as usize..s.problems.end as usize],
        }),
    )
}

/// Lines parsed together when opening extracted output.
const BATCH: usize = 4096;

/// Rebuilds an index from `dossier extract --embed` output, line by line in parallel batches.
/// A line without an embedded article but with a text field is analysed again.
fn open_extracted(paths: &[PathBuf], progress: &Progress) -> Index {
    let (files, mut problems) = walk::discover(paths);
    progress.files_total.store(files.len(), Ordering::Relaxed);
    let mut articles = Vec::new();
    for file in files {
        let reader = match ingest::open(&file) {
            Ok(r) => r,
            Err(e) => {
                problems.push(Problem::file(&file.path, walk::io_message(&e)));
                continue;
            }
        };
        let mut batch: Vec<(usize, String)> = Vec::new();
        let mut flush = |batch: &mut Vec<(usize, String)>, problems: &mut Vec<Problem>| {
            let parsed: Vec<Result<Article, Problem>> = std::mem::take(batch)
                .into_par_iter()
                .map(|(n, line)| open_line(&file.path, n, &line))
                .collect();
            for item in parsed {
                match item {
                    Ok(article) => articles.push(article),
                    Err(problem) => problems.push(problem),
                }
            }
        };
        let mut file_problems = Vec::new();
        ingest::for_each_line(&file.path, reader, &mut file_problems, |n, line| {
            if progress.cancelled() {
                return;
            }
            batch.push((n, line.to_string()));
            if batch.len() == BATCH {
                flush(&mut batch, &mut problems);
            }
        });
        flush(&mut batch, &mut problems);
        problems.extend(file_problems);
        progress.files_done.fetch_add(1, Ordering::Relaxed);
    }
    progress.count(&articles);
    progress.enter(Stage::Views);
    Index::build(articles, problems)
}

/// One line of extracted output as an article.
fn open_line(path: &Path, n: usize, line: &str) -> Result<Article, Problem> {
    let problem = |message: String| Problem {
        path: path.to_path_buf(),
        record: Some(n),
        message,
        loaded: false,
    };
    if let Ok(Opened {
        article: Some(article),
    }) = serde_json::from_str(line)
    {
        article
            .validate()
            .map_err(|e| problem(format!("embedded article does not fit its text: {e}")))?;
        return Ok(article);
    }
    let record = json::parse_line(line).map_err(problem)?;
    let origin = Origin {
        path: path.to_path_buf(),
        record: Some(n),
    };
    Ok(analyse_one(Draft {
        origin,
        text: record.text,
        meta: record.meta,
    }))
}

/// At most this many articles are analysed together by one thread: each stage (layout, every
/// extractor, packing) runs over all of them before the next, which keeps its code and tables
/// in the processor's caches (see [`extract::extract_all`]); their temporaries are small
/// beside the corpus. Cancelling takes effect between batches.
const BATCH_ARTICLES: usize = 64;

/// Analyses and extracts drafts in parallel; the output order is the input order. Batches are
/// smaller than [`BATCH_ARTICLES`] when that leaves every thread several of them.
pub fn analyse(drafts: Vec<Draft>, progress: &Progress) -> Vec<Article> {
    let batch = (drafts.len() / (4 * rayon::current_num_threads())).clamp(1, BATCH_ARTICLES);
    let articles: Vec<Article> = drafts
        .into_par_iter()
        .chunks(batch)
        .flat_map_iter(|batch| {
            if progress.cancelled() {
                Vec::new()
            } else {
                analyse_batch(batch)
            }
        })
        .collect();
    progress.count(&articles);
    articles
}

/// Analyses one draft: metadata, layout and every extractor.
pub fn analyse_one(draft: Draft) -> Article {
    analyse_batch(vec![draft])
        .pop()
        .expect("one article per draft")
}

/// Analyses drafts one stage at a time over all of them; one article per draft, in order.
fn analyse_batch(drafts: Vec<Draft>) -> Vec<Article> {
    let (mut articles, layouts): (Vec<Article>, Vec<Layout>) =
        drafts.into_iter().map(ingest::article_and_layout).unzip();
    let docs: Vec<Doc> = articles
        .iter()
        .zip(&layouts)
        .map(|(article, layout)| doc(article, layout))
        .collect();
    let extractions = extract::extract_all(&docs);
    let mut scratch = Vec::new();
    for (article, x) in articles.iter_mut().zip(&extractions) {
        article.packed = Packed::encode_with(x, &article.text, &mut scratch);
    }
    articles
}

/// Runs the extractors again over an article (after its publication date changed).
pub fn reextract(article: &mut Article) {
    let layout = article.layout.decode();
    let x = extract::extract(&doc(article, &layout));
    article.set_extraction(&x);
}

/// What the extractors read of `article`, laid out as `layout`.
fn doc<'a>(article: &'a Article, layout: &'a Layout) -> Doc<'a> {
    Doc {
        text: &article.text,
        layout,
        published: article.date(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Meta;
    use crate::article::packed::Part;

    /// Article `n` of a small corpus: a dated wire story whose speaker, quotation and date
    /// depend on `n`, so that articles mixed up between batches would show.
    fn draft(n: usize) -> Draft {
        let (speaker, place) = [
            ("Finance Minister Anna Berg", "Oslo"),
            ("Senator John Carter", "Washington"),
            ("Chief Executive Mary Lowe", "Detroit"),
        ][n % 3];
        let mut text = format!(
            "{place} (Reuters) - {speaker} said on Monday that talks with the European Union \
             would resume in March.\n\n\"We are not there yet,\" {speaker} told reporters in \
             {place}."
        );
        for _ in 0..n % 4 {
            text.push_str("\n\nShares fell 2 percent on Tuesday, a trader said.");
        }
        Draft {
            origin: Origin {
                path: "batch.jsonl".into(),
                record: Some(n + 1),
            },
            text,
            meta: Meta::default(),
        }
    }

    #[test]
    fn articles_analysed_in_batches_are_those_analysed_one_by_one_in_order() {
        let n = 2 * BATCH_ARTICLES + 5;
        let batched = analyse((0..n).map(draft).collect(), &Progress::default());
        assert_eq!(batched.len(), n);
        for (i, article) in batched.iter().enumerate() {
            assert_eq!(article.origin.record, Some(i + 1));
            assert_eq!(*article, analyse_one(draft(i)), "article {i}");
            assert_eq!(article.count(Part::Quotes), 1, "article {i}");
            let quote = article.quotes().next().expect("a quotation");
            assert_eq!(quote.span.text(&article.text), "\"We are not there yet,\"");
        }
    }
}
