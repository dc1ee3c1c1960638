//! Corpus actors: the local actors of every article merged across the corpus, with the
//! overrides of `dossier.toml` applied, and their statistics.
//!
//! Merging rules: persons with a given name merge when surnames agree (transliteration
//! variants folded) and given names agree (equal, or one the initial of the other); a person
//! known only by a surname joins the one person of the corpus with that surname, and stays
//! apart when two people share it (unless a role they share tells which); organisations and
//! places merge under their canonical name (the gazetteer's for "U.S." / "US" / "United
//! States"), and an acronym joins the full name that some article writes it with ("the
//! International Energy Forum (IEF)"). Unnamed sources stay per article.
//! Metonyms point to what they stand for. Authors are read from the articles' metadata.

use chrono::NaiveDate;
use compact_str::CompactString;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::article::packed::{Item, Part};
use crate::extract::actors::alias::{acronym, given_names_agree, name_key, person_key};
use crate::extract::actors::fasthash::FxHashMap;
use crate::extract::actors::{ActorKind, Gender, LocalActor, Mention, MentionForm, Role};
use crate::extract::events::Event;
use crate::extract::quotes::Quote;
use crate::index::ItemRef;
use crate::index::overrides::{Merge, Overrides, Split, Step};
use crate::layout::find_containing;
use crate::span::Span;

/// A role of a corpus actor, and where it was stated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorRole {
    /// The role as written ("Secretary of State", "author").
    pub title: CompactString,
    /// The affiliation stated with it.
    pub affiliation: Option<CompactString>,
    /// The article (index in [`crate::index::Index::articles`]).
    pub article: u32,
    /// Where in that article's text.
    pub span: Option<Span>,
}

/// An actor across the corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// Canonical name.
    pub name: CompactString,
    /// What kind of actor it is.
    pub kind: ActorKind,
    /// The local actors merged into this one (article, local actor index).
    pub locals: Vec<ItemRef>,
    /// Number of mentions across the corpus.
    pub mentions: u32,
    /// Number of quotations attributed to it.
    pub quotes: u32,
    /// Number of articles it is mentioned in.
    pub articles: u32,
    /// Number of articles it wrote (as a byline author).
    pub authored: u32,
    /// Names it is written under, most frequent first.
    pub aliases: Vec<CompactString>,
    /// Every role seen, with where.
    pub roles: Vec<ActorRole>,
    /// Gender, when the articles agree on one.
    pub gender: Option<Gender>,
    /// Date of the earliest dated article mentioning it.
    pub first_seen: Option<NaiveDate>,
    /// Date of the latest dated article mentioning it.
    pub last_seen: Option<NaiveDate>,
    /// The actors most often mentioned in the same sentence: (actor, sentences), most first.
    pub co_mentioned: Vec<(u32, u32)>,
    /// For a metonym ("Washington"): the actor whose government it stands for.
    pub stands_for: Option<u32>,
}

impl Actor {
    fn new(name: &str, kind: ActorKind) -> Actor {
        Actor {
            name: name.into(),
            kind,
            locals: Vec::new(),
            mentions: 0,
            quotes: 0,
            articles: 0,
            authored: 0,
            aliases: Vec::new(),
            roles: Vec::new(),
            gender: None,
            first_seen: None,
            last_seen: None,
            co_mentioned: Vec::new(),
            stands_for: None,
        }
    }

    /// True when `name` is this actor's name or one of its aliases (case-insensitive).
    pub fn is_called(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
            || self.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
    }
}

/// How many co-mentioned actors are kept per actor.
const CO_MENTIONED: usize = 5;

/// The result of merging: corpus actors, the corpus actor of each local actor, and the
/// byline authors who are not actors of any story.
#[derive(Debug, Default)]
pub struct Merged {
    /// Actors of the stories (mentioned at least once, or stood for by a metonym).
    pub actors: Vec<Actor>,
    /// Per article, the corpus actor of each local actor.
    pub actor_of: Vec<Vec<u32>>,
    /// Authors never mentioned in a story, with the articles they wrote as roles.
    pub authors: Vec<Actor>,
    /// For each correction step, whether it found its actors.
    pub applied: Vec<bool>,
}

/// Merges local actors into corpus actors, applies `overrides` and then the review's
/// correction `steps`, and computes the statistics.
pub fn merge(articles: &[Article], overrides: &Overrides, steps: &[Step]) -> Merged {
    let mut m = Merger::default();
    m.assign(articles);
    m.add_authors(articles);
    let applied = m.apply(overrides, steps, articles);
    let mut merged = m.finish(articles);
    merged.applied = applied;
    merged
}

/// Keys of a person actor being merged.
#[derive(Debug, Clone)]
struct PersonKey {
    given: Option<String>,
    surname: String,
}

/// How many of a namesake's local actors are searched for a shared role.
const ROLE_SAMPLE: usize = 256;

#[derive(Debug, Default)]
struct Merger {
    actors: Vec<Actor>,
    persons: Vec<Option<PersonKey>>,
    /// Persons by surname key.
    by_surname: FxHashMap<String, Vec<u32>>,
    /// Organisations, places and other names (and what metonyms stand for) by name key.
    by_key: FxHashMap<String, u32>,
    /// Acronyms written with a full name in some article, by their letters (`u32::MAX` when
    /// two actors claim one).
    by_acronym: FxHashMap<String, u32>,
    actor_of: Vec<Vec<u32>>,
    /// Per actor, how many local actors were assigned to it, while assigning (its locals are
    /// listed once all are assigned, see [`Merger::append`]).
    assigned: Vec<u32>,
    authors: Vec<(u32, u32, Option<Span>, Option<String>)>,
    /// The role titles of the first [`ROLE_SAMPLE`] local actors of each person that has
    /// any, as they are assigned (what namesakes are told apart by).
    sampled_roles: FxHashMap<u32, Vec<CompactString>>,
}

/// A local actor kept, decoded, for a pass after the one that decoded it: its article and
/// index, its keys, and itself.
type Pending = ((usize, usize), LocalKey, LocalActor);

/// Marks, while the local actors are assigned, an actor of the merger of other names (see
/// [`Merger::assign`]), numbered in that merger.
const OTHER_NAME: u32 = 1 << 31;

impl Merger {
    fn push(&mut self, name: &str, kind: ActorKind, key: Option<PersonKey>) -> u32 {
        let id = self.actors.len() as u32;
        if let Some(k) = &key {
            self.by_surname
                .entry(k.surname.clone())
                .or_default()
                .push(id);
        }
        self.actors.push(Actor::new(name, kind));
        self.persons.push(key);
        self.assigned.push(0);
        id
    }

    /// Persons with this surname (with or without a given name), in creation order.
    fn with_surname(&self, surname: &str) -> &[u32] {
        self.by_surname.get(surname).map_or(&[], Vec::as_slice)
    }

    /// The person with this key, if one is known: same surname and agreeing given names.
    fn find_person(&self, given: &str, surname: &str) -> Option<u32> {
        self.with_surname(surname).iter().copied().find(|&i| {
            self.persons[i as usize].as_ref().is_some_and(|k| {
                k.given
                    .as_deref()
                    .is_some_and(|g| given_names_agree(g, given))
            })
        })
    }

    /// Merges every local actor in four passes: persons with a full name, then persons known
    /// by a surname alone; other names, then acronyms (which join the full name that some
    /// article writes them with). Then metonyms point to what they stand for.
    ///
    /// Persons and the other actors share nothing while they are merged, so both first
    /// passes run in one walk over the articles, each decoded once (a chunk at a time, on
    /// every core): the other actors go to a merger of their own, whose actors are numbered
    /// after the persons, as if merged after them (until then, their ids are marked
    /// [`OTHER_NAME`]). The local actors of the second passes and the metonyms are kept from
    /// that walk. Each actor's list of local actors is made once all are assigned, in the
    /// order they were.
    fn assign(&mut self, articles: &[Article]) {
        *self = Merger::default();
        let mut others = Merger::default();
        let mut actor_of: Vec<Vec<u32>> = articles
            .iter()
            .map(|a| vec![u32::MAX; a.count(Part::Actors)])
            .collect();
        let mut surnames: Vec<Pending> = Vec::new();
        let mut acronyms: Vec<Pending> = Vec::new();
        let mut metonyms: Vec<(usize, usize, Box<str>)> = Vec::new();
        for (ai, keyed) in decoded(articles, |_, a| keyed(a)) {
            for (li, (key, mut actor)) in keyed.locals.into_iter().enumerate() {
                if let Some(of) = actor.stands_for.take() {
                    metonyms.push((ai, li, of));
                }
                let local = Local {
                    index: li,
                    actor: &actor,
                    acronyms: &keyed.acronyms,
                };
                let id = match key {
                    LocalKey::Person(None, _) => {
                        surnames.push(((ai, li), key, actor));
                        continue;
                    }
                    LocalKey::Named(_, Some(_)) => {
                        acronyms.push(((ai, li), key, actor));
                        continue;
                    }
                    LocalKey::Person(..) => self.assign_local(0, local, key),
                    _ => others.assign_local(2, local, key).map(|id| id | OTHER_NAME),
                };
                if let Some(id) = id {
                    actor_of[ai][li] = id;
                }
            }
        }
        let passes = [
            (1, &mut *self, 0, surnames),
            (3, &mut others, OTHER_NAME, acronyms),
        ];
        let mut late = Vec::new();
        for (pass, merger, mark, pending) in passes {
            for ((ai, li), key, actor) in pending {
                let local = Local {
                    index: li,
                    actor: &actor,
                    acronyms: &[],
                };
                if let Some(id) = merger.assign_local(pass, local, key) {
                    late.push((ItemRef::new(ai, li), id | mark));
                }
            }
        }
        self.append(others, actor_of, late);
        // Metonyms point to the actor they stand for, created when never mentioned.
        for (ai, li, of) in metonyms {
            let key = name_key(&of);
            let target = match self.by_key.get(&key) {
                Some(&t) => t,
                None => {
                    let t = self.push(&of, ActorKind::Place, None);
                    self.by_key.insert(key, t);
                    t
                }
            };
            let id = self.actor_of[ai][li];
            if id != target {
                self.actors[id as usize].stands_for = Some(target);
            }
        }
    }

    /// Takes the actors of `others`, a merger of the same articles that assigned the local
    /// actors this one did not, numbered after this one's, and the corpus actor of each local
    /// actor: `actor_of` for those of the first passes, `late` for those of the second passes
    /// in the order they were assigned (those of `others` marked [`OTHER_NAME`] in both).
    /// Then lists each actor's local actors: those of its first pass in corpus order, then
    /// those of its second pass (each list made at its length, where pushing would grow it in
    /// steps and read every actor while assigning).
    fn append(
        &mut self,
        others: Merger,
        mut actor_of: Vec<Vec<u32>>,
        mut late: Vec<(ItemRef, u32)>,
    ) {
        let offset = self.actors.len() as u32;
        let ids = actor_of.iter_mut().flatten();
        for id in ids.chain(late.iter_mut().map(|(_, id)| id)) {
            if *id != u32::MAX && *id & OTHER_NAME != 0 {
                *id = (*id & !OTHER_NAME) + offset;
            }
        }
        self.actors.extend(others.actors);
        self.persons.extend(others.persons);
        self.assigned.extend(others.assigned);
        self.by_key = others.by_key;
        for id in self.by_key.values_mut() {
            *id += offset;
        }
        for (actor, &n) in self.actors.iter_mut().zip(&self.assigned) {
            actor.locals = Vec::with_capacity(n as usize);
        }
        for (ai, ids) in actor_of.iter().enumerate() {
            for (li, &id) in ids.iter().enumerate() {
                if let Some(actor) = self.actors.get_mut(id as usize) {
                    actor.locals.push(ItemRef::new(ai, li));
                }
            }
        }
        for (r, id) in late {
            self.actors[id as usize].locals.push(r);
            actor_of[r.article as usize][r.item as usize] = id;
        }
        self.actor_of = actor_of;
    }

    /// Assigns a local actor to a corpus actor in pass `pass` (see [`Merger::assign`]), by
    /// its keys; returns that actor, if the pass assigns actors of its kind.
    fn assign_local(
        &mut self,
        pass: u8,
        Local {
            index: li,
            actor: local,
            acronyms,
        }: Local,
        key: LocalKey,
    ) -> Option<u32> {
        let id = match (pass, key) {
            (0, LocalKey::Person(Some(given), surname)) => {
                self.find_person(&given, &surname).unwrap_or_else(|| {
                    self.push(
                        &local.name,
                        ActorKind::Person,
                        Some(PersonKey {
                            given: Some(given),
                            surname,
                        }),
                    )
                })
            }
            (1, LocalKey::Person(None, surname)) => self.surname_owner(&surname, local),
            (2, LocalKey::Unnamed) => self.push(&local.name, ActorKind::Unnamed, None),
            (2 | 3, LocalKey::Named(name, short)) => {
                let id = match self.by_key.get(name.as_str()) {
                    Some(&id) => id,
                    None => {
                        let id = short
                            .as_ref()
                            .and_then(|a| self.by_acronym.get(a).copied())
                            .filter(|&id| id != u32::MAX)
                            .unwrap_or_else(|| self.push(&local.name, local.kind, None));
                        self.by_key.insert(name, id);
                        id
                    }
                };
                if pass == 2 {
                    self.register_acronyms(acronyms, li, id);
                }
                id
            }
            _ => return None,
        };
        let assigned = &mut self.assigned[id as usize];
        *assigned += 1;
        if *assigned <= ROLE_SAMPLE as u32
            && local.kind == ActorKind::Person
            && !local.roles.is_empty()
        {
            let titles = local.roles.iter().map(|r| r.title.clone());
            self.sampled_roles.entry(id).or_default().extend(titles);
        }
        Some(id)
    }

    /// The corpus actor for a person known only by surname `surname`: the one person with
    /// that surname, or among several the one sharing a role with it, or else the actor of
    /// that surname alone (created by the first).
    fn surname_owner(&mut self, surname: &str, local: &LocalActor) -> u32 {
        let given = |i: u32| {
            self.persons[i as usize]
                .as_ref()
                .is_some_and(|k| k.given.is_some())
        };
        let candidates: Vec<u32> = self
            .with_surname(surname)
            .iter()
            .copied()
            .filter(|&i| given(i))
            .collect();
        let chosen = match candidates.as_slice() {
            [one] => Some(*one),
            [] => None,
            many => {
                // Roles are compared over a bounded sample of each namesake's articles.
                let shares_role = |&&c: &&u32| {
                    self.sampled_roles.get(&c).is_some_and(|titles| {
                        titles.iter().any(|t| {
                            local
                                .roles
                                .iter()
                                .any(|lr| lr.title.eq_ignore_ascii_case(t))
                        })
                    })
                };
                let sharing: Vec<&u32> = many.iter().filter(shares_role).collect();
                (sharing.len() == 1).then(|| *sharing[0])
            }
        };
        let alone = || {
            let mut of_surname = self.with_surname(surname).iter().copied();
            of_surname.find(|&i| !given(i))
        };
        chosen.or_else(alone).unwrap_or_else(|| {
            self.push(
                &local.name,
                ActorKind::Person,
                Some(PersonKey {
                    given: None,
                    surname: surname.to_string(),
                }),
            )
        })
    }

    /// Records the acronyms an article writes for local actor `li` (named in full) as
    /// aliases of corpus actor `id`; an acronym claimed by two actors is dropped. `acronyms`
    /// are the article's acronym mentions (see [`Keyed::acronyms`]).
    fn register_acronyms(&mut self, acronyms: &[(u32, String)], li: usize, id: u32) {
        for (_, a) in acronyms.iter().filter(|(l, _)| *l as usize == li) {
            match self.by_acronym.get(a) {
                None => {
                    self.by_acronym.insert(a.clone(), id);
                }
                Some(&other) if other != id => {
                    self.by_acronym.insert(a.clone(), u32::MAX);
                }
                Some(_) => {}
            }
        }
    }

    /// Byline authors: merged with the person of the same full name, else actors of their own.
    fn add_authors(&mut self, articles: &[Article]) {
        for (ai, article) in articles.iter().enumerate() {
            for author in &article.meta.authors {
                let (given, surname) = person_key(&author.value);
                let id = match &given {
                    Some(g) => self.find_person(g, &surname),
                    None => None,
                }
                .unwrap_or_else(|| {
                    self.push(
                        &author.value,
                        ActorKind::Person,
                        Some(PersonKey { given, surname }),
                    )
                });
                let outlet = article.meta.source.as_ref().map(|s| s.value.clone());
                self.authors.push((id, ai as u32, author.span, outlet));
            }
        }
    }

    /// Applies the override file (splits, merges, renames, retypes), then the review's
    /// correction steps in order; returns whether each step found its actors.
    fn apply(&mut self, o: &Overrides, steps: &[Step], articles: &[Article]) -> Vec<bool> {
        if o.is_empty() && steps.is_empty() {
            return Vec::new();
        }
        self.fill_aliases(articles);
        for s in &o.split {
            self.split(s, articles);
        }
        for m in &o.merge {
            self.merge(m);
        }
        for (old, new) in &o.rename {
            self.rename(old, new);
        }
        for (name, kind) in &o.retype {
            if let (Some(id), Some(kind)) = (self.find(name), ActorKind::parse(kind)) {
                self.actors[id as usize].kind = kind;
            }
        }
        steps
            .iter()
            .map(|step| match step {
                Step::Merge(m) => self.merge(m),
                Step::Split(s) => self.split(s, articles),
                Step::Rename { from, to } => self.rename(from, to),
                Step::Assign { local, name, kind } => self.pin(*local, name, *kind),
            })
            .collect()
    }

    /// Moves the local actors written `alias` out of the actor `actor` into a new actor;
    /// false when there is no such actor or alias.
    fn split(&mut self, s: &Split, articles: &[Article]) -> bool {
        let Some(id) = self.find(&s.actor) else {
            return false;
        };
        let moved: Vec<ItemRef> = self.actors[id as usize]
            .locals
            .iter()
            .copied()
            .filter(|r| local_name(articles, *r).is_some_and(|n| n.eq_ignore_ascii_case(&s.alias)))
            .collect();
        if moved.is_empty() {
            return false;
        }
        let kind = self.actors[id as usize].kind;
        let new = self.push(&s.alias, kind, None);
        self.actors[id as usize]
            .locals
            .retain(|r| !moved.contains(r));
        for r in moved {
            self.actor_of[r.article as usize][r.item as usize] = new;
            self.actors[new as usize].locals.push(r);
        }
        true
    }

    /// Merges the actors named in `m.names` into the one named `m.into`; false when the
    /// target or all of the others are missing.
    fn merge(&mut self, m: &Merge) -> bool {
        let Some(into) = self.find(&m.into) else {
            return false;
        };
        let mut merged = false;
        for name in &m.names {
            let Some(from) = self.find(name).filter(|&f| f != into) else {
                continue;
            };
            self.absorb(into, from);
            merged = true;
        }
        self.actors[into as usize].name = m.into.as_str().into();
        merged
    }

    /// Renames the actor called `old`; false when there is none.
    fn rename(&mut self, old: &str, new: &str) -> bool {
        let Some(id) = self.find(old) else {
            return false;
        };
        self.actors[id as usize].name = new.into();
        true
    }

    /// Moves local actor `local` into the actor named `name` (another than its own); when
    /// there is none, its own actor stands as `name` of kind `kind`. False when the local
    /// actor does not exist.
    fn pin(&mut self, local: ItemRef, name: &str, kind: ActorKind) -> bool {
        let Some(&current) = self
            .actor_of
            .get(local.article as usize)
            .and_then(|m| m.get(local.item as usize))
            .filter(|&&id| id != u32::MAX)
        else {
            return false;
        };
        match self.find_other(name, current) {
            Some(target) => {
                self.actors[current as usize].locals.retain(|r| *r != local);
                self.actors[target as usize].locals.push(local);
                self.actor_of[local.article as usize][local.item as usize] = target;
            }
            None => {
                let a = &mut self.actors[current as usize];
                a.name = name.into();
                a.kind = kind;
            }
        }
        true
    }

    /// The live actor called `name` (canonical name first, then aliases).
    fn find(&self, name: &str) -> Option<u32> {
        self.find_other(name, u32::MAX)
    }

    /// The live actor called `name` other than `except`.
    fn find_other(&self, name: &str, except: u32) -> Option<u32> {
        let mut live: Vec<bool> = self.actors.iter().map(|a| !a.locals.is_empty()).collect();
        for a in &self.authors {
            live[a.0 as usize] = true;
        }
        if let Some(x) = live.get_mut(except as usize) {
            *x = false;
        }
        let n = self.actors.len();
        (0..n)
            .find(|&i| live[i] && self.actors[i].name.eq_ignore_ascii_case(name))
            .or_else(|| (0..n).find(|&i| live[i] && self.actors[i].is_called(name)))
            .map(|i| i as u32)
    }

    /// Moves everything of actor `from` into actor `into`.
    fn absorb(&mut self, into: u32, from: u32) {
        let locals = std::mem::take(&mut self.actors[from as usize].locals);
        for r in &locals {
            self.actor_of[r.article as usize][r.item as usize] = into;
        }
        let aliases = std::mem::take(&mut self.actors[from as usize].aliases);
        let target = &mut self.actors[into as usize];
        target.locals.extend(locals);
        target.aliases.extend(aliases);
        for a in &mut self.authors {
            if a.0 == from {
                a.0 = into;
            }
        }
        for a in &mut self.actors {
            if a.stands_for == Some(from) {
                a.stands_for = Some(into);
            }
        }
    }

    /// Aliases (what the overrides find actors by): every distinct written name of the
    /// actor's mentions, most frequent first.
    fn fill_aliases(&mut self, articles: &[Article]) {
        let n = self.actors.len();
        let mut names = Names::new(n);
        let actor_of = &self.actor_of;
        for (_, written) in decoded(articles, |ai, a| written_names(a, &actor_of[ai], n)) {
            names.count(&written);
        }
        names.set(&mut self.actors);
    }

    /// Statistics, dropping actors left empty by overrides and renumbering.
    fn finish(mut self, articles: &[Article]) -> Merged {
        for (id, article, span, outlet) in std::mem::take(&mut self.authors) {
            let a = &mut self.actors[id as usize];
            a.authored += 1;
            a.roles.push(ActorRole {
                title: "author".into(),
                affiliation: outlet.map(Into::into),
                article,
                span,
            });
        }
        // Renumber: keep actors that have locals, wrote something, or that a metonym
        // stands for.
        let mut targets = vec![false; self.actors.len()];
        for a in &self.actors {
            if let Some(t) = a.stands_for.filter(|_| !a.locals.is_empty()) {
                targets[t as usize] = true;
            }
        }
        // The merge's key maps are no longer needed: freed before the renumbering.
        let Merger {
            actors: all,
            mut actor_of,
            ..
        } = self;
        let mut new_id = vec![u32::MAX; all.len()];
        let kept = all
            .iter()
            .enumerate()
            .filter(|(i, a)| !a.locals.is_empty() || targets[*i])
            .count();
        let mut actors = Vec::with_capacity(kept);
        let mut authors = Vec::new();
        for (i, a) in all.into_iter().enumerate() {
            if !a.locals.is_empty() || targets[i] {
                new_id[i] = actors.len() as u32;
                actors.push(a);
            } else if a.authored > 0 {
                authors.push(a);
            }
        }
        for a in &mut actors {
            a.stands_for = a
                .stands_for
                .and_then(|t| new_id.get(t as usize).copied())
                .filter(|&t| t != u32::MAX);
        }
        for id in actor_of.iter_mut().flatten() {
            *id = new_id.get(*id as usize).copied().unwrap_or(u32::MAX);
        }
        drop(new_id);
        // Their aliases are those of their mentions: none.
        for a in &mut authors {
            a.aliases.clear();
        }
        stats(articles, &mut actors, &actor_of);
        Merged {
            actors,
            actor_of,
            authors,
            applied: Vec::new(),
        }
    }
}

/// The keys a local actor is merged on.
enum LocalKey {
    /// A person: given-name and surname keys (see [`person_key`]).
    Person(Option<String>, String),
    /// An organisation, place or other name: its key (see [`name_key`]) and, when written in
    /// capitals, its acronym letters.
    Named(String, Option<String>),
    /// An unnamed source or group.
    Unnamed,
}

impl LocalKey {
    /// The keys of `local`, by its kind.
    fn of(local: &LocalActor) -> LocalKey {
        match local.kind {
            ActorKind::Person => {
                let (given, surname) = person_key(&local.name);
                LocalKey::Person(given, surname)
            }
            ActorKind::Organisation | ActorKind::Place | ActorKind::Other => {
                LocalKey::Named(name_key(&local.name), acronym(&local.name))
            }
            ActorKind::Unnamed => LocalKey::Unnamed,
        }
    }
}

/// A local actor being assigned, with what the merge reads of its article.
struct Local<'a> {
    /// Its index among its article's local actors.
    index: usize,
    /// The local actor.
    actor: &'a LocalActor,
    /// The article's acronym mentions (see [`Keyed::acronyms`]).
    acronyms: &'a [(u32, String)],
}

/// An article's local actors, decoded, with their keys.
struct Keyed {
    /// The local actors, with the key of each.
    locals: Vec<(LocalKey, LocalActor)>,
    /// The letters of each acronym mention, with its local actor, in text order.
    acronyms: Vec<(u32, String)>,
}

/// Articles decoded together in the merge.
const KEYS_CHUNK: usize = 1024;

/// The local actors of article `a` and their keys.
fn keyed(a: &Article) -> Keyed {
    Keyed {
        locals: collected(a.actors().map(|l| (LocalKey::of(&l), l))),
        acronyms: a
            .mentions()
            .filter(|m| m.form == MentionForm::Acronym)
            .filter_map(|m| Some((m.actor, acronym(m.span.text(&a.text))?)))
            .collect(),
    }
}

/// What `decode` reads of each article (given with its index), in corpus order: decoded on
/// every core, a chunk of articles at a time, for a pass that must take the articles in order.
fn decoded<'a, T: Send + 'a>(
    articles: &'a [Article],
    decode: impl Fn(usize, &'a Article) -> T + Sync + 'a,
) -> impl Iterator<Item = (usize, T)> + 'a {
    articles
        .chunks(KEYS_CHUNK)
        .enumerate()
        .flat_map(move |(c, chunk)| {
            let first = c * KEYS_CHUNK;
            let items: Vec<T> = chunk
                .par_iter()
                .enumerate()
                .map(|(i, a)| decode(first + i, a))
                .collect();
            items
                .into_iter()
                .enumerate()
                .map(move |(i, t)| (first + i, t))
        })
}

fn local_actor(articles: &[Article], r: ItemRef) -> Option<LocalActor> {
    articles
        .get(r.article as usize)?
        .actors()
        .nth(r.item as usize)
}

fn local_name(articles: &[Article], r: ItemRef) -> Option<CompactString> {
    local_actor(articles, r).map(|l| l.name)
}

/// The items of `items` in a list, with room for all of them made at once (a packed list's
/// iterator knows how many it holds at most, where collecting would grow the list in steps).
fn collected<T>(items: impl Iterator<Item = T>) -> Vec<T> {
    let mut v = Vec::with_capacity(items.size_hint().1.unwrap_or(0));
    v.extend(items);
    v
}

/// The distinct values of `v`, sorted, each with how many times it occurs.
fn tallied<T: Ord + Copy>(mut v: Vec<T>) -> Vec<(T, u32)> {
    v.sort_unstable();
    v.chunk_by(|a, b| a == b)
        .map(|same| (same[0], same.len() as u32))
        .collect()
}

/// The corpus actor of local actor `local`, given the corpus actor of each local actor
/// (`map`) and the number of corpus actors (ids beyond it count for nothing).
fn corpus_id(map: &[u32], actors: usize, local: u32) -> Option<u32> {
    map.get(local as usize)
        .copied()
        .filter(|&id| (id as usize) < actors)
}

/// The names written for each corpus actor in article `a` (as [`Tally::names`], without the
/// rest of the tally: the aliases the overrides find actors by).
fn written_names<'t>(a: &'t Article, map: &[u32], actors: usize) -> Vec<((u32, &'t str), u32)> {
    tallied(
        a.mentions()
            .filter(|m| m.form != MentionForm::Description)
            .filter_map(|m| Some((corpus_id(map, actors, m.actor)?, m.span.text(&a.text))))
            .collect(),
    )
}

/// What the statistics read of one article, in corpus actor ids: worked out on every core,
/// then added up in corpus order.
struct Tally<'t> {
    /// The actors mentioned, each with its number of mentions.
    mentioned: Vec<(u32, u32)>,
    /// The names written for each actor (descriptions are not names), with how often.
    names: Vec<((u32, &'t str), u32)>,
    /// The actor of each quotation attributed to one.
    quoted: Vec<u32>,
    /// The roles and gender of each local actor that has any, with its actor, in order.
    locals: Vec<(u32, Box<[Role]>, Option<Gender>)>,
    /// Pairs of actors named in one sentence (lower id first), with in how many sentences.
    pairs: Vec<((u32, u32), u32)>,
}

impl<'t> Tally<'t> {
    /// The tally of article `a`, given the corpus actor of each of its local actors (`map`)
    /// and the number of corpus actors (ids beyond it count for nothing).
    fn of(a: &'t Article, map: &[u32], actors: usize) -> Tally<'t> {
        let id_of = |local: u32| corpus_id(map, actors, local);
        let sentences: Vec<Span> = collected(a.layout.sentences());
        let mut mentioned = Vec::with_capacity(a.count(Part::Mentions));
        let mut written = Vec::new();
        let mut in_sentence: Vec<(usize, u32)> = Vec::new();
        for m in a.mentions() {
            let Some(id) = id_of(m.actor) else {
                continue;
            };
            mentioned.push(id);
            if m.form == MentionForm::Description {
                continue;
            }
            written.push((id, m.span.text(&a.text)));
            if let Some(s) = find_containing(&sentences, m.span.start(), |s| *s) {
                in_sentence.push((s, id));
            }
        }
        // Co-mentions: distinct named actors per sentence, as (sentence, actor) sorted.
        in_sentence.sort_unstable();
        in_sentence.dedup();
        let mut pairs = Vec::new();
        for sentence in in_sentence.chunk_by(|a, b| a.0 == b.0) {
            for (i, &(_, a)) in sentence.iter().enumerate() {
                pairs.extend(sentence[i + 1..].iter().map(|&(_, b)| (a.min(b), a.max(b))));
            }
        }
        let locals = a
            .actors()
            .enumerate()
            .filter(|(_, l)| !l.roles.is_empty() || l.gender.is_some())
            .filter_map(|(li, l)| Some((id_of(li as u32)?, l.roles, l.gender)))
            .collect();
        Tally {
            mentioned: tallied(mentioned),
            names: tallied(written),
            quoted: a.quotes().filter_map(|q| id_of(q.actor?)).collect(),
            locals,
            pairs: tallied(pairs),
        }
    }
}

/// The written names of each corpus actor's mentions, counted as slices of the texts (no
/// copy until an alias is kept).
struct Names<'t> {
    /// Per corpus actor, its names and how often each is written.
    counts: Vec<FxHashMap<&'t str, u32>>,
}

impl<'t> Names<'t> {
    fn new(actors: usize) -> Names<'t> {
        Names {
            counts: vec![FxHashMap::default(); actors],
        }
    }

    /// Counts the names of an article (see [`Tally::names`]).
    fn count(&mut self, names: &[((u32, &'t str), u32)]) {
        for &((id, name), n) in names {
            *self.counts[id as usize].entry(name).or_default() += n;
        }
    }

    /// Sets every actor's aliases: its names, most frequent first.
    fn set(self, actors: &mut [Actor]) {
        for (actor, counts) in actors.iter_mut().zip(self.counts) {
            let mut aliases: Vec<(&str, u32)> = counts.into_iter().collect();
            aliases.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
            actor.aliases = aliases.into_iter().map(|(a, _)| a.into()).collect();
        }
    }
}

/// The counts of one actor's statistics, added up apart from the actors (a few words each,
/// where an [`Actor`] takes several cache lines).
#[derive(Debug, Clone, Copy, Default)]
struct Counts {
    mentions: u32,
    articles: u32,
    quotes: u32,
    /// Local actors said to be male, then female.
    genders: [u32; 2],
    first_seen: Option<NaiveDate>,
    last_seen: Option<NaiveDate>,
}

/// Mentions, quotations, articles, dates, roles, genders, co-mentions and aliases.
fn stats(articles: &[Article], actors: &mut [Actor], actor_of: &[Vec<u32>]) {
    let n = actors.len();
    let mut names = Names::new(n);
    let mut pairs: FxHashMap<(u32, u32), u32> = FxHashMap::default();
    let mut counts = vec![Counts::default(); n];
    for (ai, tally) in decoded(articles, |ai, a| Tally::of(a, &actor_of[ai], n)) {
        let date = articles[ai].date();
        for &(id, mentions) in &tally.mentioned {
            let c = &mut counts[id as usize];
            c.mentions += mentions;
            c.articles += 1;
            if let Some(d) = date {
                c.first_seen = Some(c.first_seen.map_or(d, |f| f.min(d)));
                c.last_seen = Some(c.last_seen.map_or(d, |l| l.max(d)));
            }
        }
        for id in tally.quoted {
            counts[id as usize].quotes += 1;
        }
        for (id, roles, gender) in tally.locals {
            let a = &mut actors[id as usize];
            for r in roles {
                a.roles.push(ActorRole {
                    title: r.title,
                    affiliation: r.affiliation,
                    article: ai as u32,
                    span: Some(r.span),
                });
            }
            if let Some(g) = gender {
                counts[id as usize].genders[usize::from(g == Gender::Female)] += 1;
            }
        }
        names.count(&tally.names);
        for (pair, sentences) in tally.pairs {
            *pairs.entry(pair).or_default() += sentences;
        }
    }
    names.set(actors);
    let mut co: Vec<Vec<(u32, u32)>> = vec![Vec::new(); actors.len()];
    for ((a, b), n) in pairs {
        co[a as usize].push((b, n));
        co[b as usize].push((a, n));
    }
    for ((a, list), c) in actors.iter_mut().zip(&mut co).zip(counts) {
        list.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
        list.truncate(CO_MENTIONED);
        a.co_mentioned = std::mem::take(list);
        a.mentions += c.mentions;
        a.articles += c.articles;
        a.quotes += c.quotes;
        a.first_seen = c.first_seen;
        a.last_seen = c.last_seen;
        let [m, f] = c.genders;
        a.gender = match (m > 0, f > 0) {
            (true, false) => Some(Gender::Male),
            (false, true) => Some(Gender::Female),
            _ => None,
        };
    }
}

/// One row of the actor table (`dossier actors`, the actor pane), ready to print.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorRow {
    /// Corpus actor id.
    pub id: u32,
    /// Canonical name.
    pub name: String,
    /// Kind label ("person", "organisation", …).
    pub kind: &'static str,
    /// Mentions.
    pub mentions: u32,
    /// Quotations attributed.
    pub quotes: u32,
    /// Articles mentioning it.
    pub articles: u32,
    /// Articles it wrote.
    pub authored: u32,
    /// First and last dated appearance.
    pub first_seen: Option<NaiveDate>,
    /// Last dated appearance.
    pub last_seen: Option<NaiveDate>,
    /// Distinct roles, most frequent first, with their affiliation ("Foreign Minister
    /// (Ukraine)").
    pub roles: Vec<String>,
    /// Other names it is written under.
    pub aliases: Vec<String>,
    /// Names of the actors most mentioned with it.
    pub co_mentioned: Vec<String>,
    /// What a metonym stands for.
    pub stands_for: Option<String>,
}

impl crate::index::Index {
    /// The corpus actor named `name` (canonical name, else an alias; case-insensitive).
    pub fn actor_named(&self, name: &str) -> Option<u32> {
        let n = self.actors.len();
        (0..n)
            .find(|&i| self.actors[i].name.eq_ignore_ascii_case(name))
            .or_else(|| (0..n).find(|&i| self.actors[i].is_called(name)))
            .map(|i| i as u32)
    }

    /// The speaker of quotation `quote` of article `a`: its corpus actor's name, else the
    /// speaker mention as written.
    pub fn speaker(&self, a: usize, quote: &crate::extract::quotes::Quote) -> Option<&str> {
        if let Some(actor) = quote.actor.and_then(|l| self.actor_of(a, l)) {
            return self.actors.get(actor as usize).map(|x| x.name.as_str());
        }
        let article = self.articles.get(a)?;
        quote.speaker.map(|s| s.text(&article.text))
    }

    /// Articles where actor `id` has a local actor, in corpus order.
    fn articles_of(&self, id: u32) -> Vec<u32> {
        let mut v: Vec<u32> = self
            .actors
            .get(id as usize)
            .map(|a| a.locals.iter().map(|r| r.article).collect())
            .unwrap_or_default();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// The items of actor `id` among each article's `items`, where `involves` tells whether an
    /// item involves a local actor (given a test of local actor indices).
    fn items_of<T: Item>(
        &self,
        id: u32,
        involves: impl Fn(&T, &dyn Fn(u32) -> bool) -> bool,
    ) -> Vec<ItemRef> {
        let mut out = Vec::new();
        for a in self.articles_of(id) {
            let map = &self.actor_of[a as usize];
            let is_actor = |local: u32| map.get(local as usize) == Some(&id);
            let article = &self.articles[a as usize];
            for (i, item) in article.packed.items::<T>(&article.text).enumerate() {
                if involves(&item, &is_actor) {
                    out.push(ItemRef::new(a as usize, i));
                }
            }
        }
        out
    }

    /// The mentions of actor `id` (article, mention index), in corpus and text order.
    pub fn mentions_of(&self, id: u32) -> Vec<ItemRef> {
        self.items_of(id, |m: &Mention, is| is(m.actor))
    }

    /// The quotations attributed to actor `id` (article, quote index).
    pub fn quotes_of(&self, id: u32) -> Vec<ItemRef> {
        self.items_of(id, |q: &Quote, is| q.actor.is_some_and(is))
    }

    /// The events actor `id` takes part in (article, event index).
    pub fn events_of(&self, id: u32) -> Vec<ItemRef> {
        self.items_of(id, |e: &Event, is| e.actors.iter().any(|&l| is(l)))
    }

    /// The actor table: named actors of the stories (persons, organisations, places)
    /// mentioned at least once, most mentioned first. Unnamed sources and other names
    /// (nationalities, events) are left out, and authors are not actors (see
    /// [`Index::author_rows`] and [`Index::unnamed_rows`]).
    pub fn actor_rows(&self) -> Vec<ActorRow> {
        self.rows(|a| {
            a.mentions > 0
                && matches!(
                    a.kind,
                    ActorKind::Person | ActorKind::Organisation | ActorKind::Place
                )
        })
    }

    /// Byline authors not mentioned in any story.
    pub fn author_rows(&self) -> Vec<ActorRow> {
        let mut rows: Vec<ActorRow> = self.authors.iter().map(|a| self.row(u32::MAX, a)).collect();
        rows.sort_by(|a, b| {
            b.authored
                .cmp(&a.authored)
                .then_with(|| a.name.cmp(&b.name))
        });
        rows
    }

    /// Unnamed sources and groups.
    pub fn unnamed_rows(&self) -> Vec<ActorRow> {
        self.rows(|a| a.kind == ActorKind::Unnamed)
    }

    fn rows(&self, keep: impl Fn(&Actor) -> bool) -> Vec<ActorRow> {
        let mut rows: Vec<ActorRow> = self
            .actors
            .iter()
            .enumerate()
            .filter(|(_, a)| keep(a))
            .map(|(i, a)| self.row(i as u32, a))
            .collect();
        rows.sort_by(|a, b| {
            (b.mentions + b.authored)
                .cmp(&(a.mentions + a.authored))
                .then_with(|| a.name.cmp(&b.name))
        });
        rows
    }

    fn row(&self, id: u32, a: &Actor) -> ActorRow {
        let mut roles: Vec<(String, u32)> = Vec::new();
        for r in &a.roles {
            let label = match &r.affiliation {
                Some(aff) if !r.title.contains(aff.as_str()) => format!("{} ({aff})", r.title),
                _ => r.title.to_string(),
            };
            match roles
                .iter_mut()
                .find(|(l, _)| l.eq_ignore_ascii_case(&label))
            {
                Some((_, n)) => *n += 1,
                None => roles.push((label, 1)),
            }
        }
        roles.sort_by_key(|r| std::cmp::Reverse(r.1));
        let name_of = |i: u32| self.actors.get(i as usize).map(|a| a.name.to_string());
        ActorRow {
            id,
            name: a.name.to_string(),
            kind: a.kind.label(),
            mentions: a.mentions,
            quotes: a.quotes,
            articles: a.articles,
            authored: a.authored,
            first_seen: a.first_seen,
            last_seen: a.last_seen,
            roles: roles.into_iter().map(|(l, _)| l).collect(),
            aliases: a
                .aliases
                .iter()
                .filter(|x| **x != a.name)
                .map(ToString::to_string)
                .collect(),
            co_mentioned: a
                .co_mentioned
                .iter()
                .filter_map(|&(i, _)| name_of(i))
                .collect(),
            stands_for: a.stands_for.and_then(name_of),
        }
    }
}
