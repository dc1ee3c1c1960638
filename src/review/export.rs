//! Reports of a review: Markdown (quotations by speaker with mark, note, source and date;
//! the timeline with marks; the actors decided on; the corrections made; orphaned
//! decisions), JSON (everything, machine-readable) and CSV (one row per quotation).
//! A [`Filter`] keeps only the items with the marks asked for.

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use crate::app::catalog::date_label;
use crate::article::Article;
use crate::extract::events::{Event, EventKind};
use crate::index::{Index, ItemRef};
use crate::review::keys::{Progress, Tally};
use crate::review::{Decision, Fix, ItemKind, Keys, Mark, Review, Target, excerpt, quoted};

/// A report format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A Markdown report.
    Markdown,
    /// Everything, as one JSON document.
    Json,
    /// One row per quotation.
    Csv,
}

impl Format {
    /// The format named `md`, `markdown`, `json` or `csv`.
    pub fn parse(s: &str) -> Option<Format> {
        match s.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }

    /// The format a file name's extension asks for (Markdown when it says nothing known).
    pub fn of_path(path: &Path) -> Format {
        path.extension()
            .and_then(|e| e.to_str())
            .and_then(Format::parse)
            .unwrap_or(Format::Markdown)
    }
}

/// Which items a report keeps, by mark.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Marks kept; with none and `unreviewed` false, every item is kept.
    pub marks: Vec<Mark>,
    /// Keep items without a mark.
    pub unreviewed: bool,
}

impl Filter {
    /// Every item.
    pub fn all() -> Filter {
        Filter::default()
    }

    /// True when it keeps every item.
    pub fn is_all(&self) -> bool {
        self.marks.is_empty() && !self.unreviewed
    }

    /// True when an item with `mark` is kept.
    pub fn keeps(&self, mark: Option<Mark>) -> bool {
        self.is_all()
            || match mark {
                Some(m) => self.marks.contains(&m),
                None => self.unreviewed,
            }
    }

    /// What it keeps, in words.
    pub fn describe(&self) -> String {
        if self.is_all() {
            return "every item".into();
        }
        let mut parts: Vec<&str> = self.marks.iter().map(|m| m.label()).collect();
        if self.unreviewed {
            parts.push("unreviewed");
        }
        format!("only {}", parts.join(", "))
    }
}

/// What a report is made from.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The corpus, corrections applied.
    pub index: &'a Index,
    /// Its item ids.
    pub keys: &'a Keys,
    /// The review.
    pub review: &'a Review,
    /// Positions of the corrections that found nothing to apply to.
    pub unapplied: &'a [usize],
    /// The review file, if there is one.
    pub file: Option<&'a Path>,
}

/// A quotation in a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteRow {
    /// Its stable id.
    pub id: String,
    /// The speaker's name, when known.
    pub speaker: Option<String>,
    /// The quotation as written, marks included.
    pub text: String,
    /// The article's id.
    pub article: String,
    /// The article's headline.
    pub title: Option<String>,
    /// The outlet.
    pub source: Option<String>,
    /// The publication date.
    pub date: Option<String>,
    /// Where the quotation is: the file (and record).
    pub file: String,
    /// Byte offsets of the quotation in the article's text.
    pub start: u32,
    /// End offset (exclusive).
    pub end: u32,
    /// The mark.
    pub mark: Option<Mark>,
    /// The note.
    pub note: Option<String>,
}

/// A timeline entry in a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRow {
    /// Its stable id (its quotation's for a statement).
    pub id: String,
    /// Its date at its precision (`2025-12-19`, `2025-W51`, `~2025-12-19` when approximate).
    pub date: Option<String>,
    /// `statement`, `event` or `publication`.
    pub kind: &'static str,
    /// What happened.
    pub label: String,
    /// The actors involved.
    pub actors: Vec<String>,
    /// The articles reporting it.
    pub sources: Vec<String>,
    /// The mark.
    pub mark: Option<Mark>,
    /// The note.
    pub note: Option<String>,
}

/// An actor in a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorRow {
    /// Its stable id.
    pub id: String,
    /// Its canonical name.
    pub name: String,
    /// Its kind.
    pub kind: &'static str,
    /// Other names it is written under.
    pub aliases: Vec<String>,
    /// Mentions.
    pub mentions: u32,
    /// Quotations attributed.
    pub quotations: u32,
    /// The mark.
    pub mark: Option<Mark>,
    /// The note.
    pub note: Option<String>,
}

/// A correction in a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CorrectionRow {
    /// Its id.
    pub id: String,
    /// What it changes, in words.
    pub description: String,
    /// False when it found nothing to apply to in this corpus.
    pub applied: bool,
    /// What it changes, as in the review file.
    pub correction: Fix,
}

/// A decision whose item is no longer in the corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrphanRow {
    /// The item's id.
    pub id: String,
    /// What kind of item it was.
    pub kind: Option<ItemKind>,
    /// The item's text when it was decided on.
    pub text: String,
    /// Its article then.
    pub article: Option<String>,
    /// The mark.
    pub mark: Option<Mark>,
    /// The note.
    pub note: Option<String>,
}

/// Everything a report shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Always `dossier-review-export`.
    pub format: &'static str,
    /// Version of this layout.
    pub version: u32,
    /// The review file.
    pub review_file: Option<String>,
    /// What the report keeps.
    pub filter: String,
    /// Articles in the corpus.
    pub articles: usize,
    /// How far the review has got.
    pub progress: Progress,
    /// Quotations kept, in corpus order.
    pub quotations: Vec<QuoteRow>,
    /// Timeline entries kept, in date order.
    pub timeline: Vec<EventRow>,
    /// Actors kept.
    pub actors: Vec<ActorRow>,
    /// Every correction, in the order made.
    pub corrections: Vec<CorrectionRow>,
    /// Decisions about items no longer in the corpus (kept by the filter like the others).
    pub orphans: Vec<OrphanRow>,
}

fn parts(d: Option<&Decision>) -> (Option<Mark>, Option<String>) {
    (d.and_then(|d| d.mark), d.and_then(|d| d.note.clone()))
}

/// The first source event of every timeline entry, with its article: each article's events
/// are decoded once, not once per entry.
fn first_events(index: &Index) -> Vec<Option<(&Article, Event)>> {
    let mut order: Vec<(ItemRef, usize)> = index
        .timeline
        .iter()
        .enumerate()
        .filter_map(|(e, entry)| Some((*entry.sources.first()?, e)))
        .collect();
    order.sort_unstable();
    let mut firsts = vec![None; index.timeline.len()];
    for run in order.chunk_by(|x, y| x.0.article == y.0.article) {
        let Some(article) = index.articles.get(run[0].0.article as usize) else {
            continue;
        };
        let mut events = article.events().enumerate();
        let mut last: Option<(usize, Event)> = None;
        for &(r, e) in run {
            let item = r.item as usize;
            if last.as_ref().is_none_or(|(i, _)| *i != item) {
                last = events.find(|(i, _)| *i == item);
            }
            firsts[e] = last.as_ref().map(|(_, ev)| (article, ev.clone()));
        }
    }
    firsts
}

/// Gathers the report of `source`, keeping what `filter` keeps.
pub fn report(source: &Source, filter: &Filter) -> Report {
    let Source {
        index,
        keys,
        review,
        ..
    } = *source;
    let mut quotations = Vec::new();
    for (a, article) in index.articles.iter().enumerate() {
        for (q, quote) in article.quotes().enumerate() {
            let target = Target::Quote(ItemRef::new(a, q));
            let (mark, note) = parts(keys.decision(index, review, target));
            if !filter.keeps(mark) {
                continue;
            }
            quotations.push(QuoteRow {
                id: keys
                    .key(index, target)
                    .map_or(String::new(), |k| k.to_string()),
                speaker: index.speaker(a, &quote).map(str::to_string),
                text: quote.span.text(&article.text).to_string(),
                article: article.key(),
                title: article.title().map(str::to_string),
                source: article.meta.source.as_ref().map(|s| s.value.clone()),
                date: article.date().map(|d| d.to_string()),
                file: article.origin.to_string(),
                start: quote.span.start,
                end: quote.span.end,
                mark,
                note,
            });
        }
    }
    let mut timeline = Vec::new();
    let mut firsts = first_events(index).into_iter();
    for (e, entry) in index.timeline.iter().enumerate() {
        let first = firsts.next().flatten();
        let target = Target::Entry(e as u32);
        let (mark, note) = parts(keys.decision(index, review, target));
        if !filter.keeps(mark) {
            continue;
        }
        let label = first.as_ref().map_or(String::new(), |(article, ev)| {
            excerpt(ev.label_text(&article.text), usize::MAX)
        });
        let approximate = first.is_some_and(|(_, ev)| ev.approximate);
        let mut sources: Vec<String> = entry
            .sources
            .iter()
            .filter_map(|s| Some(index.articles.get(s.article as usize)?.key()))
            .collect();
        sources.dedup();
        timeline.push(EventRow {
            id: keys
                .key(index, target)
                .map_or(String::new(), |k| k.to_string()),
            date: entry
                .date
                .map(|d| date_label(d, entry.granularity, approximate)),
            kind: match entry.kind {
                EventKind::Statement => "statement",
                EventKind::Event => "event",
                EventKind::Publication => "publication",
            },
            label,
            actors: entry
                .actors
                .iter()
                .filter_map(|&a| Some(index.actors.get(a as usize)?.name.to_string()))
                .collect(),
            sources,
            mark,
            note,
        });
    }
    let mut actors = Vec::new();
    for (i, actor) in index.actors.iter().enumerate() {
        let target = Target::Actor(i as u32);
        let (mark, note) = parts(keys.decision(index, review, target));
        if !filter.keeps(mark) {
            continue;
        }
        actors.push(ActorRow {
            id: keys
                .actor(i as u32)
                .map_or(String::new(), |k| k.to_string()),
            name: actor.name.to_string(),
            kind: actor.kind.label(),
            aliases: actor
                .aliases
                .iter()
                .filter(|a| **a != actor.name)
                .map(ToString::to_string)
                .collect(),
            mentions: actor.mentions,
            quotations: actor.quotes,
            mark,
            note,
        });
    }
    let corrections = review
        .corrections
        .iter()
        .enumerate()
        .map(|(i, c)| CorrectionRow {
            id: c.id.clone(),
            description: c.fix.describe(),
            applied: !source.unapplied.contains(&i),
            correction: c.fix.clone(),
        })
        .collect();
    let orphans = keys
        .orphans(index, review)
        .into_iter()
        .filter(|(_, d)| filter.keeps(d.mark))
        .map(|(k, d)| OrphanRow {
            id: k.to_string(),
            kind: k.kind(),
            text: d.item.text.clone(),
            article: d.item.article.clone(),
            mark: d.mark,
            note: d.note.clone(),
        })
        .collect();
    Report {
        format: "dossier-review-export",
        version: 1,
        review_file: source.file.map(|p| p.display().to_string()),
        filter: filter.describe(),
        articles: index.articles.len(),
        progress: keys.progress(index, review),
        quotations,
        timeline,
        actors,
        corrections,
        orphans,
    }
}

/// The report in `format`.
pub fn render(source: &Source, filter: &Filter, format: Format) -> String {
    write(&report(source, filter), format)
}

/// A gathered report in `format`.
pub fn write(r: &Report, format: Format) -> String {
    match format {
        Format::Markdown => markdown(r),
        Format::Json => {
            let mut s = serde_json::to_string_pretty(r).expect("a report serialises");
            s.push('\n');
            s
        }
        Format::Csv => csv(r),
    }
}

/// A mark for people: glyph and word.
fn mark_words(mark: Option<Mark>) -> String {
    match mark {
        Some(m) => format!("{} {}", m.glyph(), m.label()),
        None => "unreviewed".into(),
    }
}

/// Text made safe inside a Markdown line: one line, Markdown punctuation escaped.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in excerpt(text, usize::MAX).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn md_note(out: &mut String, note: Option<&String>) {
    if let Some(n) = note {
        let _ = writeln!(out, "  - Note: {}", md(n));
    }
}

fn tally_row(out: &mut String, what: &str, t: &Tally) {
    let _ = writeln!(
        out,
        "| {what} | {}/{} | {} | {} | {} |",
        t.reviewed(),
        t.total,
        t.confirmed,
        t.disputed,
        t.needs_check
    );
}

/// The Markdown report.
pub fn markdown(r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Review report\n");
    let _ = writeln!(out, "- Articles: {}", r.articles);
    if let Some(f) = &r.review_file {
        let _ = writeln!(out, "- Review file: `{f}`");
    }
    let _ = writeln!(out, "- Showing: {}\n", r.filter);
    let _ = writeln!(
        out,
        "| items | reviewed | confirmed | disputed | needs check |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|");
    tally_row(&mut out, "quotations", &r.progress.quotations);
    tally_row(&mut out, "events", &r.progress.events);
    tally_row(&mut out, "actors", &r.progress.actors);

    let _ = writeln!(out, "\n## Quotations by speaker");
    let mut speakers: Vec<(Option<&str>, Vec<&QuoteRow>)> = Vec::new();
    for q in &r.quotations {
        match speakers
            .iter_mut()
            .find(|(s, _)| *s == q.speaker.as_deref())
        {
            Some((_, list)) => list.push(q),
            None => speakers.push((q.speaker.as_deref(), vec![q])),
        }
    }
    speakers.sort_by(|a, b| {
        (a.0.is_none(), std::cmp::Reverse(a.1.len()), a.0).cmp(&(
            b.0.is_none(),
            std::cmp::Reverse(b.1.len()),
            b.0,
        ))
    });
    if speakers.is_empty() {
        let _ = writeln!(out, "\nNo quotation.");
    }
    for (speaker, quotes) in speakers {
        let _ = writeln!(
            out,
            "\n### {}\n",
            speaker.map_or("Speaker unknown".into(), md)
        );
        for q in quotes {
            let mut whence: Vec<String> = q.source.iter().map(|s| md(s)).collect();
            whence.push(q.date.clone().unwrap_or_else(|| "undated".into()));
            let _ = writeln!(
                out,
                "- {} · {} — {} · `{}`",
                mark_words(q.mark),
                md(&q.text),
                whence.join(", "),
                q.file.replace('`', "'")
            );
            md_note(&mut out, q.note.as_ref());
        }
    }

    let _ = writeln!(out, "\n## Timeline\n");
    if r.timeline.is_empty() {
        let _ = writeln!(out, "No event.");
    }
    for e in &r.timeline {
        let mut line = format!(
            "- {} · {} · {} · {}",
            e.date.as_deref().unwrap_or("undated"),
            e.kind,
            mark_words(e.mark),
            md(&e.label)
        );
        if !e.actors.is_empty() {
            let names: Vec<String> = e.actors.iter().map(|a| md(a)).collect();
            let _ = write!(line, " ({})", names.join(", "));
        }
        if e.sources.len() > 1 {
            let _ = write!(line, " · {} sources", e.sources.len());
        }
        let _ = writeln!(out, "{line}");
        md_note(&mut out, e.note.as_ref());
    }

    let _ = writeln!(out, "\n## Actors with a mark or a note\n");
    let decided: Vec<&ActorRow> = r
        .actors
        .iter()
        .filter(|a| a.mark.is_some() || a.note.is_some())
        .collect();
    if decided.is_empty() {
        let _ = writeln!(out, "None.");
    }
    for a in decided {
        let _ = writeln!(
            out,
            "- {} · {} ({})",
            mark_words(a.mark),
            md(&a.name),
            a.kind
        );
        md_note(&mut out, a.note.as_ref());
    }

    let _ = writeln!(out, "\n## Corrections\n");
    if r.corrections.is_empty() {
        let _ = writeln!(out, "None.");
    }
    for (i, c) in r.corrections.iter().enumerate() {
        let not = if c.applied {
            ""
        } else {
            " (not applied: nothing in this corpus matches)"
        };
        let _ = writeln!(out, "{}. {}{not}", i + 1, md(&c.description));
    }

    if !r.orphans.is_empty() {
        let _ = writeln!(out, "\n## Orphaned decisions\n");
        let _ = writeln!(
            out,
            "These items are no longer in the corpus (their text changed or their file is gone). \
             The review file keeps them.\n"
        );
        for o in &r.orphans {
            let kind = o.kind.map_or("item", ItemKind::label);
            let article = o
                .article
                .as_ref()
                .map_or(String::new(), |a| format!(" in `{}`", a.replace('`', "'")));
            let _ = writeln!(
                out,
                "- {} · {kind} {}{article}",
                mark_words(o.mark),
                md(&quoted(&o.text))
            );
            md_note(&mut out, o.note.as_ref());
        }
    }
    out
}

/// One CSV field: quoted when it holds a comma, a quote or a line break (quotes doubled);
/// a leading `=`, `+`, `-` or `@` gets a `'` so that spreadsheets do not run it as a formula.
fn csv_field(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// The CSV report: a header, then one row per quotation (lines end with CRLF, as RFC 4180).
pub fn csv(r: &Report) -> String {
    let mut out =
        String::from("id,speaker,quotation,mark,note,article,title,source,date,file,start,end\r\n");
    for q in &r.quotations {
        let row = [
            q.id.clone(),
            q.speaker.clone().unwrap_or_default(),
            q.text.clone(),
            q.mark.map_or("", Mark::label).to_string(),
            q.note.clone().unwrap_or_default(),
            q.article.clone(),
            q.title.clone().unwrap_or_default(),
            q.source.clone().unwrap_or_default(),
            q.date.clone().unwrap_or_default(),
            q.file.clone(),
            q.start.to_string(),
            q.end.to_string(),
        ];
        let fields: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"no\""), "\"say \"\"no\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_field("-1, or so"), "\"'-1, or so\"");
        assert_eq!(csv_field("“quoted”"), "“quoted”");
    }

    #[test]
    fn markdown_text_is_escaped_on_one_line() {
        assert_eq!(md("a *b*\n|c|"), "a \\*b\\* \\|c\\|");
        assert_eq!(md("# not a heading"), "\\# not a heading");
    }

    #[test]
    fn filters_keep_what_they_name() {
        let all = Filter::all();
        assert!(all.keeps(None) && all.keeps(Some(Mark::Disputed)));
        let f = Filter {
            marks: vec![Mark::Confirmed, Mark::Disputed],
            unreviewed: false,
        };
        assert!(f.keeps(Some(Mark::Confirmed)) && !f.keeps(Some(Mark::NeedsCheck)));
        assert!(!f.keeps(None));
        assert_eq!(f.describe(), "only confirmed, disputed");
        let u = Filter {
            marks: vec![],
            unreviewed: true,
        };
        assert!(u.keeps(None) && !u.keeps(Some(Mark::Confirmed)));
    }
}
