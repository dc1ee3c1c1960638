//! Keys under which two written names count as the same name: transliteration variants
//! ("Zelenskyy", "Zelenskiy", "Zelensky"), diacritics, dotted and undotted acronyms ("U.N.",
//! "UN"), initials of organisation names ("North Atlantic Treaty Organization" → "NATO").
//! Used within an article and across the corpus.

/// Folds one word: lower case, ASCII letters for common accented ones, apostrophes and dots
/// dropped, and the usual transliteration variants of Slavic endings unified ("-yy", "-iy",
/// "-ii" → "-y"; "-ey" → "-ei").
pub fn fold_word(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    fold_word_into(word, &mut s);
    s
}

/// Appends the folded form of `word` (see [`fold_word`]) to `out`.
fn fold_word_into(word: &str, out: &mut String) {
    let start = out.len();
    for c in word.chars() {
        if c.is_ascii() {
            if !matches!(c, '\'' | '.') {
                out.push(c.to_ascii_lowercase());
            }
            continue;
        }
        match c {
            '’' | '‘' => {}
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => {
                out.push('a')
            }
            'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' => {
                out.push('e')
            }
            'ì' | 'í' | 'î' | 'ï' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'İ' => out.push('i'),
            'ñ' | 'ń' | 'ň' | 'Ñ' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => {
                out.push('o')
            }
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'Ù' | 'Ú' | 'Û' | 'Ü' => out.push('u'),
            'ý' | 'ÿ' | 'Ý' => out.push('y'),
            'š' | 'ś' | 'ş' | 'Š' | 'Ś' | 'Ş' => out.push('s'),
            'ž' | 'ź' | 'ż' | 'Ž' | 'Ź' | 'Ż' => out.push('z'),
            'ł' | 'Ł' => out.push('l'),
            'ř' | 'Ř' => out.push('r'),
            'ğ' | 'Ğ' => out.push('g'),
            'ß' => out.push_str("ss"),
            c => out.extend(c.to_lowercase()),
        }
    }
    for (from, to) in [
        ("yy", "y"),
        ("iy", "y"),
        ("ii", "y"),
        ("yi", "y"),
        ("ij", "y"),
        ("ey", "ei"),
    ] {
        if out.len() - start > from.len() + 2 && out.ends_with(from) {
            out.truncate(out.len() - from.len());
            out.push_str(to);
            break;
        }
    }
}

/// Name suffixes that do not tell people apart.
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// The given-name and surname keys of a person's name: `(Some("marco"), "rubio")` for
/// "Marco Rubio", `(None, "rubio")` for "Rubio". Initials and suffixes are left out.
pub fn person_key(name: &str) -> (Option<String>, String) {
    let mut first: Option<String> = None;
    let mut last: Option<String> = None;
    // The word being folded; a kept word's buffer moves into `first` or `last`, and the
    // buffer of the last word it replaces is reused.
    let mut word = String::new();
    for w in name.split_whitespace() {
        if w.trim_end_matches('.').chars().count() <= 1 {
            continue;
        }
        word.clear();
        fold_word_into(w, &mut word);
        if word.is_empty() || SUFFIXES.contains(&word.as_str()) {
            continue;
        }
        match (&first, &mut last) {
            (None, _) => first = Some(std::mem::take(&mut word)),
            (Some(_), Some(l)) => std::mem::swap(l, &mut word),
            (Some(_), None) => last = Some(std::mem::take(&mut word)),
        }
    }
    match (first, last) {
        (None, _) => (None, fold_word(name)),
        (Some(one), None) => (None, one),
        (Some(first), Some(last)) => (Some(first), last),
    }
}

/// True when two given-name keys can be the same person's: equal, or one the other's initial.
pub fn given_names_agree(a: &str, b: &str) -> bool {
    a == b || (a.len() == 1 && b.starts_with(a)) || (b.len() == 1 && a.starts_with(b))
}

/// The key of an organisation or place name: folded words, without a leading "the".
pub fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for (i, w) in name.split_whitespace().enumerate() {
        if i == 0 && w.eq_ignore_ascii_case("the") {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        fold_word_into(w, &mut out);
    }
    out
}

/// The letters of an acronym, dots removed, in capitals ("U.N." → "UN"); `None` unless the
/// name is written in capitals.
pub fn acronym(name: &str) -> Option<String> {
    // Most names are not in capitals: find out before collecting anything.
    let mut count = 0;
    for c in name.chars().filter(|c| c.is_alphanumeric()) {
        if c.is_lowercase() || count == 8 {
            return None;
        }
        count += 1;
    }
    (count > 0).then(|| name.chars().filter(|c| c.is_alphanumeric()).collect())
}

/// Initials of a multi-word name's significant words ("North Atlantic Treaty Organization"
/// → "NATO"); `None` for a single word.
pub fn initials(name: &str) -> Option<String> {
    const SKIP: &[&str] = &["of", "the", "and", "for", "on", "de", "du", "la", "&", "in"];
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !SKIP.iter().any(|s| s.eq_ignore_ascii_case(w)))
        .collect();
    if words.len() < 2 {
        return None;
    }
    Some(
        words
            .iter()
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_uppercase)
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliteration_variants_fold_together() {
        assert_eq!(fold_word("Zelenskyy"), "zelensky");
        assert_eq!(fold_word("Zelenskiy"), "zelensky");
        assert_eq!(fold_word("Zelensky"), "zelensky");
        assert_eq!(fold_word("Andrii"), fold_word("Andriy"));
        assert_eq!(fold_word("Sergey"), fold_word("Sergei"));
        assert_eq!(fold_word("Macron"), "macron");
        assert_eq!(fold_word("Erdoğan"), "erdogan");
    }

    #[test]
    fn person_keys() {
        assert_eq!(
            person_key("Marco Rubio"),
            (Some("marco".to_string()), "rubio".to_string())
        );
        assert_eq!(
            person_key("Donald J. Trump"),
            (Some("donald".to_string()), "trump".to_string())
        );
        assert_eq!(person_key("Rubio"), (None, "rubio".to_string()));
        assert!(given_names_agree("j", "jared"));
        assert!(!given_names_agree("donald", "melania"));
    }

    #[test]
    fn acronyms_and_initials() {
        assert_eq!(acronym("U.N.").as_deref(), Some("UN"));
        assert_eq!(acronym("UN").as_deref(), Some("UN"));
        assert_eq!(acronym("United Nations"), None);
        assert_eq!(initials("United Nations").as_deref(), Some("UN"));
        assert_eq!(
            initials("North Atlantic Treaty Organization").as_deref(),
            Some("NATO")
        );
        assert_eq!(name_key("The Wall Street Journal"), "wall street journal");
    }
}
