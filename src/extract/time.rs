//! Time expressions, normalised to TIMEX3 values and resolved against the publication date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::extract::Doc;
use crate::span::Span;

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

/// A time expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timex {
    /// The expression's span.
    pub span: Span,
    /// Its TIMEX3 type.
    pub kind: TimexType,
    /// Its TIMEX3 value ("2025-12-19", "P3Y", "PAST_REF").
    pub value: String,
    /// The days it covers, when it has a place on the timeline.
    pub interval: Option<Interval>,
    /// The precision of `interval`.
    pub granularity: Option<Granularity>,
}

/// Finds and resolves the time expressions of one article.
pub fn extract(_doc: &Doc) -> Vec<Timex> {
    Vec::new()
}
