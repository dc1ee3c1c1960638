//! A one-line text input with a cursor (the finder query, the actor filter).

use crate::app::action::Action;

/// Text being typed and the cursor position (in characters).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    /// The text.
    pub text: String,
    /// Cursor position, in characters from the start.
    pub cursor: usize,
}

impl TextInput {
    fn byte(&self, char_pos: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_pos)
            .map_or(self.text.len(), |(i, _)| i)
    }

    /// The cursor's byte offset in the text.
    pub fn cursor_byte(&self) -> usize {
        self.byte(self.cursor)
    }

    /// Applies an editing action; returns true when the text changed.
    pub fn edit(&mut self, action: &Action) -> bool {
        let len = self.text.chars().count();
        match *action {
            Action::Insert(c) => {
                let at = self.byte(self.cursor);
                self.text.insert(at, c);
                self.cursor += 1;
                true
            }
            Action::Paste(ref text) => {
                let clean: String = text
                    .chars()
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .collect();
                let at = self.byte(self.cursor);
                self.text.insert_str(at, &clean);
                self.cursor += clean.chars().count();
                !clean.is_empty()
            }
            Action::DeleteBack if self.cursor > 0 => {
                let at = self.byte(self.cursor - 1);
                self.text.remove(at);
                self.cursor -= 1;
                true
            }
            Action::DeleteForward if self.cursor < len => {
                let at = self.byte(self.cursor);
                self.text.remove(at);
                true
            }
            Action::DeleteWord if self.cursor > 0 => {
                let chars: Vec<char> = self.text.chars().collect();
                let mut start = self.cursor;
                while start > 0 && chars[start - 1].is_whitespace() {
                    start -= 1;
                }
                while start > 0 && !chars[start - 1].is_whitespace() {
                    start -= 1;
                }
                let (a, b) = (self.byte(start), self.byte(self.cursor));
                self.text.replace_range(a..b, "");
                self.cursor = start;
                true
            }
            Action::DeleteToStart if self.cursor > 0 => {
                let b = self.byte(self.cursor);
                self.text.replace_range(..b, "");
                self.cursor = 0;
                true
            }
            Action::CursorLeft => {
                self.cursor = self.cursor.saturating_sub(1);
                false
            }
            Action::CursorRight => {
                self.cursor = (self.cursor + 1).min(len);
                false
            }
            Action::CursorHome => {
                self.cursor = 0;
                false
            }
            Action::CursorEnd => {
                self.cursor = len;
                false
            }
            _ => false,
        }
    }

    /// Empties the input.
    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(s: &str) -> TextInput {
        let mut input = TextInput::default();
        for c in s.chars() {
            input.edit(&Action::Insert(c));
        }
        input
    }

    #[test]
    fn editing_keys() {
        let mut i = typed("drag thís out");
        assert_eq!(i.cursor, 13);
        assert!(i.edit(&Action::DeleteWord));
        assert_eq!(i.text, "drag thís ");
        assert!(i.edit(&Action::DeleteWord));
        assert_eq!(i.text, "drag ");
        i.edit(&Action::CursorHome);
        i.edit(&Action::CursorRight);
        assert!(i.edit(&Action::Insert('é')));
        assert_eq!(i.text, "dérag ");
        assert!(i.edit(&Action::DeleteBack));
        assert_eq!(i.text, "drag ");
        assert!(i.edit(&Action::DeleteForward));
        assert_eq!(i.text, "dag ");
        i.edit(&Action::CursorEnd);
        assert!(i.edit(&Action::DeleteToStart));
        assert_eq!((i.text.as_str(), i.cursor), ("", 0));
        assert!(!i.edit(&Action::DeleteBack));
        assert!(i.edit(&Action::Paste("drag\nthis".into())));
        assert_eq!((i.text.as_str(), i.cursor), ("drag this", 9));
    }
}
