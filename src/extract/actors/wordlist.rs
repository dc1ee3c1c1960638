//! Fixed lists of lower-case ASCII words, matched in any case behind a filter that rules most
//! other words out without comparing them.

/// A list of lower-case ASCII words with the (length, first letter) pairs they use.
pub struct WordList {
    words: &'static [&'static str],
    /// Bit `(len % 16) * 32 + first % 32` is set for each word (letters share bits with
    /// other bytes, so a clear bit rules a word out and a set bit only lets it in).
    pairs: [u64; 8],
}

/// The filter bit of a word of `len` bytes opening with byte `first`.
const fn pair_bit(len: usize, first: u8) -> usize {
    ((len & 15) << 5) | (first & 31) as usize
}

impl WordList {
    /// The list of `words` (each non-empty, lower-case ASCII).
    pub const fn new(words: &'static [&'static str]) -> WordList {
        let mut pairs = [0u64; 8];
        let mut i = 0;
        while i < words.len() {
            let bytes = words[i].as_bytes();
            let mut j = 0;
            while j < bytes.len() {
                assert!(
                    bytes[j].is_ascii() && !bytes[j].is_ascii_uppercase(),
                    "a word list holds lower-case ASCII words"
                );
                j += 1;
            }
            let bit = pair_bit(words[i].len(), bytes[0]);
            pairs[bit >> 6] |= 1 << (bit & 63);
            i += 1;
        }
        WordList { words, pairs }
    }

    /// True when `w` is one of the words, ignoring ASCII case.
    #[inline]
    pub fn contains_ignore_case(&self, w: &str) -> bool {
        let Some(&first) = w.as_bytes().first() else {
            return false;
        };
        let bit = pair_bit(w.len(), first);
        self.pairs[bit >> 6] & (1 << (bit & 63)) != 0
            && self.words.iter().any(|x| x.eq_ignore_ascii_case(w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_match_in_any_case_and_others_do_not() {
        const LIST: WordList = WordList::new(&["said", "told", "in", "visited"]);
        for w in ["said", "Said", "TOLD", "in", "IN", "visited"] {
            assert!(LIST.contains_ignore_case(w), "{w}");
        }
        // Same length and first letter as a word of the list, or neither.
        for w in ["sail", "toll", "on", "", "visitor", "saïd", "i"] {
            assert!(!LIST.contains_ignore_case(w), "{w}");
        }
    }
}
