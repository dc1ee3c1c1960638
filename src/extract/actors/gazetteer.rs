//! The general gazetteer shipped in `assets/gazetteer/`: countries, capitals and demonyms,
//! places, organisations, titles, first names with gender, surnames, organisation and place
//! head words, metonyms and common English words. Parsed once into one lower-case keyed table.

use crate::extract::actors::fasthash::FxHashMap;
use compact_str::CompactString;
use std::sync::OnceLock;

use crate::extract::actors::Gender;

/// Whether a title is an honorific ("Mr", "Sen.") or an office worth keeping as a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TitleKind {
    /// A form of address; never a name on its own.
    Honorific,
    /// An office, job or relation ("Foreign Minister", "son-in-law").
    Office,
    /// A style that is part of the name when one given name follows ("King Charles",
    /// "Pope Francis", "Mother Teresa").
    Style,
}

/// A title and the gender it implies, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Title {
    /// Honorific or office.
    pub kind: TitleKind,
    /// Gender implied by the title ("Mrs", "Queen", "spokesman").
    pub gender: Option<Gender>,
}

/// What the gazetteer knows about one lower-case key. Several facts can hold at once
/// ("georgia": a country and a first name; "brown": a surname and an English word).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Entry {
    /// A country (or country-like territory): the id of its canonical name.
    pub country: Option<u32>,
    /// Another place: the id of its canonical name.
    pub place: Option<u32>,
    /// A demonym or adjective of a country: the country's id.
    pub demonym: Option<u32>,
    /// An organisation: the id of its canonical name.
    pub org: Option<u32>,
    /// A MISC name (religion, people, event, language).
    pub misc: bool,
    /// A place that stands for a government: the id of what it stands for.
    pub metonym: Option<u32>,
    /// A given name, with its usual gender (`None` for unisex names).
    pub first_name: Option<Option<Gender>>,
    /// A frequent surname.
    pub surname: bool,
    /// A title or office.
    pub title: Option<Title>,
    /// A word that heads or ends organisation names ("Bank", "Ministry", "Inc").
    pub org_word: bool,
    /// A word that heads or ends place names ("River", "Province").
    pub place_word: bool,
    /// A word that ends names of events, competitions, wars and laws ("Cup", "War", "Act").
    pub misc_word: bool,
    /// A common lower-case English word.
    pub word: bool,
    /// The key only names something when written in capitals ("US" but not "us").
    pub caps_only: bool,
    /// The first word of a name of several words ("new" for "New York").
    pub starts_phrase: bool,
    /// The first word of a title of several words ("secretary" for "secretary of state").
    pub starts_title: bool,
    /// The last word of a title of several words ("state" for "secretary of state").
    pub ends_title: bool,
}

impl Default for Entry {
    fn default() -> Entry {
        Entry::NONE
    }
}

impl Entry {
    /// The entry of a word the gazetteer does not hold.
    pub const NONE: Entry = Entry {
        country: None,
        place: None,
        demonym: None,
        org: None,
        misc: false,
        metonym: None,
        first_name: None,
        surname: false,
        title: None,
        org_word: false,
        place_word: false,
        misc_word: false,
        word: false,
        caps_only: false,
        starts_phrase: false,
        starts_title: false,
        ends_title: false,
    };

    /// True when the key names a country, place, organisation or MISC thing.
    pub fn is_named_thing(&self) -> bool {
        self.country.is_some()
            || self.place.is_some()
            || self.org.is_some()
            || self.demonym.is_some()
            || self.misc
    }
}

/// The parsed gazetteer.
///
/// Looking words up is a large share of actor extraction, and the table is too big for the
/// processor's caches, so it is kept small: each key (stored inline when up to 24 bytes long,
/// as nearly all are, so a probe follows no pointer) maps to the index of its entry among the
/// distinct entries. Most keys share a few entries ("an English word", "a male given name"),
/// which stay in cache.
#[derive(Debug)]
pub struct Gazetteer {
    keys: FxHashMap<CompactString, u32>,
    distinct: Vec<Entry>,
    names: Vec<String>,
    /// The longest key in words, bounding phrase look-ups.
    pub max_words: usize,
}

/// The gazetteer while it is being read: one entry per key, updated file by file.
struct Builder {
    entries: FxHashMap<CompactString, Entry>,
    names: Vec<String>,
    ids: FxHashMap<String, u32>,
    max_words: usize,
}

const COUNTRIES: &str = include_str!("../../../assets/gazetteer/countries.tsv");
const PLACES: &str = include_str!("../../../assets/gazetteer/places.txt");
const ORGANISATIONS: &str = include_str!("../../../assets/gazetteer/organisations.txt");
const OUTLETS: &str = include_str!("../../../assets/gazetteer/outlets.txt");
const MISC: &str = include_str!("../../../assets/gazetteer/misc.txt");
const METONYMS: &str = include_str!("../../../assets/gazetteer/metonyms.tsv");
const TITLES: &str = include_str!("../../../assets/gazetteer/titles.tsv");
const FIRST_NAMES_CENSUS: &str = include_str!("../../../assets/gazetteer/first_names_census.tsv");
const FIRST_NAMES_WORLD: &str = include_str!("../../../assets/gazetteer/first_names_world.tsv");
const SURNAMES: &str = include_str!("../../../assets/gazetteer/surnames_census.txt");
const ORG_WORDS: &str = include_str!("../../../assets/gazetteer/org_words.txt");
const MISC_WORDS: &str = include_str!("../../../assets/gazetteer/misc_words.txt");
const PLACE_WORDS: &str = include_str!("../../../assets/gazetteer/place_words.txt");
const ENGLISH_WORDS: &str = include_str!("../../../assets/gazetteer/english_words.txt");

/// The gazetteer, parsed on first use.
pub fn get() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(Builder::load)
}

/// Non-empty, non-comment lines of a data file.
fn lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

fn gender_of(code: &str) -> Option<Gender> {
    match code.trim() {
        "m" => Some(Gender::Male),
        "f" => Some(Gender::Female),
        _ => None,
    }
}

/// Lower-cases `text` into `buf` (Unicode-aware), folding typographic apostrophes.
pub fn lower_into(text: &str, buf: &mut String) {
    buf.clear();
    if text.is_ascii() {
        buf.push_str(text);
        buf.make_ascii_lowercase();
        return;
    }
    for c in text.chars() {
        match c {
            '’' | '‘' => buf.push('\''),
            c if c.is_ascii() => buf.push(c.to_ascii_lowercase()),
            c => buf.extend(c.to_lowercase()),
        }
    }
}

/// True when every letter of `s` is upper case and it has at least one.
pub fn is_caps(s: &str) -> bool {
    let mut any = false;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        any |= c.is_alphabetic();
    }
    any
}

impl Builder {
    fn load() -> Gazetteer {
        let mut g = Builder {
            entries: FxHashMap::with_capacity_and_hasher(90_000, Default::default()),
            names: Vec::new(),
            ids: FxHashMap::default(),
            max_words: 1,
        };
        for w in lines(ENGLISH_WORDS) {
            g.entry(w.trim()).word = true;
        }
        for line in lines(COUNTRIES) {
            let mut cols = line.split('\t');
            let names: Vec<&str> = cols.next().unwrap_or("").split('|').collect();
            let demonyms = cols.next().unwrap_or("");
            let capitals = cols.next().unwrap_or("");
            let id = g.id(names[0]);
            for n in &names {
                g.alias(n).country = Some(id);
            }
            for d in demonyms.split('|').filter(|d| !d.is_empty()) {
                if g.entries
                    .get(d.to_lowercase().as_str())
                    .is_none_or(|e| e.country.is_none())
                {
                    g.alias(d).demonym = Some(id);
                }
            }
            let mut capital_id = None;
            for c in capitals.split('|').filter(|c| !c.is_empty()) {
                let cid = *capital_id.get_or_insert_with(|| g.id(c));
                let e = g.alias(c);
                // The first country listed keeps a capital shared with a former state
                // (Moscow: Russia, not the Soviet Union).
                if e.country.is_none() && e.metonym.is_none() {
                    e.place = Some(cid);
                    e.metonym = Some(id);
                }
            }
        }
        g.load_names(PLACES, |e, id| {
            if e.country.is_none() && e.place.is_none() {
                e.place = Some(id);
            }
        });
        g.load_names(ORGANISATIONS, |e, id| {
            if e.org.is_none() {
                e.org = Some(id);
            }
        });
        for line in lines(OUTLETS) {
            let name = line.trim();
            // "Time", "Slate": an outlet named by one ordinary word is left to the context.
            if !name.contains(' ')
                && g.entries
                    .get(name.to_lowercase().as_str())
                    .is_some_and(|e| e.word)
            {
                continue;
            }
            let id = g.id(name);
            let e = g.alias(name);
            if e.org.is_none() && e.country.is_none() && e.place.is_none() {
                e.org = Some(id);
            }
        }
        for line in lines(MISC) {
            for n in line.split('|') {
                let e = g.alias(n);
                if e.demonym.is_none() && e.country.is_none() {
                    e.misc = true;
                }
            }
        }
        for line in lines(METONYMS) {
            let mut cols = line.split('\t');
            let (Some(name), Some(of)) = (cols.next(), cols.next()) else {
                continue;
            };
            let of = g.id(of.trim());
            g.alias(name).metonym = Some(of);
        }
        for line in lines(TITLES) {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 3 {
                continue;
            }
            let kind = match cols[2].trim() {
                "honorific" => TitleKind::Honorific,
                "style" => TitleKind::Style,
                _ => TitleKind::Office,
            };
            let gender = gender_of(cols[1]);
            let key = cols[0].trim().to_lowercase();
            g.max_words = g.max_words.max(key.split(' ').count());
            g.entry(&key).title = Some(Title { kind, gender });
            if let Some((head, _)) = key.split_once([' ', '-']) {
                g.entry(head).starts_title = true;
            }
            if let Some((_, tail)) = key.rsplit_once([' ', '-']) {
                g.entry(tail).ends_title = true;
            }
        }
        for line in lines(FIRST_NAMES_CENSUS).chain(lines(FIRST_NAMES_WORLD)) {
            let mut cols = line.split('\t');
            let name = cols.next().unwrap_or("").trim();
            let gender = gender_of(cols.next().unwrap_or(""));
            let e = g.entry(&name.to_lowercase());
            // A country or region name is not taken as a given name ("Georgia", "Chad").
            if e.country.is_none() && e.place.is_none() && e.first_name.is_none() {
                e.first_name = Some(gender);
            }
        }
        for w in lines(SURNAMES) {
            g.entry(&w.trim().to_lowercase()).surname = true;
        }
        for w in lines(ORG_WORDS) {
            g.entry(&w.trim().to_lowercase()).org_word = true;
        }
        for w in lines(MISC_WORDS) {
            g.entry(&w.trim().to_lowercase()).misc_word = true;
        }
        for w in lines(PLACE_WORDS) {
            g.entry(&w.trim().to_lowercase()).place_word = true;
        }
        g.finish()
    }

    /// The compact table: each key with the index of its entry among the distinct entries.
    fn finish(self) -> Gazetteer {
        let mut index: FxHashMap<Entry, u32> = FxHashMap::default();
        let mut distinct = Vec::new();
        let mut keys = FxHashMap::with_capacity_and_hasher(self.entries.len(), Default::default());
        for (key, e) in self.entries {
            let i = *index.entry(e).or_insert_with(|| {
                distinct.push(e);
                (distinct.len() - 1) as u32
            });
            keys.insert(key, i);
        }
        Gazetteer {
            keys,
            distinct,
            names: self.names,
            max_words: self.max_words,
        }
    }

    /// Loads a list of `canonical|alias|…` lines, setting each alias's entry with `set`.
    fn load_names(&mut self, data: &str, set: impl Fn(&mut Entry, u32)) {
        for line in lines(data) {
            let names: Vec<&str> = line.split('|').collect();
            let id = self.id(names[0]);
            for n in names {
                set(self.alias(n), id);
            }
        }
    }

    fn id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(name.to_string());
        self.ids.insert(name.to_string(), id);
        id
    }

    fn entry(&mut self, key: &str) -> &mut Entry {
        self.entries.entry(key.into()).or_default()
    }

    /// The entry for a name written as `name` in a data file: keyed in lower case, marked
    /// capitals-only when the written form is an acronym that is also an English word.
    fn alias(&mut self, name: &str) -> &mut Entry {
        let name = name.trim();
        let mut key = String::new();
        lower_into(name, &mut key);
        self.max_words = self.max_words.max(key.split(' ').count());
        let caps = name.chars().count() <= 5 && is_caps(name);
        if let Some((head, _)) = key.split_once([' ', '-']) {
            self.entries.entry(head.into()).or_default().starts_phrase = true;
        }
        let e = self.entries.entry(key.into()).or_default();
        if caps && e.word {
            e.caps_only = true;
        }
        e
    }
}

impl Gazetteer {
    /// The entry for a lower-case key.
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.keys.get(key).map(|&i| &self.distinct[i as usize])
    }

    /// The entry for `text` as written: lower-cased through `buf`, and refused when the key
    /// only counts in capitals and `text` is not in capitals.
    pub fn lookup(&self, text: &str, buf: &mut String) -> Option<&Entry> {
        let e = self.lookup_any(text, buf)?;
        if e.caps_only && !is_caps(text) {
            return None;
        }
        Some(e)
    }

    /// The canonical name for an id.
    pub fn name(&self, id: u32) -> &str {
        self.names.get(id as usize).map_or("", String::as_str)
    }

    /// True when `word` (as written) may open a gazetteer name of several words.
    pub fn starts_phrase(&self, word: &str, buf: &mut String) -> bool {
        self.lookup_any(word, buf).is_some_and(|e| e.starts_phrase)
    }

    /// [`Gazetteer::lookup`] and [`Gazetteer::starts_phrase`] of `text` with one probe.
    pub fn lookup_opening(&self, text: &str, buf: &mut String) -> (Option<&Entry>, bool) {
        match self.lookup_any(text, buf) {
            Some(e) => {
                let opens = e.starts_phrase;
                ((!e.caps_only || is_caps(text)).then_some(e), opens)
            }
            None => (None, false),
        }
    }

    /// The entry for `text` whatever its case.
    fn lookup_any(&self, text: &str, buf: &mut String) -> Option<&Entry> {
        if text.bytes().all(|b| b.is_ascii_lowercase()) {
            return self.get(text);
        }
        lower_into(text, buf);
        self.get(buf.as_str())
    }

    /// True when the lower-case key is a common English word.
    pub fn is_word(&self, key: &str) -> bool {
        self.get(key).is_some_and(|e| e.word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(s: &str) -> Entry {
        let mut buf = String::new();
        get().lookup(s, &mut buf).copied().unwrap_or_default()
    }

    #[test]
    fn countries_capitals_and_demonyms() {
        let g = get();
        let us = entry("U.S.").country.unwrap();
        assert_eq!(g.name(us), "United States");
        assert_eq!(entry("United States").country, Some(us));
        assert_eq!(entry("Washington").metonym, Some(us));
        let ua = entry("Ukrainian").demonym.unwrap();
        assert_eq!(g.name(ua), "Ukraine");
        assert_eq!(entry("Kyiv").metonym, Some(ua));
        assert_eq!(g.name(entry("Kremlin").metonym.unwrap()), "Russia");
    }

    #[test]
    fn acronyms_that_are_words_only_count_in_capitals() {
        assert!(entry("US").country.is_some());
        assert!(entry("us").country.is_none());
        assert!(entry("WHO").org.is_some());
        assert_eq!(entry("who").org, None);
    }

    #[test]
    fn keys_share_their_entries() {
        let g = get();
        assert!(g.keys.len() > 50_000);
        assert!(g.distinct.len() * 20 < g.keys.len(), "{}", g.distinct.len());
        // Two plain English words share one stored entry.
        assert_eq!(g.keys.get("trailing"), g.keys.get("although"));
    }

    #[test]
    fn names_titles_and_words() {
        assert_eq!(entry("Marco").first_name, Some(Some(Gender::Male)));
        assert_eq!(entry("Mary").first_name, Some(Some(Gender::Female)));
        assert_eq!(entry("Georgia").first_name, None);
        assert!(entry("Johnson").surname);
        let t = entry("secretary of state").title.unwrap();
        assert_eq!(t.kind, TitleKind::Office);
        assert_eq!(entry("Mrs.").title.unwrap().gender, Some(Gender::Female));
        assert!(entry("Ministry").org_word);
        assert!(entry("River").place_word);
        assert!(entry("Trailing").word);
    }
}
