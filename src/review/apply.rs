//! Replaying a review's corrections onto an index: articles given a date are extracted again
//! (their relative dates resolve), quotations given a speaker point to a new local actor
//! pinned to that speaker, and actor merges, renames and splits become ordered steps of the
//! corpus actor merge (the same mechanism as `dossier.toml`). The views are then rebuilt.
//!
//! Corrections always apply from the articles as loaded: the [`Baseline`] keeps the original
//! metadata and extraction of every article a correction touched, so undoing a correction
//! and applying the rest again gives exactly what the rest alone gives.

use std::collections::HashMap;

use crate::article::packed::Packed;
use crate::article::{DateEvidence, DateSource, Meta};
use crate::corpus::reextract;
use crate::extract::Extraction;
use crate::extract::actors::{ActorKind, LocalActor};
use crate::extract::events::EventKind;
use crate::index::overrides::{Merge, Split};
use crate::index::{Index, ItemRef, Step};
use crate::review::keys::quote_hashes;
use crate::review::{Correction, Fix, ItemKey};

/// The articles as loaded, for those a correction changed.
#[derive(Debug, Clone, Default)]
pub struct Baseline {
    originals: HashMap<u32, (Box<Meta>, Packed)>,
}

impl Baseline {
    /// Remembers article `a` as it is now, unless it is remembered already.
    fn keep(&mut self, index: &Index, a: u32) {
        self.originals.entry(a).or_insert_with(|| {
            let article = &index.articles[a as usize];
            (article.meta.clone(), article.packed.clone())
        });
    }

    /// Puts every changed article back as loaded.
    fn restore(&self, index: &mut Index) {
        for (&a, (meta, packed)) in &self.originals {
            if let Some(article) = index.articles.get_mut(a as usize) {
                article.meta = meta.clone();
                article.packed = packed.clone();
            }
        }
    }
}

/// Applies `corrections` (in order) to `index` and rebuilds its views. Returns the positions
/// of the corrections that found nothing to apply to (orphaned: kept, and reported).
pub fn apply(index: &mut Index, baseline: &mut Baseline, corrections: &[Correction]) -> Vec<usize> {
    baseline.restore(index);
    let mut by_hash: HashMap<u64, Vec<u32>> = HashMap::new();
    for (a, article) in index.articles.iter().enumerate() {
        by_hash.entry(article.hash).or_default().push(a as u32);
    }
    let articles_of = |hash: u64| by_hash.get(&hash).cloned().unwrap_or_default();
    let mut orphans = Vec::new();

    // Dates first: extracting again replaces the whole extraction. The last date of an
    // article wins.
    let mut dates = HashMap::new();
    for (i, c) in corrections.iter().enumerate() {
        if let Fix::Date { article, date, .. } = &c.fix {
            if by_hash.contains_key(article) {
                dates.insert(*article, *date);
            } else {
                orphans.push(i);
            }
        }
    }
    for (hash, date) in dates {
        for a in articles_of(hash) {
            baseline.keep(index, a);
            let article = &mut index.articles[a as usize];
            article.meta.dates.retain(|d| d.source != DateSource::User);
            if let Some(date) = date {
                article.meta.add_date(DateEvidence {
                    date,
                    source: DateSource::User,
                    span: None,
                });
            }
            reextract(article);
        }
    }

    // Then speakers and actor steps, in the order made.
    let mut steps = Vec::new();
    let mut step_of = Vec::new();
    for (i, c) in corrections.iter().enumerate() {
        let before = steps.len();
        match &c.fix {
            Fix::Date { .. } => continue,
            Fix::Speaker {
                quote,
                actor,
                actor_kind,
                ..
            } => {
                let ItemKey::Quote { article, item } = quote else {
                    orphans.push(i);
                    continue;
                };
                for a in articles_of(*article) {
                    let Some(q) = quote_hashes(&index.articles[a as usize])
                        .iter()
                        .position(|h| h == item)
                    else {
                        continue;
                    };
                    baseline.keep(index, a);
                    let article = &mut index.articles[a as usize];
                    let mut x = article.extraction();
                    let local = reassign(&mut x, q, actor);
                    article.set_extraction(&x);
                    steps.push(Step::Assign {
                        local: ItemRef::new(a as usize, local as usize),
                        name: actor.clone(),
                        kind: *actor_kind,
                    });
                }
            }
            Fix::Merge { into, from } => steps.push(Step::Merge(Merge {
                into: into.clone(),
                names: vec![from.clone()],
            })),
            Fix::Rename { from, to } => steps.push(Step::Rename {
                from: from.clone(),
                to: to.clone(),
            }),
            Fix::Split { actor, alias } => steps.push(Step::Split(Split {
                actor: actor.clone(),
                alias: alias.clone(),
            })),
        }
        if steps.len() == before {
            orphans.push(i);
        }
        step_of.extend(std::iter::repeat_n(i, steps.len() - before));
    }
    index.steps = steps;
    index.rebuild_views();
    for (s, &i) in step_of.iter().enumerate() {
        if !index.steps_applied.get(s).copied().unwrap_or(false) && !orphans.contains(&i) {
            orphans.push(i);
        }
    }
    orphans.sort_unstable();
    orphans
}

/// Gives quotation `q` a new local actor named `name` (of kind unnamed, so that the corpus
/// merge leaves it alone until its [`Step::Assign`] pins it), and makes it the speaker of
/// the quotation's statement event. Returns the new local actor's index.
fn reassign(x: &mut Extraction, q: usize, name: &str) -> u32 {
    let local = x.actors.len() as u32;
    x.actors.push(LocalActor {
        name: name.into(),
        kind: ActorKind::Unnamed,
        roles: Box::default(),
        gender: None,
        stands_for: None,
        affiliation: None,
    });
    let quote = &mut x.quotes[q];
    let old = quote.actor.replace(local);
    let span = quote.span;
    for e in x
        .events
        .iter_mut()
        .filter(|e| e.kind == EventKind::Statement && e.span == span)
    {
        match (old, e.actors.first()) {
            (Some(o), Some(&first)) if first == o => e.actors[0] = local,
            _ => e.actors.insert(0, local),
        }
    }
    local
}
