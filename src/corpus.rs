//! Loading a corpus: find files, read them, analyse and extract every article (in parallel,
//! with a deterministic result), and build the index.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::article::Article;
use crate::extract::{self, Doc};
use crate::index::{Index, Overrides, overrides};
use crate::ingest::{self, Draft, Problem, walk};

/// What to load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// The sample corpus bundled in the binary.
    Sample,
    /// Files and folders (folders are walked recursively).
    Paths(Vec<PathBuf>),
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

/// Loading progress, shared with whoever displays it; set `cancel` to stop early.
#[derive(Debug, Default)]
pub struct Progress {
    /// Files found.
    pub files_total: AtomicUsize,
    /// Files read so far.
    pub files_done: AtomicUsize,
    /// Articles analysed so far.
    pub articles: AtomicUsize,
    /// Bytes of article text analysed so far.
    pub bytes: AtomicU64,
    /// Set to stop loading; what is done so far is kept.
    pub cancel: AtomicBool,
}

impl Progress {
    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// Loads, extracts and indexes the input.
pub fn load(input: &Input, progress: &Progress) -> Index {
    let (drafts, mut problems) = read(input, progress);
    let overrides = read_overrides(input, &mut problems);
    let articles = analyse(drafts, progress);
    Index::build_with(articles, problems, overrides)
}

/// Reads `dossier.toml` from every folder given; a bad file is reported as a problem (file
/// and what is wrong) and ignored, never stopping the load.
pub fn read_overrides(input: &Input, problems: &mut Vec<Problem>) -> Overrides {
    let mut all = Overrides::default();
    let Input::Paths(paths) = input else {
        return all;
    };
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

/// Reads the input into drafts and problems, in input order.
pub fn read(input: &Input, progress: &Progress) -> (Vec<Draft>, Vec<Problem>) {
    let paths = match input {
        Input::Sample => return (ingest::sample_drafts(), Vec::new()),
        Input::Paths(paths) => paths,
    };
    let (files, mut problems) = walk::discover(paths);
    progress.files_total.store(files.len(), Ordering::Relaxed);
    let reads: Vec<ingest::FileRead> = files
        .par_iter()
        .map(|file| {
            if progress.cancelled() {
                return ingest::FileRead::default();
            }
            let read = ingest::read_file(file);
            progress.files_done.fetch_add(1, Ordering::Relaxed);
            read
        })
        .collect();
    let mut drafts = Vec::new();
    for read in reads {
        drafts.extend(read.drafts);
        problems.extend(read.problems);
    }
    (drafts, problems)
}

/// Analyses and extracts drafts in parallel; the output order is the input order.
pub fn analyse(drafts: Vec<Draft>, progress: &Progress) -> Vec<Article> {
    drafts
        .into_par_iter()
        .filter_map(|draft| {
            if progress.cancelled() {
                return None;
            }
            let article = analyse_one(draft);
            progress.articles.fetch_add(1, Ordering::Relaxed);
            progress
                .bytes
                .fetch_add(article.text.len() as u64, Ordering::Relaxed);
            Some(article)
        })
        .collect()
}

/// Analyses one draft: metadata, layout and every extractor.
pub fn analyse_one(draft: Draft) -> Article {
    let mut article = ingest::article(draft);
    reextract(&mut article);
    article
}

/// Runs the extractors again over an article (after its publication date changed).
pub fn reextract(article: &mut Article) {
    let doc = Doc {
        text: &article.text,
        layout: &article.layout,
        published: article.date(),
    };
    article.extraction = extract::extract(&doc);
}
