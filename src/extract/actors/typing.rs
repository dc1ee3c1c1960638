//! Entity typing: whether a candidate name is a person, an organisation, a place or something
//! else, from the gazetteer, the words that head or end it, titles before it, given names,
//! the words around it, and (for weak cases) what the rest of the article says about it.

use compact_str::CompactString;

use crate::extract::actors::fasthash::FxHashMap;

use crate::extract::actors::gazetteer::{Entry, Gazetteer, TitleKind, lower_into};
use crate::extract::actors::names::{Chunk, Sentence};
use crate::extract::actors::roles::TITLE_MODIFIERS;
use crate::extract::actors::tokens::{Shape, Token};
use crate::extract::actors::wordlist::WordList;
use crate::extract::actors::{EntityType, Gender, MentionForm};
use crate::span::Span;

/// How sure the typing is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Evidence {
    /// Only a default or the surrounding words; the article's other mentions may overrule it.
    Weak,
    /// Gazetteer, title, given name, organisation or place head word.
    Strong,
}

/// A title standing before a person's name, and the affiliation stated with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TitleSpan {
    /// The title as written ("Foreign Minister", "Secretary of State").
    pub span: Span,
    /// The affiliation written before it ("Ukrainian", "U.S."), if any.
    pub affiliation: Option<Span>,
    /// Gender the title implies.
    pub gender: Option<Gender>,
    /// True for an office (kept as a role), false for an honorific ("Mr").
    pub office: bool,
}

/// A typed name found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The name as written, without title or possessive.
    pub span: Span,
    /// Tokens covered (for context).
    pub first: usize,
    /// One past the last token covered.
    pub end: usize,
    /// Sentence index.
    pub sentence: usize,
    /// Entity type.
    pub entity: EntityType,
    /// How the name is written.
    pub form: MentionForm,
    /// How sure the type is.
    pub evidence: Evidence,
    /// A possessive follows.
    pub possessive: bool,
    /// The gazetteer's canonical name, for a known country, place or organisation.
    pub canonical: Option<u32>,
    /// What a metonym stands for (gazetteer id).
    pub stands_for: Option<u32>,
    /// A title before the name.
    pub title: Option<TitleSpan>,
    /// Gender from a title or given name.
    pub gender: Option<Gender>,
    /// Found in a headline, where capitals say nothing.
    pub headline: bool,
}

/// Words after a name that mark it as a person's.
const PERSON_VERBS: WordList = WordList::new(&[
    "said",
    "says",
    "told",
    "added",
    "wrote",
    "asked",
    "stated",
    "insisted",
    "argued",
    "noted",
    "replied",
    "explained",
    "warned",
    "claimed",
    "tweeted",
    "posted",
    "recalled",
    "admitted",
    "acknowledged",
    "denied",
    "believes",
    "thinks",
    "thought",
    "urged",
    "smiled",
    "laughed",
]);

/// Prepositions after which a capital or city is a place rather than a government.
const LOCATIVES: WordList = WordList::new(&[
    "in",
    "at",
    "to",
    "from",
    "near",
    "into",
    "outside",
    "across",
    "via",
    "around",
    "throughout",
    "toward",
    "towards",
    "inside",
    "of",
    "visit",
    "visited",
    "visiting",
    "arrived",
    "flew",
]);

/// Words before a capital that make it act as its government ("between Washington and Kyiv").
const JOINING: WordList = WordList::new(&["between", "and", "with", "by"]);

/// Words after a capital that make it act as its government.
const ACTING_WORDS: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "was",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "must",
    "should",
    "and",
    "said",
    "says",
    "wants",
    "want",
    "did",
    "does",
    "formally",
    "also",
    "still",
    "now",
    "already",
    "repeatedly",
    "insists",
    "insisted",
    "rejected",
    "refused",
    "denied",
    "warned",
    "seeks",
    "sought",
];

/// Endings typical of surnames in many languages.
const SURNAME_ENDINGS: &[&str] = &[
    "ov", "ova", "ev", "eva", "enko", "chuk", "czuk", "ski", "sky", "skyy", "skiy", "ska", "vich",
    "vić", "vic", "ić", "escu", "opoulos", "poulos", "yan", "dze", "shvili", "sson", "ovic",
    "evic", "ovych", "evych", "ak", "uk", "yk",
];

/// Compass points, which with a known place after them name a region ("Northern Bosnia").
const COMPASS_POINTS: WordList = WordList::new(&[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
]);

/// Endings typical of place names.
const PLACE_ENDINGS: &[&str] = &["stan", "land", "shire", "ville", "grad", "burg", "polis"];

/// The typing context for one document.
pub struct Typer<'a> {
    /// The text.
    pub text: &'a str,
    /// All tokens.
    pub tokens: &'a [Token],
    /// All sentences.
    pub sentences: &'a [Sentence],
    /// The gazetteer.
    pub gaz: &'a Gazetteer,
    /// The gazetteer entry of every capitalised token (default for the others).
    pub entries: &'a [&'a Entry],
    /// For every capitalised token, whether it may open a gazetteer name of several words
    /// whatever its case (see [`Gazetteer::starts_phrase`]); false for the others.
    pub opens_phrase: &'a [bool],
}

impl Typer<'_> {
    /// The gazetteer entry of token `i`.
    fn tok(&self, i: usize, buf: &mut String) -> Entry {
        if self.tokens[i].is_upper() {
            *self.entries[i]
        } else {
            self.entry(self.word(i), buf)
        }
    }

    fn word(&self, i: usize) -> &str {
        self.tokens[i].text(self.text)
    }

    fn entry(&self, s: &str, buf: &mut String) -> Entry {
        self.gaz.lookup(s, buf).copied().unwrap_or_default()
    }

    fn span(&self, first: usize, end: usize) -> Span {
        Span {
            start: self.tokens[first].start,
            end: self.tokens[end - 1].end,
        }
    }

    /// True when token `i` is one of `words` (ignoring ASCII case).
    fn is_among(&self, i: usize, words: &WordList) -> bool {
        words.contains_ignore_case(self.word(i))
    }

    /// The entry for tokens `first..end` read as one phrase.
    fn phrase_entry(&self, first: usize, end: usize, buf: &mut String) -> Entry {
        if end - first == 1 {
            return self.tok(first, buf);
        }
        self.entry(self.span(first, end).text(self.text), buf)
    }

    /// The longest title starting at token `i` and ending before `end`: (end token, title).
    fn title_at(
        &self,
        i: usize,
        end: usize,
        buf: &mut String,
    ) -> Option<(usize, TitleKind, Option<Gender>)> {
        let e = self.tok(i, buf);
        if e.title.is_none() && !e.starts_title {
            return None;
        }
        let mut best = None;
        let longest = if e.starts_title {
            self.gaz.max_words + 2
        } else {
            1
        };
        for j in i..end.min(i + longest) {
            // The one-word title is the token's own entry.
            let title = match j == i {
                true => e.title,
                false => {
                    let phrase = self.span(i, j + 1).text(self.text);
                    self.gaz.lookup(phrase, buf).and_then(|e| e.title)
                }
            };
            if let Some(t) = title {
                best = Some((j + 1, t.kind, t.gender));
            }
        }
        best
    }

    /// Types one candidate chunk; may yield several names (an affiliation before a title,
    /// then the person; the parts of "Russia-Ukraine").
    pub fn type_chunk(&self, c: Chunk, out: &mut Vec<Found>, buf: &mut String) {
        let headline = self.sentences[c.sentence].headline;
        let mut first = c.first;
        let end = c.end;
        // Organisation names ending in a head word are never split by a title inside them
        // ("General Motors", "Chief Executive Office").
        let last = self.tok(end - 1, buf);
        if !(last.org_word && end - first > 1 && last.title.is_none()) {
            let before = (first, out.len());
            if let Some((t, style)) = self.titles(&mut first, end, out, buf) {
                // "Major League Baseball": a title before ordinary words is no title.
                let ordinary = end - first >= 2
                    && (first..end).all(|i| self.tok(i, buf).word)
                    && self.tok(first, buf).first_name.is_none();
                if ordinary {
                    first = before.0;
                    out.truncate(before.1);
                    out.push(self.type_name(
                        c,
                        first,
                        end,
                        self.sentences[c.sentence].headline,
                        buf,
                    ));
                    return;
                }
                if first < end {
                    // "King Charles", "Pope Francis": a style with one name is part of it.
                    let name_first = if style && end - first == 1 {
                        self.span_first(t.span)
                    } else {
                        first
                    };
                    let mut f =
                        self.found(c, name_first, end, EntityType::Person, Evidence::Strong);
                    f.gender = t.gender.or_else(|| self.given_name_gender(first, end, buf));
                    f.form = self.person_form(first, end);
                    f.title = Some(t);
                    out.push(f);
                }
                return;
            }
            // "Austrian Judith Wiesner": a nationality before a given name or a full name.
            if let Some(e) = self.known_name_end(first, end, buf)
                && e < end
                && self.tokens[e].shape == Shape::Cap
                && (self.tok(e, buf).first_name.is_some() || end - e >= 2)
                && {
                    let p = self.phrase_entry(first, e, buf);
                    p.demonym.is_some() || p.country.is_some() || p.misc
                }
            {
                let hl = self.sentences[c.sentence].headline;
                out.push(self.type_name(c, first, e, hl, buf));
                first = e;
            }
        }
        if first >= end {
            return;
        }
        // Strip a leading "The" unless the gazetteer knows the whole name with it.
        if matches!(self.word(first), "The" | "THE")
            && !self.phrase_entry(first, end, buf).is_named_thing()
        {
            first += 1;
            if first >= end {
                return;
            }
        }
        out.push(self.type_name(c, first, end, headline, buf));
    }

    /// The token where span `s` starts.
    fn span_first(&self, s: Span) -> usize {
        self.tokens.partition_point(|t| t.start < s.start)
    }

    /// Reads affiliations and titles at the start of `first..end`, advancing `first` past
    /// them. Returns the last title found and whether it is a style ("King"); affiliations
    /// become mentions of their own.
    fn titles(
        &self,
        first: &mut usize,
        end: usize,
        out: &mut Vec<Found>,
        buf: &mut String,
    ) -> Option<(TitleSpan, bool)> {
        if let Some(found) = self.leading_titles(first, end, out, buf) {
            return Some(found);
        }
        self.inner_title(first, end, out, buf)
    }

    /// "Hong Kong Financial Secretary Donald Tsang", "Spanish Farm Minister Loyola de
    /// Palacio": the last office title inside a chunk with a capitalised name after it. A known
    /// name at the start is the affiliation; other words before the title belong to it.
    fn inner_title(
        &self,
        first: &mut usize,
        end: usize,
        out: &mut Vec<Found>,
        buf: &mut String,
    ) -> Option<(TitleSpan, bool)> {
        let (t, te, kind, gender) = (*first + 1..end.saturating_sub(1))
            .rev()
            .filter(|&i| self.tokens[i].shape == Shape::Cap)
            .find_map(|i| {
                let (te, kind, gender) = self.title_at(i, end, buf)?;
                (te < end && kind != TitleKind::Honorific && self.tokens[te].shape == Shape::Cap)
                    .then_some((i, te, kind, gender))
            })?;
        let affiliation_end = self.known_name_end(*first, t, buf);
        let title_start = affiliation_end.unwrap_or(*first);
        let affiliation = affiliation_end.map(|ae| {
            let chunk = Chunk {
                first: *first,
                end: ae,
                sentence: self.sentence_of(*first),
            };
            let hl = self.sentences[chunk.sentence].headline;
            out.push(self.type_name(chunk, *first, ae, hl, buf));
            self.span(*first, ae)
        });
        *first = te;
        Some((
            TitleSpan {
                span: self.span(title_start, te),
                affiliation,
                gender,
                office: true,
            },
            kind == TitleKind::Style,
        ))
    }

    /// Affiliations and titles at the very start of the chunk.
    fn leading_titles(
        &self,
        first: &mut usize,
        end: usize,
        out: &mut Vec<Found>,
        buf: &mut String,
    ) -> Option<(TitleSpan, bool)> {
        let mut i = *first;
        let mut style = false;
        let mut affiliation: Option<Span> = None;
        let mut title: Option<TitleSpan> = None;
        let mut pending_aff: Option<Found> = None;
        while i < end {
            // An affiliation: a country, demonym or organisation followed by a title.
            if title.is_none() && affiliation.is_none() {
                let aff_end = self.known_name_end(i, end, buf);
                if let Some(ae) = aff_end
                    && ae < end
                    && self.modified_title_at(ae, end, buf).is_some()
                {
                    let chunk = Chunk {
                        first: i,
                        end: ae,
                        sentence: self.sentence_of(i),
                    };
                    let hl = self.sentences[chunk.sentence].headline;
                    pending_aff = Some(self.type_name(chunk, i, ae, hl, buf));
                    affiliation = Some(self.span(i, ae));
                    i = ae;
                    continue;
                }
            }
            if let Some((te, kind, gender)) = self.modified_title_at(i, end, buf) {
                style = kind == TitleKind::Style;
                title = Some(TitleSpan {
                    span: self.span(i, te),
                    affiliation,
                    gender: gender.or(title.and_then(|t| t.gender)),
                    office: kind != TitleKind::Honorific || title.is_some_and(|t| t.office),
                });
                i = te;
                // "Assistant Secretary for Near Eastern Affairs Robert Pelletreau": the
                // title runs on to the given name.
                if i + 1 < end && self.word(i) == "for" {
                    let given = (i + 1..end).find(|&k| {
                        self.tokens[k].shape == Shape::Cap && self.tok(k, buf).first_name.is_some()
                    });
                    let name_at = given.unwrap_or(end.saturating_sub(2).max(i + 1));
                    if let Some(t) = title.as_mut() {
                        t.span = Span::new(t.span.start(), self.tokens[name_at - 1].end as usize);
                    }
                    i = name_at;
                    continue;
                }
                // "President of France Emmanuel Macron": skip "of" and take the place as the
                // affiliation.
                if i + 1 < end
                    && self.word(i) == "of"
                    && let Some(ae) = self.known_name_end(i + 1, end, buf)
                {
                    let chunk = Chunk {
                        first: i + 1,
                        end: ae,
                        sentence: self.sentence_of(i),
                    };
                    let hl = self.sentences[chunk.sentence].headline;
                    out.push(self.type_name(chunk, i + 1, ae, hl, buf));
                    if let Some(t) = title.as_mut() {
                        t.affiliation = Some(self.span(i + 1, ae));
                    }
                    i = ae;
                }
                continue;
            }
            break;
        }
        let t = title?;
        if let Some(a) = pending_aff {
            out.push(a);
        }
        *first = i;
        Some((t, style))
    }

    fn sentence_of(&self, token: usize) -> usize {
        self.sentences
            .partition_point(|s| s.end <= token)
            .min(self.sentences.len().saturating_sub(1))
    }

    /// A title, possibly after modifiers ("Deputy Foreign Minister", "former President").
    fn modified_title_at(
        &self,
        i: usize,
        end: usize,
        buf: &mut String,
    ) -> Option<(usize, TitleKind, Option<Gender>)> {
        let direct = self.title_at(i, end, buf);
        let mut j = i;
        while j < end && self.is_among(j, &TITLE_MODIFIERS) {
            j += 1;
        }
        let modified = if j > i {
            self.title_at(j, end, buf)
        } else {
            None
        };
        // "Assistant Secretary of State": the longer reading wins.
        match (direct, modified) {
            (Some(d), Some(m)) => Some(if m.0 > d.0 { m } else { d }),
            (d, m) => d.or(m),
        }
    }

    /// The end of a gazetteer country, demonym, place or organisation starting at `i`.
    fn known_name_end(&self, i: usize, end: usize, buf: &mut String) -> Option<usize> {
        let opens = match self.tokens[i].is_upper() {
            true => self.opens_phrase[i],
            false => self.gaz.starts_phrase(self.word(i), buf),
        };
        let longest = if opens { self.gaz.max_words } else { 1 };
        for j in (i + 1..=end.min(i + longest)).rev() {
            let e = self.phrase_entry(i, j, buf);
            if e.country.is_some()
                || e.demonym.is_some()
                || e.org.is_some()
                || e.place.is_some()
                || e.misc
            {
                return Some(j);
            }
        }
        None
    }

    fn found(
        &self,
        c: Chunk,
        first: usize,
        end: usize,
        entity: EntityType,
        evidence: Evidence,
    ) -> Found {
        Found {
            span: self.span(first, end),
            first,
            end,
            sentence: c.sentence,
            entity,
            form: MentionForm::Name,
            evidence,
            possessive: self.tokens[end - 1].possessive,
            canonical: None,
            stands_for: None,
            title: None,
            gender: None,
            headline: self.sentences[c.sentence].headline,
        }
    }

    fn person_form(&self, first: usize, end: usize) -> MentionForm {
        if end - first >= 2 {
            MentionForm::Full
        } else {
            MentionForm::Partial
        }
    }

    fn given_name_gender(&self, first: usize, end: usize, buf: &mut String) -> Option<Gender> {
        if end - first < 2 {
            return None;
        }
        self.tok(first, buf).first_name.flatten()
    }

    /// Sets type, canonical name and metonymy from a gazetteer entry; returns false when the
    /// entry names nothing.
    fn apply_entry(&self, f: &mut Found, e: &Entry, written: &str, locative: bool) -> bool {
        let acronym = written.chars().filter(|c| c.is_alphabetic()).count() <= 6
            && crate::extract::actors::gazetteer::is_caps(written)
            && !f.headline;
        if let Some(id) = e.country {
            f.entity = EntityType::Location;
            f.canonical = Some(id);
            f.form = if acronym {
                MentionForm::Acronym
            } else {
                MentionForm::Name
            };
        } else if let Some(id) = e.place {
            f.entity = EntityType::Location;
            f.canonical = Some(id);
            if let Some(of) = e.metonym
                && !locative
            {
                f.form = MentionForm::Metonym;
                f.stands_for = Some(of);
            }
        } else if let Some(id) = e.org {
            f.entity = EntityType::Organisation;
            f.canonical = Some(id);
            f.form = if acronym {
                MentionForm::Acronym
            } else {
                MentionForm::Name
            };
            if let Some(of) = e.metonym
                && !locative
            {
                f.form = MentionForm::Metonym;
                f.stands_for = Some(of);
            }
        } else if e.demonym.is_some() || e.misc {
            f.entity = EntityType::Misc;
            f.canonical = e.demonym;
        } else {
            return false;
        }
        f.evidence = Evidence::Strong;
        true
    }

    /// True when token `i` lies in a data row.
    fn in_table_row(&self, i: usize) -> bool {
        self.sentences[self.sentence_of(i)].table
    }

    /// True when a capital at tokens `first..end` acts ("Washington formally asked Kyiv",
    /// "between Washington and Kyiv", "Moscow's demands") rather than being a setting ("in
    /// Moscow", "the Paris meeting").
    fn acts(&self, first: usize, end: usize) -> bool {
        if self.is_locative(first) {
            return false;
        }
        if self.tokens[end - 1].possessive {
            return true;
        }
        if first > 0 && self.is_among(first - 1, &JOINING) {
            return true;
        }
        let Some(next) = self.tokens.get(end).filter(|t| t.shape == Shape::Lower) else {
            // A comma, a full stop or a capitalised word: a setting unless it opens the
            // sentence.
            return self.tokens[first].cap_expected
                && self
                    .tokens
                    .get(end)
                    .is_some_and(|t| t.shape != Shape::Punct);
        };
        let w = next.text(self.text);
        ACTING_WORDS.contains(&w)
            || (w.len() > 4 && (w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss"))))
    }

    fn is_locative(&self, first: usize) -> bool {
        first > 0 && {
            let prev = self.tokens[first - 1];
            prev.shape == Shape::Lower && self.is_among(first - 1, &LOCATIVES)
        }
    }

    /// Types a name without title.
    fn type_name(
        &self,
        c: Chunk,
        first: usize,
        end: usize,
        headline: bool,
        buf: &mut String,
    ) -> Found {
        let mut f = self.found(c, first, end, EntityType::Person, Evidence::Weak);
        let written = f.span.text(self.text);
        let whole = self.phrase_entry(first, end, buf);
        let locative = !self.acts(first, end);
        if self.apply_entry(&mut f, &whole, written, locative) {
            return f;
        }
        let n = (first..end)
            .filter(|&i| self.tokens[i].shape != Shape::Punct)
            .count();
        // "Bosnian Serb", "Rwandan Hutu": nationalities and peoples only.
        if n > 1
            && (first..end).all(|i| {
                let e = self.tok(i, buf);
                self.tokens[i].shape == Shape::Punct || e.demonym.is_some() || e.misc
            })
        {
            f.entity = EntityType::Misc;
            f.evidence = Evidence::Strong;
            return f;
        }
        let head = self.tok(first, buf);
        let tail = self.tok(end - 1, buf);
        let of_follows = n > 2 && self.word(first + 1) == "of";
        // "National Bank of Poland": an organisation word before "of".
        let org_of = (first + 1..end.saturating_sub(1))
            .any(|i| self.word(i + 1) == "of" && self.tok(i, buf).org_word);
        let tail_place = tail.country.is_some() || tail.place.is_some();
        // "Air France", "Bank Indonesia": an organisation word before a place.
        let org_place = n == 2 && head.org_word && !head.word && tail_place;
        if (tail.org_word && n > 1) || (head.org_word && of_follows) || org_of || org_place {
            f.entity = EntityType::Organisation;
            f.evidence = Evidence::Strong;
            return f;
        }
        if (tail.place_word && n > 1 && !tail.word) || (head.place_word && of_follows) {
            f.entity = EntityType::Location;
            f.evidence = Evidence::Strong;
            return f;
        }
        if tail.place_word && n > 1 {
            f.entity = EntityType::Location;
            return f;
        }
        if tail.misc_word && n > 1 {
            f.entity = EntityType::Misc;
            f.evidence = Evidence::Strong;
            return f;
        }
        // "PSV Eindhoven", "NBC News": an acronym inside a longer name makes it an
        // organisation's.
        if n > 1
            && !headline
            && (first..end)
                .any(|i| self.tokens[i].shape == Shape::Caps && !self.word(i).ends_with('.'))
        {
            f.entity = EntityType::Organisation;
            f.evidence = Evidence::Strong;
            return f;
        }
        // Compass point + known place: "North Korea" is in the table, "Northern Bosnia" is not.
        if n > 1 && self.is_among(first, &COMPASS_POINTS) {
            let rest = self.phrase_entry(first + 1, end, buf);
            if rest.country.is_some() || rest.place.is_some() {
                f.entity = EntityType::Location;
                f.evidence = Evidence::Strong;
                return f;
            }
        }
        let initials = (first..end).any(|i| {
            let w = self.word(i);
            w.len() == 2 && w.ends_with('.') && w.starts_with(char::is_uppercase)
        });
        if n > 1
            && (head.first_name.is_some() || initials)
            && !head.is_named_thing()
            && !tail.is_named_thing()
        {
            f.entity = EntityType::Person;
            f.evidence = Evidence::Strong;
            f.form = MentionForm::Full;
            f.gender = head.first_name.flatten();
            return f;
        }
        // Weak guesses, which the rest of the article may overrule.
        f.form = if n == 1 && self.tokens[first].shape == Shape::Caps && !headline {
            MentionForm::Acronym
        } else {
            self.person_form(first, end)
        };
        f.entity = self.guess(first, end, headline, buf);
        if f.entity != EntityType::Person && f.form != MentionForm::Acronym {
            f.form = MentionForm::Name;
        }
        f
    }

    /// The type of a name nothing certain is known about.
    fn guess(&self, first: usize, end: usize, headline: bool, buf: &mut String) -> EntityType {
        let n = (first..end)
            .filter(|&i| self.tokens[i].shape != Shape::Punct)
            .count();
        let next_is_person_verb = end < self.tokens.len() && self.is_among(end, &PERSON_VERBS);
        let who_follows = end + 1 < self.tokens.len()
            && self.word(end) == ","
            && matches!(self.word(end + 1), "who" | "whose");
        if n == 1 && self.tokens[first].shape == Shape::Caps && !headline {
            return EntityType::Organisation;
        }
        if n == 1 && self.in_table_row(first) {
            return EntityType::Organisation;
        }
        if next_is_person_verb || who_follows {
            return EntityType::Person;
        }
        lower_into(self.word(end - 1), buf);
        if self.is_locative(first) && n <= 2 {
            return EntityType::Location;
        }
        if PLACE_ENDINGS.iter().any(|e| buf.ends_with(e)) && n == 1 {
            return EntityType::Location;
        }
        let surname_ending = SURNAME_ENDINGS.iter().any(|s| buf.ends_with(s));
        let e = self.tok(end - 1, buf);
        if surname_ending || (e.surname && !e.word) {
            return EntityType::Person;
        }
        // "Bayern Munich", "Ajax Amsterdam": a name ending in a city names a club or firm.
        if n >= 2 && e.place.is_some() && !self.tok(first, buf).is_named_thing() {
            return EntityType::Organisation;
        }
        let surname = e.surname || surname_ending;
        if (2..=3).contains(&n) && (surname || (first..end).all(|i| !self.tok(i, buf).word)) {
            return EntityType::Person;
        }
        EntityType::Organisation
    }
}

/// What the article's strongly typed names say about weaker ones.
#[derive(Debug, Default)]
pub struct DocTypes {
    /// Lower-case name → type, from strong findings.
    names: FxHashMap<CompactString, EntityType>,
    /// Lower-case words of person names (given names and surnames).
    person_words: FxHashMap<CompactString, u32>,
}

impl DocTypes {
    /// Collects the strong findings.
    pub fn new(text: &str, found: &[Found]) -> DocTypes {
        let mut d = DocTypes::default();
        let mut buf = String::new();
        for f in found
            .iter()
            .filter(|f| f.evidence == Evidence::Strong && !f.headline)
        {
            lower_into(f.span.text(text), &mut buf);
            if !d.names.contains_key(buf.as_str()) {
                d.names.insert(buf.as_str().into(), f.entity);
            }
            if f.entity == EntityType::Person {
                for w in buf.split(' ').filter(|w| w.len() > 2 || !w.ends_with('.')) {
                    match d.person_words.get_mut(w) {
                        Some(n) => *n += 1,
                        None => {
                            d.person_words.insert(w.into(), 1);
                        }
                    }
                }
            }
        }
        d
    }

    /// Re-types a weak finding from the article's strong ones: the same name typed elsewhere,
    /// or a word of a person's name.
    pub fn resolve(&self, text: &str, f: &mut Found, buf: &mut String) {
        if f.evidence == Evidence::Strong {
            return;
        }
        lower_into(f.span.text(text), buf);
        if let Some(&t) = self.names.get(buf.as_str()) {
            f.entity = t;
            return;
        }
        if buf
            .split([' ', '-'])
            .all(|w| self.person_words.contains_key(w))
        {
            f.entity = EntityType::Person;
            f.form = if buf.contains(' ') {
                MentionForm::Full
            } else {
                MentionForm::Partial
            };
        }
    }

    /// "Witkoff-Dmitriev plan": a hyphenated person name whose parts are each a word of a
    /// person's name in this article becomes one mention per part.
    pub fn split_persons(&self, text: &str, f: &Found, out: &mut Vec<Found>) -> bool {
        let written = f.span.text(text);
        if f.entity != EntityType::Person || written.contains(' ') || !written.contains('-') {
            return false;
        }
        let mut buf = String::new();
        let mut parts = Vec::new();
        let mut at = f.span.start();
        for p in written.split('-') {
            lower_into(p, &mut buf);
            if !self.person_words.contains_key(buf.as_str()) {
                return false;
            }
            parts.push(Span::new(at, at + p.len()));
            at += p.len() + 1;
        }
        for span in parts {
            out.push(Found {
                span,
                form: MentionForm::Partial,
                possessive: false,
                ..f.clone()
            });
        }
        true
    }
}
