//! Actors: people, organisations, places and unnamed sources mentioned in an article.

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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

/// One mention of an actor in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The mention's text span.
    pub span: Span,
    /// Its entity type.
    pub entity: EntityType,
    /// Index of the actor in [`crate::extract::Extraction::actors`].
    pub actor: u32,
}

/// A role or title an actor holds, and where it was stated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    /// The role as written ("Secretary of State").
    pub title: String,
    /// Where the role was stated.
    pub span: Span,
}

/// An actor as seen in one article, with aliases merged within the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalActor {
    /// Canonical name within the article (the fullest name seen).
    pub name: String,
    /// What kind of actor it is.
    pub kind: ActorKind,
    /// Roles seen in this article.
    pub roles: Vec<Role>,
    /// Grammatical gender, when known (from a title, a first name or a pronoun).
    pub gender: Option<Gender>,
}

/// Grammatical gender of a person, for resolving pronouns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Gender {
    /// Referred to as "he".
    Male,
    /// Referred to as "she".
    Female,
}

/// Finds the mentions and actors of one article.
pub fn extract(_doc: &Doc) -> (Vec<Mention>, Vec<LocalActor>) {
    (Vec::new(), Vec::new())
}
