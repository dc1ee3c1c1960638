//! Expressions relative to the publication date or to the date mentioned last: "today",
//! "yesterday morning", "Friday", "last Friday", "this week", "earlier this year",
//! "three years ago", "the next day", "earlier in the day", "last May", "over the weekend",
//! and references to the present, past and future ("now", "recently", "in the future").

use super::duration::amount;
use super::{Core, MODALS, calendar, longer, text_is};
use crate::extract::time::cursor::Cursor;
use crate::extract::time::expr::{Base, Clock, Expr, Mod, Part, RefKind, YearSpec};
use crate::extract::time::token::{Case, Kind, Token};
use crate::extract::time::vocab::{DayPart, Lex, Unit, W};

/// The longest relative expression starting at token `i`.
pub(super) fn parse(text: &str, tokens: &[Token], i: usize) -> Option<Core> {
    let mut best = deictic(text, tokens, i);
    best = longer(best, part_of_day(tokens, i));
    best = longer(best, mid_day_part(text, tokens, i));
    best = longer(best, in_the_day_part(tokens, i));
    best = longer(best, weekday(text, tokens, i));
    best = longer(best, weekend(tokens, i));
    best = longer(best, unit_shift(tokens, i));
    best = longer(best, day_before_after(tokens, i));
    best = longer(best, earlier_later(text, tokens, i));
    best = longer(best, counted_shift(text, tokens, i));
    best = longer(best, month_shift(text, tokens, i));
    best = longer(best, the_year(text, tokens, i));
    best = longer(best, the_week(text, tokens, i));
    longer(best, reference(text, tokens, i))
}

/// Words before "the year" that make it the current year ("for the year", "later in the
/// year").
const YEAR_LEAD: &[W] = &[
    W::For,
    W::Of,
    W::In,
    W::During,
    W::Through,
    W::Over,
    W::Until,
];

/// "the year" after "for", "of", "in", …: the current year; "the year ended March 31": a
/// year's length. "For the full year" and "for the fiscal year" are the current year too.
fn the_year(text: &str, tokens: &[Token], i: usize) -> Option<Core> {
    let mut c = Cursor::at(tokens, i);
    let lead = c.prev().is_some_and(|p| YEAR_LEAD.iter().any(|&w| p.is(w)));
    if !c.word(W::The) {
        return None;
    }
    let full = c.take_if(|t| text_is(text, t, "full"));
    c.word(W::Fiscal);
    if c.unit() != Some((Unit::Year, false)) {
        return None;
    }
    if full && lead {
        return Some(Core::new(
            c.i,
            Expr::Calendar(YearSpec::Shift(0), Part::Year),
        ));
    }
    let next = c.peek();
    if next.is_some_and(|t| matches!(t.lex(), Lex::Word(W::Ended))) {
        return Some(Core::new(c.i, Expr::Duration(Some(1.0), Unit::Year)));
    }
    // "the fiscal year 2012" is a calendar year, written.
    if !lead
        || next
            .is_some_and(|t| t.is(W::Of) || t.is_punct(b'-') || matches!(t.kind, Kind::Number(..)))
    {
        return None;
    }
    Some(Core::new(
        c.i,
        Expr::Calendar(YearSpec::Shift(0), Part::Year),
    ))
}

/// "the week" closing a phrase after "for", "during", …, or before "'s" ("the index fell 3% for
/// the week", "the week's busiest session"); not "the week of March 6", "the week ahead", "the
/// week ended Friday".
fn the_week(text: &str, tokens: &[Token], i: usize) -> Option<Core> {
    let mut c = Cursor::at(tokens, i);
    let lead = c.prev().is_some_and(|p| YEAR_LEAD.iter().any(|&w| p.is(w)));
    if !c.word(W::The) || c.unit() != Some((Unit::Week, false)) {
        return None;
    }
    let next = c.peek();
    let possessive = next.is_some_and(|t| t.is_punct(b'\''))
        && tokens
            .get(c.i + 1)
            .is_some_and(|s| text_is(text, s, "s") && s.start == next.map_or(0, |t| t.end));
    let closes = next.is_none_or(|t| matches!(t.kind, Kind::Punct(b',' | b'.' | b';')))
        || next.is_some_and(|t| [W::And, W::Or].iter().any(|&w| t.is(w)));
    (possessive || (lead && closes)).then(|| Core::new(c.i, Expr::TheWeek))
}

/// A part of the day right after a day ("Friday morning", "yesterday afternoon").
fn day_part(c: &mut Cursor) -> Option<Clock> {
    match c.lex() {
        Lex::DayPart(p) => {
            c.bump();
            Some(Clock::Part(p))
        }
        _ => None,
    }
}

/// "today", "tonight", "yesterday", "tomorrow", "the day before yesterday", "the day after
/// tomorrow", with an optional part of the day ("yesterday morning"); not "today's" in the
/// sense of nowadays ("in today's world").
pub(super) fn deictic(text: &str, tokens: &[Token], i: usize) -> Option<Core> {
    let mut c = Cursor::at(tokens, i);
    let (by, part) = match c.any(&[W::Today, W::Tonight, W::Yesterday, W::Tomorrow]) {
        Some(W::Today) if nowadays(text, tokens, c.i) => return None,
        Some(W::Today) => (0, None),
        Some(W::Tonight) => (0, Some(Clock::Part(DayPart::Night))),
        Some(W::Yesterday) => (-1, None),
        // "the leaders of tomorrow" is no date.
        Some(W::Tomorrow)
            if i > 0
                && tokens[i - 1].is(W::Of)
                && c.peek().is_none_or(|t| matches!(t.kind, Kind::Punct(_))) =>
        {
            return None;
        }
        Some(W::Tomorrow) => (1, None),
        _ => {
            c.word(W::The).then_some(())?;
            if c.unit() != Some((Unit::Day, false)) {
                return None;
            }
            match c.any(&[W::Before, W::After])? {
                W::Before if c.word(W::Yesterday) => (-2, None),
                W::After if c.word(W::Tomorrow) => (2, None),
                _ => return None,
            }
        }
    };
    let part = part.or_else(|| day_part(&mut c));
    Some(Core::new(c.i, Expr::Shift(Unit::Day, by, Base::Anchor)).with_clock(part))
}

/// Nouns that make "today's" before them mean nowadays, not the day of writing: "today's
/// world", "in today's difficult market environment", "today's youth".
const PRESENT_AGE_NOUNS: &[&str] = &[
    "world",
    "environment",
    "climate",
    "society",
    "youth",
    "generation",
    "generations",
    "economy",
    "era",
    "age",
    "backdrop",
    "consumers",
    "shoppers",
    "workers",
    "children",
    "kids",
    "teenagers",
];

/// How many tokens after "today's" the noun of [`PRESENT_AGE_NOUNS`] may stand ("today's
/// challenging macro backdrop", "today's fast-changing world").
const PRESENT_AGE_REACH: usize = 5;

/// True when "'s" follows at token `j`, right after "today", and a noun of
/// [`PRESENT_AGE_NOUNS`] comes among the lower-case words after it.
fn nowadays(text: &str, tokens: &[Token], j: usize) -> bool {
    let mut c = Cursor::at(tokens, j);
    if !(c.tight_punct(b'\'') && c.suffix(text, &["s"])) {
        return false;
    }
    tokens[c.i..tokens.len().min(c.i + PRESENT_AGE_REACH)]
        .iter()
        .take_while(|t| (t.is_word() && t.case() == Case::Lower) || t.is_punct(b'-'))
        .any(|t| PRESENT_AGE_NOUNS.iter().any(|w| text_is(text, t, w)))
}

/// "this morning", "this afternoon", "this evening", "last night".
fn part_of_day(tokens: &[Token], i: usize) -> Option<Core> {
    let mut c = Cursor::at(tokens, i);
    let by = match c.any(&[W::This, W::Last])? {
        W::This => 0,
        _ => -1,
    };
    let Lex::DayPart(p) = c.lex() else {
        return None;
    };
    if by == -1 && !matches!(p, DayPart::Night | DayPart::Evening) {
        return None;
    }
    c.bump();
    Some(Core::new(c.i, Expr::Shift(Unit::Day, by, Base::Anchor)).with_clock(Some(Clock::Part(p))))
}

/// "the morning" after "in" ("orders poured in in the morning"): that part of the day
/// mentioned last.
fn in_the_day_part(tokens: &[Token], i: usize) -> Option<Core> {
    let mut c = Cursor::at(tokens, i);
    if !(c.prev().is_some_and(|p| p.is(W::In)) && c.word(W::The)) {
        return None;
    }
    let Lex::DayPart(p @ (DayPart::Morning | DayPart::Afternoon | DayPart::Evening)) = c.lex()
    else {
        return None;
    };
    c.bump();
    Some(
        Core::new(c.i, Expr::Shift(Unit::Day, 0, Base::Reference)).with_clock(Some(Clock::Part(p))),
    )
}

/// "mid-afternoon", "mid-morning yesterday", "mid-afternoon Friday": the middle of a part of
/// the day named after it, else of the day mentioned last.
fn mid_day_part(text: &str, tokens: &[Token], i: usize) -> Option<Core> {
    let mut c = Cursor::at(tokens, i);
    if !c.word(W::Mid) {
        return None;
    }
    c.dash();
    let Lex::DayPart(p @ (DayPart::Morning | DayPart::Afternoon | DayPart::Evening)) = c.lex()
    else {
        return None;
    };
    c.bump();
    let day = deictic(text, tokens, c.i)
        .or_else(|| weekday(text, tokens, c.i))
        .unwrap_or_else(|| Core::new(c.i, Expr::Shift(Unit::Day, 0, Base::Reference)));
    Some(day.with_clock(Some(Clock::Part(p))).with_mod(Mod::Mid))
}

/// Capitalised words that make a weekday the name of a special day ("Black Friday").
const NAMED_DAYS: &[&str] = &[
    "black", "good", "super", "ash", "cyber", "holy", "maundy", "bloody", "easter", "palm",
    "giving", "man",
];

/// A weekday: "Friday", "last Friday", "next Monday", "this Thursday", "this past Sunday",
/// "Friday night", "the following Monday"; not "Black Friday" or "We".
pub(super) fn weekday(text: &str, tokens: &[Token], i: usize) -> Option<Core> {
    let mut c = Cursor::at(tokens, i);
    // "the following Monday", "the previous Friday": from the day mentioned last.
    if c.word(W::The) {
        let by = match c.any(&[W::Following, W::Next, W::Previous, W::Prior])? {
            W::Following | W::Next => 1,
            _ => -1,
        };
        let t = c.peek()?;
        let Lex::Weekday(d, false) = t.lex() else {
            return None;
        };
        if t.case() == Case::Lower {
            return None;
        }
        c.bump();
        let part = day_part(&mut c);
        return Some(Core::new(c.i, Expr::WeekdayFrom(d, by)).with_clock(part));
    }
    let shift = match c.any(&[W::Last, W::Next, W::This, W::Coming, W::Past]) {
        Some(W::Last | W::Past) => Some(-1),
        Some(W::Next | W::Coming) => Some(1),
        Some(W::This) if c.word(W::Past) => Some(-1),
        Some(W::This) if c.word(W::Coming) => Some(1),
        Some(W::This) => Some(0),
        _ => None,
    };
    let t = c.peek()?;
    let Lex::Weekday(d, false) = t.lex() else {
        return None;
    };
    if t.case() == Case::Lower || t.end - t.start < 6 {
        return None;
    }
    if shift.is_none() && c.i > 0 {
        let p = &tokens[c.i - 1];
        let w = &text[p.start as usize..p.end as usize];
        if p.case() != Case::Lower && NAMED_DAYS.iter().any(|n| w.eq_ignore_ascii_case(n)) {
            return None;
        }
    }
    c.bump();
    let part = day_part(&mut c);
    Some(Core::new(c.i, Expr::Weekday(d, shift)).with_clock(part))
}

/// "this weekend", "last weekend", "next weekend", "the weekend".
fn weekend(tokens: &[Token], i: usize) -> Option<Core> {
    let mut c = Cursor::at(tokens, i);
    let shift = match c.any(&[W::This, W::Last, W::Next, W::The, W::Past, W::Coming])? {
        W::This if c.word(W::Past) => Some(-1),
        W::This => Some(0),
        W::Last | W::Past => Some(-1),
        W::Next | W::Coming => Some(1),
        _ => None,
    };
    if c.unit() != Some((Unit::Weekend, false)) {
        return None;
    }
    Some(Core::new(c.i, Expr::Weekend(shift)))
}

/// A unit shifted from the publication date or the date mentioned last: "this week",
/// "last year", "next month", "the past year", "the current quarter",
/// "the next day", "the following week", "the previous year", "that day", "the same day",
/// "the current fiscal year", "the latest fiscal year" (the last one over).
fn unit_shift(tokens: &[Token], i: usize) -> Option<Core> {
    let mut c = Cursor::at(tokens, i);
    let the = c.word(W::The);
    // "in the latest fiscal year"; not "2010, the latest year for which data is available".
    if the && c.word(W::Latest) {
        c.word(W::Fiscal);
        let framed = i > 0 && YEAR_LEAD.iter().any(|&w| tokens[i - 1].is(w));
        return (framed
            && c.unit()? == (Unit::Year, false)
            && c.peek().is_none_or(|t| !t.is(W::For) && !t.is(W::Of)))
        .then(|| Core::new(c.i, Expr::Shift(Unit::Year, 0, Base::Latest)));
    }
    let lead = c.any(&[
        W::This,
        W::Last,
        W::Next,
        W::Past,
        W::Coming,
        W::Upcoming,
        W::Current,
        W::Previous,
        W::Prior,
        W::Following,
        W::Same,
        W::That,
    ])?;
    let (by, base) = match lead {
        W::This if !the => {
            if c.word(W::Past) {
                (-1, Base::Anchor)
            } else if c.word(W::Coming) {
                (1, Base::Anchor)
            } else {
                (0, Base::Anchor)
            }
        }
        W::Last | W::Past => (-1, Base::Anchor),
        W::Next if the => (1, Base::Reference),
        W::Next | W::Coming | W::Upcoming => (1, Base::Anchor),
        W::Current => (0, Base::Anchor),
        W::Previous | W::Prior => (-1, Base::Reference),
        W::Following => (1, Base::Reference),
        W::Same if the => (0, Base::Reference),
        W::That if !the => {
            c.word(W::Same);
            (0, Base::Reference)
        }
        _ => return None,
    };
    // "the next morning", "that night"
    if base == Base::Reference
        && let Lex::DayPart(p) = c.lex()
    {
        c.bump();
        return Some(
            Core::new(c.i, Expr::Shift(Unit::Day, by, base)).with_clock(Some(Clock::Part(p))),
        );
    }
    // "the current fiscal year", "last fiscal year"
    let fiscal = c.word(W::Fiscal);
    let (unit, false) = c.unit()? else {
        return None;
    };
    if fiscal && !matches!(unit, Unit::Year | Unit::Quarter) {
        return None;
    }
    // "the next week" counts from the date mentioned last, but a stretch framed by a
    // preposition ("over the next year", "within the next week", "in the next quarter or
    // two") starts at the publication date. Days stay counted from the date mentioned last
    // ("in the next day or two" is read in the story's time).
    let base = if lead == W::Next
        && the
        && unit != Unit::Day
        && i > 0
        && stretch_preposition(&tokens[i - 1])
    {
        Base::Anchor
    } else {
        base
    };
    let allowed = match unit {
        Unit::Day => base == Base::Reference,
        Unit::Week | Unit::Month | Unit::Year | Unit::Decade | Unit::Century => true,
        Unit::Quarter => true,
        _ => false,
    };
    if !allowed {
        return None;
    }
    // "the past decade", "over the next decade": the ten years up to or from the publication
    // date, not the calendar decade before or after its own ("the past decade" in 2006 is not
    // the 1990s). "last decade" without "the", "the middle of the last decade", "the last
    // decade of the century" and "well into the next decade" (a decade one enters) are. So is
    // "the past century" (but "the last century" is the one before the current one).
    let stretch = unit == Unit::Decade
        && matches!(lead, W::Last | W::Past | W::Next | W::Coming | W::Upcoming)
        && !(i > 0 && (tokens[i - 1].is(W::Of) || tokens[i - 1].is(W::Into)))
        && c.peek().is_none_or(|t| !t.is(W::Of));
    if the && (stretch || (unit == Unit::Century && lead == W::Past)) {
        return Some(Core::new(c.i, Expr::Duration(Some(1.0), unit)));
    }
    if unit == Unit::Year && base == Base::Anchor {
        return Some(Core::new(
            c.i,
            Expr::Calendar(YearSpec::Shift(by), Part::Year),
        ));
    }
    let mut core = Core::new(c.i, Expr::Shift(unit, by, base));
    // "the next morning", "that night"
    if unit == Unit::Day
        && let Some(part) = day_part(&mut c)
    {
        core = Core::new(c.i, core.expr).with_clock(Some(part));
    }
    Some(core)
}

/// True for a preposition that frames a stretch of time ("over", "within", "in", "during",
/// "for", "through").
fn stretch_preposition(t: &Token) -> bool {
    matches!(
        t.lex(),
        Lex::Word(W::Over | W::Within | W::In | W::During | W::For | W::Through)
    )
}

/// "the day before", "the week after" (when nothing follows that they could be before).
fn day_before_after(tokens: &[Token], i: usize) -> Option<Core> {
    let mut c = Cursor::at(tokens, i);
    c.word(W::The).then_some(())?;
    let (unit, false) = c.unit()? else {
        return None;
    };
    let by = match c.any(&[W::Before, W::After])? {
        W::Before => -1,
        _ => 1,
    };
    if !c.peek().is_none_or(|t| matches!(t.kind, Kind::Punct(_))) {
        return None;
    }
    Some(Core::new(c.i, Expr::Shift(unit, by, Base::Reference)))
}

/// "earlier this week", "later this month", "earlier in the day", "later today",
/// "earlier Friday", "later that day".
fn earlier_later(text: &str, tokens: &[Token], i: usize) -> Option<Core> {
    let mut c = Cursor::at(tokens, i);
    let m = match c.any(&[W::Earlier, W::Later])? {
        W::Earlier => Mod::Start,
        _ => Mod::End,
    };
    let mut d = c;
    if d.word(W::In) && d.word(W::The) {
        let (unit, false) = d.unit()? else {
            return None;
        };
        let base = if unit == Unit::Day {
            Base::Reference
        } else {
            Base::Anchor
        };
        return Some(Core::new(d.i, Expr::Shift(unit, 0, base)).with_mod(m));
    }
    let mut best = deictic(text, tokens, c.i);
    best = longer(best, part_of_day(tokens, c.i));
    best = longer(best, weekday(text, tokens, c.i));
    best = longer(best, unit_shift(tokens, c.i));
    best.map(|core| core.with_mod(m))
}

/// "three years ago", "two days earlier", "a week later", "10 days from now",
/// "a year before", "several years ago" (a past reference).
fn counted_shift(text: &str, tokens: &[Token], i: usize) -> Option<Core> {
    let mut c = Cursor::at(tokens, i);
    let a = amount(&mut c, text);
    let (unit, plural) = c.unit()?;
    if a.is_none() && !plural || unit == Unit::Weekend {
        return None;
    }
    let mut o = c;
    if o.word(W::Or) && o.word(W::So) {
        c = o;
    }
    let (sign, base) = match c.any(&[
        W::Ago,
        W::Earlier,
        W::Later,
        W::Before,
        W::After,
        W::From,
        W::Hence,
    ])? {
        W::Ago => (-1, Base::Anchor),
        W::Hence => (1, Base::Anchor),
        W::From if c.word(W::Now) => (1, Base::Anchor),
        W::Earlier => (-1, Base::Reference),
        W::Later => (1, Base::Reference),
        W::Before | W::After if c.peek().is_none_or(|t| matches!(t.kind, Kind::Punct(_))) => (
            if c.prev()?.is(W::Before) { -1 } else { 1 },
            Base::Reference,
        ),
        _ => return None,
    };
    match a.and_then(|a| a.value.map(|v| (v, a.modifier))) {
        Some((v, modifier)) => {
            // "a decade ago" is the year ten years back, not the decade before this one.
            let (unit, v) = match unit {
                Unit::Decade => (Unit::Year, v * 10.0),
                Unit::Century => (Unit::Year, v * 100.0),
                u => (u, v),
            };
            let core = Core::new(c.i, Expr::Shift(unit, sign * v.round() as i32, base));
            Some(match modifier {
                Some(m) => core.with_mod(m),
                None => core,
            })
        }
        None if base == Base::Anchor => {
            let kind = if sign < 0 {
                RefKind::Past
            } else {
                RefKind::Future
            };
            Some(Core::new(c.i, Expr::Ref(kind)))
        }
        None => None,
    }
}

/// "last May", "this September", "next March", "this past April", "last December 31".
fn month_shift(text: &str, tokens: &[Token], i: usize) -> Option<Core> {
    let mut c = Cursor::at(tokens, i);
    let year = match c.any(&[W::Last, W::This, W::Next])? {
        W::This if c.word(W::Past) => YearSpec::Previous,
        W::This => YearSpec::Shift(0),
        W::Last => YearSpec::LastMonthName,
        _ => YearSpec::Following,
    };
    let t = c.peek()?;
    let Lex::Month(m, false) = t.lex() else {
        return None;
    };
    if t.case() == Case::Lower {
        return None;
    }
    c.bump();
    // "last December 31": the latest such day.
    let mut d = c;
    if let Some(day) = calendar::day(&mut d, text).filter(|&day| calendar::valid_day(m, day))
        && !calendar::counts_something(text, &d)
    {
        let year = match year {
            YearSpec::LastMonthName => YearSpec::Previous,
            y => y,
        };
        return Some(Core::new(d.i, Expr::Calendar(year, Part::Day(m, day))));
    }
    Some(Core::new(c.i, Expr::Calendar(year, Part::Month(m))))
}

/// True when a sentence can start after `prev` (nothing, or a full stop, question or
/// exclamation mark, or quotation mark).
fn opens_sentence(prev: Option<&Token>) -> bool {
    prev.is_none_or(|p| {
        matches!(
            p.kind,
            Kind::Punct(b'.' | b'!' | b'?' | b'"' | b'\'' | b'`')
        )
    })
}

/// True for a word that puts what follows it ahead of the time of writing: a modal, "'ll" or
/// "to".
fn is_future_marker(text: &str, t: &Token) -> bool {
    ["ll", "to"]
        .iter()
        .chain(MODALS)
        .any(|w| text_is(text, t, w))
}

/// How many words back a future marker may stand from "soon" ("will be ready soon").
const SOON_REACH: usize = 4;

/// True when "soon" at token `i` points ahead of the time of writing: a modal or "to" stands
/// shortly before it in the same clause ("will soon decide", "expects sales to soon grow",
/// "will be healthy enough soon") or a modal right after it ("soon will begin"). Not "as soon
/// as", "soon after", "how soon" or "soon-to-be", and not a past narrative ("was soon
/// released").
fn soon_ahead(text: &str, tokens: &[Token], i: usize) -> bool {
    let marker = |t: &Token| is_future_marker(text, t);
    let prev = i.checked_sub(1).map(|j| &tokens[j]);
    if prev.is_some_and(|p| {
        ["as", "how", "so", "too"]
            .iter()
            .any(|w| text_is(text, p, w))
    }) || tokens.get(i + 1).is_some_and(|t| {
        t.is(W::After)
            || t.is_punct(b'-')
            || ["as", "afterward", "afterwards", "thereafter"]
                .iter()
                .any(|w| text_is(text, t, w))
    }) {
        return false;
    }
    tokens
        .get(i + 1)
        .is_some_and(|t| marker(t) && !text_is(text, t, "to"))
        || tokens[i.saturating_sub(SOON_REACH)..i]
            .iter()
            .rev()
            .take_while(|t| t.is_word())
            .any(marker)
}

/// Adjectives allowed in "the near future", "the foreseeable future".
const FUTURE_ADJECTIVES: &[&str] = &["near", "distant", "foreseeable", "immediate", "far"];

/// The stretch of time "recent", "coming" or "upcoming" opens when a plural unit follows:
/// "in recent days" (PXD), "the coming weeks" (PXW), a length of time without a number, as
/// TimeML values it.
fn stretch(c: &mut Cursor) -> Option<Core> {
    let (unit, true) = c.unit()? else {
        return None;
    };
    Some(Core::new(c.i, Expr::Duration(None, unit)))
}

/// True when a date follows token `i - 1`, possibly after a comma, "in" or "on": "most recently
/// on December 20", "most recently in 2007", "most recently last October", where the date
/// says when and "recently" only ranks it.
fn dated_next(text: &str, tokens: &[Token], i: usize) -> bool {
    let mut c = Cursor::at(tokens, i);
    c.punct(b',');
    c.any(&[W::In, W::On]);
    c.peek().is_some()
        && super::core_at(text, tokens, c.i)
            .is_some_and(|core| super::dated(&core.expr) || matches!(core.expr, Expr::Shift(..)))
}

/// References without a date ("now", "currently", "these days", "at present", "recently",
/// "in the past", "in the future", "the near term", "a later date") and the stretches of
/// time just gone or ahead ("in recent days", "the coming weeks", "the weeks ahead"); not
/// "recently" ranking a date ("most recently in 2007").
fn reference(text: &str, tokens: &[Token], i: usize) -> Option<Core> {
    use RefKind::{Future, Past, Present};
    let mut c = Cursor::at(tokens, i);
    let prev = i.checked_sub(1).map(|j| &tokens[j]);
    let end_or_punct = |c: &Cursor| c.peek().is_none_or(|t| matches!(t.kind, Kind::Punct(_)));
    let kind = match c.bump()?.lex() {
        // "Now, he says, ...": a sentence opening "Now," turns the discourse, not the clock.
        Lex::Word(W::Now) if opens_sentence(prev) && c.peek().is_some_and(|t| t.is_punct(b',')) => {
            return None;
        }
        Lex::Word(W::Now | W::Currently | W::Nowadays) => Present,
        Lex::Word(W::Current) if tokens[i].case() == Case::Lower => Present,
        Lex::Word(W::These) if c.unit() == Some((Unit::Day, true)) => Present,
        Lex::Word(W::Present) if prev.is_some_and(|p| p.is(W::At)) => Present,
        Lex::Word(W::Recently)
            if prev.is_some_and(|p| text_is(text, p, "most"))
                && dated_next(text, tokens, i + 1) =>
        {
            return None;
        }
        Lex::Word(W::Recently | W::Lately) => Past,
        Lex::Word(W::Soon) if soon_ahead(text, tokens, i) => Future,
        Lex::Word(W::Recent | W::Coming | W::Upcoming) => return stretch(&mut c),
        Lex::Word(W::A) if c.word(W::Later) && c.take_if(|t| text_is(text, t, "date")) => Future,
        Lex::Word(W::The) => match c.bump()?.lex() {
            Lex::Word(W::Present) if end_or_punct(&c) => Present,
            Lex::Word(W::Moment) if prev.is_some_and(|p| p.is(W::At)) => Present,
            // "in the past", "the past and", "in the past that"; "the past year" is longer.
            Lex::Word(W::Past)
                if end_or_punct(&c)
                    || c.peek().is_some_and(|t| t.is(W::And))
                    || prev.is_some_and(|p| p.is(W::In)) =>
            {
                Past
            }
            Lex::Word(W::Recent) if c.word(W::Past) => Past,
            Lex::Word(W::Future) => Future,
            Lex::Word(W::Near | W::Short | W::Long) if c.any(&[W::Term, W::Future]).is_some() => {
                Future
            }
            Lex::Word(W::Coming | W::Upcoming) => return stretch(&mut c),
            Lex::Unit(unit, true) if c.word(W::Ahead) => {
                return Some(Core::new(c.i, Expr::Duration(None, unit)));
            }
            Lex::Other => {
                let t = c.prev()?;
                if FUTURE_ADJECTIVES.iter().any(|a| text_is(text, t, a)) && c.word(W::Future) {
                    Future
                } else {
                    return None;
                }
            }
            _ => return None,
        },
        _ => return None,
    };
    Some(Core::new(c.i, Expr::Ref(kind)))
}
