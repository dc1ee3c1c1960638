//! Display-width helpers for building rows.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width of `s` in terminal columns.
pub fn width(s: &str) -> usize {
    s.width()
}

/// `s` cut to at most `max` columns, ending with "…" when cut.
pub fn ellipsize(s: &str, max: usize) -> String {
    if s.width() <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if used + cw > max - 1 {
            break;
        }
        out.push(c);
        used += cw;
    }
    out.push('…');
    out
}

/// `s` padded with spaces (or cut) to exactly `cols` columns.
pub fn pad(s: &str, cols: usize) -> String {
    let mut out = ellipsize(s, cols);
    let w = out.width();
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_and_pads_by_display_width() {
        assert_eq!(ellipsize("Marco Rubio", 20), "Marco Rubio");
        assert_eq!(ellipsize("Marco Rubio", 6), "Marco…");
        assert_eq!(ellipsize("Marco", 0), "");
        assert_eq!(ellipsize("日本語テキスト", 5), "日本…");
        assert_eq!(pad("ab", 4), "ab  ");
        assert_eq!(pad("abcdef", 4), "abc…");
        assert_eq!(width("日本"), 4);
    }
}
