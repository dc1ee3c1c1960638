//! Tokens for the time grammar: words classified against the date vocabulary, numbers and
//! punctuation, with byte offsets into the article text.

use crate::extract::time::vocab::{self, Lex, W};

/// How a word is capitalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// All lower case ("friday").
    Lower,
    /// First letter upper case ("Friday").
    Capital,
    /// Every letter upper case ("FRIDAY", "GMT").
    Upper,
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A word, classified.
    Word(Lex, Case),
    /// A run of digits: its value (saturating) and number of digits.
    Number(u32, u8),
    /// A number with digit grouping or decimals ("1,008", "2.5"): never a date part.
    Quantity,
    /// A punctuation mark. Curly apostrophes map to `'`, dashes to `-`, quotation marks to `"`,
    /// anything else outside ASCII to `~`.
    Punct(u8),
}

/// A token: a kind and its byte range in the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
    /// What it is.
    pub kind: Kind,
}

impl Token {
    /// The word class, or `Lex::Other` for non-words.
    pub fn lex(&self) -> Lex {
        match self.kind {
            Kind::Word(lex, _) => lex,
            _ => Lex::Other,
        }
    }

    /// True when the token is the function word `w`.
    pub fn is(&self, w: W) -> bool {
        self.lex() == Lex::Word(w)
    }

    /// True when the token is the punctuation mark `p`.
    pub fn is_punct(&self, p: u8) -> bool {
        self.kind == Kind::Punct(p)
    }

    /// The value of a plain number.
    pub fn number(&self) -> Option<u32> {
        match self.kind {
            Kind::Number(v, _) => Some(v),
            _ => None,
        }
    }

    /// The number of digits of a plain number (0 for anything else).
    pub fn digits(&self) -> u8 {
        match self.kind {
            Kind::Number(_, d) => d,
            _ => 0,
        }
    }

    /// The capitalisation of a word (`Lower` for non-words).
    pub fn case(&self) -> Case {
        match self.kind {
            Kind::Word(_, c) => c,
            _ => Case::Lower,
        }
    }

    /// True for any word.
    pub fn is_word(&self) -> bool {
        matches!(self.kind, Kind::Word(..))
    }
}

/// Appends the tokens of `text[from..to]` to `out`.
pub fn tokenize(text: &str, from: usize, to: usize, out: &mut Vec<Token>) {
    let b = text.as_bytes();
    let to = to.min(b.len());
    let mut i = from;
    while i < to {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c.is_ascii_digit() {
            i = number(b, i, to, out);
        } else if c.is_ascii_alphabetic() {
            i = word(text, i, to, out);
        } else if c < 0x80 {
            out.push(Token {
                start: i as u32,
                end: i as u32 + 1,
                kind: Kind::Punct(c),
            });
            i += 1;
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            let len = ch.len_utf8();
            if ch.is_alphabetic() {
                i = word(text, i, to, out);
                continue;
            }
            if !ch.is_whitespace() {
                let p = match ch {
                    '\u{2018}' | '\u{2019}' | '\u{2032}' => b'\'',
                    '\u{2010}'..='\u{2015}' | '\u{2212}' => b'-',
                    '\u{201c}' | '\u{201d}' | '\u{ab}' | '\u{bb}' => b'"',
                    _ => b'~',
                };
                out.push(Token {
                    start: i as u32,
                    end: (i + len) as u32,
                    kind: Kind::Punct(p),
                });
            }
            i += len;
        }
    }
}

/// A run of digits, with digit groups ("1,008") and decimals ("2.5") folded into a quantity.
fn number(b: &[u8], start: usize, to: usize, out: &mut Vec<Token>) -> usize {
    let digits_from = |mut i: usize| {
        while i < to && b[i].is_ascii_digit() {
            i += 1;
        }
        i
    };
    let mut i = digits_from(start);
    let plain_end = i;
    let mut quantity = false;
    loop {
        if i + 1 < to && b[i] == b',' && b[i + 1].is_ascii_digit() {
            let group_end = digits_from(i + 1);
            if group_end - (i + 1) == 3 {
                i = group_end;
                quantity = true;
                continue;
            }
        }
        if i + 1 < to && b[i] == b'.' && b[i + 1].is_ascii_digit() {
            i = digits_from(i + 1);
            quantity = true;
            continue;
        }
        break;
    }
    let kind = if quantity {
        Kind::Quantity
    } else {
        let digits = &b[start..plain_end];
        let value = digits.iter().fold(0u32, |v, d| {
            v.saturating_mul(10).saturating_add(u32::from(d - b'0'))
        });
        Kind::Number(value, digits.len().min(255) as u8)
    };
    out.push(Token {
        start: start as u32,
        end: i as u32,
        kind,
    });
    i
}

/// A run of letters (ASCII or not), classified when it is ASCII and short enough.
fn word(text: &str, start: usize, to: usize, out: &mut Vec<Token>) -> usize {
    let b = text.as_bytes();
    let mut i = start;
    let mut ascii = true;
    while i < to {
        let c = b[i];
        if c.is_ascii_alphabetic() {
            i += 1;
        } else if c >= 0x80 {
            let ch = text[i..].chars().next().unwrap_or(' ');
            if !ch.is_alphabetic() {
                break;
            }
            ascii = false;
            i += ch.len_utf8();
        } else {
            break;
        }
    }
    let len = i - start;
    let (lex, any_lower) = if ascii && len <= vocab::MAX_LEN {
        // ASCII letters, packed: bit 0x20 of each is set exactly for the lower-case ones.
        let letters = packed(b, start, len);
        let case_bits = LOWER_BITS & ((1u128 << (8 * len)) - 1);
        (
            vocab::lex_packed(letters | case_bits, len),
            letters & case_bits != 0,
        )
    } else {
        let lower = b[start..i].iter().any(u8::is_ascii_lowercase);
        (Lex::Other, lower)
    };
    let case = if !b[start].is_ascii_uppercase() {
        Case::Lower
    } else if len > 1 && !any_lower {
        Case::Upper
    } else {
        Case::Capital
    };
    out.push(Token {
        start: start as u32,
        end: i as u32,
        kind: Kind::Word(lex, case),
    });
    i
}

/// Bit 0x20 in every byte: the bit that makes an ASCII letter lower case.
const LOWER_BITS: u128 = u128::from_le_bytes([0x20; 16]);

/// The `len` (at most 15) bytes of `b` from `start`, packed into a number, the first lowest:
/// one load when 16 bytes are left in the text.
fn packed(b: &[u8], start: usize, len: usize) -> u128 {
    let chunk: [u8; 16] = match b.get(start..start + 16) {
        Some(s) => s.try_into().unwrap_or([0; 16]),
        None => {
            let mut buf = [0; 16];
            buf[..len].copy_from_slice(&b[start..start + len]);
            buf
        }
    };
    u128::from_le_bytes(chunk) & ((1u128 << (8 * len)) - 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::time::vocab::{DayPart, Unit};

    fn kinds(s: &str) -> Vec<Kind> {
        let mut out = Vec::new();
        tokenize(s, 0, s.len(), &mut out);
        out.iter().map(|t| t.kind).collect()
    }

    #[test]
    fn words_numbers_and_marks() {
        assert_eq!(
            kinds("On Friday, 2,000 troops’ 3 weeks—1990s"),
            vec![
                Kind::Word(Lex::Word(W::On), Case::Capital),
                Kind::Word(Lex::Weekday(4, false), Case::Capital),
                Kind::Punct(b','),
                Kind::Quantity,
                Kind::Word(Lex::Other, Case::Lower),
                Kind::Punct(b'\''),
                Kind::Number(3, 1),
                Kind::Word(Lex::Unit(Unit::Week, true), Case::Lower),
                Kind::Punct(b'-'),
                Kind::Number(1990, 4),
                Kind::Word(Lex::Other, Case::Lower),
            ]
        );
    }

    #[test]
    fn offsets_are_bytes_of_the_text() {
        let s = "Kyiv’s talks on 23 December";
        let mut out = Vec::new();
        tokenize(s, 0, s.len(), &mut out);
        let texts: Vec<&str> = out
            .iter()
            .map(|t| &s[t.start as usize..t.end as usize])
            .collect();
        assert_eq!(
            texts,
            vec!["Kyiv", "’", "s", "talks", "on", "23", "December"]
        );
        assert_eq!(out[6].case(), Case::Capital);
        assert_eq!(out[6].lex(), Lex::Month(12, false));
    }

    #[test]
    fn words_are_classified_wherever_they_end() {
        // Far from the end of the text (one 16-byte load) and in its last bytes (a copy).
        let s = "At 9 a.m. GMT on WEDNESDAY the counterintelligence Approximately-Noon talks; EST";
        let words: Vec<Kind> = kinds(s)
            .into_iter()
            .filter(|k| matches!(k, Kind::Word(..)))
            .collect();
        assert_eq!(
            words,
            vec![
                Kind::Word(Lex::Word(W::At), Case::Capital),
                Kind::Word(Lex::Word(W::A), Case::Lower),
                Kind::Word(Lex::Other, Case::Lower),
                Kind::Word(Lex::Word(W::Zone), Case::Upper),
                Kind::Word(Lex::Word(W::On), Case::Lower),
                Kind::Word(Lex::Weekday(2, false), Case::Upper),
                Kind::Word(Lex::Word(W::The), Case::Lower),
                Kind::Word(Lex::Other, Case::Lower),
                Kind::Word(Lex::Word(W::Roughly), Case::Capital),
                Kind::Word(Lex::DayPart(DayPart::Noon), Case::Capital),
                Kind::Word(Lex::Other, Case::Lower),
                Kind::Word(Lex::Word(W::Zone), Case::Upper),
            ]
        );
    }

    #[test]
    fn dates_with_commas_are_not_quantities() {
        assert_eq!(
            kinds("23, 2025"),
            vec![
                Kind::Number(23, 2),
                Kind::Punct(b','),
                Kind::Number(2025, 4)
            ]
        );
    }
}
