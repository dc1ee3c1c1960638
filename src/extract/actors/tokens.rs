//! Words of a sentence with their shape, for name detection.

/// The shape of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Capitalised word with lower-case letters ("Rubio", "McCague", "Saint-Germain").
    Cap,
    /// Letters all in capitals, or a dotted acronym ("NATO", "U.S.", "LONDON").
    Caps,
    /// A word starting in lower case ("said", "al-").
    Lower,
    /// Starts with a digit ("1996-08-30", "28-point").
    Number,
    /// Anything else, one character ("," "(" "“").
    Punct,
}

/// One token: a byte range into the text and its shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
    /// Its shape.
    pub shape: Shape,
    /// A possessive "'s" or "’s" follows directly (and is not part of the token).
    pub possessive: bool,
    /// Capitalisation here says nothing (sentence start, after an opening quote or a colon).
    pub cap_expected: bool,
}

impl Token {
    /// The token's text.
    pub fn text(self, text: &str) -> &str {
        text.get(self.start as usize..self.end as usize)
            .unwrap_or("")
    }

    /// True for a capitalised word or a word in capitals.
    pub fn is_upper(self) -> bool {
        matches!(self.shape, Shape::Cap | Shape::Caps)
    }
}

/// Abbreviations that keep their final full stop.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Maj",
    "Capt", "Sgt", "Adm", "Prof", "Rev", "Mme", "Inc", "Corp", "Co", "Ltd", "Bros", "Mt", "Ft",
    "No", "Gens", "Reps", "Sens", "Messrs", "Cpl", "Pvt", "Supt", "Insp", "Det",
];

/// True for one of the [`ABBREVIATIONS`] (each two to six ASCII letters, capitalised).
fn is_abbreviation(word: &str) -> bool {
    (2..=6).contains(&word.len())
        && word.as_bytes()[0].is_ascii_uppercase()
        && ABBREVIATIONS.contains(&word)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Splits `text[start..end]` (a sentence) into tokens. Apostrophes and hyphens inside words,
/// dotted acronyms ("U.S.", "J."), abbreviations ("Mr.") and "&" between capitals ("AT&T")
/// stay in the word; a possessive "'s" is split off and marked on the word before it.
pub fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut i = start;
    let mut expect_cap = true;
    while i < end {
        let b = bytes[i];
        if b == b' ' || b == b'\n' {
            i += 1;
            continue;
        }
        // An ASCII letter or digit opens a word; anything else is read as a character.
        if !ASCII_ALPHANUMERIC[usize::from(b)] {
            let c = if b.is_ascii() {
                char::from(b)
            } else {
                match text[i..end].chars().next() {
                    Some(c) => c,
                    None => break,
                }
            };
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            if !is_word_char(c) {
                let len = c.len_utf8();
                // A possessive after a word: mark it and skip it.
                if matches!(c, '\'' | '’') && possessive_at(text, i + len, end) {
                    // "Trump's", and "Trump 's" as in tokenised corpora.
                    let detached = text[..i].ends_with(' ');
                    if let Some(last) = out.last_mut()
                        && (last.end as usize == i
                            || (detached && text[last.end as usize..i].trim().is_empty()))
                    {
                        last.possessive = true;
                    }
                    i += len + 1;
                    continue;
                }
                out.push(Token {
                    start: i as u32,
                    end: (i + len) as u32,
                    shape: Shape::Punct,
                    possessive: false,
                    cap_expected: false,
                });
                expect_cap = matches!(c, '"' | '“' | '‘' | ':' | '(' | '[' | '—' | '–' | '•')
                    || (c == '-' && out.len() >= 2 && is_headline_dash(text, i))
                    || (expect_cap && !matches!(c, ',' | ';'));
                i += len;
                continue;
            }
        }
        let word_end = word_end(text, i, end);
        let (shape, word_end) = shape_of(text, i, word_end);
        out.push(Token {
            start: i as u32,
            end: word_end as u32,
            shape,
            possessive: false,
            cap_expected: expect_cap,
        });
        expect_cap = false;
        i = word_end;
        debug_assert!(i <= bytes.len());
    }
}

/// A dash surrounded by spaces, as in "CRICKET - LEICESTERSHIRE TAKE OVER".
fn is_headline_dash(text: &str, i: usize) -> bool {
    text[..i].ends_with(' ') && text[i + 1..].starts_with(' ')
}

/// True when "s" follows at `i` and then a non-letter: the end of "Trump's".
fn possessive_at(text: &str, i: usize, end: usize) -> bool {
    let rest = &text[i.min(end)..end];
    let mut chars = rest.chars();
    matches!(chars.next(), Some('s' | 'S')) && chars.next().is_none_or(|c| !c.is_alphanumeric())
}

/// Which bytes are ASCII letters and digits (one load instead of three range tests).
const ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// End of the word starting at `i`: letters and digits, with inner apostrophes, hyphens,
/// dots and ampersands kept when a letter or digit follows them.
fn word_end(text: &str, i: usize, end: usize) -> usize {
    // Fast path: a run of ASCII letters and digits ending in a space or a plain stop.
    let bytes = text.as_bytes();
    let ascii = bytes[i..end]
        .iter()
        .position(|&b| !ASCII_ALPHANUMERIC[usize::from(b)])
        .map_or(end, |n| i + n);
    if ascii == end || matches!(bytes[ascii], b' ' | b',' | b'\n') {
        return ascii;
    }
    // The ASCII letters and digits before `ascii` are word characters: read on from there.
    let mut j = ascii;
    let mut chars = text[ascii..end]
        .char_indices()
        .map(|(k, c)| (ascii - i + k, c))
        .peekable();
    while let Some((k, c)) = chars.next() {
        if is_word_char(c) {
            j = i + k + c.len_utf8();
            continue;
        }
        let next = chars.peek().map(|&(_, n)| n);
        let joins = match c {
            // "Russia-Ukraine" splits (names.rs joins such words back when neither side is
            // a known name); "al-Assad", "Saint-Germain", "28-point" stay whole.
            '-' | '\u{2011}' => {
                next.is_some_and(is_word_char)
                    && !(next.is_some_and(char::is_uppercase)
                        && splits_before_capital(&text[i..i + k]))
                    && !(next.is_some_and(char::is_lowercase)
                        && splits_before_lower(&text[i..i + k]))
            }
            '&' => next.is_some_and(is_word_char),
            '\'' | '’' => {
                next.is_some_and(char::is_alphabetic)
                    && !possessive_at(text, i + k + c.len_utf8(), end)
            }
            '.' => next.is_some_and(char::is_alphabetic) && is_dotted(&text[i..i + k]),
            _ => false,
        };
        if !joins {
            break;
        }
    }
    j
}

/// True when a hyphen after `part` and before a capital separates two names: `part` is a
/// capitalised word of three or more letters that is not a name prefix such as "Saint".
fn splits_before_capital(part: &str) -> bool {
    let part = part.rsplit('-').next().unwrap_or(part);
    part.chars().count() >= 3
        && part.chars().next().is_some_and(char::is_uppercase)
        && !matches!(
            part,
            "Saint" | "Sainte" | "Abu" | "Abd" | "Ben" | "Bin" | "Ibn"
        )
}

/// True when a hyphen after `part` and before a lower-case word ends a name: "Kyiv-based",
/// "Hong Kong-listed", "Russian-backed". Name prefixes ("al-", "Abu-") and short capitalised
/// words ("X-ray") stay joined.
fn splits_before_lower(part: &str) -> bool {
    part.chars().count() >= 3
        && part.chars().next().is_some_and(char::is_uppercase)
        && !part.contains('-')
        && part.chars().skip(1).any(char::is_lowercase)
}

/// "U", "U.S", "J": a letter, or letters separated by dots, each one character.
fn is_dotted(s: &str) -> bool {
    s.split('.').all(|p| p.chars().count() == 1)
}

/// The shape of `text[i..j]`, with the end moved past a full stop that belongs to the word
/// (an initial "J.", an acronym "U.S.", an abbreviation "Mr.").
fn shape_of(text: &str, i: usize, j: usize) -> (Shape, usize) {
    let word = &text[i..j];
    let stop = text.as_bytes().get(j) == Some(&b'.');
    // Fast path: a lower-case ASCII word not followed by a full stop.
    if word.as_bytes()[0].is_ascii_lowercase() && !stop {
        return (Shape::Lower, j);
    }
    let first = word.chars().next().unwrap_or(' ');
    let mut j = j;
    if stop {
        let mut chars = word.chars();
        let single = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic());
        let dotted = word.contains('.') && is_dotted(word);
        if (single && first.is_uppercase()) || dotted || is_abbreviation(word) {
            j += 1;
        }
    }
    let word = &text[i..j];
    let shape = if first.is_ascii_digit() || first.is_numeric() {
        Shape::Number
    } else if first.is_uppercase() {
        // Most capitalised words have a lower-case second letter: no need to count letters.
        let caps = word.chars().all(|c| !c.is_lowercase());
        if caps && (word.chars().filter(|c| c.is_alphabetic()).count() >= 2 || word.contains('.')) {
            Shape::Caps
        } else {
            Shape::Cap
        }
    } else if first.is_alphabetic() {
        Shape::Lower
    } else {
        Shape::Punct
    };
    (shape, j)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<(&str, Shape, bool, bool)> {
        let mut out = Vec::new();
        tokenize(s, 0, s.len(), &mut out);
        out.iter()
            .map(|t| (t.text(s), t.shape, t.possessive, t.cap_expected))
            .collect()
    }

    #[test]
    fn acronyms_possessives_and_abbreviations() {
        let s = "Mr. Trump's U.S. envoy, J. Smith of AT&T, met Zelenskiy’s aide.";
        let w: Vec<&str> = words(s).iter().map(|w| w.0).collect();
        assert_eq!(
            w,
            [
                "Mr.",
                "Trump",
                "U.S.",
                "envoy",
                ",",
                "J.",
                "Smith",
                "of",
                "AT&T",
                ",",
                "met",
                "Zelenskiy",
                "aide",
                "."
            ]
        );
        let t = words(s);
        assert!(t[1].2, "Trump is possessive");
        assert!(t[11].2, "Zelenskiy is possessive");
        assert_eq!(t[2].1, Shape::Caps);
        assert_eq!(t[1].1, Shape::Cap);
        assert!(t[0].3 && !t[1].3);
    }

    #[test]
    fn hyphens_and_apostrophes_inside_words() {
        let w: Vec<&str> = words("O'Gorman's son-in-law, Saint-Germain; 1996-08-30")
            .iter()
            .map(|w| w.0)
            .collect();
        assert_eq!(
            w,
            [
                "O'Gorman",
                "son-in-law",
                ",",
                "Saint-Germain",
                ";",
                "1996-08-30"
            ]
        );
        let w: Vec<&str> = words("Russia-Ukraine al-Assad Kyiv-based")
            .iter()
            .map(|w| w.0)
            .collect();
        assert_eq!(
            w,
            ["Russia", "-", "Ukraine", "al-Assad", "Kyiv", "-", "based"]
        );
    }

    #[test]
    fn capitals_expected_after_quotes_and_headline_dashes() {
        let t = words("CRICKET - LEICESTERSHIRE TAKE \"We");
        assert!(t[0].3);
        assert!(t[2].3, "after a headline dash");
        assert!(!t[3].3);
        assert!(t[5].3, "after an opening quote");
    }
}
