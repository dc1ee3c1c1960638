//! The status line, the key hint line, the loading screen and the "too small" message.

use std::time::Duration;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use crate::app::text::{ellipsize, width};
use crate::app::theme::Theme;

/// Loading progress as last sampled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadProgress {
    /// Files found (0 for the bundled sample).
    pub files_total: usize,
    /// Files read.
    pub files_done: usize,
    /// Articles analysed.
    pub articles: usize,
    /// Bytes of text analysed.
    pub bytes: u64,
    /// Time since loading started.
    pub elapsed: Duration,
}

/// `n` with thousands separators.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Draws the loading screen.
pub fn draw_loading(frame: &mut Frame, screen: Rect, p: &LoadProgress, theme: Theme) {
    let secs = p.elapsed.as_secs_f64().max(1e-3);
    let mut lines = vec![Line::styled("Loading corpus…", theme.heading())];
    if p.files_total > 0 {
        lines.push(Line::raw(format!(
            "files read  {} / {}",
            thousands(p.files_done),
            thousands(p.files_total)
        )));
    }
    lines.push(Line::raw(format!(
        "articles    {} · {} articles/s · {:.1} MB/s",
        thousands(p.articles),
        thousands((p.articles as f64 / secs) as usize),
        p.bytes as f64 / 1e6 / secs
    )));
    lines.push(Line::raw(format!(
        "elapsed     {:.1} s",
        p.elapsed.as_secs_f64()
    )));
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled("q", theme.key()),
        Span::raw(" cancel and quit"),
    ]));
    let w = (lines.iter().map(Line::width).max().unwrap_or(0) as u16 + 4).min(screen.width);
    let h = (lines.len() as u16 + 2).min(screen.height);
    let area = Rect {
        x: screen.x + (screen.width - w) / 2,
        y: screen.y + (screen.height - h) / 2,
        width: w,
        height: h,
    };
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border())
        .title(" dossier ");
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// Draws the one-line "terminal too small" message.
pub fn draw_too_small(frame: &mut Frame, screen: Rect, theme: Theme) {
    let (w, h) = (
        crate::app::layout::MIN_WIDTH,
        crate::app::layout::MIN_HEIGHT,
    );
    let full = format!(
        "Terminal too small ({}×{}): need {w}×{h}",
        screen.width, screen.height
    );
    let short = format!("Too small: need {w}×{h}");
    let msg = [full.as_str(), short.as_str(), "Too small"]
        .into_iter()
        .find(|m| width(m) <= screen.width as usize)
        .unwrap_or("Too small");
    let line = Line::styled(ellipsize(msg, screen.width as usize), theme.warning());
    frame.render_widget(
        Paragraph::new(line),
        Rect {
            height: 1.min(screen.height),
            ..screen
        },
    );
}

/// How a part of the status line is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Quiet.
    Plain,
    /// Stands out.
    Strong,
    /// A problem the user must see.
    Warning,
}

/// Draws the status line: its parts in order of importance. A part that does not fit is cut
/// with an ellipsis when a useful piece of it fits, else left out with the rest.
pub fn draw_status(frame: &mut Frame, area: Rect, parts: &[(String, Tone)], theme: Theme) {
    /// The narrowest useful piece of a cut part.
    const MIN_PIECE: usize = 12;
    let mut spans = Vec::new();
    let mut room = area.width as usize;
    for (text, tone) in parts {
        let sep = if spans.is_empty() { 0 } else { 3 };
        if room < sep + MIN_PIECE.min(width(text)) {
            break;
        }
        if sep > 0 {
            spans.push(Span::styled(" │ ", theme.border()));
        }
        let text = ellipsize(text, room - sep);
        room -= sep + width(&text);
        let style = match tone {
            Tone::Plain => theme.muted(),
            Tone::Strong => theme.heading(),
            Tone::Warning => theme
                .warning()
                .add_modifier(ratatui::style::Modifier::REVERSED),
        };
        spans.push(Span::styled(text, style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// Draws the key hints that fit in `area`.
pub fn draw_hints(frame: &mut Frame, area: Rect, hints: &[(String, &str)], theme: Theme) {
    let mut spans = Vec::new();
    let mut used = 0;
    for (keys, desc) in hints {
        let w = width(keys) + 1 + width(desc) + 3;
        if used + w > area.width as usize {
            break;
        }
        spans.push(Span::styled(keys.clone(), theme.key()));
        spans.push(Span::styled(format!(" {desc}   "), theme.muted()));
        used += w;
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
