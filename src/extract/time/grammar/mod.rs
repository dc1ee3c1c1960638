//! Recognition: finds time expressions in a paragraph's tokens and says what they mean
//! ([`Expr`]), before anything is resolved against the publication date.
//!
//! At each token that can start an expression, every pattern family is tried and the longest
//! match wins; modifiers in front ("early", "the end of", "about", "at least") are tried the
//! same way. Ranges ("December 20-21", "from May to July", "between 2014 and 2022") come out
//! as two expressions, the second marked as closing the range, as TimeML annotates them.

mod calendar;
mod clock;
mod duration;
mod recurrence;
mod relative;

use crate::extract::time::cursor::Cursor;
use crate::extract::time::expr::{Base, Clock, Expr, Mod};
use crate::extract::time::token::{Case, Kind, Token};
use crate::extract::time::vocab::{Lex, Unit, W};

/// A recognised expression: a token range and what it means.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Found {
    /// Index of the first token.
    pub first: usize,
    /// Index one past the last token.
    pub end: usize,
    /// The meaning.
    pub expr: Expr,
    /// A TIMEX3 modifier.
    pub modifier: Option<Mod>,
    /// A time of day, for expressions that name one.
    pub clock: Option<Clock>,
    /// True when this expression closes a range opened by the expression before it.
    pub closes_range: bool,
}

/// What a pattern matched, before prefixes are added.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Core {
    /// Index one past the last token.
    end: usize,
    /// The meaning.
    expr: Expr,
    /// A modifier the pattern itself implies ("earlier this week").
    modifier: Option<Mod>,
    /// A time of day.
    clock: Option<Clock>,
    /// A second expression closing a range ("21" in "December 20-21"): first token, end, meaning.
    second: Option<(usize, usize, Expr)>,
}

impl Core {
    fn new(end: usize, expr: Expr) -> Core {
        Core {
            end,
            expr,
            modifier: None,
            clock: None,
            second: None,
        }
    }

    fn with_mod(mut self, m: Mod) -> Core {
        self.modifier = Some(m);
        self
    }

    fn with_clock(mut self, clock: Option<Clock>) -> Core {
        self.clock = clock;
        self
    }
}

/// Keeps the longer of two matches (the first on ties).
fn longer(a: Option<Core>, b: Option<Core>) -> Option<Core> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if b.end > a.end { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// Finds the time expressions among `tokens` (one paragraph) and appends them to `out`.
pub fn scan(text: &str, tokens: &[Token], out: &mut Vec<Found>) {
    let prose = is_prose(tokens);
    let mut i = 0;
    while i < tokens.len() {
        if !can_start(tokens, i) {
            i += 1;
            continue;
        }
        let Some((first, core)) = best_at(text, tokens, i) else {
            i += 1;
            continue;
        };
        if (prose && in_a_name(tokens, first, core.end, &core.expr))
            || before_unit(tokens, core.end)
        {
            i = core.end;
            continue;
        }
        out.push(Found {
            first,
            end: core.end,
            expr: core.expr,
            modifier: core.modifier,
            clock: core.clock,
            closes_range: false,
        });
        i = core.end;
        if let Some((first, end, expr)) = core.second {
            out.push(Found {
                first,
                end,
                expr,
                modifier: None,
                clock: None,
                closes_range: true,
            });
            i = end;
        }
    }
    mark_ranges(tokens, out);
}

/// Lower-case words of four letters or more a paragraph needs to count as prose rather than
/// a headline in title case.
const PROSE_WORDS: usize = 3;

/// True when the paragraph is running prose, not a title-case headline ("Talks Resume Next
/// Week"), so that a capitalised unit word in it is part of a name.
fn is_prose(tokens: &[Token]) -> bool {
    tokens
        .iter()
        .filter(|t| t.is_word() && t.case() == Case::Lower && t.end - t.start >= 4)
        .nth(PROSE_WORDS - 1)
        .is_some()
}

/// True when the expression `first..end` is part of a name or title: a unit or day word
/// written with a capital inside a sentence ("ABC's "This Week"", "CBS's "60 Minutes"",
/// "High Noon", "VOA Today"). Calendar expressions keep their capitals ("Christmas Day",
/// "Fiscal Year 2024").
fn in_a_name(tokens: &[Token], first: usize, end: usize, expr: &Expr) -> bool {
    if matches!(expr, Expr::Calendar(..)) {
        return false;
    }
    (first..end).any(|j| {
        let t = &tokens[j];
        let common = matches!(
            t.lex(),
            Lex::Unit(..)
                | Lex::DayPart(_)
                | Lex::Word(W::Today | W::Tonight | W::Yesterday | W::Tomorrow)
        );
        let inside = j > first || j.checked_sub(1).is_some_and(|p| tokens[p].is_word());
        common && t.case() == Case::Capital && inside
    })
}

/// True when a unit word closing an expression is glued by a hyphen to another unit word or
/// to "to" ("its quarter-century low", "a half-century", "the quarter-to-quarter
/// comparison", "day-to-day"): a compound, not the unit itself.
fn before_unit(tokens: &[Token], end: usize) -> bool {
    let glued = |a: &Token, b: &Token| a.end == b.start;
    match (
        tokens.get(end.wrapping_sub(1)),
        tokens.get(end),
        tokens.get(end + 1),
    ) {
        (Some(last), Some(dash), Some(next)) => {
            matches!(last.lex(), Lex::Unit(..) | Lex::Word(W::Half))
                && dash.is_punct(b'-')
                && glued(last, dash)
                && glued(dash, next)
                && matches!(next.lex(), Lex::Unit(..) | Lex::Word(W::To))
        }
        _ => false,
    }
}

/// Words that are an expression on their own ("today", "now"; the adverbs of frequency are in
/// [`recurrence::ADVERBS`]).
const SELF_STARTERS: &[W] = &[
    W::Today,
    W::Tonight,
    W::Yesterday,
    W::Tomorrow,
    W::Now,
    W::Currently,
    W::Recently,
    W::Lately,
    W::Soon,
    W::Nowadays,
    W::Current,
    W::Christmas,
    W::Halloween,
    W::Thanksgiving,
];

/// Words that start an expression only with a date word close behind ("the third quarter",
/// "last year"), besides [`POSITIONS`] ("early next year") and [`APPROXIMATORS`] ("about two
/// weeks").
const LEADS: &[W] = &[
    W::The,
    W::A,
    W::An,
    W::Its,
    W::Their,
    W::His,
    W::Her,
    W::Our,
    W::This,
    W::That,
    W::These,
    W::Last,
    W::Next,
    W::Past,
    W::Coming,
    W::Upcoming,
    W::Previous,
    W::Prior,
    W::Following,
    W::Latest,
    W::Recent,
    W::Same,
    W::Earlier,
    W::Later,
    W::Few,
    W::Several,
    W::Many,
    W::Half,
    W::Fiscal,
    W::Each,
    W::Every,
    W::New,
    W::Once,
    W::Twice,
];

/// Function words that count as the date word a lead needs ("the past", "a later date").
const CORE_WORDS: &[W] = &[
    W::Today,
    W::Tonight,
    W::Yesterday,
    W::Tomorrow,
    W::Past,
    W::Future,
    W::Present,
    W::Moment,
    W::Term,
    W::Eighties,
    W::Period,
    W::Later,
    W::Christmas,
    W::Halloween,
    W::Thanksgiving,
];

/// The length of the word tables below: one more than the discriminant of `W::Eighties`, the
/// last word. A word added after it is in no table ([`in_table`] says no), and listing it in
/// one fails to compile.
const WORDS: usize = W::Eighties as usize + 1;

/// True when `w` is marked in `table`.
fn in_table(table: &[bool; WORDS], w: W) -> bool {
    table.get(w as usize).copied().unwrap_or(false)
}

/// A table, indexed by `W` discriminant, of the words in `lists`: membership in one load
/// instead of a scan of the lists at every token.
const fn word_table(lists: &[&[W]]) -> [bool; WORDS] {
    let mut table = [false; WORDS];
    let mut l = 0;
    while l < lists.len() {
        let mut k = 0;
        while k < lists[l].len() {
            table[lists[l][k] as usize] = true;
            k += 1;
        }
        l += 1;
    }
    table
}

/// Words that start an expression by themselves: [`SELF_STARTERS`] and the adverbs of
/// frequency.
const STARTS_ALONE: [bool; WORDS] = {
    let mut table = word_table(&[SELF_STARTERS]);
    let mut k = 0;
    while k < recurrence::ADVERBS.len() {
        table[recurrence::ADVERBS[k].0 as usize] = true;
        k += 1;
    }
    table
};

/// Words that start an expression with a date word close behind: [`LEADS`], [`POSITIONS`],
/// [`APPROXIMATORS`].
const STARTS_WITH_CORE: [bool; WORDS] = word_table(&[LEADS, POSITIONS, APPROXIMATORS]);

/// [`CORE_WORDS`] as a table.
const IS_CORE: [bool; WORDS] = word_table(&[CORE_WORDS]);

/// Whether an expression can start at token `i`: a number, a date word, a word that is an
/// expression by itself, a lead with a date word in the next four tokens, "Q" or "FY" glued to a
/// number ("Q3", "FY26"), or an apostrophe before a number ("'90s"). This keeps the grammar off the
/// great majority of tokens.
fn can_start(tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    let number_next = || {
        tokens
            .get(i + 1)
            .is_some_and(|n| n.number().is_some() && n.start == t.end)
    };
    match t.kind {
        Kind::Number(..) | Kind::Quantity => true,
        Kind::Punct(b'\'') => number_next(),
        Kind::Punct(_) => false,
        Kind::Word(Lex::Other, case) => {
            (t.end - t.start <= 2 && number_next())
                || (case == Case::Capital && day_ahead(tokens, i))
        }
        Kind::Word(Lex::Word(w), _) => {
            in_table(&STARTS_ALONE, w) || (in_table(&STARTS_WITH_CORE, w) && core_ahead(tokens, i))
        }
        Kind::Word(..) => true,
    }
}

/// True when a capitalised "Day" follows token `i`, possibly after "'" or "'s" ("Memorial Day",
/// "Valentine's Day").
fn day_ahead(tokens: &[Token], i: usize) -> bool {
    (i + 1..=i + 3).any(|j| {
        tokens
            .get(j)
            .is_some_and(|t| t.lex() == Lex::Unit(Unit::Day, false) && t.case() == Case::Capital)
    })
}

/// True when one of the four tokens after `i` is a number or a date word.
fn core_ahead(tokens: &[Token], i: usize) -> bool {
    tokens[i + 1..tokens.len().min(i + 5)]
        .iter()
        .any(|t| match t.kind {
            Kind::Number(..) | Kind::Quantity => true,
            Kind::Word(Lex::Word(w), _) => in_table(&IS_CORE, w),
            Kind::Word(Lex::Other, _) | Kind::Punct(_) => false,
            Kind::Word(..) => true,
        })
}

/// The longest expression starting at token `i`, with its first token.
fn best_at(text: &str, tokens: &[Token], i: usize) -> Option<(usize, Core)> {
    let mut best = core_at(text, tokens, i);
    if let Some((j, m)) = position_prefix(tokens, i)
        && let Some(core) = longer(
            core_at(text, tokens, j).filter(|c| takes_position(&c.expr)),
            the_unit(tokens, j),
        )
    {
        best = longer(best, Some(core.with_mod(m)));
    }
    if let Some((j, m)) = approx_prefix(tokens, i)
        && let Some(core) = core_at(text, tokens, j).filter(|c| takes_approx(&c.expr))
    {
        best = longer(best, Some(core.with_mod(m)));
    }
    best.map(|c| (i, c))
}

/// The longest expression of any family starting exactly at token `i`.
fn core_at(text: &str, tokens: &[Token], i: usize) -> Option<Core> {
    let mut best = calendar::parse(text, tokens, i);
    best = longer(best, relative::parse(text, tokens, i));
    best = longer(best, recurrence::parse(text, tokens, i));
    best = longer(best, duration::parse(text, tokens, i));
    longer(best, clock::parse(text, tokens, i))
}

/// Expressions that "early", "late", "mid" and "the end of" can modify.
fn takes_position(e: &Expr) -> bool {
    !matches!(e, Expr::Duration(..) | Expr::Set(_) | Expr::Ref(_))
}

/// Expressions that "about", "nearly" and "at least" can modify.
fn takes_approx(e: &Expr) -> bool {
    matches!(e, Expr::Duration(..) | Expr::Shift(..))
}

/// "early", "late", "mid-", "the end of", "the beginning of", "the middle of", optionally after
/// "the": the index after it and the modifier.
fn position_prefix(tokens: &[Token], i: usize) -> Option<(usize, Mod)> {
    let mut c = Cursor::at(tokens, i);
    c.word(W::The);
    let m = match c.any(POSITIONS)? {
        W::Early => Mod::Start,
        W::Late => Mod::End,
        W::Mid => {
            c.dash();
            Mod::Mid
        }
        w => {
            if !c.word(W::Of) {
                return None;
            }
            match w {
                W::Middle => Mod::Mid,
                W::End => Mod::End,
                _ => Mod::Start,
            }
        }
    };
    Some((c.i, m))
}

/// "the year", "the month", "the week", "the day" after "the end of", "the beginning of":
/// the current one (the day: the one mentioned last).
fn the_unit(tokens: &[Token], j: usize) -> Option<Core> {
    let mut c = Cursor::at(tokens, j);
    if !c.word(W::The) {
        return None;
    }
    let (unit, false) = c.unit()? else {
        return None;
    };
    let base = match unit {
        Unit::Day => Base::Reference,
        Unit::Week | Unit::Month | Unit::Quarter | Unit::Year | Unit::Decade | Unit::Century => {
            Base::Anchor
        }
        _ => return None,
    };
    Some(Core::new(c.i, Expr::Shift(unit, 0, base)))
}

/// The words of "early", "late", "mid-", "the middle of", "the end of", "the beginning of",
/// "the start of".
const POSITIONS: &[W] = &[
    W::Early,
    W::Late,
    W::Mid,
    W::Middle,
    W::End,
    W::Beginning,
    W::Start,
];

/// The first words of "about", "around", "nearly", "almost", "more than", "less than",
/// "at least", "up to", "over".
const APPROXIMATORS: &[W] = &[
    W::About,
    W::Around,
    W::Roughly,
    W::Nearly,
    W::Almost,
    W::More,
    W::Less,
    W::At,
    W::Up,
    W::Over,
];

/// "about", "around", "nearly", "almost", "more than", "less than", "at least", "up to":
/// the index after it and the modifier.
fn approx_prefix(tokens: &[Token], i: usize) -> Option<(usize, Mod)> {
    let mut c = Cursor::at(tokens, i);
    let m = match c.any(APPROXIMATORS)? {
        W::About | W::Around | W::Roughly => Mod::Approx,
        W::Nearly | W::Almost => Mod::LessThan,
        W::More if c.word(W::Than) => Mod::MoreThan,
        W::Less if c.word(W::Than) => Mod::LessThan,
        W::At if c.word(W::Least) => Mod::EqualOrMore,
        W::Up if c.word(W::To) => Mod::EqualOrLess,
        // "over 20 years" but not "over the weekend".
        W::Over if c.peek().is_some_and(|t| t.number().is_some()) => Mod::MoreThan,
        _ => return None,
    };
    // "cautious about the coming months": a preposition before a phrase with "the".
    if m == Mod::Approx && c.peek().is_some_and(|t| t.is(W::The)) {
        return None;
    }
    Some((c.i, m))
}

/// Marks the second of two expressions joined by a range connector ("from May to July",
/// "between 2014 and 2022", "May-July", "July-to-September") as closing a range.
fn mark_ranges(tokens: &[Token], found: &mut [Found]) {
    for k in 1..found.len() {
        let (a, b) = (found[k - 1], found[k]);
        if b.closes_range || !dated(&a.expr) || !dated(&b.expr) || b.first < a.end {
            continue;
        }
        let gap = &tokens[a.end..b.first];
        let before = a.first.checked_sub(1).map(|j| &tokens[j]);
        let joined = match gap {
            // "January 27 - December retail sales" in a list of dates is no range
            [t] if t.is_punct(b'-') => {
                t.start == tokens[a.end - 1].end || t.end == tokens[b.first].start
            }
            [t] if t.is(W::Through) => true,
            // "July-to-September"
            [h, t, g] if h.is_punct(b'-') && t.is(W::To) && g.is_punct(b'-') => true,
            [t] if t.is(W::To) || t.is(W::Until) => before.is_some_and(|p| p.is(W::From)),
            [t] if t.is(W::And) => before.is_some_and(|p| p.is(W::Between)),
            _ => false,
        };
        found[k].closes_range = joined;
    }
}

/// Expressions with a place on the calendar (ranges join two of them).
fn dated(e: &Expr) -> bool {
    matches!(
        e,
        Expr::Calendar(..)
            | Expr::Decade(_)
            | Expr::Weekday(..)
            | Expr::WeekdayFrom(..)
            | Expr::Century(_)
    )
}

/// Modal verbs, after which "one day" or "soon" is an unspecified future ("could one day
/// challenge", "will soon decide").
pub(super) const MODALS: &[&str] = &[
    "will", "would", "could", "might", "may", "can", "should", "shall", "must",
];

/// True when token `t` is the word `w` (any case).
pub(super) fn text_is(text: &str, t: &Token, w: &str) -> bool {
    text[t.start as usize..t.end as usize].eq_ignore_ascii_case(w)
}
