//! Where each pane goes for a terminal size. The same function serves rendering and
//! `update` (mouse hits, page sizes, wrapping width), so they always agree.

use ratatui::layout::{Constraint, Layout, Rect};

/// The three panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    /// Events by date.
    Timeline,
    /// People, organisations, places.
    Actors,
    /// The article text.
    Source,
}

impl Pane {
    /// All panes, in focus order.
    pub const ALL: [Pane; 3] = [Pane::Timeline, Pane::Actors, Pane::Source];

    /// The pane's title.
    pub fn title(self) -> &'static str {
        match self {
            Pane::Timeline => "Timeline",
            Pane::Actors => "Actors",
            Pane::Source => "Source",
        }
    }
}

/// Smallest terminal that shows anything but the "too small" message.
pub const MIN_WIDTH: u16 = 24;
/// Smallest terminal height that shows a pane.
pub const MIN_HEIGHT: u16 = 6;

/// The rectangles of one screen; a hidden pane has none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// The timeline pane, borders included.
    pub timeline: Option<Rect>,
    /// The actor pane, borders included.
    pub actors: Option<Rect>,
    /// The source pane, borders included.
    pub source: Option<Rect>,
    /// The status line.
    pub status: Rect,
    /// The key hint line, when there is room.
    pub hints: Option<Rect>,
}

impl Areas {
    /// The area of `pane`, if shown.
    pub fn pane(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::Timeline => self.timeline,
            Pane::Actors => self.actors,
            Pane::Source => self.source,
        }
    }

    /// The visible panes, in focus order.
    pub fn visible(&self) -> impl Iterator<Item = Pane> + '_ {
        Pane::ALL.into_iter().filter(|&p| self.pane(p).is_some())
    }
}

/// A centred overlay (finder, help) at most `max_width` wide, leaving a margin around it.
pub fn overlay(screen: Rect, max_width: u16) -> Rect {
    let w = screen
        .width
        .saturating_sub(4)
        .clamp(screen.width.min(20), max_width);
    let h = screen.height.saturating_sub(2).max(3.min(screen.height));
    Rect {
        x: screen.x + (screen.width - w) / 2,
        y: screen.y + (screen.height - h) / 2,
        width: w,
        height: h,
    }
}

/// The inside of a bordered pane.
pub fn inner(area: Rect) -> Rect {
    area.inner(ratatui::layout::Margin::new(1, 1))
}

/// Lays out a screen of `size`: three columns from 120 columns, timeline and actors over the
/// source from 80×20, timeline over source when narrower, the source alone when smaller
/// still, and `None` (the "too small" message) below [`MIN_WIDTH`]×[`MIN_HEIGHT`].
pub fn areas(size: Rect) -> Option<Areas> {
    if size.width < MIN_WIDTH || size.height < MIN_HEIGHT {
        return None;
    }
    let hint_rows = u16::from(size.height >= 12);
    let [main, status, hints] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(hint_rows),
    ])
    .areas(size);
    let hints = (hint_rows > 0).then_some(hints);
    let (w, h) = (main.width, main.height);
    let (timeline, actors, source) = if w >= 120 {
        let [t, a, s] = Layout::horizontal([
            Constraint::Percentage(37),
            Constraint::Percentage(26),
            Constraint::Percentage(37),
        ])
        .areas(main);
        (Some(t), Some(a), Some(s))
    } else if w >= 80 && h >= 18 {
        let [top, s] =
            Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(main);
        let [t, a] =
            Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(top);
        (Some(t), Some(a), Some(s))
    } else if w >= 40 && h >= 12 {
        let [t, s] =
            Layout::vertical([Constraint::Percentage(40), Constraint::Percentage(60)]).areas(main);
        (Some(t), None, Some(s))
    } else {
        (None, None, Some(main))
    };
    Some(Areas {
        timeline,
        actors,
        source,
        status,
        hints,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(w: u16, h: u16) -> Option<Vec<Pane>> {
        areas(Rect::new(0, 0, w, h)).map(|a| a.visible().collect())
    }

    #[test]
    fn panes_hide_in_order_source_last() {
        use Pane::*;
        assert_eq!(shown(120, 40), Some(vec![Timeline, Actors, Source]));
        assert_eq!(shown(80, 24), Some(vec![Timeline, Actors, Source]));
        assert_eq!(shown(60, 24), Some(vec![Timeline, Source]));
        assert_eq!(shown(80, 15), Some(vec![Timeline, Source]));
        assert_eq!(shown(30, 10), Some(vec![Source]));
        assert_eq!(shown(23, 10), None);
        assert_eq!(shown(80, 5), None);
    }

    #[test]
    fn three_columns_side_by_side_when_wide() {
        let a = areas(Rect::new(0, 0, 120, 40)).unwrap();
        let (t, ac, s) = (a.timeline.unwrap(), a.actors.unwrap(), a.source.unwrap());
        assert_eq!((t.y, ac.y, s.y), (0, 0, 0));
        assert_eq!(t.width + ac.width + s.width, 120);
        assert_eq!(t.height, 38);
        assert_eq!(a.status.y, 38);
        assert_eq!(a.hints.unwrap().y, 39);
    }

    #[test]
    fn stacked_at_80_by_24() {
        let a = areas(Rect::new(0, 0, 80, 24)).unwrap();
        let (t, ac, s) = (a.timeline.unwrap(), a.actors.unwrap(), a.source.unwrap());
        assert_eq!(t.y, ac.y);
        assert_eq!(s.y, t.y + t.height);
        assert_eq!(s.width, 80);
        assert_eq!(t.height + s.height, 22);
    }
}
