//! Unnamed sources and groups: "a US official with direct knowledge of the matter",
//! "European diplomats", "one source", "one senior Trump administration official quoted by
//! NBC", "the individuals familiar with the discussions".

use std::sync::OnceLock;

use crate::extract::actors::fasthash::FxHashMap;
use crate::extract::actors::gazetteer::{Gazetteer, lower_into};
use crate::extract::actors::tokens::{Shape, Token};
use crate::span::Span;

/// Nouns that head a description of an unnamed source or group: (singular, plural).
const HEADS: &[(&str, &str)] = &[
    ("official", "officials"),
    ("diplomat", "diplomats"),
    ("source", "sources"),
    ("aide", "aides"),
    ("adviser", "advisers"),
    ("advisor", "advisors"),
    ("analyst", "analysts"),
    ("expert", "experts"),
    ("lawmaker", "lawmakers"),
    ("legislator", "legislators"),
    ("negotiator", "negotiators"),
    ("insider", "insiders"),
    ("observer", "observers"),
    ("investigator", "investigators"),
    ("spokesman", "spokesmen"),
    ("spokeswoman", "spokeswomen"),
    ("spokesperson", "spokespeople"),
    ("person", "people"),
    ("individual", "individuals"),
    ("officer", "officers"),
    ("commander", "commanders"),
    ("executive", "executives"),
    ("banker", "bankers"),
    ("trader", "traders"),
    ("economist", "economists"),
    ("witness", "witnesses"),
    ("resident", "residents"),
    ("leader", "leaders"),
    ("minister", "ministers"),
    ("ally", "allies"),
    ("partner", "partners"),
    ("interlocutor", "interlocutors"),
    ("representative", "representatives"),
    ("envoy", "envoys"),
    ("staffer", "staffers"),
    ("member", "members"),
];

/// Whether `w` is a head noun: `Some(true)` for a plural, `Some(false)` for a singular.
fn head_number(w: &str, buf: &mut String) -> Option<bool> {
    static HEAD_TABLE: OnceLock<(FxHashMap<&'static str, bool>, [u32; 32])> = OnceLock::new();
    let (table, pairs) = HEAD_TABLE.get_or_init(|| {
        let table: FxHashMap<&'static str, bool> = HEADS
            .iter()
            .flat_map(|&(s, p)| [(s, false), (p, true)])
            .collect();
        // Which last letters follow each first letter, to skip most words unhashed.
        let mut pairs = [0u32; 32];
        for k in table.keys() {
            let b = k.as_bytes();
            pairs[usize::from(b[0] & 31)] |= 1 << (b[b.len() - 1] & 31);
        }
        (table, pairs)
    });
    let b = w.as_bytes();
    if pairs[usize::from(b[0] & 31)] & (1 << (b[b.len() - 1] & 31)) == 0 {
        return None;
    }
    if w.bytes().all(|b| b.is_ascii_lowercase()) {
        return table.get(w).copied();
    }
    lower_into(w, buf);
    table.get(buf.as_str()).copied()
}

/// Words that open a description of an unnamed source: articles and quantities.
const DETERMINERS: &[&str] = &[
    "a", "an", "one", "two", "three", "four", "five", "six", "several", "some", "many", "other",
    "few", "numerous", "multiple", "various", "dozens", "most",
];

/// Adjectives and nouns that may stand inside such a description.
const MODIFIERS: &[&str] = &[
    "senior",
    "top",
    "former",
    "current",
    "high-ranking",
    "ranking",
    "anonymous",
    "unnamed",
    "unidentified",
    "western",
    "european",
    "military",
    "government",
    "administration",
    "intelligence",
    "security",
    "defense",
    "defence",
    "state",
    "foreign",
    "trade",
    "health",
    "police",
    "party",
    "campaign",
    "embassy",
    "ministry",
    "white",
    "house",
    "industry",
    "local",
    "regional",
    "federal",
    "congressional",
    "republican",
    "democratic",
    "other",
    "knowledgeable",
    "well-placed",
    "informed",
    "key",
    "allied",
    "retired",
    "diplomatic",
    "official",
    "close",
    "and",
    "midlevel",
    "mid-level",
    "veteran",
    "ukrainian",
    "russian",
    "american",
    "british",
    "french",
    "german",
    "chinese",
    "israeli",
    "palestinian",
    "iranian",
    "transition",
    "team",
    "peace",
    "national",
    "legal",
    "financial",
    "market",
    "oil",
    "palace",
    "presidential",
    "private",
    "public",
    "independent",
    "longtime",
    "long-time",
    "prominent",
    "leading",
];

/// Words that continue a description after its head: "with direct knowledge of the matter",
/// "familiar with the talks", "briefed on the plan", "quoted by NBC".
const CONTINUATIONS: &[&str] = &[
    "with",
    "familiar",
    "briefed",
    "close",
    "quoted",
    "cited",
    "involved",
    "knowledgeable",
    "speaking",
    "who",
    "granted",
    "authorized",
    "authorised",
    "not",
    "in",
];

/// Words that end a continuation.
const STOPS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "say",
    "tell",
    "wrote",
    "warned",
    "and",
    "but",
    "that",
    "believe",
    "believes",
    "expect",
    "expects",
    "described",
    "declined",
    "have",
    "has",
    "had",
    "are",
    "is",
    "was",
    "were",
    "will",
    "would",
    "could",
    "may",
    "might",
];

/// Knowledge phrases after which "the official" or "the people" is an unnamed source.
const KNOWLEDGE: &[&str] = &[
    "familiar",
    "briefed",
    "with",
    "close",
    "knowledgeable",
    "who",
];

/// An unnamed source or group found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Description {
    /// The whole description, from its determiner to the end of its continuation.
    pub span: Span,
    /// Tokens of the description.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// The head noun.
    pub head: Span,
    /// True for a group (plural head).
    pub group: bool,
}

/// Finds unnamed sources and groups among `tokens[first..end]` (one sentence); `buf` is
/// scratch space for lower-casing words.
pub fn find(
    text: &str,
    tokens: &[Token],
    first: usize,
    end: usize,
    gaz: &Gazetteer,
    out: &mut Vec<Description>,
    buf: &mut String,
) {
    let mut i = first;
    while i < end {
        let t = tokens[i];
        if t.shape != Shape::Lower && !(t.shape == Shape::Cap && t.cap_expected) {
            i += 1;
            continue;
        }
        let w = t.text(text);
        if !(4..=13).contains(&w.len()) {
            i += 1;
            continue;
        }
        let Some(group) = head_number(w, buf) else {
            i += 1;
            continue;
        };
        // A head followed by a capitalised name is a title ("official Ann Smith").
        if i + 1 < end && tokens[i + 1].shape == Shape::Cap {
            i += 1;
            continue;
        }
        let (start, determiner, modified) = modifiers_before(text, tokens, first, i, gaz, buf);
        let definite = start > first && tokens[start - 1].text(text).eq_ignore_ascii_case("the");
        let continuation = continuation_end(text, tokens, i + 1, end, buf);
        let known = continuation > i + 1 && {
            lower_into(tokens[i + 1].text(text), buf);
            KNOWLEDGE.contains(&buf.as_str())
        };
        let bare_plural_opener = group && start == i && t.cap_expected;
        let accept = determiner
            || (group && modified)
            || bare_plural_opener
            || (definite && known)
            || (modified && known);
        if !accept {
            i += 1;
            continue;
        }
        let first_tok = if definite && !determiner {
            start - 1
        } else {
            start
        };
        let last_tok = continuation.max(i + 1);
        out.push(Description {
            span: Span::new(
                tokens[first_tok].start as usize,
                tokens[last_tok - 1].end as usize,
            ),
            first: first_tok,
            end: last_tok,
            head: Span::new(t.start as usize, t.end as usize),
            group,
        });
        i = last_tok;
    }
}

/// Walks back from the head over modifiers (adjectives, capitalised names like "US" or
/// "Trump", the words "administration", "senior") and an optional determiner. Returns the
/// first token, whether a determiner opens it, and whether any modifier was found.
fn modifiers_before(
    text: &str,
    tokens: &[Token],
    first: usize,
    head: usize,
    gaz: &Gazetteer,
    buf: &mut String,
) -> (usize, bool, bool) {
    let mut j = head;
    let mut modified = false;
    while j > first && head - j < 6 {
        let t = tokens[j - 1];
        let w = t.text(text);
        lower_into(w, buf);
        if t.possessive {
            break;
        }
        let is_name = t.is_upper() && !(t.cap_expected && gaz.is_word(buf));
        if MODIFIERS.contains(&buf.as_str()) || is_name {
            if buf.as_str() == "and" && !modified {
                break;
            }
            modified = true;
            j -= 1;
            continue;
        }
        if DETERMINERS.contains(&buf.as_str()) {
            return (j - 1, true, modified);
        }
        if buf.as_str() == "than" && j >= first + 2 {
            // "more than a dozen current and former US and European officials"
            break;
        }
        break;
    }
    // "and" cannot open the description.
    while j < head && tokens[j].text(text).eq_ignore_ascii_case("and") {
        j += 1;
    }
    (j, false, modified)
}

/// The end of a continuation after the head, or `i` when none follows.
fn continuation_end(text: &str, tokens: &[Token], i: usize, end: usize, buf: &mut String) -> usize {
    if i >= end {
        return i;
    }
    lower_into(tokens[i].text(text), buf);
    if !CONTINUATIONS.contains(&buf.as_str()) {
        return i;
    }
    // "in Kyiv", "in the administration": a short locative only.
    let limit = if buf.as_str() == "in" { 4 } else { 10 };
    let mut j = i + 1;
    while j < end && j - i < limit {
        let t = tokens[j];
        if t.shape == Shape::Punct {
            break;
        }
        lower_into(t.text(text), buf);
        if STOPS.contains(&buf.as_str()) {
            break;
        }
        j += 1;
    }
    j
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::actors::gazetteer;
    use crate::extract::actors::tokens::tokenize;

    fn descriptions(s: &str) -> Vec<&str> {
        let mut tokens = Vec::new();
        tokenize(s, 0, s.len(), &mut tokens);
        let mut out = Vec::new();
        find(
            s,
            &tokens,
            0,
            tokens.len(),
            gazetteer::get(),
            &mut out,
            &mut String::new(),
        );
        out.iter().map(|d| d.span.text(s)).collect()
    }

    #[test]
    fn sources_with_knowledge_phrases() {
        assert_eq!(
            descriptions(
                "“But there are still concerns,” said a US official with direct knowledge of the matter."
            ),
            ["a US official with direct knowledge of the matter"]
        );
        assert_eq!(
            descriptions(
                "One senior Trump administration official quoted by NBC said: “It is so clear.”"
            ),
            ["One senior Trump administration official quoted by NBC"]
        );
        assert_eq!(
            descriptions(
                "The individuals familiar with the discussions, who spoke on condition of anonymity, declined."
            ),
            ["The individuals familiar with the discussions"]
        );
    }

    #[test]
    fn groups_and_single_sources() {
        assert_eq!(
            descriptions("According to European diplomats, the U.S. initially worked with Europe."),
            ["European diplomats"]
        );
        assert_eq!(
            descriptions("\"We have called on Ukraine,\" U.S. diplomats wrote in a note."),
            ["U.S. diplomats"]
        );
        assert_eq!(
            descriptions("\"Some in the administration have questioned it,\" one source told NBC."),
            ["one source"]
        );
        assert_eq!(
            descriptions("Diplomats say both resolutions could be presented."),
            ["Diplomats"]
        );
    }

    #[test]
    fn titles_and_anaphora_are_not_unnamed_sources() {
        assert!(descriptions("The official said it was over.").is_empty());
        assert!(descriptions("He met official Ann Smith.").is_empty());
        assert!(descriptions("Trump's aides were there.").is_empty());
    }
}
