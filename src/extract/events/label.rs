//! Event labels: the clause around a time expression, at most [`MAX_LABEL`] bytes, never cut
//! in the middle of a word.

use crate::span::Span;

/// The longest label, in bytes.
pub const MAX_LABEL: usize = 100;

/// A clause shorter than this is joined with its neighbours ("On Friday," says nothing alone).
const MIN_CLAUSE: usize = 40;

/// The clause of `sentence` around `anchor` (a span inside it), as a span: clauses are cut at
/// commas, semicolons, colons, dashes and brackets outside `anchor`; short clauses take their
/// neighbours; long ones are windowed around `anchor` at word boundaries. Edge punctuation
/// and spaces are trimmed.
pub fn clause(text: &str, sentence: Span, anchor: Span) -> Span {
    let s = sentence.text(text);
    if s.is_empty() {
        return sentence;
    }
    let base = sentence.start();
    let a_start = anchor.start().clamp(base, sentence.end()) - base;
    let a_end = anchor.end().clamp(base, sentence.end()) - base;
    // Clause boundaries: (start of separator, end of separator), outside the anchor.
    let cuts: Vec<(usize, usize)> = s
        .char_indices()
        .filter(|&(i, c)| (i < a_start || i >= a_end) && is_separator(s, i, c))
        .map(|(i, c)| (i, i + c.len_utf8()))
        .collect();
    // The clause holding the anchor, as indices into `cuts` (before, after).
    let after = cuts.partition_point(|&(i, _)| i < a_start);
    let mut lo = after; // clause starts after cuts[lo - 1]
    let mut hi = after; // clause ends at cuts[hi]
    let start_of = |lo: usize| if lo == 0 { 0 } else { cuts[lo - 1].1 };
    let end_of = |hi: usize| {
        if hi >= cuts.len() {
            s.len()
        } else {
            cuts[hi].0
        }
    };
    while end_of(hi) - start_of(lo) < MIN_CLAUSE {
        let grow_right = hi < cuts.len() && end_of(hi + 1) - start_of(lo) <= MAX_LABEL;
        let grow_left = lo > 0 && end_of(hi) - start_of(lo - 1) <= MAX_LABEL;
        if grow_right {
            hi += 1;
        } else if grow_left {
            lo -= 1;
        } else {
            break;
        }
    }
    // A relative clause ("…, which Moscow seized in 2014") says little without what it
    // describes: take the clause before it when both fit.
    if lo > 0 && starts_relative(&s[start_of(lo)..]) && end_of(hi) - start_of(lo - 1) <= MAX_LABEL {
        lo -= 1;
    }
    let (mut from, mut to) = (start_of(lo), end_of(hi));
    if to - from > MAX_LABEL && a_end - from <= MAX_LABEL {
        // The clause's beginning (usually its subject) reaches the anchor: keep it.
        to = word_end(s, from + MAX_LABEL, a_end);
    } else if to - from > MAX_LABEL {
        // A window of the clause around the anchor, starting a little before it, and reaching
        // back further when the anchor is near the clause's end.
        let lead =
            (a_start.saturating_sub(from)).min(MAX_LABEL.saturating_sub(a_end - a_start) / 3);
        let clause_start = from;
        let stop = (a_start - lead + MAX_LABEL).min(to);
        from = word_start(s, stop.saturating_sub(MAX_LABEL).min(a_start), clause_start);
        to = word_end(s, (from + MAX_LABEL).min(to), a_end.max(from));
    }
    trim(text, Span::new(base + from, base + to))
}

/// True when `clause` opens with a relative pronoun or adverb ("which", "who", "where", …).
fn starts_relative(clause: &str) -> bool {
    let word = clause
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    ["which", "who", "whom", "whose", "where", "when"].contains(&word)
}

/// True when the character at `i` ends a clause: `,` `;` `:` `(` `)` `[` `]`, dashes
/// standing between spaces, and a full stop, question or exclamation mark after a word of
/// four letters or more (a sentence end the segmenter missed, but not "Gen." or "U.S.").
/// A comma between digits ("1,000") is not one.
fn is_separator(s: &str, i: usize, c: char) -> bool {
    match c {
        ';' | ':' | '(' | ')' | '[' | ']' => true,
        '.' | '!' | '?' => {
            let word = s[..i]
                .rsplit(|ch: char| !ch.is_alphabetic())
                .next()
                .unwrap_or("");
            word.chars().count() >= 4
                && word.chars().all(char::is_lowercase)
                && s[i + 1..].starts_with(char::is_whitespace)
        }
        ',' => !s[i + 1..].starts_with(|d: char| d.is_ascii_digit()),
        '\u{2013}' | '\u{2014}' | '-' => {
            s[..i].ends_with(char::is_whitespace)
                && s[i + c.len_utf8()..].starts_with(char::is_whitespace)
        }
        _ => false,
    }
}

/// The start of the word at or after byte `i` (not before `floor`), on a char boundary.
fn word_start(s: &str, i: usize, floor: usize) -> usize {
    let mut i = i.max(floor);
    while i > floor && !s.is_char_boundary(i) {
        i -= 1;
    }
    if i == floor || s[..i].ends_with(char::is_whitespace) {
        return i;
    }
    // Move forward past the partial word.
    match s[i..].find(char::is_whitespace) {
        Some(k) => i + k + s[i + k..].chars().next().map_or(0, char::len_utf8),
        None => i,
    }
}

/// The end of the last whole word ending at or before byte `i`, but not before `keep`.
fn word_end(s: &str, i: usize, keep: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    if i == s.len() || s[i..].starts_with(char::is_whitespace) {
        return i;
    }
    match s[..i].rfind(char::is_whitespace) {
        Some(k) if k >= keep => k,
        _ => i,
    }
}

/// `span` without spaces and clause punctuation at its edges.
fn trim(text: &str, span: Span) -> Span {
    let s = span.text(text);
    let edge = |c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | '(' | ')');
    let lead = s.len() - s.trim_start_matches(edge).len();
    let body = s.trim_matches(edge);
    if body.is_empty() {
        return span;
    }
    Span::new(span.start() + lead, span.start() + lead + body.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(sentence: &str, anchor: &str) -> String {
        let at = sentence.find(anchor).unwrap();
        let span = clause(
            sentence,
            Span::new(0, sentence.len()),
            Span::new(at, at + anchor.len()),
        );
        span.text(sentence).to_string()
    }

    #[test]
    fn short_clauses_take_their_neighbours() {
        assert_eq!(
            label(
                "On Friday, Washington formally asked Kyiv to withdraw its draft, which Ukraine refused.",
                "Friday"
            ),
            "On Friday, Washington formally asked Kyiv to withdraw its draft"
        );
    }

    #[test]
    fn the_clause_of_the_expression() {
        assert_eq!(
            label(
                "Secretary of State Marco Rubio confirmed the U.S. resolution late Friday, stating that the administration's priority is ending the war.",
                "late Friday"
            ),
            "Secretary of State Marco Rubio confirmed the U.S. resolution late Friday"
        );
    }

    #[test]
    fn long_clauses_are_cut_between_words() {
        let s = "Tensions in the US top echelon have been building since at least April 2025 when Rubio then due to meet French officials in Paris for Ukraine-related talks discovered that the French Foreign Ministry had already scheduled a separate engagement";
        let l = label(s, "April 2025");
        assert!(l.len() <= MAX_LABEL, "{l}");
        assert!(l.contains("April 2025"), "{l}");
        assert!(s.contains(&l));
        let at = s.find(&l).unwrap();
        assert!(at == 0 || s[..at].ends_with(' '), "{l}");
        let end = at + l.len();
        assert!(end == s.len() || s[end..].starts_with(' '), "{l}");
    }

    #[test]
    fn relative_clauses_keep_what_they_describe() {
        assert_eq!(
            label(
                "Putin has demanded that Ukraine cede territory, along with Crimea, which Moscow seized and annexed in 2014.",
                "2014"
            ),
            "along with Crimea, which Moscow seized and annexed in 2014"
        );
    }

    #[test]
    fn long_clauses_keep_their_beginning_when_the_anchor_is_near() {
        assert_eq!(
            label(
                "Witkoff was appointed as special envoy earlier this year and has since travelled to Moscow several times to meet the Russian president in person.",
                "earlier this year"
            ),
            "Witkoff was appointed as special envoy earlier this year and has since travelled to Moscow several"
        );
    }

    #[test]
    fn dates_with_commas_stay_whole() {
        assert_eq!(
            label(
                "The accord was signed on December 23, 2025, in Geneva after long talks between the two delegations.",
                "December 23, 2025"
            ),
            "The accord was signed on December 23, 2025"
        );
    }
}
