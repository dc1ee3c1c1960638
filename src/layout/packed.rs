//! The compact form an article's layout is kept in once its extraction is done, in memory
//! and in the cache.
//!
//! As vectors of structs a layout takes about 20 bytes per paragraph and 8 per sentence, for
//! the whole run; packed it takes about 5 and 2.5. The bytes: the paragraph count and the
//! sentence count (varints), then each sentence as its start, a delta from the previous
//! sentence's end, and its length, then each paragraph as its start, a delta from the
//! previous paragraph's end, its length, a byte holding its boilerplate kind (0 for content,
//! else the kind's code plus one) and, in bit 7, whether its first sentence is given, and its
//! sentence count. A paragraph's first sentence is the one after the previous paragraph's
//! sentences unless it is given (as a varint after the flags byte). Deltas are zigzag-coded
//! varints, lengths and counts plain LEB128 varints.
//!
//! Reading is quick and never panics (bytes that do not decode end the iteration early);
//! [`PackedLayout::check`] walks all of the bytes and checks every span against the text,
//! so bytes read from disk are rejected, never trusted.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::article::packed::{
    deserialize_bytes, of_opt_code, opt_code, put_i, put_u, read_i, read_u,
};
use crate::layout::{Layout, Paragraph};
use crate::span::Span;

/// The flags-byte bit telling that a paragraph's first sentence is given.
const FIRST_GIVEN: u8 = 0x80;

/// An article's layout, encoded (see the module documentation). Equal layouts encode to
/// equal bytes.
#[derive(Clone, PartialEq, Eq)]
pub struct PackedLayout(Box<[u8]>);

/// The empty layout: no paragraph, no sentence.
impl Default for PackedLayout {
    fn default() -> Self {
        PackedLayout::encode(&Layout::default())
    }
}

impl fmt::Debug for PackedLayout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PackedLayout({} bytes)", self.0.len())
    }
}

impl PackedLayout {
    /// Encodes a layout.
    pub fn encode(layout: &Layout) -> PackedLayout {
        let mut out =
            Vec::with_capacity(4 + 5 * layout.paragraphs.len() + 3 * layout.sentences.len());
        put_u(&mut out, layout.paragraphs.len() as u64);
        put_u(&mut out, layout.sentences.len() as u64);
        let mut end = 0;
        for s in &layout.sentences {
            put_span(&mut out, *s, &mut end);
        }
        let (mut end, mut next) = (0, 0);
        for p in &layout.paragraphs {
            put_span(&mut out, p.span, &mut end);
            let kind = opt_code(p.boilerplate);
            let given = p.first_sentence != next;
            out.push(kind | if given { FIRST_GIVEN } else { 0 });
            if given {
                put_u(&mut out, u64::from(p.first_sentence));
            }
            put_u(&mut out, u64::from(p.sentence_count));
            next = p.first_sentence.wrapping_add(p.sentence_count);
        }
        PackedLayout(out.into_boxed_slice())
    }

    /// The encoded bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.0
    }

    /// Takes bytes as they were stored; check them against the text with
    /// [`PackedLayout::check`] before reading them.
    pub fn from_bytes(bytes: Box<[u8]>) -> PackedLayout {
        PackedLayout(bytes)
    }

    /// The number of paragraphs the header gives (0 when the header itself is corrupt; trust
    /// it after [`PackedLayout::check`]).
    pub fn paragraph_count(&self) -> usize {
        self.counts().map_or(0, |(p, _)| p)
    }

    /// The number of sentences the header gives (0 when the header itself is corrupt; trust
    /// it after [`PackedLayout::check`]).
    pub fn sentence_count(&self) -> usize {
        self.counts().map_or(0, |(_, s)| s)
    }

    /// The sentences, in text order, decoded as they are iterated.
    pub fn sentences(&self) -> Sentences<'_> {
        let mut r = Reader::new(&self.0);
        let left = r.counts().map_or(0, |(_, s)| s);
        Items {
            r,
            left,
            read: Reader::span,
        }
    }

    /// The paragraphs, in text order, decoded as they are iterated.
    pub fn paragraphs(&self) -> Paragraphs<'_> {
        let (paragraphs, sentences) = self.counts().unwrap_or_default();
        let mut iter = self.sentences();
        let all_read = iter.by_ref().count() == sentences;
        let mut r = iter.r;
        r.end = 0;
        let left = if all_read { paragraphs } else { 0 };
        Items {
            r,
            left,
            read: Reader::paragraph,
        }
    }

    /// Decodes the whole layout (what the extractors read).
    pub fn decode(&self) -> Layout {
        Layout {
            paragraphs: self.paragraphs().collect(),
            sentences: self.sentences().collect(),
        }
    }

    /// Checks that the bytes decode to a layout of `text`: every span inside it on character
    /// boundaries, every paragraph's sentences present, and no byte left over.
    pub fn check(&self, text: &str) -> Result<(), String> {
        let (paragraphs, sentences) = self.counts().ok_or("truncated layout")?;
        let fits = |s: Span, what: &str| crate::extract::check::span(text, s, what);
        let mut read = 0;
        for s in self.sentences() {
            fits(s, "sentence")?;
            read += 1;
        }
        if read != sentences {
            return Err("corrupt sentences".into());
        }
        let mut iter = self.paragraphs();
        let mut read = 0;
        for p in iter.by_ref() {
            fits(p.span, "paragraph")?;
            if p.sentence_range().end > sentences {
                return Err("paragraph refers to missing sentences".into());
            }
            read += 1;
        }
        if read != paragraphs || iter.r.pos != self.0.len() {
            return Err("corrupt paragraphs".into());
        }
        Ok(())
    }

    fn counts(&self) -> Option<(usize, usize)> {
        Reader::new(&self.0).counts()
    }
}

/// Serialized as a [`Layout`] in human-readable formats (the JSON of `dossier extract
/// --embed`) and as its bytes in binary ones (the cache).
impl Serialize for PackedLayout {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            self.decode().serialize(serializer)
        } else {
            serializer.serialize_bytes(&self.0)
        }
    }
}

impl<'de> Deserialize<'de> for PackedLayout {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            return Layout::deserialize(deserializer).map(|l| PackedLayout::encode(&l));
        }
        deserialize_bytes(deserializer).map(PackedLayout)
    }
}

/// Items of a [`PackedLayout`], decoded one at a time; iteration ends at the first item
/// that does not decode.
pub struct Items<'a, T> {
    r: Reader<'a>,
    /// Items the header announces that are not read yet.
    left: usize,
    read: fn(&mut Reader<'a>) -> Option<T>,
}

/// The sentences of a [`PackedLayout`].
pub type Sentences<'a> = Items<'a, Span>;

/// The paragraphs of a [`PackedLayout`].
pub type Paragraphs<'a> = Items<'a, Paragraph>;

impl<T> Iterator for Items<'_, T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        if self.left == 0 {
            return None;
        }
        let item = (self.read)(&mut self.r);
        self.left = if item.is_some() { self.left - 1 } else { 0 };
        item
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(self.left))
    }
}

/// Reads varints, spans and paragraphs from the bytes.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// The end of the previous span read.
    end: u32,
    /// The sentence after the previous paragraph's.
    next: u32,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader {
            bytes,
            pos: 0,
            end: 0,
            next: 0,
        }
    }

    /// The paragraph and sentence counts, each bounded by the bytes.
    fn counts(&mut self) -> Option<(usize, usize)> {
        let within = |n: u64| usize::try_from(n).ok().filter(|&n| n <= self.bytes.len());
        let paragraphs = within(read_u(self.bytes, &mut self.pos).ok()?)?;
        let sentences = within(read_u(self.bytes, &mut self.pos).ok()?)?;
        Some((paragraphs, sentences))
    }

    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    fn u32(&mut self) -> Option<u32> {
        u32::try_from(read_u(self.bytes, &mut self.pos).ok()?).ok()
    }

    /// A paragraph: its span, flags byte, first sentence when given, and sentence count.
    fn paragraph(&mut self) -> Option<Paragraph> {
        let span = self.span()?;
        let flags = self.byte()?;
        let boilerplate = of_opt_code(flags & !FIRST_GIVEN).ok()?;
        let first_sentence = if flags & FIRST_GIVEN != 0 {
            self.u32()?
        } else {
            self.next
        };
        let sentence_count = self.u32()?;
        self.next = first_sentence.wrapping_add(sentence_count);
        Some(Paragraph {
            span,
            boilerplate,
            first_sentence,
            sentence_count,
        })
    }

    /// A span: its start as a delta from the previous span's end, and its length.
    fn span(&mut self) -> Option<Span> {
        let delta = read_i(self.bytes, &mut self.pos).ok()?;
        let start = u32::try_from(i64::from(self.end).checked_add(delta)?).ok()?;
        let end = start.checked_add(self.u32()?)?;
        self.end = end;
        Some(Span { start, end })
    }
}

/// Writes a span: its start as a delta from the previous span's end (`end`), its length.
fn put_span(out: &mut Vec<u8>, s: Span, end: &mut u32) {
    put_i(out, i64::from(s.start) - i64::from(*end));
    put_u(out, u64::from(s.end.wrapping_sub(s.start)));
    *end = s.end;
}
