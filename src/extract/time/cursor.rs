//! A position in a paragraph's tokens, with the small matching steps the time grammar is
//! written in. A cursor is `Copy`: a pattern tries a copy and keeps it only when it matches.

use crate::extract::time::token::{Case, Kind, Token};
use crate::extract::time::vocab::{Lex, Unit, W};

/// A position in a token slice.
#[derive(Debug, Clone, Copy)]
pub struct Cursor<'a> {
    /// The paragraph's tokens.
    pub tokens: &'a [Token],
    /// The index of the next token.
    pub i: usize,
}

impl<'a> Cursor<'a> {
    /// A cursor at token `i`.
    pub fn at(tokens: &'a [Token], i: usize) -> Self {
        Cursor { tokens, i }
    }

    /// The next token, if any.
    pub fn peek(&self) -> Option<&'a Token> {
        self.tokens.get(self.i)
    }

    /// The token before the cursor.
    pub fn prev(&self) -> Option<&'a Token> {
        self.i.checked_sub(1).and_then(|j| self.tokens.get(j))
    }

    /// The next token's word class (`Other` at the end).
    pub fn lex(&self) -> Lex {
        self.peek().map_or(Lex::Other, Token::lex)
    }

    /// Consumes the next token.
    pub fn bump(&mut self) -> Option<&'a Token> {
        let t = self.tokens.get(self.i)?;
        self.i += 1;
        Some(t)
    }

    /// Consumes the word `w` if it is next.
    pub fn word(&mut self, w: W) -> bool {
        self.take_if(|t| t.is(w))
    }

    /// Consumes the next token if it is one of `words`.
    pub fn any(&mut self, words: &[W]) -> Option<W> {
        let t = self.peek()?;
        let found = words.iter().copied().find(|&w| t.is(w))?;
        self.i += 1;
        Some(found)
    }

    /// Consumes the punctuation mark `p` if it is next.
    pub fn punct(&mut self, p: u8) -> bool {
        self.take_if(|t| t.is_punct(p))
    }

    /// Consumes the punctuation mark `p` if it is next and touches the previous token.
    pub fn tight_punct(&mut self, p: u8) -> bool {
        self.touching() && self.punct(p)
    }

    /// Consumes the next token when `f` accepts it.
    pub fn take_if(&mut self, f: impl FnOnce(&Token) -> bool) -> bool {
        match self.peek() {
            Some(t) if f(t) => {
                self.i += 1;
                true
            }
            _ => false,
        }
    }

    /// True when the next token starts right where the previous one ends.
    pub fn touching(&self) -> bool {
        match (self.prev(), self.peek()) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// Consumes a plain number of at most `max_digits` digits.
    pub fn number(&mut self, max_digits: u8) -> Option<u32> {
        let t = self.peek()?;
        let v = t.number().filter(|_| t.digits() <= max_digits)?;
        self.i += 1;
        Some(v)
    }

    /// Consumes a word suffix glued to the previous token ("th" in "23th", "s" in "1990s").
    pub fn suffix(&mut self, text: &str, suffixes: &[&str]) -> bool {
        if !self.touching() {
            return false;
        }
        let Some(t) = self.peek() else { return false };
        if !t.is_word() {
            return false;
        }
        let s = &text[t.start as usize..t.end as usize];
        if suffixes.iter().any(|x| s.eq_ignore_ascii_case(x)) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    /// Consumes a unit word; returns it and whether it is plural.
    pub fn unit(&mut self) -> Option<(Unit, bool)> {
        match self.lex() {
            Lex::Unit(u, plural) => {
                self.i += 1;
                Some((u, plural))
            }
            _ => None,
        }
    }

    /// Consumes a hyphen or dash.
    pub fn dash(&mut self) -> bool {
        self.punct(b'-')
    }

    /// True when the next token is a capitalised word that is not a date word.
    pub fn capitalised_other(&self) -> bool {
        self.peek()
            .is_some_and(|t| t.case() != Case::Lower && t.lex() == Lex::Other && t.is_word())
    }

    /// True when the previous token is a capitalised word that is not a date word and does
    /// not start a sentence (a name: "Theresa May", "Resolution 2334").
    pub fn prev_capitalised(&self) -> bool {
        let Some(j) = self.i.checked_sub(1) else {
            return false;
        };
        let t = &self.tokens[j];
        if !(t.is_word() && t.case() != Case::Lower && t.lex() == Lex::Other) {
            return false;
        }
        j.checked_sub(1).is_some_and(|k| {
            !matches!(
                self.tokens[k].kind,
                Kind::Punct(b'.' | b'!' | b'?' | b'"' | b':' | b'\'' | b'(' | b'-' | b'~')
            )
        })
    }
}
