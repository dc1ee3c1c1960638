//! The article as the attribution steps see it: content paragraphs, their quoted stretches,
//! and their tokens, made on first use.

use std::cell::OnceCell;

use crate::extract::quotes::marks::{self, Quoted, Style};
use crate::extract::quotes::speaker;
use crate::extract::quotes::tokens::{self, Kind, Token, Tokens};
use crate::span::Span;

/// Longest paragraph taken as a headline, in bytes.
pub const HEADLINE_MAX: usize = 300;

/// Where a piece of a quotation is: its paragraph and its place among that paragraph's quoted
/// stretches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// Index in [`Context::paras`].
    pub para: usize,
    /// Index in the paragraph's quoted stretches.
    pub quoted: usize,
}

/// Content paragraphs with their quoted stretches and lazily made tokens.
pub struct Context<'a> {
    /// The article text.
    pub text: &'a str,
    /// Content paragraphs in text order.
    pub paras: &'a [Span],
    /// Quoted stretches of each paragraph.
    pub quoted: Vec<Vec<Quoted>>,
    tokens: Vec<OnceCell<Tokenized>>,
}

/// A paragraph's tokens and, for each of its quoted stretches, the index of its token.
struct Tokenized {
    toks: Vec<Token>,
    quote_tokens: Vec<usize>,
}

impl<'a> Context<'a> {
    /// Finds the quoted stretches of every paragraph. The first paragraph, when short, is a
    /// headline where single marks count; `single` makes them count everywhere.
    pub fn new(text: &'a str, paras: &'a [Span], single: bool) -> Self {
        let mut quoted = Vec::with_capacity(paras.len());
        let mut open = false;
        for (i, &p) in paras.iter().enumerate() {
            let style = if single {
                Style::Single
            } else if i == 0 && p.len() <= HEADLINE_MAX {
                Style::Headline
            } else {
                Style::Double
            };
            let found = marks::in_paragraph(text, p, style, open);
            open = found.last().is_some_and(|q| !q.closed);
            quoted.push(found);
        }
        Context {
            text,
            paras,
            tokens: (0..paras.len()).map(|_| OnceCell::new()).collect(),
            quoted,
        }
    }

    /// The tokens of paragraph `para`.
    pub fn tokens(&self, para: usize) -> Tokens<'_> {
        let tokenized = self.tokenized(para);
        Tokens {
            text: self.text,
            toks: &tokenized.toks,
            headline: self.is_headline(para),
        }
    }

    /// True when paragraph `para` is the headline: the first paragraph, when short.
    pub fn is_headline(&self, para: usize) -> bool {
        para == 0 && self.paras[0].len() <= HEADLINE_MAX
    }

    fn tokenized(&self, para: usize) -> &Tokenized {
        self.tokens[para].get_or_init(|| {
            let spans: Vec<Span> = self.quoted[para].iter().map(|q| q.span).collect();
            let toks = tokens::tokenize(self.text, self.paras[para], &spans);
            let quote_tokens = toks
                .iter()
                .enumerate()
                .filter(|(_, t)| matches!(t.kind, Kind::Quote(_)))
                .map(|(i, _)| i)
                .collect();
            Tokenized { toks, quote_tokens }
        })
    }

    /// The index of the token of quoted stretch `place` in its paragraph's tokens.
    pub fn token_of(&self, place: Place) -> usize {
        let t = self.tokenized(place.para);
        t.quote_tokens.get(place.quoted).copied().unwrap_or(0)
    }

    /// The paragraph holding byte `offset`, if any.
    pub fn para_at(&self, offset: usize) -> Option<usize> {
        let i = self.paras.partition_point(|p| p.start() <= offset);
        i.checked_sub(1).filter(|&i| self.paras[i].end() >= offset)
    }

    /// The quoted stretches of the article joined into quotations: a stretch that continues
    /// an unclosed one of the previous paragraph joins it.
    pub fn quotations(&self) -> Vec<Vec<Place>> {
        let mut out: Vec<Vec<Place>> = Vec::new();
        for (para, found) in self.quoted.iter().enumerate() {
            for (quoted, q) in found.iter().enumerate() {
                let place = Place { para, quoted };
                // A transcript line with its own speaker label starts a new quotation.
                let labelled = speaker::transcript_label(self.text, q.span).is_some();
                match out.last_mut() {
                    Some(last) if q.continues && !labelled => last.push(place),
                    _ => out.push(vec![place]),
                }
            }
        }
        out
    }

    /// The quoted stretch at `place`.
    pub fn stretch(&self, place: Place) -> Quoted {
        self.quoted[place.para][place.quoted]
    }
}
