//! Byte spans into an article's unmodified text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into an article's text (UTF-8 byte offsets).
///
/// Offsets are `u32` so that an index of 100,000 articles stays compact; a single
/// article larger than 4 GiB is rejected at ingest.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the span.
    pub start: u32,
    /// One past the last byte of the span.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end`; `end` is clamped to be at least `start`.
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start: start as u32,
            end: end.max(start) as u32,
        }
    }

    /// Start offset as `usize`.
    pub fn start(self) -> usize {
        self.start as usize
    }

    /// End offset as `usize`.
    pub fn end(self) -> usize {
        self.end as usize
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// True when the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The text this span covers (empty if out of bounds or not on char boundaries).
    pub fn text(self, text: &str) -> &str {
        text.get(self.start()..self.end()).unwrap_or("")
    }

    /// True when `offset` lies inside the span.
    pub fn contains(self, offset: usize) -> bool {
        self.start() <= offset && offset < self.end()
    }

    /// True when `other` lies entirely inside this span.
    pub fn covers(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The span shrunk so that it has no leading or trailing whitespace.
    pub fn trim(self, text: &str) -> Span {
        let s = self.text(text);
        let lead = s.len() - s.trim_start().len();
        let trimmed = s.trim();
        Span::new(self.start() + lead, self.start() + lead + trimmed.len())
    }
}
