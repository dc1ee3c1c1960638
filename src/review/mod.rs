//! Review: what a reader decided about the extracted items (marks and notes) and the
//! corrections they made (a quotation's speaker, an article's date, actors merged, renamed or
//! split), as plain data with its file format.
//!
//! Decisions are keyed by stable content-based ids ([`ItemKey`]): the article's text hash,
//! the item's text and a little context before it, so they survive adding, removing and
//! reordering files. [`keys`] computes the ids of a loaded corpus and finds the items a
//! decision refers to; [`apply`] replays corrections onto the index; [`history`] keeps
//! undo and redo; [`store`] reads and writes the review file; [`export`] writes reports.

pub mod apply;
pub mod export;
pub mod history;
pub mod keys;
pub mod store;

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::extract::actors::ActorKind;

pub use history::{Edit, Session, Undone};
pub use keys::{Keys, Target};

/// A review opened on a loaded corpus: its file read and its corrections applied.
#[derive(Debug, Clone)]
pub struct Opening {
    /// The file as read.
    pub opened: store::Opened,
    /// The articles as loaded, for those the corrections changed.
    pub baseline: apply::Baseline,
    /// Positions of the corrections that found nothing to apply to.
    pub unapplied: Vec<usize>,
    /// Where to save when the review file cannot be written (the per-user data folder).
    pub fallback: std::path::PathBuf,
    /// The folder reports are exported to by default.
    pub export_dir: std::path::PathBuf,
}

/// Reads the review at `location` and applies its corrections to `index` (its views are
/// rebuilt only when there are corrections).
pub fn open_on(
    index: &mut crate::index::Index,
    location: &store::Location,
    fallback: std::path::PathBuf,
) -> Opening {
    let opened = store::open(location);
    let mut baseline = apply::Baseline::default();
    let unapplied = if opened.review.corrections.is_empty() {
        Vec::new()
    } else {
        apply::apply(index, &mut baseline, &opened.review.corrections)
    };
    Opening {
        opened,
        baseline,
        unapplied,
        fallback,
        export_dir: std::env::current_dir().unwrap_or_default(),
    }
}

/// A reader's verdict on an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mark {
    /// Checked and right.
    Confirmed,
    /// Checked and wrong (or contested).
    Disputed,
    /// To be checked.
    NeedsCheck,
}

impl Mark {
    /// Every mark, in menu order.
    pub const ALL: [Mark; 3] = [Mark::Confirmed, Mark::Disputed, Mark::NeedsCheck];

    /// The glyph shown on rows, so a mark never depends on colour alone.
    pub fn glyph(self) -> char {
        match self {
            Mark::Confirmed => '✓',
            Mark::Disputed => '✗',
            Mark::NeedsCheck => '!',
        }
    }

    /// The mark in words.
    pub fn label(self) -> &'static str {
        match self {
            Mark::Confirmed => "confirmed",
            Mark::Disputed => "disputed",
            Mark::NeedsCheck => "needs check",
        }
    }

    /// The mark for a word as typed on the command line (`confirmed`, `disputed`,
    /// `needs-check`; a few short forms too).
    pub fn parse(s: &str) -> Option<Mark> {
        match s
            .trim()
            .to_ascii_lowercase()
            .replace(['_', ' '], "-")
            .as_str()
        {
            "confirmed" | "confirm" | "ok" => Some(Mark::Confirmed),
            "disputed" | "dispute" | "wrong" => Some(Mark::Disputed),
            "needs-check" | "check" | "needs-checking" | "flagged" => Some(Mark::NeedsCheck),
            _ => None,
        }
    }
}

/// What kind of item a decision is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    /// A quotation.
    Quotation,
    /// A timeline event (a dated happening or a publication).
    Event,
    /// An actor.
    Actor,
}

impl ItemKind {
    /// The kind in words.
    pub fn label(self) -> &'static str {
        match self {
            ItemKind::Quotation => "quotation",
            ItemKind::Event => "event",
            ItemKind::Actor => "actor",
        }
    }
}

/// The stable id of a reviewable item. In the review file it is a string:
/// `q:<article hash>:<item hash>` for a quotation, `e:<article hash>:<item hash>` for an
/// event, `a:<kind>:<name>` for an actor (`a:unnamed:<article hash>:<name>` for an unnamed
/// source, which belongs to one article). Hashes are 16 hex digits; the article hash is the
/// xxh3 of its text, the item hash covers the item's text, the 32 bytes before it and its
/// rank among equal items of the article.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemKey {
    /// A quotation.
    Quote {
        /// The article's content hash.
        article: u64,
        /// The quotation's hash.
        item: u64,
    },
    /// An event.
    Event {
        /// The article's content hash.
        article: u64,
        /// The event's hash.
        item: u64,
    },
    /// An actor, by kind and canonical name.
    Actor {
        /// Its kind.
        kind: ActorKind,
        /// Its canonical name.
        name: String,
        /// For an unnamed source: the content hash of its article.
        article: Option<u64>,
    },
    /// A key this version does not understand (kept as written, never matched).
    Other(String),
}

impl ItemKey {
    /// The kind of item, when the key is understood.
    pub fn kind(&self) -> Option<ItemKind> {
        match self {
            ItemKey::Quote { .. } => Some(ItemKind::Quotation),
            ItemKey::Event { .. } => Some(ItemKind::Event),
            ItemKey::Actor { .. } => Some(ItemKind::Actor),
            ItemKey::Other(_) => None,
        }
    }

    /// The key of an actor of `kind` named `name`; `article` is the content hash of the
    /// article of an unnamed source.
    pub fn actor(kind: ActorKind, name: &str, article: Option<u64>) -> ItemKey {
        ItemKey::Actor {
            kind,
            name: name.to_string(),
            article: article.filter(|_| kind == ActorKind::Unnamed),
        }
    }

    /// Parses a key as written in the review file; anything not understood is kept as
    /// [`ItemKey::Other`].
    pub fn parse(s: &str) -> ItemKey {
        let hex = |h: &str| (h.len() == 16).then(|| u64::from_str_radix(h, 16).ok())?;
        let pair = |rest: &str| {
            let (a, i) = rest.split_once(':')?;
            Some((hex(a)?, hex(i)?))
        };
        let parsed = match s.split_once(':') {
            Some(("q", rest)) => pair(rest).map(|(article, item)| ItemKey::Quote { article, item }),
            Some(("e", rest)) => pair(rest).map(|(article, item)| ItemKey::Event { article, item }),
            Some(("a", rest)) => rest.split_once(':').and_then(|(kind, name)| {
                let kind = ActorKind::parse(kind)?;
                if kind == ActorKind::Unnamed {
                    let (article, name) = name.split_once(':')?;
                    Some(ItemKey::actor(kind, name, Some(hex(article)?)))
                } else {
                    Some(ItemKey::actor(kind, name, None))
                }
            }),
            _ => None,
        };
        parsed
            .filter(|k| k.to_string() == s)
            .unwrap_or_else(|| ItemKey::Other(s.to_string()))
    }
}

impl fmt::Display for ItemKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ItemKey::Quote { article, item } => write!(f, "q:{article:016x}:{item:016x}"),
            ItemKey::Event { article, item } => write!(f, "e:{article:016x}:{item:016x}"),
            ItemKey::Actor {
                kind,
                name,
                article: Some(article),
            } => write!(f, "a:{}:{article:016x}:{name}", kind.label()),
            ItemKey::Actor { kind, name, .. } => write!(f, "a:{}:{name}", kind.label()),
            ItemKey::Other(s) => f.write_str(s),
        }
    }
}

impl Serialize for ItemKey {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ItemKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(ItemKey::parse(&s))
    }
}

/// A 64-bit hash written as 16 hex digits in the review file.
mod hex {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(v: &u64, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&format_args!("{v:016x}"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
        let s = String::deserialize(d)?;
        u64::from_str_radix(&s, 16).map_err(|_| D::Error::custom(format!("not a hash: {s:?}")))
    }
}

/// What the item looked like when it was decided on: for reports about items that are no
/// longer in the corpus, and for people reading the file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemInfo {
    /// The item's text (a quotation, an event's label, an actor's name), at most
    /// [`EXCERPT`] characters.
    #[serde(default)]
    pub text: String,
    /// The article it is in (its id or file), for quotations and events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
}

/// Longest excerpt kept in [`ItemInfo::text`], in characters.
pub const EXCERPT: usize = 200;

/// `text` with its whitespace runs made single spaces, cut to `max` characters ("…" when cut).
pub fn excerpt(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut chars = 0;
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
            chars += 1;
        }
        out.push_str(word);
        chars += word.chars().count();
        if chars > max {
            let cut: String = out.chars().take(max.saturating_sub(1)).collect();
            return format!("{cut}…");
        }
    }
    out
}

/// `text` in quotation marks, unless it starts with one already (a quotation as written).
pub fn quoted(text: &str) -> String {
    if text.starts_with(['“', '"', '‘', '«', '„']) {
        text.to_string()
    } else {
        format!("“{text}”")
    }
}

/// A decision about one item: a mark, a note, or both.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// The verdict.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark: Option<Mark>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// What the item was.
    #[serde(default)]
    pub item: ItemInfo,
    /// When it was last changed (RFC 3339, UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
}

impl Decision {
    /// True when it holds neither a mark nor a note (and is then removed).
    pub fn is_empty(&self) -> bool {
        self.mark.is_none() && self.note.as_deref().is_none_or(|n| n.trim().is_empty())
    }
}

/// One correction, with the id that names it in the file (for undo and for merging the
/// work of two instances).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    /// A unique id (16 hex digits).
    pub id: String,
    /// What it changes.
    #[serde(flatten)]
    pub fix: Fix,
}

/// What a correction changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Fix {
    /// Sets (or, with no date, removes) the publication date of the articles with this
    /// content hash; their relative dates resolve again.
    Date {
        /// The article's content hash.
        #[serde(with = "hex")]
        article: u64,
        /// The article, for people (its title or file).
        #[serde(default)]
        title: String,
        /// The date, or none to go back to the date found in the article (if any).
        date: Option<NaiveDate>,
    },
    /// Attributes a quotation to an actor (an existing one, or a new one of this name).
    Speaker {
        /// The quotation.
        quote: ItemKey,
        /// The quotation's text, for people.
        #[serde(default)]
        text: String,
        /// The speaker's name.
        actor: String,
        /// The speaker's kind.
        actor_kind: ActorKind,
        /// The speaker before the correction, for people.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        was: Option<String>,
    },
    /// Merges the actor named `from` into the actor named `into`.
    Merge {
        /// The actor that absorbs the other.
        into: String,
        /// The actor absorbed.
        from: String,
    },
    /// Renames an actor.
    Rename {
        /// Its name before.
        from: String,
        /// Its new name.
        to: String,
    },
    /// Splits off the articles that call `actor` by `alias` into an actor of their own.
    Split {
        /// The actor merged wrongly.
        actor: String,
        /// The name (as an article calls it) that belongs to someone else.
        alias: String,
    },
}

impl Fix {
    /// The correction in words, for reports and messages.
    pub fn describe(&self) -> String {
        match self {
            Fix::Date { title, date, .. } => match date {
                Some(d) => format!("publication date of “{title}” set to {d}"),
                None => format!("publication date of “{title}” reset to the one found in it"),
            },
            Fix::Speaker {
                text, actor, was, ..
            } => {
                let was = was
                    .as_ref()
                    .map_or(String::new(), |w| format!(" (was {w})"));
                format!(
                    "speaker of {} set to {actor}{was}",
                    quoted(&excerpt(text, 60))
                )
            }
            Fix::Merge { into, from } => format!("{from} merged into {into}"),
            Fix::Rename { from, to } => format!("{from} renamed {to}"),
            Fix::Split { actor, alias } => format!("“{alias}” split off {actor}"),
        }
    }
}

/// A new correction id: unique across instances and time.
pub fn correction_id() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let seed = format!("{nanos}-{}-{n}", std::process::id());
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(seed.as_bytes()))
}

/// The current time as written in [`Decision::updated`].
pub fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Everything decided and corrected in one review.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Review {
    /// Decisions by item.
    pub decisions: BTreeMap<ItemKey, Decision>,
    /// Corrections, in the order made (they apply in this order).
    pub corrections: Vec<Correction>,
}

impl Review {
    /// The decision about an item, if any.
    pub fn decision(&self, key: &ItemKey) -> Option<&Decision> {
        self.decisions.get(key)
    }

    /// The mark of an item, if any.
    pub fn mark(&self, key: &ItemKey) -> Option<Mark> {
        self.decisions.get(key).and_then(|d| d.mark)
    }

    /// True when nothing was decided or corrected.
    pub fn is_empty(&self) -> bool {
        self.decisions.is_empty() && self.corrections.is_empty()
    }

    /// The edits that rebuild this review from nothing (used to carry it into another file).
    pub fn as_edits(&self) -> Vec<Edit> {
        let decisions = self.decisions.iter().map(|(k, d)| Edit::Decide {
            key: k.clone(),
            decision: Some(d.clone()),
        });
        decisions
            .chain(self.corrections.iter().cloned().map(Edit::Add))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_back_as_written() {
        let keys = [
            ItemKey::Quote {
                article: 0xdb49bbcf741df9dc,
                item: 7,
            },
            ItemKey::Event {
                article: 1,
                item: u64::MAX,
            },
            ItemKey::actor(ActorKind::Person, "Marco Rubio", None),
            ItemKey::actor(ActorKind::Unnamed, "a US official: senior", Some(42)),
        ];
        for k in keys {
            let s = k.to_string();
            assert_eq!(ItemKey::parse(&s), k, "{s}");
        }
        assert_eq!(
            ItemKey::actor(ActorKind::Person, "Marco Rubio", None).to_string(),
            "a:person:Marco Rubio"
        );
        for odd in [
            "",
            "q:12:34",
            "x:1",
            "a:building:Kremlin",
            "q:00000000000000zz:0",
        ] {
            assert_eq!(ItemKey::parse(odd), ItemKey::Other(odd.to_string()));
        }
        // Upper-case hex is not how keys are written: kept as is, never matched.
        let upper = "q:DB49BBCF741DF9DC:0000000000000007";
        assert_eq!(ItemKey::parse(upper), ItemKey::Other(upper.into()));
    }

    #[test]
    fn marks_parse_from_the_command_line() {
        assert_eq!(Mark::parse("needs-check"), Some(Mark::NeedsCheck));
        assert_eq!(Mark::parse("Needs check"), Some(Mark::NeedsCheck));
        assert_eq!(Mark::parse("confirmed"), Some(Mark::Confirmed));
        assert_eq!(Mark::parse("disputed"), Some(Mark::Disputed));
        assert_eq!(Mark::parse("maybe"), None);
    }

    #[test]
    fn excerpts_fold_whitespace_and_cut() {
        assert_eq!(excerpt("“We’re not\n going”", 50), "“We’re not going”");
        assert_eq!(excerpt("one two three", 7), "one tw…");
        assert_eq!(excerpt("", 7), "");
    }

    #[test]
    fn quoting_keeps_the_marks_a_quotation_has() {
        assert_eq!(quoted("“two camps”"), "“two camps”");
        assert_eq!(quoted("Marco Rubio"), "“Marco Rubio”");
    }
}
