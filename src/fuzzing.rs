//! Entry points for the fuzz targets in `fuzz/` and for replaying their findings as
//! regression tests (`tests/fuzz_regressions.rs`). Each takes arbitrary bytes and panics only
//! when an invariant is broken.

use std::path::PathBuf;

use crate::article::packed::Packed;
use crate::article::{Meta, Origin};
use crate::corpus::{Progress, analyse};
use crate::index::Index;
use crate::ingest::{Draft, decode, html, json};
use crate::record::Record;

/// Analyses articles, builds the index, and checks every invariant.
fn check(drafts: Vec<Draft>) {
    let articles = analyse(drafts, &Progress::default());
    for article in &articles {
        if let Err(e) = article.validate() {
            panic!("invalid article: {e}");
        }
        let extraction = article.extraction();
        assert_eq!(
            Packed::encode(&extraction, &article.text),
            article.packed,
            "extraction round trip"
        );
        for pair in extraction.quotes.windows(2) {
            assert!(pair[0].span.end <= pair[1].span.start, "quotations overlap");
        }
        serde_json::to_string(&Record::of(article)).expect("record serialises");
    }
    let index = Index::build(articles, Vec::new());
    let keys: Vec<_> = index
        .timeline
        .iter()
        .map(|e| (e.date.is_none(), e.date.map(|d| d.start)))
        .collect();
    assert!(keys.windows(2).all(|w| w[0] <= w[1]), "timeline not sorted");
}

fn draft(text: String, meta: Meta) -> Draft {
    Draft {
        origin: Origin {
            path: PathBuf::from("fuzz"),
            record: None,
        },
        text,
        meta,
    }
}

/// Text ingest and full extraction: bytes decoded as a text file, analysed and indexed.
pub fn ingest_text(data: &[u8]) {
    if let Ok(decoded) = decode::decode(data.to_vec()) {
        check(vec![draft(decoded.text, Meta::default())]);
    }
}

/// The JSON, JSON Lines and HTML loaders, then analysis of what they produce.
pub fn loaders(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut drafts = Vec::new();
    if let Ok(records) = json::parse_document(&text) {
        drafts.extend(records.into_iter().flatten().map(|r| draft(r.text, r.meta)));
    }
    for line in text.lines() {
        if let Ok(r) = json::parse_line(line) {
            drafts.push(draft(r.text, r.meta));
        }
    }
    let page = html::parse(&text);
    drafts.push(draft(page.text, Meta::default()));
    check(drafts);
}

/// The cache loader on arbitrary bytes: never panics, and whatever it accepts is valid.
pub fn cache_file(data: &[u8]) {
    if let Ok(Some(entries)) = crate::cache::read_from(data) {
        for entry in entries.values() {
            for article in &entry.articles {
                article
                    .validate()
                    .expect("accepted cache articles are valid");
            }
        }
    }
}

/// The review-file reader on arbitrary bytes: never panics, whatever it accepts is written
/// back and read again unchanged, and every item id reads back as written.
pub fn review_file(data: &[u8]) {
    use crate::review::{ItemKey, store};
    if let Ok(review) = store::parse(data) {
        let text = store::to_json(&review);
        let again = store::parse(text.as_bytes()).expect("a written review reads back");
        assert_eq!(again, review, "a review changes when written and read back");
    }
    if let Ok(s) = std::str::from_utf8(data) {
        assert_eq!(ItemKey::parse(s).to_string(), s, "an id changes when read");
    }
}
