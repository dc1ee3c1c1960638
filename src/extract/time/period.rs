//! Calendar periods: a day, week, month, quarter, season, year, decade or century, with its
//! TIMEX3 value and the interval of days it covers.

use chrono::{Datelike, Duration, NaiveDate};

use crate::extract::time::vocab::Season;
use crate::extract::time::{Granularity, Interval};

/// A calendar period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// A day.
    Day(NaiveDate),
    /// An ISO week (ISO year, week number).
    Week(i32, u32),
    /// The Saturday and Sunday of an ISO week.
    Weekend(i32, u32),
    /// A month (year, 1-12).
    Month(i32, u32),
    /// A quarter (year, 1-4).
    Quarter(i32, u32),
    /// A half year (year, 1-2).
    Half(i32, u32),
    /// A season of a year (winter runs from December of that year into the next).
    Season(i32, Season),
    /// A year.
    Year(i32),
    /// A decade, by its first three digits (199 = the 1990s).
    Decade(i32),
    /// A century, by its first two digits (19 = the 1900s).
    Century(i32),
}

impl Period {
    /// The week containing `day`.
    pub fn week_of(day: NaiveDate) -> Period {
        let w = day.iso_week();
        Period::Week(w.year(), w.week())
    }

    /// The TIMEX3 value ("2025-12-19", "2025-W51", "2025-Q3", "2025-SU", "199").
    pub fn value(self) -> String {
        match self {
            Period::Day(d) => format!("{}-{:02}-{:02}", year4(d.year()), d.month(), d.day()),
            Period::Week(y, w) => format!("{}-W{w:02}", year4(y)),
            Period::Weekend(y, w) => format!("{}-W{w:02}-WE", year4(y)),
            Period::Month(y, m) => format!("{}-{m:02}", year4(y)),
            Period::Quarter(y, q) => format!("{}-Q{q}", year4(y)),
            Period::Half(y, h) => format!("{}-H{h}", year4(y)),
            Period::Season(y, s) => format!("{}-{}", year4(y), season_code(s)),
            Period::Year(y) => year4(y),
            Period::Decade(d) => format!("{d:03}"),
            Period::Century(c) => format!("{c:02}"),
        }
    }

    /// The precision of the period.
    pub fn granularity(self) -> Granularity {
        match self {
            Period::Day(_) => Granularity::Day,
            Period::Week(..) | Period::Weekend(..) => Granularity::Week,
            Period::Month(..) => Granularity::Month,
            Period::Quarter(..) | Period::Half(..) | Period::Season(..) => Granularity::Quarter,
            Period::Year(_) => Granularity::Year,
            Period::Decade(_) | Period::Century(_) => Granularity::Decade,
        }
    }

    /// The days the period covers, when they are valid calendar days.
    pub fn interval(self) -> Option<Interval> {
        let ymd = NaiveDate::from_ymd_opt;
        let (start, end) = match self {
            Period::Day(d) => (d, d),
            Period::Week(y, w) => {
                let monday = NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Mon)?;
                (monday, monday + Duration::days(6))
            }
            Period::Weekend(y, w) => {
                let sat = NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Sat)?;
                (sat, sat + Duration::days(1))
            }
            Period::Month(y, m) => (ymd(y, m, 1)?, month_end(y, m)?),
            Period::Quarter(y, q) => (ymd(y, 3 * q - 2, 1)?, month_end(y, 3 * q)?),
            Period::Half(y, h) => (ymd(y, 6 * h - 5, 1)?, month_end(y, 6 * h)?),
            Period::Season(y, s) => match s {
                Season::Spring => (ymd(y, 3, 1)?, month_end(y, 5)?),
                Season::Summer => (ymd(y, 6, 1)?, month_end(y, 8)?),
                Season::Fall => (ymd(y, 9, 1)?, month_end(y, 11)?),
                Season::Winter => (ymd(y, 12, 1)?, month_end(y + 1, 2)?),
            },
            Period::Year(y) => (ymd(y, 1, 1)?, ymd(y, 12, 31)?),
            Period::Decade(d) => (ymd(d * 10, 1, 1)?, ymd(d * 10 + 9, 12, 31)?),
            Period::Century(c) => (ymd(c * 100, 1, 1)?, ymd(c * 100 + 99, 12, 31)?),
        };
        Some(Interval { start, end })
    }

    /// The period of the same kind `n` steps later (earlier when `n` is negative); days, weeks
    /// and months step by their own unit, quarters by quarters, and so on.
    pub fn shift(self, n: i32) -> Option<Period> {
        Some(match self {
            Period::Day(d) => Period::Day(d.checked_add_signed(Duration::days(i64::from(n)))?),
            Period::Week(y, w) | Period::Weekend(y, w) => {
                let monday = NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Mon)?;
                let moved = monday.checked_add_signed(Duration::weeks(i64::from(n)))?;
                let iso = moved.iso_week();
                if matches!(self, Period::Week(..)) {
                    Period::Week(iso.year(), iso.week())
                } else {
                    Period::Weekend(iso.year(), iso.week())
                }
            }
            Period::Month(y, m) => {
                let (y, m) = add_months(y, m, n);
                Period::Month(y, m)
            }
            Period::Quarter(y, q) => {
                let i = y * 4 + q as i32 - 1 + n;
                Period::Quarter(i.div_euclid(4), i.rem_euclid(4) as u32 + 1)
            }
            Period::Half(y, h) => {
                let i = y * 2 + h as i32 - 1 + n;
                Period::Half(i.div_euclid(2), i.rem_euclid(2) as u32 + 1)
            }
            Period::Season(y, s) => {
                let i = y * 4 + season_index(s) + n;
                Period::Season(i.div_euclid(4), SEASONS[i.rem_euclid(4) as usize])
            }
            Period::Year(y) => Period::Year(y + n),
            Period::Decade(d) => Period::Decade(d + n),
            Period::Century(c) => Period::Century(c + n),
        })
    }

    /// The same kind of period one year earlier or later (`years` may be negative).
    pub fn shift_years(self, years: i32) -> Option<Period> {
        match self {
            Period::Day(d) => d.with_year(d.year() + years).map(Period::Day),
            Period::Week(y, w) => Some(Period::Week(y + years, w.min(52))),
            Period::Weekend(y, w) => Some(Period::Weekend(y + years, w.min(52))),
            Period::Month(y, m) => Some(Period::Month(y + years, m)),
            Period::Quarter(y, q) => Some(Period::Quarter(y + years, q)),
            Period::Half(y, h) => Some(Period::Half(y + years, h)),
            Period::Season(y, s) => Some(Period::Season(y + years, s)),
            Period::Year(y) => Some(Period::Year(y + years)),
            Period::Decade(_) | Period::Century(_) => None,
        }
    }

    /// The first day of the period.
    pub fn first_day(self) -> Option<NaiveDate> {
        self.interval().map(|i| i.start)
    }
}

/// Seasons in the order they start within a year (winter starts in December).
const SEASONS: [Season; 4] = [Season::Spring, Season::Summer, Season::Fall, Season::Winter];

fn season_index(s: Season) -> i32 {
    match s {
        Season::Spring => 0,
        Season::Summer => 1,
        Season::Fall => 2,
        Season::Winter => 3,
    }
}

/// The TIMEX3 code of a season.
pub fn season_code(s: Season) -> &'static str {
    match s {
        Season::Spring => "SP",
        Season::Summer => "SU",
        Season::Fall => "FA",
        Season::Winter => "WI",
    }
}

/// A year as four digits (years outside 0-9999 as they are).
fn year4(y: i32) -> String {
    if (0..=9999).contains(&y) {
        format!("{y:04}")
    } else {
        y.to_string()
    }
}

fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = add_months(y, m, 1);
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

/// Month `m` of year `y` moved by `n` months.
pub fn add_months(y: i32, m: u32, n: i32) -> (i32, u32) {
    let i = y * 12 + m as i32 - 1 + n;
    (i.div_euclid(12), i.rem_euclid(12) as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn values() {
        assert_eq!(Period::Day(ymd(2025, 12, 19)).value(), "2025-12-19");
        assert_eq!(Period::week_of(ymd(2025, 12, 19)).value(), "2025-W51");
        assert_eq!(Period::Quarter(1989, 3).value(), "1989-Q3");
        assert_eq!(Period::Season(1998, Season::Fall).value(), "1998-FA");
        assert_eq!(Period::Decade(199).value(), "199");
        assert_eq!(Period::Weekend(1990, 32).value(), "1990-W32-WE");
    }

    #[test]
    fn intervals() {
        let i = Period::week_of(ymd(2025, 12, 19)).interval().unwrap();
        assert_eq!((i.start, i.end), (ymd(2025, 12, 15), ymd(2025, 12, 21)));
        let i = Period::Month(2024, 2).interval().unwrap();
        assert_eq!((i.start, i.end), (ymd(2024, 2, 1), ymd(2024, 2, 29)));
        let i = Period::Season(2025, Season::Winter).interval().unwrap();
        assert_eq!((i.start, i.end), (ymd(2025, 12, 1), ymd(2026, 2, 28)));
        let i = Period::Decade(199).interval().unwrap();
        assert_eq!((i.start, i.end), (ymd(1990, 1, 1), ymd(1999, 12, 31)));
    }

    #[test]
    fn shifts() {
        assert_eq!(
            Period::Month(2025, 1).shift(-1),
            Some(Period::Month(2024, 12))
        );
        assert_eq!(
            Period::Quarter(1989, 1).shift(-1),
            Some(Period::Quarter(1988, 4))
        );
        assert_eq!(
            Period::week_of(ymd(2026, 1, 2)).shift(-1),
            Some(Period::Week(2025, 52))
        );
        assert_eq!(
            Period::Season(2025, Season::Fall).shift(1),
            Some(Period::Season(2025, Season::Winter))
        );
    }
}
