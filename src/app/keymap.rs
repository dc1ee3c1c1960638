//! Key bindings: one table of typed defaults, read by the event loop (key → action), the
//! hint bar, the help overlay and the README (so none of them can drift from the others).
//!
//! Bindings belong to a [`Context`]: each pane has its own, overlays have theirs, and the
//! app looks a key up in the contexts active in its state, innermost first. The table is
//! plain data, so a user file naming actions could override it entry by entry.

use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::action::Action;
use crate::review::Mark;

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Control and Alt (Shift is part of the character for character keys).
    pub mods: KeyModifiers,
}

impl Key {
    /// A key without modifiers.
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            mods: KeyModifiers::NONE,
        }
    }

    /// A character key.
    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    /// Control and a character.
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::CONTROL,
        }
    }

    /// Alt and a key.
    pub const fn alt(code: KeyCode) -> Key {
        Key {
            code,
            mods: KeyModifiers::ALT,
        }
    }

    /// The key of a terminal key event. Shift is dropped from character keys ("G" is one
    /// key whether the terminal reports Shift or not).
    pub fn from_event(event: &KeyEvent) -> Key {
        let mut mods = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let code = match event.code {
            KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            KeyCode::BackTab => {
                mods = KeyModifiers::NONE;
                KeyCode::BackTab
            }
            code => code,
        };
        Key { code, mods }
    }

    /// The character this key types into a text input, if it types one.
    pub fn typed(self) -> Option<char> {
        match self.code {
            KeyCode::Char(c) if self.mods.is_empty() => Some(c),
            _ => None,
        }
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Bksp"),
            KeyCode::Delete => f.write_str("Del"),
            code => write!(f, "{code}"),
        }
    }
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Everywhere, even while typing.
    Always,
    /// Whenever no overlay is open and nothing is being typed.
    Global,
    /// Moving in whichever pane has the focus.
    Move,
    /// The timeline pane.
    Timeline,
    /// The actor pane.
    Actors,
    /// The source pane.
    Source,
    /// Reviewing, whichever pane has the focus.
    Review,
    /// A prompt: a note, a speaker, a date, an actor, an export file.
    Prompt,
    /// Asked before quitting with decisions not saved.
    Quitting,
    /// Typing the actor filter.
    Filter,
    /// The quotation finder.
    Finder,
    /// Editing text (the finder query, the actor filter).
    Editing,
    /// The help overlay.
    Help,
    /// While the corpus loads.
    Loading,
}

impl Context {
    /// Every context, in the order help shows them.
    pub const ALL: [Context; 14] = [
        Context::Global,
        Context::Move,
        Context::Timeline,
        Context::Actors,
        Context::Source,
        Context::Review,
        Context::Prompt,
        Context::Quitting,
        Context::Finder,
        Context::Filter,
        Context::Editing,
        Context::Help,
        Context::Loading,
        Context::Always,
    ];

    /// A heading for help and the README.
    pub fn title(self) -> &'static str {
        match self {
            Context::Always => "Everywhere",
            Context::Global => "Panes",
            Context::Move => "Moving (any pane)",
            Context::Timeline => "Timeline",
            Context::Actors => "Actors",
            Context::Source => "Source",
            Context::Review => "Review (the focused pane's selected item)",
            Context::Prompt => "Prompts (note, speaker, date, actor, export)",
            Context::Quitting => "Quitting with unsaved decisions",
            Context::Filter => "Actor filter",
            Context::Finder => "Quotation finder",
            Context::Editing => "Typing (finder, filter and prompts)",
            Context::Help => "Help",
            Context::Loading => "Loading",
        }
    }

    /// True when unbound character keys type text in this context.
    pub fn takes_text(self) -> bool {
        matches!(self, Context::Finder | Context::Filter | Context::Prompt)
    }
}

/// One entry of the keymap.
#[derive(Debug, Clone)]
pub struct Binding {
    /// Where it applies.
    pub context: Context,
    /// The keys that trigger it (alternatives).
    pub keys: Vec<Key>,
    /// A key pressed first, for two-key sequences (`]` of `]u`).
    pub prefix: Option<Key>,
    /// What it does.
    pub action: Action,
    /// What it does, in a few words, for hints and help.
    pub desc: &'static str,
    /// True when it is shown in the hint bar.
    pub hint: bool,
}

/// The key bindings in use.
#[derive(Debug, Clone)]
pub struct Keymap {
    /// Every binding, in the order help shows them.
    pub bindings: Vec<Binding>,
}

fn bind(context: Context, keys: &[Key], action: Action, desc: &'static str) -> Binding {
    Binding {
        context,
        keys: keys.to_vec(),
        prefix: None,
        action,
        desc,
        hint: false,
    }
}

/// A two-key sequence: `prefix` then `key`.
fn seq(context: Context, prefix: char, key: char, action: Action, desc: &'static str) -> Binding {
    Binding {
        prefix: Some(Key::char(prefix)),
        ..bind(context, &[Key::char(key)], action, desc)
    }
}

fn hint(context: Context, keys: &[Key], action: Action, desc: &'static str) -> Binding {
    Binding {
        hint: true,
        ..bind(context, keys, action, desc)
    }
}

impl Default for Keymap {
    fn default() -> Self {
        use Action as A;
        use Context::*;
        use KeyCode::*;
        let k = Key::char;
        let p = Key::plain;
        let bindings = vec![
            hint(Global, &[k('/')], A::OpenFinder, "find quotation"),
            hint(Global, &[k('?')], A::OpenHelp, "help"),
            bind(Global, &[p(Tab)], A::FocusNext, "next pane"),
            bind(Global, &[p(BackTab)], A::FocusPrev, "previous pane"),
            bind(Global, &[k('h'), p(Left)], A::FocusLeft, "pane to the left"),
            bind(
                Global,
                &[k('l'), p(Right)],
                A::FocusRight,
                "pane to the right",
            ),
            bind(Global, &[k('1')], A::FocusTimeline, "focus timeline"),
            bind(Global, &[k('2')], A::FocusActors, "focus actors"),
            bind(Global, &[k('3')], A::FocusSource, "focus source"),
            bind(
                Global,
                &[p(Backspace), Key::ctrl('o'), Key::alt(Left)],
                A::Back,
                "back in selection history",
            ),
            bind(
                Global,
                &[Key::alt(Right)],
                A::Forward,
                "forward in selection history",
            ),
            bind(Global, &[p(Esc)], A::Clear, "clear the actor filter"),
            hint(Global, &[k('q')], A::Quit, "quit"),
            hint(Move, &[k('j'), p(Down)], A::Down, "down"),
            hint(Move, &[k('k'), p(Up)], A::Up, "up"),
            bind(Move, &[Key::ctrl('d')], A::HalfPageDown, "half page down"),
            bind(Move, &[Key::ctrl('u')], A::HalfPageUp, "half page up"),
            bind(
                Move,
                &[p(PageDown), Key::ctrl('f')],
                A::PageDown,
                "page down",
            ),
            bind(Move, &[p(PageUp), Key::ctrl('b')], A::PageUp, "page up"),
            bind(Move, &[k('g'), p(Home)], A::Top, "first"),
            bind(Move, &[k('G'), p(End)], A::Bottom, "last"),
            hint(Timeline, &[p(Enter)], A::Choose, "read in source"),
            bind(Timeline, &[k('t')], A::GoToDate, "go to a date"),
            hint(
                Actors,
                &[p(Enter)],
                A::Choose,
                "filter timeline by actor (again: clear)",
            ),
            hint(Actors, &[k('f')], A::StartFilter, "type to filter"),
            hint(Actors, &[k('s')], A::ToggleSort, "sort by mentions/name"),
            bind(Actors, &[k('m')], A::MergeActor, "merge into another actor"),
            bind(Actors, &[k('R')], A::RenameActor, "rename"),
            bind(
                Actors,
                &[k('S')],
                A::SplitActor,
                "split off a name wrongly merged",
            ),
            hint(Source, &[k('n')], A::NextItem, "next quotation or mention"),
            hint(
                Source,
                &[k('p')],
                A::PrevItem,
                "previous quotation or mention",
            ),
            hint(Source, &[k('>')], A::NextArticle, "next article"),
            hint(Source, &[k('<')], A::PrevArticle, "previous article"),
            hint(Review, &[k('c')], A::Mark(Some(Mark::Confirmed)), "confirm"),
            hint(Review, &[k('x')], A::Mark(Some(Mark::Disputed)), "dispute"),
            hint(
                Review,
                &[k('!')],
                A::Mark(Some(Mark::NeedsCheck)),
                "needs check",
            ),
            bind(Review, &[k(' ')], A::Mark(None), "clear the mark"),
            hint(Review, &[k('a')], A::EditNote, "note"),
            hint(Review, &[k('u')], A::Undo, "undo"),
            bind(Review, &[k('U'), Key::ctrl('r')], A::Redo, "redo"),
            bind(
                Review,
                &[k('r')],
                A::Reassign,
                "reassign the quotation's speaker",
            ),
            bind(
                Review,
                &[k('d')],
                A::SetDate,
                "set the article's publication date",
            ),
            bind(
                Review,
                &[k('F')],
                A::CycleReviewFilter,
                "show all, unreviewed, disputed, needs check",
            ),
            seq(Review, ']', 'u', A::Jump(true, None), "next unreviewed"),
            seq(
                Review,
                '[',
                'u',
                A::Jump(false, None),
                "previous unreviewed",
            ),
            seq(
                Review,
                ']',
                'x',
                A::Jump(true, Some(Mark::Disputed)),
                "next disputed",
            ),
            seq(
                Review,
                '[',
                'x',
                A::Jump(false, Some(Mark::Disputed)),
                "previous disputed",
            ),
            seq(
                Review,
                ']',
                '!',
                A::Jump(true, Some(Mark::NeedsCheck)),
                "next needing a check",
            ),
            seq(
                Review,
                '[',
                '!',
                A::Jump(false, Some(Mark::NeedsCheck)),
                "previous needing a check",
            ),
            bind(Review, &[k('e')], A::Export, "export a report"),
            hint(Prompt, &[p(Enter)], A::Choose, "accept"),
            hint(Prompt, &[p(Esc)], A::Close, "cancel"),
            bind(Prompt, &[p(Down), Key::ctrl('n')], A::Down, "next choice"),
            bind(Prompt, &[p(Up), Key::ctrl('p')], A::Up, "previous choice"),
            hint(
                Quitting,
                &[k('w')],
                A::SaveElsewhere,
                "save in the per-user data folder and quit",
            ),
            hint(Quitting, &[k('y')], A::QuitAnyway, "quit without saving"),
            hint(Quitting, &[p(Esc), k('n')], A::Close, "stay"),
            hint(Finder, &[p(Enter)], A::Choose, "jump to quotation"),
            hint(Finder, &[p(Esc)], A::Close, "close"),
            hint(
                Finder,
                &[p(Down), Key::ctrl('n'), Key::ctrl('j')],
                A::Down,
                "next result",
            ),
            hint(
                Finder,
                &[p(Up), Key::ctrl('p'), Key::ctrl('k')],
                A::Up,
                "previous result",
            ),
            bind(Finder, &[p(PageDown)], A::PageDown, "page of results down"),
            bind(Finder, &[p(PageUp)], A::PageUp, "page of results up"),
            hint(Filter, &[p(Enter)], A::Close, "keep filter"),
            hint(Filter, &[p(Esc)], A::Clear, "clear filter"),
            bind(Filter, &[p(Down)], A::Down, "down"),
            bind(Filter, &[p(Up)], A::Up, "up"),
            bind(Editing, &[p(Backspace)], A::DeleteBack, "delete back"),
            bind(Editing, &[p(Delete)], A::DeleteForward, "delete forward"),
            bind(Editing, &[Key::ctrl('w')], A::DeleteWord, "delete word"),
            bind(
                Editing,
                &[Key::ctrl('u')],
                A::DeleteToStart,
                "delete to start",
            ),
            bind(Editing, &[p(Left)], A::CursorLeft, "cursor left"),
            bind(Editing, &[p(Right)], A::CursorRight, "cursor right"),
            bind(
                Editing,
                &[p(Home), Key::ctrl('a')],
                A::CursorHome,
                "cursor to start",
            ),
            bind(
                Editing,
                &[p(End), Key::ctrl('e')],
                A::CursorEnd,
                "cursor to end",
            ),
            hint(Help, &[p(Esc), k('?'), k('q')], A::Close, "close"),
            hint(Help, &[k('j'), p(Down)], A::Down, "down"),
            hint(Help, &[k('k'), p(Up)], A::Up, "up"),
            bind(
                Help,
                &[p(PageDown), Key::ctrl('d')],
                A::PageDown,
                "page down",
            ),
            bind(Help, &[p(PageUp), Key::ctrl('u')], A::PageUp, "page up"),
            hint(Loading, &[k('q'), p(Esc)], A::Quit, "cancel and quit"),
            hint(Always, &[Key::ctrl('c')], A::Quit, "quit"),
        ];
        Keymap { bindings }
    }
}

impl Keymap {
    /// The action for `key` in the active `contexts` (innermost first). In a context that
    /// takes text, an unbound character key types itself.
    pub fn action(&self, contexts: &[Context], key: Key) -> Option<Action> {
        self.sequence(contexts, None, key)
    }

    /// The action for `key` pressed after `prefix` (or alone, with no prefix). In a context
    /// that takes text, an unbound character key types itself.
    pub fn sequence(&self, contexts: &[Context], prefix: Option<Key>, key: Key) -> Option<Action> {
        for &context in contexts {
            let bound = self
                .bindings
                .iter()
                .find(|b| b.context == context && b.prefix == prefix && b.keys.contains(&key));
            if let Some(b) = bound {
                return Some(b.action.clone());
            }
            if context.takes_text()
                && prefix.is_none()
                && let Some(c) = key.typed()
            {
                return Some(Action::Insert(c));
            }
        }
        None
    }

    /// True when `key` starts a two-key sequence in the active `contexts` (and is not bound
    /// on its own before that).
    pub fn is_prefix(&self, contexts: &[Context], key: Key) -> bool {
        for &context in contexts {
            if context.takes_text() && key.typed().is_some() {
                return false;
            }
            for b in self.of(context) {
                if b.prefix == Some(key) {
                    return true;
                }
                if b.prefix.is_none() && b.keys.contains(&key) {
                    return false;
                }
            }
        }
        false
    }

    /// The bindings of one context, in table order.
    pub fn of(&self, context: Context) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.context == context)
    }

    /// The hint bar's entries for the active contexts: keys (joined by `/`) and description.
    /// Help comes first, as the way to everything else.
    pub fn hints(&self, contexts: &[Context]) -> Vec<(String, &'static str)> {
        let mut hints: Vec<(Context, &Binding)> = contexts
            .iter()
            .flat_map(|&c| self.of(c).map(move |b| (c, b)))
            .filter(|(_, b)| b.hint)
            .collect();
        // Help first; review keys last, so that finding and quitting stay in view.
        hints.sort_by_key(|(c, b)| (!matches!(b.action, Action::OpenHelp), *c == Context::Review));
        hints
            .into_iter()
            .map(|(_, b)| (b.label("/"), b.desc))
            .collect()
    }

    /// The keymap as Markdown tables, one per context (the README's key reference).
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        for context in Context::ALL {
            out.push_str(&format!(
                "**{}**\n\n| keys | action |\n|---|---|\n",
                context.title()
            ));
            for b in self.of(context) {
                let keys: Vec<String> = b.sequences().map(|k| format!("`{k}`")).collect();
                out.push_str(&format!("| {} | {} |\n", keys.join(" "), b.desc));
            }
            out.push('\n');
        }
        out
    }
}

impl Binding {
    /// Each way to trigger it, as shown ("]u" for a sequence).
    pub fn sequences(&self) -> impl Iterator<Item = String> + '_ {
        let prefix = self.prefix.map_or(String::new(), |p| p.to_string());
        self.keys.iter().map(move |k| format!("{prefix}{k}"))
    }

    /// Its keys joined by `sep`, for display.
    pub fn label(&self, sep: &str) -> String {
        self.sequences().collect::<Vec<_>>().join(sep)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEventKind;
    use std::collections::HashSet;

    fn event(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent {
            code,
            modifiers: mods,
            kind: KeyEventKind::Press,
            state: crossterm::event::KeyEventState::NONE,
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        let map = Keymap::default();
        for context in Context::ALL {
            let mut seen = HashSet::new();
            for b in map.of(context) {
                for k in &b.keys {
                    assert!(
                        seen.insert((b.prefix, *k)),
                        "{k} bound twice in {context:?}"
                    );
                }
            }
            // A key that starts a sequence is not bound alone in the same context.
            for b in map.of(context) {
                if let Some(p) = b.prefix {
                    assert!(
                        !seen.contains(&(None, p)),
                        "{p} is a prefix and a key in {context:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_context_has_bindings() {
        let map = Keymap::default();
        for context in Context::ALL {
            assert!(map.of(context).next().is_some(), "{context:?}");
        }
    }

    #[test]
    fn shift_is_part_of_the_character() {
        let shifted = Key::from_event(&event(KeyCode::Char('G'), KeyModifiers::SHIFT));
        assert_eq!(shifted, Key::char('G'));
        let ctrl = Key::from_event(&event(KeyCode::Char('D'), KeyModifiers::CONTROL));
        assert_eq!(ctrl, Key::ctrl('d'));
    }

    #[test]
    fn innermost_context_wins_and_text_contexts_type() {
        let map = Keymap::default();
        let finder = [Context::Finder, Context::Editing, Context::Always];
        assert!(matches!(
            map.action(&finder, Key::char('q')),
            Some(Action::Insert('q'))
        ));
        assert!(matches!(
            map.action(&finder, Key::ctrl('c')),
            Some(Action::Quit)
        ));
        assert!(matches!(
            map.action(&finder, Key::plain(KeyCode::Backspace)),
            Some(Action::DeleteBack)
        ));
        let panes = [
            Context::Timeline,
            Context::Move,
            Context::Global,
            Context::Always,
        ];
        assert!(matches!(
            map.action(&panes, Key::char('q')),
            Some(Action::Quit)
        ));
        assert!(matches!(
            map.action(&panes, Key::char('j')),
            Some(Action::Down)
        ));
        assert!(map.action(&panes, Key::char('z')).is_none());
    }

    #[test]
    fn keys_display_as_in_help() {
        assert_eq!(Key::ctrl('d').to_string(), "Ctrl-d");
        assert_eq!(Key::alt(KeyCode::Left).to_string(), "Alt-←");
        assert_eq!(Key::plain(KeyCode::Enter).to_string(), "Enter");
        assert_eq!(Key::plain(KeyCode::BackTab).to_string(), "Shift-Tab");
        let down = bind(
            Context::Move,
            &[Key::char('j'), Key::plain(KeyCode::Down)],
            Action::Down,
            "down",
        );
        assert_eq!(down.label("/"), "j/↓");
        let next = seq(Context::Review, ']', 'u', Action::Jump(true, None), "next");
        assert_eq!(next.label("/"), "]u");
    }
}
