//! The status line, the key hint line, the loading screen and the "too small" message.

use std::time::Duration;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use crate::app::text::{ellipsize, width};
use crate::app::theme::Theme;
use crate::corpus::Stage;

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
    /// What loading is busy with.
    pub stage: Stage,
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
    // The rates are those of reading; once it is done they would only fall.
    lines.push(Line::raw(if p.stage == Stage::Reading {
        format!(
            "articles    {} · {} articles/s · {:.1} MB/s",
            thousands(p.articles),
            thousands((p.articles as f64 / secs) as usize),
            p.bytes as f64 / 1e6 / secs
        )
    } else {
        format!("articles    {}", thousands(p.articles))
    }));
    lines.push(Line::raw(format!("now         {}", p.stage.label())));
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

/// One part of the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// The text in full.
    pub text: String,
    /// A shorter text for a narrow terminal, if the part has one.
    pub short: Option<String>,
    /// How it is shown.
    pub tone: Tone,
}

impl Part {
    /// A part with no shorter form.
    pub fn new(text: String, tone: Tone) -> Part {
        Part {
            text,
            short: None,
            tone,
        }
    }

    /// The same part with a shorter form for narrow terminals.
    pub fn or_short(self, short: String) -> Part {
        Part {
            short: Some(short),
            ..self
        }
    }
}

/// The separator between parts.
const SEPARATOR: &str = " │ ";

/// What of `parts` (most important first) is shown in `cols` columns: when the full texts do
/// not fit, parts take their short forms, the least important first; a part that still does
/// not fit is cut with an ellipsis when a useful piece of it fits, else left out with the rest.
pub fn fit_status(parts: &[Part], cols: usize) -> Vec<(String, Tone)> {
    /// The narrowest useful piece of a cut part.
    const MIN_PIECE: usize = 12;
    let sep = width(SEPARATOR);
    let total = |texts: &[&str]| {
        texts.iter().map(|t| width(t)).sum::<usize>() + sep * texts.len().saturating_sub(1)
    };
    let mut texts: Vec<&str> = parts.iter().map(|p| p.text.as_str()).collect();
    for (i, part) in parts.iter().enumerate().rev() {
        if total(&texts) <= cols {
            break;
        }
        if let Some(short) = &part.short {
            texts[i] = short;
        }
    }
    let mut shown = Vec::new();
    let mut room = cols;
    for (text, part) in texts.into_iter().zip(parts) {
        let sep = if shown.is_empty() { 0 } else { sep };
        if room < sep + MIN_PIECE.min(width(text)) {
            break;
        }
        let text = ellipsize(text, room - sep);
        room -= sep + width(&text);
        shown.push((text, part.tone));
    }
    shown
}

/// Draws the status line: `parts` as [`fit_status`] fits them in `area`.
pub fn draw_status(frame: &mut Frame, area: Rect, parts: &[Part], theme: Theme) {
    let mut spans = Vec::new();
    for (text, tone) in fit_status(parts, area.width as usize) {
        if !spans.is_empty() {
            spans.push(Span::styled(SEPARATOR, theme.border()));
        }
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

    fn parts() -> Vec<Part> {
        vec![
            Part::new("Timeline".into(), Tone::Strong),
            Part::new("4 articles · 32 events".into(), Tone::Plain)
                .or_short("4 art · 32 ev".into()),
        ]
    }

    fn texts(parts: &[Part], cols: usize) -> Vec<String> {
        fit_status(parts, cols)
            .into_iter()
            .map(|(t, _)| t)
            .collect()
    }

    #[test]
    fn full_texts_when_they_fit() {
        // "Timeline" 8 + " │ " 3 + 22 = 33 columns.
        assert_eq!(texts(&parts(), 33), ["Timeline", "4 articles · 32 events"]);
    }

    #[test]
    fn short_forms_before_cutting() {
        assert_eq!(texts(&parts(), 32), ["Timeline", "4 art · 32 ev"]);
        assert_eq!(texts(&parts(), 24), ["Timeline", "4 art · 32 ev"]);
    }

    #[test]
    fn least_important_shortened_first() {
        let mut p = parts();
        p.insert(
            0,
            Part::new("reviewed: quotations 0/23".into(), Tone::Plain).or_short("✓ 0/23".into()),
        );
        // Full: 25 + 3 + 8 + 3 + 22 = 61; with the counts short: 52.
        assert_eq!(
            texts(&p, 52),
            ["reviewed: quotations 0/23", "Timeline", "4 art · 32 ev"]
        );
        assert_eq!(texts(&p, 51), ["✓ 0/23", "Timeline", "4 art · 32 ev"]);
    }

    #[test]
    fn cut_with_an_ellipsis_or_left_out() {
        assert_eq!(texts(&parts(), 23), ["Timeline", "4 art · 32 …"]);
        assert_eq!(texts(&parts(), 12), ["Timeline"]);
        assert!(texts(&parts(), 5).is_empty());
    }
}
