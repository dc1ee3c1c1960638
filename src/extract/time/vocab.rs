//! The date vocabulary: month and weekday names, number words, calendar units and the other
//! words time expressions are built from. The dateline reader in `ingest` uses the same names.

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
pub fn lowercase_bytes<'b>(word: &[u8], buf: &'b mut [u8]) -> Option<&'b [u8]> {
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
pub fn lex_bytes(w: &[u8]) -> Lex {
    use Lex::*;
    match w {
        b"january" | b"jan" => Month(1, w.len() == 3),
        b"february" | b"feb" | b"febr" => Month(2, w.len() < 5),
        b"march" | b"mar" => Month(3, w.len() == 3),
        b"april" | b"apr" => Month(4, w.len() == 3),
        b"may" => Month(5, false),
        b"june" | b"jun" => Month(6, w.len() == 3),
        b"july" | b"jul" => Month(7, w.len() == 3),
        b"august" | b"aug" => Month(8, w.len() == 3),
        b"september" | b"sep" | b"sept" => Month(9, w.len() < 5),
        b"october" | b"oct" => Month(10, w.len() == 3),
        b"november" | b"nov" => Month(11, w.len() == 3),
        b"december" | b"dec" => Month(12, w.len() == 3),
        b"monday" | b"mon" => Weekday(0, false),
        b"tuesday" | b"tue" | b"tues" => Weekday(1, false),
        b"wednesday" | b"wed" | b"weds" => Weekday(2, false),
        b"thursday" | b"thu" | b"thur" | b"thurs" => Weekday(3, false),
        b"friday" | b"fri" => Weekday(4, false),
        b"saturday" | b"sat" => Weekday(5, false),
        b"sunday" | b"sun" => Weekday(6, false),
        b"mondays" => Weekday(0, true),
        b"tuesdays" => Weekday(1, true),
        b"wednesdays" => Weekday(2, true),
        b"thursdays" => Weekday(3, true),
        b"fridays" => Weekday(4, true),
        b"saturdays" => Weekday(5, true),
        b"sundays" => Weekday(6, true),
        b"one" => NumWord(1),
        b"two" => NumWord(2),
        b"three" => NumWord(3),
        b"four" => NumWord(4),
        b"five" => NumWord(5),
        b"six" => NumWord(6),
        b"seven" => NumWord(7),
        b"eight" => NumWord(8),
        b"nine" => NumWord(9),
        b"ten" => NumWord(10),
        b"eleven" => NumWord(11),
        b"twelve" => NumWord(12),
        b"thirteen" => NumWord(13),
        b"fourteen" => NumWord(14),
        b"fifteen" => NumWord(15),
        b"sixteen" => NumWord(16),
        b"seventeen" => NumWord(17),
        b"eighteen" => NumWord(18),
        b"nineteen" => NumWord(19),
        b"twenty" => NumWord(20),
        b"thirty" => NumWord(30),
        b"forty" => NumWord(40),
        b"fifty" => NumWord(50),
        b"sixty" => NumWord(60),
        b"seventy" => NumWord(70),
        b"eighty" => NumWord(80),
        b"ninety" => NumWord(90),
        b"hundred" => NumWord(100),
        b"dozen" => NumWord(12),
        b"first" => Ordinal(1),
        b"second" => Ordinal(2),
        b"third" => Ordinal(3),
        b"fourth" => Ordinal(4),
        b"fifth" => Ordinal(5),
        b"sixth" => Ordinal(6),
        b"seventh" => Ordinal(7),
        b"eighth" => Ordinal(8),
        b"ninth" => Ordinal(9),
        b"tenth" => Ordinal(10),
        b"eleventh" => Ordinal(11),
        b"twelfth" => Ordinal(12),
        b"thirteenth" => Ordinal(13),
        b"fourteenth" => Ordinal(14),
        b"fifteenth" => Ordinal(15),
        b"sixteenth" => Ordinal(16),
        b"seventeenth" => Ordinal(17),
        b"eighteenth" => Ordinal(18),
        b"nineteenth" => Ordinal(19),
        b"twentieth" => Ordinal(20),
        b"thirtieth" => Ordinal(30),
        b"seconds" => Unit(self::Unit::Second, true),
        b"minute" | b"min" | b"mins" => Unit(self::Unit::Minute, false),
        b"minutes" => Unit(self::Unit::Minute, true),
        b"hour" | b"hr" | b"hrs" => Unit(self::Unit::Hour, false),
        b"hours" => Unit(self::Unit::Hour, true),
        b"day" => Unit(self::Unit::Day, false),
        b"days" => Unit(self::Unit::Day, true),
        b"weekend" => Unit(self::Unit::Weekend, false),
        b"weekends" => Unit(self::Unit::Weekend, true),
        b"week" => Unit(self::Unit::Week, false),
        b"weeks" => Unit(self::Unit::Week, true),
        b"fortnight" => Unit(self::Unit::Fortnight, false),
        b"fortnights" => Unit(self::Unit::Fortnight, true),
        b"month" => Unit(self::Unit::Month, false),
        b"months" => Unit(self::Unit::Month, true),
        b"quarter" => Unit(self::Unit::Quarter, false),
        b"quarters" => Unit(self::Unit::Quarter, true),
        b"year" => Unit(self::Unit::Year, false),
        b"years" => Unit(self::Unit::Year, true),
        b"decade" => Unit(self::Unit::Decade, false),
        b"decades" => Unit(self::Unit::Decade, true),
        b"century" => Unit(self::Unit::Century, false),
        b"centuries" => Unit(self::Unit::Century, true),
        b"spring" => Season(self::Season::Spring),
        b"summer" => Season(self::Season::Summer),
        b"fall" | b"autumn" => Season(self::Season::Fall),
        b"winter" => Season(self::Season::Winter),
        b"morning" => DayPart(self::DayPart::Morning),
        b"noon" | b"midday" => DayPart(self::DayPart::Noon),
        b"afternoon" => DayPart(self::DayPart::Afternoon),
        b"evening" => DayPart(self::DayPart::Evening),
        b"night" | b"overnight" => DayPart(self::DayPart::Night),
        b"midnight" => DayPart(self::DayPart::Midnight),
        _ => function_word(w).map_or(Other, Word),
    }
}

fn function_word(w: &[u8]) -> Option<W> {
    Some(match w {
        b"the" => W::The,
        b"a" => W::A,
        b"an" => W::An,
        b"this" => W::This,
        b"that" => W::That,
        b"these" => W::These,
        b"last" => W::Last,
        b"next" => W::Next,
        b"past" => W::Past,
        b"coming" => W::Coming,
        b"previous" => W::Previous,
        b"following" => W::Following,
        b"current" => W::Current,
        b"latest" => W::Latest,
        b"recent" => W::Recent,
        b"same" => W::Same,
        b"ago" => W::Ago,
        b"earlier" => W::Earlier,
        b"later" => W::Later,
        b"early" => W::Early,
        b"late" => W::Late,
        b"mid" => W::Mid,
        b"middle" => W::Middle,
        b"end" => W::End,
        b"ended" | b"ending" => W::Ended,
        b"beginning" => W::Beginning,
        b"start" => W::Start,
        b"of" => W::Of,
        b"in" => W::In,
        b"on" => W::On,
        b"at" => W::At,
        b"by" => W::By,
        b"since" => W::Since,
        b"until" | b"till" => W::Until,
        b"from" => W::From,
        b"to" => W::To,
        b"through" | b"thru" => W::Through,
        b"between" => W::Between,
        b"and" => W::And,
        b"or" => W::Or,
        b"each" => W::Each,
        b"every" => W::Every,
        b"per" => W::Per,
        b"few" => W::Few,
        b"several" => W::Several,
        b"couple" => W::Couple,
        b"some" => W::Some,
        b"many" => W::Many,
        b"half" => W::Half,
        b"about" => W::About,
        b"around" => W::Around,
        b"roughly" | b"approximately" | b"some-" => W::Roughly,
        b"nearly" => W::Nearly,
        b"almost" => W::Almost,
        b"least" => W::Least,
        b"up" => W::Up,
        b"more" => W::More,
        b"less" | b"fewer" => W::Less,
        b"than" => W::Than,
        b"over" => W::Over,
        b"within" => W::Within,
        b"for" => W::For,
        b"during" => W::During,
        b"today" => W::Today,
        b"tonight" => W::Tonight,
        b"yesterday" => W::Yesterday,
        b"tomorrow" => W::Tomorrow,
        b"now" => W::Now,
        b"currently" => W::Currently,
        b"recently" => W::Recently,
        b"future" => W::Future,
        b"lately" => W::Lately,
        b"nowadays" => W::Nowadays,
        b"present" => W::Present,
        b"daily" => W::Daily,
        b"weekly" => W::Weekly,
        b"monthly" => W::Monthly,
        b"yearly" => W::Yearly,
        b"annually" => W::Annually,
        b"hourly" => W::Hourly,
        b"fiscal" => W::Fiscal,
        b"times" => W::Times,
        b"once" => W::Once,
        b"twice" => W::Twice,
        b"before" => W::Before,
        b"after" => W::After,
        b"hence" => W::Hence,
        b"long" => W::Long,
        b"old" => W::Old,
        b"near" => W::Near,
        b"short" => W::Short,
        b"term" => W::Term,
        b"its" => W::Its,
        b"their" => W::Their,
        b"his" => W::His,
        b"her" => W::Her,
        b"our" => W::Our,
        b"other" => W::Other,
        b"period" => W::Period,
        b"trading" => W::Trading,
        b"business" | b"working" => W::Business,
        b"calendar" => W::Calendar,
        b"christmas" => W::Christmas,
        b"eve" => W::Eve,
        b"new" => W::New,
        b"thanksgiving" => W::Thanksgiving,
        b"halloween" => W::Halloween,
        b"moment" => W::Moment,
        b"time" => W::Time,
        b"then" => W::Then,
        b"am" => W::Am,
        b"pm" => W::Pm,
        b"gmt" | b"utc" | b"est" | b"edt" | b"cst" | b"cdt" | b"pst" | b"pdt" | b"mst" | b"mdt"
        | b"et" | b"pt" | b"bst" | b"cet" | b"cest" => W::Zone,
        b"so" => W::So,
        b"ahead" => W::Ahead,
        b"upcoming" => W::Upcoming,
        b"prior" => W::Prior,
        b"eighties" | b"nineties" | b"seventies" | b"sixties" | b"fifties" | b"forties"
        | b"thirties" | b"twenties" => W::Eighties,
        _ => return None,
    })
}

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
}
