//! The prompt overlay: a line of text to type (a note, a date, a name, a file) and, for
//! pickers, a list of choices narrowed as one types (actors by fuzzy match, or the names an
//! actor is written under).

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};
use unicode_width::UnicodeWidthChar;

use crate::app::View;
use crate::app::catalog::Catalog;
use crate::app::input::TextInput;
use crate::app::list::Scroll;
use crate::app::text::{ellipsize, pad};
use crate::extract::actors::LocalActor;
use crate::index::ItemRef;
use crate::review::Target;

/// What the prompt is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    /// The note of an item.
    Note(Target),
    /// A new speaker for a quotation.
    Speaker(ItemRef),
    /// The publication date of an article.
    Date(usize),
    /// The actor to merge an actor into.
    Merge(u32),
    /// A new name for an actor.
    Rename(u32),
    /// The name to split off an actor.
    Split(u32),
    /// The file to export a report to.
    Export,
    /// A date to move the timeline to.
    GoTo,
}

impl Purpose {
    /// True when the prompt offers choices.
    pub fn picks(&self) -> bool {
        matches!(
            self,
            Purpose::Speaker(_) | Purpose::Merge(_) | Purpose::Split(_)
        )
    }
}

/// One choice of a picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// An existing actor.
    Actor(u32),
    /// A new actor with this name.
    NewActor(String),
    /// A name an actor is written under.
    Name(String),
}

/// Most choices listed.
const MAX_CHOICES: usize = 200;

/// The prompt's state.
#[derive(Debug, Clone)]
pub struct Prompt {
    /// What it is for.
    pub purpose: Purpose,
    /// Its title.
    pub title: String,
    /// What to type, in a few words.
    pub hint: String,
    /// The text typed.
    pub input: TextInput,
    /// The choices that match the text, with their label and detail.
    pub choices: Vec<(Choice, String, String)>,
    /// Cursor over the choices.
    pub list: Scroll,
    /// What was wrong with the last attempt to accept.
    pub error: Option<String>,
}

impl Prompt {
    /// A prompt for `purpose` with `text` typed already.
    pub fn new(purpose: Purpose, title: String, hint: &str, text: &str) -> Prompt {
        Prompt {
            purpose,
            title,
            hint: hint.to_string(),
            input: TextInput {
                text: text.to_string(),
                cursor: text.chars().count(),
            },
            choices: Vec::new(),
            list: Scroll::default(),
            error: None,
        }
    }

    /// The choice under the cursor.
    pub fn selected(&self) -> Option<&Choice> {
        self.choices.get(self.list.cursor).map(|(c, _, _)| c)
    }

    /// Lists the choices that match the text typed.
    pub fn refresh(&mut self, catalog: &Catalog) {
        let text = self.input.text.trim();
        let actors = &catalog.index.actors;
        self.choices = match self.purpose {
            Purpose::Speaker(_) | Purpose::Merge(_) => {
                let except = match self.purpose {
                    Purpose::Merge(a) => Some(a),
                    _ => None,
                };
                let matcher = SkimMatcherV2::default();
                let mut scored: Vec<(i64, u32)> = (0..actors.len() as u32)
                    .filter(|&a| Some(a) != except)
                    .filter_map(|a| {
                        let actor = &actors[a as usize];
                        if text.is_empty() {
                            return Some((0, a));
                        }
                        std::iter::once(&actor.name)
                            .chain(&actor.aliases)
                            .filter_map(|n| matcher.fuzzy_match(n, text))
                            .max()
                            .map(|s| (s, a))
                    })
                    .collect();
                scored.sort_by_key(|&(s, a)| {
                    (
                        std::cmp::Reverse(s),
                        std::cmp::Reverse(actors[a as usize].mentions),
                        a,
                    )
                });
                let exact = actors.iter().any(|x| x.is_called(text));
                let mut choices: Vec<(Choice, String, String)> = scored
                    .into_iter()
                    .take(MAX_CHOICES)
                    .map(|(_, a)| {
                        let x = &actors[a as usize];
                        let detail = format!(
                            "{} · {} mentions · {} quotations",
                            x.kind.label(),
                            x.mentions,
                            x.quotes
                        );
                        (Choice::Actor(a), x.name.to_string(), detail)
                    })
                    .collect();
                if matches!(self.purpose, Purpose::Speaker(_)) && !text.is_empty() && !exact {
                    choices.push((
                        Choice::NewActor(text.to_string()),
                        format!("+ new actor “{text}”"),
                        "person".into(),
                    ));
                }
                choices
            }
            Purpose::Split(a) => {
                let mut names: Vec<(String, usize)> = Vec::new();
                if let Some(actor) = actors.get(a as usize) {
                    for l in &actor.locals {
                        let Some((_, local)) = catalog.item::<LocalActor>(*l) else {
                            continue;
                        };
                        match names
                            .iter_mut()
                            .find(|(n, _)| n.eq_ignore_ascii_case(&local.name))
                        {
                            Some((_, count)) => *count += 1,
                            None => names.push((local.name.to_string(), 1)),
                        }
                    }
                }
                let folded = text.to_lowercase();
                names
                    .into_iter()
                    .filter(|(n, _)| n.to_lowercase().contains(&folded))
                    .map(|(n, count)| {
                        let detail =
                            format!("{count} article{}", if count == 1 { "" } else { "s" });
                        (Choice::Name(n.clone()), n, detail)
                    })
                    .collect()
            }
            _ => Vec::new(),
        };
        self.list.set_len(self.choices.len());
        self.list.select(0);
    }

    /// The overlay's rectangle within the screen.
    pub fn area(&self, screen: Rect) -> Rect {
        let full = crate::app::layout::overlay(screen, 90);
        if self.purpose.picks() {
            return full;
        }
        let inner_w = full.width.saturating_sub(2).max(1) as usize;
        let rows = rows(&self.input.text, inner_w).len().clamp(1, 8) as u16;
        let h = (rows + 4).min(full.height);
        Rect {
            y: screen.y + (screen.height.saturating_sub(h)) / 2,
            height: h,
            ..full
        }
    }

    /// Rows of choices visible in the overlay on `screen`.
    pub fn choice_rows(&self, screen: Rect) -> usize {
        self.area(screen).height.saturating_sub(5) as usize
    }

    /// Draws the overlay.
    pub fn draw(&self, frame: &mut Frame, screen: Rect, view: &View) {
        let theme = view.theme;
        let area = self.area(screen);
        frame.render_widget(Clear, area);
        let block = Block::bordered()
            .border_type(BorderType::Thick)
            .border_style(theme.focused_border())
            .title(format!(" {} ", self.title));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        if inner.height == 0 || inner.width == 0 {
            return;
        }
        let w = inner.width as usize;
        // The text, wrapped by columns, with the cursor placed in it.
        let text_rows = rows(&self.input.text, w);
        let max_rows = if self.purpose.picks() {
            1
        } else {
            inner.height.saturating_sub(2).max(1) as usize
        };
        let cursor = self.input.cursor_byte();
        let cursor_row = text_rows
            .iter()
            .rposition(|r| r.start <= cursor)
            .unwrap_or(0);
        let first = cursor_row.saturating_sub(max_rows - 1);
        let shown: Vec<Line> = text_rows[first..]
            .iter()
            .take(max_rows)
            .map(|r| Line::raw(self.input.text[r.clone()].to_string()))
            .collect();
        let used = shown.len().max(1) as u16;
        frame.render_widget(
            Paragraph::new(shown),
            Rect {
                height: used,
                ..inner
            },
        );
        let row = &text_rows[cursor_row];
        let col: usize = self.input.text[row.start..cursor]
            .chars()
            .map(|c| c.width().unwrap_or(0))
            .sum();
        let x = inner.x + (col as u16).min(inner.width.saturating_sub(1));
        frame.set_cursor_position((x, inner.y + (cursor_row - first) as u16));
        let mut y = inner.y + used;
        let info = match &self.error {
            Some(e) => Line::styled(ellipsize(e, w), theme.warning()),
            None => Line::styled(ellipsize(&self.hint, w), theme.muted()),
        };
        if y < inner.bottom() {
            frame.render_widget(
                Paragraph::new(info),
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
            );
            y += 1;
        }
        if !self.purpose.picks() || y >= inner.bottom() {
            return;
        }
        let list = Rect {
            y: y + 1,
            height: inner.bottom().saturating_sub(y + 1),
            ..inner
        };
        if self.choices.is_empty() {
            frame.render_widget(
                Paragraph::new("No choice matches.").style(theme.muted()),
                list,
            );
            return;
        }
        let name_w = (w * 3 / 5).max(1);
        let lines: Vec<Line> = self
            .list
            .visible()
            .map(|i| {
                let (_, label, detail) = &self.choices[i];
                let line = Line::from(vec![
                    Span::raw(pad(label, name_w)),
                    Span::raw(" "),
                    Span::styled(
                        ellipsize(detail, w.saturating_sub(name_w + 1)),
                        theme.muted(),
                    ),
                ]);
                if i == self.list.cursor {
                    line.style(theme.selected())
                } else {
                    line
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), list);
    }
}

/// `text` cut into rows of at most `width` columns (by characters; an empty text is one
/// empty row), as byte ranges.
pub fn rows(text: &str, width: usize) -> Vec<std::ops::Range<usize>> {
    let width = width.max(1);
    let mut out = Vec::new();
    let (mut start, mut used) = (0, 0);
    for (i, c) in text.char_indices() {
        let cw = c.width().unwrap_or(0);
        if used + cw > width && used > 0 {
            out.push(start..i);
            start = i;
            used = 0;
        }
        used += cw;
    }
    out.push(start..text.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_cut_by_columns() {
        let text = "Checked against the transcript";
        let cut: Vec<&str> = rows(text, 10).into_iter().map(|r| &text[r]).collect();
        assert_eq!(cut, vec!["Checked ag", "ainst the ", "transcript"]);
        assert_eq!(rows("", 10), vec![0..0]);
        assert_eq!(rows("日本語", 4), vec![0..6, 6..9]);
    }
}
