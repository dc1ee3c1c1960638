//! Which characters of a displayed field a query matched, for highlighting.

use std::ops::Range;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::search::query::{Query, TermKind};
use crate::search::words;

/// Byte ranges of `field` to highlight for `query`, sorted and merged. For each fuzzy term,
/// the best-matching word; for each exact term, every occurrence; for `@name` terms (when
/// `speaker` is true, i.e. `field` is the speaker's name), the fuzzy match.
pub fn highlights(query: &Query, field: &str, speaker: bool) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut folded = String::new();
    for term in &query.terms {
        match term.kind {
            TermKind::Fuzzy => {
                let best = words::split(field)
                    .filter_map(|r| {
                        folded.clear();
                        words::fold_into(&field[r.clone()], &mut folded);
                        Some((words::score(&term.text, &folded)?, r))
                    })
                    .fold(
                        None,
                        |best: Option<(u16, Range<usize>)>, (s, r)| match best {
                            Some((b, _)) if b >= s => best,
                            _ => Some((s, r)),
                        },
                    );
                if let Some((_, r)) = best {
                    folded.clear();
                    words::fold_into(&field[r.clone()], &mut folded);
                    let chars: Vec<(usize, char)> = field[r.clone()].char_indices().collect();
                    for p in words::positions(&term.text, &folded) {
                        let (i, c) = chars[p];
                        out.push(r.start + i..r.start + i + c.len_utf8());
                    }
                }
            }
            TermKind::Exact => {
                let mut from = 0;
                while let Some(r) = words::find_folded(field, &term.text, from) {
                    from = r.end;
                    out.push(r);
                }
            }
            TermKind::Speaker if speaker => {
                if let Some((_, indices)) =
                    SkimMatcherV2::default().fuzzy_indices(field, &term.text)
                {
                    let chars: Vec<(usize, char)> = field.char_indices().collect();
                    out.extend(
                        indices
                            .into_iter()
                            .filter_map(|p| chars.get(p))
                            .map(|&(i, c)| i..i + c.len_utf8()),
                    );
                }
            }
            TermKind::Speaker => {}
        }
    }
    out.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(out.len());
    for r in out {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(query: &str, field: &str, speaker: bool) -> Vec<&'static str> {
        let field: &'static str = field.to_string().leak();
        highlights(&Query::parse(query), field, speaker)
            .into_iter()
            .map(|r| &field[r])
            .collect()
    }

    #[test]
    fn fuzzy_terms_mark_their_best_word() {
        assert_eq!(
            marked(
                "drag ou",
                "“We’re not going to drag this out,” he said.",
                false
            ),
            vec!["drag", "ou"]
        );
        assert_eq!(marked("rbo", "Marco Rubio", false), vec!["R", "b", "o"]);
        assert_eq!(marked("kyi", "Zelenskyy in Kyiv", false), vec!["Kyi"]);
        assert!(marked("xyz", "Marco Rubio", false).is_empty());
    }

    #[test]
    fn exact_terms_mark_every_occurrence() {
        assert_eq!(marked("'we", "We said we would.", false), vec!["We", "we"]);
        assert_eq!(marked("'u.s.", "The U.S. side", false), vec!["U.S."]);
    }

    #[test]
    fn speaker_terms_mark_only_the_speaker() {
        assert_eq!(marked("@rub", "Marco Rubio", true), vec!["Rub"]);
        assert!(marked("@rub", "Marco Rubio", false).is_empty());
    }

    #[test]
    fn overlapping_marks_merge() {
        assert_eq!(marked("dra drag", "drag", false), vec!["drag"]);
    }
}
