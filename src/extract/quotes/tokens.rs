//! A light tokenizer for attribution: the words and punctuation of a paragraph, with each
//! quotation standing as one token.

use crate::extract::quotes::lexicon::{self, Entry, PronounKind};
use crate::span::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A word: letters and digits, with inner apostrophes, hyphens and dots ("Trump’s",
    /// "son-in-law", "U.S.", "Mr.").
    Word,
    /// One punctuation character.
    Punct(char),
    /// A quotation: the index of the quoted stretch in the paragraph's list.
    Quote(usize),
}

impl Kind {
    /// True for punctuation that is one of `chars`.
    pub fn is_punct_in(self, chars: &str) -> bool {
        matches!(self, Kind::Punct(c) if chars.contains(c))
    }
}

/// A token of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where it is in the article text.
    pub span: Span,
    /// What it is.
    pub kind: Kind,
    /// Its entry in the lexicon (a word's classes, verb and pronoun).
    pub word: Entry,
}

/// True for a short form whose final full stop belongs to the word ("Mr.", "Sen.", "Jan.");
/// a match rather than a list, as it is asked of every word before a full stop.
#[rustfmt::skip]
fn is_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs" | "Ms" | "Dr" | "Prof" | "Sen" | "Rep" | "Gov" | "Gen" | "Lt" | "Col" | "Sgt"
            | "Capt" | "Maj" | "Adm" | "Rev" | "St" | "Jr" | "Sr" | "Mt" | "Ft" | "Sec" | "Amb"
            | "Pres" | "Atty" | "Supt" | "Cmdr" | "Gens" | "Sens" | "Reps" | "Msgr" | "Fr"
            | "Jan" | "Feb" | "Aug" | "Sep" | "Sept" | "Oct" | "Nov" | "Dec" | "No" | "vs"
            | "Inc" | "Corp" | "Co" | "Ltd" | "Bros" | "Ph" | "a.m" | "p.m" | "Ala" | "Ariz"
            | "Ark" | "Calif" | "Colo" | "Conn" | "Del" | "Fla" | "Ga" | "Ill" | "Ind" | "Kan"
            | "Ky" | "La" | "Md" | "Mass" | "Mich" | "Minn" | "Miss" | "Mo" | "Mont" | "Neb"
            | "Nev" | "Okla" | "Ore" | "Pa" | "Tenn" | "Tex" | "Va" | "Vt" | "Wash" | "Wis"
            | "Wyo"
    )
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '@' || c == '#' || c == '$' || c == '%'
}

/// [`is_word_char`] for an ASCII byte.
fn is_word_byte(b: u8) -> bool {
    WORD_BYTES[usize::from(b)]
}

/// [`is_word_byte`] of every byte, looked up rather than tested: it runs over most bytes of
/// a paragraph.
const WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] =
            (b as u8).is_ascii_alphanumeric() || matches!(b as u8, b'@' | b'#' | b'$' | b'%');
        b += 1;
    }
    table
};

/// True when `c` may join two parts of one word ("Trump’s", "son-in-law", "U.S", "AT&T").
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '&' | ',' | '/')
}

/// The character at byte `i` of `s` (none at the end), read without decoding when it is
/// ASCII, as most are.
fn char_at(s: &str, i: usize) -> Option<char> {
    match *s.as_bytes().get(i)? {
        b if b.is_ascii() => Some(char::from(b)),
        _ => s.get(i..)?.chars().next(),
    }
}

/// Tokenizes `para` of `text`; `quotes` are the quoted stretches inside it, in order.
pub fn tokenize(text: &str, para: Span, quotes: &[Span]) -> Vec<Token> {
    // About one token in five bytes: sized once, not grown.
    let mut out = Vec::with_capacity(para.len() / 5 + 2 * quotes.len() + 1);
    let mut pos = para.start();
    for (qi, q) in quotes.iter().enumerate() {
        words(text, pos, q.start(), &mut out);
        out.push(Token {
            span: *q,
            kind: Kind::Quote(qi),
            word: Entry::default(),
        });
        pos = q.end();
    }
    words(text, pos, para.end(), &mut out);
    out
}

/// Appends the word and punctuation tokens of `text[from..to]`.
fn words(text: &str, from: usize, to: usize, out: &mut Vec<Token>) {
    let Some(s) = text.get(from..to) else {
        return;
    };
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(c) = char_at(s, i) {
        let len = c.len_utf8();
        if c.is_whitespace() {
            i += len;
            continue;
        }
        if !is_word_char(c) {
            out.push(Token {
                span: Span::new(from + i, from + i + len),
                kind: Kind::Punct(c),
                word: Entry::default(),
            });
            i += len;
            continue;
        }
        let mut end = i + len;
        loop {
            // Most of a word is ASCII letters and digits.
            while bytes.get(end).is_some_and(|&b| is_word_byte(b)) {
                end += 1;
            }
            let Some(d) = char_at(s, end) else {
                break;
            };
            let after = end + d.len_utf8();
            if is_word_char(d) {
                end = after;
                continue;
            }
            // A joiner stays inside the word only between two word characters; a comma only
            // between digits ("1,000").
            let next = char_at(s, after);
            let joins = is_joiner(d)
                && next.is_some_and(is_word_char)
                && (d != ','
                    || (bytes[end - 1].is_ascii_digit()
                        && next.is_some_and(|x| x.is_ascii_digit())));
            if !joins {
                break;
            }
            end = after;
        }
        // A full stop after an initial, a dotted acronym or a short form belongs to the word.
        if bytes.get(end) == Some(&b'.') {
            let word = &s[i..end];
            let initial = word.chars().count() == 1 && word.starts_with(char::is_uppercase);
            // "(R-Ky.)": a party and state after a name.
            let last_part = word.rsplit('-').next().unwrap_or(word);
            if initial || word.contains('.') || is_abbreviation(last_part) {
                end += 1;
            }
        }
        // Every form of the lexicon that can start a word starts with a letter: a number
        // ("1,000", "$5", "2019") is looked up in none of its lists.
        let listed = bytes[i].is_ascii_alphabetic();
        out.push(Token {
            span: Span::new(from + i, from + end),
            kind: Kind::Word,
            word: if listed {
                lexicon::entry(&s[i..end])
            } else {
                Entry::default()
            },
        });
        i = end;
    }
}

/// Helpers over one token list and the article text.
#[derive(Clone, Copy)]
pub struct Tokens<'a> {
    /// The article text.
    pub text: &'a str,
    /// The tokens of one paragraph.
    pub toks: &'a [Token],
    /// True for a headline, where every word may be capitalised ("Trump Says ‘…’").
    pub headline: bool,
}

impl<'a> Tokens<'a> {
    /// The text of token `i` ("" out of range).
    pub fn str(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.span.text(self.text))
    }

    /// True when token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    /// True when token `i` is the punctuation `c`.
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Punct(c))
    }

    /// True when token `i` is a word of lexicon class `class` (bits of
    /// [`lexicon::class`]).
    pub fn has(&self, i: usize, class: u16) -> bool {
        self.toks.get(i).is_some_and(|t| t.word.class & class != 0)
    }

    /// The pronoun token `i` is, if it is one.
    pub fn pronoun(&self, i: usize) -> Option<PronounKind> {
        self.toks.get(i)?.word.pronoun()
    }

    /// True when token `i` is a quotation.
    pub fn is_quote(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| matches!(t.kind, Kind::Quote(_)))
    }

    /// True when token `i` is a word starting with a capital letter.
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.is_word(i) && self.str(i).starts_with(char::is_uppercase)
    }

    /// True when token `i` is a word that does not start with a capital letter.
    pub fn is_lowercase_word(&self, i: usize) -> bool {
        self.is_word(i) && !self.is_capitalised(i)
    }

    /// True when token `i` ends a sentence: `.`, `!`, `?` or `;`.
    pub fn ends_sentence(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| matches!(t.kind, Kind::Punct('.' | '!' | '?' | ';' | '…')))
    }

    /// The span from the start of token `a` to the end of token `b` (inclusive).
    pub fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].span.start(), self.toks[b].span.end())
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// True when there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strs(text: &str, quotes: &[Span]) -> Vec<String> {
        tokenize(text, Span::new(0, text.len()), quotes)
            .iter()
            .map(|t| match t.kind {
                Kind::Quote(i) => format!("Q{i}"),
                _ => t.span.text(text).to_string(),
            })
            .collect()
    }

    #[test]
    fn words_punctuation_and_quotes() {
        let text = "“We will win,” Mr. Rubio, the U.S. envoy, said: “Yes.”";
        let q1 = Span::new(0, text.find(" Mr").unwrap());
        let q2 = Span::new(text.rfind('“').unwrap(), text.len());
        assert_eq!(
            strs(text, &[q1, q2]),
            vec![
                "Q0", "Mr.", "Rubio", ",", "the", "U.S.", "envoy", ",", "said", ":", "Q1"
            ]
        );
    }

    #[test]
    fn joiners_stay_inside_words() {
        let text = "Trump’s son-in-law paid $1,000 to AT&T, then left.";
        assert_eq!(
            strs(text, &[]),
            vec![
                "Trump’s",
                "son-in-law",
                "paid",
                "$1,000",
                "to",
                "AT&T",
                ",",
                "then",
                "left",
                "."
            ]
        );
    }

    #[test]
    fn sentence_ends_and_initials() {
        let text = "Donald J. Trump spoke. Then Dr. Smith left!";
        let toks = tokenize(text, Span::new(0, text.len()), &[]);
        let t = Tokens {
            text,
            toks: &toks,
            headline: false,
        };
        let ends: Vec<usize> = (0..t.len()).filter(|&i| t.ends_sentence(i)).collect();
        assert_eq!(
            ends.iter().map(|&i| t.str(i)).collect::<Vec<_>>(),
            [".", "!"]
        );
        assert_eq!(t.str(1), "J.");
    }
}
