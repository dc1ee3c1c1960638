//! Events for the timeline: the publication, dated happenings and statements.
//!
//! - The **publication** of a dated article. Its span is the date written in a byline or
//!   dateline when the text has one; when the date came from outside the text (a JSON field,
//!   an HTML meta tag, a date set in review) there is nothing to point at, and the span is
//!   empty at offset 0.
//! - One **event** per content sentence with a resolved date: dated by the finest of its
//!   expressions (the first on ties), labelled with the clause around it ([`label`]).
//! - One **statement** per full quotation: dated by a time expression of its sentences
//!   outside the quotation ("…," Rubio said late Friday), else by the publication date marked
//!   approximate, else undated. A sentence whose date a statement took makes no separate
//!   event.

pub mod label;

use chrono::NaiveDate;
use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use crate::extract::Doc;
use crate::extract::actors::Mention;
use crate::extract::quotes::{Quote, QuoteKind};
use crate::extract::time::{self, Granularity, Interval, Timex, TimexType};
use crate::layout::Boilerplate;
use crate::span::Span;

/// What an event is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    /// The article's publication.
    Publication,
    /// Something that happened, from a sentence with a date.
    Event,
    /// A quotation, as a statement by its speaker.
    Statement,
}

/// One event in one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// The source span: the date evidence (publication), the sentence (event) or the
    /// quotation (statement).
    pub span: Span,
    /// What kind of event it is.
    pub kind: EventKind,
    /// When it happened, if known.
    pub date: Option<Interval>,
    /// The ISO 8601 value of the date ("2025-12-19", "2025-11", "2025-W51"); a range is
    /// written as an interval ("2025-12-20/2025-12-21").
    pub value: Option<CompactString>,
    /// The precision of `date`.
    pub granularity: Option<Granularity>,
    /// True when the date is the publication date standing in for an unstated one.
    pub approximate: bool,
    /// A short label: the clause around the time expression, or the start of the quotation.
    pub label: Span,
    /// Indices of the actors involved, in [`crate::extract::Extraction::actors`]: the speaker
    /// first for a statement, then the actors mentioned in the span in text order.
    pub actors: Vec<u32>,
}

impl Event {
    /// The label's text in `text` (the article's), or the event's own span when the label is
    /// empty (a publication date given by hand).
    pub fn label_text<'t>(&self, text: &'t str) -> &'t str {
        let label = self.label.text(text);
        if label.is_empty() {
            self.span.text(text)
        } else {
            label
        }
    }

    /// Whether the label leaves out words before it and after it in its source span (the
    /// start of its sentence, the rest of a long clause or of a quotation): where a reader is
    /// shown "…". Punctuation left out (an opening bracket, the full stop) is not a cut.
    pub fn label_cuts(&self, text: &str) -> (bool, bool) {
        if self.label.is_empty() {
            return (false, false);
        }
        let holds_words = |from: usize, to: usize| {
            text.get(from..to)
                .is_some_and(|s| s.chars().any(char::is_alphanumeric))
        };
        (
            holds_words(self.span.start(), self.label.start()),
            holds_words(self.label.end(), self.span.end()),
        )
    }
}

/// A date as the timeline holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Dating {
    interval: Interval,
    value: CompactString,
    granularity: Granularity,
}

impl Dating {
    /// The date of a time expression with a place on the timeline.
    fn of(t: &Timex) -> Option<Dating> {
        if !matches!(t.kind, TimexType::Date | TimexType::Time) {
            return None;
        }
        let interval = t.interval?;
        let granularity = t.granularity?;
        Some(Dating {
            interval,
            value: t.value.clone(),
            granularity,
        })
    }

    /// A day.
    fn day(d: NaiveDate) -> Dating {
        Dating {
            interval: Interval { start: d, end: d },
            value: d.to_string().into(),
            granularity: Granularity::Day,
        }
    }
}

/// Builds the events of one article, in text order of their spans (a publication with an
/// empty span comes first).
pub fn extract(doc: &Doc, timexes: &[Timex], mentions: &[Mention], quotes: &[Quote]) -> Vec<Event> {
    let mut events = Vec::new();
    if let Some(date) = doc.published {
        let span = publication_span(doc, date);
        events.push(Event {
            span,
            kind: EventKind::Publication,
            date: Some(Interval {
                start: date,
                end: date,
            }),
            value: Some(date.to_string().into()),
            granularity: Some(Granularity::Day),
            approximate: false,
            label: span,
            actors: Vec::new(),
        });
    }
    let mut used = vec![false; timexes.len()];
    let mut statements = Vec::new();
    for q in quotes.iter().filter(|q| q.kind == QuoteKind::Full) {
        statements.push(statement(doc, q, timexes, mentions, &mut used));
    }
    let mut dated = Vec::new();

    for (_, para) in doc.layout.content_paragraphs() {
        for &sentence in &doc.layout.sentences[para.sentence_range()] {
            if let Some(e) = sentence_event(doc, sentence, timexes, mentions, &used) {
                dated.push(e);
            }
        }
    }
    events.extend(dated);
    events.extend(statements);
    events.sort_by_key(|e| (e.span.start, e.kind));
    events
}

/// Where the text states the publication date: a full date equal to it in a byline or
/// dateline; else an empty span at 0.
fn publication_span(doc: &Doc, date: NaiveDate) -> Span {
    doc.layout
        .paragraphs
        .iter()
        .filter(|p| p.boilerplate == Some(Boilerplate::Metadata))
        .flat_map(|p| time::written_days(doc.text, p.span))
        .find(|&(_, d)| d == date)
        .map_or(Span::default(), |(span, _)| span)
}

/// The timexes lying inside `span`, as indices.
fn timexes_in(timexes: &[Timex], span: Span) -> std::ops::Range<usize> {
    let from = timexes.partition_point(|t| t.span.start < span.start);
    let to = timexes.partition_point(|t| t.span.start < span.end);
    from..to
}

/// The local actors mentioned inside `span`, in text order, without repeats.
fn actors_in(mentions: &[Mention], span: Span, out: &mut Vec<u32>) {
    let from = mentions.partition_point(|m| m.span.start < span.start);
    for m in mentions[from..]
        .iter()
        .take_while(|m| m.span.start < span.end)
    {
        if span.covers(m.span) && !out.contains(&m.actor) {
            out.push(m.actor);
        }
    }
}

/// The event of a sentence with a resolved date: the finest of its expressions not taken by a
/// statement, the first on ties. The two ends of a range make one date.
fn sentence_event(
    doc: &Doc,
    sentence: Span,
    timexes: &[Timex],
    mentions: &[Mention],
    used: &[bool],
) -> Option<Event> {
    let range = timexes_in(timexes, sentence);
    if range.clone().any(|k| used[k]) {
        return None;
    }
    let (k, dating) = range
        .filter_map(|k| Some((k, Dating::of(&timexes[k])?)))
        .min_by_key(|(k, d)| (d.granularity, *k))?;
    let dating = with_range_end(timexes, k, dating);
    let mut actors = Vec::new();
    actors_in(mentions, sentence, &mut actors);
    Some(Event {
        span: sentence,
        kind: EventKind::Event,
        date: Some(dating.interval),
        value: Some(dating.value),
        granularity: Some(dating.granularity),
        approximate: false,
        label: label::clause(doc.text, sentence, timexes[k].span),
        actors,
    })
}

/// The date of timex `k`, written as an interval when it opens a range ("December 20-21") or
/// runs past its own period ("since April 2025").
fn with_range_end(timexes: &[Timex], k: usize, mut dating: Dating) -> Dating {
    let next = timexes.get(k + 1).filter(|n| n.closes_range);
    if let Some(n) = next {
        dating.value = format!("{}/{}", dating.value, n.value).into();
    } else if let Some(own) = stretched_end(&dating) {
        dating.value = format!("{}/{}", dating.value, own).into();
    }
    dating
}

/// For a date whose interval was stretched past its own period ("since April 2025" runs to
/// the publication date), the interval's last day; `None` otherwise.
fn stretched_end(dating: &Dating) -> Option<NaiveDate> {
    let own = period_end(&dating.value)?;
    (own < dating.interval.end).then_some(dating.interval.end)
}

/// The last day of the period a plain TIMEX3 value names ("2025-04" → 2025-04-30).
fn period_end(value: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = value.split('-').collect();
    let year: i32 = parts.first()?.parse().ok()?;
    match parts.as_slice() {
        [_] if value.len() == 4 => NaiveDate::from_ymd_opt(year, 12, 31),
        [_, m] => {
            let m: u32 = m.parse().ok()?;
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(year, m + 1, 1)
            };
            next?.pred_opt()
        }
        [_, m, d] => NaiveDate::from_ymd_opt(year, m.parse().ok()?, d.get(..2)?.parse().ok()?),
        _ => None,
    }
}

/// The statement of a full quotation, marking the time expression it takes as used.
fn statement(
    doc: &Doc,
    q: &Quote,
    timexes: &[Timex],
    mentions: &[Mention],
    used: &mut [bool],
) -> Event {
    // The sentences of the quotation and of its attribution ("…," Rubio said late Friday).
    let mut around = q.span;
    for edge in [Some(q.span), q.speaker, q.cue].into_iter().flatten() {
        for at in [edge.start(), edge.end().saturating_sub(1)] {
            if let Some(s) = doc.layout.sentence_at(at) {
                let s = doc.layout.sentences[s];
                around = Span::new(around.start().min(s.start()), around.end().max(s.end()));
            }
        }
    }
    let found = timexes_in(timexes, around)
        .filter(|&k| !q.span.overlaps(timexes[k].span))
        .filter_map(|k| Some((k, Dating::of(&timexes[k])?)))
        .min_by_key(|(k, d)| (d.granularity, *k));
    let (dating, approximate) = match found {
        Some((k, d)) => {
            used[k] = true;
            (Some(with_range_end(timexes, k, d)), false)
        }
        None => (doc.published.map(Dating::day), true),
    };
    let mut actors: Vec<u32> = q.actor.into_iter().collect();
    actors_in(mentions, q.span, &mut actors);
    Event {
        span: q.span,
        kind: EventKind::Statement,
        approximate: approximate && dating.is_some(),
        date: dating.as_ref().map(|d| d.interval),
        granularity: dating.as_ref().map(|d| d.granularity),
        value: dating.map(|d| d.value),
        label: quote_label(doc.text, q.span),
        actors,
    }
}

/// The start of a quotation, at most [`label::MAX_LABEL`] bytes, ending at a word boundary.
fn quote_label(text: &str, span: Span) -> Span {
    let s = span.text(text);
    if s.len() <= label::MAX_LABEL {
        return span;
    }
    let mut end = label::MAX_LABEL;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let cut = s[..end].rfind(char::is_whitespace).unwrap_or(end);
    let cut = label::without_dangling_words(s, (0, cut), 0);
    Span::new(span.start(), span.start() + s[..cut].trim_end().len())
}

#[cfg(test)]
mod tests;
