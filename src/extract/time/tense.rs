//! The tense around a time expression, which decides whether a bare weekday or month points
//! back from the publication date ("met on Friday", "in November") or forward from it ("will
//! meet on Monday", "is expected in January").

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::extract::time::token::{Case, Kind, Token};
use crate::extract::time::vocab::{Lex, W, lowercase};

/// The tense of a clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// Past or present perfect: "said", "met", "has launched".
    Past,
    /// Present: "is", "says".
    Present,
    /// Future or planned: "will", "is expected to", "plans to".
    Future,
    /// None of its own: a date naming a happening set in advance ("a November summit", "the
    /// March referendum"), which is the nearer of the last and the coming one.
    Occasion,
}

/// A tense, and whether the word showing it is reliable: an auxiliary or an irregular verb is
/// ("will", "said", "met"); a word in "-ed" may be an adjective ("untouched markets") and is
/// not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    /// The tense.
    pub tense: Tense,
    /// True when the marker is reliable.
    pub firm: bool,
}

/// How far from the expression (in tokens) a tense marker is looked for.
const REACH: usize = 20;

/// The tense around tokens `first..end` within `lo..hi` (the sentence): the nearest marker
/// before the expression (where the subject and its verb usually are), else the nearest
/// after it; `None` when there is no marker.
pub fn around(
    text: &str,
    tokens: &[Token],
    first: usize,
    end: usize,
    lo: usize,
    hi: usize,
) -> Option<Reading> {
    // "ahead of Thursday's vote", "ahead of the weekend": what is awaited is still to come;
    // "well ahead of the first quarter's rate" compares.
    if first >= lo + 2
        && tokens[first - 2].is(W::Ahead)
        && tokens[first - 1].is(W::Of)
        && !(first >= lo + 3
            && COMPARING
                .iter()
                .any(|w| word_before(text, tokens, first - 2, lo, w)))
    {
        return Some(Reading {
            tense: Tense::Future,
            firm: false,
        });
    }
    // "Wednesday's ruling", "Thursday's meeting": an occasion already known; "since
    // January": a time already gone.
    if possessive(text, tokens, end) || after_since(tokens, first) {
        return Some(Reading {
            tense: Tense::Past,
            firm: true,
        });
    }
    // "October pending home sales", "December sales figures": the figures of a month are
    // reported once it has begun, whatever the tense of their release ("will release
    // September new home sales on Thursday"). Not firm: a forecast for a month close ahead
    // ("April sales could be hurt" late in March) stays the coming one.
    if matches!(tokens[first].lex(), Lex::Month(..)) && names_figures(text, tokens, end) {
        return Some(Reading {
            tense: Tense::Past,
            firm: false,
        });
    }
    // "a June agreement", "the Fed's June meeting", "crude for April delivery": the tense of
    // the clause around the noun a date names is not the date's. A happening nobody
    // schedules ("the March earthquake") or one whose results are told is over; one set in
    // advance ("a November summit", "the June deadline") is the nearer one; any other (a
    // deal, a report, a ruling) is usually reported once made, as a date without a tense is.
    if attributive(text, tokens, first, end, lo) {
        let nouns = nouns_after(text, tokens, end);
        return if nouns & bits::OVER != 0 {
            Some(firm(Tense::Past))
        } else if nouns & bits::SET_IN_ADVANCE != 0 {
            Some(Reading {
                tense: Tense::Occasion,
                firm: false,
            })
        } else {
            None
        };
    }
    // Without a determiner, only right before the noun: "after September 11 attacks",
    // "July-September results", but not "through May following a fire". A range's end is
    // not firmly past: the last December before "October-December results" of November 2012
    // would be December 2011.
    let is_month = |k: usize| matches!(tokens[k].lex(), Lex::Month(..));
    let range_end = match (tokens.get(end), tokens.get(end + 1)) {
        (Some(dash), Some(_)) if dash.is_punct(b'-') && is_month(end + 1) => end + 2,
        _ => end,
    };
    if is_month(first) && happening_over(text, tokens, range_end) {
        let ends_range = first >= 2 && tokens[first - 1].is_punct(b'-') && is_month(first - 2);
        return Some(Reading {
            tense: Tense::Past,
            firm: !ends_range,
        });
    }
    // "effective Feb. 1", "payable on Dec. 7": the date a change or a payment is set for is
    // the coming one, unless that is far off and the last one near.
    let set_for = |at: usize| SET_FOR.iter().any(|w| word_before(text, tokens, at, lo, w));
    if set_for(first) || (word_is(tokens, first, lo, W::On) && set_for(first - 1)) {
        return Some(Reading {
            tense: Tense::Future,
            firm: false,
        });
    }
    // "In January, a week after ..., a bombing killed a guard": a date opening the sentence
    // takes the tense of its main verb, however far the subject runs (a conditional that far
    // off is more likely reported speech: "sued, saying the deal would ...").
    let opening = opening(tokens, first, end, lo);
    let side = if opening {
        Side::AfterOpening
    } else {
        Side::After
    };
    let near = hi.min(end + REACH);
    let after = || {
        (end.max(lo)..near)
            .find_map(|j| marker(text, tokens, j, side))
            .or_else(|| {
                let mut buf = [0u8; 12];
                (near..if opening { hi } else { near })
                    .filter(|&j| {
                        !matches!(
                            word_at(text, tokens, j, &mut buf),
                            Some("would" | "could" | "might" | "should" | "may")
                        )
                    })
                    .find_map(|j| marker(text, tokens, j, side))
            })
    };
    // "until Monday" looks ahead ("postponed until Monday"), unless the clause after it is
    // firmly in the past ("until Thursday, they had not called him a suspect").
    if word_is(tokens, first, lo, W::Until) {
        return Some(match after() {
            Some(r) if r.tense == Tense::Past && r.firm => r,
            _ => firm(Tense::Future),
        });
    }
    (lo.max(first.saturating_sub(REACH))..first.min(hi))
        .rev()
        .find_map(|j| marker(text, tokens, j, Side::Before))
        .or_else(after)
}

/// True when the expression `first..end` opens its sentence as an adverbial set off by a
/// comma: "Friday, ...", "In January, ...", "On Aug. 31, ...".
fn opening(tokens: &[Token], first: usize, end: usize, lo: usize) -> bool {
    let lead = first == lo
        || (first == lo + 1
            && matches!(
                tokens[lo].lex(),
                Lex::Word(W::In | W::On | W::At | W::By | W::During | W::Until | W::Since)
            ));
    lead && tokens.get(end).is_some_and(|t| t.is_punct(b','))
}

/// True when the token right before token `first` (and after `lo`) is the function word `w`
/// ([`W::Until`] is "until" or "till").
fn word_is(tokens: &[Token], first: usize, lo: usize, w: W) -> bool {
    first > lo && tokens[first - 1].is(w)
}

/// True when the word right before token `first` (and after `lo`) is `word` (lower case).
fn word_before(text: &str, tokens: &[Token], first: usize, lo: usize, word: &str) -> bool {
    let mut buf = [0u8; 12];
    first > lo && word_at(text, tokens, first - 1, &mut buf) == Some(word)
}

/// Words right before a date that name what is set for it: a change taking effect, a payment.
const SET_FOR: &[&str] = &["effective", "payable"];

/// True for a word before an expression that makes it a modifier of the noun after it ("a
/// June agreement", "the March accession", "crude for April delivery").
fn determiner(t: &Token) -> bool {
    matches!(
        t.lex(),
        Lex::Word(
            W::A | W::An | W::The | W::Its | W::Their | W::His | W::Her | W::Our | W::That | W::For
        )
    )
}

/// Lower-case words that cannot be the noun an expression modifies: "the May of 1990", "a
/// December when", "the July it began".
const NOT_A_NOUN: &[&str] = &[
    "of", "and", "or", "to", "in", "on", "at", "for", "with", "by", "from", "near", "into", "onto",
    "over", "under", "through", "until", "till", "amid", "despite", "against", "than", "about",
    "around", "across", "per", "via", "is", "was", "were", "are", "has", "had", "have", "will",
    "would", "that", "which", "who", "when", "while", "where", "if", "so", "because", "as", "it",
    "he", "she", "they", "we", "i", "you", "before", "after", "but",
];

/// True when the expression `first..end`, a date starting with its month, stands between a
/// determiner (or "for") and a lower-case noun: it names an occasion ("a June agreement",
/// "the Dec. 7 payment", "crude for April delivery"), and the tense of the clause is that of
/// the noun's verb, not of the date. A word with a tense of its own is no such noun ("demand
/// for April rose"). Grammar asks it too: "March" and "May" alone are months only there or
/// after a preposition.
pub(super) fn attributive(
    text: &str,
    tokens: &[Token],
    first: usize,
    end: usize,
    lo: usize,
) -> bool {
    let after_determiner = matches!(tokens[first].lex(), Lex::Month(..))
        && first > lo
        && (determiner(&tokens[first - 1])
            || (first >= lo + 3 && possessive(text, tokens, first - 2)));
    after_determiner && noun_follows(text, tokens, end)
}

/// True when the words from token `end` are nouns ending in one of a happening that is over
/// ("attacks", "terrorist attacks", "results"): each can be a noun a date modifies.
fn happening_over(text: &str, tokens: &[Token], end: usize) -> bool {
    let mut buf = [0u8; 12];
    for j in end..tokens.len().min(end + NOUN_REACH) {
        if !noun_follows(text, tokens, j) || determiner(&tokens[j]) {
            return false;
        }
        match word_at(text, tokens, j, &mut buf) {
            Some(w) if flags(w) & bits::OVER != 0 => return true,
            // "following", "including": a preposition, not a noun
            Some(w) if !w.ends_with("ing") => {}
            _ => return false,
        }
    }
    false
}

/// Adverbs that make "ahead of" a comparison ("well ahead of forecasts").
const COMPARING: &[&str] = &["well", "far", "way", "slightly", "comfortably"];

/// True when token `end` is a lower-case word that can be a noun a date modifies: not a
/// function word, a tense marker or a participle ("the May 9 attack", not "in May 9 was").
fn noun_follows(text: &str, tokens: &[Token], end: usize) -> bool {
    let mut buf = [0u8; 12];
    tokens.get(end).is_some_and(|t| {
        t.case() == Case::Lower
            && word_at(text, tokens, end, &mut buf).is_some_and(|w| {
                !NOT_A_NOUN.contains(&w) && flags(w) & !bits::NOUNS == 0 && !participle(w)
            })
    })
}

/// Nouns of happenings nobody schedules: named by their date ("the March earthquake", "the
/// May 9 attack"), they have happened.
const UNFORESEEN: &[&str] = &[
    "earthquake",
    "quake",
    "tsunami",
    "attack",
    "attacks",
    "bombing",
    "bombings",
    "blast",
    "explosion",
    "shooting",
    "shootings",
    "slaying",
    "slayings",
    "death",
    "deaths",
    "massacre",
    "crash",
    "disaster",
    "coup",
    "uprising",
    "riots",
    "invasion",
    "raid",
    "raids",
    "ambush",
    "killing",
    "killings",
    "murder",
    "fire",
    "flood",
    "floods",
    "flooding",
    "storm",
    "hurricane",
    "typhoon",
    "cyclone",
    "eruption",
    "landslide",
    "accident",
    "spill",
    "outage",
    "derailment",
    "stampede",
    "collapse",
    "cyberattack",
    "kidnapping",
    "incursion",
    "assault",
    "crackdown",
];

/// Nouns of what a happening leaves behind ("the November election results", "the June
/// vote's outcome"): the happening is over, even one set in advance.
const AFTERMATH: &[&str] = &[
    "results",
    "outcome",
    "aftermath",
    "fallout",
    "victory",
    "defeat",
    "winner",
    "loser",
];

/// Nouns of happenings set in advance: named by their date ("a November summit", "the June
/// deadline", "crude for April delivery"), they are the nearer such date, past or coming.
const SCHEDULED: &[&str] = &[
    "summit",
    "election",
    "elections",
    "vote",
    "referendum",
    "ballot",
    "poll",
    "polls",
    "runoff",
    "meeting",
    "meetings",
    "conference",
    "convention",
    "session",
    "talks",
    "hearing",
    "deadline",
    "target",
    "date",
    "delivery",
    "contract",
    "contracts",
    "expiry",
    "expiration",
    "auction",
    "quarter",
    "holiday",
    "holidays",
    "visit",
];

/// Nouns of the figures a month is known by ("September new home sales", "the October jobs
/// report"): they are reported once the month has begun.
const STATISTIC: &[&str] = &[
    "sales",
    "figures",
    "data",
    "payrolls",
    "jobs",
    "employment",
    "unemployment",
    "inflation",
    "exports",
    "imports",
    "orders",
    "output",
    "production",
    "starts",
    "statistics",
];

/// How many lower-case words after a date the noun it names may come ("the March terrorist
/// attacks", "a May general election").
const NOUN_REACH: usize = 3;

/// The noun bits ([`bits::NOUNS`]) of the first lower-case words from token `end`, read in one
/// pass.
fn nouns_after(text: &str, tokens: &[Token], end: usize) -> u16 {
    let mut buf = [0u8; 12];
    (end..tokens.len().min(end + NOUN_REACH))
        .take_while(|&j| tokens[j].is_word() && tokens[j].case() == Case::Lower)
        .filter_map(|j| word_at(text, tokens, j, &mut buf).map(|w| flags(w) & bits::NOUNS))
        .fold(0, |acc, f| acc | f)
}

/// True when a noun of [`STATISTIC`] follows token `end` in the noun phrase a month starts
/// ("October pending home sales", "March and April sales"): among the first lower-case words,
/// before any preposition, pronoun or verb ("in April to curb inflation" names no figures).
fn names_figures(text: &str, tokens: &[Token], end: usize) -> bool {
    let mut buf = [0u8; 12];
    for j in end..tokens.len().min(end + NOUN_REACH) {
        if !tokens[j].is_word() || tokens[j].case() != Case::Lower {
            return false;
        }
        let Some(w) = word_at(text, tokens, j, &mut buf) else {
            return false;
        };
        let f = flags(w);
        if f & bits::STATISTIC != 0 {
            return true;
        }
        if !matches!(w, "and" | "or") && (NOT_A_NOUN.contains(&w) || f & !bits::NOUNS != 0) {
            return false;
        }
    }
    false
}

/// True when "since" comes shortly before token `first`, in the same stretch of words.
fn after_since(tokens: &[Token], first: usize) -> bool {
    // "since April", "since a peak in April", but not across a comma.
    (first.saturating_sub(4)..first)
        .rev()
        .take_while(|&j| tokens[j].is_word())
        .any(|j| tokens[j].is(W::Since))
}

/// True when the expression ending before token `end` is followed by a possessive "'s".
fn possessive(text: &str, tokens: &[Token], end: usize) -> bool {
    match (
        tokens.get(end.wrapping_sub(1)),
        tokens.get(end),
        tokens.get(end + 1),
    ) {
        (Some(last), Some(mark), Some(s)) => {
            mark.is_punct(b'\'')
                && mark.start == last.end
                && s.start == mark.end
                && text[s.start as usize..s.end as usize].eq_ignore_ascii_case("s")
        }
        _ => false,
    }
}

/// Past-tense forms and participles that do not end in "-ed".
const IRREGULAR_PAST: &[&str] = &[
    "said", "was", "were", "had", "did", "told", "met", "held", "began", "took", "came", "went",
    "made", "left", "gave", "saw", "found", "sent", "spoke", "wrote", "brought", "struck", "fell",
    "rose", "won", "lost", "led", "paid", "sold", "bought", "kept", "thought", "knew", "became",
    "got", "ran", "broke", "chose", "drew", "flew", "fought", "meant", "shot", "stood", "swore",
    "threw", "woke", "hit", "spent", "felt", "heard", "built", "sought", "taught", "caught",
    "forgot", "slept", "arose", "hid", "beat", "seen", "given", "taken", "known", "shown", "done",
    "gone", "begun", "broken", "chosen", "driven", "fallen", "risen", "spoken", "stolen", "thrown",
    "written", "grown", "drawn", "flown", "worn", "beaten",
];

/// Words ending in "-ed" that are not past tenses.
const NOT_PAST: &[&str] = &["hundred", "red", "bed", "shed", "united", "embed", "wed"];

/// Words that announce the future on their own.
const FUTURE: &[&str] = &[
    "will",
    "shall",
    "would",
    "might",
    "should",
    "upcoming",
    "planning",
    "scheduled",
    "slated",
    "poised",
    "soon",
];

/// Words that announce the future when "to" or "for" follows ("expected to", "due for",
/// "hopes to").
const FUTURE_WITH_TO: &[&str] = &[
    "expected", "expects", "expect", "due", "set", "aims", "aim", "intends", "intend", "going",
    "prepared", "ready", "hopes", "hope", "wants", "want", "seeks", "seek", "tries", "try", "is",
    "are", "am", "plan", "plans", "intended", "planned",
];

/// Words of [`FUTURE_WITH_TO`] that announce the future before "for" when they come after the
/// expression too ("On Monday, the vote is set for..."); after the others "for" there may
/// start a noun's complement ("On Friday, when he dropped his plans for a holiday").
const FUTURE_WITH_FOR: &[&str] = &["due", "set", "ready", "prepared"];

/// Verbs of scheduled happenings in the third person singular. In the simple present with a
/// date they announce a timetable, not a habit or the past ("Merz meets Macron on
/// Monday", "the court rules on Tuesday", "the summit, which begins Monday").
const SCHEDULED_THIRD: &[&str] = &[
    "meets",
    "heads",
    "visits",
    "begins",
    "starts",
    "resumes",
    "arrives",
    "leaves",
    "departs",
    "travels",
    "votes",
    "convenes",
    "reconvenes",
    "faces",
    "flies",
    "testifies",
    "hears",
    "decides",
    "opens",
    "reopens",
    "expires",
    "attends",
    "gathers",
    "kicks",
    "unveils",
];

/// The same verbs in the plain present ("leaders meet Monday", "they vote Tuesday"). Most are
/// nouns as well ("a slow start Monday", "his visit"), so they count only after a subject
/// (see [`subject_before`]).
const SCHEDULED_PLAIN: &[&str] = &[
    "meet",
    "visit",
    "begin",
    "resume",
    "arrive",
    "depart",
    "travel",
    "vote",
    "convene",
    "reconvene",
    "testify",
    "decide",
    "reopen",
    "expire",
    "attend",
    "gather",
    "kick",
    "unveil",
];

/// Words after which a verb of [`SCHEDULED_THIRD`] is not a finite present: an auxiliary or
/// "to" ("will meet" is read from "will", "agreed to meet" from "agreed"), a negated past
/// ("did not meet"), or a noun after a determiner ("his visits").
const NOT_FINITE_BEFORE: &[&str] = &[
    "to", "not", "t", "did", "didn", "never", "will", "ll", "would", "could", "can", "may",
    "might", "should", "must", "shall", "the", "a", "an", "his", "her", "its", "their", "our",
    "my", "your", "this", "that", "these", "those", "each", "every", "no", "s",
];

/// Words that can stand as the subject right before a plain present ("they meet Monday", "the
/// talks, which resume Monday").
const SUBJECT_WORDS: &[&str] = &["they", "we", "i", "you", "who", "which"];

/// Verbs of [`FUTURE_WITH_TO`] whose "to" may come after a short object ("expect the deal
/// to close", "plans a vote to").
const OBJECT_THEN_TO: &[&str] = &[
    "expected", "expects", "expect", "wants", "want", "plan", "plans",
];

/// How many words may stand between a verb of [`OBJECT_THEN_TO`] and its "to".
const OBJECT_REACH: usize = 3;

/// Auxiliaries that put a following "due to", "expected to" back in the past.
const PAST_AUXILIARY: &[&str] = &["was", "were", "had", "been"];

/// Present-tense forms.
const PRESENT: &[&str] = &[
    "is", "are", "am", "says", "say", "does", "do", "has", "have",
];

/// Auxiliaries after which a participle does not mark the tense ("will be held").
const AUXILIARY: &[&str] = &[
    "be", "been", "being", "is", "are", "am", "to", "get", "gets", "getting",
];

/// What the marker and noun lists say of a word, as bits.
mod bits {
    pub const IRREGULAR: u16 = 1;
    pub const NOT_PAST: u16 = 2;
    pub const FUTURE: u16 = 4;
    pub const FUTURE_WITH_TO: u16 = 8;
    pub const PAST_AUXILIARY: u16 = 16;
    pub const PRESENT: u16 = 32;
    pub const AUXILIARY: u16 = 64;
    pub const OBJECT_THEN_TO: u16 = 128;
    pub const WITH_FOR: u16 = 256;
    pub const SCHEDULED: u16 = 512;
    pub const NOT_FINITE_BEFORE: u16 = 1024;
    pub const SCHEDULED_PLAIN: u16 = 2048;
    pub const SUBJECT: u16 = 4096;
    /// A noun of [`UNFORESEEN`](super::UNFORESEEN) or [`AFTERMATH`](super::AFTERMATH).
    pub const OVER: u16 = 8192;
    /// A noun of [`SCHEDULED`](super::SCHEDULED).
    pub const SET_IN_ADVANCE: u16 = 16384;
    /// A noun of [`STATISTIC`](super::STATISTIC).
    pub const STATISTIC: u16 = 32768;
    /// The noun bits, which say nothing of a tense.
    pub const NOUNS: u16 = OVER | SET_IN_ADVANCE | STATISTIC;
}

/// The bits of `w` (0 for a word in no list), from a table built once from the lists.
fn flags(w: &str) -> u16 {
    static TABLE: OnceLock<HashMap<&'static str, u16>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = HashMap::new();
        for (list, bit) in [
            (IRREGULAR_PAST, bits::IRREGULAR),
            (NOT_PAST, bits::NOT_PAST),
            (FUTURE, bits::FUTURE),
            (FUTURE_WITH_TO, bits::FUTURE_WITH_TO),
            (PAST_AUXILIARY, bits::PAST_AUXILIARY),
            (PRESENT, bits::PRESENT),
            (AUXILIARY, bits::AUXILIARY),
            (OBJECT_THEN_TO, bits::OBJECT_THEN_TO),
            (FUTURE_WITH_FOR, bits::WITH_FOR),
            (SCHEDULED_THIRD, bits::SCHEDULED),
            (SCHEDULED_PLAIN, bits::SCHEDULED_PLAIN),
            (NOT_FINITE_BEFORE, bits::NOT_FINITE_BEFORE),
            (SUBJECT_WORDS, bits::SUBJECT),
            (UNFORESEEN, bits::OVER),
            (AFTERMATH, bits::OVER),
            (SCHEDULED, bits::SET_IN_ADVANCE),
            (STATISTIC, bits::STATISTIC),
        ] {
            for &word in list {
                *t.entry(word).or_insert(0) |= bit;
            }
        }
        t
    });
    table.get(w).copied().unwrap_or(0)
}

/// The lower-case word at token `j` (ASCII, at most 12 bytes): the text itself when it is
/// written in lower case, else a lower-cased copy in `buf`.
fn word_at<'b>(
    text: &'b str,
    tokens: &[Token],
    j: usize,
    buf: &'b mut [u8; 12],
) -> Option<&'b str> {
    let t = tokens.get(j)?;
    if !matches!(t.kind, Kind::Word(..)) {
        return None;
    }
    let w = &text[t.start as usize..t.end as usize];
    if w.len() <= buf.len() && w.bytes().all(|c| c.is_ascii_lowercase()) {
        return Some(w);
    }
    lowercase(w, buf)
}

/// Where a tense marker stands relative to the expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    /// Before it, in its sentence.
    Before,
    /// After it.
    After,
    /// After an expression that opens its sentence ("In January, ... a bombing killed"): a
    /// verb in "-ed" there is likely the main verb.
    AfterOpening,
}

/// The tense token `j` marks, if any, standing on `side` of the expression.
fn marker(text: &str, tokens: &[Token], j: usize, side: Side) -> Option<Reading> {
    let ahead = side != Side::Before;
    let t = &tokens[j];
    let mut buf = [0u8; 12];
    let w = word_at(text, tokens, j, &mut buf)?;
    let f = flags(w);
    let after_apostrophe = j > 0 && tokens[j - 1].is_punct(b'\'') && tokens[j - 1].end == t.start;
    let modal = matches!(
        w,
        "may" | "might" | "would" | "should" | "could" | "wo" | "won"
    );
    let maybe = f & !bits::NOUNS != 0
        || modal
        || (w == "ll" && after_apostrophe)
        || w == "early"
        || (w.len() >= 5 && w.ends_with("ed"));
    if !maybe {
        return None;
    }
    let mut nbuf = [0u8; 12];
    let next = word_at(text, tokens, j + 1, &mut nbuf).unwrap_or("");
    let next_is_mark = tokens.get(j + 1).is_some_and(|n| n.is_punct(b'\''));
    let mut pbuf = [0u8; 12];
    let prev = j
        .checked_sub(1)
        .and_then(|p| word_at(text, tokens, p, &mut pbuf))
        .unwrap_or("");
    // "On Friday, the ministry planned to raise fees": a past plan after the date is when the
    // plan was made.
    let with_to = f & bits::FUTURE_WITH_TO != 0
        && !(ahead && w == "planned")
        && (next == "to"
            || (next == "for" && w != "planned" && (!ahead || f & bits::WITH_FOR != 0))
            // "planned a march on Saturday"
            || (matches!(w, "plan" | "plans" | "planned") && matches!(next, "a" | "an" | "the"))
            || (f & bits::OBJECT_THEN_TO != 0 && to_after_object(text, tokens, j)));
    if with_to && flags(prev) & bits::PAST_AUXILIARY != 0 {
        return Some(firm(Tense::Past));
    }
    // "had planned", "had been scheduled": a plan of the past.
    if f & bits::FUTURE != 0 && participle(w) && matches!(prev, "had" | "been") {
        return Some(firm(Tense::Past));
    }
    // "may have been", "would have": a modal looking back.
    if modal && next == "have" {
        return Some(firm(Tense::Past));
    }
    if f & bits::FUTURE != 0
        || (w == "ll" && after_apostrophe)
        || (matches!(w, "wo" | "won") && (next_is_mark || next == "n"))
        || (w == "may" && t.case() == Case::Lower)
        || (w == "early" && prev == "as")
        || with_to
    {
        return Some(firm(Tense::Future));
    }
    // "Merz meets Macron on Monday": a timetable, read only when the verb comes before
    // the date (after it, the date usually belongs to another clause). Not firm, since a
    // present can also tell a habit ("the board meets in March").
    let scheduled = match () {
        _ if ahead || t.case() != Case::Lower => false,
        // "the minister heads to Brussels on Thursday", but not "heads of state"
        _ if w == "heads" => matches!(next, "to" | "for" | "into" | "back" | "home"),
        _ if f & bits::SCHEDULED != 0 => flags(prev) & bits::NOT_FINITE_BEFORE == 0,
        _ if f & bits::SCHEDULED_PLAIN != 0 => subject_before(text, tokens, j),
        _ => false,
    };
    if scheduled {
        return Some(Reading {
            tense: Tense::Future,
            firm: false,
        });
    }
    if participle(w) {
        // "will be held", "is expected", "to be completed", "will be legally completed": the
        // auxiliary tells the tense.
        let mut abuf = [0u8; 12];
        let auxiliary = |w: &str| flags(w) & bits::AUXILIARY != 0;
        if auxiliary(prev)
            || (prev.len() > 4
                && prev.ends_with("ly")
                && tokens[j - 1].case() == Case::Lower
                && j >= 2
                && word_at(text, tokens, j - 2, &mut abuf).is_some_and(auxiliary))
        {
            return None;
        }
        // "which ended in January", "the deal completed in February": a verb in "-ed" right
        // before "in" or "on" and a month is the past of what happened then.
        let before_month = side == Side::Before
            && matches!(
                tokens.get(j + 1).map(Token::lex),
                Some(Lex::Word(W::In | W::On))
            )
            && tokens
                .get(j + 2)
                .is_some_and(|t| matches!(t.lex(), Lex::Month(..)));
        return Some(Reading {
            tense: Tense::Past,
            firm: f & bits::IRREGULAR != 0
                || ((side == Side::AfterOpening || before_month)
                    && verb_in_ed(text, tokens, j, w, prev)),
        });
    }
    // "has launched", "have been": the present perfect looks back.
    if matches!(w, "has" | "have") && (participle(next) || next == "been") {
        return Some(firm(Tense::Past));
    }
    if f & bits::PRESENT != 0 {
        return Some(firm(Tense::Present));
    }
    None
}

/// True when the word before token `j` can be the subject of a plain present verb there: a
/// pronoun, "who"/"which", a capitalised word ("Merz and Macron meet", "Texans vote") or a plural
/// in "-s" ("ministers meet", "talks resume").
fn subject_before(text: &str, tokens: &[Token], j: usize) -> bool {
    let Some(p) = j.checked_sub(1) else {
        return false;
    };
    let mut buf = [0u8; 12];
    let Some(w) = word_at(text, tokens, p, &mut buf) else {
        return false;
    };
    let f = flags(w);
    if f & (bits::NOT_FINITE_BEFORE | bits::PRESENT | bits::AUXILIARY) != 0 {
        return false;
    }
    f & bits::SUBJECT != 0
        || tokens[p].case() == Case::Capital
        || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss"))
}

/// Words in "-ed" that often bring in what is still to come ("expected in January",
/// "postponed to March", "agreed a vote in June"): as verbs their past stays a weak one.
const FORWARD_IN_ED: &[&str] = &[
    "expected",
    "anticipated",
    "planned",
    "proposed",
    "projected",
    "forecasted",
    "predicted",
    "targeted",
    "postponed",
    "delayed",
    "deferred",
    "promised",
    "pledged",
    "rescheduled",
    "pushed",
    "moved",
    "extended",
    "required",
    "needed",
    "intended",
    "earmarked",
    "ordered",
    "asked",
    "called",
    "urged",
    "agreed",
    "decided",
    "voted",
    "vowed",
    "threatened",
    "warned",
    "announced",
];

/// Words that start an object, an adverbial or a new clause right after a verb: "killed a
/// guard", "changed from", "exploded in a clinic".
const AFTER_A_VERB: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "him", "them", "it", "us", "me",
    "in", "on", "at", "from", "into", "with", "during", "after", "last", "this", "these", "those",
    "up", "down", "out", "off", "back", "two", "three", "more", "all",
];

/// True when the word in "-ed" at token `j` (`w`, after `prev`) is a finite past verb rather
/// than an adjective ("untouched markets", "the revised figures"): it does not follow a
/// determiner, and an object, an adverbial or the end of the clause follows it.
fn verb_in_ed(text: &str, tokens: &[Token], j: usize, w: &str, prev: &str) -> bool {
    if FORWARD_IN_ED.contains(&w) || flags(prev) & bits::NOT_FINITE_BEFORE != 0 {
        return false;
    }
    let mut buf = [0u8; 12];
    match tokens.get(j + 1) {
        Some(t) if t.is_punct(b',') || t.is_punct(b'.') || t.is_punct(b';') => true,
        Some(_) => {
            word_at(text, tokens, j + 1, &mut buf).is_some_and(|n| AFTER_A_VERB.contains(&n))
        }
        None => true,
    }
}

/// True when "to" and a verb follow token `j` after a few words with no punctuation between
/// ("expect the deal to close"); "to" before a number or a sign is a change's end, not an
/// infinitive ("narrowed more than expected in April to $58 billion").
fn to_after_object(text: &str, tokens: &[Token], j: usize) -> bool {
    let mut buf = [0u8; 12];
    (j + 2..tokens.len().min(j + 2 + OBJECT_REACH))
        .take_while(|&k| tokens[k - 1].is_word())
        .any(|k| {
            word_at(text, tokens, k, &mut buf) == Some("to")
                && tokens.get(k + 1).is_some_and(Token::is_word)
        })
}

/// True for a past tense or participle: an irregular form or a word in "-ed".
fn participle(w: &str) -> bool {
    let f = flags(w);
    f & bits::IRREGULAR != 0
        || (w.len() >= 5 && w.ends_with("ed") && !w.ends_with("eed") && f & bits::NOT_PAST == 0)
}

/// A reliable reading of `tense`.
fn firm(tense: Tense) -> Reading {
    Reading { tense, firm: true }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::time::token::tokenize;

    /// The tense around the first occurrence of `word` in `sentence`.
    fn tense_of(sentence: &str, word: &str) -> Option<Tense> {
        firm_of(sentence, word).map(|(tense, _)| tense)
    }

    /// The tense around the first occurrence of `word` in `sentence`, and whether it is firm.
    fn firm_of(sentence: &str, word: &str) -> Option<(Tense, bool)> {
        let mut tokens = Vec::new();
        tokenize(sentence, 0, sentence.len(), &mut tokens);
        let at = sentence.find(word).unwrap() as u32;
        let first = tokens.iter().position(|t| t.start == at).unwrap();
        around(sentence, &tokens, first, first + 1, 0, tokens.len()).map(|r| (r.tense, r.firm))
    }

    #[test]
    fn past_present_and_future_markers() {
        assert_eq!(
            tense_of("The two leaders met on Friday in Geneva.", "Friday"),
            Some(Tense::Past)
        );
        assert_eq!(
            tense_of("The two leaders will meet on Monday in Geneva.", "Monday"),
            Some(Tense::Future)
        );
        assert_eq!(
            tense_of("Talks are expected to resume on Monday.", "Monday"),
            Some(Tense::Future)
        );
        assert_eq!(
            tense_of("Rubio said Monday that the talks will resume.", "Monday"),
            Some(Tense::Past)
        );
        assert_eq!(
            tense_of("The rivalry intensified in November.", "November"),
            Some(Tense::Past)
        );
        assert_eq!(
            tense_of("We’ll know more on Thursday.", "Thursday"),
            Some(Tense::Future)
        );
        assert_eq!(tense_of("Snow in January.", "January"), None);
        // A long clause: the marker is 18 words before the weekday.
        assert_eq!(
            tense_of(
                "The envoy is scheduled to spend three hours in Riyadh, the Saudi capital, before a stop in Doha on Thursday.",
                "Thursday"
            ),
            Some(Tense::Future)
        );
        assert_eq!(
            tense_of(
                "The strike had been scheduled to begin on Monday.",
                "Monday"
            ),
            Some(Tense::Past)
        );
        assert_eq!(
            tense_of("The strike is scheduled to begin on Monday.", "Monday"),
            Some(Tense::Future)
        );
        // A verb in "-ed" right before "in" and the month is firm; a verb that looks ahead is
        // not ("agreed in", "postponed in").
        assert_eq!(
            firm_of("The chief executive resigned in February.", "February"),
            Some((Tense::Past, true))
        );
        assert_eq!(
            firm_of("The vote was postponed in February.", "February"),
            Some((Tense::Past, false))
        );
        assert_eq!(
            tense_of("The split will be formally completed on March 12.", "March"),
            Some(Tense::Future)
        );
        // A name in "-ly" after "to" is no adverb hiding the auxiliary.
        assert_eq!(
            firm_of("Shipments to Italy declined in February.", "February"),
            Some((Tense::Past, true))
        );
        // "to" before an amount is where a figure went, not an infinitive.
        assert_eq!(
            tense_of(
                "The deficit narrowed more than expected in May to $41 billion.",
                "May"
            ),
            Some(Tense::Past)
        );
        assert_eq!(
            tense_of("Analysts expect the merger to close in May.", "May"),
            Some(Tense::Future)
        );
        // A participle after "getting" is no past tense of its own.
        assert_eq!(
            tense_of(
                "Factories are going to start getting beat up in the spring.",
                "spring"
            ),
            Some(Tense::Future)
        );
    }
}
