//! The actor pane: one row per corpus actor, sorted by mentions or name, filtered by typing.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::View;
use crate::app::catalog::Catalog;
use crate::app::input::TextInput;
use crate::app::list::Scroll;
use crate::app::review::cell;
use crate::app::text::{ellipsize, pad, width};
use crate::extract::actors::ActorKind;
use crate::review::Target;
use crate::search::words;

/// How the actor list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Most mentioned first, other named things (kind "other") after every actor.
    #[default]
    Mentions,
    /// Alphabetical.
    Name,
}

/// The actor list: order, filter, cursor, and the actors to mark.
#[derive(Debug, Clone, Default)]
pub struct Actors {
    /// Every actor in the current sort order.
    sorted: Vec<u32>,
    /// The actors shown: `sorted` filtered by `filter`.
    pub rows: Vec<u32>,
    /// Cursor and scroll over `rows`.
    pub list: Scroll,
    /// The current order.
    pub sort: Sort,
    /// The filter text.
    pub filter: TextInput,
    /// True while the filter is being typed.
    pub typing: bool,
    /// Actors involved in the selected event, ascending.
    pub marked: Vec<u32>,
    /// Which actors the review filter shows (all when `None`).
    pub only: Option<Vec<bool>>,
}

/// Short name of an actor kind.
pub fn kind_label(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "person",
        ActorKind::Organisation => "org",
        ActorKind::Place => "place",
        ActorKind::Unnamed => "unnamed",
        ActorKind::Other => "other",
    }
}

/// Widths of the name, kind and role columns in `room` columns: the name comes first, the
/// kind and role only when there is room for them.
fn columns(room: usize) -> (usize, usize, usize) {
    if room >= 44 {
        let name = room * 45 / 100;
        (name, 8, room - name - 8)
    } else if room >= 22 {
        (room - 8, 8, 0)
    } else {
        (room, 0, 0)
    }
}

/// True when every word of `filter` (folded) occurs in `name` with its letters in order.
fn passes(filter: &[String], name: &str) -> bool {
    let name = words::fold(name);
    filter.iter().all(|w| {
        let mut chars = name.chars();
        w.chars().all(|c| chars.any(|n| n == c))
    })
}

impl Actors {
    /// Sorts every actor of the catalog and applies the filter.
    pub fn rebuild(&mut self, catalog: &Catalog) {
        let actors = &catalog.index.actors;
        self.sorted = (0..actors.len() as u32).collect();
        match self.sort {
            // Actors before other named things (nationalities, events), each most mentioned
            // first.
            Sort::Mentions => self.sorted.sort_by_key(|&a| {
                let actor = &actors[a as usize];
                (
                    actor.kind == ActorKind::Other,
                    std::cmp::Reverse(actor.mentions),
                )
            }),
            Sort::Name => self
                .sorted
                .sort_by_cached_key(|&a| words::fold(&actors[a as usize].name)),
        }
        self.refilter(catalog);
    }

    /// Applies the filter to the sorted actors, keeping the cursor on the same actor if shown.
    pub fn refilter(&mut self, catalog: &Catalog) {
        let current = self.selected();
        let filter: Vec<String> = self
            .filter
            .text
            .split_whitespace()
            .map(words::fold)
            .collect();
        let actors = &catalog.index.actors;
        self.rows = self
            .sorted
            .iter()
            .copied()
            .filter(|&a| filter.is_empty() || passes(&filter, &actors[a as usize].name))
            .filter(|&a| {
                self.only
                    .as_ref()
                    .is_none_or(|o| o.get(a as usize).copied().unwrap_or(true))
            })
            .collect();
        self.list.set_len(self.rows.len());
        match current.and_then(|c| self.rows.iter().position(|&r| r == c)) {
            Some(row) => self.list.select(row),
            None => self.list.select(0),
        }
    }

    /// The actor under the cursor.
    pub fn selected(&self) -> Option<u32> {
        self.rows.get(self.list.cursor).copied()
    }

    /// Moves the cursor to `actor`; false when it is filtered out.
    pub fn select_actor(&mut self, actor: u32) -> bool {
        match self.rows.iter().position(|&r| r == actor) {
            Some(row) => {
                self.list.select(row);
                true
            }
            None => false,
        }
    }

    /// Draws the filter line (when filtering) and the visible rows into `area`.
    pub fn draw(&self, frame: &mut Frame, mut area: Rect, view: &View, chosen: Option<u32>) {
        let theme = view.theme;
        if self.typing || !self.filter.text.is_empty() {
            let line = Line::from(vec![
                Span::styled("filter: ", theme.muted()),
                Span::raw(self.filter.text.clone()),
            ]);
            frame.render_widget(Paragraph::new(line), Rect { height: 1, ..area });
            if self.typing {
                let x = area.x + 8 + width(&self.filter.text[..self.filter.cursor_byte()]) as u16;
                frame.set_cursor_position((x.min(area.right().saturating_sub(1)), area.y));
            }
            area.y += 1;
            area.height = area.height.saturating_sub(1);
        }
        if self.rows.is_empty() {
            let msg = if view.catalog.index.actors.is_empty() {
                "No actors in this corpus."
            } else {
                "No actor matches the filter."
            };
            frame.render_widget(Paragraph::new(msg).style(theme.muted()), area);
            return;
        }
        let w = area.width as usize;
        let actors = &view.catalog.index.actors;
        let counts_of = |a: u32| {
            let actor = &actors[a as usize];
            format!("{}/{}/{}", actor.mentions, actor.quotes, actor.articles)
        };
        // One width for the counts of every visible row, so the columns line up.
        let counts_w = self
            .list
            .visible()
            .map(|row| width(&counts_of(self.rows[row])))
            .max()
            .unwrap_or(0);
        let (name_w, kind_w, role_w) = columns(w.saturating_sub(5 + counts_w));
        let catalog = view.catalog;
        let lines: Vec<Line> = self
            .list
            .visible()
            .map(|row| {
                let a = self.rows[row];
                let actor = &actors[a as usize];
                let marker = if chosen == Some(a) {
                    "▶ "
                } else if self.marked.binary_search(&a).is_ok() {
                    "● "
                } else {
                    "  "
                };
                let counts = format!(" {:>counts_w$}", counts_of(a));
                let role = view.catalog.main_role(a as usize).unwrap_or("");
                let name_style = if self.marked.binary_search(&a).is_ok() || chosen == Some(a) {
                    theme.marked()
                } else {
                    ratatui::style::Style::new()
                };
                let decision = catalog
                    .keys
                    .decision(&catalog.index, view.review, Target::Actor(a));
                let line = Line::from(vec![
                    Span::styled(marker, theme.marked()),
                    cell(decision, theme),
                    Span::styled(pad(&actor.name, name_w.saturating_sub(1)), name_style),
                    Span::raw(if name_w > 0 { " " } else { "" }),
                    Span::styled(pad(kind_label(actor.kind), kind_w), theme.muted()),
                    Span::raw(pad(&ellipsize(role, role_w.saturating_sub(1)), role_w)),
                    Span::styled(counts, theme.muted()),
                ]);
                match (row == self.list.cursor, view.focused) {
                    (true, true) => line.style(theme.selected()),
                    (true, false) => line.style(theme.selected_unfocused()),
                    _ => line,
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), area);
    }

    /// Rows of the list area used by the filter line.
    pub fn header_rows(&self) -> usize {
        usize::from(self.typing || !self.filter.text.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_words_match_letters_in_order() {
        let f = |s: &str| s.split_whitespace().map(words::fold).collect::<Vec<_>>();
        assert!(passes(&f("rub"), "Marco Rubio"));
        assert!(passes(&f("mr rbo"), "Marco Rubio"));
        assert!(!passes(&f("witkoff"), "Marco Rubio"));
        assert!(passes(&f("zel"), "Volodymyr Zelenskyy"));
    }
}
