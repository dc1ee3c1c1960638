//! Reading a calendar date written out in full, as found in datelines, bylines and date fields.

use chrono::{DateTime, NaiveDate};

use crate::extract::time::vocab::{is_weekday, month_number};

/// A date found at the start of a string, and how many bytes it took.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// The date.
    pub date: NaiveDate,
    /// Bytes consumed from the start of the input.
    pub len: usize,
}

/// Reads a full calendar date (day, month and year) at the very start of `s`.
///
/// Accepts "2025-12-23" (with an optional time after it), "December 23, 2025",
/// "Dec. 23 2025", "23 December 2025", "19 Dec 2025", "23rd of December, 2025",
/// with an optional leading weekday ("Wednesday, December 24, 2025", "Fri, 19 Dec 2025").
pub fn date_at_start(s: &str) -> Option<Found> {
    iso_date(s).or_else(|| {
        let (skip, rest) = skip_weekday(s);
        let found = named_month_date(rest)?;
        Some(Found {
            date: found.date,
            len: skip + found.len,
        })
    })
}

/// Parses a date given as a field value: ISO date or datetime, RFC 2822 ("Fri, 19 Dec 2025
/// 10:00:00 GMT"), a written date, "12/19/2025", or a Unix timestamp in seconds or milliseconds.
pub fn parse_field(value: &str) -> Option<NaiveDate> {
    let v = value.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(v) {
        return Some(dt.date_naive());
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(v) {
        return Some(dt.date_naive());
    }
    if let Some(found) = date_at_start(v) {
        return Some(found.date);
    }
    if let Some(date) = slashed_date(v) {
        return Some(date);
    }
    if !v.is_empty() && v.len() <= 13 && v.bytes().all(|b| b.is_ascii_digit()) {
        return parse_timestamp(v.parse().ok()?);
    }
    None
}

/// A Unix timestamp in seconds (or milliseconds when it is too large to be seconds).
pub fn parse_timestamp(n: i64) -> Option<NaiveDate> {
    let secs = if n.abs() > 100_000_000_000 {
        n / 1000
    } else {
        n
    };
    DateTime::from_timestamp(secs, 0).map(|dt| dt.date_naive())
}

fn iso_date(s: &str) -> Option<Found> {
    let b = s.as_bytes();
    if b.len() < 10 {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let sep = b[4];
    if !(digits(0..4)
        && (sep == b'-' || sep == b'/')
        && digits(5..7)
        && b[7] == sep
        && digits(8..10))
    {
        return None;
    }
    if b.get(10).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(
        s[0..4].parse().ok()?,
        s[5..7].parse().ok()?,
        s[8..10].parse().ok()?,
    )?;
    Some(Found { date, len: 10 })
}

fn slashed_date(s: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = s.split(['/', '.']).collect();
    let [a, b, y] = parts.as_slice() else {
        return None;
    };
    let (a, b, y): (u32, u32, i32) = (a.parse().ok()?, b.parse().ok()?, y.parse().ok()?);
    if y < 1000 {
        return None;
    }
    // Month first (US) unless the first number cannot be a month.
    let (m, d) = if a > 12 { (b, a) } else { (a, b) };
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Skips a leading weekday and the comma and spaces after it.
fn skip_weekday(s: &str) -> (usize, &str) {
    let word_end = s
        .find(|c: char| !c.is_ascii_alphabetic() && c != '.')
        .unwrap_or(s.len());
    if word_end == 0 || !is_weekday(&s[..word_end]) {
        return (0, s);
    }
    let rest = &s[word_end..];
    let trimmed = rest.trim_start_matches([',', ' ']);
    if trimmed.len() == rest.len() {
        return (0, s);
    }
    let skip = s.len() - trimmed.len();
    (skip, trimmed)
}

/// A token of a written date: a word or a number, with the byte offset after it.
fn next_token(s: &str, from: usize) -> Option<(&str, usize)> {
    let rest = &s[from..];
    let lead = rest.len() - rest.trim_start_matches([' ', ',', '\u{a0}']).len();
    let start = from + lead;
    let body = &s[start..];
    let len = body
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(body.len());
    if len == 0 {
        return None;
    }
    let mut end = start + len;
    if s[end..].starts_with('.') && body[..len].bytes().all(|b| b.is_ascii_alphabetic()) {
        end += 1;
    }
    Some((&s[start..end], end))
}

fn day_number(tok: &str) -> Option<u32> {
    let digits = tok.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &tok[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(tok: &str) -> Option<i32> {
    (tok.len() == 4 && tok.bytes().all(|b| b.is_ascii_digit()))
        .then(|| tok.parse().ok())
        .flatten()
}

fn named_month_date(s: &str) -> Option<Found> {
    let (first, after_first) = next_token(s, 0)?;
    if first.as_ptr() != s.as_ptr() {
        return None;
    }
    let (month, day, after_day) = if let Some(m) = month_number(first) {
        let (tok, end) = next_token(s, after_first)?;
        (m, day_number(tok)?, end)
    } else {
        let d = day_number(first)?;
        let (mut tok, mut end) = next_token(s, after_first)?;
        if tok == "of" {
            (tok, end) = next_token(s, end)?;
        }
        (month_number(tok)?, d, end)
    };
    let (year_tok, end) = next_token(s, after_day)?;
    let year = year_number(year_tok)?;
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    Some(Found { date, len: end })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn written_dates() {
        for (s, date, len) in [
            ("19 Dec 2025", ymd(2025, 12, 19), 11),
            ("December 23, 2025 and more", ymd(2025, 12, 23), 17),
            ("Wednesday, December 24, 2025", ymd(2025, 12, 24), 28),
            ("Dec. 23 2025", ymd(2025, 12, 23), 12),
            ("23rd of December, 2025", ymd(2025, 12, 23), 22),
            ("2025-12-23T10:00:00Z", ymd(2025, 12, 23), 10),
            ("Fri, 19 Dec 2025 10:00", ymd(2025, 12, 19), 16),
        ] {
            assert_eq!(date_at_start(s), Some(Found { date, len }), "{s}");
        }
    }

    #[test]
    fn not_dates() {
        for s in [
            "December 2025",
            "2025",
            "32 December 2025",
            "May I",
            "Friday",
            "1,008 articles",
        ] {
            assert_eq!(date_at_start(s), None, "{s}");
        }
    }

    #[test]
    fn field_values() {
        assert_eq!(
            parse_field("2025-12-19T08:00:00+02:00"),
            Some(ymd(2025, 12, 19))
        );
        assert_eq!(
            parse_field("Fri, 19 Dec 2025 10:00:00 GMT"),
            Some(ymd(2025, 12, 19))
        );
        assert_eq!(parse_field("12/19/2025"), Some(ymd(2025, 12, 19)));
        assert_eq!(parse_field("19/12/2025"), Some(ymd(2025, 12, 19)));
        assert_eq!(parse_field("1766102400"), Some(ymd(2025, 12, 19)));
        assert_eq!(parse_field("1766102400000"), Some(ymd(2025, 12, 19)));
        assert_eq!(parse_field("soon"), None);
    }

    #[test]
    fn names() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("may"), Some(5));
        assert_eq!(month_number("Ma"), None);
        assert!(is_weekday("Wed"));
        assert!(!is_weekday("We"));
    }
}
