//! What a recognised time expression means before it is placed on the calendar.

use serde::{Deserialize, Serialize};

use crate::extract::time::vocab::{DayPart, Season, Unit};

/// Which year a calendar expression falls in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearSpec {
    /// Written out: "April 2025".
    Given(i32),
    /// Written with two digits: "'98" (98), "May '05" (5); the century is the one that puts
    /// it nearest the publication date without going more than ten years ahead.
    TwoDigit(u8),
    /// Not written: chosen from the publication date and the tense ("in November").
    Implied,
    /// Relative to the publication year: "this May" (0), "May last year" (-1),
    /// "next year's first quarter" (1).
    Shift(i32),
    /// The latest one before the current one: "this past May", "last fall"; for a day, the
    /// day in the latest such month before the current one ("last March 9").
    Previous,
    /// The latest one before the current month and the month just ended: "last May" ("last
    /// February" on March 1 is a year back, as the month just ended is "last month").
    LastMonthName,
    /// The first one after the current one: "next May".
    Following,
    /// The year of the date mentioned last: "the quarter" after "the third quarter of 1990".
    Reference,
    /// Not written, but a weekday was ("Monday, Oct. 26"): the year near the publication date
    /// in which the date falls on that weekday (0 = Monday), else as `Implied`.
    OnWeekday(u8),
}

/// The part of a year a calendar expression names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The whole year.
    Year,
    /// A month (1-12).
    Month(u8),
    /// A day of a month (month, day).
    Day(u8, u8),
    /// The week holding a day of a month (month, day): "the week of March 6".
    WeekOf(u8, u8),
    /// A quarter (1-4).
    Quarter(u8),
    /// A half (1-2).
    Half(u8),
    /// A season.
    Season(Season),
    /// The end of the year, named as the year: "by year end", "at year's end". Its year is
    /// the one whose December 31 the tense and closeness choose.
    YearEnd,
    /// The `n`th given weekday of a month (month, weekday with 0 = Monday, n), the last one
    /// for n = 0: Thanksgiving is the fourth Thursday of November, Memorial Day the last
    /// Monday of May.
    NthWeekday(u8, u8, u8),
    /// The first given weekday on or after a day of a month (month, day, weekday with 0 =
    /// Monday): US Election Day is the first Tuesday on or after November 2.
    FirstWeekdayFrom(u8, u8, u8),
}

/// Where a relative expression counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    /// The publication date ("yesterday", "three years ago", "last week").
    Anchor,
    /// The date mentioned last ("the next day", "two weeks later", "earlier in the day").
    Reference,
    /// The latest period of the unit that is over by the publication date: the reported
    /// quarter mentioned last if it is known to be over, else the one before the publication
    /// date's ("the latest quarter" in October is the third, even after an estimate for
    /// "fourth-quarter results").
    Latest,
}

/// A reference to the present, past or future without a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefKind {
    /// PRESENT_REF: "now", "currently".
    Present,
    /// PAST_REF: "recently", "in the past".
    Past,
    /// FUTURE_REF: "soon", "in the future".
    Future,
}

/// A recurrence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recurrence {
    /// Every `n` units: "daily", "every week", "twice a year" (n = 1 unit).
    Every(u32, Unit),
    /// Every given weekday, possibly at a part of the day: "every Monday", "Tuesday nights".
    Weekday(u8, Option<DayPart>),
    /// Every given month: "each July".
    Month(u8),
    /// Every given season: "every summer".
    Season(Season),
}

/// The meaning of a time expression.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Expr {
    /// A calendar date or period: "December 23, 2025", "November 23", "April 2025", "2014",
    /// "the third quarter", "last fall".
    Calendar(YearSpec, Part),
    /// A decade by its first three digits: "the 1990s" (199).
    Decade(i32),
    /// A decade of the current century without its century: "the '90s", "the eighties".
    ShortDecade(u8),
    /// A century by its first two digits: "the 20th century" (19).
    Century(i32),
    /// A day of the week; `shift` is -1 for "last Friday", 1 for "next Friday", 0 for
    /// "this Friday" and `None` when the tense decides.
    Weekday(u8, Option<i8>),
    /// A day of the week counted from the day mentioned last: the first such day after it
    /// (1: "the following Monday", "the next Tuesday") or before it (-1: "the previous
    /// Friday", "the prior Sunday").
    WeekdayFrom(u8, i8),
    /// A weekend, shifted like a weekday: "this weekend" (0), "last weekend" (-1),
    /// "over the weekend" (`None`: the tense decides).
    Weekend(Option<i8>),
    /// "the week" closing a phrase ("fell 3% for the week"): the current week, or in the past
    /// tense on a Monday the week just ended.
    TheWeek,
    /// A number of calendar units from the publication date or the date mentioned last:
    /// "today" (0 days), "yesterday" (-1 day), "last week", "three years ago", "the next day".
    Shift(Unit, i32, Base),
    /// The period a financial report covers, in a given year: the reported quarter mentioned
    /// last, else the whole year ("the 1988 period", "last year's quarter", "the same period
    /// last year").
    Reported(YearSpec),
    /// A reference to the present, past or future.
    Ref(RefKind),
    /// A length of time: "three years" (3), "for weeks", "in recent days" (`None`).
    Duration(Option<f64>, Unit),
    /// A recurrence.
    Set(Recurrence),
}

/// A time of day attached to a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// A part of the day: "Friday night".
    Part(DayPart),
    /// Hours and minutes: "10:35 a.m." (10, 35).
    At(u8, u8),
}

/// A TIMEX3 modifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Mod {
    /// "early 2025", "earlier this year".
    Start,
    /// "mid-November".
    Mid,
    /// "late Friday", "the end of the year".
    End,
    /// "about two weeks", "a couple of years".
    Approx,
    /// "more than four decades".
    MoreThan,
    /// "less than a decade", "almost two years".
    LessThan,
    /// "at least 30 days".
    EqualOrMore,
    /// "up to 180 days", "within a year".
    EqualOrLess,
    /// "since at least April 2025": the expression opens an interval that runs on.
    OnOrAfter,
    /// "until May", "by the end of the year": the interval closes there.
    OnOrBefore,
}

impl Mod {
    /// The TIMEX3 spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Mod::Start => "START",
            Mod::Mid => "MID",
            Mod::End => "END",
            Mod::Approx => "APPROX",
            Mod::MoreThan => "MORE_THAN",
            Mod::LessThan => "LESS_THAN",
            Mod::EqualOrMore => "EQUAL_OR_MORE",
            Mod::EqualOrLess => "EQUAL_OR_LESS",
            Mod::OnOrAfter => "ON_OR_AFTER",
            Mod::OnOrBefore => "ON_OR_BEFORE",
        }
    }
}
