//! Time expressions in real sentences: what is found, and what it resolves to.

use chrono::NaiveDate;

use super::*;
use crate::layout::Layout;
use crate::segment;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn layout_of(text: &str) -> Layout {
    let paragraphs = segment::paragraphs(text);
    let marks = vec![None; paragraphs.len()];
    segment::layout(text, &paragraphs, &marks)
}

/// The time expressions of `text` published on `date`, as (text, value) pairs.
fn found(text: &str, date: Option<NaiveDate>) -> Vec<(String, String)> {
    let layout = layout_of(text);
    let doc = Doc {
        text,
        layout: &layout,
        published: date,
    };
    extract(&doc)
        .into_iter()
        .map(|t| (t.span.text(text).to_string(), t.value))
        .collect()
}

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn debug() {
    for s in [
        "NYT reported on Monday, Oct. 26, that the rifle was discovered April 8 buried.",
        "A bomb in Nairobi on Aug. 7 killed 257 people. An editorial on Saturday, April 25: fine.",
        "The rights, which expire Nov. 21, can be exercised for $100 each.",
        "The monarch will meet Bush on Thursday in Kennebunkport. He met him on Thursday.",
        "CANBERRA, Australia (AP)_ Qantas will almost double its flights between Australia and India by August in the search for new markets untouched by the crippling Asian financial crisis.",
    ] {
        eprintln!("{:?}", found(s, Some(ymd(1998, 10, 25))));
    }
    let _ = pairs(&[]);
}
