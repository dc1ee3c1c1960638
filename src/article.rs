//! An article: its unmodified text, where it came from, what we know about it, and its layout.

pub mod packed;

use std::fmt;
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::extract::Extraction;
use crate::extract::actors::{LocalActor, Mention};
use crate::extract::events::Event;
use crate::extract::quotes::Quote;
use crate::extract::time::Timex;
use crate::layout::PackedLayout;
use crate::span::Span;
use packed::{Items, Packed, Part};

/// Where an article came from: a file, and for multi-article files the record in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// The file the article was read from (`sample/NAME` for the bundled sample corpus).
    pub path: PathBuf,
    /// For JSON arrays and JSON Lines: the 1-based record number (line number for JSON Lines).
    pub record: Option<usize>,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.record {
            Some(n) => write!(f, "{}:{}", self.path.display(), n),
            None => write!(f, "{}", self.path.display()),
        }
    }
}

/// A metadata value, with the span of the text it was read from when it came from the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field<T> {
    /// The value.
    pub value: T,
    /// Where in the article text it was found; `None` when it came from a file field.
    pub span: Option<Span>,
}

impl<T> Field<T> {
    /// A value given by the file format (JSON field, HTML meta tag), not found in the text.
    pub fn given(value: T) -> Self {
        Field { value, span: None }
    }

    /// A value read from the text at `span`.
    pub fn found(value: T, span: Span) -> Self {
        Field {
            value,
            span: Some(span),
        }
    }
}

/// How a publication date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DateSource {
    /// Set by the user in review (or a sidecar); overrides everything else.
    User,
    /// A field of the file format (JSON `date`, HTML `article:published_time`).
    Field,
    /// A byline such as "By NAME in CITY December 23, 2025".
    Byline,
    /// A dateline such as "Published On 19 Dec 2025".
    Dateline,
    /// A line holding only a date, typically a page header ("Wednesday, December 24, 2025").
    PageHeader,
}

/// One piece of evidence for the publication date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateEvidence {
    /// The date.
    pub date: NaiveDate,
    /// What kind of evidence it is.
    pub source: DateSource,
    /// Where it was found in the text, if it was.
    pub span: Option<Span>,
}

/// What is known about an article besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// The record id given by the input (JSON `id`), if any.
    pub id: Option<String>,
    /// Headline.
    pub title: Option<Field<String>>,
    /// Every piece of date evidence found, strongest first; the first one is the publication date.
    pub dates: Vec<DateEvidence>,
    /// Authors, in byline order.
    pub authors: Vec<Field<String>>,
    /// The outlet.
    pub source: Option<Field<String>>,
    /// Canonical URL.
    pub url: Option<String>,
}

impl Meta {
    /// The publication date in use: the strongest evidence, or `None` for an undated article.
    pub fn date(&self) -> Option<NaiveDate> {
        self.dates.first().map(|d| d.date)
    }

    /// Adds a piece of date evidence, keeping the list ordered strongest first (stable for ties).
    pub fn add_date(&mut self, evidence: DateEvidence) {
        if self.dates.contains(&evidence) {
            return;
        }
        let at = self
            .dates
            .iter()
            .position(|d| d.source > evidence.source)
            .unwrap_or(self.dates.len());
        self.dates.insert(at, evidence);
    }
}

/// One article of the corpus: text kept byte for byte, with everything derived from it as spans.
///
/// Serialized with its layout and extraction decoded in human-readable formats (the JSON of
/// `dossier extract --embed`) and packed in binary ones (the cache).
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// Where it came from.
    pub origin: Origin,
    /// The article text, exactly as read (after decoding to UTF-8 and, for HTML, text extraction).
    pub text: String,
    /// A 64-bit content hash of `text` (xxh3), stable across runs and machines.
    pub hash: u64,
    /// Metadata from the format and from the text (boxed: most of it is usually empty, and
    /// the article list holds one article struct per article).
    pub meta: Box<Meta>,
    /// Paragraphs, sentences and boilerplate marks, encoded (decode them with
    /// [`PackedLayout::decode`], or read them with its iterators).
    pub layout: PackedLayout,
    /// Everything extracted from the text, encoded (read it with [`Article::extraction`] or
    /// the accessor of one part, such as [`Article::quotes`]).
    pub packed: Packed,
}

/// An article as serialized, borrowed, with its extraction in either form.
#[derive(Serialize)]
struct ArticleOut<'a, X> {
    origin: &'a Origin,
    text: &'a str,
    hash: u64,
    meta: &'a Meta,
    layout: &'a PackedLayout,
    extraction: X,
}

/// An article as deserialized, with its extraction in either form.
#[derive(Deserialize)]
struct ArticleIn<X> {
    origin: Origin,
    text: String,
    hash: u64,
    meta: Box<Meta>,
    layout: PackedLayout,
    extraction: X,
}

impl Serialize for Article {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            let x = self.packed.decode(&self.text);
            self.out(x.map_err(serde::ser::Error::custom)?)
                .serialize(serializer)
        } else {
            self.out(&self.packed).serialize(serializer)
        }
    }
}

impl Article {
    /// The article as serialized, with its extraction in the form given.
    fn out<X>(&self, extraction: X) -> ArticleOut<'_, X> {
        ArticleOut {
            origin: &self.origin,
            text: &self.text,
            hash: self.hash,
            meta: &self.meta,
            layout: &self.layout,
            extraction,
        }
    }
}

impl<'de> Deserialize<'de> for Article {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(if deserializer.is_human_readable() {
            let a = ArticleIn::<Extraction>::deserialize(deserializer)?;
            let packed = Packed::encode(&a.extraction, &a.text);
            a.with(packed)
        } else {
            let mut a = ArticleIn::<Packed>::deserialize(deserializer)?;
            let packed = std::mem::take(&mut a.extraction);
            a.with(packed)
        })
    }
}

impl<X> ArticleIn<X> {
    /// The article, with its extraction packed.
    fn with(self, packed: Packed) -> Article {
        Article {
            origin: self.origin,
            text: self.text,
            hash: self.hash,
            meta: self.meta,
            layout: self.layout,
            packed,
        }
    }
}

impl Article {
    /// A short identifier for output: the record id if the input gave one, else the origin.
    pub fn key(&self) -> String {
        match &self.meta.id {
            Some(id) => id.clone(),
            None => self.origin.to_string(),
        }
    }

    /// The headline, if known.
    pub fn title(&self) -> Option<&str> {
        self.meta.title.as_ref().map(|t| t.value.as_str())
    }

    /// The publication date in use, if the article is dated.
    pub fn date(&self) -> Option<NaiveDate> {
        self.meta.date()
    }

    /// Everything extracted from the text, decoded (empty if the packed bytes are corrupt,
    /// which [`Article::validate`] rules out for articles from outside).
    pub fn extraction(&self) -> Extraction {
        self.packed.decode(&self.text).unwrap_or_default()
    }

    /// Replaces the extraction (encoding it).
    pub fn set_extraction(&mut self, x: &Extraction) {
        self.packed = Packed::encode(x, &self.text);
    }

    /// The number of items in one part of the extraction.
    pub fn count(&self, part: Part) -> usize {
        self.packed.count(part)
    }

    /// Mentions of actors, in text order, decoded as they are iterated.
    pub fn mentions(&self) -> Items<'_, Mention> {
        self.packed.items(&self.text)
    }

    /// The article's local actors, decoded as they are iterated.
    pub fn actors(&self) -> Items<'_, LocalActor> {
        self.packed.items(&self.text)
    }

    /// Direct quotations, in text order, decoded as they are iterated.
    pub fn quotes(&self) -> Items<'_, Quote> {
        self.packed.items(&self.text)
    }

    /// Time expressions, in text order, decoded as they are iterated.
    pub fn timexes(&self) -> Items<'_, Timex> {
        self.packed.items(&self.text)
    }

    /// Events, in text order, decoded as they are iterated.
    pub fn events(&self) -> Items<'_, Event> {
        self.packed.items(&self.text)
    }

    /// Checks that everything derived from the text fits it: the content hash, every span of
    /// metadata, layout and extraction inside the text on character boundaries, every index
    /// in range. Articles from outside (opened extract output, the cache) are checked first.
    pub fn validate(&self) -> Result<(), String> {
        use crate::extract::check::span;
        let text = self.text.as_str();
        if content_hash(text) != self.hash {
            return Err("content hash does not match the text".into());
        }
        let meta_spans = self.meta.title.iter().filter_map(|f| f.span);
        let meta_spans = meta_spans
            .chain(self.meta.authors.iter().filter_map(|f| f.span))
            .chain(self.meta.source.iter().filter_map(|f| f.span))
            .chain(self.meta.dates.iter().filter_map(|d| d.span));
        for s in meta_spans {
            span(text, s, "metadata")?;
        }
        self.layout.check(text)?;
        self.packed.check(text).map_err(|e| e.to_string())
    }
}

/// The content hash used for `Article::hash`.
pub fn content_hash(text: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(text.as_bytes())
}
