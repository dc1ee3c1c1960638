//! Back and forward through the selection history, like a browser.

use crate::app::layout::Pane;
use crate::app::source::Mark;

/// What is selected across the panes, as restored by back and forward.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// The focused pane.
    pub focus: Pane,
    /// The actor filtering the timeline.
    pub filter: Option<u32>,
    /// The timeline entry under the cursor.
    pub entry: Option<u32>,
    /// The actor under the cursor.
    pub actor: Option<u32>,
    /// The article in the source pane.
    pub article: Option<usize>,
    /// The highlight in the source pane.
    pub mark: Option<Mark>,
    /// The source pane's first visible line.
    pub top: usize,
}

/// Most selections remembered.
const DEPTH: usize = 200;

/// Selections before and after the current one.
#[derive(Debug, Clone, Default)]
pub struct History {
    back: Vec<Selection>,
    forward: Vec<Selection>,
}

impl History {
    /// Remembers `current` before a jump; the forward list is dropped.
    pub fn push(&mut self, current: Selection) {
        if self.back.last() != Some(&current) {
            self.back.push(current);
            if self.back.len() > DEPTH {
                self.back.remove(0);
            }
        }
        self.forward.clear();
    }

    /// The selection to go back to, remembering `current` for going forward.
    pub fn back(&mut self, current: Selection) -> Option<Selection> {
        let previous = self.back.pop()?;
        self.forward.push(current);
        Some(previous)
    }

    /// The selection to go forward to, remembering `current` for going back.
    pub fn forward(&mut self, current: Selection) -> Option<Selection> {
        let next = self.forward.pop()?;
        self.back.push(current);
        Some(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sel(entry: u32) -> Selection {
        Selection {
            focus: Pane::Timeline,
            filter: None,
            entry: Some(entry),
            actor: None,
            article: None,
            mark: None,
            top: 0,
        }
    }

    #[test]
    fn back_and_forward() {
        let mut h = History::default();
        h.push(sel(1));
        h.push(sel(2));
        assert_eq!(h.back(sel(3)), Some(sel(2)));
        assert_eq!(h.back(sel(2)), Some(sel(1)));
        assert_eq!(h.back(sel(1)), None);
        assert_eq!(h.forward(sel(1)), Some(sel(2)));
        assert_eq!(h.forward(sel(2)), Some(sel(3)));
        assert_eq!(h.forward(sel(3)), None);
        h.back(sel(3));
        h.push(sel(9));
        assert_eq!(h.forward(sel(9)), None, "a jump drops the forward list");
    }
}
