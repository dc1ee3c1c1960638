//! Word lists for attribution: speech verbs, pronouns, given names and gendered words, parsed
//! once from the data files in `assets/lexicon/`.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::extract::actors::Gender;
use crate::extract::actors::fasthash::{FxHashMap, FxHashSet};
use crate::segment::{HIGHS, ONES};

/// What a speech verb form allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Verb {
    /// A finite form may come before its subject ("said Rubio").
    pub inverts: bool,
    /// The noun phrase after it is an addressee or target ("told reporters").
    pub takes_object: bool,
    /// It frames a quoted phrase ("called it …") rather than reporting a statement.
    pub frames: bool,
    /// A verb of thought or reaction: a cue only right next to a quotation.
    pub weak: bool,
    /// Its object is who is praised or blamed ("blamed Kyiv"): it reports no statement at the
    /// end of a sentence.
    pub target: bool,
    /// The form is a participle in -ing ("saying", "adding").
    pub participle: bool,
    /// The form is an irregular past ("said", "told", "wrote"): never a noun.
    pub irregular_past: bool,
    /// The form is also a noun ("call", "reports").
    pub noun: bool,
}

impl Verb {
    /// True for an irregular past form: never a noun ("said", "told", "wrote").
    pub fn inverts_irregular(self) -> bool {
        self.irregular_past
    }
}

/// What a pronoun can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PronounKind {
    /// A person of this gender ("he", "she").
    Personal(Gender),
    /// A thing or an organisation ("it").
    Neuter,
    /// A group, a people or an organisation ("they").
    Plural,
    /// First or second person ("I", "we", "you"): resolved to no one.
    Deictic,
    /// A relative pronoun ("who"): refers to the noun phrase right before it.
    Relative,
}

/// Word classes, as bits of [`Word::class`].
pub mod class {
    /// Conjunctions, subordinators and relatives that end a phrase ("and", "who", "after").
    pub const CLAUSE: u16 = 1;
    /// Determiners, numerals, possessives ("the", "one", "his").
    pub const DETERMINER: u16 = 1 << 1;
    /// Prepositions inside descriptions ("of", "with").
    pub const PREPOSITION: u16 = 1 << 2;
    /// Auxiliaries and adverbs between a subject and its verb ("has", "also").
    pub const MODIFIER: u16 = 1 << 3;
    /// Words of time ("Friday", "yesterday").
    pub const TIME: u16 = 1 << 4;
    /// Words opening an introductory phrase ("On", "Meanwhile").
    pub const INTRO: u16 = 1 << 5;
    /// Particles inside names ("of", "bin").
    pub const PARTICLE: u16 = 1 << 6;
    /// Auxiliary verbs ("was", "will").
    pub const AUXILIARY: u16 = 1 << 7;

    /// The bit of the class named in `assets/lexicon/word_classes.txt` (0 for an unknown name).
    pub fn named(name: &str) -> u16 {
        match name {
            "clause" => CLAUSE,
            "determiner" => DETERMINER,
            "preposition" => PREPOSITION,
            "modifier" => MODIFIER,
            "time" => TIME,
            "intro" => INTRO,
            "particle" => PARTICLE,
            "auxiliary" => AUXILIARY,
            _ => 0,
        }
    }
}

/// What the lexicon knows about a word form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Word {
    /// Bits of [`class`].
    pub class: u16,
    /// The speech verb it is a form of.
    pub verb: Option<Verb>,
    /// The pronoun it is.
    pub pronoun: Option<PronounKind>,
}

/// A word form's place in the lexicon, small enough to keep beside every token: its class
/// bits, and the index of its verb and pronoun (0 for a form that is neither, as most are).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Entry {
    /// Bits of [`class`].
    pub class: u16,
    index: u16,
}

impl Entry {
    /// What the lexicon knows about the form (all of it empty for a form in no list).
    pub fn word(self) -> Word {
        Word {
            class: self.class,
            ..self.more()
        }
    }

    /// The speech verb the form is, if it is one.
    pub fn verb(self) -> Option<Verb> {
        self.more().verb
    }

    /// The pronoun the form is, if it is one.
    pub fn pronoun(self) -> Option<PronounKind> {
        self.more().pronoun
    }

    /// The form's verb and pronoun, read from the lexicon only for a form that has one.
    fn more(self) -> Word {
        match self.index {
            0 => Word::default(),
            i => lexicon().words.words[usize::from(i)],
        }
    }
}

/// A word form as a table key: up to 24 ASCII bytes, lower-cased and zero-padded into three
/// machine words, so a look-up hashes and compares three words instead of a string.
type Key = [u64; 3];

/// The key of `word` in lower case; `None` for a word longer than 24 bytes, not in ASCII or
/// holding a NUL byte (no form in the lists is any of these). The bytes are read into three
/// machine words, tested and lower-cased eight at a time.
#[inline]
fn key(word: &str) -> Option<Key> {
    let bytes = word.as_bytes();
    if bytes.len() > 24 {
        return None;
    }
    let mut key = [0u64; 3];
    let mut refused = 0;
    for (k, chunk) in key.iter_mut().zip(bytes.chunks(8)) {
        let x = load(chunk);
        // The bytes of the chunk: a NUL among them is refused, the zero padding after them
        // is not.
        let inside = u64::MAX >> (8 * (8 - chunk.len()));
        // The high bit of a non-ASCII byte, or of a zero byte (exact up to the first zero
        // byte: a borrow only marks bytes after a true zero, which is inside when they are).
        refused |= (x | (x.wrapping_sub(ONES) & !x)) & HIGHS & inside;
        *k = x;
    }
    (refused == 0).then(|| key.map(ascii_lowercase))
}

/// The one to eight bytes of `chunk` as the low bytes of a machine word, read in at most
/// three loads (no copy through memory).
#[inline]
fn load(chunk: &[u8]) -> u64 {
    let n = chunk.len();
    let word = |at: usize| u64::from(chunk[at..at + 4].try_into().map_or(0, u32::from_le_bytes));
    match n {
        8.. => word(0) | (word(4) << 32),
        4..8 => word(0) | (word(n - 4) << (8 * (n - 4))),
        1..4 => {
            let byte = |at: usize| u64::from(chunk[at]) << (8 * at);
            byte(0) | byte(n / 2) | byte(n - 1)
        }
        0 => 0,
    }
}

/// The eight ASCII bytes of `x` in lower case.
fn ascii_lowercase(x: u64) -> u64 {
    // Every byte is below 0x80, so no sum carries into the next byte: the high bit of a byte
    // of `from_a` is set when the byte is 'A' or above, of `past_z` when above 'Z'.
    let from_a = x + ONES * u64::from(0x80 - b'A');
    let past_z = x + ONES * u64::from(0x80 - b'Z' - 1);
    let upper = from_a & !past_z & HIGHS;
    x | (upper >> 2)
}

/// The key of no word: the table's empty slot (no form is empty).
const EMPTY: Key = [0; 3];

/// The word forms of the lexicon in an open-addressing table of [`Key`]s, at most half full,
/// behind a one-bit-per-hash filter: most words of a text are in no list, and the filter
/// turns them away with one load from a small array instead of probing the table.
struct WordTable {
    /// Each slot's key and entry side by side: a look-up that finds its key reads its entry
    /// from the same cache line.
    slots: Vec<(Key, Entry)>,
    /// The verbs and pronouns, by [`Entry`] index; index 0 is neither.
    words: Vec<Word>,
    shift: u32,
    filter: Vec<u64>,
}

/// Bits of the filter: 32,768, so that a word in no list passes it about once in thirty.
const FILTER_BITS: u32 = 15;

impl WordTable {
    /// A table holding `forms` (the lower-case forms the lists give; any other is left out,
    /// as no look-up could find it).
    fn new(forms: &HashMap<String, Word>) -> WordTable {
        let slots = (forms.len() * 2).next_power_of_two().max(16);
        let mut table = WordTable {
            slots: vec![(EMPTY, Entry::default()); slots],
            words: vec![Word::default()],
            shift: 64 - slots.trailing_zeros(),
            filter: vec![0; 1 << (FILTER_BITS - 6)],
        };
        for (form, word) in forms {
            let Some(k) = key(form).filter(|&k| k != EMPTY && key_of_lower(form)) else {
                continue;
            };
            let h = hash(k);
            let bit = filter_bit(h);
            table.filter[bit / 64] |= 1 << (bit % 64);
            let mut i = table.slot(h);
            while table.slots[i].0 != EMPTY {
                i = (i + 1) & (slots - 1);
            }
            let more = word.verb.is_some() || word.pronoun.is_some();
            let index = match u16::try_from(table.words.len()) {
                Ok(index) if more => {
                    table.words.push(*word);
                    index
                }
                _ => 0,
            };
            table.slots[i] = (
                k,
                Entry {
                    class: word.class,
                    index,
                },
            );
        }
        table
    }

    /// The first slot of the key of hash `h` (the top bits of the hash).
    fn slot(&self, h: u64) -> usize {
        (h >> self.shift) as usize
    }

    /// What the table holds for `word`, in any case.
    fn get(&self, word: &str) -> Entry {
        let Some(k) = key(word) else {
            return Entry::default();
        };
        let h = hash(k);
        let bit = filter_bit(h);
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return Entry::default();
        }
        let mask = self.slots.len() - 1;
        let mut i = self.slot(h);
        loop {
            match self.slots[i] {
                (EMPTY, _) => return Entry::default(),
                (found, entry) if found == k => return entry,
                _ => i = (i + 1) & mask,
            }
        }
    }
}

/// The hash of a key.
fn hash(k: Key) -> u64 {
    (k[0] ^ k[1].rotate_left(21) ^ k[2].rotate_left(42)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// The filter bit of hash `h`: middle bits, apart from the top ones that pick a slot.
fn filter_bit(h: u64) -> usize {
    ((h >> 32) & ((1 << FILTER_BITS) - 1)) as usize
}

/// True when `form` is already in lower case, so a look-up (which lower-cases) can find it.
fn key_of_lower(form: &str) -> bool {
    !form.bytes().any(|b| b.is_ascii_uppercase())
}

struct Lexicon {
    words: WordTable,
    first_names: FxHashMap<&'static str, Gender>,
    gender_words: FxHashMap<&'static str, Gender>,
    person_nouns: FxHashMap<&'static str, bool>,
    organisation_words: FxHashSet<&'static str>,
}

fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn gender(tag: &str) -> Option<Gender> {
    match tag {
        "m" => Some(Gender::Male),
        "f" => Some(Gender::Female),
        _ => None,
    }
}

fn pairs(text: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    data_lines(text).filter_map(|l| l.split_once(' '))
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut verbs = HashMap::new();
        for line in data_lines(include_str!("../../../assets/lexicon/speech_verbs.txt")) {
            let (forms, flags) = line.split_once('|').unwrap_or((line, ""));
            let flags: Vec<&str> = flags.split_whitespace().collect();
            let verb = Verb {
                inverts: flags.contains(&"inv"),
                takes_object: flags.contains(&"obj"),
                frames: flags.contains(&"frame"),
                weak: flags.contains(&"weak"),
                target: flags.contains(&"target"),
                participle: false,
                irregular_past: false,
                noun: false,
            };
            let mut forms = forms.split_whitespace();
            let base = forms.next().unwrap_or("");
            let noun = flags.contains(&"noun");
            for (k, form) in std::iter::once(base).chain(forms).enumerate() {
                let participle = form.ends_with("ing") && form.len() > 5;
                let irregular_past = k >= 2 && !form.ends_with("ed") && !participle;
                let noun = noun && k < 2;
                verbs.insert(
                    form.to_string(),
                    Verb {
                        participle,
                        irregular_past,
                        noun,
                        inverts: verb.inverts && !participle,
                        ..verb
                    },
                );
            }
        }
        let pronouns: HashMap<&str, PronounKind> =
            pairs(include_str!("../../../assets/lexicon/pronouns.txt"))
                .filter_map(|(w, tag)| {
                    let kind = match tag.trim() {
                        "n" => PronounKind::Neuter,
                        "p" => PronounKind::Plural,
                        "i" => PronounKind::Deictic,
                        "r" => PronounKind::Relative,
                        g => PronounKind::Personal(gender(g)?),
                    };
                    Some((w, kind))
                })
                .collect();
        let first_names = pairs(include_str!("../../../assets/lexicon/first_names.txt"))
            .filter_map(|(w, g)| Some((w, gender(g.trim())?)))
            .collect();
        let gender_words = pairs(include_str!("../../../assets/lexicon/gender_words.txt"))
            .filter_map(|(w, g)| Some((w, gender(g.trim())?)))
            .collect();
        let mut person_nouns = FxHashMap::default();
        for (singular, plural) in pairs(include_str!("../../../assets/lexicon/person_nouns.txt")) {
            person_nouns.insert(singular, false);
            person_nouns.insert(plural.trim(), true);
        }
        let organisation_words = data_lines(include_str!(
            "../../../assets/lexicon/organisation_words.txt"
        ))
        .collect();
        let mut words: HashMap<String, Word> = HashMap::new();
        for line in data_lines(include_str!("../../../assets/lexicon/word_classes.txt")) {
            let Some((name, list)) = line.split_once(':') else {
                continue;
            };
            let bit = class::named(name.trim());
            for w in list.split_whitespace() {
                words.entry(w.to_string()).or_default().class |= bit;
            }
        }
        for (w, v) in &verbs {
            words.entry(w.clone()).or_default().verb = Some(*v);
        }
        for (w, p) in &pronouns {
            words.entry((*w).to_string()).or_default().pronoun = Some(*p);
        }
        Lexicon {
            words: WordTable::new(&words),
            first_names,
            gender_words,
            person_nouns,
            organisation_words,
        }
    })
}

/// Lower-cases `word` into `buf` when it is short enough to be a lexicon entry.
fn lower<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (b, &c) in buf.iter_mut().zip(bytes) {
        *b = c.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..bytes.len()]).ok()
}

/// What the lexicon knows about `word`, in any case.
pub fn word(word: &str) -> Word {
    entry(word).word()
}

/// The entry of `word` in the lexicon, in any case.
pub fn entry(word: &str) -> Entry {
    lexicon().words.get(word)
}

/// The speech verb `word` is a form of, in any case ("said", "Says").
pub fn verb(word: &str) -> Option<Verb> {
    entry(word).verb()
}

/// The pronoun `word` is, in any case ("he", "She").
pub fn pronoun(word: &str) -> Option<PronounKind> {
    entry(word).pronoun()
}

/// The gender a given name usually carries ("Marco" → male).
pub fn first_name_gender(word: &str) -> Option<Gender> {
    lexicon().first_names.get(word).copied()
}

/// The gender an honorific or a noun for a person shows ("Mrs." → female, "spokesman" → male).
pub fn gender_word(word: &str) -> Option<Gender> {
    let mut buf = [0; 24];
    let w = lower(word.trim_end_matches('.'), &mut buf)?;
    lexicon().gender_words.get(w).copied()
}

/// For a noun naming people ("official", "diplomats"), whether it is plural.
pub fn person_noun(word: &str) -> Option<bool> {
    let mut buf = [0; 24];
    lexicon().person_nouns.get(lower(word, &mut buf)?).copied()
}

/// True for a word that makes a capitalised name an organisation or a place ("Department").
pub fn is_organisation_word(word: &str) -> bool {
    lexicon().organisation_words.contains(&word)
}

/// True for `word` in `list`, ignoring ASCII case.
pub fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_ascii_case_and_refuse_what_no_form_holds() {
        // Every ASCII byte, at every place in a word, lower-cased as `to_ascii_lowercase` does.
        for b in 1..128u8 {
            for at in 0..8 {
                let x = u64::from(b) << (8 * at);
                let lower = u64::from(b.to_ascii_lowercase()) << (8 * at);
                assert_eq!(ascii_lowercase(x), lower, "byte {b} at {at}");
            }
        }
        assert_eq!(key("Said"), key("said"));
        assert_eq!(key("SPOKESWOMAN"), key("spokeswoman"));
        assert_ne!(key("said"), key("sai"));
        assert!(key("abcdefghijklmnopqrstuvwx").is_some());
        assert_eq!(key("abcdefghijklmnopqrstuvwxy"), None);
        assert_eq!(key("dijo\u{301}"), None);
        assert_eq!(key("sa\0id"), None);
        assert_eq!(key("said\0"), None);
        assert_eq!(key("abcdefgh\0"), None);
        assert_eq!(
            key("abcdefg"),
            Some([u64::from_le_bytes(*b"abcdefg\0"), 0, 0])
        );
        assert_eq!(key("ABCDEFGHIJ"), key("abcdefghij"));
        for n in 0..=24 {
            let w = &"ABCDEFGHIJKLMNOPQRSTUVWXYZ"[..n];
            let mut bytes = [0u8; 24];
            bytes[..n].copy_from_slice(w.to_ascii_lowercase().as_bytes());
            let expected =
                [0, 8, 16].map(|at| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap()));
            assert_eq!(key(w), Some(expected), "{w}");
        }
        assert_eq!(word("SAID").verb, word("said").verb);
        assert!(word("said").verb.is_some());
        assert_eq!(word(""), Word::default());
    }

    #[test]
    fn verb_forms_and_flags() {
        let said = verb("said").unwrap();
        assert!(said.inverts && !said.takes_object && !said.participle);
        assert!(verb("Says").unwrap().inverts);
        assert!(verb("told").unwrap().takes_object);
        assert!(!verb("told").unwrap().inverts);
        assert!(verb("called").unwrap().frames);
        let saying = verb("saying").unwrap();
        assert!(saying.participle && !saying.inverts);
        assert_eq!(verb("table"), None);
        assert_eq!(verb("sayingsayingsayingsayingsaying"), None);
    }

    #[test]
    fn pronouns_names_and_gender_words() {
        assert_eq!(pronoun("He"), Some(PronounKind::Personal(Gender::Male)));
        assert_eq!(pronoun("she"), Some(PronounKind::Personal(Gender::Female)));
        assert_eq!(pronoun("they"), Some(PronounKind::Plural));
        assert_eq!(pronoun("who"), Some(PronounKind::Relative));
        assert_eq!(pronoun("Rubio"), None);
        assert_eq!(first_name_gender("Marco"), Some(Gender::Male));
        assert_eq!(first_name_gender("Hillary"), Some(Gender::Female));
        assert_eq!(first_name_gender("Washington"), None);
        assert_eq!(gender_word("Mrs."), Some(Gender::Female));
        assert_eq!(gender_word("spokesman"), Some(Gender::Male));
        assert_eq!(gender_word("official"), None);
        assert_eq!(person_noun("Officials"), Some(true));
        assert_eq!(person_noun("spokesman"), Some(false));
        assert_eq!(person_noun("plan"), None);
        assert!(is_organisation_word("Department"));
        assert!(!is_organisation_word("Rubio"));
    }
}
