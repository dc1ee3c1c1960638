//! Times of day: "10:35 a.m.", "10 p.m. Wednesday", "5 p.m. EST Nov. 9", "noon Thursday",
//! "1900 GMT", "7 o'clock", "4 in the morning".

use super::{Core, calendar, longer, relative, text_is};
use crate::extract::time::cursor::Cursor;
use crate::extract::time::expr::{Base, Clock, Expr, Part};
use crate::extract::time::token::{Case, Kind, Token};
use crate::extract::time::vocab::{DayPart, Lex, Unit, W};

/// A time of day starting at token `i`, with the day written right after it, if any.
pub(super) fn parse(text: &str, tokens: &[Token], i: usize) -> Option<Core> {
    let mut c = Cursor::at(tokens, i);
    let clock = time_of_day(&mut c, text)?;
    let mut d = c;
    d.punct(b',');
    d.word(W::On);
    if let Some(day) = day_after(text, tokens, d.i) {
        return Some(Core::new(day.end, day.expr).with_clock(Some(clock)));
    }
    Some(Core::new(c.i, Expr::Shift(Unit::Day, 0, Base::Reference)).with_clock(Some(clock)))
}

/// A day named right after a time: "Wednesday", "yesterday", "Nov. 9".
fn day_after(text: &str, tokens: &[Token], i: usize) -> Option<Core> {
    let named = longer(
        relative::deictic(text, tokens, i),
        relative::weekday(text, tokens, i),
    );
    let date = calendar::parse(text, tokens, i)
        .filter(|c| matches!(c.expr, Expr::Calendar(_, Part::Day(..))) && c.second.is_none());
    longer(named, date).filter(|c| c.clock.is_none())
}

/// Words before a bare "10:35" that make it a time.
const CLOCK_LEAD: &[W] = &[
    W::At,
    W::Around,
    W::About,
    W::By,
    W::Until,
    W::Before,
    W::After,
    W::From,
    W::Since,
];

/// A clock time: hours with minutes, a.m./p.m., a time zone or "o'clock"; or "noon",
/// "midnight", but not "high noon" (a showdown) or a title ("Midnight Cowboy").
fn time_of_day(c: &mut Cursor, text: &str) -> Option<Clock> {
    let mut d = *c;
    if let Lex::DayPart(p @ (DayPart::Noon | DayPart::Midnight)) = d.lex() {
        let capital = d.peek().is_some_and(|t| t.case() == Case::Capital);
        if d.prev().is_some_and(|t| text_is(text, t, "high")) {
            return None;
        }
        d.bump();
        if capital
            && d.peek()
                .is_some_and(|t| t.case() == Case::Capital && t.lex() == Lex::Other)
        {
            return None;
        }
        *c = d;
        return Some(Clock::Part(p));
    }
    let lead = d
        .prev()
        .is_some_and(|t| CLOCK_LEAD.iter().any(|&w| t.is(w)));
    let t = *d.peek()?;
    let (mut h, mut m) = (d.number(4)?, 0);
    let mut colon = false;
    if t.digits() == 4 {
        // "1900 GMT"
        (h, m) = (h / 100, h % 100);
    } else if t.digits() > 2 {
        return None;
    } else if (d.tight_punct(b':') || d.tight_punct(b'.')) && d.touching() {
        m = d
            .number(2)
            .filter(|_| d.prev().is_some_and(|t| t.digits() == 2))?;
        colon = true;
    }
    if h > 24 || m > 59 {
        return None;
    }
    let meridiem = meridiem(&mut d, text).or_else(|| spoken_meridiem(&mut d));
    let zone = d.word(W::Zone);
    let oclock = meridiem.is_none() && o_clock(&mut d, text);
    let clear = meridiem.is_some() || oclock || (zone && (t.digits() == 4 || colon));
    if !(clear || (colon && lead)) || (t.digits() == 4 && !zone) {
        return None;
    }
    if let Some(pm) = meridiem {
        if h > 12 || h == 0 {
            return None;
        }
        h = match (pm, h) {
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, 12) => 0,
            (false, h) => h,
        };
    }
    *c = d;
    Some(Clock::At(h as u8, m as u8))
}

/// "a.m.", "p.m.", "am", "pm", "a.m": `Some(true)` for p.m.
fn meridiem(c: &mut Cursor, text: &str) -> Option<bool> {
    let mut d = *c;
    let t = d.bump()?;
    let w = &text[t.start as usize..t.end as usize];
    let pm = match t.kind {
        Kind::Word(Lex::Word(W::Am), _) => false,
        Kind::Word(Lex::Word(W::Pm), _) => true,
        Kind::Word(..) if w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("p") => {
            if !(d.tight_punct(b'.') && d.touching()) {
                return None;
            }
            let m = d.bump()?;
            if !text[m.start as usize..m.end as usize].eq_ignore_ascii_case("m") {
                return None;
            }
            d.tight_punct(b'.');
            w.eq_ignore_ascii_case("p")
        }
        _ => return None,
    };
    *c = d;
    Some(pm)
}

/// "in the morning" (a.m.), "in the afternoon", "in the evening", "at night" (p.m.) after an
/// hour: "4 in the morning". `Some(true)` for p.m.
fn spoken_meridiem(c: &mut Cursor) -> Option<bool> {
    let mut d = *c;
    let pm = if d.word(W::In) && d.word(W::The) {
        match d.lex() {
            Lex::DayPart(DayPart::Morning) => false,
            Lex::DayPart(DayPart::Afternoon | DayPart::Evening) => true,
            _ => return None,
        }
    } else if d.word(W::At) && d.lex() == Lex::DayPart(DayPart::Night) {
        true
    } else {
        return None;
    };
    d.bump();
    *c = d;
    Some(pm)
}

/// "o'clock".
fn o_clock(c: &mut Cursor, text: &str) -> bool {
    let mut d = *c;
    let ok = d
        .bump()
        .is_some_and(|t| &text[t.start as usize..t.end as usize] == "o")
        && d.tight_punct(b'\'')
        && d.bump()
            .is_some_and(|t| text[t.start as usize..t.end as usize].eq_ignore_ascii_case("clock"));
    if ok {
        *c = d;
    }
    ok
}
