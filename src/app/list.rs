//! A scrollable list: length, cursor, first visible row and viewport height. Every list in
//! the app (timeline, actors, finder results, help, source lines) moves through this.

/// Rows kept visible above and below the cursor when scrolling.
const SCROLLOFF: usize = 2;

/// Cursor and scroll position of a list of `len` rows shown `height` rows at a time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    /// Number of rows.
    pub len: usize,
    /// The selected row (0 when empty).
    pub cursor: usize,
    /// The first visible row.
    pub offset: usize,
    /// Rows visible at once.
    pub height: usize,
}

impl Scroll {
    /// A list of `len` rows with the cursor on the first.
    pub fn new(len: usize) -> Self {
        Scroll {
            len,
            ..Scroll::default()
        }
    }

    /// Changes the number of rows, keeping the cursor in range.
    pub fn set_len(&mut self, len: usize) {
        self.len = len;
        self.cursor = self.cursor.min(len.saturating_sub(1));
        self.fit();
    }

    /// Changes the viewport height, keeping the cursor visible.
    pub fn set_height(&mut self, height: usize) {
        self.height = height;
        self.fit();
    }

    /// Moves the cursor to `row` (clamped) and scrolls it into view.
    pub fn select(&mut self, row: usize) {
        self.cursor = row.min(self.len.saturating_sub(1));
        self.fit();
    }

    /// Moves the cursor by `delta` rows.
    pub fn step(&mut self, delta: isize) {
        self.select(self.cursor.saturating_add_signed(delta));
    }

    /// One page, for page up and down.
    pub fn page(&self) -> isize {
        self.height.max(1) as isize
    }

    /// The visible rows.
    pub fn visible(&self) -> std::ops::Range<usize> {
        self.offset..(self.offset + self.height).min(self.len)
    }

    /// Scrolls the view by `delta` rows without moving the cursor past the view.
    pub fn scroll_view(&mut self, delta: isize) {
        let max = self.len.saturating_sub(self.height);
        self.offset = self.offset.saturating_add_signed(delta).min(max);
        let lo = self.offset;
        let hi = (self.offset + self.height).min(self.len).saturating_sub(1);
        self.cursor = self.cursor.clamp(lo, hi.max(lo));
    }

    /// Puts `row` at a third of the view from the top when it is not visible already.
    pub fn reveal(&mut self, row: usize) {
        if self.visible().contains(&row) {
            return;
        }
        let max = self.len.saturating_sub(self.height);
        self.offset = row.saturating_sub(self.height / 3).min(max);
    }

    /// Adjusts the offset so the cursor is visible with a margin.
    fn fit(&mut self) {
        if self.height == 0 {
            self.offset = self.cursor;
            return;
        }
        let margin = SCROLLOFF.min(self.height.saturating_sub(1) / 2);
        if self.cursor < self.offset + margin {
            self.offset = self.cursor.saturating_sub(margin);
        } else if self.cursor + margin >= self.offset + self.height {
            self.offset = self.cursor + margin + 1 - self.height;
        }
        let max = self.len.saturating_sub(self.height);
        self.offset = self.offset.min(max);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(len: usize, height: usize) -> Scroll {
        let mut s = Scroll::new(len);
        s.set_height(height);
        s
    }

    #[test]
    fn moving_down_scrolls_with_a_margin() {
        let mut s = list(100, 10);
        s.step(7);
        assert_eq!((s.cursor, s.offset), (7, 0));
        s.step(1);
        assert_eq!((s.cursor, s.offset), (8, 1));
        s.select(99);
        assert_eq!((s.cursor, s.offset), (99, 90));
        s.step(-100);
        assert_eq!((s.cursor, s.offset), (0, 0));
    }

    #[test]
    fn shrinking_keeps_the_cursor_in_range() {
        let mut s = list(100, 10);
        s.select(50);
        s.set_len(20);
        assert_eq!(s.cursor, 19);
        assert_eq!(s.visible(), 10..20);
        s.set_len(0);
        assert_eq!((s.cursor, s.offset, s.visible()), (0, 0, 0..0));
    }

    #[test]
    fn reveal_and_scroll_view() {
        let mut s = list(100, 9);
        s.reveal(50);
        assert_eq!(s.offset, 47);
        s.reveal(52);
        assert_eq!(s.offset, 47, "already visible");
        s.scroll_view(100);
        assert_eq!(s.offset, 91);
        assert!(s.visible().contains(&s.cursor));
    }

    #[test]
    fn tiny_views() {
        let mut s = list(5, 1);
        s.step(3);
        assert_eq!(s.visible(), 3..4);
        let mut s = list(5, 0);
        s.step(2);
        assert_eq!(s.visible(), 2..2);
    }
}
