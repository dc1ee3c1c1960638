//! Paragraph and sentence segmentation: pure functions from text to spans.

use crate::layout::{Boilerplate, Layout, Paragraph};
use crate::span::Span;

/// Builds the layout of `text` from its paragraphs (see [`paragraphs`]) and one boilerplate
/// mark per paragraph, splitting each paragraph into sentences.
pub fn layout(text: &str, paragraphs: &[Span], marks: &[Option<Boilerplate>]) -> Layout {
    let mut layout = Layout {
        paragraphs: Vec::with_capacity(paragraphs.len()),
        sentences: Vec::new(),
    };
    for (i, &span) in paragraphs.iter().enumerate() {
        let first = layout.sentences.len() as u32;
        layout.sentences.extend(sentences(text, span));
        layout.paragraphs.push(Paragraph {
            span,
            boilerplate: marks.get(i).copied().flatten(),
            first_sentence: first,
            sentence_count: layout.sentences.len() as u32 - first,
        });
    }
    layout.sentences.shrink_to_fit();
    layout
}

/// Splits `text` into paragraphs.
///
/// Blank lines always separate paragraphs. Inside a block of consecutive lines, each line is
/// its own paragraph (news text often has one paragraph per line), unless the block looks
/// hard-wrapped (several lines of similar, moderate length), in which case it is one paragraph.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut block: Vec<Span> = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    while start <= text.len() {
        let end = memchr_newline(bytes, start).unwrap_or(text.len());
        let line = Span::new(start, end).trim(text);
        if line.is_empty() {
            flush_block(&mut block, &mut out);
        } else {
            block.push(line);
        }
        start = end + 1;
    }
    flush_block(&mut block, &mut out);
    out
}

fn memchr_newline(bytes: &[u8], from: usize) -> Option<usize> {
    let i = next_byte_in(bytes, from, [b'\n']);
    (i < bytes.len()).then_some(i)
}

/// A one in each byte of a machine word, for testing eight bytes at once.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of each byte of a machine word.
pub(crate) const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The first byte at or after `i` that is one of `set` (`bytes.len()`, or `i` past it, if
/// none). Eight bytes are tested at once: the bytes looked for are rare in text.
#[inline]
pub(crate) fn next_byte_in<const N: usize>(bytes: &[u8], mut i: usize, set: [u8; N]) -> usize {
    // The high bit of each byte of `x` equal to `b`, exact up to the first such byte (a
    // borrow can only mark bytes after a true match).
    let equal = |x: u64, b: u8| {
        let y = x ^ (ONES * u64::from(b));
        y.wrapping_sub(ONES) & !y & HIGHS
    };
    while let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let x = u64::from_le_bytes(*chunk);
        let found = set.iter().fold(0, |found, &b| found | equal(x, b));
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && !set.contains(&bytes[i]) {
        i += 1;
    }
    i
}

fn flush_block(block: &mut Vec<Span>, out: &mut Vec<Span>) {
    if block.is_empty() {
        return;
    }
    if is_hard_wrapped(block) {
        out.push(Span::new(block[0].start(), block[block.len() - 1].end()));
    } else {
        out.append(block);
    }
    block.clear();
}

/// A block is hard-wrapped when it has at least three lines and all but the last are of a
/// moderate width (40 to 100 bytes) within a narrow band of each other.
fn is_hard_wrapped(lines: &[Span]) -> bool {
    if lines.len() < 3 {
        return false;
    }
    let body = &lines[..lines.len() - 1];
    let max = body.iter().map(|l| l.len()).max().unwrap_or(0);
    let min = body.iter().map(|l| l.len()).min().unwrap_or(0);
    (40..=100).contains(&max) && min * 10 >= max * 6
}

/// Words after which a period never ends a sentence (titles, months, and other short forms).
const NEVER_FINAL: &[u128] = &packed([
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Capt",
    "Maj", "Adm", "Cmdr", "Cpl", "Pvt", "Rev", "Hon", "Pres", "Supt", "Amb", "Sec", "Atty", "St",
    "Ste", "Mt", "Ft", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
    "Nov", "Dec", "No", "Nos", "Nr", "vs", "v", "cf", "approx", "Fig", "fig", "Vol", "vol", "pp",
    "p", "e.g", "i.e", "Ave", "Blvd", "Rd", "Gens", "Sens", "Reps", "Msgr", "Fr", "Sr", "Jr",
]);

/// Short forms that usually do not end a sentence but may (company suffixes, "etc").
const RARELY_FINAL: &[u128] = &packed([
    "Inc", "Co", "Corp", "Ltd", "Bros", "Plc", "LLC", "etc", "al", "Jr", "Sr", "a.m", "p.m",
]);

/// Words that typically open a sentence; after an abbreviation, one of these signals a new
/// sentence.
const SENTENCE_OPENERS: &[u128] = &packed([
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "In",
    "On",
    "At",
    "For",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "If",
    "When",
    "As",
    "After",
    "Before",
    "While",
    "Meanwhile",
    "However",
    "Some",
    "Many",
    "Most",
    "Officials",
    "Now",
    "Yet",
    "So",
    "Still",
    "Also",
    "Both",
    "Neither",
    "No",
    "One",
    "Earlier",
    "Later",
    "Last",
    "Next",
    "According",
    "What",
    "Why",
    "How",
    "Who",
    "Since",
]);

/// A word of at most 15 bytes as one number, its bytes and its length, so that a list of
/// short words is searched by comparing numbers.
const fn pack(word: &str) -> u128 {
    let bytes = word.as_bytes();
    let mut key = (bytes.len() as u128) << 120;
    let mut i = 0;
    while i < bytes.len() && i < 15 {
        key |= (bytes[i] as u128) << (8 * i);
        i += 1;
    }
    key
}

/// The [`pack`]ed forms of `words`.
const fn packed<const N: usize>(words: [&str; N]) -> [u128; N] {
    let mut out = [0; N];
    let mut i = 0;
    while i < N {
        out[i] = pack(words[i]);
        i += 1;
    }
    out
}

/// True when `word` is one of the packed `list` (whose words are all shorter than 16 bytes).
fn is_in(list: &[u128], word: &str) -> bool {
    word.len() < 16 && list.contains(&pack(word))
}

/// Splits the paragraph `para` of `text` into sentences (trimmed spans, in order, covering
/// all non-space text of the paragraph).
pub fn sentences(text: &str, para: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let p = para.text(text);
    let bytes = p.as_bytes();
    let mut sent_start = 0;
    let mut i = 0;
    loop {
        i = next_byte_in(bytes, i, [b'.', b'!', b'?', 0xE2]);
        if i >= bytes.len() {
            break;
        }
        let Some(term_len) = terminal_len(p, i) else {
            i += 1;
            continue;
        };
        // Extend over a run of terminals ("?!", "...") and closing quotes/brackets.
        let mut j = i + term_len;
        while j < bytes.len() {
            if let Some(l) = terminal_len(p, j).or_else(|| closer_len(p, j)) {
                j += l;
            } else {
                break;
            }
        }
        if j < bytes.len() && !p[j..].starts_with(char::is_whitespace) {
            i = j.max(i + 1);
            continue;
        }
        let next = skip_space(p, j);
        if next < bytes.len() && is_boundary(p, sent_start, i, j, next) {
            push_trimmed(&mut out, text, para.start() + sent_start, para.start() + j);
            sent_start = next;
        }
        i = next.max(j);
    }
    push_trimmed(&mut out, text, para.start() + sent_start, para.end());
    out
}

fn push_trimmed(out: &mut Vec<Span>, text: &str, start: usize, end: usize) {
    let span = Span::new(start, end).trim(text);
    if !span.is_empty() {
        out.push(span);
    }
}

/// The offset of the first non-whitespace character at or after `j` (Unicode whitespace,
/// so a no-break space after a full stop separates sentences too).
fn skip_space(p: &str, j: usize) -> usize {
    p[j..]
        .find(|c: char| !c.is_whitespace())
        .map_or(p.len(), |k| j + k)
}

/// Length of a sentence terminal at `i` (`.`, `!`, `?`, `…`), if there is one.
fn terminal_len(p: &str, i: usize) -> Option<usize> {
    match p.as_bytes()[i] {
        b'.' | b'!' | b'?' => Some(1),
        0xE2 if p[i..].starts_with('…') => Some('…'.len_utf8()),
        _ => None,
    }
}

/// Length of a closing quotation mark or bracket at `i`, if there is one.
fn closer_len(p: &str, i: usize) -> Option<usize> {
    match p.as_bytes()[i] {
        b'"' | b'\'' | b')' | b']' => Some(1),
        _ => ['”', '’', '»', '›']
            .iter()
            .find(|c| p[i..].starts_with(**c))
            .map(|c| c.len_utf8()),
    }
}

/// Decides whether the terminal at `term` (run ending at `after`, next word at `next`) ends
/// the sentence that began at `sent_start`.
fn is_boundary(p: &str, sent_start: usize, term: usize, after: usize, next: usize) -> bool {
    let rest = &p[next..];
    let first = rest.chars().next().unwrap_or(' ');
    let opens = first.is_uppercase()
        || first.is_ascii_digit()
        || matches!(first, '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '—' | '-');
    if !opens {
        return false;
    }
    if p.as_bytes()[term] != b'.' || after > term + 1 && p.as_bytes()[term + 1] == b'.' {
        return true;
    }
    // A period: look at the word it ends.
    let word_start = p[..term]
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘' | '['))
        .map(|k| k + p[k..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0)
        .max(sent_start);
    let word = &p[word_start..term];
    let opener = || {
        let next_word = rest.split(|c: char| !c.is_alphanumeric()).next();
        is_in(SENTENCE_OPENERS, next_word.unwrap_or(""))
    };
    if word.is_empty() {
        return true;
    }
    if is_in(NEVER_FINAL, word) {
        return false;
    }
    if is_in(RARELY_FINAL, word) {
        return opener();
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    // An initial ("J.") or a dotted acronym ("U.S.", "D.C.").
    if letters == 1 && word.chars().all(|c| c.is_uppercase()) {
        return false;
    }
    if word.contains('.') && word.split('.').all(|w| w.chars().count() <= 2) {
        return opener();
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, Span::new(0, text.len()))
            .into_iter()
            .map(|s| s.text(text))
            .collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            split("Mr. Smith met Gen. Jones and Sen. Brown on Jan. 5 in St. Louis. They talked."),
            vec![
                "Mr. Smith met Gen. Jones and Sen. Brown on Jan. 5 in St. Louis.",
                "They talked."
            ]
        );
        assert_eq!(
            split("President Donald J. Trump spoke. Dr. Oz listened."),
            vec!["President Donald J. Trump spoke.", "Dr. Oz listened."]
        );
    }

    #[test]
    fn dotted_acronyms_split_only_before_an_opener() {
        assert_eq!(
            split("The U.S. Army left the U.N. Security Council meeting."),
            vec!["The U.S. Army left the U.N. Security Council meeting."]
        );
        assert_eq!(
            split("Troops returned to the U.S. The move was expected."),
            vec!["Troops returned to the U.S.", "The move was expected."]
        );
    }

    #[test]
    fn short_word_lists_match_whole_words_only() {
        assert!(is_in(NEVER_FINAL, "Mr"));
        assert!(is_in(NEVER_FINAL, "e.g"));
        assert!(!is_in(NEVER_FINAL, "M"));
        assert!(!is_in(NEVER_FINAL, "Mr\0"));
        assert!(!is_in(NEVER_FINAL, "mr"));
        assert!(is_in(SENTENCE_OPENERS, "Meanwhile"));
        assert!(!is_in(SENTENCE_OPENERS, "Meanwhile, however"));
        assert!(!is_in(SENTENCE_OPENERS, ""));
        assert_eq!(
            split("It rose 5% vs. 4% a year ago. Shares of Acme Inc. The rest fell."),
            vec![
                "It rose 5% vs. 4% a year ago.",
                "Shares of Acme Inc.",
                "The rest fell."
            ]
        );
    }

    #[test]
    fn next_byte_in_finds_the_first_byte_of_the_set() {
        let text = b"no stop here, then one. And more!";
        assert_eq!(next_byte_in(text, 0, [b'.', b'!']), 22);
        assert_eq!(next_byte_in(text, 23, [b'.', b'!']), 32);
        assert_eq!(next_byte_in(text, 33, [b'.', b'!']), 33);
        assert_eq!(next_byte_in(b"short", 0, [b'.']), 5);
        assert_eq!(next_byte_in(b"", 0, [b'.']), 0);
        for i in 0..text.len() {
            let expected = (i..text.len())
                .find(|&k| text[k] == b'e' || text[k] == b',')
                .unwrap_or(text.len());
            assert_eq!(next_byte_in(text, i, [b'e', b',']), expected);
        }
    }

    #[test]
    fn decimals_and_ellipses() {
        assert_eq!(
            split("Growth was 3.5 percent. Prices rose... and fell. Then … Nothing."),
            vec![
                "Growth was 3.5 percent.",
                "Prices rose... and fell.",
                "Then …",
                "Nothing."
            ]
        );
    }

    #[test]
    fn sentence_ends_inside_quotation_marks() {
        assert_eq!(
            split("“We will win.” Then he left. “Are you sure?” she asked. \"Yes!\" He nodded."),
            vec![
                "“We will win.”",
                "Then he left.",
                "“Are you sure?” she asked.",
                "\"Yes!\"",
                "He nodded."
            ]
        );
    }

    #[test]
    fn a_quotation_of_several_sentences_splits_at_its_sentence_ends() {
        let text = "“We’re not going to drag this out. We need to decide quickly,” he said.";
        assert_eq!(
            split(text),
            vec![
                "“We’re not going to drag this out.",
                "We need to decide quickly,” he said."
            ]
        );
    }

    #[test]
    fn paragraphs_are_lines_or_blank_separated_blocks() {
        let text = "Title line\n\nFirst paragraph here.\nSecond paragraph.\n\n\nThird.";
        let paras: Vec<&str> = paragraphs(text).iter().map(|s| s.text(text)).collect();
        assert_eq!(
            paras,
            vec![
                "Title line",
                "First paragraph here.",
                "Second paragraph.",
                "Third."
            ]
        );
    }

    #[test]
    fn hard_wrapped_blocks_are_one_paragraph() {
        let text = "The committee met on Tuesday to discuss the budget for the\n\
                    coming year, and members agreed that spending on roads would\n\
                    rise by a tenth while other items stay flat.\n\nNext.";
        let paras: Vec<Span> = paragraphs(text);
        assert_eq!(paras.len(), 2);
        assert!(paras[0].text(text).ends_with("stay flat."));
    }

    #[test]
    fn a_no_break_space_separates_sentences() {
        assert_eq!(
            split("Talks made progress.\u{a0}NBC reported it."),
            vec!["Talks made progress.", "NBC reported it."]
        );
    }

    #[test]
    fn crlf_and_empty_text() {
        assert!(paragraphs("").is_empty());
        assert!(paragraphs("\n \n").is_empty());
        let text = "One.\r\nTwo.\r\n";
        let paras: Vec<&str> = paragraphs(text).iter().map(|s| s.text(text)).collect();
        assert_eq!(paras, vec!["One.", "Two."]);
    }
}
