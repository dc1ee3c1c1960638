//! Resolution: places a recognised expression on the calendar, using the publication date
//! (the anchor), the tense around the expression and the date mentioned last, and writes its
//! TIMEX3 value. Without an anchor, relative expressions keep X placeholders ("XXXX-WXX-5")
//! and no period.

use chrono::{Datelike, Duration, Months, NaiveDate};

use crate::extract::time::TimexType;
use crate::extract::time::expr::{Base, Clock, Expr, Part, Recurrence, RefKind, YearSpec};
use crate::extract::time::period::{Period, season_code};
use crate::extract::time::tense::{Reading, Tense};
use crate::extract::time::vocab::{DayPart, Unit};

/// What resolution knows besides the expression.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
    /// The publication date.
    pub anchor: Option<NaiveDate>,
    /// The day mentioned last ("the next day" counts from it).
    pub last_day: Option<NaiveDate>,
    /// The period mentioned last ("the quarter", "a year earlier").
    pub last_period: Option<Period>,
    /// The reported quarter mentioned last, if any: a quarter or half that has ended ("up
    /// from $3 million a year ago" compares with it; "a fourth-quarter charge" expected in
    /// October is not a result yet).
    pub last_quarter: Option<Period>,
    /// True when `last_quarter` is known to be over: it ended before the publication date, or
    /// its results were told in the past tense ("reported a decline in fourth-quarter
    /// earnings" in November, of a fiscal quarter).
    pub last_quarter_over: bool,
}

impl Context {
    /// Remembers a resolved period as the one mentioned last. A quarter or half counts as
    /// reported when it has ended, or when it is under way and `tense` is not the future (a
    /// fiscal quarter can end before the calendar one: "reported a decline in fourth-quarter
    /// earnings" in November), unless it is earlier than a reported quarter that has ended.
    pub fn remember(&mut self, period: Period, tense: impl FnOnce() -> Option<Reading>) {
        self.last_period = Some(period);
        if let Period::Day(d) = period {
            self.last_day = Some(d);
        }
        if !matches!(period, Period::Quarter(..) | Period::Half(..)) {
            return;
        }
        let (reported, over) = match (period.interval(), self.anchor) {
            (Some(i), Some(anchor)) if i.end >= anchor => {
                if i.start > anchor {
                    (false, false)
                } else {
                    let tense = tense().map(|r| r.tense);
                    (tense != Some(Tense::Future), tense == Some(Tense::Past))
                }
            }
            _ => (true, true),
        };
        // "After a flat second quarter" in a report on the third: a quarter before the one
        // reported, once that one has ended, is a comparison, and what follows still compares
        // with the reported one.
        let earlier = matches!(
            (self.last_quarter.and_then(Period::interval), period.interval(), self.anchor),
            (Some(last), Some(new), Some(anchor)) if last.end < anchor && new.end < last.start
        );
        if reported && !earlier {
            self.last_quarter = Some(period);
            self.last_quarter_over = over;
        }
    }

    /// Remembers that a reporting stretch was named ("the first nine months", "the six
    /// months"): what follows compares with it, not with the quarter named before.
    pub fn remember_stretch(&mut self) {
        self.last_quarter = None;
        if let Some(anchor) = self.anchor {
            self.last_period = Some(Period::Year(anchor.year()));
        }
    }
}

/// A resolved expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// TIMEX3 type.
    pub kind: TimexType,
    /// TIMEX3 value.
    pub value: String,
    /// Its place on the calendar, when it has one and it is known.
    pub period: Option<Period>,
}

/// Resolves `expr` (with its time of day) in `ctx`; `tense` is asked only when needed.
pub fn resolve(
    expr: &Expr,
    clock: Option<Clock>,
    ctx: &Context,
    tense: &mut dyn FnMut() -> Option<Reading>,
) -> Resolved {
    let (kind, value, period) = match *expr {
        Expr::Duration(n, unit) => (TimexType::Duration, duration_value(n, unit), None),
        Expr::Set(r) => (TimexType::Set, set_value(r), None),
        Expr::Ref(r) => (TimexType::Date, ref_value(r).to_string(), None),
        _ => {
            let period = place(expr, ctx, tense);
            let value = period.map_or_else(|| unresolved_value(expr), Period::value);
            (TimexType::Date, value, period)
        }
    };
    match clock {
        Some(clock) if kind == TimexType::Date && matches!(period, None | Some(Period::Day(_))) => {
            Resolved {
                kind: TimexType::Time,
                value: format!("{value}{}", clock_suffix(clock)),
                period,
            }
        }
        _ => Resolved {
            kind,
            value,
            period,
        },
    }
}

/// The calendar period of a dated expression, or `None` when it cannot be known.
fn place(expr: &Expr, ctx: &Context, tense: &mut dyn FnMut() -> Option<Reading>) -> Option<Period> {
    match *expr {
        Expr::Calendar(year, part) => calendar(year, part, ctx, tense),
        Expr::Decade(d) => Some(Period::Decade(d)),
        Expr::ShortDecade(t) => {
            let t = i32::from(t);
            Some(Period::Decade(match ctx.anchor {
                Some(a) => {
                    let century = a.year() / 100;
                    if century * 10 + t > a.year() / 10 {
                        (century - 1) * 10 + t
                    } else {
                        century * 10 + t
                    }
                }
                None if t >= 3 => 190 + t,
                None => 200 + t,
            }))
        }
        Expr::Century(c) => Some(Period::Century(c)),
        Expr::Reported(year) => reported(year, ctx),
        Expr::Weekday(d, shift) => weekday(d, shift, ctx.anchor?, tense),
        Expr::WeekdayFrom(d, by) => weekday_from(d, by, ctx.last_day.or(ctx.anchor)?),
        Expr::Weekend(shift) => weekend(shift, ctx.anchor?, tense),
        Expr::Shift(Unit::Week, 0, Base::Anchor) | Expr::TheWeek => {
            let anchor = ctx.anchor?;
            let week = Period::week_of(anchor);
            let day = anchor.weekday().num_days_from_monday();
            // "investors will watch the jobs report this week" on a Saturday or Sunday: the
            // week that starts next.
            if day >= 5 && tense().is_some_and(|r| r.tense == Tense::Future) {
                week.shift(1)
            // "stocks ended down 1 percent for the week" on a Monday: the week just ended.
            } else if day == 0
                && *expr == Expr::TheWeek
                && tense().is_some_and(|r| r.tense == Tense::Past)
            {
                week.shift(-1)
            } else {
                Some(week)
            }
        }
        Expr::Shift(unit, by, base) => shift(unit, by, base, ctx),
        Expr::Ref(_) | Expr::Duration(..) | Expr::Set(_) => None,
    }
}

/// A period of a year given by its year.
fn in_year(y: i32, part: Part) -> Option<Period> {
    Some(match part {
        Part::Year | Part::YearEnd => Period::Year(y),
        Part::Month(m) => Period::Month(y, u32::from(m)),
        Part::Day(m, d) => Period::Day(NaiveDate::from_ymd_opt(y, u32::from(m), u32::from(d))?),
        Part::WeekOf(m, d) => {
            Period::week_of(NaiveDate::from_ymd_opt(y, u32::from(m), u32::from(d))?)
        }
        Part::Quarter(q) => Period::Quarter(y, u32::from(q)),
        Part::Half(h) => Period::Half(y, u32::from(h)),
        Part::Season(s) => Period::Season(y, s),
        Part::NthWeekday(m, wd, 0) => {
            // The last: the same weekday in the month's last seven days.
            let next =
                NaiveDate::from_ymd_opt(y, u32::from(m), 1)?.checked_add_months(Months::new(1))?;
            let last = next.pred_opt()?;
            let back =
                (i64::from(last.weekday().num_days_from_monday()) - i64::from(wd)).rem_euclid(7);
            Period::Day(last - Duration::days(back))
        }
        Part::FirstWeekdayFrom(m, d, wd) => {
            let from = NaiveDate::from_ymd_opt(y, u32::from(m), u32::from(d))?;
            let lead =
                (i64::from(wd) - i64::from(from.weekday().num_days_from_monday())).rem_euclid(7);
            Period::Day(from + Duration::days(lead))
        }
        Part::NthWeekday(m, wd, n) => {
            let first = NaiveDate::from_ymd_opt(y, u32::from(m), 1)?;
            let lead =
                (i64::from(wd) - i64::from(first.weekday().num_days_from_monday())).rem_euclid(7);
            let day = first + Duration::days(lead + 7 * (i64::from(n) - 1));
            if day.month() != u32::from(m) {
                return None;
            }
            Period::Day(day)
        }
    })
}

/// A calendar expression: the year written, shifted, or chosen by tense and closeness.
fn calendar(
    year: YearSpec,
    part: Part,
    ctx: &Context,
    tense: &mut dyn FnMut() -> Option<Reading>,
) -> Option<Period> {
    // "last March 9" on March 12 is a year back: the day in the latest such month before
    // the current one.
    if let (YearSpec::Previous, Part::Day(m, _)) = (year, part) {
        let month = calendar(year, Part::Month(m), ctx, tense)?;
        return in_year(month.first_day()?.year(), part);
    }
    if part == Part::YearEnd {
        let last_day = calendar(year, Part::Day(12, 31), ctx, tense)?;
        return in_year(last_day.first_day()?.year(), part);
    }
    if let YearSpec::Given(y) = year {
        return in_year(y, part);
    }
    if let YearSpec::TwoDigit(n) = year {
        return in_year(two_digit_year(n, ctx.anchor), part);
    }
    if year == YearSpec::Reference
        && let Some(p) = ctx.last_period.or(ctx.anchor.map(Period::Day))
    {
        return in_year(p.first_day()?.year(), part);
    }
    let anchor = ctx.anchor?;
    let y = anchor.year();
    if let YearSpec::Shift(k) = year {
        return in_year(y + k, part);
    }
    // Candidates around the anchor, with their intervals.
    let candidates: Vec<(Period, NaiveDate, NaiveDate)> = (y - 1..=y + 1)
        .filter_map(|cy| {
            let p = in_year(cy, part)?;
            let i = p.interval()?;
            Some((p, i.start, i.end))
        })
        .collect();
    if let YearSpec::OnWeekday(wd) = year {
        let mut matching = candidates.iter().filter(|(p, ..)| {
            matches!(p, Period::Day(d) if d.weekday().num_days_from_monday() == u32::from(wd))
        });
        if let (Some(only), None) = (matching.next(), matching.next()) {
            return Some(only.0);
        }
    }
    // Past and future are judged by month, so that "by Jan. 14" in an article of January 6
    // stays in the same year whatever the tense says.
    let month = |d: NaiveDate| (d.year(), d.month());
    let now = month(anchor);
    let latest_before = |strict: bool| {
        candidates
            .iter()
            .rev()
            .find(|(_, s, e)| {
                if strict {
                    *e < anchor
                } else {
                    month(*s) <= now
                }
            })
            .map(|c| c.0)
    };
    let earliest_after = |strict: bool| {
        candidates
            .iter()
            .find(|(_, s, e)| {
                if strict {
                    *s > anchor
                } else {
                    month(*e) >= now
                }
            })
            .map(|c| c.0)
    };
    match year {
        YearSpec::LastMonthName => {
            let Part::Month(m) = part else {
                return latest_before(true);
            };
            let just_ended = anchor.with_day(1)?.checked_sub_months(Months::new(1))?;
            let y = if u32::from(m) < just_ended.month() {
                just_ended.year()
            } else {
                just_ended.year() - 1
            };
            return in_year(y, part);
        }
        YearSpec::Previous => return latest_before(true),
        YearSpec::Following => return earliest_after(true),
        _ => {}
    }
    let (Some(past), Some(future)) = (latest_before(false), earliest_after(false)) else {
        return latest_before(false).or(earliest_after(false));
    };
    if past == future {
        return Some(past);
    }
    // Days from the anchor to each choice.
    let gap = |p: Period| {
        p.interval().map_or(i64::MAX, |i| {
            if i.end < anchor {
                (anchor - i.end).num_days()
            } else if i.start > anchor {
                (i.start - anchor).num_days()
            } else {
                0
            }
        })
    };
    let (back, ahead) = (gap(past), gap(future));
    // A quarter without a year is the latest that has begun, as reports look back; in the
    // future tense the first one not over three months ago ("expects third-quarter profit to
    // fall" in October is the quarter just ended, "growth in the first quarter" next year's).
    if matches!(part, Part::Quarter(_) | Part::Half(_)) {
        let future_tense = tense().is_some_and(|r| r.tense == Tense::Future);
        return Some(if future_tense && back > 92 {
            future
        } else {
            past
        });
    }
    // Otherwise the tense decides, except that a date written without its year is rarely
    // far away: a deadline two weeks ahead beats a past tense pointing ten months back.
    Some(match tense() {
        Some(Reading {
            tense: Tense::Past,
            firm,
        }) if firm || !(back > 180 && ahead < 90) => past,
        Some(Reading {
            tense: Tense::Future,
            firm,
        }) if firm || !(ahead > 180 && back < 90) => future,
        Some(Reading {
            tense: Tense::Past | Tense::Future | Tense::Occasion,
            ..
        }) => {
            if ahead < back {
                future
            } else {
                past
            }
        }
        _ => {
            if ahead * 2 < back {
                future
            } else {
                past
            }
        }
    })
}

/// The year written "'`n`": in the century of the anchor unless that is more than ten years
/// ahead of it ("'98" in 2025 is 1998, "'30" is 2030); without an anchor, 1930 to 2029.
fn two_digit_year(n: u8, anchor: Option<NaiveDate>) -> i32 {
    let n = i32::from(n);
    match anchor {
        Some(a) => {
            let y = a.year() - a.year().rem_euclid(100) + n;
            if y > a.year() + 10 { y - 100 } else { y }
        }
        None if n >= 30 => 1900 + n,
        None => 2000 + n,
    }
}

/// A weekday: "last"/"next" step over the anchor; otherwise the tense chooses the one on or
/// before the anchor (past or neutral) or on or after it (future).
fn weekday(
    d: u8,
    shift: Option<i8>,
    anchor: NaiveDate,
    tense: &mut dyn FnMut() -> Option<Reading>,
) -> Option<Period> {
    let today = anchor.weekday().num_days_from_monday() as i64;
    let target = i64::from(d);
    let back = (today - target).rem_euclid(7);
    let forward = (target - today).rem_euclid(7);
    let offset = match shift {
        Some(0) => target - today,
        Some(s) if s < 0 => -(if back == 0 { 7 } else { back }),
        Some(_) => {
            if forward == 0 {
                7
            } else {
                forward
            }
        }
        None if tense().is_some_and(|r| r.tense == Tense::Future) => forward,
        None => -back,
    };
    Some(Period::Day(
        anchor.checked_add_signed(Duration::days(offset))?,
    ))
}

/// The first weekday `d` after `base` (`by` = 1) or before it (-1).
fn weekday_from(d: u8, by: i8, base: NaiveDate) -> Option<Period> {
    let from = i64::from(base.weekday().num_days_from_monday());
    let step = if by > 0 {
        (i64::from(d) - from - 1).rem_euclid(7) + 1
    } else {
        -((from - i64::from(d) - 1).rem_euclid(7) + 1)
    };
    Some(Period::Day(base.checked_add_signed(Duration::days(step))?))
}

/// A weekend: this week's, shifted; "the weekend" is the last one in the past tense (this
/// week's when the anchor is on it) and the coming one in the future tense.
fn weekend(
    shift: Option<i8>,
    anchor: NaiveDate,
    tense: &mut dyn FnMut() -> Option<Reading>,
) -> Option<Period> {
    let iso = anchor.iso_week();
    let this = Period::Weekend(iso.year(), iso.week());
    let on_weekend = anchor.weekday().num_days_from_monday() >= 5;
    let by = match shift {
        Some(s) => i32::from(s),
        None if on_weekend || tense().is_some_and(|r| r.tense == Tense::Future) => 0,
        None => -1,
    };
    this.shift(by)
}

/// The reported period in a given year: the reported quarter (or half) mentioned last moved
/// to that year, else the year.
fn reported(year: YearSpec, ctx: &Context) -> Option<Period> {
    let y = match year {
        YearSpec::Given(y) => y,
        YearSpec::TwoDigit(n) => two_digit_year(n, ctx.anchor),
        YearSpec::Shift(k) => ctx.anchor?.year() + k,
        _ => return None,
    };
    Some(match ctx.last_quarter {
        Some(Period::Quarter(_, q)) => Period::Quarter(y, q),
        Some(Period::Half(_, h)) => Period::Half(y, h),
        _ => Period::Year(y),
    })
}

/// A unit shifted from the anchor or from the date mentioned last.
fn shift(unit: Unit, by: i32, base: Base, ctx: &Context) -> Option<Period> {
    // "up from $3 million a year ago" after "the third quarter": the same quarter a year back.
    if unit == Unit::Year
        && by == -1
        && let Some(q) = ctx.last_quarter
    {
        return q.shift_years(-1);
    }
    let start = match base {
        Base::Reference => reference_period(unit, ctx)?,
        Base::Anchor => unit_period(unit, ctx.anchor?)?,
        Base::Latest => latest_ended(unit, ctx)?,
    };
    let steps = match unit {
        Unit::Fortnight => by * 2,
        Unit::Hour | Unit::Minute | Unit::Second => 0,
        _ => by,
    };
    start.shift(steps)
}

/// The period of kind `unit` containing `day`.
fn unit_period(unit: Unit, day: NaiveDate) -> Option<Period> {
    let (y, m) = (day.year(), day.month());
    Some(match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => Period::Day(day),
        Unit::Week | Unit::Fortnight | Unit::Weekend => Period::week_of(day),
        Unit::Month => Period::Month(y, m),
        Unit::Quarter => Period::Quarter(y, (m - 1) / 3 + 1),
        Unit::Year => Period::Year(y),
        Unit::Decade => Period::Decade(y.div_euclid(10)),
        Unit::Century => Period::Century(y.div_euclid(100)),
    })
}

/// The period of kind `unit` the date mentioned last falls in (for a quarter, the reported
/// quarter mentioned last), else the anchor's.
fn reference_period(unit: Unit, ctx: &Context) -> Option<Period> {
    let day = match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => ctx.last_day.or(ctx.anchor)?,
        Unit::Quarter => {
            if let Some(q @ Period::Quarter(..)) = ctx.last_quarter {
                return Some(q);
            }
            // In a report, "the quarter" is the one just ended.
            return unit_period(Unit::Quarter, ctx.anchor?)?.shift(-1);
        }
        _ => ctx.last_period.and_then(Period::first_day).or(ctx.anchor)?,
    };
    unit_period(unit, day)
}

/// The latest period of kind `unit` over by the publication date: for a quarter, the reported
/// quarter mentioned last if it is known to be over, else the one before the publication
/// date's.
fn latest_ended(unit: Unit, ctx: &Context) -> Option<Period> {
    if unit == Unit::Quarter
        && ctx.last_quarter_over
        && let Some(q @ Period::Quarter(..)) = ctx.last_quarter
    {
        return Some(q);
    }
    unit_period(unit, ctx.anchor?)?.shift(-1)
}

/// The TIMEX3 value of a dated expression that cannot be placed: the known parts, the rest
/// as X ("XXXX-11", "XXXX-WXX-5", "XXXX-XX-XX").
fn unresolved_value(expr: &Expr) -> String {
    match *expr {
        Expr::Calendar(_, part) => match part {
            Part::Year | Part::YearEnd => "XXXX".to_string(),
            Part::Month(m) => format!("XXXX-{m:02}"),
            Part::Day(m, d) => format!("XXXX-{m:02}-{d:02}"),
            Part::WeekOf(..) => "XXXX-WXX".to_string(),
            Part::Quarter(q) => format!("XXXX-Q{q}"),
            Part::Half(h) => format!("XXXX-H{h}"),
            Part::Season(s) => format!("XXXX-{}", season_code(s)),
            Part::NthWeekday(m, ..) | Part::FirstWeekdayFrom(m, ..) => format!("XXXX-{m:02}-XX"),
        },
        Expr::Weekday(d, _) | Expr::WeekdayFrom(d, _) => format!("XXXX-WXX-{}", d + 1),
        Expr::Weekend(_) => "XXXX-WXX-WE".to_string(),
        Expr::TheWeek => "XXXX-WXX".to_string(),
        Expr::Shift(unit, ..) => match unit {
            Unit::Week | Unit::Fortnight | Unit::Weekend => "XXXX-WXX",
            Unit::Month => "XXXX-XX",
            Unit::Quarter => "XXXX-QX",
            Unit::Year => "XXXX",
            Unit::Decade => "XXX",
            Unit::Century => "XX",
            _ => "XXXX-XX-XX",
        }
        .to_string(),
        _ => "XXXX".to_string(),
    }
}

fn ref_value(r: RefKind) -> &'static str {
    match r {
        RefKind::Present => "PRESENT_REF",
        RefKind::Past => "PAST_REF",
        RefKind::Future => "FUTURE_REF",
    }
}

/// The TIMEX3 suffix of a time of day ("T10:35", "TNI", "T12:00").
fn clock_suffix(clock: Clock) -> String {
    match clock {
        Clock::At(h, m) => format!("T{h:02}:{m:02}"),
        Clock::Part(p) => match p {
            DayPart::Morning => "TMO".to_string(),
            DayPart::Afternoon => "TAF".to_string(),
            DayPart::Evening => "TEV".to_string(),
            DayPart::Night => "TNI".to_string(),
            DayPart::Noon => "T12:00".to_string(),
            DayPart::Midnight => "T24:00".to_string(),
        },
    }
}

/// The ISO 8601 letter of a unit, and whether it is a time (after "T") unit.
fn unit_code(unit: Unit) -> (&'static str, bool) {
    match unit {
        Unit::Second => ("S", true),
        Unit::Minute => ("M", true),
        Unit::Hour => ("H", true),
        Unit::Day | Unit::Weekend => ("D", false),
        Unit::Week | Unit::Fortnight => ("W", false),
        Unit::Month => ("M", false),
        Unit::Quarter => ("Q", false),
        Unit::Year => ("Y", false),
        Unit::Decade => ("DE", false),
        Unit::Century => ("CE", false),
    }
}

/// A TIMEX3 duration: "P3Y", "PT5H", "P2Y6M", "PXW".
fn duration_value(n: Option<f64>, unit: Unit) -> String {
    let (mut n, mut unit) = (n, unit);
    // Decades and centuries in years when counted ("two decades" = P20Y), fortnights in weeks,
    // weekends in days.
    let scale = match unit {
        Unit::Decade => Some((10.0, Unit::Year)),
        Unit::Century => Some((100.0, Unit::Year)),
        Unit::Fortnight => Some((2.0, Unit::Week)),
        Unit::Weekend => Some((2.0, Unit::Day)),
        _ => None,
    };
    if let (Some((k, u)), Some(v)) = (scale, n) {
        n = Some(v * k);
        unit = u;
    }
    let (code, time) = unit_code(unit);
    let t = if time { "T" } else { "" };
    let Some(v) = n else {
        return format!("P{t}X{code}");
    };
    let whole = v.trunc();
    if v == whole {
        return format!("P{t}{whole}{code}");
    }
    // Halves in the next smaller unit: "2 1/2 years" = P2Y6M, "5 1/2 hours" = PT5H30M.
    let half = match unit {
        Unit::Year => Some("6M"),
        Unit::Month => Some("2W"),
        Unit::Day => Some("T12H"),
        Unit::Hour => Some("30M"),
        Unit::Minute => Some("30S"),
        _ => None,
    };
    match half {
        Some(rest) if v - whole == 0.5 => {
            if whole == 0.0 {
                format!("P{t}{rest}")
            } else {
                format!("P{t}{whole}{code}{rest}")
            }
        }
        _ => format!("P{t}{v}{code}"),
    }
}

/// A TIMEX3 recurrence value: "P1W", "XXXX-WXX-1", "XXXX-07".
fn set_value(r: Recurrence) -> String {
    match r {
        Recurrence::Every(n, unit) => duration_value(Some(f64::from(n.max(1))), unit),
        Recurrence::Weekday(d, part) => format!(
            "XXXX-WXX-{}{}",
            d + 1,
            part.map(|p| clock_suffix(Clock::Part(p)))
                .unwrap_or_default()
        ),
        Recurrence::Month(m) => format!("XXXX-{m:02}"),
        Recurrence::Season(s) => format!("XXXX-{}", season_code(s)),
    }
}
