//! A review being worked on: the review itself, undo and redo, and the journal of edits not
//! yet saved (which a save replays onto the file as found on disk, so two instances on one
//! corpus keep each other's work).

use crate::review::{Correction, Decision, ItemKey, Review};

/// One change to a review. Edits are idempotent: replaying one twice changes nothing more.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Sets (or with `None`, removes) the decision about an item.
    Decide {
        /// The item.
        key: ItemKey,
        /// The decision after the edit.
        decision: Option<Decision>,
    },
    /// Adds a correction at the end (nothing if one with its id is there).
    Add(Correction),
    /// Removes the correction with this id.
    Remove(String),
}

impl Edit {
    /// True when it adds or removes a correction (the corpus views must be rebuilt).
    pub fn corrects(&self) -> bool {
        !matches!(self, Edit::Decide { .. })
    }
}

impl Review {
    /// Applies an edit.
    pub fn apply(&mut self, edit: &Edit) {
        match edit {
            Edit::Decide { key, decision } => match decision {
                Some(d) if !d.is_empty() => {
                    self.decisions.insert(key.clone(), d.clone());
                }
                _ => {
                    self.decisions.remove(key);
                }
            },
            Edit::Add(c) => {
                if !self.corrections.iter().any(|x| x.id == c.id) {
                    self.corrections.push(c.clone());
                }
            }
            Edit::Remove(id) => self.corrections.retain(|c| &c.id != id),
        }
    }

    /// True when the decision about `key` is `decision` (`None` or an empty one: no
    /// decision), the time stamp aside.
    fn decided_as(&self, key: &ItemKey, decision: Option<&Decision>) -> bool {
        let now = self.decisions.get(key).filter(|d| !d.is_empty());
        match (now, decision.filter(|d| !d.is_empty())) {
            (Some(a), Some(b)) => (&a.mark, &a.note, &a.item) == (&b.mark, &b.note, &b.item),
            (a, b) => a.is_none() && b.is_none(),
        }
    }

    /// True when applying `edit` would change the review (a decision's time stamp aside).
    fn changes(&self, edit: &Edit) -> bool {
        match edit {
            Edit::Decide { key, decision } => !self.decided_as(key, decision.as_ref()),
            Edit::Add(c) => !self.corrections.iter().any(|x| x.id == c.id),
            Edit::Remove(id) => self.corrections.iter().any(|c| &c.id == id),
        }
    }

    /// The edit that undoes `edit` on this review (call before applying it).
    fn inverse(&self, edit: &Edit) -> Edit {
        match edit {
            Edit::Decide { key, .. } => Edit::Decide {
                key: key.clone(),
                decision: self.decisions.get(key).cloned(),
            },
            Edit::Add(c) => Edit::Remove(c.id.clone()),
            Edit::Remove(id) => match self.corrections.iter().find(|c| &c.id == id) {
                Some(c) => Edit::Add(c.clone()),
                None => Edit::Remove(id.clone()),
            },
        }
    }
}

/// One undoable step: what it did and how to take it back.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Step {
    /// What the step did, in words ("confirmed quotation …").
    label: String,
    /// The edits, in order.
    forward: Vec<Edit>,
    /// Their inverses, in the order to apply them.
    backward: Vec<Edit>,
}

/// Most steps kept for undo.
const DEPTH: usize = 500;

/// What an undo or redo did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undone {
    /// The step, in words.
    pub label: String,
    /// True when corrections changed (the corpus views must be rebuilt).
    pub corrected: bool,
    /// Items of the step left as they are, because another instance decided them since.
    pub kept: usize,
}

/// A review being worked on.
#[derive(Debug, Clone, Default)]
pub struct Session {
    /// The review as it stands.
    pub review: Review,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Edits made and not yet saved, with the generation each brought the review to.
    journal: Vec<(u64, Edit)>,
    /// Incremented by every edit.
    generation: u64,
}

impl Session {
    /// A session over a review read from its file.
    pub fn new(review: Review) -> Session {
        Session {
            review,
            ..Session::default()
        }
    }

    /// Makes one undoable step of `edits`, labelled `label`. Returns false when the edits
    /// change nothing.
    pub fn change(&mut self, label: impl Into<String>, edits: Vec<Edit>) -> bool {
        let mut forward = Vec::with_capacity(edits.len());
        let mut backward = Vec::with_capacity(edits.len());
        for e in edits {
            if self.review.changes(&e) {
                backward.push(self.review.inverse(&e));
                self.record(&e);
                forward.push(e);
            }
        }
        if forward.is_empty() {
            return false;
        }
        backward.reverse();
        self.undo.push(Step {
            label: label.into(),
            forward,
            backward,
        });
        if self.undo.len() > DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
        true
    }

    /// Applies an edit and journals it.
    fn record(&mut self, edit: &Edit) {
        self.review.apply(edit);
        self.generation += 1;
        self.journal.push((self.generation, edit.clone()));
    }

    /// Applies `edits`, each only where what `done` (the edits that went before them, in
    /// the other direction) left is still in place: a decision another instance changed
    /// since, merged in on save, is kept rather than overwritten.
    /// Returns how many items it left as they are.
    fn replay(&mut self, edits: &[Edit], done: &[Edit]) -> usize {
        // The items whose decision is no longer what `done` left, checked before any edit.
        let mut changed: Vec<&ItemKey> = edits
            .iter()
            .filter_map(|e| match e {
                Edit::Decide { key, .. } => Some(key),
                _ => None,
            })
            .filter(|&key| {
                done.iter()
                    .rev()
                    .find_map(|d| match d {
                        Edit::Decide { key: k, decision } if k == key => Some(decision),
                        _ => None,
                    })
                    .is_some_and(|left| !self.review.decided_as(key, left.as_ref()))
            })
            .collect();
        for e in edits {
            let stays = matches!(e, Edit::Decide { key, .. } if changed.contains(&key));
            if !stays {
                self.record(e);
            }
        }
        changed.sort_unstable();
        changed.dedup();
        changed.len()
    }

    /// Takes back the last step (a decision changed since by another instance stays).
    pub fn undo(&mut self) -> Option<Undone> {
        let step = self.undo.pop()?;
        let kept = self.replay(&step.backward, &step.forward);
        let done = Undone {
            label: step.label.clone(),
            corrected: step.forward.iter().any(Edit::corrects),
            kept,
        };
        self.redo.push(step);
        Some(done)
    }

    /// Makes the last undone step again (a decision changed since by another instance
    /// stays).
    pub fn redo(&mut self) -> Option<Undone> {
        let step = self.redo.pop()?;
        let kept = self.replay(&step.forward, &step.backward);
        let done = Undone {
            label: step.label.clone(),
            corrected: step.forward.iter().any(Edit::corrects),
            kept,
        };
        self.undo.push(step);
        Some(done)
    }

    /// The generation of the review as it stands (0 before any edit).
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// True when edits are waiting to be saved.
    pub fn unsaved(&self) -> bool {
        !self.journal.is_empty()
    }

    /// The edits not yet saved.
    pub fn pending(&self) -> Vec<Edit> {
        self.journal.iter().map(|(_, e)| e.clone()).collect()
    }

    /// Records that the review as of `generation` was saved. When the save merged the work
    /// of another instance, `merged` is the file as written: it becomes the review, with the
    /// edits made since replayed on top.
    pub fn saved(&mut self, generation: u64, merged: Option<Review>) {
        self.journal.retain(|(g, _)| *g > generation);
        if let Some(mut review) = merged {
            for (_, e) in &self.journal {
                review.apply(e);
            }
            self.review = review;
        }
    }

    /// Treats the whole review as unsaved (to write it into another file).
    pub fn mark_all_unsaved(&mut self) {
        self.generation += 1;
        let g = self.generation;
        self.journal = self.review.as_edits().into_iter().map(|e| (g, e)).collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::{Fix, Mark};

    fn key(n: u64) -> ItemKey {
        ItemKey::Quote {
            article: 1,
            item: n,
        }
    }

    fn mark(m: Mark) -> Option<Decision> {
        Some(Decision {
            mark: Some(m),
            ..Decision::default()
        })
    }

    fn decide(k: u64, m: Mark) -> Edit {
        Edit::Decide {
            key: key(k),
            decision: mark(m),
        }
    }

    fn rename(id: &str) -> Correction {
        Correction {
            id: id.into(),
            fix: Fix::Rename {
                from: "Steve Witkoff".into(),
                to: "Steven Witkoff".into(),
            },
        }
    }

    #[test]
    fn undo_and_redo_walk_the_steps() {
        let mut s = Session::default();
        assert!(s.change("confirm 1", vec![decide(1, Mark::Confirmed)]));
        assert!(s.change("dispute 1", vec![decide(1, Mark::Disputed)]));
        assert!(s.change("rename", vec![Edit::Add(rename("c1"))]));
        assert!(
            !s.change("again", vec![decide(1, Mark::Disputed)]),
            "no change"
        );
        assert_eq!(s.review.mark(&key(1)), Some(Mark::Disputed));

        let u = s.undo().unwrap();
        assert_eq!((u.label.as_str(), u.corrected), ("rename", true));
        assert!(s.review.corrections.is_empty());
        assert_eq!(s.undo().unwrap().label, "dispute 1");
        assert_eq!(s.review.mark(&key(1)), Some(Mark::Confirmed));
        assert_eq!(s.undo().unwrap().label, "confirm 1");
        assert!(s.review.is_empty());
        assert!(s.undo().is_none());

        assert_eq!(s.redo().unwrap().label, "confirm 1");
        assert_eq!(s.redo().unwrap().label, "dispute 1");
        assert_eq!(s.redo().unwrap().label, "rename");
        assert!(s.redo().is_none());
        assert_eq!(s.review.mark(&key(1)), Some(Mark::Disputed));
        assert_eq!(s.review.corrections, vec![rename("c1")]);

        // A new step drops what could be redone.
        s.undo();
        s.change("confirm 2", vec![decide(2, Mark::Confirmed)]);
        assert!(s.redo().is_none());
    }

    #[test]
    fn a_step_of_several_edits_undoes_as_one() {
        let mut s = Session::default();
        s.change("confirm", vec![decide(1, Mark::Confirmed)]);
        let moved = vec![
            Edit::Decide {
                key: key(1),
                decision: None,
            },
            decide(2, Mark::Confirmed),
            Edit::Add(rename("c1")),
        ];
        s.change("rename and move", moved);
        assert_eq!(s.review.mark(&key(1)), None);
        assert_eq!(s.review.mark(&key(2)), Some(Mark::Confirmed));
        s.undo();
        assert_eq!(s.review.mark(&key(1)), Some(Mark::Confirmed));
        assert_eq!(s.review.mark(&key(2)), None);
        assert!(s.review.corrections.is_empty());
    }

    #[test]
    fn saving_keeps_later_edits_and_adopts_merged_work() {
        let mut s = Session::default();
        s.change("a", vec![decide(1, Mark::Confirmed)]);
        let g = s.generation();
        let snapshot = s.review.clone();
        s.change("b", vec![decide(2, Mark::Disputed)]);
        assert_eq!(s.pending().len(), 2);
        // The save of generation g found another instance's decision 3 in the file.
        let mut merged = snapshot;
        merged.apply(&decide(3, Mark::NeedsCheck));
        s.saved(g, Some(merged));
        assert_eq!(s.pending(), vec![decide(2, Mark::Disputed)]);
        assert_eq!(s.review.mark(&key(1)), Some(Mark::Confirmed));
        assert_eq!(s.review.mark(&key(2)), Some(Mark::Disputed));
        assert_eq!(s.review.mark(&key(3)), Some(Mark::NeedsCheck));
        s.saved(s.generation(), None);
        assert!(!s.unsaved());
    }

    #[test]
    fn undo_keeps_a_decision_another_instance_made_since() {
        let mut s = Session::default();
        s.change("confirm 1", vec![decide(1, Mark::Confirmed)]);
        s.change("confirm 2", vec![decide(2, Mark::Confirmed)]);
        s.saved(s.generation(), None);
        // Another instance disputed item 1; the next save merged it in.
        s.change("confirm 3", vec![decide(3, Mark::Confirmed)]);
        let mut merged = s.review.clone();
        merged.apply(&decide(1, Mark::Disputed));
        s.saved(s.generation(), Some(merged));
        assert_eq!(s.review.mark(&key(1)), Some(Mark::Disputed));

        // Undoing this instance's steps takes back its own decisions only, and says so.
        let kept: Vec<usize> = (0..3).map(|_| s.undo().unwrap().kept).collect();
        assert_eq!(
            kept,
            vec![0, 0, 1],
            "confirm 1, undone last, found item 1 changed"
        );
        assert_eq!(s.review.mark(&key(1)), Some(Mark::Disputed), "theirs stays");
        assert_eq!(s.review.mark(&key(2)), None);
        assert_eq!(s.review.mark(&key(3)), None);
        assert_eq!(
            s.pending(),
            vec![
                Edit::Decide {
                    key: key(3),
                    decision: None
                },
                Edit::Decide {
                    key: key(2),
                    decision: None
                }
            ],
            "nothing journaled for item 1"
        );
        // Redo puts back this instance's decisions, still not over theirs.
        let kept: Vec<usize> = (0..3).map(|_| s.redo().unwrap().kept).collect();
        assert_eq!(kept, vec![1, 0, 0]);
        assert_eq!(s.review.mark(&key(1)), Some(Mark::Disputed));
        assert_eq!(s.review.mark(&key(2)), Some(Mark::Confirmed));
        assert_eq!(s.review.mark(&key(3)), Some(Mark::Confirmed));
    }

    #[test]
    fn a_step_that_decides_an_item_twice_undoes_to_the_start() {
        let mut s = Session::default();
        s.change(
            "twice",
            vec![decide(1, Mark::Confirmed), decide(1, Mark::Disputed)],
        );
        assert_eq!(s.review.mark(&key(1)), Some(Mark::Disputed));
        s.undo();
        assert_eq!(s.review.mark(&key(1)), None);
        s.redo();
        assert_eq!(s.review.mark(&key(1)), Some(Mark::Disputed));
    }
}
