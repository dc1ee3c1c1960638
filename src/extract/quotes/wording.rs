//! The wording of a quotation, normalised so that the same words quoted in different articles
//! (other marks, case, punctuation or apostrophes) get the same key.

use xxhash_rust::xxh3::xxh3_64;

/// The words of `s`, lower-cased, with apostrophes dropped inside words ("it’s" → "its") and
/// everything else that is not a letter or a digit treated as a space.
pub fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if (c == '\'' || c == '’') && !word.is_empty() {
            continue;
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// The key of a quotation's wording: equal for the same words in any article (the hash of
/// its [`words`] joined by spaces).
pub fn group(s: &str) -> u64 {
    let mut joined = String::with_capacity(s.len());
    let mut in_word = false;
    for c in s.chars() {
        if c.is_alphanumeric() {
            if !in_word && !joined.is_empty() {
                joined.push(' ');
            }
            joined.extend(c.to_lowercase());
            in_word = true;
        } else if !((c == '\'' || c == '’') && in_word) {
            in_word = false;
        }
    }
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
        let s = "“It’s U.S.-backed,” he said";
        assert_eq!(group(s), xxh3_64(words(s).join(" ").as_bytes()));
    }
}
