//! Durations and amounts: "three years", "2 1/2 years", "a minute and a half", "10-year",
//! "day-long", "the past two months", "the first nine months", "for weeks", "within days",
//! "weeks or months".

use super::recurrence::{RateOf, rate_before};
use super::{Core, MODALS, longer, text_is};
use crate::extract::time::cursor::Cursor;
use crate::extract::time::expr::{Expr, Mod, Recurrence, RefKind};
use crate::extract::time::token::{Case, Kind, Token};
use crate::extract::time::vocab::{Lex, Unit, W};

/// An amount of units: a number, or `None` when unspecified ("a few", "several").
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Amount {
    /// The number of units, if stated.
    pub value: Option<f64>,
    /// True when the amount was the article "a"/"an" ("a year").
    pub article: bool,
    /// A modifier the amount implies ("a couple of" is approximate).
    pub modifier: Option<Mod>,
}

/// The longest duration starting at token `i`.
pub(super) fn parse(text: &str, tokens: &[Token], i: usize) -> Option<Core> {
    let mut best = counted(text, tokens, i);
    best = longer(best, spanning(text, tokens, i));
    best = longer(best, unit_long(tokens, i));
    longer(best, bare_plural(tokens, i))
}

/// An amount: "3", "2.5", "2 1/2", "three", "twenty-four", "a", "an", "a few", "several",
/// "a couple of", "couple of" (after "the next"), "a dozen", "half a", "one hundred".
pub(super) fn amount(c: &mut Cursor, text: &str) -> Option<Amount> {
    let mut d = *c;
    let plain = |value: Option<f64>| Amount {
        value,
        article: false,
        modifier: None,
    };
    let t = d.peek()?;
    let amount = match t.kind {
        Kind::Number(n, digits) if digits <= 3 || (digits <= 5 && !(1000..=2999).contains(&n)) => {
            d.bump();
            let mut value = f64::from(n);
            // "2 1/2"
            let mut f = d;
            if let (Some(a), true, Some(b)) = (f.number(1), f.tight_punct(b'/'), f.number(2))
                && a < b
                && b > 0
            {
                value += f64::from(a) / f64::from(b);
                d = f;
            }
            plain(Some(value))
        }
        Kind::Quantity => {
            d.bump();
            let s: String = text[t.start as usize..t.end as usize]
                .chars()
                .filter(|&c| c != ',')
                .collect();
            plain(Some(s.parse().ok()?))
        }
        Kind::Word(Lex::NumWord(n), _) => {
            d.bump();
            let mut value = u32::from(n);
            if (20..=90).contains(&n) && n % 10 == 0 {
                let mut u = d;
                u.dash();
                if let Lex::NumWord(units @ 1..=9) = u.lex() {
                    u.bump();
                    value += u32::from(units);
                    d = u;
                }
            }
            if d.lex() == Lex::NumWord(100) {
                d.bump();
                value *= 100;
            }
            plain(Some(f64::from(value)))
        }
        Kind::Word(Lex::Word(W::A | W::An), _) => {
            d.bump();
            match d.lex() {
                Lex::Word(W::Few) => {
                    d.bump();
                    plain(None)
                }
                Lex::Word(W::Couple) => {
                    d.bump();
                    d.word(W::Of);
                    Amount {
                        value: Some(2.0),
                        article: false,
                        modifier: Some(Mod::Approx),
                    }
                }
                Lex::NumWord(n @ (12 | 100)) => {
                    d.bump();
                    plain(Some(f64::from(n)))
                }
                _ => Amount {
                    value: Some(1.0),
                    article: true,
                    modifier: None,
                },
            }
        }
        // "the next couple of years"
        Kind::Word(Lex::Word(W::Couple), _) => {
            d.bump();
            d.word(W::Of).then_some(())?;
            Amount {
                value: Some(2.0),
                article: false,
                modifier: Some(Mod::Approx),
            }
        }
        Kind::Word(Lex::Word(W::Few | W::Several | W::Many), _) => {
            d.bump();
            plain(None)
        }
        Kind::Word(Lex::Word(W::Half), _) => {
            d.bump();
            d.any(&[W::A, W::An])?;
            plain(Some(0.5))
        }
        _ => return None,
    };
    *c = d;
    Some(amount)
}

/// Adjectives allowed between an amount and its unit ("two more weeks", "three straight days").
const FILLERS: &[&str] = &[
    "more",
    "additional",
    "extra",
    "full",
    "straight",
    "consecutive",
    "further",
    "whole",
    "long",
    "trading",
];

/// Skips one filler adjective, or "business"/"working"/"calendar" before "days".
fn filler(c: &mut Cursor, text: &str) {
    let Some(t) = c.peek() else { return };
    let w = &text[t.start as usize..t.end as usize];
    if FILLERS.iter().any(|f| w.eq_ignore_ascii_case(f)) || t.is(W::Business) || t.is(W::Calendar) {
        c.bump();
    }
}

/// A counted unit: "three years", "a week", "10-year", "2 1/2 years", "two and a half
/// years", "a minute and a half", "two to three weeks". "a day" after happenings
/// ("calls a day") is a recurrence, after a quantity ("$1 billion a year") nothing; so is a
/// length of time per period ("24 hours a day").
fn counted(text: &str, tokens: &[Token], i: usize) -> Option<Core> {
    let mut c = Cursor::at(tokens, i);
    let first = amount(&mut c, text)?;
    let mut value = first.value;
    let mut modifier = first.modifier;
    // "two and a half years"
    let mut h = c;
    if h.word(W::And) && h.any(&[W::A, W::An]).is_some() && h.word(W::Half) {
        value = value.map(|v| v + 0.5);
        c = h;
    }
    // "two to three weeks", "two or three days"
    let mut r = c;
    if (r.word(W::To) || r.word(W::Or) || r.dash())
        && first.value.is_some()
        && amount(&mut r, text).is_some_and(|a| a.value.is_some() && !a.article)
    {
        c = r;
        modifier = Some(Mod::EqualOrMore);
    }
    c.dash();
    filler(&mut c, text);
    let (unit, plural) = c.unit()?;
    if first.article && plural {
        return None;
    }
    // "24 hours a day", "seven days a week": a rate of time, no length of anything; but
    // "9.6 months a year ago" is one.
    let mut r = c;
    if plural
        && r.any(&[W::A, W::Per]).is_some()
        && r.unit().is_some_and(|(_, p)| !p)
        && r.peek().is_none_or(|t| {
            !t.is_punct(b'-')
                && ![W::Ago, W::Earlier, W::Later, W::Before, W::After]
                    .iter()
                    .any(|&w| t.is(w))
        })
    {
        return None;
    }
    // "a quarter of the vote", "three-quarters": fractions, not three months.
    // "Several quarters of losses" counts no fraction.
    if unit == Unit::Quarter
        && (first.article
            || (first.value.is_some() && c.peek().is_some_and(|t| t.is(W::Of)))
            || dash_before_unit(&c))
    {
        return None;
    }
    if first.article {
        match rate_before(text, tokens, i) {
            Some(RateOf::Quantity) => return None,
            Some(RateOf::Happening) => {
                return Some(Core::new(c.i, Expr::Set(Recurrence::Every(1, unit))));
            }
            None => {}
        }
    }
    let mut h = c;
    if h.word(W::And) && h.any(&[W::A, W::An]).is_some() && h.word(W::Half) {
        value = value.map(|v| v + 0.5);
        c = h;
    }
    // Ages ("52 years old", "a four-year-old") are not durations of anything dated, and
    // "a year-end meeting" is not a year long.
    let mut o = c;
    if o.tight_punct(b'-')
        && o.touching()
        && !o.word(W::Long)
        && o.peek().is_some_and(Token::is_word)
    {
        return None;
    }
    let mut o = c;
    o.dash();
    if o.word(W::Old) {
        return None;
    }
    if unit == Unit::Day && !plural && c.i == i + 2 && someday(text, tokens, i) {
        return Some(Core::new(c.i, Expr::Ref(RefKind::Future)));
    }
    let core = Core::new(c.i, Expr::Duration(value, unit));
    Some(match modifier {
        Some(m) => core.with_mod(m),
        None => core,
    })
}

/// True when "one day" at token `i` means some time in the future: after a modal ("could one
/// day challenge Windows") or between "to" and a verb ("expects China to one day be its
/// biggest market"); not "up to one day", "agreed to one day of talks".
fn someday(text: &str, tokens: &[Token], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|p| &tokens[p]) else {
        return false;
    };
    if !text_is(text, &tokens[i], "one") {
        return false;
    }
    if MODALS.iter().any(|w| text_is(text, prev, w)) {
        return true;
    }
    let verb_next = tokens.get(i + 2).is_some_and(|t| {
        matches!(t.kind, Kind::Word(Lex::Other, Case::Lower)) || text_is(text, t, "be")
    });
    prev.is(W::To)
        && verb_next
        && i >= 2
        && !["up", "from"]
            .iter()
            .any(|w| text_is(text, &tokens[i - 2], w))
}

/// True when the unit just read was glued to the amount by a dash ("three-quarters").
fn dash_before_unit(c: &Cursor) -> bool {
    c.i >= 2 && c.tokens[c.i - 2].is_punct(b'-')
}

/// A stretch ending or starting now: "the past two months", "the first nine months",
/// "the next three years", "the past few weeks", "the nine months", "last five years".
fn spanning(text: &str, tokens: &[Token], i: usize) -> Option<Core> {
    let mut c = Cursor::at(tokens, i);
    let the = c.word(W::The);
    let lead = c
        .any(&[
            W::Past,
            W::Last,
            W::Next,
            W::Coming,
            W::Previous,
            W::Following,
            W::Latest,
            W::Prior,
        ])
        .is_some()
        || c.take_if(|t| t.lex() == Lex::Ordinal(1));
    if !the && !lead {
        return None;
    }
    let stretch = amount(&mut c, text).filter(|a| !a.article)?;
    filler(&mut c, text);
    let (unit, plural) = c.unit()?;
    if !plural || (!lead && stretch.value.is_none()) {
        return None;
    }
    Some(Core::new(c.i, Expr::Duration(stretch.value, unit)))
}

/// "day-long", "decades-long", "year-long".
fn unit_long(tokens: &[Token], i: usize) -> Option<Core> {
    let mut c = Cursor::at(tokens, i);
    let (unit, plural) = c.unit()?;
    if !(c.tight_punct(b'-') && c.touching() && c.word(W::Long)) {
        return None;
    }
    let value = (!plural).then_some(1.0);
    Some(Core::new(c.i, Expr::Duration(value, unit)))
}

/// Words before a bare plural unit that make it a length of time ("for years", "within days").
const BARE_LEAD: &[W] = &[W::For, W::Within, W::In, W::Over, W::After, W::During];

/// A plural unit without an amount: "for weeks", "within days", "over the years",
/// "weeks or months", "months of talks".
fn bare_plural(tokens: &[Token], i: usize) -> Option<Core> {
    let mut c = Cursor::at(tokens, i);
    let the = c.word(W::The);
    let (unit, plural) = c.unit()?;
    if !plural || unit == Unit::Weekend {
        return None;
    }
    let mut r = c;
    if r.word(W::Or) && r.unit().is_some_and(|(_, p)| p) {
        return Some(Core::new(r.i, Expr::Duration(None, unit)).with_mod(Mod::Approx));
    }
    let before = i.checked_sub(1).map(|j| &tokens[j]);
    // "follows months of talks", "years of war"; not "quarters of the vote", "the minutes
    // of the meeting" or "the early hours of Friday".
    let of_after = !the
        && !matches!(unit, Unit::Quarter | Unit::Minute)
        && !before.is_some_and(|t| t.is(W::Early))
        && c.peek().is_some_and(|t| t.is(W::Of));
    let lead = of_after || before.is_some_and(|t| BARE_LEAD.iter().any(|&w| t.is(w)));
    // "over the years", "for years", "within days" but not "the days of swelling sales".
    if !lead || (the && !before.is_some_and(|t| t.is(W::Over))) {
        return None;
    }
    Some(Core::new(c.i, Expr::Duration(None, unit)))
}
