//! Reading articles from JSON (one object, an array, or a wrapper object holding an array)
//! and JSON Lines, mapping the field names common scrapers write.

use serde_json::{Map, Value};

use crate::article::{DateEvidence, DateSource, Field, Meta};
use crate::ingest::dateline;

/// Field names read as the article text, in order of preference.
pub const TEXT_FIELDS: &[&str] = &["text", "maintext", "body", "content", "article"];
/// Field names read as the headline.
pub const TITLE_FIELDS: &[&str] = &["title", "headline"];
/// Field names read as the publication date.
pub const DATE_FIELDS: &[&str] = &[
    "date",
    "date_publish",
    "publish_date",
    "published",
    "pubDate",
    "publication_date",
    "published_at",
    "datePublished",
    "dct",
];
/// Field names read as the outlet.
pub const SOURCE_FIELDS: &[&str] = &["source", "source_domain", "outlet", "publisher"];
/// Field names read as the authors.
pub const AUTHOR_FIELDS: &[&str] = &["authors", "author"];
/// Field names read as the record id.
pub const ID_FIELDS: &[&str] = &["id", "_id", "uuid"];
/// Field names read as the URL.
pub const URL_FIELDS: &[&str] = &["url", "link"];
/// Wrapper fields holding an array of articles (`{"articles": [...]}`).
const ARRAY_FIELDS: &[&str] = &[
    "articles",
    "items",
    "data",
    "results",
    "records",
    "documents",
];

/// One article read from a record: its text, metadata, and any warnings about its fields.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The article text.
    pub text: String,
    /// Metadata given by the record's fields.
    pub meta: Meta,
    /// Problems with individual fields that did not stop the record from loading.
    pub warnings: Vec<String>,
}

/// The records of a `.json` document: one object, an array of objects, or an object wrapping
/// such an array. Each entry is the record or the reason it was skipped.
pub fn parse_document(json: &str) -> Result<Vec<Result<Record, String>>, String> {
    let value: Value = serde_json::from_str(json).map_err(|e| format!("invalid JSON: {e}"))?;
    match value {
        Value::Array(items) => Ok(items.iter().map(record).collect()),
        Value::Object(obj) => {
            let wrapped = ARRAY_FIELDS
                .iter()
                .find_map(|f| obj.get(*f).and_then(Value::as_array))
                .filter(|_| find(&obj, TEXT_FIELDS).is_none());
            match wrapped {
                Some(items) => Ok(items.iter().map(record).collect()),
                None => Ok(vec![object_record(&obj)]),
            }
        }
        other => Err(format!(
            "expected an article object or an array of them, found {}",
            kind(&other)
        )),
    }
}

/// One JSON Lines line as a record.
pub fn parse_line(line: &str) -> Result<Record, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    record(&value)
}

fn record(value: &Value) -> Result<Record, String> {
    match value {
        Value::Object(obj) => object_record(obj),
        other => Err(format!("expected an article object, found {}", kind(other))),
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The first of `names` present (and not null) in `obj`, with the name found.
fn find<'v>(
    obj: &'v Map<String, Value>,
    names: &[&'static str],
) -> Option<(&'static str, &'v Value)> {
    names
        .iter()
        .find_map(|n| obj.get(*n).filter(|v| !v.is_null()).map(|v| (*n, v)))
}

fn object_record(obj: &Map<String, Value>) -> Result<Record, String> {
    let (name, value) = find(obj, TEXT_FIELDS).ok_or_else(|| {
        format!(
            "no text field (expected one of: {})",
            TEXT_FIELDS.join(", ")
        )
    })?;
    let text = match value {
        Value::String(s) => s.clone(),
        Value::Array(parts) if parts.iter().all(Value::is_string) => parts
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("\n\n"),
        other => {
            return Err(format!(
                "field `{name}` is {}, expected a string",
                kind(other)
            ));
        }
    };
    if text.trim().is_empty() {
        return Err(format!("field `{name}` is empty"));
    }
    let mut warnings = Vec::new();
    let mut meta = Meta {
        id: find(obj, ID_FIELDS).and_then(|(_, v)| scalar(v)),
        url: find(obj, URL_FIELDS).and_then(|(_, v)| scalar(v)),
        ..Meta::default()
    };
    meta.title = text_field(obj, TITLE_FIELDS, &mut warnings).map(Field::given);
    meta.source = find(obj, SOURCE_FIELDS)
        .and_then(|(_, v)| scalar(v).or_else(|| v.get("name").and_then(scalar)))
        .map(Field::given);
    meta.authors = authors(obj).into_iter().map(Field::given).collect();
    if let Some((name, value)) = find(obj, DATE_FIELDS) {
        let date = match value {
            Value::String(s) => dateline::parse_field(s),
            Value::Number(n) => n.as_i64().and_then(dateline::parse_timestamp),
            _ => None,
        };
        match date {
            Some(date) => meta.add_date(DateEvidence {
                date,
                source: DateSource::Field,
                span: None,
            }),
            None => warnings.push(format!("field `{name}`: cannot read {value} as a date")),
        }
    }
    Ok(Record {
        text,
        meta,
        warnings,
    })
}

/// A string or number as a string.
fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn text_field(
    obj: &Map<String, Value>,
    names: &[&'static str],
    warnings: &mut Vec<String>,
) -> Option<String> {
    let (name, value) = find(obj, names)?;
    let s = scalar(value);
    if s.is_none() && !matches!(value, Value::String(_)) {
        warnings.push(format!(
            "field `{name}` is {}, expected a string",
            kind(value)
        ));
    }
    s
}

/// Authors from a string ("A, B and C"), an array of strings, or an array of `{"name": ...}`.
fn authors(obj: &Map<String, Value>) -> Vec<String> {
    let Some((_, value)) = find(obj, AUTHOR_FIELDS) else {
        return Vec::new();
    };
    match value {
        Value::String(s) => s
            .split([',', ';'])
            .flat_map(|p| p.split(" and "))
            .map(|p| p.trim().trim_start_matches("By ").trim().to_string())
            .filter(|p| !p.is_empty())
            .collect(),
        Value::Array(items) => items
            .iter()
            .filter_map(|v| scalar(v).or_else(|| v.get("name").and_then(scalar)))
            .collect(),
        Value::Object(_) => value.get("name").and_then(scalar).into_iter().collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn common_scraper_fields() {
        let r = parse_line(
            r#"{"maintext": "Body.", "headline": "Head", "date_publish": "2025-12-19 08:00:00",
                "source_domain": "example.com", "authors": ["A B", "C D"], "url": "http://x", "id": 7}"#,
        )
        .unwrap();
        assert_eq!(r.text, "Body.");
        assert_eq!(r.meta.title.as_ref().unwrap().value, "Head");
        assert_eq!(r.meta.date(), NaiveDate::from_ymd_opt(2025, 12, 19));
        assert_eq!(r.meta.source.unwrap().value, "example.com");
        assert_eq!(r.meta.authors.len(), 2);
        assert_eq!(r.meta.id.as_deref(), Some("7"));
        assert_eq!(r.meta.url.as_deref(), Some("http://x"));
    }

    #[test]
    fn wrong_types_and_missing_text() {
        assert_eq!(
            parse_line(r#"{"title": "x"}"#).unwrap_err(),
            "no text field (expected one of: text, maintext, body, content, article)"
        );
        assert_eq!(
            parse_line(r#"{"text": 5}"#).unwrap_err(),
            "field `text` is a number, expected a string"
        );
        assert_eq!(
            parse_line("[1]").unwrap_err(),
            "expected an article object, found an array"
        );
        let r = parse_line(r#"{"text": "ok", "date": "someday", "title": ["x"]}"#).unwrap();
        assert_eq!(r.meta.date(), None);
        assert_eq!(r.warnings.len(), 2);
    }

    #[test]
    fn documents() {
        assert_eq!(
            parse_document(r#"[{"text":"a"},{"body":"b"}]"#)
                .unwrap()
                .len(),
            2
        );
        let wrapped = parse_document(
            r#"{"status":"ok","articles":[{"content":"a","source":{"name":"NPR"}}]}"#,
        )
        .unwrap();
        assert_eq!(
            wrapped[0]
                .as_ref()
                .unwrap()
                .meta
                .source
                .as_ref()
                .unwrap()
                .value,
            "NPR"
        );
        assert!(parse_document("3").is_err());
        assert!(parse_document("{").unwrap_err().starts_with("invalid JSON"));
    }
}
