//! Corpus actors: the local actors of every article merged across the corpus.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::extract::actors::ActorKind;
use crate::index::ItemRef;

/// An actor across the corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// Canonical name.
    pub name: String,
    /// What kind of actor it is.
    pub kind: ActorKind,
    /// The local actors merged into this one (article, local actor index).
    pub locals: Vec<ItemRef>,
    /// Number of mentions across the corpus.
    pub mentions: u32,
    /// Number of quotations attributed to it.
    pub quotes: u32,
    /// Number of articles it appears in.
    pub articles: u32,
}

/// Merges local actors of the same kind and name into corpus actors; returns the actors and,
/// per article, the corpus actor of each local actor.
pub fn merge(articles: &[Article]) -> (Vec<Actor>, Vec<Vec<u32>>) {
    let mut actors: Vec<Actor> = Vec::new();
    let mut by_key: HashMap<(ActorKind, String), u32> = HashMap::new();
    let mut actor_of = Vec::with_capacity(articles.len());
    for (a, article) in articles.iter().enumerate() {
        let x = &article.extraction;
        let mut map = Vec::with_capacity(x.actors.len());
        for (l, local) in x.actors.iter().enumerate() {
            let key = (local.kind, local.name.to_lowercase());
            let id = *by_key.entry(key).or_insert_with(|| {
                actors.push(Actor {
                    name: local.name.clone(),
                    kind: local.kind,
                    locals: Vec::new(),
                    mentions: 0,
                    quotes: 0,
                    articles: 0,
                });
                actors.len() as u32 - 1
            });
            let actor = &mut actors[id as usize];
            actor.locals.push(ItemRef::new(a, l));
            actor.articles += 1;
            map.push(id);
        }
        for m in &x.mentions {
            if let Some(&id) = map.get(m.actor as usize) {
                actors[id as usize].mentions += 1;
            }
        }
        for q in &x.quotes {
            if let Some(&id) = q.actor.and_then(|l| map.get(l as usize)) {
                actors[id as usize].quotes += 1;
            }
        }
        actor_of.push(map);
    }
    (actors, actor_of)
}
