//! The layout of an article: paragraphs, sentences and boilerplate marks, as spans.

pub mod packed;

use serde::{Deserialize, Serialize};

use crate::span::Span;
pub use packed::PackedLayout;

/// Why a paragraph is boilerplate rather than article content.
///
/// Boilerplate stays in the text (the source pane shows it dimmed) but is excluded from
/// extraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Boilerplate {
    /// Page furniture: "Read More:", "Recommended Stories", "list of 3 items", section crumbs.
    Navigation,
    /// A relative page timestamp such as "3 hours ago".
    Timestamp,
    /// Comment widgets: "No comments:", "Post a Comment".
    Comments,
    /// Copyright and rights lines.
    Copyright,
    /// Byline, dateline or page-header date: read into metadata.
    Metadata,
    /// The author's contact line or biography at the end of the article.
    AuthorBio,
    /// A second copy of the headline.
    RepeatedTitle,
    /// Credits such as "(Reporting by ...; Editing by ...)".
    Credits,
}

/// A paragraph: a span of text and the range of its sentences in [`Layout::sentences`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// The paragraph text, trimmed of surrounding whitespace.
    pub span: Span,
    /// Set when the paragraph is boilerplate.
    pub boilerplate: Option<Boilerplate>,
    /// Index of the first sentence of this paragraph in [`Layout::sentences`].
    pub first_sentence: u32,
    /// Number of sentences in this paragraph.
    pub sentence_count: u32,
}

impl Paragraph {
    /// True when the paragraph is article content (not boilerplate).
    pub fn is_content(&self) -> bool {
        self.boilerplate.is_none()
    }

    /// Indices of this paragraph's sentences.
    pub fn sentence_range(&self) -> std::ops::Range<usize> {
        let first = self.first_sentence as usize;
        first..first + self.sentence_count as usize
    }
}

/// Paragraphs and sentences of one article, in text order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layout {
    /// Paragraphs in text order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in text order; each lies inside one paragraph.
    pub sentences: Vec<Span>,
}

impl Layout {
    /// Index of the paragraph containing byte `offset`, if any.
    pub fn paragraph_at(&self, offset: usize) -> Option<usize> {
        find_containing(&self.paragraphs, offset, |p| p.span)
    }

    /// Index of the sentence containing byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        find_containing(&self.sentences, offset, |s| *s)
    }

    /// True when byte `offset` lies in article content (a paragraph that is not boilerplate).
    pub fn is_content_at(&self, offset: usize) -> bool {
        self.paragraph_at(offset)
            .is_some_and(|p| self.paragraphs[p].is_content())
    }

    /// The content paragraphs (boilerplate left out), with their indices.
    pub fn content_paragraphs(&self) -> impl Iterator<Item = (usize, &Paragraph)> {
        self.paragraphs
            .iter()
            .enumerate()
            .filter(|(_, p)| p.is_content())
    }
}

/// Binary search over items sorted by span start for the one whose span contains `offset`.
pub(crate) fn find_containing<T>(
    items: &[T],
    offset: usize,
    span: impl Fn(&T) -> Span,
) -> Option<usize> {
    let i = items.partition_point(|item| span(item).start() <= offset);
    let candidate = i.checked_sub(1)?;
    span(&items[candidate])
        .contains(offset)
        .then_some(candidate)
}
