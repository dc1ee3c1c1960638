//! The help overlay: every binding of the keymap by context, and the finder's query syntax.
//! Generated from the same table the app reads keys from, so it cannot drift.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

use crate::app::keymap::{Context, Keymap};
use crate::app::list::Scroll;
use crate::app::text::pad;
use crate::app::theme::Theme;

/// The finder's query syntax, as shown in help.
pub const QUERY_SYNTAX: [(&str, &str); 4] = [
    (
        "word",
        "a word starting with it, containing it (3+ letters), or its letters in order",
    ),
    ("'text", "the text exactly as written (case ignored)"),
    ("@name", "the speaker's name matches fuzzily"),
    ("a b", "every term must match"),
];

/// One line of help: a heading, or keys and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    /// A section title.
    Heading(&'static str),
    /// Keys and description.
    Entry(String, &'static str),
    /// Space between sections.
    Blank,
}

/// The help text for a keymap.
pub fn lines(keymap: &Keymap) -> Vec<HelpLine> {
    let mut out = Vec::new();
    for context in Context::ALL {
        out.push(HelpLine::Heading(context.title()));
        for b in keymap.of(context) {
            out.push(HelpLine::Entry(b.label(" "), b.desc));
        }
        out.push(HelpLine::Blank);
    }
    out.push(HelpLine::Heading("Finder queries"));
    for (syntax, meaning) in QUERY_SYNTAX {
        out.push(HelpLine::Entry(syntax.to_string(), meaning));
    }
    out
}

/// The overlay's rectangle within the screen.
pub fn area(screen: Rect) -> Rect {
    crate::app::layout::overlay(screen, 90)
}

/// Draws the help overlay scrolled to `scroll`.
pub fn draw(frame: &mut Frame, screen: Rect, keymap: &Keymap, scroll: &Scroll, theme: Theme) {
    let area = area(screen);
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(theme.focused_border())
        .title(" Help · Esc to close ");
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let all = lines(keymap);
    let key_w = 24.min(inner.width as usize / 2);
    let shown: Vec<Line> = all
        .iter()
        .skip(scroll.offset)
        .take(inner.height as usize)
        .map(|l| match l {
            HelpLine::Heading(t) => Line::styled(*t, theme.heading()),
            HelpLine::Entry(keys, desc) => Line::from(vec![
                Span::styled(format!("  {}", pad(keys, key_w)), theme.key()),
                Span::raw(*desc),
            ]),
            HelpLine::Blank => Line::raw(""),
        })
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
}
