//! The timeline pane: one row per event, grouped under month headers, filtered by actor.
//! Only the visible rows are turned into text.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::View;
use crate::app::catalog::{Catalog, date_label, group_label};
use crate::app::list::Scroll;
use crate::app::review::cell;
use crate::app::text::{ellipsize, pad, width};
use crate::extract::events::EventKind;
use crate::extract::time::{Granularity, Interval};
use crate::review::{Target, excerpt};

/// A row of the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A group header, labelled after the entry that follows it.
    Header(u32),
    /// A timeline entry.
    Entry(u32),
}

/// The timeline's rows and cursor.
#[derive(Debug, Clone, Default)]
pub struct Timeline {
    /// Headers and entries, in date order.
    pub rows: Vec<Row>,
    /// Cursor and scroll over `rows`.
    pub list: Scroll,
    /// Number of entries among `rows`.
    pub entries: usize,
    /// Which entries the review filter shows (all when `None`).
    pub only: Option<Vec<bool>>,
}

/// Which header an entry falls under: equal keys share a header.
fn group_key(date: Option<Interval>, granularity: Option<Granularity>) -> (i32, u32) {
    use chrono::Datelike;
    let Some(d) = date.map(|d| d.start) else {
        return (i32::MAX, 0);
    };
    match granularity.unwrap_or(Granularity::Day) {
        Granularity::Day | Granularity::Week | Granularity::Month => (d.year(), d.month()),
        Granularity::Quarter | Granularity::Year => (d.year(), 0),
        Granularity::Decade => (d.year() - d.year().rem_euclid(10), 13),
    }
}

/// Short name of an event kind.
pub fn kind_label(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Statement => "said",
        EventKind::Event => "event",
        EventKind::Publication => "pub",
    }
}

impl Timeline {
    /// Rebuilds the rows for the entries involving `actor` (all entries when `None`); the
    /// cursor goes to the first entry.
    pub fn rebuild(&mut self, catalog: &Catalog, actor: Option<u32>) {
        self.rows.clear();
        let mut last = None;
        for (i, entry) in catalog.index.timeline.iter().enumerate() {
            if actor.is_some_and(|a| !entry.actors.contains(&a))
                || self
                    .only
                    .as_ref()
                    .is_some_and(|o| !o.get(i).copied().unwrap_or(true))
            {
                continue;
            }
            let key = group_key(entry.date, entry.granularity);
            if last != Some(key) {
                self.rows.push(Row::Header(i as u32));
                last = Some(key);
            }
            self.rows.push(Row::Entry(i as u32));
        }
        self.entries = self.rows.len()
            - self
                .rows
                .iter()
                .filter(|r| matches!(r, Row::Header(_)))
                .count();
        self.list.set_len(self.rows.len());
        self.list.select(0);
        self.step(0);
    }

    /// The entry under the cursor.
    pub fn selected(&self) -> Option<u32> {
        match self.rows.get(self.list.cursor)? {
            Row::Entry(e) => Some(*e),
            Row::Header(_) => None,
        }
    }

    /// Moves the cursor to entry `entry`, a third of the way down the view when it was out
    /// of view; false when it is not shown.
    pub fn select_entry(&mut self, entry: u32) -> bool {
        match self.rows.iter().position(|r| *r == Row::Entry(entry)) {
            Some(row) => {
                // A third of the way down when it was out of view, then selected.
                self.list.reveal(row);
                self.list.select(row);
                true
            }
            None => false,
        }
    }

    /// The first entry shown that starts on or after `date`, with true; else the last dated
    /// entry shown, with false; `None` when no entry shown has a date. Rows are in date
    /// order, undated last, so this is a binary search.
    pub fn first_from(&self, catalog: &Catalog, date: chrono::NaiveDate) -> Option<(u32, bool)> {
        let start = |row: &Row| {
            let (Row::Header(e) | Row::Entry(e)) = *row;
            catalog.index.timeline[e as usize].date.map(|d| d.start)
        };
        let at = self
            .rows
            .partition_point(|r| start(r).is_some_and(|d| d < date));
        let entry_at = |row: usize| match self.rows.get(row) {
            Some(Row::Entry(e)) if start(&self.rows[row]).is_some() => Some(*e),
            _ => None,
        };
        if let Some(e) = (at..self.rows.len()).take(2).find_map(entry_at) {
            return Some((e, true));
        }
        (0..at).rev().take(2).find_map(entry_at).map(|e| (e, false))
    }

    /// Moves the cursor by `delta` rows, stepping over headers.
    pub fn step(&mut self, delta: isize) {
        self.list.step(delta);
        let forward = delta >= 0;
        if matches!(self.rows.get(self.list.cursor), Some(Row::Header(_))) {
            let at_start = self.list.cursor == 0;
            self.list.step(if forward || at_start { 1 } else { -1 });
            if matches!(self.rows.get(self.list.cursor), Some(Row::Header(_))) {
                self.list.step(1);
            }
        }
    }

    /// Moves the cursor to the entry on screen row `y` of the list, if any.
    pub fn click(&mut self, y: usize) {
        let row = self.list.offset + y;
        if matches!(self.rows.get(row), Some(Row::Entry(_))) {
            self.list.select(row);
        }
    }

    /// Draws the visible rows into `area` (the inside of the pane).
    pub fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let w = area.width as usize;
        let lines: Vec<Line> = self
            .list
            .visible()
            .map(|r| self.row_line(r, w, view))
            .collect();
        if lines.is_empty() {
            let msg = if view.filtered {
                "No events involve this actor."
            } else {
                "No events in this corpus."
            };
            frame.render_widget(Paragraph::new(msg).style(view.theme.muted()), area);
            return;
        }
        frame.render_widget(Paragraph::new(lines), area);
    }

    fn row_line(&self, row: usize, w: usize, view: &View) -> Line<'static> {
        let theme = view.theme;
        let catalog = view.catalog;
        let timeline = &catalog.index.timeline;
        match self.rows[row] {
            Row::Header(e) => {
                let entry = &timeline[e as usize];
                let label = group_label(entry.date, entry.granularity);
                Line::styled(ellipsize(&format!("── {label} "), w), theme.heading())
            }
            Row::Entry(e) => {
                let entry = &timeline[e as usize];
                let event = catalog.entry_event(entry);
                let approximate = event.as_ref().is_some_and(|(_, ev)| ev.approximate);
                let date = entry.date.map_or_else(
                    || "undated".to_string(),
                    |d| date_label(d, entry.granularity, approximate),
                );
                let label = event
                    .and_then(|(a, ev)| {
                        let article = catalog.article(a)?;
                        let label = ev.label_text(&article.text);
                        // A publication date given by hand has no text: the headline.
                        if label.is_empty() {
                            return article.title().map(|t| one_line(t, (false, false)));
                        }
                        Some(one_line(label, ev.label_cuts(&article.text)))
                    })
                    .unwrap_or_default();
                let names: Vec<&str> = entry
                    .actors
                    .iter()
                    .filter_map(|&a| catalog.index.actors.get(a as usize))
                    .map(|a| a.name.as_str())
                    .collect();
                let sources = entry.sources.len();
                let count = if sources > 1 {
                    format!(" {sources} src")
                } else {
                    String::new()
                };
                let fixed = 2 + 12 + 6 + width(&count);
                let room = w.saturating_sub(fixed);
                let actors = if room >= 30 {
                    ellipsize(&names.join(", "), (room / 3).min(24))
                } else {
                    String::new()
                };
                let label_room =
                    room.saturating_sub(width(&actors) + usize::from(!actors.is_empty()));
                let selected = row == self.list.cursor;
                let decision = catalog
                    .keys
                    .decision(&catalog.index, view.review, Target::Entry(e));
                let mut spans = vec![
                    cell(decision, theme),
                    Span::styled(pad(&date, 12), theme.muted()),
                    Span::styled(pad(kind_label(entry.kind), 6), theme.muted()),
                    Span::raw(pad(&ellipsize(&label, label_room), label_room)),
                ];
                if !actors.is_empty() {
                    spans.push(Span::raw(" "));
                    spans.push(Span::styled(actors, theme.marked()));
                }
                spans.push(Span::styled(count, theme.muted()));
                let line = Line::from(spans);
                match (selected, view.focused) {
                    (true, true) => line.style(theme.selected()),
                    (true, false) => line.style(theme.selected_unfocused()),
                    _ => line,
                }
            }
        }
    }
}

/// `text` on one line, with "…" where the label leaves out text before or after it.
fn one_line(text: &str, (before, after): (bool, bool)) -> String {
    let mark = |cut: bool| if cut { "…" } else { "" };
    format!(
        "{}{}{}",
        mark(before),
        excerpt(text, usize::MAX),
        mark(after)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selecting_an_entry_out_of_view_puts_it_a_third_down() {
        let mut t = Timeline {
            rows: (0..100).map(Row::Entry).collect(),
            list: Scroll::new(100),
            entries: 100,
            only: None,
        };
        t.list.set_height(30);
        assert!(t.select_entry(60));
        assert_eq!((t.list.cursor, t.list.offset), (60, 50));
        // In view already: the view stays.
        assert!(t.select_entry(70));
        assert_eq!((t.list.cursor, t.list.offset), (70, 50));
        assert!(!t.select_entry(100));
    }

    #[test]
    fn a_label_on_one_line_marks_what_it_leaves_out() {
        assert_eq!(
            one_line("the Miami meeting\n on  December 20-21", (true, false)),
            "…the Miami meeting on December 20-21"
        );
        assert_eq!(
            one_line("“We have called", (false, true)),
            "“We have called…"
        );
        assert_eq!(one_line("", (false, false)), "");
    }
}
