//! The source pane: the article's header and paragraphs wrapped to the pane's width, with
//! boilerplate dimmed, quotations and mentions styled, and the selected event's sentence or
//! quotation highlighted. Wrapping happens in `update` (when the article or width changes);
//! drawing styles only the visible lines.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthChar;

use crate::app::View;
use crate::app::catalog::Catalog;
use crate::app::list::Scroll;
use crate::app::text::ellipsize;
use crate::span::Span;

/// What a line of the source pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// The headline.
    Title,
    /// Source, date and authors.
    Byline,
    /// The file the article came from.
    File,
    /// A rule under the header.
    Rule,
    /// Space between paragraphs.
    Blank,
    /// Part of paragraph `n` of the layout.
    Text(u32),
}

/// One screen line: its kind and, for text, its byte range in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceLine {
    /// What it shows.
    pub kind: LineKind,
    /// First byte (text lines).
    pub start: u32,
    /// One past the last byte (text lines).
    pub end: u32,
}

/// An extracted item of the article that `n`/`p` step through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// Quotation `n` of the article.
    Quote(u32),
    /// Mention `n` of the article.
    Mention(u32),
}

/// What is highlighted in the source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// The highlighted span.
    pub span: Span,
    /// The item it is, when it is a quotation or mention.
    pub item: Option<Item>,
}

/// The source pane's state.
#[derive(Debug, Clone, Default)]
pub struct Source {
    /// The article shown.
    pub article: Option<usize>,
    /// Its lines at the current width.
    pub lines: Vec<SourceLine>,
    /// The width the lines were wrapped to.
    pub width: u16,
    /// Scroll position over `lines` (the cursor is the top line).
    pub list: Scroll,
    /// The highlight.
    pub mark: Option<Mark>,
    /// The spans of the article's quotations, in text order (decoded when it is laid out).
    quotes: Vec<Span>,
    /// The spans of the article's mentions, in text order.
    mentions: Vec<Span>,
    /// Whether each paragraph of the article is boilerplate (shown dimmed).
    boilerplate: Vec<bool>,
}

/// Wraps `text` into lines of at most `width` columns, breaking at whitespace (and inside
/// words longer than a line); returns byte ranges into `text`.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut out = Vec::new();
    let mut line: Option<(usize, usize, usize)> = None; // start, end, columns
    let mut words = text.split_whitespace().map(|w| {
        let start = w.as_ptr() as usize - text.as_ptr() as usize;
        (start, start + w.len())
    });
    let cols = |s: &str| s.chars().map(|c| c.width().unwrap_or(1)).sum::<usize>();
    let mut pending = words.next();
    while let Some((ws, we)) = pending {
        let w = cols(&text[ws..we]);
        match line {
            Some((ls, le, lw)) if lw + cols(&text[le..ws]) + w <= width => {
                line = Some((ls, we, lw + cols(&text[le..ws]) + w));
                pending = words.next();
            }
            Some((ls, le, _)) => {
                out.push(ls..le);
                line = None;
            }
            None if w <= width => {
                line = Some((ws, we, w));
                pending = words.next();
            }
            None => {
                // A word longer than the line: cut it at `width` columns.
                let mut used = 0;
                let mut cut = ws;
                for (i, c) in text[ws..we].char_indices() {
                    let cw = c.width().unwrap_or(1);
                    if used + cw > width && used > 0 {
                        break;
                    }
                    used += cw;
                    cut = ws + i + c.len_utf8();
                }
                out.push(ws..cut);
                pending = (cut < we).then_some((cut, we)).or_else(|| words.next());
            }
        }
    }
    if let Some((ls, le, _)) = line {
        out.push(ls..le);
    }
    out
}

/// Rows of header before the text.
const HEADER: [LineKind; 5] = [
    LineKind::Title,
    LineKind::Byline,
    LineKind::File,
    LineKind::Rule,
    LineKind::Blank,
];

impl Source {
    /// Shows `article` with `mark` highlighted and scrolled into view.
    pub fn show(&mut self, catalog: &Catalog, article: usize, mark: Option<Mark>) {
        if self.article != Some(article) {
            self.article = Some(article);
            self.layout(catalog);
            self.list.select(0);
            self.list.offset = 0;
        }
        self.mark = mark;
        if let Some(m) = mark {
            self.list.reveal(self.line_of(m.span.start()));
        }
    }

    /// Wraps the article to `width` columns, keeping the top line's text in view.
    pub fn set_width(&mut self, catalog: &Catalog, width: u16) {
        if width == self.width {
            return;
        }
        let anchor = self.lines.get(self.list.offset).map(|l| (l.kind, l.start));
        self.width = width;
        self.layout(catalog);
        if let Some((kind, start)) = anchor {
            let top = match kind {
                LineKind::Text(_) => self.line_of(start as usize),
                _ => self.lines.iter().position(|l| l.kind == kind).unwrap_or(0),
            };
            self.list.offset = top.min(self.lines.len().saturating_sub(self.list.height));
        }
    }

    /// Sets the number of visible lines.
    pub fn set_height(&mut self, height: usize) {
        self.list.height = height;
        self.list.scroll_view(0);
    }

    fn layout(&mut self, catalog: &Catalog) {
        self.lines.clear();
        self.quotes.clear();
        self.mentions.clear();
        self.boilerplate.clear();
        let Some(article) = self.article.and_then(|a| catalog.article(a)) else {
            self.list.set_len(0);
            return;
        };
        self.quotes.extend(article.quotes().map(|q| q.span));
        self.mentions.extend(article.mentions().map(|m| m.span));
        let line = |kind, range: Range<usize>| SourceLine {
            kind,
            start: range.start as u32,
            end: range.end as u32,
        };
        self.lines.extend(HEADER.iter().map(|&k| line(k, 0..0)));
        for (p, para) in article.layout.paragraphs().enumerate() {
            self.boilerplate.push(!para.is_content());
            if p > 0 {
                self.lines
                    .push(line(LineKind::Blank, para.span.start()..para.span.start()));
            }
            let text = para.span.text(&article.text);
            for r in wrap(text, self.width as usize) {
                let at = para.span.start();
                self.lines
                    .push(line(LineKind::Text(p as u32), at + r.start..at + r.end));
            }
        }
        self.list.set_len(self.lines.len());
    }

    /// The line showing byte `offset` (the first text line at or after it).
    pub fn line_of(&self, offset: usize) -> usize {
        let first_text = HEADER.len().min(self.lines.len());
        let text = &self.lines[first_text..];
        first_text
            + text
                .partition_point(|l| l.end as usize <= offset)
                .min(text.len().saturating_sub(1))
    }

    /// The article's quotations and mentions in text order (a quotation before a mention
    /// starting at the same byte).
    fn items(&self) -> Vec<(Span, Item)> {
        let mut items: Vec<(Span, Item)> = self
            .quotes
            .iter()
            .enumerate()
            .map(|(i, &s)| (s, Item::Quote(i as u32)))
            .chain(
                self.mentions
                    .iter()
                    .enumerate()
                    .map(|(i, &s)| (s, Item::Mention(i as u32))),
            )
            .collect();
        items.sort_by_key(|&(s, item)| (s.start, matches!(item, Item::Mention(_))));
        items
    }

    /// The next (or previous) item after the current mark, or after the top of the view.
    pub fn step_item(&self, forward: bool) -> Option<(Span, Item)> {
        self.article?;
        let items = self.items();
        let key = |&(s, item): &(Span, Item)| (s.start, matches!(item, Item::Mention(_)));
        let here = match self.mark {
            Some(Mark {
                span,
                item: Some(item),
            }) => Some(key(&(span, item))),
            Some(Mark { span, item: None }) => Some((span.start, false)),
            None => None,
        };
        if forward {
            let after = here.unwrap_or_else(|| {
                let top = self.lines.get(self.list.offset).map_or(0, |l| l.start);
                (top, false)
            });
            items
                .iter()
                .find(|i| {
                    if here.is_some() {
                        key(i) > after
                    } else {
                        key(i) >= after
                    }
                })
                .copied()
        } else {
            let before = here.unwrap_or((u32::MAX, true));
            items.iter().rev().find(|i| key(i) < before).copied()
        }
    }

    /// Draws the visible lines into `area` (the inside of the pane).
    pub fn draw(&self, frame: &mut Frame, area: Rect, view: &View) {
        let catalog = view.catalog;
        let Some((a, article)) = self.article.and_then(|a| Some((a, catalog.article(a)?))) else {
            frame.render_widget(
                Paragraph::new("No article selected.").style(view.theme.muted()),
                area,
            );
            return;
        };
        let theme = view.theme;
        let w = area.width as usize;
        let lines: Vec<Line> = self
            .list
            .visible()
            .map(|i| {
                let line = self.lines[i];
                match line.kind {
                    LineKind::Title => Line::styled(
                        ellipsize(article.title().unwrap_or("(untitled)"), w),
                        Style::new().add_modifier(ratatui::style::Modifier::BOLD),
                    ),
                    LineKind::Byline => {
                        let mut parts: Vec<String> = article
                            .meta
                            .source
                            .iter()
                            .map(|s| s.value.clone())
                            .collect();
                        parts.push(article.date().map_or("undated".into(), |d| d.to_string()));
                        let authors: Vec<&str> = article
                            .meta
                            .authors
                            .iter()
                            .map(|f| f.value.as_str())
                            .collect();
                        if !authors.is_empty() {
                            parts.push(format!("by {}", authors.join(", ")));
                        }
                        Line::styled(ellipsize(&parts.join(" · "), w), theme.muted())
                    }
                    LineKind::File => {
                        Line::styled(ellipsize(&article.origin.to_string(), w), theme.muted())
                    }
                    LineKind::Rule => Line::styled("─".repeat(w), theme.border()),
                    LineKind::Blank => Line::raw(""),
                    LineKind::Text(p) => self.text_line(a, p as usize, line, view),
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), area);
    }

    /// One text line, cut into pieces wherever a style starts or ends.
    fn text_line(&self, a: usize, para: usize, line: SourceLine, view: &View) -> Line<'static> {
        let theme = view.theme;
        let Some(article) = view.catalog.article(a) else {
            return Line::raw("");
        };
        let (start, end) = (line.start, line.end);
        let overlapping = |spans: &[Span]| -> Vec<Span> {
            let lo = spans.partition_point(|s| s.end <= start);
            spans[lo..]
                .iter()
                .take_while(|s| s.start < end)
                .filter(|s| s.end > start)
                .copied()
                .collect()
        };
        let quotes = overlapping(&self.quotes);
        let mentions = overlapping(&self.mentions);
        let mark = self
            .mark
            .map(|m| m.span)
            .filter(|s| s.start < end && s.end > start);
        let mut cuts: Vec<u32> = vec![start, end];
        for s in quotes.iter().chain(&mentions).chain(mark.iter()) {
            cuts.extend([s.start.clamp(start, end), s.end.clamp(start, end)]);
        }
        cuts.sort_unstable();
        cuts.dedup();
        let base = if self.boilerplate.get(para).copied().unwrap_or(false) {
            theme.boilerplate()
        } else {
            Style::new()
        };
        let pieces = cuts.windows(2).filter_map(|w| {
            let (s, e) = (w[0], w[1]);
            let text: String = article
                .text
                .get(s as usize..e as usize)?
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            let inside = |spans: &[Span]| spans.iter().any(|sp| sp.start <= s && e <= sp.end);
            let mut style = base;
            if inside(&quotes) {
                style = style.patch(theme.quote());
            }
            if inside(&mentions) {
                style = style.patch(theme.mention());
            }
            if mark.is_some_and(|m| m.start <= s && e <= m.end) {
                style = style.patch(theme.highlight());
            }
            Some(TextSpan::styled(text, style))
        });
        Line::from(pieces.collect::<Vec<_>>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrapped(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(
            wrapped("We’re not going to drag this out for weeks or months.", 20),
            vec![
                "We’re not going to",
                "drag this out for",
                "weeks or months."
            ]
        );
        assert_eq!(wrapped("one  two", 20), vec!["one  two"]);
        assert_eq!(wrapped("one    two", 8), vec!["one", "two"]);
        assert_eq!(wrapped("", 20), Vec::<&str>::new());
    }

    #[test]
    fn cuts_words_longer_than_a_line() {
        assert_eq!(
            wrapped("abcdefghij kl", 4),
            vec!["abcd", "efgh", "ij", "kl"]
        );
        assert_eq!(
            wrapped("日本語テキスト", 5),
            vec!["日本", "語テ", "キス", "ト"]
        );
        assert_eq!(wrapped("abc", 0), vec!["a", "b", "c"]);
    }

    #[test]
    fn every_line_fits_and_nothing_is_lost() {
        let text = "Since returning to office in January, US President Donald Trump has \
                    launched a major diplomatic push to end the conflict, but negotiations \
                    have been tense over sharply conflicting demands from Moscow and Kyiv.";
        for width in 1..60 {
            let lines = wrap(text, width);
            let joined: Vec<&str> = lines.iter().map(|r| &text[r.clone()]).collect();
            assert_eq!(
                joined.join(" ").split_whitespace().collect::<String>(),
                text.split_whitespace().collect::<String>()
            );
            assert!(joined.iter().all(|l| l.chars().count() <= width));
        }
    }
}
