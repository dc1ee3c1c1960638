//! Checking that an extraction fits its text: every span inside the text and on character
//! boundaries, every index in range. [`span`] checks the metadata and layout of articles
//! from outside (embedded articles opened with `dossier open`, the cache), whose packed
//! extractions check themselves as they decode; [`extraction`] checks a decoded extraction
//! as a whole, for the property tests.

use crate::extract::Extraction;
use crate::span::Span;

/// Checks one span against the text.
pub fn span(text: &str, span: Span, what: &str) -> Result<(), String> {
    let ok = span.start <= span.end
        && span.end() <= text.len()
        && text.is_char_boundary(span.start())
        && text.is_char_boundary(span.end());
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{what} span {}..{} does not fit the text ({} bytes)",
            span.start,
            span.end,
            text.len()
        ))
    }
}

fn index(i: u32, len: usize, what: &str) -> Result<(), String> {
    if (i as usize) < len {
        Ok(())
    } else {
        Err(format!("{what} refers to item {i} of {len}"))
    }
}

/// Checks every span and index of an extraction against its text.
pub fn extraction(x: &Extraction, text: &str) -> Result<(), String> {
    let actors = x.actors.len();
    for m in &x.mentions {
        span(text, m.span, "mention")?;
        index(m.actor, actors, "mention")?;
    }
    for a in &x.actors {
        for r in &a.roles {
            span(text, r.span, "role")?;
        }
    }
    for q in &x.quotes {
        span(text, q.span, "quote")?;
        for s in [q.speaker, q.cue].into_iter().flatten() {
            span(text, s, "quote speaker or cue")?;
        }
        if let Some(a) = q.actor {
            index(a, actors, "quote")?;
        }
    }
    for t in &x.timexes {
        span(text, t.span, "time expression")?;
    }
    for e in &x.events {
        span(text, e.span, "event")?;
        span(text, e.label, "event label")?;
        for &a in &e.actors {
            index(a, actors, "event")?;
        }
    }
    Ok(())
}
