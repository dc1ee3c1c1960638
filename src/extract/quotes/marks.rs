//! Finding quoted stretches: pairing quotation marks inside each paragraph.
//!
//! Double marks (`"…"`, `“…”`, `«…»`, wire-style ``` ``…'' ``` and `''…''`) delimit top-level
//! quotations; single marks (`‘…’`) only in a headline or in a text that uses single marks as
//! its outer marks (British style), and otherwise stay nested inside a double quotation.
//! Apostrophes (`it’s`, `Ukraine’s`, `’90s`) are never marks, inch marks after a digit are
//! ignored, and markup tags (`<tweet author="…">`) are skipped. A quotation still open at the
//! end of its paragraph ends there, so an unbalanced mark never swallows more than one
//! paragraph; when the next paragraph opens with a mark, the quotation continues there.

use crate::segment::next_byte_in;
use crate::span::Span;

/// A quoted stretch of one paragraph, marks included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quoted {
    /// The stretch, from the opening mark to the closing mark (or the paragraph end).
    pub span: Span,
    /// True when a closing mark ends it; false when it runs to the end of its paragraph.
    pub closed: bool,
    /// True when it continues an unclosed quotation of the previous paragraph.
    pub continues: bool,
}

/// Which marks open a top-level quotation in a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Double marks only (single marks nest inside them).
    Double,
    /// Double and single marks (a headline).
    Headline,
    /// Single marks are the outer marks; double marks nest inside them.
    Single,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

/// The glyph class of a mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Glyph {
    /// Opens by its shape: `“`, `„`, `‟`, `«`, two backticks.
    Open,
    /// Closes by its shape: `”`, `»`.
    Close,
    /// Either, by position: `"`, `''`.
    Either,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    at: usize,
    len: usize,
    family: Family,
    glyph: Glyph,
}

/// Reads the mark starting at byte `i` of `p`, if any.
fn mark_at(p: &[u8], i: usize) -> Option<Mark> {
    let m = |len, family, glyph| {
        Some(Mark {
            at: i,
            len,
            family,
            glyph,
        })
    };
    match p[i] {
        b'"' => m(1, Family::Double, Glyph::Either),
        b'\'' if p.get(i + 1) == Some(&b'\'') => m(2, Family::Double, Glyph::Either),
        b'\'' => m(1, Family::Single, Glyph::Either),
        b'`' if p.get(i + 1) == Some(&b'`') => m(2, Family::Double, Glyph::Open),
        0xE2 if p.get(i + 1) == Some(&0x80) => match p.get(i + 2)? {
            0x9C | 0x9E | 0x9F => m(3, Family::Double, Glyph::Open),
            0x9D => m(3, Family::Double, Glyph::Close),
            0x98 => m(3, Family::Single, Glyph::Open),
            0x99 => m(3, Family::Single, Glyph::Close),
            _ => None,
        },
        0xC2 => match p.get(i + 1)? {
            0xAB => m(2, Family::Double, Glyph::Open),
            0xBB => m(2, Family::Double, Glyph::Close),
            _ => None,
        },
        _ => None,
    }
}

/// The character before byte `i` of `p` (none at the start).
fn char_before(p: &str, i: usize) -> Option<char> {
    p[..i].chars().next_back()
}

/// The character at byte `i` of `p` (none at the end).
fn char_at(p: &str, i: usize) -> Option<char> {
    p.get(i..)?.chars().next()
}

/// True when a mark at this place can open: nothing or a space or an opening bracket or dash
/// before it, and a non-space after it.
fn opening_position(before: Option<char>, after: Option<char>) -> bool {
    let left = before.is_none_or(|c| c.is_whitespace() || "([{—–-/“‘\"'«>".contains(c));
    let right = after.is_some_and(|c| !c.is_whitespace());
    left && right
}

/// True for an apostrophe rather than a single mark: `it’s`, `Ukraine’s`, `’90s`, `rock ’n’`.
fn is_apostrophe(before: Option<char>, after: Option<char>) -> bool {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    (word(before) && word(after)) || (!word(before) && after.is_some_and(|c| c.is_ascii_digit()))
}

/// Length of a markup tag (`<tweet id="1">`, `</p>`) starting at byte `i`, if one does.
fn tag_len(p: &[u8], i: usize) -> Option<usize> {
    let next = *p.get(i + 1)?;
    if !(next.is_ascii_alphabetic() || next == b'/') {
        return None;
    }
    let rest = &p[i + 1..p.len().min(i + 512)];
    let end = rest.iter().position(|&b| b == b'>' || b == b'<')?;
    (rest[end] == b'>').then_some(end + 2)
}

/// The bytes that can start a mark or a tag.
const CANDIDATES: [u8; 6] = [b'"', b'\'', b'`', b'<', 0xE2, 0xC2];

/// The first byte at or after `i` that can start a mark or a tag (`bytes.len()` if none).
fn next_candidate(bytes: &[u8], i: usize) -> usize {
    next_byte_in(bytes, i, CANDIDATES)
}

struct Scanner<'a> {
    para: &'a str,
    base: usize,
    style: Style,
    out: Vec<Quoted>,
    open: Option<(usize, Family)>,
    nested: bool,
    continues: bool,
}

impl Scanner<'_> {
    fn emit(&mut self, start: usize, end: usize, closed: bool) {
        let body = &self.para[start..end];
        if body.chars().any(char::is_alphanumeric) {
            self.out.push(Quoted {
                span: Span::new(self.base + start, self.base + end),
                closed,
                continues: std::mem::take(&mut self.continues),
            });
        } else {
            self.continues = false;
        }
    }

    fn step(&mut self, mark: Mark) {
        let before = char_before(self.para, mark.at);
        let after = char_at(self.para, mark.at + mark.len);
        let opens = opening_position(before, after);
        let end = mark.at + mark.len;
        match (self.open, mark.family) {
            (None, Family::Double) => {
                let inch = mark.len == 1 && before.is_some_and(|c| c.is_ascii_digit());
                // A closing glyph never opens, even in an opening position.
                let can_open = mark.glyph == Glyph::Open || (mark.glyph == Glyph::Either && opens);
                if self.style != Style::Single && !inch && can_open {
                    self.open = Some((mark.at, Family::Double));
                }
            }
            (None, Family::Single) => {
                if self.style != Style::Double
                    && mark.glyph != Glyph::Close
                    && opens
                    && !is_apostrophe(before, after)
                {
                    self.open = Some((mark.at, Family::Single));
                }
            }
            (Some((start, Family::Double)), Family::Double) => {
                let closes = mark.glyph == Glyph::Close || !opens || after.is_none();
                if closes {
                    self.emit(start, end, true);
                    self.open = None;
                } else {
                    // A new opening mark inside an open quotation: the first one was never
                    // closed. It ends here and a new one starts.
                    self.emit(start, mark.at, false);
                    self.open = Some((mark.at, Family::Double));
                }
            }
            (Some((start, Family::Single)), Family::Single) => {
                if mark.glyph != Glyph::Open && !opens && !is_apostrophe(before, after) {
                    if self.nested {
                        self.nested = false;
                    } else {
                        self.emit(start, end, true);
                        self.open = None;
                    }
                } else if mark.glyph != Glyph::Close && opens && !is_apostrophe(before, after) {
                    self.nested = true;
                }
            }
            // Marks of the other family nest inside an open quotation.
            (Some(_), _) => {}
        }
    }

    fn finish(&mut self) {
        if let Some((start, _)) = self.open.take() {
            self.emit(start, self.para.len(), false);
        }
    }
}

/// The quoted stretches of one paragraph, in text order. `continues` is set on the first one
/// when the previous paragraph ended inside a quotation and this one opens with a mark.
pub fn in_paragraph(text: &str, para: Span, style: Style, previous_open: bool) -> Vec<Quoted> {
    let p = para.text(text);
    let bytes = p.as_bytes();
    let mut scanner = Scanner {
        para: p,
        base: para.start(),
        style,
        out: Vec::new(),
        open: None,
        nested: false,
        continues: previous_open && mark_at(bytes, 0).is_some(),
    };
    let mut i = 0;
    loop {
        i = next_candidate(bytes, i);
        let Some(&b) = bytes.get(i) else {
            break;
        };
        if b == b'<' {
            i += tag_len(bytes, i).unwrap_or(1);
            continue;
        }
        match mark_at(bytes, i) {
            Some(mark) => {
                scanner.step(mark);
                i += mark.len;
            }
            None => i += 1,
        }
    }
    scanner.finish();
    scanner.out
}

/// True when the text uses single marks as its outer quotation marks: it has an opening
/// single mark and no double marks at all.
pub fn single_style(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut single = false;
    let mut i = 0;
    loop {
        i = next_candidate(bytes, i);
        match bytes.get(i..).unwrap_or_default() {
            [] => return single,
            [b'"', ..] | [b'\'', b'\'', ..] | [0xE2, 0x80, 0x9C | 0x9D, ..] | [0xC2, 0xAB, ..] => {
                return false;
            }
            [0xE2, 0x80, 0x98, ..] => single = true,
            _ => {}
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(p: &str) -> Vec<&str> {
        quotes_in(p, Style::Double)
    }

    #[test]
    fn next_candidate_finds_the_first_mark_or_tag_byte() {
        let p = "He said it was “a scam” and <b>\"over\"</b>, didn't he? ‘No’ — «fine» `ok`.";
        let bytes = p.as_bytes();
        let mut found = Vec::new();
        let mut i = 0;
        loop {
            i = next_candidate(bytes, i);
            if i == bytes.len() {
                break;
            }
            found.push(i);
            i += 1;
        }
        let expected: Vec<usize> = (0..bytes.len())
            .filter(|&i| CANDIDATES.contains(&bytes[i]))
            .collect();
        // The opening curly quote at 15, then 13 more: marks, tags, the apostrophe, the dash.
        assert_eq!(found.first(), Some(&15));
        assert_eq!(found.len(), 14);
        assert_eq!(found, expected);
        assert_eq!(next_candidate(b"no marks here at all", 3), 20);
        assert_eq!(next_candidate(b"", 0), 0);
    }

    fn quotes_in(p: &str, style: Style) -> Vec<&str> {
        in_paragraph(p, Span::new(0, p.len()), style, false)
            .iter()
            .map(|q| q.span.text(p))
            .collect()
    }

    #[test]
    fn curly_straight_and_mixed_marks() {
        assert_eq!(
            quotes("“We are constructively minded,” Umerov said. \"Yes,\" he added."),
            vec!["“We are constructively minded,”", "\"Yes,\""]
        );
        assert_eq!(
            quotes("He called it “deeply troubling.\" Then he left."),
            vec!["“deeply troubling.\""]
        );
    }

    #[test]
    fn wire_style_and_guillemets() {
        assert_eq!(
            quotes("''Rebuilding it is harder,'' Mr. Halvorsen said. ``We will win,'' he added."),
            vec!["''Rebuilding it is harder,''", "``We will win,''"]
        );
        assert_eq!(
            quotes("Il a dit «nous gagnerons» hier."),
            vec!["«nous gagnerons»"]
        );
    }

    #[test]
    fn single_marks_nest_inside_double_ones() {
        let p = "“He called it ‘a disaster’ and left,” she said.";
        assert_eq!(quotes(p), vec!["“He called it ‘a disaster’ and left,”"]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        let p = "Ukraine’s president said it’s the ’90s again.";
        assert!(quotes_in(p, Style::Headline).is_empty());
        let h = "Rubio says ‘progress but ways to go’ in Kyiv’s talks";
        assert_eq!(
            quotes_in(h, Style::Headline),
            vec!["‘progress but ways to go’"]
        );
        let h = "Lena Ortiz: Voters Uneasy; It’s ‘on Their Minds.’";
        assert_eq!(quotes_in(h, Style::Headline), vec!["‘on Their Minds.’"]);
    }

    #[test]
    fn single_marks_only_in_a_headline_or_single_style() {
        let p = "Rubio says ‘progress but ways to go’ in talks";
        assert!(quotes(p).is_empty());
        let p = "‘We will win,’ he said. He called it a ‘disaster’.";
        assert_eq!(
            quotes_in(p, Style::Single),
            vec!["‘We will win,’", "‘disaster’"]
        );
        assert!(single_style(p));
        assert!(!single_style("“We will win,” he said of the ‘plan’."));
    }

    #[test]
    fn an_unbalanced_mark_ends_at_the_paragraph_end() {
        let text = "He said: \"We will never give up\n\nThe vote is on Tuesday.";
        let first = in_paragraph(text, Span::new(0, 31), Style::Double, false);
        assert_eq!(first.len(), 1);
        assert_eq!(first[0].span.text(text), "\"We will never give up");
        assert!(!first[0].closed);
        let second = in_paragraph(text, Span::new(33, text.len()), Style::Double, true);
        assert!(second.is_empty());
    }

    #[test]
    fn a_quotation_over_two_paragraphs_continues() {
        let text = "“We are ready.\n\n“We will win,” he said.";
        let start = text.rfind('“').unwrap();
        let second = in_paragraph(text, Span::new(start, text.len()), Style::Double, true);
        assert_eq!(second[0].span.text(text), "“We will win,”");
        assert!(second[0].continues && second[0].closed);
    }

    #[test]
    fn a_new_opening_mark_splits_an_unclosed_quotation() {
        let p = "\"The survey asked: “Do you feel safe?” Most said yes.\"";
        assert_eq!(
            quotes(p),
            vec!["\"The survey asked: ", "“Do you feel safe?”"]
        );
    }

    #[test]
    fn tags_inches_and_empty_marks_are_skipped() {
        let p = "<tweet id=\"67\" author=\"@x\">Big news</tweet>. A 5\" screen, \"\" and “ ”.";
        assert!(quotes(p).is_empty());
        assert_eq!(quotes("<b>\"Yes\"</b>"), vec!["\"Yes\""]);
    }

    #[test]
    fn arbitrary_bytes_never_panic() {
        for p in [
            "\"", "“", "'", "''", "<", "<a", "‘’", "\"é", "é\"", "«»", "``",
        ] {
            let _ = quotes_in(p, Style::Headline);
            let _ = quotes_in(p, Style::Single);
        }
    }
}
