//! Metadata read from the text of an article: headline, bylines, datelines, sources and
//! author notes, with the paragraphs they occupy marked as boilerplate.

use std::sync::OnceLock;

use crate::article::{DateEvidence, DateSource, Field, Meta};
use crate::ingest::boilerplate;
use crate::ingest::dateline::{self, date_at_start};
use crate::layout::Boilerplate;
use crate::span::Span;

/// How many paragraphs at the top of an article are searched for headline, byline and dates.
const HEADER_PARAGRAPHS: usize = 10;
/// How many paragraphs at the end are searched for author notes and credits.
const TAIL_PARAGRAPHS: usize = 6;

/// Reads metadata from the text into `meta` (keeping what the format already gave) and returns
/// one boilerplate mark per paragraph.
pub fn read(text: &str, paragraphs: &[Span], meta: &mut Meta) -> Vec<Option<Boilerplate>> {
    let mut marks: Vec<Option<Boilerplate>> = paragraphs
        .iter()
        .map(|p| boilerplate::classify(p.text(text)))
        .collect();
    let header_end = paragraphs.len().min(HEADER_PARAGRAPHS);
    let tail_start = paragraphs
        .len()
        .saturating_sub(TAIL_PARAGRAPHS)
        .max(header_end.min(1));

    for (i, &para) in paragraphs.iter().enumerate().take(header_end) {
        if marks[i].is_some() {
            continue;
        }
        if read_byline(text, para, meta) || read_dateline(text, para, meta) {
            marks[i] = Some(Boilerplate::Metadata);
        }
    }
    read_title(text, paragraphs, header_end, &mut marks, meta);
    for (i, &para) in paragraphs.iter().enumerate() {
        if i >= header_end && i < tail_start {
            continue;
        }
        let p = para.text(text);
        if marks[i] == Some(Boilerplate::Copyright) {
            if let Some(name) = copyright_holder(p) {
                set_source(meta, text, para, name);
            }
        } else if marks[i] == Some(Boilerplate::Credits) {
            read_credits(text, para, meta);
        } else if marks[i].is_none() && i >= tail_start && read_author_note(text, para, meta) {
            marks[i] = Some(Boilerplate::AuthorBio);
        }
        if let Some(name) = outlet_line(p) {
            set_source(meta, text, para, name);
        }
    }
    if let Some((i, _)) = marks.iter().enumerate().find(|(_, m)| m.is_none())
        && let Some(name) = agency_dateline(paragraphs[i].text(text))
    {
        set_source(meta, text, paragraphs[i], name);
    }
    marks
}

fn set_source(meta: &mut Meta, text: &str, para: Span, name: &str) {
    if meta.source.is_none() {
        meta.source = Some(Field::found(name.to_string(), sub_span(text, para, name)));
    }
}

/// The span of `part` (a slice of `para`'s text) inside the article text.
fn sub_span(text: &str, para: Span, part: &str) -> Span {
    let p = para.text(text);
    let offset = part.as_ptr() as usize - p.as_ptr() as usize;
    Span::new(para.start() + offset, para.start() + offset + part.len())
}

/// The first headline-like paragraph before any content, and copies of it right after.
fn read_title(
    text: &str,
    paragraphs: &[Span],
    header_end: usize,
    marks: &mut [Option<Boilerplate>],
    meta: &mut Meta,
) {
    let Some(i) = (0..header_end).find(|&i| marks[i].is_none()) else {
        return;
    };
    let para = paragraphs[i];
    let p = para.text(text);
    let followed_by_blank = text[para.end()..]
        .split_once('\n')
        .is_some_and(|(_, rest)| rest.trim_start_matches([' ', '\t', '\r']).starts_with('\n'));
    if !is_headline(p, followed_by_blank) {
        return;
    }
    if meta.title.is_none() {
        meta.title = Some(Field::found(p.to_string(), para));
    }
    for j in i + 1..header_end {
        if marks[j].is_none() && paragraphs[j].text(text) == p {
            marks[j] = Some(Boilerplate::RepeatedTitle);
        }
    }
}

/// A headline: short, one line, starts with a capital or a quotation mark, and either has no
/// final full stop or stands alone before a blank line.
fn is_headline(p: &str, followed_by_blank: bool) -> bool {
    let words = p.split_whitespace().count();
    let first = p.chars().next().unwrap_or(' ');
    let opens = first.is_uppercase() || first.is_ascii_digit() || "\"“‘'".contains(first);
    let ends_sentence = p.ends_with(['.', '!', '?', ':']);
    opens
        && p.len() <= 250
        && (2..=30).contains(&words)
        && (!ends_sentence
            || (followed_by_blank
                && !p.ends_with(':')
                && is_title_case(p)
                && sentence_count(p) == 1))
}

/// Most longer words capitalised, as in "Only 24 Percent of Donors Are Small Donors".
fn is_title_case(p: &str) -> bool {
    let long: Vec<&str> = p
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let capitalised = long
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
        .count();
    !long.is_empty() && capitalised * 10 >= long.len() * 7
}

fn sentence_count(p: &str) -> usize {
    crate::segment::sentences(p, Span::new(0, p.len())).len()
}

/// "By NAME [and NAME] [in CITY] [DATE]", "By NAME, OUTLET". Records authors and date.
fn read_byline(text: &str, para: Span, meta: &mut Meta) -> bool {
    let p = para.text(text);
    if p.len() > 200 {
        return false;
    }
    let Some(rest) = ["By ", "BY ", "by "]
        .iter()
        .find_map(|pre| p.strip_prefix(pre))
    else {
        return false;
    };
    let mut names = Vec::new();
    let mut pos = p.len() - rest.len();
    while let Some(len) = person_name_len(&p[pos..]) {
        names.push(&p[pos..pos + len]);
        pos += len;
        let after = &p[pos..];
        let sep = [", and ", " and ", " & ", ", "]
            .iter()
            .find(|s| after.starts_with(**s) && person_name_len(&after[s.len()..]).is_some());
        match sep {
            Some(s) => pos += s.len(),
            None => break,
        }
    }
    if names.is_empty() {
        return false;
    }
    if meta.authors.is_empty() {
        meta.authors = names
            .iter()
            .map(|n| Field::found(n.to_string(), sub_span(text, para, n)))
            .collect();
    }
    let tail = &p[pos..];
    if let Some(name) = tail
        .trim_start_matches([',', ' ', '|', '-', '–', '—'])
        .split([',', '|'])
        .next()
        .map(str::trim)
        .filter(|s| is_outlet(s))
    {
        set_source(meta, text, para, name);
    }
    if let Some((offset, found)) = find_date(tail) {
        let start = para.start() + pos + offset;
        meta.add_date(DateEvidence {
            date: found.date,
            source: DateSource::Byline,
            span: Some(Span::new(start, start + found.len)),
        });
    }
    true
}

/// The first full date anywhere in `s` (checked at each word start), with its offset.
fn find_date(s: &str) -> Option<(usize, dateline::Found)> {
    let mut at_word_start = true;
    for (i, c) in s.char_indices() {
        if at_word_start
            && c.is_alphanumeric()
            && let Some(found) = date_at_start(&s[i..])
        {
            return Some((i, found));
        }
        at_word_start = !c.is_alphanumeric();
    }
    None
}

/// "Published On 19 Dec 2025", "Updated: Dec. 23, 2025 10:00 ET", or a line holding only a date
/// ("Wednesday, December 24, 2025").
fn read_dateline(text: &str, para: Span, meta: &mut Meta) -> bool {
    let p = para.text(text);
    if p.len() > 80 {
        return false;
    }
    let lower = p.to_ascii_lowercase();
    let labels = [
        ("first published on", DateSource::Dateline),
        ("first published", DateSource::Dateline),
        ("published on", DateSource::Dateline),
        ("published", DateSource::Dateline),
        ("posted on", DateSource::Dateline),
        ("posted", DateSource::Dateline),
        ("last updated on", DateSource::PageHeader),
        ("last updated", DateSource::PageHeader),
        ("updated on", DateSource::PageHeader),
        ("updated", DateSource::PageHeader),
    ];
    let (skip, source) = labels
        .iter()
        .find(|(l, _)| lower.starts_with(l))
        .map(|(l, s)| (l.len(), *s))
        .unwrap_or((0, DateSource::PageHeader));
    let rest = &p[skip..];
    let lead = rest.len() - rest.trim_start_matches([' ', ':', '\u{a0}']).len();
    let Some(found) = date_at_start(&rest[lead..]) else {
        return false;
    };
    // Whatever follows the date must be a time or a zone, not a sentence.
    let after = &rest[lead + found.len..];
    if after.chars().filter(|c| c.is_alphabetic()).count() > 8 {
        return false;
    }
    let start = para.start() + skip + lead;
    meta.add_date(DateEvidence {
        date: found.date,
        source,
        span: Some(Span::new(start, start + found.len)),
    });
    true
}

/// The holder named in a copyright line: "© 2025 Newsmax. All rights reserved." → "Newsmax".
fn copyright_holder(p: &str) -> Option<&str> {
    let mut rest = p.trim();
    for pre in ["Copyright", "copyright", "©", "(c)", "(C)"] {
        rest = rest.strip_prefix(pre).unwrap_or(rest).trim_start();
    }
    rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || "-–, ".contains(c));
    let end = rest
        .find(['.', ',', ';', '|'])
        .unwrap_or(rest.len())
        .min(rest.find(" All rights").unwrap_or(rest.len()));
    let name = rest[..end].trim();
    (!name.is_empty() && name.len() <= 60 && name.chars().next()?.is_alphanumeric()).then_some(name)
}

/// A short line that is a known outlet, or ends with one after "/", "|" or a dash
/// (a photo credit or a source line).
fn outlet_line(p: &str) -> Option<&str> {
    if p.len() > 400 {
        return None;
    }
    let last = p.rsplit(['/', '|', '—', '–']).next()?.trim();
    (is_outlet(last) && (last.len() < p.len() || p.len() <= 60)).then_some(last)
}

/// "DETROIT (Reuters) - ..." → "Reuters".
fn agency_dateline(p: &str) -> Option<&str> {
    let open = p.find('(')?;
    if open == 0 || open > 60 {
        return None;
    }
    let place = &p[..open];
    if !place
        .chars()
        .all(|c| c.is_uppercase() || " ,.'-/".contains(c))
    {
        return None;
    }
    let close = open + p[open..].find(')')?;
    let name = &p[open + 1..close];
    let after = p[close + 1..].trim_start();
    (after.starts_with(['-', '–', '—']) && is_outlet(name)).then_some(name)
}

/// An author line at the end ("Jim Thomas ✉", "Jane Doe is a reporter based in ...") or
/// "NAME is a writer ..." after a known author name.
fn read_author_note(text: &str, para: Span, meta: &mut Meta) -> bool {
    let p = para.text(text);
    let Some(len) = person_name_len(p) else {
        return false;
    };
    let name = &p[..len];
    let rest = p[len..].trim();
    let contact = rest.is_empty() && p.len() < 40
        || ["✉", "📧", "Email", "email", "E-mail", "@", "Twitter", "X:"]
            .iter()
            .any(|m| rest.starts_with(m));
    let known = meta.authors.iter().any(|a| a.value == name);
    let bio = (rest.starts_with("is a ") || rest.starts_with("is an "))
        && BIO_NOUNS
            .iter()
            .any(|n| rest[..rest.floor_char_boundary(120)].contains(n));
    if !(contact && (p.len() < 80) || bio || known && rest.starts_with("is ")) {
        return false;
    }
    if !known {
        meta.authors
            .push(Field::found(name.to_string(), sub_span(text, para, name)));
    }
    true
}

const BIO_NOUNS: &[&str] = &[
    "writer",
    "journalist",
    "reporter",
    "correspondent",
    "editor",
    "columnist",
    "contributor",
    "author",
    "analyst",
    "freelance",
    "producer",
    "blogger",
];

/// "(Reporting by Jane Doe and John Roe; Editing by ...)": the reporters and writers are authors.
fn read_credits(text: &str, para: Span, meta: &mut Meta) {
    let p = para.text(text);
    for part in p.split([';', '(', ')']) {
        let part = part.trim();
        let Some(names) = ["Reporting by ", "Writing by ", "Additional reporting by "]
            .iter()
            .find_map(|pre| part.strip_prefix(pre))
        else {
            continue;
        };
        for name in names.split([',']).flat_map(|n| n.split(" and ")) {
            let name = name.trim().trim_start_matches("and ").trim();
            if person_name_len(name) == Some(name.len())
                && !meta.authors.iter().any(|a| a.value == name)
            {
                meta.authors
                    .push(Field::found(name.to_string(), sub_span(text, para, name)));
            }
        }
    }
}

/// Length of a personal name at the start of `s`: two to five capitalised words, initials and
/// name particles ("Ben Aris", "Donald J. Trump", "Ursula von der Leyen").
pub fn person_name_len(s: &str) -> Option<usize> {
    const PARTICLES: &[&str] = &[
        "de", "van", "von", "der", "den", "da", "di", "del", "della", "la", "le", "al", "bin",
        "ibn", "dos", "du",
    ];
    let mut end = 0;
    let mut capitalised = 0;
    let mut words = 0;
    let mut pos = 0;
    while words < 5 {
        let rest = &s[pos..];
        let wlen = rest
            .find(|c: char| !(c.is_alphabetic() || c == '.' || c == '-' || c == '\'' || c == '’'))
            .unwrap_or(rest.len());
        if wlen == 0 {
            break;
        }
        let word = rest[..wlen].trim_end_matches(['\'', '’']);
        let first = word.chars().next()?;
        let is_initial = word.len() == 2 && first.is_uppercase() && word.ends_with('.');
        let is_cap = first.is_uppercase()
            && word.chars().skip(1).any(|c| c.is_lowercase())
            && !word.ends_with('.');
        if is_cap || is_initial {
            capitalised += usize::from(is_cap);
            end = pos + word.len();
        } else if !(PARTICLES.contains(&word) && words > 0) {
            break;
        }
        words += 1;
        pos += wlen;
        if !s[pos..].starts_with(' ') {
            break;
        }
        pos += 1;
    }
    (capitalised >= 2).then_some(end)
}

fn outlets() -> &'static Vec<String> {
    static OUTLETS: OnceLock<Vec<String>> = OnceLock::new();
    OUTLETS.get_or_init(|| {
        include_str!("../../assets/gazetteer/outlets.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_lowercase)
            .collect()
    })
}

/// True when `name` is a known news outlet (case-insensitive).
pub fn is_outlet(name: &str) -> bool {
    let n = name.trim().to_lowercase();
    !n.is_empty() && outlets().contains(&n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn read_text(text: &str) -> (Meta, Vec<Option<Boilerplate>>) {
        let paras = crate::segment::paragraphs(text);
        let mut meta = Meta::default();
        let marks = read(text, &paras, &mut meta);
        (meta, marks)
    }

    #[test]
    fn byline_with_city_and_date_beats_page_header() {
        let text = "Wednesday, December 24, 2025\n\nRift widens over peace efforts\n\n\
                    Rift widens over peace efforts\nBy Ben Aris in Berlin December 23, 2025\n\n\
                    The rift has widened, officials said.";
        let (meta, marks) = read_text(text);
        assert_eq!(meta.date(), NaiveDate::from_ymd_opt(2025, 12, 23));
        assert_eq!(meta.dates.len(), 2);
        assert_eq!(meta.dates[1].source, DateSource::PageHeader);
        assert_eq!(meta.authors[0].value, "Ben Aris");
        assert_eq!(meta.title.unwrap().value, "Rift widens over peace efforts");
        assert_eq!(
            marks,
            vec![
                Some(Boilerplate::Metadata),
                None,
                Some(Boilerplate::RepeatedTitle),
                Some(Boilerplate::Metadata),
                None
            ]
        );
    }

    #[test]
    fn several_authors_and_an_outlet() {
        let text = "By Jane Doe and John Q. Roe, Reuters\n\nThe market fell.";
        let (meta, _) = read_text(text);
        let names: Vec<&str> = meta.authors.iter().map(|a| a.value.as_str()).collect();
        assert_eq!(names, vec!["Jane Doe", "John Q. Roe"]);
        assert_eq!(meta.source.unwrap().value, "Reuters");
    }

    #[test]
    fn author_note_and_copyright_at_the_end() {
        let text = "Talks resumed on Friday, officials said.\nJane Doe ✉\n\
                    Jane Doe is a writer based in Ohio. She has covered politics for years.\n\
                    © 2025 Newsmax. All rights reserved.";
        let (meta, marks) = read_text(text);
        assert_eq!(meta.authors[0].value, "Jane Doe");
        assert_eq!(meta.source.as_ref().unwrap().value, "Newsmax");
        let source_span = meta.source.as_ref().unwrap().span.unwrap();
        assert_eq!(source_span.text(text), "Newsmax");
        assert_eq!(
            marks,
            vec![
                None,
                Some(Boilerplate::AuthorBio),
                Some(Boilerplate::AuthorBio),
                Some(Boilerplate::Copyright)
            ]
        );
        assert_eq!(meta.date(), None);
    }

    #[test]
    fn agency_dateline_and_credits() {
        let text = "DETROIT (Reuters) - Ford said on Monday it would cut jobs.\n\n\
                    (Reporting by Jane Doe; Editing by John Roe)";
        let (meta, marks) = read_text(text);
        assert_eq!(meta.source.unwrap().value, "Reuters");
        assert_eq!(meta.authors[0].value, "Jane Doe");
        assert_eq!(marks[1], Some(Boilerplate::Credits));
    }

    #[test]
    fn a_long_first_sentence_is_not_a_headline() {
        let text = "A rift has emerged between the two governments over the resolution, The Wall Street Journal reported.\nMore text.";
        let (meta, _) = read_text(text);
        assert!(meta.title.is_none());
    }

    #[test]
    fn names() {
        assert_eq!(person_name_len("Ben Aris in Berlin"), Some(8));
        assert_eq!(person_name_len("Donald J. Trump said"), Some(15));
        assert_eq!(person_name_len("Ursula von der Leyen"), Some(20));
        assert_eq!(person_name_len("Reuters staff"), None);
        assert_eq!(person_name_len("U.S. Army"), None);
    }
}
