//! The date vocabulary: month and weekday names, number words, calendar units and the other
//! words time expressions are built from. The dateline reader in `ingest` uses the same names.

use std::sync::OnceLock;

/// Month number (1-12) for an English month name or its usual abbreviation ("Dec", "Sept").
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    if w.len() < 3 || w.len() > 9 {
        return None;
    }
    let mut buf = [0u8; 9];
    let lower = lowercase(w, &mut buf)?;
    match lex(lower) {
        Lex::Month(m, _) => Some(u32::from(m)),
        _ => None,
    }
}

/// Weekday number (0 = Monday … 6 = Sunday) for an English weekday name or its usual
/// abbreviation ("Wednesday", "Wed", "Weds.").
pub fn weekday_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    let mut buf = [0u8; 9];
    match lex(lowercase(w, &mut buf)?) {
        Lex::Weekday(d, _) => Some(u32::from(d)),
        _ => None,
    }
}

/// True for an English weekday name or its usual abbreviation ("Wednesday", "Wed", "Weds.").
pub fn is_weekday(word: &str) -> bool {
    weekday_number(word).is_some()
}

/// `word` in ASCII lower case in `buf`, or `None` when it is not ASCII or does not fit.
pub fn lowercase<'b>(word: &str, buf: &'b mut [u8]) -> Option<&'b str> {
    std::str::from_utf8(lowercase_bytes(word.as_bytes(), buf)?).ok()
}

/// The ASCII bytes `word` in lower case in `buf`, or `None` when they are not all ASCII or do
/// not fit.
fn lowercase_bytes<'b>(word: &[u8], buf: &'b mut [u8]) -> Option<&'b [u8]> {
    if word.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    let out = &mut buf[..word.len()];
    for (o, b) in out.iter_mut().zip(word) {
        *o = b.to_ascii_lowercase();
    }
    Some(out)
}

/// A calendar or clock unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    /// A second.
    Second,
    /// A minute.
    Minute,
    /// An hour.
    Hour,
    /// A day.
    Day,
    /// A weekend.
    Weekend,
    /// A week.
    Week,
    /// Two weeks.
    Fortnight,
    /// A month.
    Month,
    /// A quarter of a year.
    Quarter,
    /// A year.
    Year,
    /// Ten years.
    Decade,
    /// A hundred years.
    Century,
}

/// A season of the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Season {
    /// March to May (northern hemisphere).
    Spring,
    /// June to August.
    Summer,
    /// September to November.
    Fall,
    /// December to February.
    Winter,
}

/// A part of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayPart {
    /// Morning (TMO).
    Morning,
    /// Noon or midday (12:00).
    Noon,
    /// Afternoon (TAF).
    Afternoon,
    /// Evening (TEV).
    Evening,
    /// Night (TNI).
    Night,
    /// Midnight (24:00 of the day before; written T00:00).
    Midnight,
}

/// Temporal function words and modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum W {
    The,
    A,
    An,
    This,
    That,
    These,
    Last,
    Next,
    Past,
    Coming,
    Previous,
    Following,
    Current,
    Latest,
    Recent,
    Same,
    Ago,
    Earlier,
    Later,
    Early,
    Late,
    Mid,
    Middle,
    End,
    Ended,
    Beginning,
    Start,
    Of,
    In,
    On,
    At,
    By,
    Since,
    Until,
    From,
    To,
    Through,
    Into,
    Between,
    And,
    Or,
    Each,
    Every,
    Per,
    Few,
    Several,
    Couple,
    Some,
    Many,
    Half,
    About,
    Around,
    Roughly,
    Nearly,
    Almost,
    Least,
    Up,
    More,
    Less,
    Than,
    Over,
    Within,
    For,
    During,
    Today,
    Tonight,
    Yesterday,
    Tomorrow,
    Now,
    Currently,
    Recently,
    Future,
    Lately,
    Nowadays,
    Present,
    Daily,
    Weekly,
    Monthly,
    Yearly,
    Annually,
    Hourly,
    Fiscal,
    Times,
    Once,
    Twice,
    Before,
    After,
    Hence,
    Long,
    Old,
    Near,
    Short,
    Term,
    Its,
    Their,
    His,
    Her,
    Our,
    Other,
    Period,
    Trading,
    Business,
    Calendar,
    Christmas,
    Eve,
    New,
    Thanksgiving,
    Halloween,
    Moment,
    Time,
    Then,
    Am,
    Pm,
    Zone,
    So,
    Ahead,
    Upcoming,
    Prior,
    Soon,
    Eighties,
}

/// What a word is, for the time grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lex {
    /// Not a temporal word.
    Other,
    /// A month (1-12), and whether it is abbreviated.
    Month(u8, bool),
    /// A weekday (0 = Monday), and whether it is plural ("Mondays"). Abbreviations ("Fri") are
    /// told apart by their length: every full name has six letters or more.
    Weekday(u8, bool),
    /// A cardinal number word ("three" = 3, "hundred" = 100, "dozen" = 12).
    NumWord(u16),
    /// An ordinal word ("third" = 3).
    Ordinal(u8),
    /// A unit, and whether it is plural.
    Unit(Unit, bool),
    /// A season.
    Season(Season),
    /// A part of the day.
    DayPart(DayPart),
    /// A function word or modifier.
    Word(W),
}

/// Classifies a lower-case ASCII word.
pub fn lex(w: &str) -> Lex {
    lex_bytes(w.as_bytes())
}

/// Classifies a lower-case ASCII word given as bytes.
fn lex_bytes(w: &[u8]) -> Lex {
    if w.len() > MAX_LEN {
        return Lex::Other;
    }
    lex_packed(pack(w), w.len())
}

/// The bytes of `w` (at most [`MAX_LEN`]) packed into a number, the first lowest.
fn pack(w: &[u8]) -> u128 {
    w.iter()
        .enumerate()
        .fold(0u128, |acc, (n, &c)| acc | u128::from(c) << (8 * n))
}

/// The table key of a packed word: its bytes and its length in the top byte.
fn key(letters: u128, len: usize) -> u128 {
    letters | (len as u128) << 120
}

/// Longest word [`lex_packed`] can look up; every listed word is shorter.
pub const MAX_LEN: usize = 15;

/// Classifies a lower-case word of `len` bytes given packed into a number, its first byte
/// lowest ([`lex_bytes`] packs one). Bytes past `MAX_LEN` are left out of `letters`; a word
/// that long is no date word.
#[inline]
pub fn lex_packed(letters: u128, len: usize) -> Lex {
    if len == 0 || len > MAX_LEN {
        return Lex::Other;
    }
    let table = table();
    // Most words share no first letter, last letter and length with a listed word: one bit
    // test rules them out before hashing.
    let first = (letters & 31) as usize;
    let last = ((letters >> (8 * (len - 1))) & 31) as u32;
    if table.ends[len * 32 + first] & (1 << last) == 0 {
        return Lex::Other;
    }
    let key = key(letters, len);
    let mut slot = slot_of(key);
    // The table is never full, so the probe ends at the word or at an empty slot.
    loop {
        let (k, lex) = table.slots[slot];
        if k == key {
            return lex;
        }
        if k == 0 {
            return Lex::Other;
        }
        slot = (slot + 1) % SLOTS;
    }
}

/// Number of slots of the lookup table (a power of two, well above the number of words).
const SLOTS: usize = 1 << 9;

/// The slot a key's probe starts at (multiplicative hashing).
fn slot_of(key: u128) -> usize {
    let x = (key as u64) ^ ((key >> 64) as u64);
    (x.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - SLOTS.trailing_zeros())) as usize
}

/// The lookup table of [`WORDS`].
struct Table {
    /// Open addressing: a key (0 for an empty slot) and its class in each slot.
    slots: Vec<(u128, Lex)>,
    /// For each length and first letter (`len * 32 + letter % 32`), a bit for the last letter
    /// (`letter % 32`) of every listed word of that length and first letter.
    ends: [u32; (MAX_LEN + 1) * 32],
}

/// The lookup table of [`WORDS`], built on first use.
fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut ends = [0u32; (MAX_LEN + 1) * 32];
        let mut table = vec![(0, Lex::Other); SLOTS];
        for &(w, lex) in WORDS {
            assert!(
                !w.is_empty() && w.len() <= MAX_LEN,
                "{w}: listed words are 1 to 15 bytes"
            );
            let b = w.as_bytes();
            ends[w.len() * 32 + usize::from(b[0] & 31)] |= 1 << (b[w.len() - 1] & 31);
            let key = key(pack(b), w.len());
            let mut slot = slot_of(key);
            while table[slot].0 != 0 {
                slot = (slot + 1) % SLOTS;
            }
            table[slot] = (key, lex);
        }
        Table { slots: table, ends }
    })
}

/// Every word of the date vocabulary, lower case, with its class. Each word is listed once.
const WORDS: &[(&str, Lex)] = {
    use self::Unit as U;
    use Lex::*;
    &[
        ("january", Month(1, false)),
        ("jan", Month(1, true)),
        ("february", Month(2, false)),
        ("feb", Month(2, true)),
        ("febr", Month(2, true)),
        ("march", Month(3, false)),
        ("mar", Month(3, true)),
        ("april", Month(4, false)),
        ("apr", Month(4, true)),
        ("may", Month(5, false)),
        ("june", Month(6, false)),
        ("jun", Month(6, true)),
        ("july", Month(7, false)),
        ("jul", Month(7, true)),
        ("august", Month(8, false)),
        ("aug", Month(8, true)),
        ("september", Month(9, false)),
        ("sep", Month(9, true)),
        ("sept", Month(9, true)),
        ("october", Month(10, false)),
        ("oct", Month(10, true)),
        ("november", Month(11, false)),
        ("nov", Month(11, true)),
        ("december", Month(12, false)),
        ("dec", Month(12, true)),
        ("monday", Weekday(0, false)),
        ("mon", Weekday(0, false)),
        ("tuesday", Weekday(1, false)),
        ("tue", Weekday(1, false)),
        ("tues", Weekday(1, false)),
        ("wednesday", Weekday(2, false)),
        ("wed", Weekday(2, false)),
        ("weds", Weekday(2, false)),
        ("thursday", Weekday(3, false)),
        ("thu", Weekday(3, false)),
        ("thur", Weekday(3, false)),
        ("thurs", Weekday(3, false)),
        ("friday", Weekday(4, false)),
        ("fri", Weekday(4, false)),
        ("saturday", Weekday(5, false)),
        ("sat", Weekday(5, false)),
        ("sunday", Weekday(6, false)),
        ("sun", Weekday(6, false)),
        ("mondays", Weekday(0, true)),
        ("tuesdays", Weekday(1, true)),
        ("wednesdays", Weekday(2, true)),
        ("thursdays", Weekday(3, true)),
        ("fridays", Weekday(4, true)),
        ("saturdays", Weekday(5, true)),
        ("sundays", Weekday(6, true)),
        ("one", NumWord(1)),
        ("two", NumWord(2)),
        ("three", NumWord(3)),
        ("four", NumWord(4)),
        ("five", NumWord(5)),
        ("six", NumWord(6)),
        ("seven", NumWord(7)),
        ("eight", NumWord(8)),
        ("nine", NumWord(9)),
        ("ten", NumWord(10)),
        ("eleven", NumWord(11)),
        ("twelve", NumWord(12)),
        ("thirteen", NumWord(13)),
        ("fourteen", NumWord(14)),
        ("fifteen", NumWord(15)),
        ("sixteen", NumWord(16)),
        ("seventeen", NumWord(17)),
        ("eighteen", NumWord(18)),
        ("nineteen", NumWord(19)),
        ("twenty", NumWord(20)),
        ("thirty", NumWord(30)),
        ("forty", NumWord(40)),
        ("fifty", NumWord(50)),
        ("sixty", NumWord(60)),
        ("seventy", NumWord(70)),
        ("eighty", NumWord(80)),
        ("ninety", NumWord(90)),
        ("hundred", NumWord(100)),
        ("dozen", NumWord(12)),
        ("first", Ordinal(1)),
        ("second", Ordinal(2)),
        ("third", Ordinal(3)),
        ("fourth", Ordinal(4)),
        ("fifth", Ordinal(5)),
        ("sixth", Ordinal(6)),
        ("seventh", Ordinal(7)),
        ("eighth", Ordinal(8)),
        ("ninth", Ordinal(9)),
        ("tenth", Ordinal(10)),
        ("eleventh", Ordinal(11)),
        ("twelfth", Ordinal(12)),
        ("thirteenth", Ordinal(13)),
        ("fourteenth", Ordinal(14)),
        ("fifteenth", Ordinal(15)),
        ("sixteenth", Ordinal(16)),
        ("seventeenth", Ordinal(17)),
        ("eighteenth", Ordinal(18)),
        ("nineteenth", Ordinal(19)),
        ("twentieth", Ordinal(20)),
        ("thirtieth", Ordinal(30)),
        ("seconds", Unit(U::Second, true)),
        ("minute", Unit(U::Minute, false)),
        ("min", Unit(U::Minute, false)),
        ("mins", Unit(U::Minute, false)),
        ("minutes", Unit(U::Minute, true)),
        ("hour", Unit(U::Hour, false)),
        ("hr", Unit(U::Hour, false)),
        ("hrs", Unit(U::Hour, false)),
        ("hours", Unit(U::Hour, true)),
        ("day", Unit(U::Day, false)),
        ("days", Unit(U::Day, true)),
        ("weekend", Unit(U::Weekend, false)),
        ("weekends", Unit(U::Weekend, true)),
        ("week", Unit(U::Week, false)),
        ("weeks", Unit(U::Week, true)),
        ("fortnight", Unit(U::Fortnight, false)),
        ("fortnights", Unit(U::Fortnight, true)),
        ("month", Unit(U::Month, false)),
        ("months", Unit(U::Month, true)),
        ("quarter", Unit(U::Quarter, false)),
        ("quarters", Unit(U::Quarter, true)),
        ("year", Unit(U::Year, false)),
        ("years", Unit(U::Year, true)),
        ("decade", Unit(U::Decade, false)),
        ("decades", Unit(U::Decade, true)),
        ("century", Unit(U::Century, false)),
        ("centuries", Unit(U::Century, true)),
        ("spring", Season(self::Season::Spring)),
        ("summer", Season(self::Season::Summer)),
        ("fall", Season(self::Season::Fall)),
        ("autumn", Season(self::Season::Fall)),
        ("winter", Season(self::Season::Winter)),
        ("morning", DayPart(self::DayPart::Morning)),
        ("noon", DayPart(self::DayPart::Noon)),
        ("midday", DayPart(self::DayPart::Noon)),
        ("afternoon", DayPart(self::DayPart::Afternoon)),
        ("evening", DayPart(self::DayPart::Evening)),
        ("night", DayPart(self::DayPart::Night)),
        ("overnight", DayPart(self::DayPart::Night)),
        ("midnight", DayPart(self::DayPart::Midnight)),
        ("the", Word(W::The)),
        ("a", Word(W::A)),
        ("an", Word(W::An)),
        ("this", Word(W::This)),
        ("that", Word(W::That)),
        ("these", Word(W::These)),
        ("last", Word(W::Last)),
        ("next", Word(W::Next)),
        ("past", Word(W::Past)),
        ("coming", Word(W::Coming)),
        ("previous", Word(W::Previous)),
        ("following", Word(W::Following)),
        ("current", Word(W::Current)),
        ("latest", Word(W::Latest)),
        ("recent", Word(W::Recent)),
        ("same", Word(W::Same)),
        ("ago", Word(W::Ago)),
        ("earlier", Word(W::Earlier)),
        ("later", Word(W::Later)),
        ("early", Word(W::Early)),
        ("late", Word(W::Late)),
        ("mid", Word(W::Mid)),
        ("middle", Word(W::Middle)),
        ("end", Word(W::End)),
        ("ended", Word(W::Ended)),
        ("ending", Word(W::Ended)),
        ("beginning", Word(W::Beginning)),
        ("start", Word(W::Start)),
        ("of", Word(W::Of)),
        ("in", Word(W::In)),
        ("on", Word(W::On)),
        ("at", Word(W::At)),
        ("by", Word(W::By)),
        ("since", Word(W::Since)),
        ("until", Word(W::Until)),
        ("till", Word(W::Until)),
        ("from", Word(W::From)),
        ("to", Word(W::To)),
        ("through", Word(W::Through)),
        ("thru", Word(W::Through)),
        ("between", Word(W::Between)),
        ("and", Word(W::And)),
        ("or", Word(W::Or)),
        ("each", Word(W::Each)),
        ("every", Word(W::Every)),
        ("per", Word(W::Per)),
        ("few", Word(W::Few)),
        ("several", Word(W::Several)),
        ("couple", Word(W::Couple)),
        ("some", Word(W::Some)),
        ("many", Word(W::Many)),
        ("half", Word(W::Half)),
        ("about", Word(W::About)),
        ("around", Word(W::Around)),
        ("roughly", Word(W::Roughly)),
        ("approximately", Word(W::Roughly)),
        ("some-", Word(W::Roughly)),
        ("nearly", Word(W::Nearly)),
        ("almost", Word(W::Almost)),
        ("least", Word(W::Least)),
        ("up", Word(W::Up)),
        ("more", Word(W::More)),
        ("less", Word(W::Less)),
        ("fewer", Word(W::Less)),
        ("than", Word(W::Than)),
        ("over", Word(W::Over)),
        ("into", Word(W::Into)),
        ("within", Word(W::Within)),
        ("for", Word(W::For)),
        ("during", Word(W::During)),
        ("today", Word(W::Today)),
        ("tonight", Word(W::Tonight)),
        ("yesterday", Word(W::Yesterday)),
        ("tomorrow", Word(W::Tomorrow)),
        ("now", Word(W::Now)),
        ("currently", Word(W::Currently)),
        ("recently", Word(W::Recently)),
        ("future", Word(W::Future)),
        ("lately", Word(W::Lately)),
        ("nowadays", Word(W::Nowadays)),
        ("present", Word(W::Present)),
        ("daily", Word(W::Daily)),
        ("weekly", Word(W::Weekly)),
        ("monthly", Word(W::Monthly)),
        ("yearly", Word(W::Yearly)),
        ("annually", Word(W::Annually)),
        ("hourly", Word(W::Hourly)),
        ("fiscal", Word(W::Fiscal)),
        ("times", Word(W::Times)),
        ("once", Word(W::Once)),
        ("twice", Word(W::Twice)),
        ("before", Word(W::Before)),
        ("after", Word(W::After)),
        ("hence", Word(W::Hence)),
        ("long", Word(W::Long)),
        ("old", Word(W::Old)),
        ("near", Word(W::Near)),
        ("short", Word(W::Short)),
        ("term", Word(W::Term)),
        ("its", Word(W::Its)),
        ("their", Word(W::Their)),
        ("his", Word(W::His)),
        ("her", Word(W::Her)),
        ("our", Word(W::Our)),
        ("other", Word(W::Other)),
        ("period", Word(W::Period)),
        ("trading", Word(W::Trading)),
        ("business", Word(W::Business)),
        ("working", Word(W::Business)),
        ("calendar", Word(W::Calendar)),
        ("christmas", Word(W::Christmas)),
        ("eve", Word(W::Eve)),
        ("new", Word(W::New)),
        ("thanksgiving", Word(W::Thanksgiving)),
        ("halloween", Word(W::Halloween)),
        ("moment", Word(W::Moment)),
        ("time", Word(W::Time)),
        ("then", Word(W::Then)),
        ("am", Word(W::Am)),
        ("pm", Word(W::Pm)),
        ("gmt", Word(W::Zone)),
        ("utc", Word(W::Zone)),
        ("est", Word(W::Zone)),
        ("edt", Word(W::Zone)),
        ("cst", Word(W::Zone)),
        ("cdt", Word(W::Zone)),
        ("pst", Word(W::Zone)),
        ("pdt", Word(W::Zone)),
        ("mst", Word(W::Zone)),
        ("mdt", Word(W::Zone)),
        ("et", Word(W::Zone)),
        ("pt", Word(W::Zone)),
        ("bst", Word(W::Zone)),
        ("cet", Word(W::Zone)),
        ("cest", Word(W::Zone)),
        ("so", Word(W::So)),
        ("ahead", Word(W::Ahead)),
        ("upcoming", Word(W::Upcoming)),
        ("prior", Word(W::Prior)),
        ("soon", Word(W::Soon)),
        ("eighties", Word(W::Eighties)),
        ("nineties", Word(W::Eighties)),
        ("seventies", Word(W::Eighties)),
        ("sixties", Word(W::Eighties)),
        ("fifties", Word(W::Eighties)),
        ("forties", Word(W::Eighties)),
        ("thirties", Word(W::Eighties)),
        ("twenties", Word(W::Eighties)),
    ]
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_and_weekday_names() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("may"), Some(5));
        assert_eq!(month_number("DECEMBER"), Some(12));
        assert_eq!(month_number("Ma"), None);
        assert_eq!(month_number("Mayor"), None);
        assert_eq!(weekday_number("Thurs."), Some(3));
        assert_eq!(weekday_number("Sunday"), Some(6));
        assert!(is_weekday("Weds"));
        assert!(!is_weekday("We"));
        assert!(!is_weekday("Wedding"));
    }

    #[test]
    fn word_classes() {
        assert_eq!(lex("twenty"), Lex::NumWord(20));
        assert_eq!(lex("third"), Lex::Ordinal(3));
        assert_eq!(lex("weeks"), Lex::Unit(Unit::Week, true));
        assert_eq!(lex("autumn"), Lex::Season(Season::Fall));
        assert_eq!(lex("tonight"), Lex::Word(W::Tonight));
        assert_eq!(lex("troops"), Lex::Other);
    }

    #[test]
    fn every_listed_word_is_found_and_nothing_else() {
        for &(w, class) in WORDS {
            assert_eq!(lex(w), class, "{w}");
            assert_eq!(WORDS.iter().filter(|(v, _)| *v == w).count(), 1, "{w}");
        }
        for w in [
            "",
            "th",
            "mays",
            "ma",
            "decembers",
            "thanksgivings",
            "approximatelyy",
            "x",
        ] {
            assert_eq!(lex(w), Lex::Other, "{w}");
        }
        // Only lower case is looked up; a byte past the word does not match it.
        assert_eq!(lex("May"), Lex::Other);
        assert_eq!(lex("may\0"), Lex::Other);
        assert_eq!(lex("some-"), Lex::Word(W::Roughly));
    }
}
