//! Actors: people, organisations, places and unnamed sources mentioned in an article.
//!
//! The pipeline over the content paragraphs: [`tokens`] splits sentences (and lines) into
//! words; [`names`] finds runs of capitalised words; [`typing`] types them from the
//! [`gazetteer`], titles, given names, head words and context, then re-types weak guesses from
//! the article's strong ones; [`unnamed`] finds descriptions of unnamed sources and groups;
//! [`roles`] reads titles and appositions; [`cluster`] merges aliases into local actors and
//! sets each person's gender. [`alias`] holds the name keys shared with the corpus index.

pub mod alias;
pub mod cluster;
pub mod gazetteer;
pub mod names;
pub mod roles;
pub mod tokens;
pub mod typing;
pub mod unnamed;

use serde::{Deserialize, Serialize};

use crate::extract::Doc;
use crate::span::Span;

/// The named-entity type of a mention, as in the CoNLL scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EntityType {
    /// A person.
    #[serde(rename = "PER")]
    Person,
    /// An organisation.
    #[serde(rename = "ORG")]
    Organisation,
    /// A place.
    #[serde(rename = "LOC")]
    Location,
    /// Anything else named: nationalities, events, products.
    #[serde(rename = "MISC")]
    Misc,
}

/// What kind of actor something is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A named person.
    Person,
    /// A named organisation (government, ministry, party, company, media, international body).
    Organisation,
    /// A named place.
    Place,
    /// An unnamed source or group ("a senior administration official", "European diplomats").
    Unnamed,
    /// Something else that can be named (events, documents, nationalities).
    Other,
}

impl ActorKind {
    /// The kind for a named entity type.
    pub fn of(entity: EntityType) -> ActorKind {
        match entity {
            EntityType::Person => ActorKind::Person,
            EntityType::Organisation => ActorKind::Organisation,
            EntityType::Location => ActorKind::Place,
            EntityType::Misc => ActorKind::Other,
        }
    }

    /// A short lower-case label ("person", "organisation", …).
    pub fn label(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organisation => "organisation",
            ActorKind::Place => "place",
            ActorKind::Unnamed => "unnamed",
            ActorKind::Other => "other",
        }
    }

    /// The kind for a label as written in `dossier.toml` (also accepts PER/ORG/LOC/MISC).
    pub fn parse(s: &str) -> Option<ActorKind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "person" | "per" => Some(ActorKind::Person),
            "organisation" | "organization" | "org" => Some(ActorKind::Organisation),
            "place" | "location" | "loc" => Some(ActorKind::Place),
            "unnamed" => Some(ActorKind::Unnamed),
            "other" | "misc" => Some(ActorKind::Other),
            _ => None,
        }
    }
}

/// How a mention names its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionForm {
    /// A person's full name ("Marco Rubio").
    Full,
    /// Part of a person's name: surname or given name alone ("Rubio").
    Partial,
    /// An acronym ("NATO", "U.S.").
    Acronym,
    /// Any other name ("United Nations", "Kyiv" as a place).
    Name,
    /// A place standing for a government ("Washington", "the Kremlin").
    Metonym,
    /// A description of an unnamed source or group ("a US official with direct knowledge
    /// of the matter"). It may contain named mentions of its own ("US").
    Description,
}

/// One mention of an actor in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The mention's text span: the name without title or possessive "'s", or the whole
    /// description of an unnamed source.
    pub span: Span,
    /// Its entity type (an unnamed person or group is typed `Person`).
    pub entity: EntityType,
    /// Index of the actor in [`crate::extract::Extraction::actors`].
    pub actor: u32,
    /// How the mention names the actor.
    pub form: MentionForm,
    /// A possessive "'s" follows ("Trump's").
    pub possessive: bool,
    /// A title written right before the name ("Secretary" in "Secretary Rubio").
    pub title: Option<Span>,
}

/// A role or title an actor holds, and where it was stated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    /// The role as written ("Secretary of State", "head of Kyiv's delegation").
    pub title: String,
    /// Where the role was stated (title or apposition with the name).
    pub span: Span,
    /// The affiliation stated with it, canonical when known ("Ukraine" for "Ukrainian
    /// Foreign Minister", "Trump" for "Trump's son-in-law").
    pub affiliation: Option<String>,
}

/// An actor as seen in one article, with aliases merged within the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalActor {
    /// Canonical name within the article: the fullest name seen, the gazetteer's name for a
    /// known country, place or organisation, or the description of an unnamed source.
    pub name: String,
    /// What kind of actor it is.
    pub kind: ActorKind,
    /// Roles seen in this article.
    pub roles: Vec<Role>,
    /// Grammatical gender, when known (from a title, a first name or a pronoun).
    pub gender: Option<Gender>,
    /// For a metonym ("Washington", "the Kremlin"): the country or body whose government it
    /// stands for ("United States", "Russia").
    pub stands_for: Option<String>,
    /// For an unnamed source or group: the affiliation stated ("United States" for "a US
    /// official").
    pub affiliation: Option<String>,
}

/// Grammatical gender of a person, for resolving pronouns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Gender {
    /// Referred to as "he".
    Male,
    /// Referred to as "she".
    Female,
}

/// Finds the mentions and actors of one article. Mentions are in text order (an enclosing
/// description before the names inside it).
pub fn extract(doc: &Doc) -> (Vec<Mention>, Vec<LocalActor>) {
    let gaz = gazetteer::get();
    let text = doc.text;
    let mut toks = Vec::new();
    let mut sentences = Vec::new();
    let mut scratch = Vec::new();
    for (_, p) in doc.layout.content_paragraphs() {
        for si in p.sentence_range() {
            let Some(&s) = doc.layout.sentences.get(si) else {
                continue;
            };
            // Each line of a sentence is read on its own: headlines, datelines and table
            // rows are lines.
            let mut start = s.start();
            for line in s.text(text).split_inclusive('\n') {
                let end = start + line.len();
                tokens::tokenize(text, start, end, &mut scratch);
                if !scratch.is_empty() {
                    let first = toks.len();
                    let headline = tokens::is_caps_sentence(text, &scratch)
                        || names::is_title_case(text, &scratch, gaz);
                    toks.extend_from_slice(&scratch);
                    sentences.push(names::Sentence {
                        first,
                        end: toks.len(),
                        headline,
                    });
                }
                start = end;
            }
        }
    }
    let known = names::capitalised_words(text, &toks, &sentences);
    let finder = names::Finder {
        text,
        tokens: &toks,
        gaz,
        known: &known,
    };
    let mut buf = String::new();
    let mut chunks = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        finder.chunks(si, s, &mut chunks, &mut buf);
    }
    let typer = typing::Typer {
        text,
        tokens: &toks,
        sentences: &sentences,
        gaz,
    };
    let mut found = Vec::new();
    for &c in &chunks {
        typer.type_chunk(c, &mut found, &mut buf);
    }
    let doc_types = typing::DocTypes::new(text, &found);
    let mut resolved = Vec::with_capacity(found.len());
    for mut f in found {
        doc_types.resolve(text, &mut f, &mut buf);
        if !doc_types.split_persons(text, &f, &mut resolved) {
            resolved.push(f);
        }
    }
    let mut found = resolved;
    found.sort_by_key(|f| (f.span.start, f.span.end));
    let role_finder = roles::RoleFinder {
        text,
        tokens: &toks,
        gaz,
    };
    let mut found_roles = Vec::with_capacity(found.len());
    let mut descriptions = Vec::new();
    for s in &sentences {
        unnamed::find(text, &toks, s.first, s.end, gaz, &mut descriptions);
    }
    for f in &found {
        let s = &sentences[f.sentence];
        let mut r = Vec::new();
        role_finder.roles(f, s.first, s.end, &mut r);
        found_roles.push(r);
    }
    cluster::cluster(&cluster::Input {
        text,
        tokens: &toks,
        sentences: &sentences,
        found: &found,
        roles: &found_roles,
        descriptions: &descriptions,
        gaz,
    })
}
