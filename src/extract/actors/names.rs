//! Name detection: runs of capitalised words that may name someone or something, with name
//! particles ("van", "al") and connectors inside organisation and place names ("Bank of
//! England"), capitalised sentence openers that are ordinary words dropped, and all-caps or
//! title-case headlines read word by word.

use compact_str::CompactString;

use crate::extract::actors::fasthash::{FxHashMap, FxHashSet};

use crate::extract::actors::gazetteer::{Entry, Gazetteer, lower_into};
use crate::extract::actors::tokens::{Shape, Token};
use crate::extract::actors::wordlist::WordList;
use crate::extract::time::vocab::{is_weekday, month_number};

/// A sentence's tokens and how its capitalisation is to be read.
#[derive(Debug, Clone, Copy)]
pub struct Sentence {
    /// First token (index into the document's tokens).
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// Capitalisation carries no information: an all-caps or title-case headline.
    pub headline: bool,
    /// A data row: two or more numbers and at most one lower-case word ("Bradford 2
    /// Oldham 1", "Essex 372 and 119-5").
    pub table: bool,
}

impl Sentence {
    /// Reads a line of tokens (`tokens`, the document's tokens from `first` on) in one pass:
    /// a headline when it is all in capitals (at least two words of three or more letters in
    /// capitals, outnumbering the words in lower or mixed case: "PRESS DIGEST - Iraq - Aug
    /// 22.") or in title case (see [`is_title_case_word`]); a data row as in
    /// [`Sentence::table`].
    pub fn read(text: &str, tokens: &[Token], first: usize) -> Sentence {
        let (mut caps, mut other, mut numbers, mut lower, mut title_words) = (0, 0, 0, 0, 0);
        for t in tokens {
            match t.shape {
                Shape::Caps if t.text(text).chars().filter(|c| c.is_alphabetic()).count() >= 3 => {
                    caps += 1
                }
                Shape::Cap => {
                    other += 1;
                    if !t.cap_expected && is_title_case_word(text, t) {
                        title_words += 1;
                    }
                }
                Shape::Lower => {
                    other += 1;
                    lower += 1;
                }
                Shape::Number => numbers += 1,
                Shape::Caps | Shape::Punct => {}
            }
        }
        // Title case: two or more short function words capitalised ("Rubio And Witkoff Clash
        // Over Ukraine"), none in lower case.
        let title_case = title_words >= 2
            && !tokens
                .iter()
                .any(|t| !t.cap_expected && t.shape == Shape::Lower && is_title_case_word(text, t));
        Sentence {
            first,
            end: first + tokens.len(),
            headline: (caps >= 2 && caps > other) || title_case,
            table: numbers >= 2 && lower <= 1,
        }
    }
}

/// A candidate name: a run of tokens in one sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chunk {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// Index of the sentence.
    pub sentence: usize,
}

/// Lower-case forms of the ordinary English words written capitalised where capitals carry
/// meaning (not at a sentence start, not in a headline) more often than in lower case: the
/// document's own evidence that such a word is a name here ("Bush", "Brown"). Words that are
/// not English words need no such evidence.
pub fn capitalised_words(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    entries: &[&Entry],
) -> FxHashSet<CompactString> {
    let mut counts: FxHashMap<CompactString, (u32, u32)> = FxHashMap::default();
    let mut buf = String::new();
    for s in sentences.iter().filter(|s| !s.headline) {
        for (t, e) in tokens[s.first..s.end].iter().zip(&entries[s.first..s.end]) {
            if t.shape == Shape::Cap && !t.cap_expected && e.word {
                lower_into(t.text(text), &mut buf);
                match counts.get_mut(buf.as_str()) {
                    Some(c) => c.0 += 1,
                    None => {
                        counts.insert(buf.as_str().into(), (1, 0));
                    }
                }
            }
        }
    }
    if counts.is_empty() {
        return FxHashSet::default();
    }
    // Cheap filters before hashing: the lengths and first letters of the words counted, and
    // their last letters with their lengths (an ASCII word's key is the word in lower case).
    let (mut lengths, mut firsts) = (0u64, 0u64);
    let mut endings = [0u64; 4];
    let ending = |len: usize, last: u8| (usize::from(last & 31) << 3) | (len & 7);
    for k in counts.keys() {
        let b = k.as_bytes();
        lengths |= 1 << k.len().min(63);
        firsts |= 1 << (b[0] & 63);
        let e = ending(b.len(), b[b.len() - 1]);
        endings[e >> 6] |= 1 << (e & 63);
    }
    for t in tokens.iter().filter(|t| t.shape == Shape::Lower) {
        // The filters read the token's bytes; only a word that passes them is read as text.
        let len = (t.end - t.start) as usize;
        if lengths & (1 << len.min(63)) == 0 {
            continue;
        }
        let b = &text.as_bytes()[t.start as usize..t.end as usize];
        if firsts & (1 << (b[0] & 63)) == 0 {
            continue;
        }
        let e = ending(b.len(), b[b.len() - 1].to_ascii_lowercase());
        if endings[e >> 6] & (1 << (e & 63)) == 0 && b.is_ascii() {
            continue;
        }
        let w = t.text(text);
        let key = if w.bytes().all(|b| b.is_ascii_lowercase()) {
            w
        } else {
            lower_into(w, &mut buf);
            buf.as_str()
        };
        if let Some(c) = counts.get_mut(key) {
            c.1 += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, (upper, lower))| upper > lower)
        .map(|(w, _)| w)
        .collect()
}

/// Lower-case words that join capitalised words into one name when a capitalised word follows.
const PARTICLES: &[&str] = &[
    "de", "da", "das", "do", "dos", "van", "von", "der", "den", "del", "della", "di", "du", "la",
    "le", "bin", "ibn", "al", "el", "y", "ter", "ten", "zu", "st",
];

/// Words that join names only inside organisation and place names.
const CONNECTORS: &[&str] = &["of", "for", "and", "&"];

/// Roman numerals that follow a monarch's or pope's name ("Elizabeth II", "Henry VIII").
const REGNAL: &[&str] = &[
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
    "XVI",
];

/// Finds candidate names in every sentence.
pub struct Finder<'a> {
    /// The text.
    pub text: &'a str,
    /// All tokens of the document.
    pub tokens: &'a [Token],
    /// The gazetteer.
    pub gaz: &'a Gazetteer,
    /// Words seen capitalised in running text.
    pub known: &'a FxHashSet<CompactString>,
    /// The gazetteer entry of every capitalised token (default for the others).
    pub entries: &'a [&'a Entry],
}

impl Finder<'_> {
    /// Candidate chunks of sentence `si`, appended to `out`.
    pub fn chunks(&self, si: usize, s: &Sentence, out: &mut Vec<Chunk>, buf: &mut String) {
        let mut i = s.first;
        while i < s.end {
            if !self.starts_name(i, s, buf) {
                i += 1;
                continue;
            }
            let end = if s.headline {
                self.headline_run(i, s.end, buf)
            } else {
                self.run(i, s.end, buf)
            };
            out.push(Chunk {
                first: i,
                end,
                sentence: si,
            });
            i = end.max(i + 1);
        }
    }

    fn word(&self, i: usize) -> &str {
        self.tokens[i].text(self.text)
    }

    /// True when token `i` can be (part of) a name.
    fn is_name_word(&self, i: usize, headline: bool, buf: &mut String) -> bool {
        let t = self.tokens[i];
        if !t.is_upper() {
            return false;
        }
        let w = t.text(self.text);
        if w == "I" || w == "No." || is_contraction(w) {
            return false;
        }
        let e = self.entries[i];
        // "Jan Siemerink", "Theresa May": a month is a name only next to other names.
        if is_calendar(w) && !self.calendar_name(i) {
            return false;
        }
        // "Editing by", "Reporting by", "Photo by": a credit, not a name.
        if e.word
            && self
                .tokens
                .get(i + 1)
                .is_some_and(|n| n.text(self.text) == "by")
        {
            return false;
        }
        if !(headline || t.cap_expected) {
            return true;
        }
        // Capitals carry no information here: keep the word only if it is not an ordinary
        // English word, or is known as a name.
        // A given name or title that is also a word ("In", "Will", "President") needs a
        // capitalised word after it.
        let next_upper = self.next_name_word(i).is_some();
        // Places that are also words ("Reading", "Split", "Nice") need more than the table.
        let named = e.country.is_some()
            || e.org.is_some()
            || e.demonym.is_some()
            || e.misc
            || ((e.place.is_some() || e.metonym.is_some()) && !e.word);
        let known = named
            || ((e.first_name.is_some() || e.title.is_some()) && next_upper)
            || (e.title.is_some() && self.opens_long_title(i, buf))
            || {
                lower_into(w, buf);
                self.known.contains(buf.as_str())
            };
        known || !e.word
    }

    /// True when a title of several words starts at token `i` ("Secretary of State"), a
    /// capitalised word.
    fn opens_long_title(&self, i: usize, buf: &mut String) -> bool {
        if !self.entries[i].starts_title {
            return false;
        }
        let end = self.tokens.len().min(i + self.gaz.max_words);
        (i + 2..end).any(|j| {
            let phrase = &self.text[self.tokens[i].start as usize..self.tokens[j].end as usize];
            self.gaz
                .lookup(phrase, buf)
                .is_some_and(|e| e.title.is_some())
        })
    }

    /// True when the month or weekday at token `i` is part of a name: a capitalised word
    /// before it or after it, and no number after it.
    fn calendar_name(&self, i: usize) -> bool {
        let next = self.tokens.get(i + 1);
        if next.is_some_and(|n| n.shape == Shape::Number) {
            return false;
        }
        let adjacent = |a: Token, b: Token| self.text[a.end as usize..b.start as usize] == *" ";
        let before = i > 0
            && self.tokens[i - 1].shape == Shape::Cap
            && adjacent(self.tokens[i - 1], self.tokens[i]);
        let after = next.is_some_and(|&n| n.shape == Shape::Cap && adjacent(self.tokens[i], n));
        // Both tokens are capitalised: their entries are already looked up.
        let before_is_name = before && {
            let e = self.entries[i - 1];
            e.first_name.is_some() || !e.word
        };
        let given = self.entries[i].first_name.is_some();
        before_is_name || (after && given)
    }

    /// The next capitalised word after token `i` in the same name: directly after a space, or
    /// after name particles ("Max van Heeswijk", "Joost van der Westhuizen").
    fn next_name_word(&self, i: usize) -> Option<usize> {
        let mut j = i + 1;
        while j < self.tokens.len() {
            let gap = &self.text[self.tokens[j - 1].end as usize..self.tokens[j].start as usize];
            if gap != " " {
                return None;
            }
            let t = self.tokens[j];
            if t.is_upper() || (t.shape == Shape::Lower && is_prefixed_name(t.text(self.text))) {
                return Some(j);
            }
            if t.shape != Shape::Lower || !PARTICLES.contains(&t.text(self.text)) {
                return None;
            }
            j += 1;
        }
        None
    }

    fn starts_name(&self, i: usize, s: &Sentence, buf: &mut String) -> bool {
        let t = self.tokens[i];
        if !t.is_upper() {
            // A prefixed name opens in lower case, so it is a lower-case token.
            return t.shape == Shape::Lower && !s.headline && is_prefixed_name(self.word(i));
        }
        if self.gazetteer_phrase(i, s.end, buf).is_some() {
            return true;
        }
        if !self.is_name_word(i, s.headline, buf) {
            return false;
        }
        // A single capital letter ("Group C", "A") is a name only as an initial before one.
        let w = self.word(i);
        if w.chars().count() == 1
            && !(i + 1 < s.end && self.tokens[i + 1].is_upper() && !s.headline)
        {
            return false;
        }
        // A lone capitalised "The" opens a name only when the gazetteer says so.
        if matches!(w, "The" | "THE") {
            return self.gazetteer_phrase(i, s.end, buf).is_some();
        }
        true
    }

    /// The end of the longest gazetteer name starting at token `i` that spans two or more
    /// tokens separated by single spaces.
    pub fn gazetteer_phrase(&self, i: usize, end: usize, buf: &mut String) -> Option<usize> {
        // Only a word that opens some name of several words needs the phrase look-ups.
        if !self.entries[i].starts_phrase {
            return None;
        }
        let max = self.gaz.max_words.min(end - i);
        let mut best = None;
        let mut words = 1;
        let mut j = i + 1;
        while words < max && j < end {
            let gap = &self.text[self.tokens[j - 1].end as usize..self.tokens[j].start as usize];
            if gap != " " && !(gap.is_empty() && self.tokens[j].shape == Shape::Punct) {
                break;
            }
            words += 1;
            j += 1;
            // The words and the gaps between them, as written.
            let phrase = &self.text[self.tokens[i].start as usize..self.tokens[j - 1].end as usize];
            if self.tokens[j - 1].is_upper()
                && let Some(e) = self.gaz.lookup(phrase, buf)
                && e.is_named_thing()
            {
                best = Some(j);
            }
        }
        best
    }

    /// The end of a name run in running text.
    fn run(&self, i: usize, end: usize, buf: &mut String) -> usize {
        let mut j = self.gazetteer_phrase(i, end, buf).unwrap_or(i + 1);
        while j < end {
            let t = self.tokens[j];
            if self.tokens[j - 1].possessive {
                break;
            }
            let gap = &self.text[self.tokens[j - 1].end as usize..t.start as usize];
            if gap.is_empty() && self.joins_hyphenated(j, end, buf) {
                j += 2;
                continue;
            }
            if gap != " " {
                break;
            }
            if t.is_upper() && self.is_name_word(j, false, buf) {
                j += 1;
                continue;
            }
            if REGNAL.contains(&t.text(self.text)) && self.tokens[j - 1].shape == Shape::Cap {
                j += 1;
                continue;
            }
            if t.shape == Shape::Lower && is_prefixed_name(t.text(self.text)) {
                j += 1;
                continue;
            }
            if t.shape == Shape::Lower || t.text(self.text) == "&" {
                let w = t.text(self.text);
                let connector = CONNECTORS.contains(&w)
                    && (w == "&" || self.joins_across(j - 1))
                    && j + 1 < end
                    && self.tokens[j + 1].is_upper()
                    && self.is_name_word(j + 1, false, buf);
                let particle = PARTICLES.contains(&w);
                let next = if connector {
                    Some(j + 1)
                } else if particle {
                    self.next_name_word(j - 1)
                } else {
                    None
                };
                if let Some(n) = next.filter(|&n| n < end) {
                    j = n + 1;
                    continue;
                }
            }
            break;
        }
        j
    }

    /// True when token `j` is a hyphen between two capitalised words that form one name
    /// ("Witkoff-Dmitriev" stays one run; "Russia-Ukraine" splits, each side being known).
    fn joins_hyphenated(&self, j: usize, end: usize, buf: &mut String) -> bool {
        if j + 1 >= end || self.word(j) != "-" || !self.tokens[j + 1].is_upper() {
            return false;
        }
        if self.tokens[j].end != self.tokens[j + 1].start {
            return false;
        }
        let known = |i: usize, buf: &mut String| {
            let e = match self.tokens[i].is_upper() {
                true => *self.entries[i],
                false => self
                    .gaz
                    .lookup(self.word(i), buf)
                    .copied()
                    .unwrap_or_default(),
            };
            e.is_named_thing() || e.metonym.is_some()
        };
        !known(j - 1, buf) && !known(j + 1, buf)
    }

    /// True when the word before a connector heads an organisation, place or title that
    /// continues after it ("Bank of", "Gulf of", "Secretary of").
    fn joins_across(&self, i: usize) -> bool {
        // "Co.", "Inc." end a name.
        if self.word(i).ends_with('.') {
            return false;
        }
        let e = self.entries[i];
        e.org_word || e.place_word || e.title.is_some()
    }

    /// The end of a name run in a headline: consecutive name words only.
    fn headline_run(&self, i: usize, end: usize, buf: &mut String) -> usize {
        let mut j = self.gazetteer_phrase(i, end, buf).unwrap_or(i + 1);
        while j < end
            && !self.tokens[j - 1].possessive
            && self.text[self.tokens[j - 1].end as usize..self.tokens[j].start as usize] == *" "
            && self.is_name_word(j, true, buf)
        {
            j += 1;
        }
        j
    }
}

/// A month or weekday name or abbreviation ("May", "Sept.", "Wed").
fn is_calendar(w: &str) -> bool {
    const STEMS: &[&[u8; 3]] = &[
        b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov",
        b"dec", b"mon", b"tue", b"wed", b"thu", b"fri", b"sat", b"sun",
    ];
    let b = w.as_bytes();
    if !(3..=10).contains(&b.len()) {
        return false;
    }
    // Only words opening like a month or a weekday are read in full.
    let stem = [
        b[0].to_ascii_lowercase(),
        b[1].to_ascii_lowercase(),
        b[2].to_ascii_lowercase(),
    ];
    STEMS.contains(&&stem) && (month_number(w).is_some() || is_weekday(w))
}

/// "al-Assad", "el-Sisi", "bin-Salman": a lower-case Arabic article or particle joined to a
/// capitalised name.
#[inline(always)]
fn is_prefixed_name(w: &str) -> bool {
    if w.len() < 4 || !w.as_bytes()[2..4].contains(&b'-') {
        return false;
    }
    [
        "al-", "el-", "bin-", "ibn-", "abu-", "ad-", "as-", "ash-", "az-",
    ]
    .iter()
    .any(|p| w.starts_with(p) && w[p.len()..].starts_with(char::is_uppercase))
}

/// "I'm", "We've", "Don't": a word with a contracted ending.
fn is_contraction(w: &str) -> bool {
    let Some(at) = w.rfind(['\'', '’']) else {
        return false;
    };
    let tail = &w[at..];
    let tail = &tail[tail.chars().next().map_or(1, char::len_utf8)..];
    matches!(
        tail,
        "m" | "ve" | "re" | "ll" | "d" | "t" | "M" | "VE" | "RE" | "LL" | "D" | "T"
    )
}

/// Short words that title-case headlines capitalise and running text does not.
const TITLE_CASE_WORDS: WordList = WordList::new(&[
    "the", "of", "and", "in", "on", "at", "to", "for", "with", "over", "from", "by", "as", "after",
    "before", "into", "is", "are", "was", "a", "an", "its", "his", "her", "their", "not", "but",
    "or", "says", "say", "amid", "against", "between", "about", "up", "out", "off", "will", "be",
    "has", "have", "new",
]);

/// True when token `t` is one of the [`TITLE_CASE_WORDS`] in any case.
fn is_title_case_word(text: &str, t: &Token) -> bool {
    TITLE_CASE_WORDS.contains_ignore_case(t.text(text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::actors::tokens::tokenize;

    fn read(s: &str) -> Sentence {
        let mut t = Vec::new();
        tokenize(s, 0, s.len(), &mut t);
        Sentence::read(s, &t, 3)
    }

    #[test]
    fn headlines_in_capitals_or_title_case() {
        let caps = read("CRICKET - LEICESTERSHIRE TAKE OVER AT TOP");
        assert!(caps.headline && !caps.table);
        assert_eq!((caps.first, caps.end), (3, 10));
        assert!(read("Rubio And Witkoff Clash Over Ukraine").headline);
        assert!(!read("The U.S. and NATO met in Brussels.").headline);
        // A function word in lower case: running text, not title case.
        assert!(!read("Rubio And Witkoff clash over Ukraine").headline);
    }

    #[test]
    fn data_rows() {
        assert!(read("Bradford 2 Oldham 1").table);
        assert!(read("Essex 372 and 119-5").table);
        assert!(!read("Essex made 372 and 119 in the match").table);
    }
}
