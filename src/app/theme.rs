//! Styles. Every distinction that matters (selection, highlight, focus) is made by a
//! modifier (reverse, bold, underline, italic, dim); colour only adds to it, and is left out
//! entirely when `NO_COLOR` is set.

use ratatui::style::{Color, Modifier, Style};

/// The styles in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// False when colour is disabled (`NO_COLOR`).
    pub color: bool,
}

impl Theme {
    /// Colour unless the `NO_COLOR` environment variable is set to a non-empty value.
    pub fn from_env() -> Self {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    fn tint(self, style: Style, color: Color) -> Style {
        if self.color { style.fg(color) } else { style }
    }

    /// The selected row of the focused list.
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// The selected row of a list that does not have the focus.
    pub fn selected_unfocused(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// The border and title of the focused pane.
    pub fn focused_border(self) -> Style {
        self.tint(Style::new().add_modifier(Modifier::BOLD), Color::Cyan)
    }

    /// The border of other panes.
    pub fn border(self) -> Style {
        self.tint(Style::new(), Color::DarkGray)
    }

    /// Secondary text: dates, counts, kinds.
    pub fn muted(self) -> Style {
        self.tint(Style::new().add_modifier(Modifier::DIM), Color::Gray)
    }

    /// Month headers in the timeline, section titles in help.
    pub fn heading(self) -> Style {
        self.tint(Style::new().add_modifier(Modifier::BOLD), Color::Yellow)
    }

    /// Boilerplate in the source text.
    pub fn boilerplate(self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    /// Quotations in the source text.
    pub fn quote(self) -> Style {
        self.tint(Style::new().add_modifier(Modifier::ITALIC), Color::Green)
    }

    /// Actor mentions in the source text.
    pub fn mention(self) -> Style {
        self.tint(Style::new().add_modifier(Modifier::UNDERLINED), Color::Cyan)
    }

    /// The selected event's sentence or quotation in the source text.
    pub fn highlight(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// Characters a finder query matched.
    pub fn matched(self) -> Style {
        self.tint(
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            Color::Yellow,
        )
    }

    /// Actors involved in the selected event.
    pub fn marked(self) -> Style {
        self.tint(Style::new().add_modifier(Modifier::BOLD), Color::Magenta)
    }

    /// Keys in the hint bar and help.
    pub fn key(self) -> Style {
        self.tint(Style::new().add_modifier(Modifier::BOLD), Color::Cyan)
    }

    /// A review mark's glyph: bold, coloured by verdict.
    pub fn mark(self, mark: crate::review::Mark) -> Style {
        let color = match mark {
            crate::review::Mark::Confirmed => Color::Green,
            crate::review::Mark::Disputed => Color::Red,
            crate::review::Mark::NeedsCheck => Color::Yellow,
        };
        self.tint(Style::new().add_modifier(Modifier::BOLD), color)
    }

    /// Messages that report a problem.
    pub fn warning(self) -> Style {
        self.tint(Style::new().add_modifier(Modifier::BOLD), Color::Red)
    }
}
