//! The wording of a quotation, normalised so that the same words quoted in different articles
//! (other marks, case, punctuation or apostrophes) get the same key.

use xxhash_rust::xxh3::xxh3_64;

/// The words of `s`, lower-cased, with apostrophes dropped inside words ("it’s" → "its") and
/// everything else that is not a letter or a digit treated as a space.
pub fn words(s: &str) -> Vec<String> {
    let mut joined = String::new();
    join_words(s, &mut joined, |_| {});
    if joined.is_empty() {
        return Vec::new();
    }
    joined.split(' ').map(str::to_owned).collect()
}

/// Writes the [`words`] of `s` into `joined` (cleared first), separated by single spaces,
/// calling `word_end` with the end of each word in `joined`, in order: a word is
/// `joined[start..end]`, where `start` is 0 or one past the previous end.
pub fn join_words(s: &str, joined: &mut String, mut word_end: impl FnMut(usize)) {
    joined.clear();
    let bytes = s.as_bytes();
    let mut in_word = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let (c, len) = if b.is_ascii() {
            (char::from(b), 1)
        } else {
            let Some(c) = s[i..].chars().next() else {
                break;
            };
            (c, c.len_utf8())
        };
        if c.is_alphanumeric() {
            if !in_word && !joined.is_empty() {
                word_end(joined.len());
                joined.push(' ');
            }
            if b.is_ascii() {
                // A run of ASCII letters and digits, copied and lower-cased at once.
                let run = bytes[i..]
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric())
                    .map_or(bytes.len(), |k| i + k);
                let from = joined.len();
                joined.push_str(&s[i..run]);
                joined[from..].make_ascii_lowercase();
                i = run;
            } else {
                joined.extend(c.to_lowercase());
                i += len;
            }
            in_word = true;
            continue;
        }
        if !((c == '\'' || c == '’') && in_word) {
            in_word = false;
        }
        i += len;
    }
    if !joined.is_empty() {
        word_end(joined.len());
    }
}

/// The key of a quotation's wording: equal for the same words in any article (the hash of
/// its [`words`] joined by spaces).
pub fn group(s: &str) -> u64 {
    let mut joined = String::with_capacity(s.len());
    join_words(s, &mut joined, |_| {});
    xxh3_64(joined.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_words_same_group() {
        assert_eq!(
            group("“We’re not going to drag this out for weeks or months.”"),
            group("\"We're not going to drag this out for weeks, or months\"")
        );
        assert_ne!(
            group("“We’re not going to drag this out.”"),
            group("“We are not going to drag this out.”")
        );
        assert_eq!(
            words("“It’s U.S.-backed,” he"),
            ["its", "u", "s", "backed", "he"]
        );
        assert_eq!(words("“ÉTÉ À Zürich”"), ["été", "à", "zürich"]);
        assert_eq!(group("“ÉTÉ À Zürich”"), xxh3_64("été à zürich".as_bytes()));
    }

    #[test]
    fn joined_words_and_their_ends() {
        let mut joined = String::from("left over");
        let mut ends = Vec::new();
        join_words("“It’s U.S.-backed,” he", &mut joined, |end| {
            ends.push(end)
        });
        assert_eq!(joined, "its u s backed he");
        assert_eq!(ends, [3, 5, 7, 14, 17]);
        join_words("“ — ”", &mut joined, |end| ends.push(end));
        assert_eq!(joined, "");
        assert_eq!(ends.len(), 5);
    }
}
