//! The command line: `dossier [PATH...]`, `dossier extract`, `dossier stats`, `dossier actors`,
//! `dossier open`, `dossier export`.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Write};
use std::mem::ManuallyDrop;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::app::text::ellipsize;
use crate::article::packed::Part;
use crate::article::{Article, Origin};
use crate::cache;
use crate::corpus::{self, Input, Progress, Stage};
use crate::index::Index;
use crate::ingest::{Draft, Problem, json};
use crate::record::{Embedded, EventSpans, Record};
use crate::review::export::{self, Filter, Format};
use crate::review::{Keys, Mark, Review, apply, store};

/// dossier: explore a folder of news articles — timeline, actors, quotations.
#[derive(Debug, Parser)]
#[command(
    name = "dossier",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    open: CorpusArgs,
    /// The review file (default: `<folder>/.dossier/review.json`, or a file in the per-user
    /// data folder when the corpus folder is read-only or the corpus is not one folder).
    #[arg(long, value_name = "FILE")]
    review: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract quotations, time expressions, entities and events as JSON Lines.
    Extract(ExtractArgs),
    /// Print counts per article and totals.
    Stats(CorpusArgs),
    /// Print the actor table: mentions, quotations, articles, dates, roles, aliases.
    Actors(ActorsArgs),
    /// Open the output of `dossier extract --embed` (files or folders of JSON Lines).
    Open(OpenArgs),
    /// Write a report of the review: Markdown, JSON or CSV.
    Export(ExportArgs),
}

#[derive(Debug, Args)]
struct ExportArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    /// The report's format: `md` (a Markdown report), `json` (everything) or `csv` (one row
    /// per quotation).
    #[arg(long, value_name = "FORMAT", default_value = "md", value_parser = ["md", "markdown", "json", "csv"])]
    format: String,
    /// The review file (default: the one the explorer uses for this corpus).
    #[arg(long, value_name = "FILE")]
    review: Option<PathBuf>,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Keep only items with these marks: `confirmed`, `disputed`, `needs-check`,
    /// `unreviewed` (comma-separated).
    #[arg(long, alias = "mark", value_name = "MARKS", value_delimiter = ',')]
    only: Vec<String>,
    /// Keep only items without a mark (with `--only`, these as well).
    #[arg(long)]
    unreviewed: bool,
}

#[derive(Debug, Args)]
struct ActorsArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    /// Also list unnamed sources and groups.
    #[arg(long)]
    unnamed: bool,
}

#[derive(Debug, Args)]
struct OpenArgs {
    /// JSON Lines files written by `dossier extract --embed`, or folders holding them.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The review file (default: one in the per-user data folder named after the paths).
    #[arg(long, value_name = "FILE")]
    review: Option<PathBuf>,
}

/// The corpus to load.
#[derive(Debug, Args)]
struct CorpusArgs {
    /// Files or folders (walked recursively). With none, the bundled sample corpus.
    paths: Vec<PathBuf>,
    /// Neither read nor write the cache of extracted articles.
    #[arg(long)]
    no_cache: bool,
}

#[derive(Debug, Args)]
struct ExtractArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    /// Read records `{"id","text","date"?,"title"?,"source"?}` from this JSON Lines file
    /// (`-` for standard input) instead of PATHs; the output keeps their order and ids.
    #[arg(long, value_name = "FILE", conflicts_with = "paths")]
    records: Option<PathBuf>,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Embed each whole analysed article (text, metadata, layout, full extraction) in its
    /// line, so that `dossier open` can rebuild the index without extracting again.
    #[arg(long)]
    embed: bool,
}

/// Runs the command line and returns the process exit code.
pub fn main() -> ExitCode {
    crate::crash::install();
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Extract(args)) => extract(args),
        Some(Command::Stats(args)) => stats(args),
        Some(Command::Actors(args)) => actors(args),
        Some(Command::Open(args)) => {
            explore(&Input::Extracted(args.paths), false, args.review.as_deref())
        }
        Some(Command::Export(args)) => export(args),
        None => explore(&cli.open.input(), cli.open.no_cache, cli.review.as_deref()),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("dossier: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn report(problems: &[Problem]) {
    let mut err = io::stderr().lock();
    for p in problems {
        let _ = writeln!(err, "dossier: {p}");
    }
}

impl CorpusArgs {
    fn input(&self) -> Input {
        Input::from_paths(self.paths.clone())
    }
}

/// Loads the corpus (through the cache unless disabled) with a progress line on a terminal,
/// reporting problems; fails when nothing could be loaded. The index is never freed: the
/// process ends after the command, and the system takes its memory back at once,
/// where freeing a large corpus allocation by allocation takes most of a second.
fn load(input: &Input, no_cache: bool) -> Result<ManuallyDrop<Index>> {
    let cache_file = cache_file(input, no_cache);
    let progress = Progress::default();
    let done = AtomicBool::new(false);
    let (index, cache_report) = std::thread::scope(|scope| {
        if io::stderr().is_terminal() {
            scope.spawn(|| progress_line(&progress, &done));
        }
        let loaded = corpus::load_with(input, &progress, cache_file.as_deref());
        done.store(true, Ordering::Relaxed);
        loaded
    });
    report(&index.problems);
    if let Some(problem) = cache_report.and_then(|r| r.problem) {
        eprintln!("dossier: {problem}");
    }
    if index.articles.is_empty() {
        anyhow::bail!("no articles could be loaded");
    }
    Ok(ManuallyDrop::new(index))
}

/// Shows loading progress on standard error until `done` is set, then clears the line.
fn progress_line(progress: &Progress, done: &AtomicBool) {
    let start = Instant::now();
    while !done.load(Ordering::Relaxed) {
        std::thread::sleep(Duration::from_millis(100));
        let secs = start.elapsed().as_secs_f64();
        let mb = progress.bytes.load(Ordering::Relaxed) as f64 / 1e6;
        let articles = progress.articles.load(Ordering::Relaxed);
        match progress.stage() {
            Stage::Reading => eprint!(
                "\r\x1b[2Kreading {}/{} files · {articles} articles · {:.1} MB/s · {secs:.1} s",
                progress.files_done.load(Ordering::Relaxed),
                progress.files_total.load(Ordering::Relaxed),
                mb / secs.max(0.001),
            ),
            stage => eprint!(
                "\r\x1b[2K{articles} articles · {} · {secs:.1} s",
                stage.label()
            ),
        }
    }
    eprint!("\r\x1b[2K");
}

/// The cache file for `input`, unless caching is off or does not apply.
fn cache_file(input: &Input, no_cache: bool) -> Option<PathBuf> {
    match input {
        Input::Paths(paths) if !no_cache => cache::location(paths),
        _ => None,
    }
}

/// Opens the explorer; without a terminal (output piped), prints the corpus totals instead.
fn explore(input: &Input, no_cache: bool, review: Option<&Path>) -> Result<ExitCode> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        let index = load(input, no_cache)?;
        print_totals(&index, &mut io::stdout().lock())?;
        return Ok(ExitCode::SUCCESS);
    }
    let location = store::locate(input, review);
    let outcome = crate::app::terminal::run(input.clone(), cache_file(input, no_cache), location)
        .context("cannot run the terminal interface")?;
    report(&outcome.problems);
    for warning in outcome.warnings.iter().chain(&outcome.review) {
        eprintln!("dossier: {warning}");
    }
    if outcome.stopped {
        eprintln!("dossier: stopped by a signal");
        // The conventional status of a process ended by SIGTERM.
        return Ok(ExitCode::from(143));
    }
    if outcome.cancelled {
        eprintln!("dossier: loading cancelled");
    } else if outcome.empty {
        anyhow::bail!("no articles could be loaded");
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes a report of the review of a corpus.
fn export(args: ExportArgs) -> Result<ExitCode> {
    let format = Format::parse(&args.format).context("unknown format")?;
    let mut filter = Filter {
        marks: Vec::new(),
        unreviewed: args.unreviewed,
    };
    for word in args.only.iter().filter(|w| !w.trim().is_empty()) {
        if word.trim().eq_ignore_ascii_case("unreviewed") {
            filter.unreviewed = true;
        } else {
            let mark = Mark::parse(word).with_context(|| {
                format!("--mark: unknown mark {word:?} (use confirmed, disputed, needs-check or unreviewed)")
            })?;
            if !filter.marks.contains(&mark) {
                filter.marks.push(mark);
            }
        }
    }
    let input = args.corpus.input();
    let mut index = load(&input, args.corpus.no_cache)?;
    let location = store::locate(&input, args.review.as_deref());
    let review = match std::fs::read(&location.path) {
        Ok(bytes) => store::parse(&bytes).map_err(|e| {
            anyhow::anyhow!(
                "the review file {} cannot be read: {e}",
                location.path.display()
            )
        })?,
        Err(e) if e.kind() == io::ErrorKind::NotFound && args.review.is_none() => {
            eprintln!(
                "dossier: no review yet ({} does not exist): every item is unreviewed",
                location.path.display()
            );
            Review::default()
        }
        Err(e) => {
            return Err(e).with_context(|| format!("cannot read {}", location.path.display()));
        }
    };
    let mut baseline = apply::Baseline::default();
    let unapplied = if review.corrections.is_empty() {
        Vec::new()
    } else {
        apply::apply(&mut index, &mut baseline, &review.corrections)
    };
    let keys = Keys::build(&index);
    let orphans = keys.orphans(&index, &review).len();
    if orphans > 0 {
        eprintln!(
            "dossier: {orphans} decision{} name items no longer in the corpus (listed in the report)",
            if orphans == 1 { "" } else { "s" }
        );
    }
    if !unapplied.is_empty() {
        eprintln!(
            "dossier: {} correction{} found nothing to apply to (listed in the report)",
            unapplied.len(),
            if unapplied.len() == 1 { "" } else { "s" }
        );
    }
    let source = export::Source {
        index: &index,
        keys: &keys,
        review: &review,
        unapplied: &unapplied,
        file: Some(&location.path),
    };
    let text = export::render(&source, &filter, format);
    match &args.output {
        Some(path) => crate::atomic::write(path, text.as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => io::stdout().lock().write_all(text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

fn stats(args: CorpusArgs) -> Result<ExitCode> {
    let index = load(&args.input(), args.no_cache)?;
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "{:<40} {:>10} {:>5} {:>5} {:>6} {:>6} {:>8} {:>6}",
        "article", "date", "paras", "sents", "quotes", "timexes", "mentions", "events"
    )?;
    for a in &index.articles {
        writeln!(
            out,
            "{:<40} {:>10} {:>5} {:>5} {:>6} {:>6} {:>8} {:>6}",
            ellipsize(&a.key(), 40),
            a.date().map_or("undated".to_string(), |d| d.to_string()),
            a.layout.paragraph_count(),
            a.layout.sentence_count(),
            a.count(Part::Quotes),
            a.count(Part::Timexes),
            a.count(Part::Mentions),
            a.count(Part::Events)
        )?;
    }
    print_totals(&index, &mut out)?;
    Ok(ExitCode::SUCCESS)
}

fn actors(args: ActorsArgs) -> Result<ExitCode> {
    let index = load(&args.corpus.input(), args.corpus.no_cache)?;
    let mut out = io::stdout().lock();
    print_actor_rows(&mut out, &index.actor_rows())?;
    let authors = index.author_rows();
    if !authors.is_empty() {
        writeln!(out, "\nAuthors (bylines, not mentioned in the stories)")?;
        for r in &authors {
            writeln!(
                out,
                "  {}: {} article{}{}",
                r.name,
                r.authored,
                if r.authored == 1 { "" } else { "s" },
                r.roles
                    .first()
                    .map_or(String::new(), |role| format!(", {role}"))
            )?;
        }
    }
    if args.unnamed {
        writeln!(out, "\nUnnamed sources and groups")?;
        print_actor_rows(&mut out, &index.unnamed_rows())?;
    }
    Ok(ExitCode::SUCCESS)
}

fn print_actor_rows(out: &mut impl Write, rows: &[crate::index::actors::ActorRow]) -> Result<()> {
    writeln!(
        out,
        "{:<28} {:<12} {:>5} {:>6} {:>5} {:>10} {:>10}  roles · aliases · with",
        "actor", "kind", "ment.", "quotes", "arts", "first", "last"
    )?;
    let date = |d: Option<chrono::NaiveDate>| d.map_or("-".to_string(), |d| d.to_string());
    for r in rows {
        let mut notes = Vec::new();
        if !r.roles.is_empty() {
            notes.push(
                r.roles
                    .iter()
                    .take(3)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join("; "),
            );
        }
        if let Some(of) = &r.stands_for {
            notes.push(format!("stands for {of}"));
        }
        if !r.aliases.is_empty() {
            notes.push(format!(
                "aka {}",
                r.aliases
                    .iter()
                    .take(4)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if !r.co_mentioned.is_empty() {
            notes.push(format!(
                "with {}",
                r.co_mentioned
                    .iter()
                    .take(3)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if r.authored > 0 {
            notes.push(format!("author of {}", r.authored));
        }
        writeln!(
            out,
            "{:<28} {:<12} {:>5} {:>6} {:>5} {:>10} {:>10}  {}",
            ellipsize(&r.name, 28),
            r.kind,
            r.mentions,
            r.quotes,
            r.articles,
            date(r.first_seen),
            date(r.last_seen),
            notes.join(" · ")
        )?;
    }
    Ok(())
}

fn print_totals(index: &Index, out: &mut impl Write) -> Result<()> {
    let t = index.totals();
    writeln!(
        out,
        "{} articles ({} dated, {} bytes), {} quotations, {} time expressions, {} mentions of {} actors, {} timeline events",
        t.articles, t.dated, t.bytes, t.quotes, t.timexes, t.mentions, t.actors, t.events
    )?;
    Ok(())
}

/// Number of articles analysed together when streaming.
const BATCH: usize = 2048;

fn extract(args: ExtractArgs) -> Result<ExitCode> {
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let written = match &args.records {
        Some(path) => extract_records(path, args.embed, &mut out)?,
        None => {
            let index = load(&args.corpus.input(), args.corpus.no_cache)?;
            let spans = EventSpans::of(&index);
            for (a, article) in index.articles.iter().enumerate() {
                let record = Record::in_index(&index, &spans, a);
                write_article(&mut out, article, record, args.embed)?;
            }
            index.articles.len()
        }
    };
    out.flush()?;
    if written == 0 {
        anyhow::bail!("no articles could be loaded");
    }
    if io::stderr().is_terminal() {
        eprintln!("dossier: {written} articles extracted");
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes one article's extract line, with the whole article embedded when asked.
fn write_article(
    out: &mut impl Write,
    article: &Article,
    record: Record,
    embed: bool,
) -> Result<()> {
    if embed {
        serde_json::to_writer(&mut *out, &Embedded { record, article })?;
    } else {
        serde_json::to_writer(&mut *out, &record)?;
    }
    out.write_all(b"\n")?;
    Ok(())
}

/// Streams a records file through the extractors in batches, keeping input order.
fn extract_records(path: &Path, embed: bool, out: &mut impl Write) -> Result<usize> {
    let reader: Box<dyn BufRead> = if path == Path::new("-") {
        Box::new(BufReader::new(io::stdin().lock()))
    } else {
        Box::new(BufReader::new(
            File::open(path).with_context(|| format!("cannot open {}", path.display()))?,
        ))
    };
    let mut written = 0;
    let mut batch = Vec::with_capacity(BATCH);
    let mut problems = Vec::new();
    for (n, line) in reader.lines().enumerate() {
        let line = line.with_context(|| format!("cannot read {}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let origin = Origin {
            path: path.to_path_buf(),
            record: Some(n + 1),
        };
        match json::parse_line(&line) {
            Ok(r) => {
                problems.extend(r.warnings.iter().map(|w| problem(&origin, w, true)));
                batch.push(Draft {
                    origin,
                    text: r.text,
                    meta: r.meta,
                });
            }
            Err(e) => problems.push(problem(&origin, &e, false)),
        }
        if batch.len() == BATCH {
            written += flush_batch(&mut batch, &mut problems, embed, out)?;
        }
    }
    written += flush_batch(&mut batch, &mut problems, embed, out)?;
    Ok(written)
}

fn problem(origin: &Origin, message: &str, loaded: bool) -> Problem {
    Problem {
        path: origin.path.clone(),
        record: origin.record,
        message: message.to_string(),
        loaded,
    }
}

fn flush_batch(
    batch: &mut Vec<Draft>,
    problems: &mut Vec<Problem>,
    embed: bool,
    out: &mut impl Write,
) -> Result<usize> {
    report(problems);
    problems.clear();
    let articles = corpus::analyse(std::mem::take(batch), &Progress::default());
    for article in &articles {
        write_article(out, article, Record::of(article), embed)?;
    }
    Ok(articles.len())
}
