//! Finder queries in the fzf tradition: space-separated terms that must all match.
//!
//! - `term` matches a word fuzzily: the word starts with the term, contains it (three
//!   characters or more), or holds its letters in order from its first letter (`rbo` finds
//!   "Rubio"). A term with punctuation is split into words (`we're` is `we` and `re`).
//! - `'term` matches exactly: the characters appear as written, ignoring case, in the
//!   quotation, its speaker or its source (`'u.s.`, `'drag`).
//! - `@name` restricts the speaker: the speaker's name matches `name` fuzzily.

use crate::search::words::{self, MIN_INFIX};

/// How a term matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TermKind {
    /// One word of the quotation, its speaker or its source matches fuzzily.
    Fuzzy,
    /// The text appears as written (ignoring case).
    Exact,
    /// The speaker's name matches fuzzily.
    Speaker,
}

/// One term of a query, case-folded.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Term {
    /// How it matches.
    pub kind: TermKind,
    /// The folded text, without its `'` or `@` prefix.
    pub text: String,
}

/// A parsed query: every term must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// The terms, in the order typed.
    pub terms: Vec<Term>,
}

impl Query {
    /// Parses a query; empty terms (a lone `'` or `@`, punctuation alone) are ignored.
    pub fn parse(input: &str) -> Query {
        let mut terms = Vec::new();
        for token in input.split_whitespace() {
            let (kind, rest) = if let Some(rest) = token.strip_prefix('\'') {
                (TermKind::Exact, rest)
            } else if let Some(rest) = token.strip_prefix('@') {
                (TermKind::Speaker, rest)
            } else {
                (TermKind::Fuzzy, token)
            };
            if kind == TermKind::Fuzzy {
                terms.extend(words::split(rest).map(|r| Term {
                    kind,
                    text: words::fold(&rest[r]),
                }));
            } else if !rest.is_empty() {
                terms.push(Term {
                    kind,
                    text: words::fold(rest),
                });
            }
        }
        Query { terms }
    }

    /// True when there is nothing to match (every quotation matches).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// True when everything this query matches is sure to be matched by `previous` too (the
    /// user typed on): then only `previous`'s matches need scoring again.
    pub fn refines(&self, previous: &Query) -> bool {
        previous.terms.len() <= self.terms.len()
            && previous
                .terms
                .iter()
                .zip(&self.terms)
                .all(|(old, new)| new.narrows(old))
    }
}

impl Term {
    /// True when every word or quotation this term matches is matched by `old`.
    fn narrows(&self, old: &Term) -> bool {
        if self.kind != old.kind || !self.text.starts_with(&old.text) {
            return false;
        }
        // A fuzzy term starts matching inside words at MIN_INFIX characters: from there on,
        // a longer term can match words the shorter one did not.
        self.kind != TermKind::Fuzzy
            || old.text.chars().count() >= MIN_INFIX
            || self.text.chars().count() < MIN_INFIX
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(q: &str) -> Vec<(TermKind, &'static str)> {
        Query::parse(q)
            .terms
            .into_iter()
            .map(|t| (t.kind, &*t.text.leak()))
            .collect()
    }

    #[test]
    fn parses_fuzzy_exact_and_speaker_terms() {
        use TermKind::*;
        assert_eq!(
            terms("Drag  'U.S. @Rubio we're"),
            vec![
                (Fuzzy, "drag"),
                (Exact, "u.s."),
                (Speaker, "rubio"),
                (Fuzzy, "we"),
                (Fuzzy, "re")
            ]
        );
        assert_eq!(terms("' @ — "), vec![]);
        assert!(Query::parse("   ").is_empty());
    }

    #[test]
    fn typing_on_refines() {
        let q = |s| Query::parse(s);
        assert!(q("drag").refines(&q("dra")));
        assert!(q("drag t").refines(&q("drag")));
        assert!(q("drag this").refines(&q("drag thi")));
        assert!(!q("drag thi").refines(&q("drag th")));
        assert!(q("'drag").refines(&q("'dr")));
        assert!(!q("dra").refines(&q("drag")), "deleting widens");
        assert!(!q("dram").refines(&q("drag")));
        assert!(!q("'drag").refines(&q("drag")), "kind changed");
        assert!(
            !q("kra").refines(&q("kr")),
            "three letters also match inside words"
        );
        assert!(q("krai").refines(&q("kra")));
        assert!(q("anything").refines(&q("")));
    }
}
