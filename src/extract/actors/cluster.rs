//! Within-article alias clustering: full names, surnames and given names of one person;
//! acronyms, aliases and full names of one organisation or place; metonyms linked to what they
//! stand for; unnamed sources kept apart. Also each person's gender, from titles, given names
//! and the pronouns that follow a mention.

use std::borrow::Cow;

use crate::extract::actors::fasthash::FxHashMap;

use crate::extract::actors::alias::{
    acronym, fold_word, given_names_agree, initials, name_key, person_key,
};
use crate::extract::actors::gazetteer::Gazetteer;
use crate::extract::actors::names::Sentence;
use crate::extract::actors::roles::FoundRole;
use crate::extract::actors::tokens::Token;
use crate::extract::actors::typing::Found;
use crate::extract::actors::unnamed::Description;
use crate::extract::actors::{
    ActorKind, EntityType, Gender, LocalActor, Mention, MentionForm, Role,
};
use crate::span::Span;

/// The drafts of organisations, places and other names, indexed as names are assigned to
/// them, so that finding one never scans every draft.
#[derive(Default)]
struct OtherNames<'a> {
    /// Drafts whose best name so far has several words, by its last word (what "Journal"
    /// after "Wall Street Journal" is looked up by), and that word of each.
    by_last_word: FxHashMap<&'a str, Vec<usize>>,
    last_word_of: FxHashMap<usize, &'a str>,
    /// Drafts typed as organisations at least once: the first by its initials, every one by
    /// its acronym (what an acronym and a long name find each other by).
    by_initials: FxHashMap<String, usize>,
    by_acronym: FxHashMap<String, Vec<usize>>,
}

impl<'a> OtherNames<'a> {
    /// The first organisation whose initials are `acronym` or whose acronym is `initials`.
    fn by_letters(&self, acronym: Option<&str>, initials: Option<&str>) -> Option<usize> {
        let by_its_initials = acronym.and_then(|a| self.by_initials.get(a).copied());
        let by_its_acronym = initials.and_then(|i| self.by_acronym.get(i)?.iter().min().copied());
        by_its_initials.into_iter().chain(by_its_acronym).min()
    }

    /// The one draft whose best name ends with `word`, when only one does.
    fn by_last_word(&self, word: &str) -> Option<usize> {
        match self.by_last_word.get(word).map(Vec::as_slice) {
            Some(&[only]) => Some(only),
            _ => None,
        }
    }

    /// Forgets that draft `id` had the acronym `old` (it is getting another).
    fn drop_acronym(&mut self, id: usize, old: Option<&str>) {
        if let Some(ids) = old.and_then(|a| self.by_acronym.get_mut(a)) {
            ids.retain(|&other| other != id);
        }
    }

    /// Indexes draft `id`, `d`, once `written` is assigned to it.
    fn record(&mut self, id: usize, d: &Draft<'a>, written: &'a str) {
        if d.votes[1] > 0 {
            if let Some(i) = &d.initials {
                match self.by_initials.get_mut(i) {
                    Some(first) => *first = (*first).min(id),
                    None => {
                        self.by_initials.insert(i.clone(), id);
                    }
                }
            }
            if let Some(a) = &d.acronym {
                match self.by_acronym.get_mut(a) {
                    Some(ids) if ids.contains(&id) => {}
                    Some(ids) => ids.push(id),
                    None => {
                        self.by_acronym.insert(a.clone(), vec![id]);
                    }
                }
            }
        }
        if d.words > 1 && std::ptr::eq(d.name.as_ref(), written) {
            let last = written.rsplit(' ').next().unwrap_or(written);
            if let Some(old) = self.last_word_of.insert(id, last)
                && let Some(ids) = self.by_last_word.get_mut(old)
            {
                ids.retain(|&other| other != id);
            }
            self.by_last_word.entry(last).or_default().push(id);
        }
    }
}

/// Everything the clustering reads.
pub struct Input<'a> {
    /// The text.
    pub text: &'a str,
    /// All tokens.
    pub tokens: &'a [Token],
    /// All sentences.
    pub sentences: &'a [Sentence],
    /// Typed names, sorted by position.
    pub found: &'a [Found],
    /// Roles per typed name.
    pub roles: &'a [Vec<FoundRole>],
    /// Unnamed sources and groups.
    pub descriptions: &'a [Description],
    /// The gazetteer.
    pub gaz: &'a Gazetteer,
}

/// An actor being built.
#[derive(Debug, Default)]
struct Draft<'a> {
    /// Best name so far (as written, or a description with its spacing normalised) and its
    /// length in words.
    name: Cow<'a, str>,
    words: usize,
    /// Canonical gazetteer name, which wins over any written form.
    canonical: Option<&'a str>,
    person: bool,
    unnamed: bool,
    votes: [u32; 4],
    given: Option<String>,
    acronym: Option<String>,
    initials: Option<String>,
    roles: Vec<Role>,
    male: u32,
    female: u32,
    stands_for: Option<&'a str>,
    affiliation: Option<String>,
    /// Start offsets of its full-name mentions, in text order.
    positions: Vec<u32>,
    /// Start offset of its latest surname or given-name mention assigned so far.
    last_partial: Option<u32>,
    /// The next person created with the same surname key.
    next_same_surname: Option<usize>,
}

impl<'a> Draft<'a> {
    fn offer_name(&mut self, written: &'a str) {
        let words = written.split_whitespace().count();
        if words > self.words || (words == self.words && written.len() > self.name.len()) {
            self.name = Cow::Borrowed(written);
            self.words = words;
        }
    }

    /// Distance in bytes from `at` to its nearest mention assigned so far (full names are
    /// sorted; partial names are assigned in text order, so the latest is the nearest).
    fn distance(&self, at: u32) -> u32 {
        let i = self.positions.partition_point(|&p| p < at);
        let full = [i.checked_sub(1), Some(i)]
            .into_iter()
            .flatten()
            .filter_map(|k| self.positions.get(k))
            .map(|p| p.abs_diff(at))
            .min();
        let partial = self.last_partial.map(|p| p.abs_diff(at));
        full.into_iter().chain(partial).min().unwrap_or(u32::MAX)
    }

    fn vote_gender(&mut self, g: Option<Gender>) {
        match g {
            Some(Gender::Male) => self.male += 1,
            Some(Gender::Female) => self.female += 1,
            None => {}
        }
    }

    fn kind(&self) -> ActorKind {
        if self.unnamed {
            return ActorKind::Unnamed;
        }
        if self.person {
            return ActorKind::Person;
        }
        let types = [
            EntityType::Person,
            EntityType::Organisation,
            EntityType::Location,
            EntityType::Misc,
        ];
        let best = (1..4).max_by_key(|&i| (self.votes[i], 4 - i)).unwrap_or(1);
        ActorKind::of(types[best])
    }
}

fn entity_index(e: EntityType) -> usize {
    match e {
        EntityType::Person => 0,
        EntityType::Organisation => 1,
        EntityType::Location => 2,
        EntityType::Misc => 3,
    }
}

/// What makes two organisation, place or other names one actor's.
#[derive(Debug, PartialEq, Eq, Hash)]
enum NameKey {
    /// The gazetteer's id for the name (one id per canonical name).
    Canonical(u32),
    /// The letters of a name written in capitals ("UN" for "U.N.").
    Acronym(String),
    /// The folded words of any other name (see [`name_key`]).
    Written(String),
}

/// Strips a leading "The " from a written organisation or place name.
fn without_article(s: &str) -> &str {
    s.strip_prefix("The ")
        .or_else(|| s.strip_prefix("the "))
        .unwrap_or(s)
}

/// Merges the findings of one article into mentions and local actors.
pub fn cluster<'a>(input: &Input<'a>) -> (Vec<Mention>, Vec<LocalActor>) {
    let text = input.text;
    let gaz = input.gaz;
    // At most one draft per name and per description: sized once, not grown.
    let mut drafts: Vec<Draft<'a>> =
        Vec::with_capacity(input.found.len() + input.descriptions.len());
    let mut actor_of = vec![u32::MAX; input.found.len()];

    // Persons by surname key (the first and last of a chain through `next_same_surname`, in
    // creation order) and by given-name key (the person, while only one has it), so that
    // matching a name reads only the persons sharing its key: no scan over every draft.
    let mut by_surname: FxHashMap<String, (usize, usize)> = FxHashMap::default();
    let mut by_given: FxHashMap<String, Option<usize>> = FxHashMap::default();
    fn chain<'d>(drafts: &'d [Draft], first: Option<usize>) -> impl Iterator<Item = usize> + 'd {
        std::iter::successors(first, |&id| drafts[id].next_same_surname)
    }
    fn join(
        by_surname: &mut FxHashMap<String, (usize, usize)>,
        drafts: &mut [Draft],
        surname: String,
        id: usize,
    ) {
        match by_surname.get_mut(&surname) {
            Some(ends) => {
                drafts[ends.1].next_same_surname = Some(id);
                ends.1 = id;
            }
            None => {
                by_surname.insert(surname, (id, id));
            }
        }
    }

    // Persons with a full name first, so surnames can find them wherever they stand.
    for (i, f) in input.found.iter().enumerate() {
        if f.entity != EntityType::Person || f.form != MentionForm::Full {
            continue;
        }
        let written = f.span.text(text);
        let (given, surname) = person_key(written);
        let first = by_surname.get(&surname).map(|ends| ends.0);
        let existing = chain(&drafts, first).find(|&id| match (&drafts[id].given, &given) {
            (Some(a), Some(b)) => given_names_agree(a, b),
            _ => false,
        });
        let id = match existing {
            Some(id) => id,
            None => {
                let id = drafts.len();
                if let Some(g) = &given {
                    by_given
                        .entry(g.clone())
                        .and_modify(|only| *only = None)
                        .or_insert(Some(id));
                }
                drafts.push(Draft {
                    person: true,
                    given,
                    ..Draft::default()
                });
                join(&mut by_surname, &mut drafts, surname, id);
                id
            }
        };
        drafts[id].offer_name(written);
        drafts[id].positions.push(f.span.start);
        actor_of[i] = id as u32;
    }
    // Surnames and given names alone: the nearest person with that surname, else the only
    // person with that given name, else a person known by that name only.
    for (i, f) in input.found.iter().enumerate() {
        if f.entity != EntityType::Person || f.form == MentionForm::Full {
            continue;
        }
        let written = f.span.text(text);
        let key = fold_word(written.split_whitespace().last().unwrap_or(written));
        let first = by_surname.get(&key).map(|ends| ends.0);
        // The first of the nearest persons with that surname that `pred` accepts.
        let nearest = |pred: &dyn Fn(&Draft) -> bool| {
            chain(&drafts, first)
                .filter(|&id| pred(&drafts[id]))
                .min_by_key(|&id| drafts[id].distance(f.span.start))
        };
        let found = nearest(&|d| d.given.is_some())
            .or_else(|| by_given.get(&key).copied().flatten())
            .or_else(|| nearest(&|_| true));
        let id = match found {
            Some(id) => id,
            None => {
                let id = drafts.len();
                drafts.push(Draft {
                    person: true,
                    ..Draft::default()
                });
                join(&mut by_surname, &mut drafts, key, id);
                id
            }
        };
        drafts[id].offer_name(written);
        drafts[id].last_partial = Some(f.span.start);
        actor_of[i] = id as u32;
    }
    // Organisations, places and other names: by gazetteer name, acronym, initials or key.
    let others_found = input
        .found
        .iter()
        .filter(|f| f.entity != EntityType::Person)
        .count();
    let mut by_key: FxHashMap<NameKey, usize> =
        FxHashMap::with_capacity_and_hasher(others_found, Default::default());
    let mut others = OtherNames::default();
    for (i, f) in input.found.iter().enumerate() {
        if f.entity == EntityType::Person {
            continue;
        }
        let written = without_article(f.span.text(text));
        let abbrev = acronym(written);
        let key = match (f.canonical, &abbrev) {
            (Some(c), _) => NameKey::Canonical(c),
            (None, Some(a)) => NameKey::Acronym(a.clone()),
            (None, None) => NameKey::Written(name_key(written)),
        };
        let known = by_key.get(&key).copied();
        // Initials are only needed to place a name seen for the first time.
        let long_initials = match (known, &abbrev) {
            (None, None) => initials(written),
            _ => None,
        };
        // An acronym and the initials of an organisation's name ("NATO", "North Atlantic
        // Treaty Organization"), both typed as organisations.
        let org = f.entity == EntityType::Organisation;
        let id = known.or_else(|| {
            if !org || (abbrev.is_none() && long_initials.is_none()) {
                return None;
            }
            others.by_letters(abbrev.as_deref(), long_initials.as_deref())
        });
        // "Journal" after "Wall Street Journal": the last word of one earlier name.
        let id = id.or_else(|| {
            if written.contains(' ') || abbrev.is_some() || f.canonical.is_some() {
                return None;
            }
            others.by_last_word(written)
        });
        let id = id.unwrap_or_else(|| {
            drafts.push(Draft::default());
            drafts.len() - 1
        });
        if known.is_none() {
            by_key.insert(key, id);
        }
        let d = &mut drafts[id];
        d.votes[entity_index(f.entity)] += 1;
        if let Some(c) = f.canonical
            && d.canonical.is_none()
        {
            d.canonical = Some(gaz.name(c));
        }
        if abbrev.is_some() {
            if d.acronym != abbrev {
                others.drop_acronym(id, d.acronym.as_deref());
            }
            d.acronym = abbrev;
        } else if d.initials.is_none() {
            d.initials = long_initials;
        }
        d.offer_name(written);
        others.record(id, d, written);
        if let Some(of) = f.stands_for
            && d.stands_for.is_none()
        {
            d.stands_for = Some(gaz.name(of));
        }
        actor_of[i] = id as u32;
    }

    let mut buf = String::new();
    let mut mentions = Vec::with_capacity(input.found.len() + input.descriptions.len());
    for (i, f) in input.found.iter().enumerate() {
        let id = actor_of[i];
        let d = &mut drafts[id as usize];
        d.vote_gender(f.gender);
        if let Some(t) = f.title {
            d.vote_gender(t.gender);
        }
        for r in &input.roles[i] {
            d.vote_gender(r.gender);
            d.roles.push(Role {
                title: r.title.text(text).into(),
                span: r.span,
                affiliation: r
                    .affiliation
                    .map(|a| affiliation_name(a.text(text), gaz, &mut buf).into()),
            });
        }
        mentions.push(Mention {
            span: f.span,
            entity: f.entity,
            actor: id,
            form: f.form,
            possessive: f.possessive,
            title: f.title.map(|t| t.span),
        });
    }
    // Unnamed sources and groups: one actor per distinct description.
    let mut by_description: FxHashMap<String, usize> = FxHashMap::default();
    for desc in input.descriptions {
        let written = desc.span.text(text);
        let mut name = String::with_capacity(written.len());
        for w in written.split_whitespace() {
            if !name.is_empty() {
                name.push(' ');
            }
            name.push_str(w);
        }
        let id = *by_description
            .entry(name.to_lowercase())
            .or_insert_with(|| {
                drafts.push(Draft {
                    unnamed: true,
                    name: Cow::Owned(name),
                    affiliation: description_affiliation(input, desc, &mut buf),
                    ..Draft::default()
                });
                drafts.len() - 1
            });
        mentions.push(Mention {
            span: desc.span,
            entity: EntityType::Person,
            actor: id as u32,
            form: MentionForm::Description,
            possessive: false,
            title: None,
        });
    }
    mentions.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    pronoun_genders(input, &mentions, &mut drafts);

    let actors = drafts
        .into_iter()
        .map(|d| {
            let kind = d.kind();
            let gender = if kind != ActorKind::Person || d.male == d.female {
                None
            } else if d.male > d.female {
                Some(Gender::Male)
            } else {
                Some(Gender::Female)
            };
            LocalActor {
                name: d.canonical.map_or(d.name, Cow::Borrowed).into(),
                kind,
                roles: d.roles.into(),
                gender,
                stands_for: d.stands_for.map(Into::into),
                affiliation: d.affiliation.map(Into::into),
            }
        })
        .collect();
    (mentions, actors)
}

/// The canonical name of an affiliation as written: a country for a demonym, capital or
/// acronym ("Ukrainian", "Kyiv", "U.S."), an organisation's name, else the words as written.
pub fn affiliation_name(written: &str, gaz: &Gazetteer, buf: &mut String) -> String {
    let w = written.trim_end_matches("'s").trim_end_matches("’s");
    if let Some(e) = gaz.lookup(w, buf)
        && let Some(id) = e.country.or(e.demonym).or(e.metonym).or(e.org)
    {
        return gaz.name(id).to_string();
    }
    w.to_string()
}

/// The affiliation of an unnamed source: the first capitalised name in its description.
fn description_affiliation(input: &Input, desc: &Description, buf: &mut String) -> Option<String> {
    let toks = &input.tokens[desc.first..desc.end];
    let i = toks
        .iter()
        .position(|t| t.is_upper() && !t.cap_expected)
        .or_else(|| {
            toks.iter().position(|t| {
                t.is_upper()
                    && input
                        .gaz
                        .lookup(t.text(input.text), buf)
                        .is_some_and(|e| e.is_named_thing())
            })
        })?;
    let mut j = i + 1;
    while j < toks.len() && toks[j].is_upper() && !toks[j - 1].possessive {
        j += 1;
    }
    let span = Span::new(toks[i].start as usize, toks[j - 1].end as usize);
    Some(affiliation_name(span.text(input.text), input.gaz, buf))
}

/// Genders from pronouns: "he" or "she" within the same or the next sentence after a person's
/// mention, with no other person mentioned in between, votes for that person's gender.
fn pronoun_genders(input: &Input, mentions: &[Mention], drafts: &mut [Draft]) {
    let persons: Vec<(u32, u32)> = mentions
        .iter()
        .filter(|m| m.entity == EntityType::Person && m.form != MentionForm::Description)
        .map(|m| (m.span.start, m.actor))
        .collect();
    if persons.is_empty() {
        return;
    }
    let mut next = 0;
    let mut last: Option<(u32, usize)> = None;
    for (si, s) in input.sentences.iter().enumerate() {
        for t in &input.tokens[s.first..s.end] {
            while next < persons.len() && persons[next].0 <= t.start {
                last = Some((persons[next].1, si));
                next += 1;
            }
            let Some((actor, at)) = last else { continue };
            let w = t.text(input.text);
            // Every pronoun looked for starts with "h" or "s".
            if si > at + 1
                || !(2..=7).contains(&w.len())
                || !matches!(w.as_bytes()[0] | 0x20, b'h' | b's')
            {
                continue;
            }
            let is = |words: &[&str]| words.iter().any(|x| x.eq_ignore_ascii_case(w));
            let g = if is(&["he", "him", "his", "himself"]) {
                Gender::Male
            } else if is(&["she", "her", "hers", "herself"]) {
                Gender::Female
            } else {
                continue;
            };
            let d = &mut drafts[actor as usize];
            if d.male + d.female == 0 {
                d.vote_gender(Some(g));
            }
            last = None;
        }
    }
}
