//! Recurrences (TIMEX3 SET): "every week", "each July", "every Monday", "daily",
//! "twice a year", "calls a day", "on Mondays".

use super::duration::amount;
use super::{Core, longer, text_is};
use crate::extract::time::cursor::Cursor;
use crate::extract::time::expr::{Expr, Recurrence};
use crate::extract::time::token::{Case, Kind, Token};
use crate::extract::time::vocab::{Lex, Unit, W};

/// The longest recurrence starting at token `i`.
pub(super) fn parse(text: &str, tokens: &[Token], i: usize) -> Option<Core> {
    let mut best = every(text, tokens, i);
    best = longer(best, adverb(text, tokens, i));
    best = longer(best, times_per(text, tokens, i));
    longer(best, plural_weekday(tokens, i))
}

/// "every week", "each year", "every other day", "every two weeks", "every Monday",
/// "each July", "every summer".
fn every(text: &str, tokens: &[Token], i: usize) -> Option<Core> {
    let mut c = Cursor::at(tokens, i);
    c.any(&[W::Every, W::Each])?;
    let step = if c.word(W::Other) { 2 } else { 1 };
    let rec = match c.lex() {
        Lex::Unit(u, false) => {
            c.bump();
            Recurrence::Every(step, u)
        }
        Lex::Weekday(d, false) => {
            c.bump();
            let part = match c.lex() {
                Lex::DayPart(p) => {
                    c.bump();
                    Some(p)
                }
                _ => None,
            };
            Recurrence::Weekday(d, part)
        }
        Lex::Month(m, _) if c.peek().is_some_and(|t| t.case() != Case::Lower) => {
            c.bump();
            Recurrence::Month(m)
        }
        Lex::Season(s) => {
            c.bump();
            Recurrence::Season(s)
        }
        _ => {
            let n = amount(&mut c, text)?.value?;
            let (u, true) = c.unit()? else { return None };
            Recurrence::Every(n as u32, u)
        }
    };
    Some(Core::new(c.i, Expr::Set(rec)))
}

/// Adverbs of frequency and the unit they repeat.
pub(super) const ADVERBS: &[(W, Unit)] = &[
    (W::Daily, Unit::Day),
    (W::Weekly, Unit::Week),
    (W::Monthly, Unit::Month),
    (W::Yearly, Unit::Year),
    (W::Annually, Unit::Year),
    (W::Hourly, Unit::Hour),
];

/// "daily", "weekly", "monthly", "yearly", "annually", "hourly"; not after a quantity ("rise
/// 3% annually", "$40 million annually", "10,000 units annually") or in a measure ("average
/// daily volume").
fn adverb(text: &str, tokens: &[Token], i: usize) -> Option<Core> {
    let t = tokens.get(i)?;
    let &(_, unit) = ADVERBS.iter().find(|(w, _)| t.is(*w))?;
    if rate_before(text, tokens, i) == Some(RateOf::Quantity)
        || (matches!(t.lex(), Lex::Word(W::Daily | W::Weekly | W::Monthly))
            && (newspaper(text, tokens, i) || averaged(text, tokens, i)))
    {
        return None;
    }
    Some(Core::new(i + 1, Expr::Set(Recurrence::Every(1, unit))))
}

/// True when the frequency word at token `i` names a newspaper or a periodical: capitalised
/// inside a sentence ("China Daily", "the Daily Telegraph", "Jane's Defence Weekly"), after a
/// name or a nationality when it modifies no noun ("German daily Handelsblatt", "the
/// Kathimerini daily"; but "Saudi daily output" is a frequency), the subject of a report
/// ("the daily said") or between a word that describes a paper and its name ("business daily
/// Les Echos", "told weekly Der Spiegel"). "Weekly U.S. inventory data" is a frequency.
fn newspaper(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    let prev = i.checked_sub(1).map(|p| &tokens[p]);
    let next = tokens.get(i + 1);
    // a capitalised word inside a sentence: a name
    let name = |j: usize| {
        tokens[j].is_word()
            && tokens[j].case() == Case::Capital
            && j > 0
            && !matches!(tokens[j - 1].kind, Kind::Punct(b'.' | b'!' | b'?' | b'"'))
    };
    if t.case() != Case::Lower {
        return name(i);
    }
    let report = next.is_some_and(|n| REPORT_VERBS.iter().any(|w| text_is(text, n, w)));
    // "daily output", "weekly jobless claims": a lower-case noun the frequency modifies; not
    // a short word ("daily le Figaro", "the daily he told"), a verb in "-ed" ("the daily
    // complained"), a word for a paper ("weekly magazine Focus", "daily newspaper") or the
    // article of a paper's name ("daily al-Hayat")
    let modifies = next.is_some_and(|n| {
        let w = &text[n.start as usize..n.end as usize];
        matches!(n.kind, Kind::Word(Lex::Other, Case::Lower))
            && !report
            && w.len() > 3
            && !w.ends_with("ed")
            && !PAPER_NOUNS.contains(&w)
            && !["al-", "el-"]
                .iter()
                .any(|p| text[n.start as usize..].starts_with(p))
    });
    (i > 0 && name(i - 1) && !modifies)
        || report
        || (next.is_some_and(|n| n.is_word() && n.case() == Case::Capital)
            && prev.is_some_and(|p| PAPER_WORDS.iter().any(|w| text_is(text, p, w))))
}

/// Words before "daily", "weekly" or "monthly" that make it the period a measure is taken
/// over, not a recurrence: "average daily volume", "median weekly earnings".
const MEASURES: &[&str] = &["average", "median", "mean", "typical"];

/// True when the frequency word at token `i` follows a word of [`MEASURES`].
fn averaged(text: &str, tokens: &[Token], i: usize) -> bool {
    i.checked_sub(1)
        .is_some_and(|p| MEASURES.iter().any(|w| text_is(text, &tokens[p], w)))
}

/// Verbs in the past of which a newspaper is the subject ("the daily reported"); in the
/// present they may be nouns ("daily reports").
const REPORT_VERBS: &[&str] = &["said", "reported", "wrote", "quoted", "added"];

/// Words after "daily" or "weekly" that make it a paper's description, not a frequency: the
/// kind of paper, or a relative pronoun ("the German daily which reported").
const PAPER_NOUNS: &[&str] = &[
    "newspaper",
    "newspapers",
    "paper",
    "magazine",
    "tabloid",
    "journal",
    "news",
    "which",
    "that",
    "whose",
];

/// Words that describe a newspaper before "daily" and its name ("business daily Les Echos"),
/// or lead to it ("told daily Kathimerini").
const PAPER_WORDS: &[&str] = &[
    "business",
    "financial",
    "economic",
    "news",
    "tabloid",
    "conservative",
    "liberal",
    "leftist",
    "popular",
    "leading",
    "influential",
    "regional",
    "local",
    "national",
    "told",
];

/// "once a week", "twice a year", "three times a day", "once per month".
fn times_per(text: &str, tokens: &[Token], i: usize) -> Option<Core> {
    let mut c = Cursor::at(tokens, i);
    if c.any(&[W::Once, W::Twice]).is_none() {
        amount(&mut c, text).filter(|a| !a.article)?;
        if !c.word(W::Times) {
            return None;
        }
    }
    c.any(&[W::A, W::An, W::Per, W::Each, W::Every])?;
    let (u, false) = c.unit()? else { return None };
    Some(Core::new(c.i, Expr::Set(Recurrence::Every(1, u))))
}

/// "on Mondays", "Tuesdays".
fn plural_weekday(tokens: &[Token], i: usize) -> Option<Core> {
    let mut c = Cursor::at(tokens, i);
    let t = c.peek()?;
    let Lex::Weekday(d, true) = t.lex() else {
        return None;
    };
    if t.case() == Case::Lower {
        return None;
    }
    c.bump();
    Some(Core::new(c.i, Expr::Set(Recurrence::Weekday(d, None))))
}

/// Words for amounts and money after which "a year" is a rate ("$1 billion a year").
const AMOUNT_WORDS: &[&str] = &[
    "million", "billion", "trillion", "thousand", "percent", "dollars", "euros", "pounds",
];

/// What the token before a rate word shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum RateOf {
    /// A quantity: a number, an amount of money, a percentage ("$1 billion a year", "240,000 a
    /// month", "3% annually"). The unit measures the quantity; TimeML annotates no time there.
    Quantity,
    /// Things that happen: a plural noun ("calls a day") or "once"/"twice"/"times": a
    /// recurrence.
    Happening,
}

/// What the token before `i` shows about "a"/"per" + unit (or a frequency adverb) at `i`, if
/// it makes a rate. Things counted with a number are a quantity too ("2 million barrels a
/// day", "four flights a week", "10,000 units annually"), and so is a length of time ("24
/// hours a day"); things without a number happen ("calls a day", "hundreds of interviews a
/// day").
pub(super) fn rate_before(text: &str, tokens: &[Token], i: usize) -> Option<RateOf> {
    let k = i.checked_sub(1)?;
    let p = &tokens[k];
    match p.kind {
        Kind::Number(..) | Kind::Quantity | Kind::Punct(b'%') => Some(RateOf::Quantity),
        Kind::Word(Lex::Word(W::Once | W::Twice | W::Times), _) => Some(RateOf::Happening),
        Kind::Word(Lex::Unit(_, true), _) => Some(RateOf::Quantity),
        Kind::Word(Lex::Other, Case::Lower) => {
            let w = &text[p.start as usize..p.end as usize];
            if AMOUNT_WORDS.contains(&w) {
                Some(RateOf::Quantity)
            } else if plural_noun(w) {
                Some(if numbered(text, tokens, k) {
                    RateOf::Quantity
                } else {
                    RateOf::Happening
                })
            } else if k >= 2 && tokens[k - 1].is(W::Of) && numbered(text, tokens, k - 2) {
                // "26 million barrels of oil a day"
                Some(RateOf::Quantity)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// True for a lower-case word that looks like a plural noun ("flights", "barrels").
fn plural_noun(w: &str) -> bool {
    w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")
}

/// True when the plural noun at token `k` is counted by a number right before it, or before
/// one adjective ("700 seats", "2.89 million barrels", "four new flights").
fn numbered(text: &str, tokens: &[Token], k: usize) -> bool {
    let number = |t: &Token| {
        matches!(
            t.kind,
            Kind::Number(..) | Kind::Quantity | Kind::Word(Lex::NumWord(_), _)
        ) || (t.case() == Case::Lower
            && AMOUNT_WORDS.contains(&&text[t.start as usize..t.end as usize]))
    };
    if !tokens.get(k).is_some_and(|t| {
        matches!(t.kind, Kind::Word(Lex::Other, Case::Lower))
            && plural_noun(&text[t.start as usize..t.end as usize])
    }) {
        return false;
    }
    match k.checked_sub(1).map(|j| &tokens[j]) {
        Some(t) if number(t) => true,
        Some(t) if matches!(t.kind, Kind::Word(Lex::Other, Case::Lower)) => {
            k >= 2 && number(&tokens[k - 2])
        }
        _ => false,
    }
}
