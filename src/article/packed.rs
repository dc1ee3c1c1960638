//! The compact form an article's extraction is kept in, in memory and in the cache.
//!
//! An extraction takes several times the size of its text when held as vectors of structs,
//! so each article keeps it encoded in one byte slice and decodes a part when it is read.
//! The layout: four varints giving the byte lengths of the mentions, actors, quotes and time
//! expressions parts, then the five parts (events last, taking the rest). A part is a varint
//! count and its items; an empty part takes no bytes, and an empty extraction is an empty
//! slice. Within an item: integers are LEB128 varints (signed ones zigzag-coded), a span is
//! its start as a delta from the previous item's start and its length, a span belonging to
//! an item (a title, a quotation's parts, an event's label) is relative to the item's start,
//! small enums and flags share a byte, a date is its day number as a delta from the previous
//! one. A string that occurs verbatim in the text (an actor's name, a role) is stored as a
//! span into the text rather than copied.
//!
//! Decoding is checked: every span must fit the text on character boundaries and every
//! actor index must be in range, so bytes read from disk are rejected, never trusted
//! ([`Packed::check`] walks all of them).

use std::fmt;
use std::marker::PhantomData;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::extract::Extraction;
use crate::extract::actors::fasthash::FxHashMap;
use crate::extract::actors::{
    ActorKind, EntityType, Gender, LocalActor, Mention, MentionForm, Role,
};
use crate::extract::events::{Event, EventKind};
use crate::extract::quotes::{Method, Quote, QuoteKind};
use crate::extract::time::{Granularity, Interval, Mod, Timex, TimexType};
use crate::layout::Boilerplate;
use crate::span::Span;

/// The five parts, in the order they are stored.
pub const PARTS: [Part; 5] = [
    Part::Mentions,
    Part::Actors,
    Part::Quotes,
    Part::Timexes,
    Part::Events,
];

/// One of the five parts of an extraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// [`Extraction::mentions`].
    Mentions,
    /// [`Extraction::actors`].
    Actors,
    /// [`Extraction::quotes`].
    Quotes,
    /// [`Extraction::timexes`].
    Timexes,
    /// [`Extraction::events`].
    Events,
}

/// An article's extraction, encoded (see the module documentation). Equal extractions of the
/// same text encode to equal bytes.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Packed(Box<[u8]>);

/// Bytes that do not decode to an extraction of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Corrupt(&'static str);

impl fmt::Display for Corrupt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "corrupt extraction: {}", self.0)
    }
}

impl fmt::Debug for Packed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Packed({} bytes)", self.0.len())
    }
}

impl Packed {
    /// Encodes the extraction of `text`.
    pub fn encode(x: &Extraction, text: &str) -> Packed {
        // Extractions of news text encode to about a third of its size: enough that the
        // working buffer rarely grows.
        Packed::encode_with(x, text, &mut Vec::with_capacity(text.len() / 2))
    }

    /// [`Packed::encode`], with `scratch` as the working buffer: kept across the articles of
    /// a batch, so that encoding each allocates only its packed bytes.
    pub fn encode_with(x: &Extraction, text: &str, scratch: &mut Vec<u8>) -> Packed {
        scratch.clear();
        let mut w = Writer {
            out: std::mem::take(scratch),
            text,
            hints: &x.mentions,
            hint_at: None,
            search_left: text.len().saturating_mul(TEXT_SEARCHES),
            at: 0,
            day: 0,
        };
        // The parts are written one after the other, then the lengths of the first four
        // put before them, in a slice allocated once at its size.
        let lens = [
            w.part(&x.mentions),
            w.part(&x.actors),
            w.part(&x.quotes),
            w.part(&x.timexes),
        ];
        w.part(&x.events);
        let packed = if w.out.is_empty() {
            Packed::default()
        } else {
            let header: usize = lens.iter().map(|&len| varint_len(len as u64)).sum();
            let mut out = Vec::with_capacity(header + w.out.len());
            for len in lens {
                put_u(&mut out, len as u64);
            }
            out.extend_from_slice(&w.out);
            Packed(out.into_boxed_slice())
        };
        *scratch = w.out;
        packed
    }

    /// The encoded bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.0
    }

    /// Takes bytes as they were stored; they are checked against the text when read
    /// ([`Packed::check`]).
    pub fn from_bytes(bytes: Box<[u8]>) -> Packed {
        Packed(bytes)
    }

    /// The number of items in a part (0 when the bytes are corrupt).
    pub fn count(&self, part: Part) -> usize {
        self.bounds(part)
            .and_then(|b| Reader::new(&self.0[b.clone()], "").count())
            .unwrap_or(0)
    }

    /// The number of bytes a part takes (0 when the bytes are corrupt).
    pub fn size(&self, part: Part) -> usize {
        self.bounds(part).map_or(0, |b| b.len())
    }

    /// Decodes the whole extraction.
    pub fn decode(&self, text: &str) -> Result<Extraction, Corrupt> {
        Ok(Extraction {
            mentions: self.part(text)?.collect_checked()?,
            actors: self.part(text)?.collect_checked()?,
            quotes: self.part(text)?.collect_checked()?,
            timexes: self.part(text)?.collect_checked()?,
            events: self.part(text)?.collect_checked()?,
        })
    }

    /// Checks that the bytes decode to an extraction of `text`, without keeping anything.
    pub fn check(&self, text: &str) -> Result<(), Corrupt> {
        self.part::<Mention>(text)?.check()?;
        self.part::<LocalActor>(text)?.check()?;
        self.part::<Quote>(text)?.check()?;
        self.part::<Timex>(text)?.check()?;
        self.part::<Event>(text)?.check()
    }

    /// The items of one part, decoded as they are iterated. Iteration stops early at bytes
    /// that do not decode, which only unchecked bytes can hold (articles read from outside
    /// are checked when loaded).
    pub fn items<'a, T: Item>(&'a self, text: &'a str) -> Items<'a, T> {
        self.part(text).unwrap_or(Items {
            reader: Reader::new(&[], text),
            left: 0,
            item: PhantomData,
        })
    }

    /// The items of one part, or why its bytes do not decode.
    fn part<'a, T: Item>(&'a self, text: &'a str) -> Result<Items<'a, T>, Corrupt> {
        let actors = self.count(Part::Actors);
        let mut reader = Reader::new(&self.0[self.bounds(T::PART)?], text);
        reader.actors = actors as u32;
        let left = reader.count()?;
        Ok(Items {
            reader,
            left,
            item: PhantomData,
        })
    }

    /// The byte range of a part.
    fn bounds(&self, part: Part) -> Result<std::ops::Range<usize>, Corrupt> {
        if self.0.is_empty() {
            return Ok(0..0);
        }
        let mut r = Reader::new(&self.0, "");
        let mut lens = [0usize; 4];
        for len in &mut lens {
            *len = usize::try_from(r.u()?).map_err(|_| Corrupt("part length"))?;
        }
        let mut start = r.pos;
        for len in &lens[..part as usize] {
            start = start.checked_add(*len).ok_or(Corrupt("part length"))?;
        }
        let end = match lens.get(part as usize) {
            Some(len) => start.checked_add(*len).ok_or(Corrupt("part length"))?,
            None => self.0.len(),
        };
        if start > end || end > self.0.len() {
            return Err(Corrupt("part past the end"));
        }
        Ok(start..end)
    }
}

impl Serialize for Packed {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(&self.0)
    }
}

impl<'de> Deserialize<'de> for Packed {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_bytes(deserializer).map(Packed)
    }
}

/// Reads a byte string serialized as bytes (taking the buffer when the format hands one over).
pub(crate) fn deserialize_bytes<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Box<[u8]>, D::Error> {
    struct Bytes;
    impl serde::de::Visitor<'_> for Bytes {
        type Value = Box<[u8]>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("bytes")
        }
        fn visit_bytes<E>(self, v: &[u8]) -> Result<Box<[u8]>, E> {
            Ok(v.into())
        }
        fn visit_byte_buf<E>(self, v: Vec<u8>) -> Result<Box<[u8]>, E> {
            Ok(v.into_boxed_slice())
        }
    }
    deserializer.deserialize_byte_buf(Bytes)
}

/// The items of one part of a [`Packed`] extraction, decoded one at a time.
pub struct Items<'a, T> {
    reader: Reader<'a>,
    left: usize,
    item: PhantomData<T>,
}

impl<T: Item> Items<'_, T> {
    /// Decodes every item, failing at the first that does not decode.
    fn collect_checked(mut self) -> Result<Vec<T>, Corrupt> {
        let mut out = Vec::with_capacity(self.left);
        while self.left > 0 {
            self.left -= 1;
            out.push(T::read(&mut self.reader)?);
        }
        self.reader.done()?;
        Ok(out)
    }

    /// Decodes every item and drops it, failing at the first that does not decode.
    fn check(mut self) -> Result<(), Corrupt> {
        while self.left > 0 {
            self.left -= 1;
            T::read(&mut self.reader)?;
        }
        self.reader.done()
    }
}

impl<T: Item> Iterator for Items<'_, T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let item = T::read(&mut self.reader).ok();
        if item.is_none() {
            self.left = 0;
        }
        item
    }

    /// The count written in the bytes: exact for checked bytes (every article the index
    /// holds), an upper bound for corrupt ones, where iteration stops early.
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

/// An item of an extraction, with its encoding.
pub trait Item: Sized {
    /// The part it belongs to.
    const PART: Part;
    /// Appends the item.
    fn write(&self, w: &mut Writer);
    /// Reads one item, checking it against the text.
    fn read(r: &mut Reader) -> Result<Self, Corrupt>;
}

/// Above this many hints, strings are looked up among them through a map.
const HINT_SCAN: usize = 32;

/// How many times over an article's text may be searched for strings no hint holds (role
/// titles, affiliations, names written otherwise); past that, strings are copied. Ordinary
/// articles search a few times; the bound keeps encoding linear in the text.
const TEXT_SEARCHES: usize = 64;

/// Encodes the items of one extraction.
pub struct Writer<'a> {
    out: Vec<u8>,
    text: &'a str,
    /// Mentions, whose spans are likely to hold a string stored by reference.
    hints: &'a [Mention],
    /// The first of `hints` holding each string, once there are more than [`HINT_SCAN`].
    hint_at: Option<FxHashMap<&'a str, usize>>,
    /// Bytes of text left to search for strings no hint holds (see [`TEXT_SEARCHES`]).
    search_left: usize,
    /// The start of the previous item's span.
    at: u32,
    /// The previous day number written.
    day: i32,
}

impl Writer<'_> {
    /// Appends one part, returning its length in bytes.
    fn part<T: Item>(&mut self, items: &[T]) -> usize {
        let start = self.out.len();
        self.at = 0;
        self.day = 0;
        if !items.is_empty() {
            put_u(&mut self.out, items.len() as u64);
            for item in items {
                item.write(self);
            }
        }
        self.out.len() - start
    }

    fn u(&mut self, v: u64) {
        put_u(&mut self.out, v);
    }

    fn i(&mut self, v: i64) {
        put_i(&mut self.out, v);
    }

    fn byte(&mut self, b: u8) {
        self.out.push(b);
    }

    /// The item's span, its start relative to the previous item's.
    fn span_after(&mut self, s: Span) {
        self.i(i64::from(s.start) - i64::from(self.at));
        self.u(u64::from(s.end.wrapping_sub(s.start)));
        self.at = s.start;
    }

    /// A span belonging to an item, relative to the item's start.
    fn span_in(&mut self, s: Span, base: Span) {
        self.i(i64::from(s.start) - i64::from(base.start));
        self.u(u64::from(s.end.wrapping_sub(s.start)));
    }

    fn interval(&mut self, d: Interval) {
        let (start, end) = (d.start.num_days_from_ce(), d.end.num_days_from_ce());
        self.i(i64::from(start) - i64::from(self.day));
        self.i(i64::from(end) - i64::from(start));
        self.day = start;
    }

    /// A string, by reference when the text holds it verbatim.
    fn text_or_inline(&mut self, s: &str) {
        let at = if s.is_empty() {
            None
        } else {
            self.hinted(s).or_else(|| self.searched(s))
        };
        match at {
            Some(at) => {
                self.u(((at as u64) << 1) | 1);
                self.u(s.len() as u64);
            }
            None => self.inline(s),
        }
    }

    /// Where the first hint holding `s` starts: a scan of a few hints, a map of many (a
    /// scan per string would be quadratic in an article of thousands of names).
    fn hinted(&mut self, s: &str) -> Option<usize> {
        let text = self.text;
        if self.hints.len() <= HINT_SCAN {
            // Lengths first: most hints differ in length, and comparing them slices nothing.
            return self
                .hints
                .iter()
                .find(|h| h.span.len() == s.len() && h.span.text(text) == s)
                .map(|h| h.span.start());
        }
        let hints = self.hints;
        let at = self.hint_at.get_or_insert_with(|| {
            let mut at = FxHashMap::default();
            for h in hints {
                at.entry(h.span.text(text)).or_insert(h.span.start());
            }
            at
        });
        at.get(s).copied()
    }

    /// Where the text first holds `s`, while the search budget lasts (then `None`: the
    /// string is copied).
    fn searched(&mut self, s: &str) -> Option<usize> {
        let cost = self.text.len();
        if self.search_left < cost {
            return None;
        }
        self.search_left -= cost;
        memchr::memmem::find(self.text.as_bytes(), s.as_bytes())
    }

    /// A string, copied.
    fn inline(&mut self, s: &str) {
        self.u((s.len() as u64) << 1);
        self.out.extend_from_slice(s.as_bytes());
    }

    fn group(&mut self, g: u64) {
        self.out.extend_from_slice(&g.to_le_bytes());
    }
}

/// Appends `v` as a LEB128 varint.
pub(crate) fn put_u(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// The number of bytes [`put_u`] writes for `v`.
fn varint_len(v: u64) -> usize {
    (64 - v.leading_zeros() as usize).max(1).div_ceil(7)
}

/// Appends `v` as a zigzag-coded varint (small magnitudes of either sign take one byte).
pub(crate) fn put_i(out: &mut Vec<u8>, v: i64) {
    put_u(out, ((v << 1) ^ (v >> 63)) as u64);
}

/// Decodes the items of one part, checking them against the text.
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    text: &'a str,
    /// The number of local actors, the bound of every actor index.
    actors: u32,
    at: u32,
    day: i32,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8], text: &'a str) -> Self {
        Reader {
            bytes,
            pos: 0,
            text,
            actors: 0,
            at: 0,
            day: 0,
        }
    }

    /// A part's item count (0 for an empty part), bounded by its bytes.
    fn count(&mut self) -> Result<usize, Corrupt> {
        if self.bytes.is_empty() {
            return Ok(0);
        }
        self.count_within()
    }

    /// Fails unless every byte was read.
    fn done(&self) -> Result<(), Corrupt> {
        if self.pos == self.bytes.len() {
            Ok(())
        } else {
            Err(Corrupt("bytes left after a part"))
        }
    }

    fn byte(&mut self) -> Result<u8, Corrupt> {
        let b = *self.bytes.get(self.pos).ok_or(Corrupt("truncated"))?;
        self.pos += 1;
        Ok(b)
    }

    fn u(&mut self) -> Result<u64, Corrupt> {
        read_u(self.bytes, &mut self.pos)
    }

    fn u32(&mut self) -> Result<u32, Corrupt> {
        u32::try_from(self.u()?).map_err(|_| Corrupt("number out of range"))
    }

    fn i(&mut self) -> Result<i64, Corrupt> {
        read_i(self.bytes, &mut self.pos)
    }

    /// A span `len` bytes from `start`, checked against the text.
    fn fit(&self, start: i64, len: u64) -> Result<Span, Corrupt> {
        let start = usize::try_from(start).map_err(|_| Corrupt("span before the text"))?;
        let end = usize::try_from(len)
            .ok()
            .and_then(|len| start.checked_add(len))
            .ok_or(Corrupt("span past the text"))?;
        if end > self.text.len()
            || !self.text.is_char_boundary(start)
            || !self.text.is_char_boundary(end)
        {
            return Err(Corrupt("span does not fit the text"));
        }
        Ok(Span::new(start, end))
    }

    fn span_after(&mut self) -> Result<Span, Corrupt> {
        let start = offset(i64::from(self.at), self.i()?)?;
        let len = self.u()?;
        let s = self.fit(start, len)?;
        self.at = s.start;
        Ok(s)
    }

    fn span_in(&mut self, base: Span) -> Result<Span, Corrupt> {
        let start = offset(i64::from(base.start), self.i()?)?;
        let len = self.u()?;
        self.fit(start, len)
    }

    fn opt_span_in(&mut self, present: bool, base: Span) -> Result<Option<Span>, Corrupt> {
        present.then(|| self.span_in(base)).transpose()
    }

    fn interval(&mut self) -> Result<Interval, Corrupt> {
        let day = |n: i64| {
            i32::try_from(n)
                .ok()
                .and_then(NaiveDate::from_num_days_from_ce_opt)
                .ok_or(Corrupt("date out of range"))
        };
        let start = offset(i64::from(self.day), self.i()?)?;
        let end = offset(start, self.i()?)?;
        let interval = Interval {
            start: day(start)?,
            end: day(end)?,
        };
        self.day = start as i32;
        Ok(interval)
    }

    /// A string written by [`Writer::text_or_inline`] or [`Writer::inline`].
    fn str(&mut self) -> Result<&'a str, Corrupt> {
        let tag = self.u()?;
        if tag & 1 == 1 {
            let len = self.u()?;
            let s = self.fit((tag >> 1) as i64, len)?;
            return Ok(s.text(self.text));
        }
        let len = usize::try_from(tag >> 1).map_err(|_| Corrupt("string length"))?;
        let end = self
            .pos
            .checked_add(len)
            .filter(|&end| end <= self.bytes.len())
            .ok_or(Corrupt("truncated string"))?;
        let s =
            std::str::from_utf8(&self.bytes[self.pos..end]).map_err(|_| Corrupt("not UTF-8"))?;
        self.pos = end;
        Ok(s)
    }

    fn actor(&mut self) -> Result<u32, Corrupt> {
        let a = self.u32()?;
        if a < self.actors {
            Ok(a)
        } else {
            Err(Corrupt("actor index out of range"))
        }
    }

    fn group(&mut self) -> Result<u64, Corrupt> {
        let end = self.pos + 8;
        let bytes: [u8; 8] = self
            .bytes
            .get(self.pos..end)
            .and_then(|b| b.try_into().ok())
            .ok_or(Corrupt("truncated"))?;
        self.pos = end;
        Ok(u64::from_le_bytes(bytes))
    }
}

/// Reads a LEB128 varint at `*pos`, moving `pos` past it.
pub(crate) fn read_u(bytes: &[u8], pos: &mut usize) -> Result<u64, Corrupt> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(*pos).ok_or(Corrupt("truncated"))?;
        *pos += 1;
        v |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return Ok(v);
        }
    }
    Err(Corrupt("varint too long"))
}

/// Reads a zigzag-coded varint at `*pos` (see [`put_i`]), moving `pos` past it.
pub(crate) fn read_i(bytes: &[u8], pos: &mut usize) -> Result<i64, Corrupt> {
    let v = read_u(bytes, pos)?;
    Ok((v >> 1) as i64 ^ -((v & 1) as i64))
}

/// `base + delta`, failing on overflow.
fn offset(base: i64, delta: i64) -> Result<i64, Corrupt> {
    base.checked_add(delta)
        .ok_or(Corrupt("offset out of range"))
}

/// A small enum stored as its position in `ALL`.
pub(crate) trait Code: Copy + PartialEq + 'static {
    /// Every variant, in code order.
    const ALL: &'static [Self];

    /// The variant's code.
    fn code(self) -> u8;

    /// The variant for a code.
    fn from_code(code: u8) -> Result<Self, Corrupt> {
        Self::ALL
            .get(usize::from(code))
            .copied()
            .ok_or(Corrupt("unknown variant"))
    }
}

/// Implements [`Code`]; the match makes a new variant a compile error until it is listed.
macro_rules! codes {
    ($($t:ty { $($v:path),+ $(,)? })+) => {$(
        impl Code for $t {
            const ALL: &'static [Self] = &[$($v),+];

            fn code(self) -> u8 {
                match self {
                    $($v)|+ => {}
                }
                Self::ALL.iter().position(|&v| v == self).unwrap_or(0) as u8
            }
        }
    )+};
}

codes! {
    EntityType { EntityType::Person, EntityType::Organisation, EntityType::Location, EntityType::Misc }
    MentionForm {
        MentionForm::Full, MentionForm::Partial, MentionForm::Acronym, MentionForm::Name,
        MentionForm::Metonym, MentionForm::Description,
    }
    ActorKind {
        ActorKind::Person, ActorKind::Organisation, ActorKind::Place, ActorKind::Unnamed,
        ActorKind::Other,
    }
    Gender { Gender::Male, Gender::Female }
    QuoteKind { QuoteKind::Full, QuoteKind::Partial, QuoteKind::Title }
    Method {
        Method::None, Method::Cue, Method::According, Method::Colon, Method::Reported,
        Method::Headline, Method::Label, Method::Continuation,
    }
    TimexType { TimexType::Date, TimexType::Time, TimexType::Duration, TimexType::Set }
    Granularity {
        Granularity::Day, Granularity::Week, Granularity::Month, Granularity::Quarter,
        Granularity::Year, Granularity::Decade,
    }
    Mod {
        Mod::Start, Mod::Mid, Mod::End, Mod::Approx, Mod::MoreThan, Mod::LessThan,
        Mod::EqualOrMore, Mod::EqualOrLess, Mod::OnOrAfter, Mod::OnOrBefore,
    }
    EventKind { EventKind::Publication, EventKind::Event, EventKind::Statement }
    Boilerplate {
        Boilerplate::Navigation, Boilerplate::Timestamp, Boilerplate::Comments,
        Boilerplate::Copyright, Boilerplate::Metadata, Boilerplate::AuthorBio,
        Boilerplate::RepeatedTitle, Boilerplate::Credits,
    }
}

/// An optional small enum: 0 for none, else its code plus one.
pub(crate) fn opt_code<T: Code>(v: Option<T>) -> u8 {
    v.map_or(0, |v| v.code() + 1)
}

/// The optional small enum [`opt_code`] gave `code` for.
pub(crate) fn of_opt_code<T: Code>(code: u8) -> Result<Option<T>, Corrupt> {
    code.checked_sub(1).map(T::from_code).transpose()
}

/// Bit `n` of a flags byte.
fn bit(flags: u8, n: u8) -> bool {
    flags >> n & 1 == 1
}

impl Item for Mention {
    const PART: Part = Part::Mentions;

    fn write(&self, w: &mut Writer) {
        w.span_after(self.span);
        w.byte(
            self.entity.code()
                | self.form.code() << 2
                | u8::from(self.possessive) << 5
                | u8::from(self.title.is_some()) << 6,
        );
        w.u(u64::from(self.actor));
        if let Some(t) = self.title {
            w.span_in(t, self.span);
        }
    }

    fn read(r: &mut Reader) -> Result<Self, Corrupt> {
        let span = r.span_after()?;
        let flags = r.byte()?;
        Ok(Mention {
            span,
            entity: EntityType::from_code(flags & 3)?,
            form: MentionForm::from_code(flags >> 2 & 7)?,
            possessive: bit(flags, 5),
            actor: r.actor()?,
            title: r.opt_span_in(bit(flags, 6), span)?,
        })
    }
}

impl Item for LocalActor {
    const PART: Part = Part::Actors;

    fn write(&self, w: &mut Writer) {
        w.text_or_inline(&self.name);
        w.byte(
            self.kind.code()
                | opt_code(self.gender) << 3
                | u8::from(self.stands_for.is_some()) << 5
                | u8::from(self.affiliation.is_some()) << 6,
        );
        w.u(self.roles.len() as u64);
        for role in &self.roles {
            w.span_after(role.span);
            w.byte(u8::from(role.affiliation.is_some()));
            w.text_or_inline(&role.title);
            if let Some(a) = &role.affiliation {
                w.text_or_inline(a);
            }
        }
        for s in [&self.stands_for, &self.affiliation].into_iter().flatten() {
            w.text_or_inline(s);
        }
    }

    fn read(r: &mut Reader) -> Result<Self, Corrupt> {
        let name = r.str()?.into();
        let flags = r.byte()?;
        let roles = r
            .list(|r| {
                let span = r.span_after()?;
                let has_affiliation = bit(r.byte()?, 0);
                Ok(Role {
                    span,
                    title: r.str()?.into(),
                    affiliation: has_affiliation
                        .then(|| r.str())
                        .transpose()?
                        .map(Into::into),
                })
            })?
            .into_boxed_slice();
        let mut boxed = |present: bool| present.then(|| r.str().map(Box::from)).transpose();
        Ok(LocalActor {
            name,
            kind: ActorKind::from_code(flags & 7)?,
            roles,
            gender: of_opt_code(flags >> 3 & 3)?,
            stands_for: boxed(bit(flags, 5))?,
            affiliation: boxed(bit(flags, 6))?,
        })
    }
}

impl Item for Quote {
    const PART: Part = Part::Quotes;

    fn write(&self, w: &mut Writer) {
        w.span_after(self.span);
        w.byte(
            u8::from(self.closed)
                | self.kind.code() << 1
                | u8::from(self.speaker.is_some()) << 3
                | u8::from(self.antecedent.is_some()) << 4
                | u8::from(self.actor.is_some()) << 5
                | u8::from(self.cue.is_some()) << 6
                | u8::from(self.inferred) << 7,
        );
        w.byte(self.method.code());
        w.u(self.parts.len() as u64);
        for &p in &self.parts {
            w.span_in(p, self.span);
        }
        for s in [self.speaker, self.antecedent, self.cue]
            .into_iter()
            .flatten()
        {
            w.span_in(s, self.span);
        }
        if let Some(a) = self.actor {
            w.u(u64::from(a));
        }
        w.group(self.group);
    }

    fn read(r: &mut Reader) -> Result<Self, Corrupt> {
        let span = r.span_after()?;
        let flags = r.byte()?;
        let method = Method::from_code(r.byte()?)?;
        let parts = r.list(|r| r.span_in(span))?;
        Ok(Quote {
            span,
            parts,
            closed: bit(flags, 0),
            kind: QuoteKind::from_code(flags >> 1 & 3)?,
            speaker: r.opt_span_in(bit(flags, 3), span)?,
            antecedent: r.opt_span_in(bit(flags, 4), span)?,
            cue: r.opt_span_in(bit(flags, 6), span)?,
            actor: bit(flags, 5).then(|| r.actor()).transpose()?,
            method,
            inferred: bit(flags, 7),
            group: r.group()?,
        })
    }
}

impl Item for Timex {
    const PART: Part = Part::Timexes;

    fn write(&self, w: &mut Writer) {
        w.span_after(self.span);
        w.byte(
            self.kind.code()
                | u8::from(self.interval.is_some()) << 2
                | u8::from(self.closes_range) << 3
                | opt_code(self.granularity) << 4,
        );
        w.byte(opt_code(self.modifier));
        w.inline(&self.value);
        if let Some(d) = self.interval {
            w.interval(d);
        }
    }

    fn read(r: &mut Reader) -> Result<Self, Corrupt> {
        let span = r.span_after()?;
        let flags = r.byte()?;
        let modifier = of_opt_code(r.byte()?)?;
        Ok(Timex {
            span,
            kind: TimexType::from_code(flags & 3)?,
            value: r.str()?.into(),
            interval: bit(flags, 2).then(|| r.interval()).transpose()?,
            granularity: of_opt_code(flags >> 4 & 7)?,
            modifier,
            closes_range: bit(flags, 3),
        })
    }
}

impl Item for Event {
    const PART: Part = Part::Events;

    fn write(&self, w: &mut Writer) {
        w.span_after(self.span);
        w.byte(
            self.kind.code()
                | u8::from(self.date.is_some()) << 2
                | u8::from(self.value.is_some()) << 3
                | u8::from(self.approximate) << 4
                | opt_code(self.granularity) << 5,
        );
        if let Some(d) = self.date {
            w.interval(d);
        }
        if let Some(v) = &self.value {
            w.inline(v);
        }
        w.span_in(self.label, self.span);
        w.u(self.actors.len() as u64);
        for &a in &self.actors {
            w.u(u64::from(a));
        }
    }

    fn read(r: &mut Reader) -> Result<Self, Corrupt> {
        let span = r.span_after()?;
        let flags = r.byte()?;
        Ok(Event {
            span,
            kind: EventKind::from_code(flags & 3)?,
            date: bit(flags, 2).then(|| r.interval()).transpose()?,
            value: bit(flags, 3).then(|| r.str()).transpose()?.map(Into::into),
            approximate: bit(flags, 4),
            granularity: of_opt_code(flags >> 5 & 7)?,
            label: r.span_in(span)?,
            actors: r.list(Reader::actor)?,
        })
    }
}

impl Reader<'_> {
    /// A count of sub-items (roles, parts, actors), bounded by the bytes left.
    fn count_within(&mut self) -> Result<usize, Corrupt> {
        let n = self.u()?;
        if n > (self.bytes.len() - self.pos) as u64 {
            return Err(Corrupt("more items than bytes"));
        }
        Ok(n as usize)
    }

    /// A count of sub-items and the sub-items `read` reads, in a list of exactly that length
    /// (collecting a `Result` would grow it in steps).
    fn list<T>(
        &mut self,
        read: impl Fn(&mut Self) -> Result<T, Corrupt>,
    ) -> Result<Vec<T>, Corrupt> {
        let n = self.count_within()?;
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            items.push(read(self)?);
        }
        Ok(items)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varint_len_is_the_length_put_u_writes() {
        for v in [0, 1, 127, 128, 300, 16_383, 16_384, 1 << 35, u64::MAX] {
            let mut out = Vec::new();
            put_u(&mut out, v);
            assert_eq!(varint_len(v), out.len(), "{v}");
        }
    }
}
