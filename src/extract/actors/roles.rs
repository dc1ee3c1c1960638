//! Roles and affiliations of persons: titles before a name ("Ukrainian Foreign Minister Andrii
//! Sybiha", "US special envoy Steve Witkoff", "Trump's son-in-law Jared Kushner") and
//! appositions ("the head of Kyiv's delegation, Rustem Umerov,", "Witkoff, a property developer
//! and long-time Trump associate,").

use crate::extract::actors::gazetteer::{Gazetteer, lower_into};
use crate::extract::actors::tokens::{Shape, Token};
use crate::extract::actors::typing::Found;
use crate::extract::actors::wordlist::WordList;
use crate::extract::actors::{EntityType, Gender};
use crate::span::Span;

/// A role found for a person mention, before the actor it belongs to is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundRole {
    /// The role as written ("Foreign Minister", "head of Kyiv's delegation").
    pub title: Span,
    /// Where the role was stated: title (or apposition) and name together.
    pub span: Span,
    /// The affiliation as written ("Ukrainian", "Trump", "Kyiv"), if stated.
    pub affiliation: Option<Span>,
    /// Gender the title implies.
    pub gender: Option<Gender>,
}

/// Modifiers that may stand between an affiliation and a title ("US special envoy",
/// "Ukrainian Deputy Foreign Minister", "former President").
pub const TITLE_MODIFIERS: WordList = WordList::new(&[
    "former",
    "deputy",
    "acting",
    "vice",
    "senior",
    "special",
    "top",
    "chief",
    "interim",
    "first",
    "veteran",
    "new",
    "then",
    "late",
    "outgoing",
    "incoming",
    "assistant",
    "associate",
    "executive",
    "general",
    "ex",
    "ex-",
    "current",
    "presidential",
    "longtime",
    "long-time",
    "close",
    "personal",
    "lead",
    "main",
]);

/// Finds roles for the person `f` among the document's tokens.
pub struct RoleFinder<'a> {
    /// The text.
    pub text: &'a str,
    /// All tokens.
    pub tokens: &'a [Token],
    /// The gazetteer.
    pub gaz: &'a Gazetteer,
}

impl RoleFinder<'_> {
    fn word(&self, i: usize) -> &str {
        self.tokens[i].text(self.text)
    }

    fn lower(&self, i: usize, buf: &mut String) {
        lower_into(self.word(i), buf);
    }

    fn is_title(&self, first: usize, end: usize, buf: &mut String) -> Option<Option<Gender>> {
        let phrase =
            &self.text[self.tokens[first].start as usize..self.tokens[end - 1].end as usize];
        self.gaz
            .lookup(phrase, buf)
            .and_then(|e| e.title)
            .map(|t| t.gender)
    }

    /// Every role stated for the person mention `f` (which lies in sentence tokens
    /// `s_first..s_end`).
    /// `buf` is scratch space for lower-casing words.
    pub fn roles(
        &self,
        f: &Found,
        s_first: usize,
        s_end: usize,
        out: &mut Vec<FoundRole>,
        buf: &mut String,
    ) {
        if f.entity != EntityType::Person {
            return;
        }
        if let Some(t) = f.title.filter(|t| t.office) {
            // "Russia's veteran Foreign Minister Sergei Lavrov": the affiliation may stand
            // before the capitalised title.
            let affiliation = t.affiliation.or_else(|| {
                let mut i = self.tokens.partition_point(|k| k.start < t.span.start);
                while i > s_first {
                    self.lower(i - 1, buf);
                    if self.tokens[i - 1].shape != Shape::Lower
                        || !TITLE_MODIFIERS.contains_ignore_case(buf)
                    {
                        break;
                    }
                    i -= 1;
                }
                self.name_before(i, s_first)
            });
            out.push(FoundRole {
                title: t.span,
                span: Span::new(affiliation.unwrap_or(t.span).start(), f.span.end()),
                affiliation,
                gender: t.gender,
            });
        }
        if f.title.is_none()
            && let Some(r) = self.title_before(f, s_first, buf)
        {
            out.push(r);
        }
        if let Some(r) = self.apposition_before(f, s_first, buf) {
            out.push(r);
        }
        if let Some(r) = self.apposition_after(f, s_end, buf) {
            out.push(r);
        }
    }

    /// A lower-case title right before the name, with its modifiers and affiliation.
    fn title_before(&self, f: &Found, s_first: usize, buf: &mut String) -> Option<FoundRole> {
        let end = f.first;
        if end <= s_first {
            return None;
        }
        // Only a word that is or ends a title can end one.
        let last = self.gaz.lookup(self.word(end - 1), buf)?;
        if last.title.is_none() && !last.ends_title {
            return None;
        }
        let mut best = None;
        for k in 1..=self.gaz.max_words.min(end - s_first) {
            let first = end - k;
            if self.tokens[first..end]
                .iter()
                .any(|t| t.shape == Shape::Punct)
            {
                break;
            }
            if let Some(g) = self.is_title(first, end, buf) {
                best = Some((first, g));
            }
        }
        let (mut first, gender) = best?;
        let title = Span::new(
            self.tokens[first].start as usize,
            self.tokens[end - 1].end as usize,
        );
        while first > s_first {
            self.lower(first - 1, buf);
            if self.tokens[first - 1].shape != Shape::Lower
                || !TITLE_MODIFIERS.contains_ignore_case(buf)
            {
                break;
            }
            first -= 1;
        }
        let affiliation = self.name_before(first, s_first);
        let start = affiliation.map_or(self.tokens[first].start as usize, |a| a.start());
        Some(FoundRole {
            title: Span::new(self.tokens[first].start as usize, title.end()),
            span: Span::new(start, f.span.end()),
            affiliation,
            gender,
        })
    }

    /// A capitalised name (or possessive) right before token `i`: "US", "White House",
    /// "Trump's".
    fn name_before(&self, i: usize, s_first: usize) -> Option<Span> {
        let mut j = i;
        while j > s_first && self.tokens[j - 1].is_upper() {
            j -= 1;
            if j < i - 1 && self.tokens[j].possessive {
                j += 1;
                break;
            }
        }
        (j < i).then(|| {
            Span::new(
                self.tokens[j].start as usize,
                self.tokens[i - 1].end as usize,
            )
        })
    }

    /// "the head of Kyiv's delegation, Rustem Umerov": a phrase ending in a comma right
    /// before the name, opened by an article or a possessive, holding a title word.
    fn apposition_before(&self, f: &Found, s_first: usize, buf: &mut String) -> Option<FoundRole> {
        let comma = f
            .first
            .checked_sub(1)
            .filter(|&c| c >= s_first && self.word(c) == ",")?;
        let mut j = comma;
        let mut has_title = None;
        while j > s_first && comma - j < 9 {
            let t = self.tokens[j - 1];
            if t.shape == Shape::Punct {
                break;
            }
            self.lower(j - 1, buf);
            if matches!(
                buf.as_str(),
                "the" | "a" | "an" | "his" | "her" | "their" | "its"
            ) {
                let title = Span::new(
                    self.tokens[j].start as usize,
                    self.tokens[comma - 1].end as usize,
                );
                return has_title.map(|gender| FoundRole {
                    title,
                    span: Span::new(t.start as usize, f.span.end()),
                    affiliation: self.affiliation_in(j, comma),
                    gender,
                });
            }
            if has_title.is_none()
                && let Some(g) = self.is_title(j - 1, j, buf)
            {
                has_title = Some(g);
            }
            if t.possessive && has_title.is_some() {
                // "Trump's son-in-law, Jared Kushner"
                let title = Span::new(
                    self.tokens[j].start as usize,
                    self.tokens[comma - 1].end as usize,
                );
                return Some(FoundRole {
                    title,
                    span: Span::new(t.start as usize, f.span.end()),
                    affiliation: Some(Span::new(t.start as usize, t.end as usize)),
                    gender: has_title.flatten(),
                });
            }
            j -= 1;
        }
        None
    }

    /// "Witkoff, a property developer and long-time Trump associate, was appointed": an
    /// article, a phrase holding a title word, and a comma or full stop.
    fn apposition_after(&self, f: &Found, s_end: usize, buf: &mut String) -> Option<FoundRole> {
        let comma = f.end;
        if comma + 2 >= s_end || self.word(comma) != "," {
            return None;
        }
        self.lower(comma + 1, buf);
        if !matches!(buf.as_str(), "the" | "a" | "an") {
            return None;
        }
        let first = comma + 2;
        let mut j = first;
        let mut has_title = None;
        while j < s_end && j - first < 10 {
            let t = self.tokens[j];
            if t.shape == Shape::Punct {
                break;
            }
            if has_title.is_none()
                && let Some(g) = self.is_title(j, j + 1, buf)
            {
                has_title = Some(g);
            }
            j += 1;
        }
        if j == first || !(j == s_end || matches!(self.word(j), "," | "." | ";")) {
            return None;
        }
        let gender = has_title?;
        let title = Span::new(
            self.tokens[first].start as usize,
            self.tokens[j - 1].end as usize,
        );
        Some(FoundRole {
            title,
            span: Span::new(f.span.start(), title.end()),
            affiliation: self.affiliation_in(first, j),
            gender,
        })
    }

    /// The first capitalised name among tokens `first..end`.
    fn affiliation_in(&self, first: usize, end: usize) -> Option<Span> {
        let i = (first..end).find(|&i| self.tokens[i].is_upper())?;
        let mut j = i + 1;
        while j < end && self.tokens[j].is_upper() && !self.tokens[j - 1].possessive {
            j += 1;
        }
        Some(Span::new(
            self.tokens[i].start as usize,
            self.tokens[j - 1].end as usize,
        ))
    }
}
