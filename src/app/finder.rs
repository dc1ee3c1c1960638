//! The quotation finder overlay: the query being typed, the latest results (searches run on
//! a worker; see [`crate::app::jobs`]), and the result list with matched characters marked.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthChar;

use crate::app::View;
use crate::app::input::TextInput;
use crate::app::list::Scroll;
use crate::app::review::cell;
use crate::app::status::thousands;
use crate::app::text::{pad, width};
use crate::review::Target;
use crate::search::highlight::highlights;
use crate::search::{Found, Query};

/// The finder's state. It stays alive when closed, so reopening shows the last query.
#[derive(Debug, Clone, Default)]
pub struct Finder {
    /// True while the overlay is shown.
    pub open: bool,
    /// True once the worker's index is built.
    pub ready: bool,
    /// The query as typed.
    pub input: TextInput,
    /// The query as parsed, for highlighting.
    pub query: Query,
    /// Generation of the latest query sent to the worker.
    pub generation: u64,
    /// Generation of the results shown.
    pub shown: u64,
    /// The results shown.
    pub found: Found,
    /// Cursor and scroll over the results.
    pub list: Scroll,
}

impl Finder {
    /// Starts a new query generation for the current input; returns its number.
    pub fn next_generation(&mut self) -> u64 {
        self.generation += 1;
        self.query = Query::parse(&self.input.text);
        self.generation
    }

    /// Forgets the results (they name quotations of a catalog that was rebuilt) and waits
    /// for the new worker; results still on their way from the old one are refused.
    pub fn reset(&mut self) {
        self.ready = false;
        self.generation += 1;
        self.shown = self.generation;
        self.found = Found::default();
        self.list.set_len(0);
    }

    /// Takes results for `generation` unless newer ones are shown already.
    pub fn accept(&mut self, generation: u64, found: Found) {
        if generation < self.shown {
            return;
        }
        let fresh = generation != self.shown;
        self.shown = generation;
        self.found = found;
        self.list.set_len(self.found.hits.len());
        if fresh {
            self.list.select(0);
        }
    }

    /// True while the results shown are not the final ones for the query typed.
    pub fn searching(&self) -> bool {
        self.shown != self.generation || !self.found.done
    }

    /// The quotation under the cursor.
    pub fn selected(&self) -> Option<u32> {
        self.found.hits.get(self.list.cursor).map(|h| h.id)
    }

    /// The overlay's rectangle within the screen.
    pub fn area(screen: Rect) -> Rect {
        crate::app::layout::overlay(screen, 120)
    }

    /// Rows of results visible in an overlay of `area`.
    pub fn result_rows(area: Rect) -> usize {
        area.height.saturating_sub(4) as usize
    }

    /// Draws the overlay over the screen.
    pub fn draw(&self, frame: &mut Frame, screen: Rect, view: &View) {
        let theme = view.theme;
        let area = Self::area(screen);
        frame.render_widget(Clear, area);
        let block = Block::bordered()
            .border_type(ratatui::widgets::BorderType::Thick)
            .border_style(theme.focused_border())
            .title(" Find quotations ");
        let inner = block.inner(area);
        frame.render_widget(block, area);
        if inner.height == 0 {
            return;
        }
        let w = inner.width as usize;
        let prompt = Line::from(vec![
            Span::styled("> ", theme.key()),
            Span::raw(self.input.text.clone()),
        ]);
        frame.render_widget(Paragraph::new(prompt), Rect { height: 1, ..inner });
        let cx = inner.x + 2 + width(&self.input.text[..self.input.cursor_byte()]) as u16;
        frame.set_cursor_position((cx.min(inner.right().saturating_sub(1)), inner.y));
        if inner.height < 2 {
            return;
        }
        let status = if !self.ready {
            "indexing quotations…".to_string()
        } else {
            let n = self.found.hits.len();
            let total = self.found.total;
            let noun = if total == 1 {
                "quotation"
            } else {
                "quotations"
            };
            let mut s = if n < total {
                format!("best {} of {} {noun}", thousands(n), thousands(total))
            } else {
                format!("{} {noun}", thousands(total))
            };
            if self.searching() {
                s.push_str(" · searching…");
            }
            s
        };
        let syntax = "  ·  words fuzzy, 'exact, @speaker";
        let status_line = Line::from(vec![
            Span::styled(status, theme.muted()),
            Span::styled(syntax, theme.muted()),
        ]);
        frame.render_widget(
            Paragraph::new(status_line),
            Rect {
                y: inner.y + 1,
                height: 1,
                ..inner
            },
        );
        let rows = Rect {
            y: inner.y + 2,
            height: inner.height.saturating_sub(2),
            ..inner
        };
        let catalog = view.catalog;
        let lines: Vec<Line> = self
            .list
            .visible()
            .map(|row| {
                let id = self.found.hits[row].id;
                let Some((a, q)) = catalog.quote(id) else {
                    return Line::raw("");
                };
                let speaker = catalog.speaker(a, &q).unwrap_or("(unknown)");
                let date = catalog
                    .article(a)
                    .and_then(|art| art.date())
                    .map_or("undated".to_string(), |d| d.to_string());
                let text = catalog.article(a).map_or("", |art| q.span.text(&art.text));
                let speaker_w = (w / 5).clamp(8, 24);
                let r = catalog.quotes[id as usize];
                let decision = catalog
                    .keys
                    .decision(&catalog.index, view.review, Target::Quote(r));
                let mut spans = vec![cell(decision, theme)];
                spans.extend(fit(
                    speaker,
                    &highlights(&self.query, speaker, true),
                    speaker_w,
                    theme.marked(),
                    theme.matched(),
                ));
                spans.push(Span::styled(format!(" {} ", pad(&date, 10)), theme.muted()));
                let room = w.saturating_sub(speaker_w + 14);
                spans.extend(fit(
                    text,
                    &highlights(&self.query, text, false),
                    room,
                    Style::new(),
                    theme.matched(),
                ));
                let line = Line::from(spans);
                if row == self.list.cursor {
                    line.style(theme.selected())
                } else {
                    line
                }
            })
            .collect();
        if lines.is_empty() && self.ready && !self.searching() {
            frame.render_widget(
                Paragraph::new("No quotation matches.").style(theme.muted()),
                rows,
            );
        } else {
            frame.render_widget(Paragraph::new(lines), rows);
        }
    }
}

/// `text` in exactly `cols` columns with `marks` styled: whitespace runs become one space,
/// and when the first mark lies beyond the middle, the start is cut ("…") to show it.
pub fn fit(
    text: &str,
    marks: &[Range<usize>],
    cols: usize,
    base: Style,
    marked: Style,
) -> Vec<Span<'static>> {
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(text.len());
    let mut last_space = true;
    for (i, c) in text.char_indices() {
        let space = c.is_whitespace() || c.is_control();
        if space && last_space {
            continue;
        }
        chars.push((i, if space { ' ' } else { c }));
        last_space = space;
    }
    let col = |c: char| c.width().unwrap_or(0);
    let mut start = 0;
    if let Some(first) = marks.first() {
        let before: usize = chars
            .iter()
            .take_while(|(i, _)| *i < first.start)
            .map(|&(_, c)| col(c))
            .sum();
        if before > cols / 2 {
            let mut skip = before - cols / 4;
            while start < chars.len() && skip > 0 {
                skip = skip.saturating_sub(col(chars[start].1));
                start += 1;
            }
        }
    }
    let mut out: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    let push = |s: String, style: Style, out: &mut Vec<Span<'static>>| match out.last_mut() {
        Some(last) if last.style == style => last.content.to_mut().push_str(&s),
        _ => out.push(Span::styled(s, style)),
    };
    if start > 0 && cols > 0 {
        push("…".into(), base, &mut out);
        used += 1;
    }
    let mut remaining: usize = chars[start..].iter().map(|&(_, c)| col(c)).sum();
    for &(i, c) in &chars[start..] {
        let cw = col(c);
        if used + remaining > cols && used + cw + 1 > cols {
            if used < cols {
                push("…".into(), base, &mut out);
                used += 1;
            }
            break;
        }
        let style = if marks.iter().any(|r| r.contains(&i)) {
            marked
        } else {
            base
        };
        push(c.to_string(), style, &mut out);
        used += cw;
        remaining -= cw;
    }
    if used < cols {
        push(" ".repeat(cols - used), Style::new(), &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str, marks: &[Range<usize>], cols: usize) -> (String, Vec<String>) {
        let spans = fit(text, marks, cols, Style::new(), Style::new().bold());
        let all: String = spans.iter().map(|s| s.content.as_ref()).collect();
        let bold = spans
            .iter()
            .filter(|s| s.style == Style::new().bold())
            .map(|s| s.content.to_string())
            .collect();
        (all, bold)
    }

    #[test]
    fn fits_and_marks() {
        assert_eq!(
            shown("drag this out", &[0..4, 20..20], 15),
            ("drag this out  ".into(), vec!["drag".into()])
        );
        assert_eq!(shown("drag this out", &[], 8).0, "drag th…");
        assert_eq!(shown("a\n\n  b", &[], 4).0, "a b ");
    }

    #[test]
    fn scrolls_to_a_late_match() {
        let text = "We need to decide quickly, within days, whether a deal is achievable";
        let at = text.find("achievable").unwrap();
        let marks = vec![at..at + 10, text.len()..text.len()];
        let (all, bold) = shown(text, &marks, 30);
        assert!(all.starts_with('…'), "{all}");
        assert_eq!(bold, vec!["achievable"]);
        assert_eq!(width(&all), 30);
    }
}
