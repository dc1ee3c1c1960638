//! Time expressions, normalised to TIMEX3 values and resolved against the publication date.
//!
//! Each content paragraph is tokenised ([`token`]), expressions are recognised with what they
//! mean ([`grammar`], [`expr`]), and resolved in text order ([`resolve`]) against the
//! publication date, the tense around them ([`tense`]) and the date mentioned last. A
//! resolved expression gets the calendar period it names ([`period`]) as an interval of days
//! with a granularity; ranges share one interval, and "since X" runs from X to the
//! publication date.

mod cursor;
mod expr;
mod grammar;
mod period;
mod resolve;
mod tense;
mod token;
pub mod vocab;

use chrono::{Datelike, NaiveDate};
use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use crate::extract::Doc;
use crate::span::Span;

pub use expr::Mod;

use grammar::Found;
use period::Period;
use resolve::Context;
use token::Token;
use vocab::{Unit, W};

/// The TIMEX3 type of a time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period.
    Date,
    /// A time of day.
    Time,
    /// A length of time.
    Duration,
    /// A recurrence.
    Set,
}

/// The precision of a resolved date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// A day.
    Day,
    /// A week.
    Week,
    /// A month.
    Month,
    /// A quarter.
    Quarter,
    /// A year.
    Year,
    /// A decade or longer.
    Decade,
}

/// A closed interval of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Interval {
    /// First day.
    pub start: NaiveDate,
    /// Last day (inclusive).
    pub end: NaiveDate,
}

impl Interval {
    /// True when the two intervals share at least one day.
    pub fn overlaps(self, other: Interval) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// The smallest interval covering both.
    pub fn union(self, other: Interval) -> Interval {
        Interval {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// A time expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timex {
    /// The expression's span.
    pub span: Span,
    /// Its TIMEX3 type.
    pub kind: TimexType,
    /// Its TIMEX3 value ("2025-12-19", "P3Y", "PAST_REF", "XXXX-WXX-5" when unresolved).
    pub value: CompactString,
    /// The days it covers, when it has a place on the timeline and is resolved. Both ends of
    /// a range ("December 20-21", "from May to July") carry the whole range; "since April
    /// 2025" runs to the publication date.
    pub interval: Option<Interval>,
    /// The precision of `interval`.
    pub granularity: Option<Granularity>,
    /// The TIMEX3 modifier ("early" = START, "about" = APPROX), if any.
    pub modifier: Option<Mod>,
    /// True when this expression closes a range opened by the one before it ("21" in
    /// "December 20-21", "July" in "from May to July").
    pub closes_range: bool,
}

/// Finds and resolves the time expressions of one article, in text order.
pub fn extract(doc: &Doc) -> Vec<Timex> {
    let mut ctx = Context {
        anchor: doc.published,
        ..Context::default()
    };
    let mut out = Vec::new();
    let mut tokens = Vec::new();
    let mut found = Vec::new();
    let mut periods = Vec::new();
    for (_, para) in doc.layout.content_paragraphs() {
        tokens.clear();
        found.clear();
        periods.clear();
        token::tokenize(doc.text, para.span.start(), para.span.end(), &mut tokens);
        grammar::scan(doc.text, &tokens, &mut found);
        let first = out.len();
        for f in &found {
            let (timex, period) = resolve_one(doc, &tokens, f, &mut ctx);
            out.push(timex);
            periods.push(period);
        }
        join_ranges(&found, &periods, ctx.anchor, &mut out[first..]);
    }
    out
}

/// The full calendar dates written in `span` ("Wednesday, December 24, 2025", "19 Dec 2025",
/// "2025-12-23"), with their spans: the date evidence a byline or dateline holds.
pub fn written_days(text: &str, span: Span) -> Vec<(Span, NaiveDate)> {
    let mut tokens = Vec::new();
    let mut found = Vec::new();
    token::tokenize(text, span.start(), span.end(), &mut tokens);
    grammar::scan(text, &tokens, &mut found);
    found
        .iter()
        .filter_map(|f| match f.expr {
            expr::Expr::Calendar(expr::YearSpec::Given(y), expr::Part::Day(m, d)) => {
                let day = NaiveDate::from_ymd_opt(y, u32::from(m), u32::from(d))?;
                let span = Span::new(
                    tokens[f.first].start as usize,
                    tokens[f.end - 1].end as usize,
                );
                Some((span, day))
            }
            _ => None,
        })
        .collect()
}

/// Resolves one recognised expression and remembers its date for the ones after it; returns
/// it with its calendar period.
fn resolve_one(
    doc: &Doc,
    tokens: &[Token],
    f: &Found,
    ctx: &mut Context,
) -> (Timex, Option<Period>) {
    let span = Span::new(
        tokens[f.first].start as usize,
        tokens[f.end - 1].end as usize,
    );
    let read = || {
        let sentence = doc
            .layout
            .sentence_at(span.start())
            .map(|s| doc.layout.sentences[s])?;
        let lo = tokens.partition_point(|t| t.start < sentence.start);
        let hi = tokens.partition_point(|t| t.start < sentence.end);
        tense::around(doc.text, tokens, f.first, f.end, lo, hi)
    };
    // Read once, when first asked: a year-less quarter asks while resolving and again when
    // it is remembered.
    let mut reading = None;
    let mut tense = || *reading.get_or_insert_with(read);
    let r = resolve::resolve(&f.expr, f.clock, ctx, &mut tense);
    if let Some(p) = r.period
        && becomes_reference(&f.expr)
    {
        // "at year end, down from $1.07 trillion three months earlier": counted from the
        // year's last day.
        let p = match (f.expr, p.interval()) {
            (expr::Expr::Calendar(_, expr::Part::YearEnd), Some(i)) => Period::Day(i.end),
            _ => p,
        };
        ctx.remember(p, tense);
    }
    if reporting_stretch(tokens, f) {
        ctx.remember_stretch();
    }
    let mut interval = r.period.and_then(Period::interval);
    if let (Some(i), Some(anchor)) = (interval.as_mut(), ctx.anchor) {
        let holds_anchor = i.start <= anchor && anchor <= i.end;
        match f.modifier {
            // "earlier this week": the part of the week before the publication date.
            Some(Mod::Start) if holds_anchor => i.end = anchor,
            Some(Mod::End) if holds_anchor => i.start = anchor,
            _ => {}
        }
        if after_since(tokens, f.first) && anchor > i.end {
            i.end = anchor;
        }
    }
    let timex = Timex {
        span,
        kind: r.kind,
        value: r.value.into(),
        interval,
        granularity: r.period.map(Period::granularity),
        modifier: f.modifier,
        closes_range: f.closes_range,
    };
    (timex, r.period)
}

/// Whether a resolved expression becomes the date mentioned last. Dates counted from that
/// date ("the next day"), the reported quarter named again ("the latest quarter") and
/// comparisons ("a year ago", "the year-earlier quarter", "the 1988
/// period") do not.
fn becomes_reference(e: &expr::Expr) -> bool {
    use expr::{Base, Expr};
    !matches!(
        *e,
        Expr::Shift(_, _, Base::Reference | Base::Latest)
            | Expr::Reported(_)
            | Expr::Shift(Unit::Year, -1, _)
            | Expr::Shift(Unit::Quarter, -4, _)
    )
}

/// True for a stretch of the year a report covers: "the first nine months", "the six
/// months", "the latest nine months" (a length of months after "the").
fn reporting_stretch(tokens: &[Token], f: &Found) -> bool {
    matches!(f.expr, expr::Expr::Duration(Some(_), Unit::Month)) && tokens[f.first].is(W::The)
}

/// True when the expression at token `first` follows "since" (possibly "since at least").
fn after_since(tokens: &[Token], first: usize) -> bool {
    let mut j = first;
    if j >= 2 && tokens[j - 2].is(W::At) && tokens[j - 1].is(W::Least) {
        j -= 2;
    }
    j >= 1 && tokens[j - 1].is(W::Since)
}

/// Gives both ends of each range the interval of the whole range, once an end without a year
/// of its own is placed against the other end (see [`place_range`]).
fn join_ranges(
    found: &[Found],
    periods: &[Option<Period>],
    anchor: Option<NaiveDate>,
    timexes: &mut [Timex],
) {
    use expr::{Expr, Part, YearSpec};
    let implied = |f: &Found| {
        matches!(
            f.expr,
            Expr::Calendar(YearSpec::Implied, Part::Month(_) | Part::Day(..))
        )
    };
    for k in 1..found.len() {
        if !found[k].closes_range {
            continue;
        }
        if let (Some(a), Some(b), Some(anchor)) = (periods[k - 1], periods[k], anchor)
            && let Some((a, b)) =
                place_range(a, b, implied(&found[k - 1]), implied(&found[k]), anchor)
        {
            for (j, p) in [(k - 1, a), (k, b)] {
                if periods[j] != Some(p) {
                    timexes[j].value = p.value().into();
                    timexes[j].interval = p.interval();
                }
            }
        }
        if let (Some(a), Some(b)) = (timexes[k - 1].interval, timexes[k].interval) {
            let whole = a.union(b);
            timexes[k - 1].interval = Some(whole);
            timexes[k].interval = Some(whole);
        }
    }
}

/// How long after its end a stretch without a year is still the one news reports, rather
/// than the next one (about four months).
const RECENT_RANGE_DAYS: i64 = 120;

/// The ends of a range from `a` to `b` placed against each other when the opening end came out
/// after the closing end and one has no year of its own (`a_implied`, `b_implied`), as the
/// tense alone may set it on the wrong side of the other. An end without a year goes before a
/// closing end or after an opening end that has one ("Aug 29-Sept 3, 1991", "from Thursday
/// through January 16"). When neither has one, the range takes the closing end's year when it holds the
/// publication date or ended within about four months ("will announce its July-to-September
/// results" in October), else the opening end's ("runs from April through September" in
/// April).
fn place_range(
    a: Period,
    b: Period,
    a_implied: bool,
    b_implied: bool,
    anchor: NaiveDate,
) -> Option<(Period, Period)> {
    let ended = b.interval()?.end;
    if a.interval()?.start <= ended {
        return None;
    }
    let before = || Some((latest_before(a, b)?, b));
    let after = || Some((a, first_after(b, a)?));
    match (a_implied, b_implied) {
        (true, false) => before(),
        (false, true) => after(),
        (true, true) if (anchor - ended).num_days() <= RECENT_RANGE_DAYS => before(),
        (true, true) => after(),
        (false, false) => None,
    }
}

/// `p` moved by whole years to the latest one starting no later than `end` starts.
fn latest_before(p: Period, end: Period) -> Option<Period> {
    let limit = end.interval()?.start;
    let years = limit.year() - p.interval()?.start.year();
    [1, 0, -1]
        .into_iter()
        .filter_map(|d| p.shift_years(years + d))
        .find(|q| q.interval().is_some_and(|i| i.start <= limit))
}

/// `p` moved by whole years to the first one ending no earlier than `start` starts.
fn first_after(p: Period, start: Period) -> Option<Period> {
    let limit = start.interval()?.start;
    let years = limit.year() - p.interval()?.end.year();
    [-1, 0, 1]
        .into_iter()
        .filter_map(|d| p.shift_years(years + d))
        .find(|q| q.interval().is_some_and(|i| i.end >= limit))
}

#[cfg(test)]
mod tests;
