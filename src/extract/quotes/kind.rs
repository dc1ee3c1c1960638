//! What a quotation is: a full statement, a phrase quoted inside reported speech, or a quoted
//! title or scare-quoted term.

use crate::extract::quotes::{Quote, QuoteKind};

/// Quotation marks and spaces trimmed from the edges of a quotation's text.
pub const MARKS: &[char] = &[
    '"', '“', '”', '„', '‟', '«', '»', '‘', '’', '\'', '`', ' ', '\n', '\t',
];

/// Fewest words of a statement that lacks final punctuation.
const FULL_WORDS: usize = 5;

/// Small words that stay in lower case inside a title ("Meet the Farmers").
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from", "is",
    "as",
];

/// Most words a name in title case may have ("Fox News Sunday", "Make Your Kid a Millionaire").
const TITLE_WORDS: usize = 6;

/// True for a short name in title case: two to six words, each capitalised but the small ones.
fn is_title_case(body: &str) -> bool {
    let mut count = 0;
    for (i, w) in body.split_whitespace().enumerate() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let fits = w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || (i > 0 && TITLE_SMALL_WORDS.contains(&w));
        count = i + 1;
        if !fits || count > TITLE_WORDS {
            return false;
        }
    }
    count >= 2
}

/// Classifies a quotation from its words and whether it has a speaker.
///
/// A short name in title case outside a headline ("Meet the Farmers", "Results of the Year")
/// is a *title*. A quotation over several paragraphs, or one that opens with a capital (or an
/// ellipsis or a digit) and either ends with sentence punctuation or a comma or has at least
/// five words, is *full*; any other quotation with a speaker is *partial*; what is left (a
/// short phrase nobody is said to have said: "root causes") is a *title*.
pub fn classify(text: &str, q: &Quote, in_headline: bool) -> QuoteKind {
    let body = q.span.text(text).trim_matches(MARKS);
    if !in_headline && q.parts.len() == 1 && is_title_case(body) {
        return QuoteKind::Title;
    }
    let opens_capital = body
        .chars()
        .find(|c| c.is_alphanumeric() || *c == '…')
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '…');
    let ends = body.ends_with(['.', '?', '!', '…', ',', ':', ';']);
    let long = || body.split_whitespace().nth(FULL_WORDS - 1).is_some();
    if q.parts.len() > 1 || (opens_capital && (ends || long())) {
        QuoteKind::Full
    } else if q.speaker.is_some() {
        QuoteKind::Partial
    } else {
        QuoteKind::Title
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::quotes::Method;
    use crate::span::Span;

    fn kind(text: &str, quoted: &str, speaker: bool) -> QuoteKind {
        let start = text.find(quoted).unwrap();
        let span = Span::new(start, start + quoted.len());
        let q = Quote {
            span,
            parts: vec![span],
            closed: true,
            kind: QuoteKind::Title,
            speaker: speaker.then_some(Span::new(0, 2)),
            antecedent: None,
            actor: None,
            cue: None,
            method: Method::None,
            inferred: false,
            group: 0,
        };
        classify(text, &q, false)
    }

    #[test]
    fn full_partial_and_title() {
        let t = "“We are constructively minded,” Umerov said.";
        assert_eq!(
            kind(t, "“We are constructively minded,”", true),
            QuoteKind::Full
        );
        let t = "Rubio dismissed the idea as “fake news” at the time.";
        assert_eq!(kind(t, "“fake news”", true), QuoteKind::Partial);
        let t = "Trump said the administration was split into “two camps” over it.";
        assert_eq!(kind(t, "“two camps”", true), QuoteKind::Partial);
        let t = "In his “Results of the year” speech, Putin blamed Kyiv.";
        assert_eq!(kind(t, "“Results of the year”", false), QuoteKind::Title);
        let t = "On “Meet the Farmers,” Senator Okafor said growers were tired.";
        assert_eq!(kind(t, "“Meet the Farmers,”", true), QuoteKind::Title);
        let t = "He called for an examination of the \"root causes\" of the war.";
        assert_eq!(kind(t, "\"root causes\"", false), QuoteKind::Title);
        let t = "Rubio said: “We urge all member states to join the United States”";
        assert_eq!(
            kind(
                t,
                "“We urge all member states to join the United States”",
                true
            ),
            QuoteKind::Full
        );
    }
}
