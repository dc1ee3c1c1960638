//! Words as the finder sees them: runs of letters and digits, case-folded, and how well a
//! query term matches one word.

use std::ops::Range;

/// Splits `text` into words (maximal runs of alphanumeric characters), with byte offsets.
pub fn split(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (i, c) = chars.next()?;
            if c.is_alphanumeric() {
                break i;
            }
        };
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                end = i;
                break;
            }
            chars.next();
        }
        Some(start..end)
    })
}

/// Lower-cases one character, keeping it one character (so character positions in a folded
/// word are the positions in the original word).
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// Appends the case-folded form of `s` to `out`.
pub fn fold_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        out.extend(s.bytes().map(|b| b.to_ascii_lowercase() as char));
    } else {
        out.extend(s.chars().map(fold_char));
    }
}

/// The case-folded form of `s`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Shortest term that also matches inside a word (not only from its first letter).
pub const MIN_INFIX: usize = 3;

/// Score of a term equal to the whole word.
const EXACT: u16 = 400;
/// Base score of a term that starts the word ("drag" in "dragged").
const PREFIX: u16 = 200;
/// Base score of a term found inside the word ("kraine" in "ukraine").
const INFIX: u16 = 100;
/// Base score of a term whose letters appear in order from the word's first letter.
const SCATTERED: u16 = 50;
/// Penalty per interruption of a scattered match.
const GAP: u16 = 8;

/// How a term matches a word: `None` when it does not.
///
/// A term matches when the word equals it, starts with it, contains it (terms of at least
/// [`MIN_INFIX`] characters), or holds its characters in order starting at the word's first
/// character ("rbo" in "rubio"). Both are case-folded already. Higher is better; a longer
/// share of the word matched scores higher.
pub fn score(term: &str, word: &str) -> Option<u16> {
    if term.is_empty() || word.len() < term.len() {
        return None;
    }
    if word == term {
        return Some(EXACT);
    }
    let share = |matched: usize| (100 * matched / word.chars().count().max(1)) as u16;
    let term_chars = term.chars().count();
    if word.starts_with(term) {
        return Some(PREFIX + share(term_chars));
    }
    if term_chars >= MIN_INFIX && word.contains(term) {
        return Some(INFIX + share(term_chars) / 2);
    }
    let gaps = scattered_gaps(term, word)?;
    Some(
        (SCATTERED + share(term_chars) / 2)
            .saturating_sub(gaps * GAP)
            .max(1),
    )
}

/// For a scattered match from the word's first character, the number of interruptions.
fn scattered_gaps(term: &str, word: &str) -> Option<u16> {
    let mut t = term.chars();
    let first = t.next()?;
    let mut w = word.chars();
    if w.next()? != first {
        return None;
    }
    let mut gaps = 0u16;
    let mut adjacent = true;
    'term: for tc in t {
        for wc in w.by_ref() {
            if wc == tc {
                if !adjacent {
                    gaps = gaps.saturating_add(1);
                }
                adjacent = true;
                continue 'term;
            }
            adjacent = false;
        }
        return None;
    }
    Some(gaps)
}

/// The character positions in `word` that `term` matches, following the same rules as
/// [`score`]; empty when it does not match.
pub fn positions(term: &str, word: &str) -> Vec<usize> {
    let n = term.chars().count();
    if term.is_empty() || score(term, word).is_none() {
        return Vec::new();
    }
    if word.starts_with(term) {
        return (0..n).collect();
    }
    if n >= MIN_INFIX
        && let Some(at) = word.find(term)
    {
        let first = word[..at].chars().count();
        return (first..first + n).collect();
    }
    let mut out = Vec::with_capacity(n);
    let mut t = term.chars().peekable();
    for (i, c) in word.chars().enumerate() {
        if t.peek() == Some(&c) {
            out.push(i);
            t.next();
        }
    }
    out
}

/// Finds `needle` (already folded) in `hay` ignoring case; returns the byte range in `hay`.
pub fn find_folded(hay: &str, needle: &str, from: usize) -> Option<Range<usize>> {
    if needle.is_empty() {
        return None;
    }
    if hay.is_ascii() && needle.is_ascii() {
        let (h, n) = (hay.as_bytes(), needle.as_bytes());
        if h.len() < n.len() {
            return None;
        }
        return (from..=h.len() - n.len())
            .find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
            .map(|i| i..i + n.len());
    }
    let starts = hay.char_indices().map(|(i, _)| i).filter(|&i| i >= from);
    for start in starts {
        let mut hs = hay[start..].char_indices();
        let mut end = start;
        let mut ok = true;
        for nc in needle.chars() {
            match hs.next() {
                Some((i, hc)) if fold_char(hc) == nc => end = start + i + hc.len_utf8(),
                _ => {
                    ok = false;
                    break;
                }
            }
        }
        if ok {
            return Some(start..end);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        split(text).map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_on_anything_but_letters_and_digits() {
        assert_eq!(
            words("“We’re not going to drag this out,” he said of the 20-point plan."),
            vec![
                "We", "re", "not", "going", "to", "drag", "this", "out", "he", "said", "of", "the",
                "20", "point", "plan"
            ]
        );
        assert_eq!(words("Zelenskyy’s Kyiv"), vec!["Zelenskyy", "s", "Kyiv"]);
        assert!(words(" … — ").is_empty());
    }

    #[test]
    fn folding_keeps_one_char_per_char() {
        assert_eq!(fold("Kyiv İstanbul ÉTÉ"), "kyiv istanbul été");
        assert_eq!(fold("İ").chars().count(), 1);
    }

    #[test]
    fn scores_rank_exact_over_prefix_over_infix_over_scattered() {
        let exact = score("drag", "drag").unwrap();
        let prefix = score("drag", "dragged").unwrap();
        let inside = score("kraine", "ukraine").unwrap();
        let scattered = score("rbo", "rubio").unwrap();
        assert!(exact > prefix && prefix > inside && inside > scattered);
        assert!(score("dr", "drag").unwrap() < score("dra", "drag").unwrap());
    }

    #[test]
    fn scattered_matches_start_at_the_first_letter() {
        assert!(score("rbo", "rubio").is_some());
        assert!(score("ubo", "rubio").is_none());
        assert!(
            score("ub", "rubio").is_none(),
            "two letters never match inside"
        );
        assert!(score("bio", "rubio").is_some(), "three letters do");
        assert!(score("drag", "dra").is_none());
        assert!(score("", "drag").is_none());
    }

    #[test]
    fn positions_follow_the_match() {
        assert_eq!(positions("dra", "dragged"), vec![0, 1, 2]);
        assert_eq!(positions("kraine", "ukraine"), vec![1, 2, 3, 4, 5, 6]);
        assert_eq!(positions("rbo", "rubio"), vec![0, 2, 4]);
        assert_eq!(positions("xyz", "rubio"), Vec::<usize>::new());
        assert_eq!(positions("éte", "été"), Vec::<usize>::new());
        assert_eq!(positions("ét", "été"), vec![0, 1]);
    }

    #[test]
    fn finds_ignoring_case() {
        assert_eq!(find_folded("Drag This Out", "this", 0), Some(5..9));
        assert_eq!(find_folded("Drag This Out", "this", 6), None);
        assert_eq!(find_folded("Über Kyiv", "kyiv", 0), Some(6..10));
        assert_eq!(find_folded("ÜBER", "über", 0), Some(0..5));
        assert_eq!(find_folded("ab", "abc", 0), None);
    }
}
