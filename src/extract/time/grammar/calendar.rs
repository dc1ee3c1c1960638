//! Calendar expressions: written dates, months, years, decades, centuries, quarters, halves,
//! seasons and fixed holidays ("December 23, 2025", "19 Dec 2025", "2025-12-23", "April 2025",
//! "in May", "2014", "the 1990s", "the third quarter of 1990", "last fall", "Christmas Eve").

use chrono::NaiveDate;

use super::{Core, longer, text_is};
use crate::extract::time::cursor::Cursor;
use crate::extract::time::expr::{Base, Expr, Mod, Part, YearSpec};
use crate::extract::time::tense;
use crate::extract::time::token::{Case, Kind, Token};
use crate::extract::time::vocab::{Lex, Season, Unit, W};

/// The longest calendar expression starting at token `i`.
pub(super) fn parse(text: &str, tokens: &[Token], i: usize) -> Option<Core> {
    let mut best = numeric(tokens, i);
    best = longer(best, month_first(text, tokens, i));
    best = longer(best, day_first(text, tokens, i));
    best = longer(best, week_of(text, tokens, i));
    best = longer(best, year_forms(text, tokens, i));
    best = longer(best, quarter_or_half(text, tokens, i));
    best = longer(best, fy_form(text, tokens, i));
    best = longer(best, season(text, tokens, i));
    best = longer(best, century(text, tokens, i));
    best = longer(best, fiscal_period(text, tokens, i));
    best = longer(best, year_end(text, tokens, i));
    longer(best, holiday(text, tokens, i))
}

/// Words after which a bare month, season or year reads as a date.
const TEMPORAL_LEAD: &[W] = &[
    W::In,
    W::On,
    W::At,
    W::By,
    W::Since,
    W::Until,
    W::From,
    W::To,
    W::Through,
    W::Between,
    W::And,
    W::Or,
    W::Of,
    W::During,
    W::Before,
    W::After,
    W::Early,
    W::Late,
    W::Mid,
    W::Last,
    W::Next,
    W::This,
    W::Each,
    W::Every,
];

/// True when the token before `i` is a word of `TEMPORAL_LEAD` or a dash ("mid-May").
fn temporal_lead(tokens: &[Token], i: usize) -> bool {
    i.checked_sub(1)
        .and_then(|j| tokens.get(j))
        .is_some_and(|t| t.is_punct(b'-') || TEMPORAL_LEAD.iter().any(|&w| t.is(w)))
}

/// A month name; abbreviations take their full stop. "May", "March" and "August" must be
/// capitalised (else they are a verb or an adjective); other names may be lower case.
fn month(c: &mut Cursor) -> Option<(u8, bool)> {
    let t = c.peek()?;
    let Lex::Month(m, abbrev) = t.lex() else {
        return None;
    };
    if t.case() == Case::Lower && (abbrev || matches!(m, 3 | 5 | 8)) {
        return None;
    }
    c.bump();
    // "Sept.", "Dec." take their full stop; "June." and "July." end a sentence, unless a day
    // follows ("July. 30", a slip for "July 30").
    let day_next = c
        .tokens
        .get(c.i + 1)
        .is_some_and(|n| matches!(n.kind, Kind::Number(1..=31, 1..=2)));
    if abbrev || (t.end - t.start == 4 && day_next) {
        c.tight_punct(b'.');
    }
    Some((m, abbrev))
}

/// A weekday before a written date ("Friday, Oct. 23", "Fri, 19 Dec 2025"), as the year it
/// implies when the date has none.
fn leading_weekday(c: &mut Cursor) -> YearSpec {
    let mut d = *c;
    if let Lex::Weekday(w, false) = d.lex()
        && d.peek().is_some_and(|t| t.case() != Case::Lower)
    {
        d.bump();
        d.tight_punct(b'.');
        d.punct(b',');
        *c = d;
        return YearSpec::OnWeekday(w);
    }
    YearSpec::Implied
}

/// A day of the month: 1-31, optionally with its ordinal suffix ("23rd").
pub(super) fn day(c: &mut Cursor, text: &str) -> Option<u8> {
    let mut d = *c;
    let n = d.number(2).filter(|n| (1..=31).contains(n))?;
    d.suffix(text, &["st", "nd", "rd", "th"]);
    *c = d;
    Some(n as u8)
}

/// A four-digit year from 1000 to 2999.
fn year(c: &mut Cursor) -> Option<i32> {
    let t = c.peek()?;
    if t.digits() != 4 {
        return None;
    }
    let y = t.number().filter(|y| (1000..=2999).contains(y))?;
    c.bump();
    Some(y as i32)
}

/// True when `(m, d)` is a day some year has.
pub(super) fn valid_day(m: u8, d: u8) -> bool {
    NaiveDate::from_ymd_opt(2024, u32::from(m), u32::from(d)).is_some()
}

/// True when the token after a day number shows it is a count, not a date ("March 12 people",
/// "May 5 percent").
pub(super) fn counts_something(text: &str, c: &Cursor) -> bool {
    c.peek().is_some_and(|t| {
        let w = &text[t.start as usize..t.end as usize];
        matches!(t.lex(), Lex::Unit(..))
            || t.is_punct(b'%')
            || ["people", "percent", "per"]
                .iter()
                .any(|x| w.eq_ignore_ascii_case(x))
    })
}

/// A year written after a date or period: ", 2025", "of 2025", "of fiscal 2025", "2025", "nineteen ninety-four"
/// (as read aloud in broadcasts), "of this year",
/// "last year", "of next year", "of the year".
fn year_after(c: &mut Cursor, text: &str) -> Option<YearSpec> {
    let mut d = *c;
    let comma = d.punct(b',');
    let of = !comma && d.word(W::Of);
    // "the third quarter of fiscal 2008"
    let mut f = d;
    if of && f.word(W::Fiscal) && f.peek().is_some_and(|t| t.digits() == 4) {
        d = f;
    }
    if let Some(y) = year(&mut d).or_else(|| spoken_year(&mut d, text)) {
        *c = d;
        return Some(YearSpec::Given(y));
    }
    if let Some(n) = two_digit(&mut d) {
        *c = d;
        return Some(YearSpec::TwoDigit(n));
    }
    if comma {
        return None;
    }
    let shift = match d.any(&[W::This, W::Last, W::Next, W::The])? {
        W::This | W::The => 0,
        W::Last => -1,
        _ => 1,
    };
    if d.unit() != Some((Unit::Year, false)) || (!of && shift == 0 && d.prev()?.is(W::The)) {
        return None;
    }
    *c = d;
    Some(YearSpec::Shift(shift))
}

/// A year before a period, as a possessive or adjective: "this year's", "next year's",
/// "2025's", "the 1988" (as in "the 1988 third quarter").
fn year_before(c: &mut Cursor, text: &str) -> Option<YearSpec> {
    let mut d = *c;
    let spec = if let Some(y) = year(&mut d) {
        YearSpec::Given(y)
    } else {
        let shift = match d.any(&[W::This, W::Last, W::Next])? {
            W::This => 0,
            W::Last => -1,
            _ => 1,
        };
        if d.unit() != Some((Unit::Year, false)) {
            return None;
        }
        YearSpec::Shift(shift)
    };
    if d.tight_punct(b'\'') {
        d.suffix(text, &["s"]);
    } else if !matches!(spec, YearSpec::Given(_)) {
        return None;
    }
    *c = d;
    Some(spec)
}

/// "2025-12-23", "2025/12/23" and US "12/19/2025".
fn numeric(tokens: &[Token], i: usize) -> Option<Core> {
    let mut c = Cursor::at(tokens, i);
    let a = c.peek()?;
    let first_digits = a.digits();
    let a = c.number(4)?;
    let sep = if c.tight_punct(b'-') {
        b'-'
    } else if c.tight_punct(b'/') {
        b'/'
    } else {
        return None;
    };
    if !c.touching() {
        return None;
    }
    let b = c.number(2)?;
    if !c.tight_punct(sep) || !c.touching() {
        return None;
    }
    let third_digits = c.peek()?.digits();
    let z = c.number(4)?;
    let (y, m, d) = match (first_digits, third_digits) {
        (4, 1 | 2) => (a as i32, b, z),
        (1 | 2, 4) if sep == b'/' => {
            if a > 12 {
                (z as i32, b, a)
            } else {
                (z as i32, a, b)
            }
        }
        _ => return None,
    };
    if c.touching()
        && c.peek()
            .is_some_and(|t| t.number().is_some() || t.is_punct(sep))
    {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)?;
    Some(Core::new(
        c.i,
        Expr::Calendar(YearSpec::Given(y), Part::Day(m as u8, d as u8)),
    ))
}

/// "December 23, 2025", "Dec. 23", "Wednesday, December 24, 2025", "December 20-21",
/// "April 24 and 25", "April 2025", "December last year", and a month alone ("in May").
fn month_first(text: &str, tokens: &[Token], i: usize) -> Option<Core> {
    let mut c = Cursor::at(tokens, i);
    let implied = leading_weekday(&mut c);
    let with_weekday = c.i > i;
    let month_at = c.i;
    let (m, abbrev) = month(&mut c)?;
    let after_month = c;
    if let Some(d) = day(&mut c, text).filter(|&d| valid_day(m, d))
        && !counts_something(text, &c)
    {
        let day_end = c.i;
        let mut second = None;
        let mut r = c;
        // "December 20-21", "May 3 to 5"; "April 24 and 25" names two days the same way.
        if r.dash() || r.word(W::To) || r.word(W::Through) || r.word(W::And) {
            let at = r.i;
            if let Some(d2) = day(&mut r, text).filter(|&d2| d2 > d && valid_day(m, d2))
                && !counts_something(text, &r)
            {
                second = Some((at, d2));
                c = r;
            }
        }
        let year = year_after(&mut c, text).unwrap_or(implied);
        let expr = Expr::Calendar(year, Part::Day(m, d));
        return Some(match second {
            Some((at, d2)) => Core {
                end: day_end,
                second: Some((at, c.i, Expr::Calendar(year, Part::Day(m, d2)))),
                ..Core::new(day_end, expr)
            },
            None => Core::new(c.i, expr),
        });
    }
    c = after_month;
    if let Some(year) = year_after(&mut c, text) {
        return Some(Core::new(c.i, Expr::Calendar(year, Part::Month(m))));
    }
    if with_weekday || abbrev {
        return None;
    }
    let attributive = tense::attributive(text, tokens, month_at, c.i, 0);
    if !month_alone(tokens, month_at, m, &c, attributive) {
        return None;
    }
    let year = attributive
        .then(|| year_of_occasion(tokens, c.i))
        .flatten()
        .unwrap_or(YearSpec::Implied);
    Some(Core::new(c.i, Expr::Calendar(year, Part::Month(m))))
}

/// How many lower-case words may stand between a month and the year its phrase ends with ("a
/// March morning in 2001").
const OCCASION_WORDS: usize = 3;

/// The year written at the end of the phrase a month names an occasion in, from token `at`
/// after the month: "a March morning in 2001", "the June meeting of 1998".
fn year_of_occasion(tokens: &[Token], at: usize) -> Option<YearSpec> {
    let mut c = Cursor::at(tokens, at);
    for words in 0..=OCCASION_WORDS {
        if words > 0 && c.any(&[W::In, W::Of]).is_some() {
            return year(&mut c)
                .filter(|_| c.peek().is_none_or(|t| t.number().is_none()))
                .map(YearSpec::Given);
        }
        if !c.take_if(|t| t.is_word() && t.case() == Case::Lower) {
            return None;
        }
    }
    None
}

/// Whether a month name standing alone at token `at` is the month: "in May", "May, June" and
/// "the March accession" (before a noun) are; "Theresa May", "April Ryan" and "you may" are
/// not. `attributive` says whether it stands before a noun ([`tense::attributive`]).
fn month_alone(tokens: &[Token], at: usize, m: u8, after: &Cursor, attributive: bool) -> bool {
    if attributive || temporal_lead(tokens, at) {
        return true;
    }
    if matches!(m, 3 | 5) {
        return false;
    }
    let before = Cursor::at(tokens, at);
    !after.capitalised_other() && !before.prev_capitalised()
}

/// "23 December 2025", "19 Dec 2025", "the 23rd of December", "20-21 December".
fn day_first(text: &str, tokens: &[Token], i: usize) -> Option<Core> {
    let mut c = Cursor::at(tokens, i);
    let implied = leading_weekday(&mut c);
    c.word(W::The);
    let d = day(&mut c, text)?;
    let day_end = c.i;
    let mut second = None;
    let mut r = c;
    if r.dash() || r.word(W::To) {
        let at = r.i;
        if let Some(d2) = day(&mut r, text).filter(|&d2| d2 > d) {
            second = Some((at, d2));
            c = r;
        }
    }
    c.word(W::Of);
    let (m, _) = month(&mut c)?;
    if !valid_day(m, d) {
        return None;
    }
    let year = year_after(&mut c, text).unwrap_or(implied);
    Some(match second {
        Some((at, d2)) if valid_day(m, d2) => Core {
            second: Some((at, c.i, Expr::Calendar(year, Part::Day(m, d2)))),
            ..Core::new(day_end, Expr::Calendar(year, Part::Day(m, d)))
        },
        _ => Core::new(c.i, Expr::Calendar(year, Part::Day(m, d))),
    })
}

/// "the week of March 6", "the week of 6 March 2000": the week holding that day.
fn week_of(text: &str, tokens: &[Token], i: usize) -> Option<Core> {
    let mut c = Cursor::at(tokens, i);
    if !(c.word(W::The) && c.unit() == Some((Unit::Week, false)) && c.word(W::Of)) {
        return None;
    }
    let date = longer(month_first(text, tokens, c.i), day_first(text, tokens, c.i))?;
    match date {
        Core {
            expr: Expr::Calendar(year, Part::Day(m, d)),
            second: None,
            end,
            ..
        } => Some(Core::new(end, Expr::Calendar(year, Part::WeekOf(m, d)))),
        _ => None,
    }
}

/// Years, decades and year ranges: "2014", "fiscal 1989", "the 1990s", "the '90s",
/// "the eighties", "2014-2022", "1990-91".
fn year_forms(text: &str, tokens: &[Token], i: usize) -> Option<Core> {
    let mut c = Cursor::at(tokens, i);
    let fiscal = c.word(W::Fiscal);
    let the = !fiscal && c.word(W::The);
    // "in '98", "since '05", "'04 and '09", "fiscal '99"
    let mut y = c;
    if (fiscal || temporal_lead(tokens, i))
        && let Some(n) = two_digit(&mut y)
    {
        return Some(Core::new(
            y.i,
            Expr::Calendar(YearSpec::TwoDigit(n), Part::Year),
        ));
    }
    if c.punct(b'\'') {
        let n = c
            .number(2)
            .filter(|_| c.prev().is_some_and(|t| t.digits() == 2))?;
        if n % 10 == 0 && c.suffix(text, &["s"]) {
            return Some(Core::new(c.i, Expr::ShortDecade((n / 10) as u8)));
        }
        return None;
    }
    if c.word(W::Eighties) {
        let t = c.prev()?;
        let word = &text[t.start as usize..t.end as usize];
        let tens = DECADE_WORDS
            .iter()
            .position(|w| word.eq_ignore_ascii_case(w))?;
        return Some(Core::new(c.i, Expr::ShortDecade(tens as u8 + 2)));
    }
    // "the year 2000", "the year two thousand"
    let mut r = c;
    if the && r.unit() == Some((Unit::Year, false)) {
        let mut y = r;
        if let Some(y2) = year(&mut y).or_else(|| spoken_year(&mut y, text)) {
            return Some(Core::new(
                y.i,
                Expr::Calendar(YearSpec::Given(y2), Part::Year),
            ));
        }
    }
    if let Some(y) = spoken_year(&mut c, text) {
        return Some(Core::new(
            c.i,
            Expr::Calendar(YearSpec::Given(y), Part::Year),
        ));
    }
    let at = c.i;
    let y = year(&mut c)?;
    if code_suffix(text, tokens, at) {
        return None;
    }
    let mut s = c;
    if y % 10 == 0 && (s.suffix(text, &["s"]) || (s.tight_punct(b'\'') && s.suffix(text, &["s"]))) {
        // "1000s of people", "2000s of them": thousands, not a decade.
        let thousands = y < 1100 || (!the && s.peek().is_some_and(|t| t.is(W::Of)));
        return (!thousands).then(|| Core::new(s.i, Expr::Decade(y / 10)));
    }
    if the {
        return None;
    }
    let expr = Expr::Calendar(YearSpec::Given(y), Part::Year);
    let mut r = c;
    if r.tight_punct(b'-') && r.touching() {
        let second_at = r.i;
        let digits = r.peek().map_or(0, Token::digits);
        if let Some(n) = r.number(4) {
            let y2 = match digits {
                4 => n as i32,
                2 => y - y % 100 + n as i32 + if (n as i32) < y % 100 { 100 } else { 0 },
                _ => 0,
            };
            if y2 > y && y2 - y < 100 {
                return Some(Core {
                    second: Some((
                        second_at,
                        r.i,
                        Expr::Calendar(YearSpec::Given(y2), Part::Year),
                    )),
                    ..Core::new(c.i, expr)
                });
            }
        }
        return None;
    }
    if !fiscal && !plausible_year(text, tokens, at, y) {
        return None;
    }
    Some(Core::new(c.i, expr))
}

/// A year written with two digits after an apostrophe ("'98"), the apostrophe standing
/// apart from the word before it and the number ending the word ("'90s" is a decade).
fn two_digit(c: &mut Cursor) -> Option<u8> {
    let mut d = *c;
    let mark = d.peek()?;
    if !mark.is_punct(b'\'') || d.prev().is_some_and(|p| p.end == mark.start) {
        return None;
    }
    d.bump();
    if !d.touching() || d.peek()?.digits() != 2 {
        return None;
    }
    let n = d.number(2)?;
    if d.peek()
        .is_some_and(|t| t.start == d.prev().map_or(0, |p| p.end) && t.is_word())
    {
        return None;
    }
    *c = d;
    Some(n as u8)
}

/// A year read aloud: "nineteen ninety-six", "two thousand", "two thousand and one".
fn spoken_year(c: &mut Cursor, text: &str) -> Option<i32> {
    let mut d = *c;
    let Lex::NumWord(century @ (18..=20)) = d.lex() else {
        if d.lex() == Lex::NumWord(2) {
            d.bump();
            if !d.bump().is_some_and(|t| text_is(text, t, "thousand")) {
                return None;
            }
            let mut units = d;
            units.word(W::And);
            let extra = match units.lex() {
                Lex::NumWord(n @ 1..=19) => {
                    units.bump();
                    d = units;
                    i32::from(n)
                }
                _ => 0,
            };
            // "three thousand years" is a length.
            if matches!(d.lex(), Lex::Unit(..)) {
                return None;
            }
            *c = d;
            return Some(2000 + extra);
        }
        return None;
    };
    d.bump();
    let Lex::NumWord(tens @ 10..=90) = d.lex() else {
        return None;
    };
    d.bump();
    let mut units = 0;
    if tens >= 20 {
        let mut u = d;
        u.dash();
        if let Lex::NumWord(n @ 1..=9) = u.lex() {
            u.bump();
            units = n;
            d = u;
        }
    }
    *c = d;
    Some(i32::from(century) * 100 + i32::from(tens + units))
}

/// Decade words from the twenties on ("eighties" = 8).
const DECADE_WORDS: &[&str] = &[
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
];

/// Whether a bare four-digit number at token `at` is a year rather than an amount, a code
/// or a time: "in 2014" and "the 2014 elections" are years; "2000 troops", "$2014",
/// "Resolution 1325" and "1900 GMT" are not.
fn plausible_year(text: &str, tokens: &[Token], at: usize, y: i32) -> bool {
    let prev = at.checked_sub(1).map(|j| &tokens[j]);
    let next = tokens.get(at + 1);
    let this = &tokens[at];
    if let Some(p) = prev {
        let touching = p.end == this.start;
        let after_number = at >= 2 && tokens[at - 2].number().is_some();
        if matches!(p.kind, Kind::Number(..) | Kind::Quantity)
            || p.is_punct(b'$')
            || p.is_punct(b'#')
            || (touching && (p.is_punct(b'~') || p.is_punct(b':') || p.is_punct(b'.')))
            || (touching && p.is_punct(b'-') && after_number)
        {
            return false;
        }
    }
    if let Some(n) = next {
        let touching = n.start == this.end;
        if (touching && (n.is_punct(b'%') || n.is_punct(b':') || n.is_punct(b'-')))
            || matches!(
                n.lex(),
                Lex::Unit(..) | Lex::Word(W::Zone) | Lex::Word(W::Per)
            )
            || n.number().is_some()
        {
            return false;
        }
    }
    // "2000 troops": a count of something plural.
    let plural_noun_follows = next.is_some_and(|n| {
        let word = &text[n.start as usize..n.end as usize];
        n.case() == Case::Lower
            && n.lex() == Lex::Other
            && n.is_word()
            && word.len() >= 4
            && word.ends_with('s')
            && !word.ends_with("ss")
    });
    if !(1900..=2100).contains(&y) {
        // An older year needs a preposition of time before it and no count after it:
        // "founded in 1784", "dates back to 1789"; not "of 1334 York Avenue", "its 1200
        // stores", "in 1500 shops", "between 1000 and 1500 jobs".
        // After "by" or "until", a valid clock time is a time of day ("by 1014" GMT).
        let clock = y % 100 < 60 && y / 100 < 24;
        let lead = prev.and_then(|p| HISTORIC_LEAD.iter().find(|&&w| p.is(w)));
        return !plural_noun_follows
            && lead.is_some_and(|&w| !clock || matches!(w, W::In | W::Since | W::During));
    }
    let lead = temporal_lead(tokens, at)
        || prev.is_some_and(|p| {
            [W::The, W::Its, W::Their, W::His, W::Her, W::Our]
                .iter()
                .any(|&w| p.is(w))
        });
    // "Resolution 2334", "Windows 2000": a capitalised name numbered by it.
    lead || (!plural_noun_follows && !Cursor::at(tokens, at).prev_capitalised())
}

/// Prepositions of time after which a year before 1900 (or after 2100) reads as a year.
const HISTORIC_LEAD: &[W] = &[
    W::In,
    W::Since,
    W::Until,
    W::By,
    W::From,
    W::To,
    W::Through,
    W::During,
    W::Before,
    W::After,
];

/// True when the number at token `at` ends a hyphenated code or model name ("HR-1051",
/// "A350-1000s"): a dash touches it and, before the dash, a word in capitals or one with
/// digits. "mid-2014" and "pre-1990s" stay dates.
fn code_suffix(text: &str, tokens: &[Token], at: usize) -> bool {
    let (Some(head), Some(dash)) = (
        at.checked_sub(2).map(|j| &tokens[j]),
        at.checked_sub(1).map(|j| &tokens[j]),
    ) else {
        return false;
    };
    let head_text = &text[head.start as usize..head.end as usize];
    dash.is_punct(b'-')
        && head.end == dash.start
        && dash.end == tokens[at].start
        && (head.case() == Case::Upper || head_text.bytes().any(|b| b.is_ascii_digit()))
}

/// Quarters and halves: "the third quarter", "third-quarter", "the fourth quarter of 1990",
/// "this year's third quarter", "the fiscal first quarter", "the year-ago third quarter",
/// "Q3 2025", "the first half of 2025", "the last half of 2024", "second-half", "the first
/// two quarters of 1990" (the first half).
fn quarter_or_half(text: &str, tokens: &[Token], i: usize) -> Option<Core> {
    if let Some(core) = q_form(text, tokens, i) {
        return Some(core);
    }
    let mut c = Cursor::at(tokens, i);
    let det = c.any(&[W::The, W::Its, W::Their, W::A]);
    let determiner = det.is_some();
    let mut year = year_before(&mut c, text);
    // "the year-ago third quarter" (without an ordinal, "the year-ago quarter" is a fiscal
    // period)
    let mut r = c;
    if determiner
        && year.is_none()
        && r.unit() == Some((Unit::Year, false))
        && r.tight_punct(b'-')
        && r.any(&[W::Earlier, W::Ago]).is_some()
    {
        year = Some(YearSpec::Shift(-1));
        c = r;
    }
    // "a third-quarter loss", "its fourth quarter": the quarter without the words that
    // determine the noun phrase, as TimeML marks it ("the" stays: "the third quarter").
    if year.is_none() && det.is_some_and(|d| d != W::The) {
        return None;
    }
    c.word(W::Fiscal);
    c.dash();
    // "the last half of 2024": the second.
    let last = determiner && c.word(W::Last);
    let n = if last { 2 } else { ordinal(&mut c, text)? };
    c.dash();
    c.word(W::Fiscal);
    // "the first two quarters of 1990": the first half.
    let mut d = c;
    if determiner
        && n == 1
        && !last
        && d.take_if(|t| t.lex() == Lex::NumWord(2) || t.number() == Some(2))
        && d.unit() == Some((Unit::Quarter, true))
    {
        c = d;
        let year = year.or_else(|| year_after(&mut c, text));
        return Some(Core::new(
            c.i,
            Expr::Calendar(year.unwrap_or(YearSpec::Implied), Part::Half(1)),
        ));
    }
    let part = match c.lex() {
        Lex::Unit(Unit::Quarter, false) if (1..=4).contains(&n) && !last => Part::Quarter(n),
        Lex::Word(W::Half) if (1..=2).contains(&n) => Part::Half(n),
        _ => return None,
    };
    c.bump();
    // "the last half century" is fifty years.
    if last && c.unit().is_some() {
        return None;
    }
    if year.is_none() {
        year = year_after(&mut c, text);
    }
    Some(Core::new(
        c.i,
        Expr::Calendar(year.unwrap_or(YearSpec::Implied), part),
    ))
}

/// "Q3", "Q3 2025", "Q3 of 2025".
fn q_form(text: &str, tokens: &[Token], i: usize) -> Option<Core> {
    let mut c = Cursor::at(tokens, i);
    let t = c.bump()?;
    if &text[t.start as usize..t.end as usize] != "Q" || !c.touching() {
        return None;
    }
    let n = c.number(1).filter(|n| (1..=4).contains(n))?;
    let year = year_after(&mut c, text).unwrap_or(YearSpec::Implied);
    Some(Core::new(c.i, Expr::Calendar(year, Part::Quarter(n as u8))))
}

/// A fiscal year written as a code: "FY2025", "FY26".
fn fy_form(text: &str, tokens: &[Token], i: usize) -> Option<Core> {
    let mut c = Cursor::at(tokens, i);
    let t = c.bump()?;
    if &text[t.start as usize..t.end as usize] != "FY" || !c.touching() {
        return None;
    }
    let year = match c.peek()?.digits() {
        4 => YearSpec::Given(year(&mut c)?),
        2 => YearSpec::TwoDigit(c.number(2)? as u8),
        _ => return None,
    };
    Some(Core::new(c.i, Expr::Calendar(year, Part::Year)))
}

/// An ordinal as a word ("third", "twenty-first") or a number with its suffix ("3rd").
fn ordinal(c: &mut Cursor, text: &str) -> Option<u8> {
    let mut d = *c;
    let n = match d.lex() {
        Lex::Ordinal(n) => {
            d.bump();
            n
        }
        Lex::NumWord(tens @ 20..=90) if tens % 10 == 0 => {
            d.bump();
            d.dash();
            let Lex::Ordinal(units @ 1..=9) = d.lex() else {
                return None;
            };
            d.bump();
            (tens + u16::from(units)) as u8
        }
        _ => {
            let n = d.number(2)?;
            if !d.suffix(text, &["st", "nd", "rd", "th"]) {
                return None;
            }
            n as u8
        }
    };
    *c = d;
    Some(n)
}

/// Seasons: "last fall", "this summer", "the summer of 2025", "winter 2024", "in spring".
fn season(text: &str, tokens: &[Token], i: usize) -> Option<Core> {
    let mut c = Cursor::at(tokens, i);
    let the = c.peek().is_some_and(|t| t.is(W::The));
    let mut year = match c.any(&[W::The, W::This, W::Last, W::Next]) {
        Some(W::This) if c.word(W::Past) => Some(YearSpec::Previous),
        Some(W::This) => Some(YearSpec::Shift(0)),
        Some(W::Last) => Some(YearSpec::Previous),
        Some(W::Next) => Some(YearSpec::Following),
        _ => None,
    };
    let at = c.i;
    let t = c.peek()?;
    let Lex::Season(s) = t.lex() else {
        return None;
    };
    c.bump();
    if year.is_none() {
        year = year_after(&mut c, text);
    }
    // "to fall further", "began to fall apart": the verb.
    let verb = s == Season::Fall
        && t.case() == Case::Lower
        && at > 0
        && tokens[at - 1].is(W::To)
        && year.is_none();
    let qualified = !verb && (year.is_some() || the || temporal_lead(tokens, i.min(at)));
    // "the fall of Kabul", "Arab Spring"
    if !qualified || (c.peek().is_some_and(|t| t.is(W::Of)) && year.is_none()) {
        return None;
    }
    if t.case() != Case::Lower && Cursor::at(tokens, at).prev_capitalised() {
        return None;
    }
    Some(Core::new(
        c.i,
        Expr::Calendar(year.unwrap_or(YearSpec::Implied), Part::Season(s)),
    ))
}

/// "the 20th century", "the twenty-first century".
fn century(text: &str, tokens: &[Token], i: usize) -> Option<Core> {
    let mut c = Cursor::at(tokens, i);
    c.word(W::The);
    let n = ordinal(&mut c, text).filter(|n| (1..=30).contains(n))?;
    c.dash();
    if c.unit() != Some((Unit::Century, false)) {
        return None;
    }
    Some(Core::new(c.i, Expr::Century(i32::from(n) - 1)))
}

/// Periods of financial reports: "the quarter", "the latest quarter", "the latest period",
/// "the year-earlier quarter", "the year-ago period", "the quarter a year ago", and
/// "year-earlier" as an adjective ("year-earlier profit"): the quarter mentioned last, or
/// a year before it; "the 1988 period", "last year's quarter", "the corresponding period
/// last year": the reported period in that year; "the year-earlier nine months": a length.
fn fiscal_period(text: &str, tokens: &[Token], i: usize) -> Option<Core> {
    let mut c = Cursor::at(tokens, i);
    let the = c.any(&[W::The, W::Its, W::Their]).is_some();
    // "the comparable year-ago quarter"
    let compared = the && c.take_if(|t| COMPARABLE.iter().any(|w| text_is(text, t, w)));
    let mut r = c;
    let year_back = r.unit() == Some((Unit::Year, false))
        && r.tight_punct(b'-')
        && r.any(&[W::Earlier, W::Ago]).is_some();
    if year_back {
        c = r;
        // "the year-earlier nine months"
        let mut n = c;
        if let Some(a) = super::duration::amount(&mut n, text).filter(|a| !a.article)
            && n.unit() == Some((Unit::Month, true))
        {
            return Some(Core::new(n.i, Expr::Duration(a.value, Unit::Month)));
        }
    }
    // "the 1988 period", "last year's quarter"
    let year = if year_back {
        None
    } else {
        year_before(&mut c, text)
    };
    let lead = c.any(&[W::Latest, W::Same]);
    let qualified = compared
        || year_back
        || year.is_some()
        || lead.is_some()
        || c.take_if(|t| COMPARABLE.iter().any(|w| text_is(text, t, w)));
    let mut p = c;
    p.word(W::Fiscal);
    let quarter = p.unit() == Some((Unit::Quarter, false));
    let period = quarter || (qualified && p.word(W::Period));
    if !period {
        return year_back.then(|| Core::new(c.i, Expr::Shift(Unit::Year, -1, Base::Reference)));
    }
    if !the && year.is_none_or(|y| matches!(y, YearSpec::Given(_))) {
        return None;
    }
    // "the same period last year", "the comparable quarter of 1988"
    let mut y = p;
    if let Some(spec) = year.or_else(|| year_after(&mut y, text)) {
        return Some(Core::new(y.i, Expr::Reported(spec)));
    }
    // "the quarter a year ago"
    let mut a = p;
    let back = year_back
        || (a.any(&[W::A, W::An]).is_some()
            && a.unit() == Some((Unit::Year, false))
            && a.any(&[W::Ago, W::Earlier]).is_some());
    let end = if back && !year_back { a.i } else { p.i };
    let by = if back { -4 } else { 0 };
    let base = if lead == Some(W::Latest) {
        Base::Latest
    } else {
        Base::Reference
    };
    Some(Core::new(end, Expr::Shift(Unit::Quarter, by, base)))
}

/// Adjectives of a period compared with the reported one ("the corresponding period").
const COMPARABLE: &[&str] = &["corresponding", "comparable"];

/// Words after "year-end" that show it is not a modifier of a noun ("by year-end as
/// planned").
const AFTER_YEAR_END: &[&str] = &[
    "and", "or", "as", "is", "was", "were", "will", "would", "to", "from", "when", "if", "that",
    "than", "but", "because", "the", "a", "an", "with", "for", "in", "on", "at", "of", "by",
];

/// "year-end", "year-end 1988": the last day of a year, the closing date of accounts, which
/// the tense chooses when none is written ("by year-end" ahead, "since year-end" back).
/// Written as two words ("by year end", "at year's end") it is the end of the year, as "the
/// end of the year" is: the year, with the END modifier. Before a noun ("a year-end news
/// conference") it only says which year: the end of the current one.
fn year_end(text: &str, tokens: &[Token], i: usize) -> Option<Core> {
    let mut c = Cursor::at(tokens, i);
    if c.unit() != Some((Unit::Year, false)) {
        return None;
    }
    let hyphen = if c.tight_punct(b'\'') {
        c.suffix(text, &["s"]);
        false
    } else {
        c.dash()
    };
    if !c.word(W::End) {
        return None;
    }
    if let Some(year) = year_after(&mut c, text) {
        return Some(Core::new(c.i, Expr::Calendar(year, Part::Day(12, 31))));
    }
    let modifies = c.peek().is_some_and(|t| {
        t.kind == Kind::Word(Lex::Other, Case::Lower)
            && !AFTER_YEAR_END.contains(&&text[t.start as usize..t.end as usize])
    });
    if modifies {
        return Some(
            Core::new(c.i, Expr::Calendar(YearSpec::Shift(0), Part::Year)).with_mod(Mod::End),
        );
    }
    if !hyphen {
        return Some(
            Core::new(c.i, Expr::Calendar(YearSpec::Implied, Part::YearEnd)).with_mod(Mod::End),
        );
    }
    Some(Core::new(
        c.i,
        Expr::Calendar(YearSpec::Implied, Part::Day(12, 31)),
    ))
}

/// Days named by a capitalised word and "Day" ("Memorial Day", "Veterans Day", "Valentine's
/// Day"), with their place in the year: the US federal holidays whose name says which they
/// are, US Election Day (capitalised; "election day" is any election's), and days kept the
/// same way everywhere.
const NAMED_DAYS: &[(&str, Part)] = &[
    ("memorial", Part::NthWeekday(5, 0, 0)),
    ("labor", Part::NthWeekday(9, 0, 1)),
    ("columbus", Part::NthWeekday(10, 0, 2)),
    ("presidents", Part::NthWeekday(2, 0, 3)),
    ("president", Part::NthWeekday(2, 0, 3)),
    ("election", Part::FirstWeekdayFrom(11, 2, 1)),
    ("veterans", Part::Day(11, 11)),
    ("veteran", Part::Day(11, 11)),
    ("valentine", Part::Day(2, 14)),
    ("boxing", Part::Day(12, 26)),
];

/// "Memorial Day", "Presidents' Day", "Valentine's Day": a day of [`NAMED_DAYS`].
fn named_day(text: &str, c: &mut Cursor) -> Option<Part> {
    let mut d = *c;
    let t = d.bump()?;
    let name = &text[t.start as usize..t.end as usize];
    let &(_, part) = NAMED_DAYS
        .iter()
        .find(|(n, _)| name.eq_ignore_ascii_case(n))?;
    if d.tight_punct(b'\'') {
        d.suffix(text, &["s"]);
    }
    let day = d.peek()?;
    if day.lex() != Lex::Unit(Unit::Day, false) || day.case() == Case::Lower {
        return None;
    }
    d.bump();
    *c = d;
    Some(part)
}

/// Holidays: "Christmas", "Christmas Eve", "New Year's Day", "New Year's Eve", "Halloween",
/// "Thanksgiving", and the days of [`NAMED_DAYS`].
fn holiday(text: &str, tokens: &[Token], i: usize) -> Option<Core> {
    let mut c = Cursor::at(tokens, i);
    let t = c.peek()?;
    if t.case() == Case::Lower {
        return None;
    }
    if c.word(W::Thanksgiving) {
        c.take_if(|t| t.lex() == Lex::Unit(Unit::Day, false));
        let year = year_after(&mut c, text).unwrap_or(YearSpec::Implied);
        return Some(Core::new(
            c.i,
            Expr::Calendar(year, Part::NthWeekday(11, 3, 4)),
        ));
    }
    if let Some(part) = named_day(text, &mut c) {
        let year = year_after(&mut c, text).unwrap_or(YearSpec::Implied);
        return Some(Core::new(c.i, Expr::Calendar(year, part)));
    }
    let (m, d) = match c.any(&[W::Christmas, W::New, W::Halloween])? {
        W::Christmas => {
            if c.word(W::Eve) {
                (12, 24)
            } else {
                c.take_if(|t| t.lex() == Lex::Unit(Unit::Day, false));
                (12, 25)
            }
        }
        W::Halloween => (10, 31),
        _ => {
            if c.unit() != Some((Unit::Year, false)) {
                return None;
            }
            if c.tight_punct(b'\'') {
                c.suffix(text, &["s"]);
            }
            if c.word(W::Eve) {
                (12, 31)
            } else if c.take_if(|t| t.lex() == Lex::Unit(Unit::Day, false)) {
                (1, 1)
            } else {
                return None;
            }
        }
    };
    let year = year_after(&mut c, text).unwrap_or(YearSpec::Implied);
    Some(Core::new(c.i, Expr::Calendar(year, Part::Day(m, d))))
}
