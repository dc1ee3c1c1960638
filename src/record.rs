//! The JSON Lines schema of `dossier extract`: one object per article, every span a UTF-8 byte
//! offset into the article text (end exclusive).

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::extract::actors::{EntityType, MentionForm};
use crate::extract::events::EventKind;
use crate::extract::quotes::{Method, Quote, QuoteKind};
use crate::extract::time::{Granularity, Interval, Mod, TimexType};
use crate::index::{Index, ItemRef};
use crate::span::Span;

/// One output line of `dossier extract`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// The input record's id, or the file path (with `:N` for a record of a multi-article file).
    pub id: String,
    /// Headline, if known.
    pub title: Option<String>,
    /// Publication date used (YYYY-MM-DD), or null for an undated article.
    pub date: Option<String>,
    /// Outlet, if known.
    pub source: Option<String>,
    /// Direct quotations attributed to a speaker (titles, scare quotes and quotations whose
    /// speaker was not found stay in the index but are not listed).
    pub quotes: Vec<QuoteRecord>,
    /// Time expressions.
    pub timexes: Vec<TimexRecord>,
    /// Named entity mentions (descriptions of unnamed sources are left out: they have no
    /// CoNLL type).
    pub entities: Vec<EntityRecord>,
    /// Events.
    pub events: Vec<EventRecord>,
}

/// A quotation in the extract output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteRecord {
    /// Start of the quotation, including its opening mark.
    pub start: u32,
    /// End of the quotation, including its closing mark.
    pub end: u32,
    /// The quotation text.
    pub text: String,
    /// The speaker mention as written, if found.
    pub speaker: Option<String>,
    /// Start of the speaker mention.
    pub speaker_start: Option<u32>,
    /// End of the speaker mention.
    pub speaker_end: Option<u32>,
    /// The speaker's canonical actor name.
    pub actor: Option<String>,
    /// The speech cue as written.
    pub cue: Option<String>,
    /// For a pronoun speaker, the mention it refers to, as written ("Umerov" for "he").
    pub antecedent: Option<String>,
    /// `full` (a sentence or more of speech) or `partial` (a phrase inside reported speech).
    pub kind: QuoteKind,
    /// How the speaker was found: `cue`, `according`, `colon`, `reported`, `headline`,
    /// `continuation` or `none`.
    pub method: Method,
    /// True when the speaker was inferred from context rather than stated next to the quote.
    pub inferred: bool,
    /// Key of the normalised wording (16 hex digits): equal for the same words in any article.
    /// A quotation over several paragraphs gives one line per paragraph, all with one group.
    pub group: String,
}

/// A time expression in the extract output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimexRecord {
    /// Start offset.
    pub start: u32,
    /// End offset.
    pub end: u32,
    /// The expression as written.
    pub text: String,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value ("2025-12-19", "P3Y", "XXXX-WXX-5" when it cannot be resolved).
    pub value: String,
    /// TIMEX3 modifier (START, END, APPROX, …), if any.
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none", default)]
    pub modifier: Option<Mod>,
    /// First day the expression covers on the timeline (YYYY-MM-DD), when resolved.
    pub date_start: Option<String>,
    /// Last day it covers (inclusive).
    pub date_end: Option<String>,
    /// The precision of that interval.
    pub granularity: Option<Granularity>,
}

/// An entity mention in the extract output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityRecord {
    /// Start offset.
    pub start: u32,
    /// End offset.
    pub end: u32,
    /// The mention as written.
    pub text: String,
    /// PER, ORG, LOC or MISC.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The canonical actor name after alias merging.
    pub actor: String,
}

/// An event in the extract output. `start`/`end` are the source span; the dates are
/// `date_start`/`date_end`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    /// Start of the source span (the sentence, the quotation, or the date line).
    pub start: u32,
    /// End of the source span.
    pub end: u32,
    /// publication, event or statement.
    pub kind: EventKind,
    /// The date as an ISO 8601 value ("2025-12-19", "2025-11", "2025-W51",
    /// "2025-12-20/2025-12-21"), or null when undated.
    pub date: Option<String>,
    /// First day of the date's interval (YYYY-MM-DD).
    pub date_start: Option<String>,
    /// Last day of the date's interval (inclusive).
    pub date_end: Option<String>,
    /// The precision of the date.
    pub granularity: Option<Granularity>,
    /// True when the publication date stands in for a date the text does not give.
    pub approximate: bool,
    /// A short label (for a publication, the headline when known).
    pub label: String,
    /// Canonical names of the actors involved.
    pub actors: Vec<String>,
    /// The events reporting the same happening, this one included.
    pub sources: Vec<SourceRecord>,
}

/// One source of an event: an article and a span in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRecord {
    /// The article's id (as in [`Record::id`]).
    pub id: String,
    /// Start of the source span in that article.
    pub start: u32,
    /// End of the source span.
    pub end: u32,
}

impl QuoteRecord {
    /// The output lines of one quotation: one per paragraph it runs over.
    fn parts(q: &Quote, text: &str, actor: Option<String>) -> Vec<QuoteRecord> {
        let words = |s: Option<crate::span::Span>| s.map(|s| s.text(text).to_string());
        q.parts
            .iter()
            .map(|part| QuoteRecord {
                start: part.start,
                end: part.end,
                text: part.text(text).to_string(),
                speaker: words(q.speaker),
                speaker_start: q.speaker.map(|s| s.start),
                speaker_end: q.speaker.map(|s| s.end),
                actor: actor.clone(),
                cue: words(q.cue),
                antecedent: words(q.antecedent),
                kind: q.kind,
                method: q.method,
                inferred: q.inferred,
                group: format!("{:016x}", q.group),
            })
            .collect()
    }
}

/// The span of every event of every article of an index, decoded once: the sources of the
/// records of a whole index ([`Record::in_index`]).
pub struct EventSpans(Vec<Box<[Span]>>);

impl EventSpans {
    /// Decodes the event spans of every article of `index`, on all cores.
    pub fn of(index: &Index) -> EventSpans {
        EventSpans(
            index
                .articles
                .par_iter()
                .map(|a| a.events().map(|e| e.span).collect())
                .collect(),
        )
    }

    /// The span of event `r.item` of article `r.article`.
    fn get(&self, r: ItemRef) -> Option<Span> {
        self.0
            .get(r.article as usize)?
            .get(r.item as usize)
            .copied()
    }
}

impl Record {
    /// The record for article `a` of an index: each event lists every source the timeline
    /// merged it with (`spans` are the index's, [`EventSpans::of`]).
    pub fn in_index(index: &Index, spans: &EventSpans, a: usize) -> Record {
        debug_assert_eq!(
            spans.0.len(),
            index.articles.len(),
            "spans of another index"
        );
        let article = &index.articles[a];
        let mut record = Record::of(article);
        for (e, event) in record.events.iter_mut().enumerate() {
            if let Some(entry) = index.entry_of(a, e) {
                event.sources = entry
                    .sources
                    .iter()
                    .filter_map(|&s| {
                        let other = index.articles.get(s.article as usize)?;
                        Some(source(other, spans.get(s)?))
                    })
                    .collect();
            }
        }
        record
    }

    /// The record for one extracted article on its own (each event is its only source).
    pub fn of(article: &Article) -> Record {
        let text = article.text.as_str();
        let x = article.extraction();
        let actor_name = |i: u32| x.actors.get(i as usize).map(|a| a.name.to_string());
        Record {
            id: article.key(),
            title: article.title().map(str::to_string),
            date: article.date().map(|d| d.to_string()),
            source: article.meta.source.as_ref().map(|s| s.value.clone()),
            quotes: x
                .quotes
                .iter()
                .filter(|q| q.kind != QuoteKind::Title && q.speaker.is_some())
                .flat_map(|q| QuoteRecord::parts(q, text, q.actor.and_then(actor_name)))
                .collect(),
            timexes: x
                .timexes
                .iter()
                .map(|t| TimexRecord {
                    start: t.span.start,
                    end: t.span.end,
                    text: t.span.text(text).to_string(),
                    kind: t.kind,
                    value: t.value.to_string(),
                    modifier: t.modifier,
                    date_start: t.interval.map(|i| i.start.to_string()),
                    date_end: t.interval.map(|i| i.end.to_string()),
                    granularity: t.granularity,
                })
                .collect(),
            entities: x
                .mentions
                .iter()
                .filter(|m| m.form != MentionForm::Description)
                .map(|m| EntityRecord {
                    start: m.span.start,
                    end: m.span.end,
                    text: m.span.text(text).to_string(),
                    kind: m.entity,
                    actor: actor_name(m.actor).unwrap_or_default(),
                })
                .collect(),
            events: x
                .events
                .iter()
                .map(|e| EventRecord {
                    start: e.span.start,
                    end: e.span.end,
                    kind: e.kind,
                    date: e.value.as_ref().map(ToString::to_string),
                    date_start: e.date.map(|d: Interval| d.start.to_string()),
                    date_end: e.date.map(|d: Interval| d.end.to_string()),
                    granularity: e.granularity,
                    approximate: e.approximate,
                    label: match (e.kind, article.title()) {
                        (EventKind::Publication, Some(title)) => title.to_string(),
                        _ => e.label.text(text).to_string(),
                    },
                    actors: e.actors.iter().filter_map(|&i| actor_name(i)).collect(),
                    sources: vec![source(article, e.span)],
                })
                .collect(),
        }
    }
}

/// The source record of event `e` of `article`.
fn source(article: &Article, span: Span) -> SourceRecord {
    SourceRecord {
        id: article.key(),
        start: span.start,
        end: span.end,
    }
}

/// A `dossier extract --embed` line: the record plus the whole analysed article (text,
/// metadata, layout and full extraction), so `dossier open` can rebuild the index without
/// extracting again.
#[derive(Debug, Serialize)]
pub struct Embedded<'a> {
    /// The usual record fields.
    #[serde(flatten)]
    pub record: Record,
    /// The article, losslessly.
    pub article: &'a Article,
}

/// What `dossier open` reads from a line: the embedded article when present.
#[derive(Debug, Deserialize)]
pub struct Opened {
    /// The embedded article, when the line was written with `--embed`.
    pub article: Option<Article>,
}
