//! Sports teams named after places: "Wigan 4 Chester 2", "CLEVELAND AT TEXAS",
//! "Leicestershire beat Somerset". In results, fixtures and standings a city, county or state
//! names a club, an organisation; the article's other mentions of that name follow. Countries
//! stay places (national sides are conventionally tagged as their country).

use crate::extract::actors::fasthash::FxHashSet;
use crate::extract::actors::gazetteer::{Gazetteer, lower_into};
use crate::extract::actors::names::Sentence;
use crate::extract::actors::tokens::{Shape, Token};
use crate::extract::actors::typing::{Evidence, Found};
use crate::extract::actors::{EntityType, MentionForm};
use crate::extract::time::vocab::month_number;

/// Words between two sides of a fixture ("Chicago at Toronto", "Kent v Essex").
const FIXTURE_WORDS: &[&str] = &["at", "v", "v.", "vs", "vs."];

/// Verbs of a result between two sides ("Surrey beat Warwickshire").
const RESULT_VERBS: &[&str] = &[
    "beat",
    "beats",
    "defeated",
    "thrashed",
    "routed",
    "crushed",
    "edged",
    "overcame",
    "outplayed",
    "whipped",
];

/// What the article's results, fixtures and standings say about its place names.
pub struct Teams<'a> {
    /// The article's text.
    pub text: &'a str,
    /// Its tokens.
    pub tokens: &'a [Token],
    /// Its lines.
    pub sentences: &'a [Sentence],
    /// The gazetteer (to keep countries apart).
    pub gaz: &'a Gazetteer,
}

impl Teams<'_> {
    /// Retypes as organisations the place names (not countries) that play as teams somewhere
    /// in the article, and every other mention of those names. `found` is in text order.
    pub fn retype(&self, found: &mut [Found]) {
        let mut buf = String::new();
        let local: Vec<bool> = found
            .iter()
            .map(|f| self.is_local_place(f, &mut buf))
            .collect();
        let mut names: FxHashSet<String> = FxHashSet::default();
        for (i, f) in found.iter().enumerate() {
            if local[i] && self.plays(found, i) {
                lower_into(f.span.text(self.text), &mut buf);
                names.insert(buf.clone());
            }
        }
        if names.is_empty() {
            return;
        }
        for (f, _) in found.iter_mut().zip(local).filter(|&(_, local)| local) {
            if self.is_setting(f) {
                continue;
            }
            lower_into(f.span.text(self.text), &mut buf);
            if names.contains(buf.as_str()) {
                f.entity = EntityType::Organisation;
                f.canonical = None;
                f.stands_for = None;
                f.form = MentionForm::Name;
                f.evidence = Evidence::Strong;
            }
        }
    }

    /// True for a place name that is not a country's.
    fn is_local_place(&self, f: &Found, buf: &mut String) -> bool {
        f.entity == EntityType::Location
            && self
                .gaz
                .lookup(f.span.text(self.text), buf)
                .is_none_or(|e| e.country.is_none())
    }

    /// True when `f` is where something happens rather than who plays: a dateline
    /// ("NEW YORK 1996-08-30") or after "in", "at", "from", "near".
    fn is_setting(&self, f: &Found) -> bool {
        let line = &self.sentences[f.sentence];
        let dateline = line.end - line.first <= 6
            && self.tokens[line.end - 1].shape == Shape::Number
            && self.tokens[line.end - 1]
                .text(self.text)
                .contains(['-', '/']);
        dateline
            || (f.first > line.first
                && ["in", "at", "from", "near"].iter().any(|w| {
                    self.tokens[f.first - 1]
                        .text(self.text)
                        .eq_ignore_ascii_case(w)
                }))
    }

    /// True when `found[i]` plays as a team: a score or standings follow it in a data row,
    /// it stands on one side of a fixture line, or it beat another local place.
    fn plays(&self, found: &[Found], i: usize) -> bool {
        let f = &found[i];
        let line = &self.sentences[f.sentence];
        // "Wigan 4 3 1 0 9 4 10", "Kent 108-3.", "Warwickshire 195 and 109": a score right
        // after the name, in a data row or closing a clause.
        let scored = self.tokens.get(f.end).is_some_and(|&t| self.is_score(t))
            && (line.table
                || self
                    .tokens
                    .get(f.end + 1)
                    .is_none_or(|&t| t.shape == Shape::Punct || t.text(self.text) == "and"));
        if scored && !self.is_setting(f) {
            return true;
        }
        self.in_fixture(found, i) || self.won(found, i)
    }

    /// A score or a count in a table: one to three digits, or two such joined by a hyphen
    /// ("2-1", "429-7"). Dates and years are not.
    fn is_score(&self, t: Token) -> bool {
        let w = t.text(self.text);
        let part = |p: &str| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
        t.shape == Shape::Number
            && match w.split_once('-') {
                Some((a, b)) => part(a) && part(b),
                None => part(w),
            }
    }

    /// True when the line of `found[i]` is a fixture: two names around "at" or "v", nothing
    /// else but numbers, punctuation and a date.
    fn in_fixture(&self, found: &[Found], i: usize) -> bool {
        let f = &found[i];
        // "Chicago at Toronto": the visitors play at the home side's city, which stays a
        // place; "Kent v Essex": both sides play.
        let beside = self.connector(f.end).is_some()
            || (f.first > 0 && self.connector(f.first - 1).is_some_and(|w| w != "at"));
        if !beside {
            return false;
        }
        let line = &self.sentences[f.sentence];
        // The first name of the line (`found` is in token order).
        let mut names = found[..i]
            .iter()
            .rposition(|g| g.sentence != f.sentence)
            .map_or(0, |p| p + 1);
        let mut connectors = 0;
        for k in line.first..line.end {
            while names < found.len()
                && found[names].sentence == f.sentence
                && found[names].end <= k
            {
                names += 1;
            }
            let named = found
                .get(names)
                .is_some_and(|g| g.sentence == f.sentence && g.first <= k);
            let t = self.tokens[k];
            if self.connector(k).is_some() {
                connectors += 1;
                if connectors > 1 {
                    return false;
                }
            } else if !named
                && !matches!(t.shape, Shape::Number | Shape::Punct)
                // A date of the fixture ("May 18 v Worcestershire").
                && month_number(t.text(self.text)).is_none()
            {
                return false;
            }
        }
        connectors == 1
    }

    /// The fixture word at token `k`, in lower case.
    fn connector(&self, k: usize) -> Option<&'static str> {
        let w = self.tokens.get(k)?.text(self.text);
        FIXTURE_WORDS
            .iter()
            .find(|c| c.eq_ignore_ascii_case(w))
            .copied()
    }

    /// True when `found[i]` beat the next name, or the previous name beat it ("Surrey beat
    /// Warwickshire by an innings"), neither being a person.
    fn won(&self, found: &[Found], i: usize) -> bool {
        let beat = |a: &Found, b: &Found| {
            a.sentence == b.sentence
                && b.first == a.end + 1
                && RESULT_VERBS.contains(&self.tokens[a.end].text(self.text))
        };
        let side = |g: &Found| g.entity != EntityType::Person;
        let f = &found[i];
        (i + 1 < found.len() && beat(f, &found[i + 1]) && side(&found[i + 1]))
            || (i > 0 && beat(&found[i - 1], f) && side(&found[i - 1]))
    }
}
