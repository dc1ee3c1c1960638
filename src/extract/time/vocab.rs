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
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    let out = &mut buf[..bytes.len()];
    for (o, b) in out.iter_mut().zip(bytes) {
        *o = b.to_ascii_lowercase();
    }
    std::str::from_utf8(out).ok()
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
    use Lex::*;
    match w {
        "january" | "jan" => Month(1, w.len() == 3),
        "february" | "feb" | "febr" => Month(2, w.len() < 5),
        "march" | "mar" => Month(3, w.len() == 3),
        "april" | "apr" => Month(4, w.len() == 3),
        "may" => Month(5, false),
        "june" | "jun" => Month(6, w.len() == 3),
        "july" | "jul" => Month(7, w.len() == 3),
        "august" | "aug" => Month(8, w.len() == 3),
        "september" | "sep" | "sept" => Month(9, w.len() < 5),
        "october" | "oct" => Month(10, w.len() == 3),
        "november" | "nov" => Month(11, w.len() == 3),
        "december" | "dec" => Month(12, w.len() == 3),
        "monday" | "mon" => Weekday(0, false),
        "tuesday" | "tue" | "tues" => Weekday(1, false),
        "wednesday" | "wed" | "weds" => Weekday(2, false),
        "thursday" | "thu" | "thur" | "thurs" => Weekday(3, false),
        "friday" | "fri" => Weekday(4, false),
        "saturday" | "sat" => Weekday(5, false),
        "sunday" | "sun" => Weekday(6, false),
        "mondays" => Weekday(0, true),
        "tuesdays" => Weekday(1, true),
        "wednesdays" => Weekday(2, true),
        "thursdays" => Weekday(3, true),
        "fridays" => Weekday(4, true),
        "saturdays" => Weekday(5, true),
        "sundays" => Weekday(6, true),
        "one" => NumWord(1),
        "two" => NumWord(2),
        "three" => NumWord(3),
        "four" => NumWord(4),
        "five" => NumWord(5),
        "six" => NumWord(6),
        "seven" => NumWord(7),
        "eight" => NumWord(8),
        "nine" => NumWord(9),
        "ten" => NumWord(10),
        "eleven" => NumWord(11),
        "twelve" => NumWord(12),
        "thirteen" => NumWord(13),
        "fourteen" => NumWord(14),
        "fifteen" => NumWord(15),
        "sixteen" => NumWord(16),
        "seventeen" => NumWord(17),
        "eighteen" => NumWord(18),
        "nineteen" => NumWord(19),
        "twenty" => NumWord(20),
        "thirty" => NumWord(30),
        "forty" => NumWord(40),
        "fifty" => NumWord(50),
        "sixty" => NumWord(60),
        "seventy" => NumWord(70),
        "eighty" => NumWord(80),
        "ninety" => NumWord(90),
        "hundred" => NumWord(100),
        "dozen" => NumWord(12),
        "first" => Ordinal(1),
        "second" => Ordinal(2),
        "third" => Ordinal(3),
        "fourth" => Ordinal(4),
        "fifth" => Ordinal(5),
        "sixth" => Ordinal(6),
        "seventh" => Ordinal(7),
        "eighth" => Ordinal(8),
        "ninth" => Ordinal(9),
        "tenth" => Ordinal(10),
        "eleventh" => Ordinal(11),
        "twelfth" => Ordinal(12),
        "thirteenth" => Ordinal(13),
        "fourteenth" => Ordinal(14),
        "fifteenth" => Ordinal(15),
        "sixteenth" => Ordinal(16),
        "seventeenth" => Ordinal(17),
        "eighteenth" => Ordinal(18),
        "nineteenth" => Ordinal(19),
        "twentieth" => Ordinal(20),
        "thirtieth" => Ordinal(30),
        "seconds" => Unit(self::Unit::Second, true),
        "minute" | "min" | "mins" => Unit(self::Unit::Minute, false),
        "minutes" => Unit(self::Unit::Minute, true),
        "hour" | "hr" | "hrs" => Unit(self::Unit::Hour, false),
        "hours" => Unit(self::Unit::Hour, true),
        "day" => Unit(self::Unit::Day, false),
        "days" => Unit(self::Unit::Day, true),
        "weekend" => Unit(self::Unit::Weekend, false),
        "weekends" => Unit(self::Unit::Weekend, true),
        "week" => Unit(self::Unit::Week, false),
        "weeks" => Unit(self::Unit::Week, true),
        "fortnight" => Unit(self::Unit::Fortnight, false),
        "fortnights" => Unit(self::Unit::Fortnight, true),
        "month" => Unit(self::Unit::Month, false),
        "months" => Unit(self::Unit::Month, true),
        "quarter" => Unit(self::Unit::Quarter, false),
        "quarters" => Unit(self::Unit::Quarter, true),
        "year" => Unit(self::Unit::Year, false),
        "years" => Unit(self::Unit::Year, true),
        "decade" => Unit(self::Unit::Decade, false),
        "decades" => Unit(self::Unit::Decade, true),
        "century" => Unit(self::Unit::Century, false),
        "centuries" => Unit(self::Unit::Century, true),
        "spring" => Season(self::Season::Spring),
        "summer" => Season(self::Season::Summer),
        "fall" | "autumn" => Season(self::Season::Fall),
        "winter" => Season(self::Season::Winter),
        "morning" => DayPart(self::DayPart::Morning),
        "noon" | "midday" => DayPart(self::DayPart::Noon),
        "afternoon" => DayPart(self::DayPart::Afternoon),
        "evening" => DayPart(self::DayPart::Evening),
        "night" | "overnight" => DayPart(self::DayPart::Night),
        "midnight" => DayPart(self::DayPart::Midnight),
        _ => function_word(w).map_or(Other, Word),
    }
}

fn function_word(w: &str) -> Option<W> {
    Some(match w {
        "the" => W::The,
        "a" => W::A,
        "an" => W::An,
        "this" => W::This,
        "that" => W::That,
        "these" => W::These,
        "last" => W::Last,
        "next" => W::Next,
        "past" => W::Past,
        "coming" => W::Coming,
        "previous" => W::Previous,
        "following" => W::Following,
        "current" => W::Current,
        "latest" => W::Latest,
        "recent" => W::Recent,
        "same" => W::Same,
        "ago" => W::Ago,
        "earlier" => W::Earlier,
        "later" => W::Later,
        "early" => W::Early,
        "late" => W::Late,
        "mid" => W::Mid,
        "middle" => W::Middle,
        "end" => W::End,
        "beginning" => W::Beginning,
        "start" => W::Start,
        "of" => W::Of,
        "in" => W::In,
        "on" => W::On,
        "at" => W::At,
        "by" => W::By,
        "since" => W::Since,
        "until" | "till" => W::Until,
        "from" => W::From,
        "to" => W::To,
        "through" | "thru" => W::Through,
        "between" => W::Between,
        "and" => W::And,
        "or" => W::Or,
        "each" => W::Each,
        "every" => W::Every,
        "per" => W::Per,
        "few" => W::Few,
        "several" => W::Several,
        "couple" => W::Couple,
        "some" => W::Some,
        "many" => W::Many,
        "half" => W::Half,
        "about" => W::About,
        "around" => W::Around,
        "roughly" | "approximately" | "some-" => W::Roughly,
        "nearly" => W::Nearly,
        "almost" => W::Almost,
        "least" => W::Least,
        "up" => W::Up,
        "more" => W::More,
        "less" | "fewer" => W::Less,
        "than" => W::Than,
        "over" => W::Over,
        "within" => W::Within,
        "for" => W::For,
        "during" => W::During,
        "today" => W::Today,
        "tonight" => W::Tonight,
        "yesterday" => W::Yesterday,
        "tomorrow" => W::Tomorrow,
        "now" => W::Now,
        "currently" => W::Currently,
        "recently" => W::Recently,
        "future" => W::Future,
        "lately" => W::Lately,
        "nowadays" => W::Nowadays,
        "present" => W::Present,
        "daily" => W::Daily,
        "weekly" => W::Weekly,
        "monthly" => W::Monthly,
        "yearly" => W::Yearly,
        "annually" => W::Annually,
        "hourly" => W::Hourly,
        "fiscal" => W::Fiscal,
        "times" => W::Times,
        "once" => W::Once,
        "twice" => W::Twice,
        "before" => W::Before,
        "after" => W::After,
        "hence" => W::Hence,
        "long" => W::Long,
        "old" => W::Old,
        "near" => W::Near,
        "short" => W::Short,
        "term" => W::Term,
        "its" => W::Its,
        "their" => W::Their,
        "his" => W::His,
        "her" => W::Her,
        "our" => W::Our,
        "other" => W::Other,
        "period" => W::Period,
        "trading" => W::Trading,
        "business" | "working" => W::Business,
        "calendar" => W::Calendar,
        "christmas" => W::Christmas,
        "eve" => W::Eve,
        "new" => W::New,
        "thanksgiving" => W::Thanksgiving,
        "halloween" => W::Halloween,
        "moment" => W::Moment,
        "time" => W::Time,
        "then" => W::Then,
        "am" => W::Am,
        "pm" => W::Pm,
        "gmt" | "utc" | "est" | "edt" | "cst" | "cdt" | "pst" | "pdt" | "mst" | "mdt" | "et"
        | "pt" | "bst" | "cet" | "cest" => W::Zone,
        "so" => W::So,
        "ahead" => W::Ahead,
        "upcoming" => W::Upcoming,
        "prior" => W::Prior,
        "eighties" | "nineties" | "seventies" | "sixties" | "fifties" | "forties" | "thirties"
        | "twenties" => W::Eighties,
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
