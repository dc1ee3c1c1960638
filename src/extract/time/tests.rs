//! Time expressions in real sentences: what is found, and what it resolves to.

use chrono::NaiveDate;

use super::*;
use crate::layout::Layout;
use crate::segment;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A Friday, the publication date of the Al Jazeera sample.
fn friday() -> Option<NaiveDate> {
    Some(ymd(2025, 12, 19))
}

/// A Tuesday, the publication date of the bne IntelliNews sample.
fn tuesday() -> Option<NaiveDate> {
    Some(ymd(2025, 12, 23))
}

fn layout_of(text: &str) -> Layout {
    let paragraphs = segment::paragraphs(text);
    let marks = vec![None; paragraphs.len()];
    segment::layout(text, &paragraphs, &marks)
}

/// The time expressions of `text` published on `date`.
fn timexes(text: &str, date: Option<NaiveDate>) -> Vec<Timex> {
    let layout = layout_of(text);
    let doc = Doc {
        text,
        layout: &layout,
        published: date,
    };
    extract(&doc)
}

/// The time expressions of `text` published on `date`, as (text, value) pairs.
fn found(text: &str, date: Option<NaiveDate>) -> Vec<(String, String)> {
    timexes(text, date)
        .into_iter()
        .map(|t| (t.span.text(text).to_string(), t.value.to_string()))
        .collect()
}

/// Asserts that `text` published on `date` yields exactly `expected` (text, value) pairs.
#[track_caller]
fn check(text: &str, date: Option<NaiveDate>, expected: &[(&str, &str)]) {
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(found(text, date), expected, "in: {text}");
}

/// The interval of the only time expression `what` in `text`.
fn interval_of(text: &str, date: Option<NaiveDate>, what: &str) -> Option<(NaiveDate, NaiveDate)> {
    timexes(text, date)
        .into_iter()
        .find(|t| t.span.text(text) == what)
        .unwrap_or_else(|| panic!("{what} not found in {text}"))
        .interval
        .map(|i| (i.start, i.end))
}

#[test]
fn written_dates() {
    check(
        "The ceasefire took effect on December 23, 2025, officials said.",
        tuesday(),
        &[("December 23, 2025", "2025-12-23")],
    );
    check(
        "The agreement was signed in Istanbul on 23 December 2025.",
        tuesday(),
        &[("23 December 2025", "2025-12-23")],
    );
    check(
        "Kyiv confirmed the exchange on 19 Dec 2025.",
        tuesday(),
        &[("19 Dec 2025", "2025-12-19")],
    );
    check(
        "The summit opened on Dec. 23 with a closed session.",
        tuesday(),
        &[("Dec. 23", "2025-12-23")],
    );
    check(
        "The decree, dated 2025-12-23, was published online.",
        tuesday(),
        &[("2025-12-23", "2025-12-23")],
    );
    check(
        "The report covers events up to Wednesday, December 24, 2025.",
        tuesday(),
        &[("Wednesday, December 24, 2025", "2025-12-24")],
    );
}

#[test]
fn two_digit_years_after_an_apostrophe() {
    check(
        "The law was passed in '98 and amended in '05.",
        tuesday(),
        &[("'98", "1998"), ("'05", "2005")],
    );
    check(
        "He joined the party in May '95, after the class of '92 had left.",
        tuesday(),
        &[("May '95", "1995-05"), ("'92", "1992")],
    );
    check(
        "Prices were lower in the summer of '19.",
        tuesday(),
        &[("the summer of '19", "2019-SU")],
    );
    check(
        "The team won the cup in '04 and '09.",
        tuesday(),
        &[("'04", "2004"), ("'09", "2009")],
    );
    // A decade, a quotation and a contraction are not years.
    check(
        "Rock'n'roll ruled the '60s.",
        tuesday(),
        &[("the '60s", "196")],
    );
    check("He said 'we sold 98 units'.", tuesday(), &[]);
    // Without a publication date the century is the one from 1930 to 2029.
    check("The law was passed in '98.", None, &[("'98", "1998")]);
}

#[test]
fn fiscal_year_codes() {
    check(
        "The company reported FY2025 revenue and expects growth in FY26.",
        tuesday(),
        &[("FY2025", "2025"), ("FY26", "2026")],
    );
    check(
        "The FYI column runs weekly.",
        tuesday(),
        &[("weekly", "P1W")],
    );
}

#[test]
fn a_count_of_thousands_of_years_is_no_year() {
    check(
        "The walls have stood for three thousand years.",
        tuesday(),
        &[],
    );
    check(
        "Celebrations marked the year two thousand.",
        tuesday(),
        &[("the year two thousand", "2000")],
    );
}

#[test]
fn months_and_years() {
    check(
        "Tensions have been building since April 2025.",
        tuesday(),
        &[("April 2025", "2025-04")],
    );
    check(
        "In May, both the State Department and the transition team initiated a review.",
        tuesday(),
        &[("May", "2025-05")],
    );
    check(
        "The rivalry intensified in November, when Witkoff held meetings in Geneva.",
        tuesday(),
        &[("November", "2025-11")],
    );
    check(
        "Rubio called a Geneva summit on November 23.",
        tuesday(),
        &[("November 23", "2025-11-23")],
    );
    check(
        "Russia seized and annexed Crimea in 2014.",
        tuesday(),
        &[("2014", "2014")],
    );
    check(
        "The alliance expanded eastwards in the 1990s.",
        tuesday(),
        &[("the 1990s", "199")],
    );
}

#[test]
fn counts_are_not_years() {
    check(
        "The ministry sent 2,000 troops and reviewed 1,008 articles.",
        tuesday(),
        &[],
    );
    check("About 2000 troops crossed the border.", tuesday(), &[]);
    check(
        "The council adopted Resolution 2334 by a wide margin.",
        tuesday(),
        &[],
    );
    check(
        "1000s of volunteers came, and 2000s of them stayed.",
        tuesday(),
        &[],
    );
}

#[test]
fn codes_and_addresses_are_not_years() {
    check(
        "The order includes 20 A350-800s and 20 A350-1000s.",
        tuesday(),
        &[],
    );
    check("The bill, HR-1051, was never signed.", tuesday(), &[]);
    check(
        "The sale of 1334 York Avenue closed last week.",
        tuesday(),
        &[("last week", "2025-W51")],
    );
    check("The chain runs its 1200 stores alone.", tuesday(), &[]);
    check("Prices rose in 1500 shops.", tuesday(), &[]);
    check(
        "The company expects to cut between 1000 and 1500 jobs.",
        tuesday(),
        &[],
    );
    check(
        "Shares were down 1.8 percent by 1014, and the violin was made in 1610.",
        tuesday(),
        &[("1610", "1610")],
    );
    // Years before 1900 after a preposition of time still count, and modern ones as before.
    check(
        "The bank, founded in 1784, follows a statute that dates back to 1789.",
        tuesday(),
        &[("1784", "1784"), ("1789", "1789")],
    );
    check(
        "Growth slowed in mid-2014 and in the 2000s.",
        tuesday(),
        &[("mid-2014", "2014"), ("the 2000s", "200")],
    );
}

#[test]
fn ranges_share_one_interval() {
    let text =
        "Tensions surfaced after the Miami meeting on December 20-21 failed to make progress.";
    check(
        text,
        tuesday(),
        &[("December 20", "2025-12-20"), ("21", "2025-12-21")],
    );
    let whole = Some((ymd(2025, 12, 20), ymd(2025, 12, 21)));
    assert_eq!(interval_of(text, tuesday(), "December 20"), whole);
    assert_eq!(interval_of(text, tuesday(), "21"), whole);

    let text = "The offensive ran from May to July, the army said.";
    check(text, tuesday(), &[("May", "2025-05"), ("July", "2025-07")]);
    let whole = Some((ymd(2025, 5, 1), ymd(2025, 7, 31)));
    assert_eq!(interval_of(text, tuesday(), "July"), whole);

    check(
        "The summit will be held in Vilnius on July 11 and 12, 2023.",
        tuesday(),
        &[("July 11", "2023-07-11"), ("12, 2023", "2023-07-12")],
    );
    check(
        "Turnout fell between March 3 and 12 percent, pollsters said.",
        tuesday(),
        &[("March 3", "2025-03-03")],
    );

    // An opening month without a year comes before the month closing the range, whatever
    // the tense makes of it alone.
    let text = "The carmaker is set to announce its July-to-September results on Monday.";
    let date = Some(ymd(2014, 10, 15));
    check(
        text,
        date,
        &[
            ("July", "2014-07"),
            ("September", "2014-09"),
            ("Monday", "2014-10-20"),
        ],
    );
    assert_eq!(
        interval_of(text, date, "July"),
        Some((ymd(2014, 7, 1), ymd(2014, 9, 30)))
    );
    // A stretch that ended half a year ago is not the one meant when the next is under way.
    check(
        "The storm season runs from June 1 through November 30, forecasters said.",
        Some(ymd(2014, 7, 20)),
        &[("June 1", "2014-06-01"), ("November 30", "2014-11-30")],
    );
    // An end without a year goes before the closing end that has one.
    check(
        "Approval stood at 60 percent (Aug 29-Sept 3, 1991).",
        Some(ymd(2014, 9, 8)),
        &[("Aug 29", "1991-08-29"), ("Sept 3, 1991", "1991-09-03")],
    );
    // "January 27 - December retail sales" in a list of dates is no range.
    check(
        "Data: January 27 - December retail sales.",
        Some(ymd(2014, 1, 20)),
        &[("January 27", "2014-01-27"), ("December", "2013-12")],
    );

    let text = "Prices doubled between 2014 and 2022.";
    check(text, tuesday(), &[("2014", "2014"), ("2022", "2022")]);
    assert_eq!(
        interval_of(text, tuesday(), "2014"),
        Some((ymd(2014, 1, 1), ymd(2022, 12, 31)))
    );
}

#[test]
fn since_opens_an_interval_to_the_publication_date() {
    let text = "Tensions in the US top echelon have been building since at least April 2025, when Rubio discovered the plan.";
    check(text, tuesday(), &[("April 2025", "2025-04")]);
    assert_eq!(
        interval_of(text, tuesday(), "April 2025"),
        Some((ymd(2025, 4, 1), ymd(2025, 12, 23)))
    );
}

#[test]
fn weekdays_look_back_in_past_and_neutral_news() {
    check(
        "On Friday, Washington formally asked Kyiv to withdraw its draft.",
        friday(),
        &[("Friday", "2025-12-19")],
    );
    check(
        "Rubio confirmed the U.S. resolution late Friday.",
        tuesday(),
        &[("late Friday", "2025-12-19")],
    );
    check(
        "Sybiha reaffirmed Kyiv's position Saturday, writing on X.",
        tuesday(),
        &[("Saturday", "2025-12-20")],
    );
    check(
        "Friday's meeting in Paris ended without a deal.",
        tuesday(),
        &[("Friday", "2025-12-19")],
    );
}

#[test]
fn weekdays_look_ahead_in_future_news() {
    check(
        "The two delegations will meet on Monday in Berlin.",
        friday(),
        &[("Monday", "2025-12-22")],
    );
    check(
        "Officials said talks would resume next Monday.",
        tuesday(),
        &[("next Monday", "2025-12-29")],
    );
    check(
        "The envoy is expected to arrive on Thursday.",
        tuesday(),
        &[("Thursday", "2025-12-25")],
    );
}

#[test]
fn the_following_or_previous_weekday_counts_from_the_day_mentioned_last() {
    check(
        "The plane landed on Dec. 3. The following Monday, talks began.",
        tuesday(),
        &[
            ("Dec. 3", "2025-12-03"),
            ("The following Monday", "2025-12-08"),
        ],
    );
    check(
        "He arrived in Kyiv on March 3, 2024 and left the following Tuesday.",
        tuesday(),
        &[
            ("March 3, 2024", "2024-03-03"),
            ("the following Tuesday", "2024-03-05"),
        ],
    );
    check(
        "The pound ended Friday a cent lower than the previous Friday.",
        tuesday(),
        &[
            ("Friday", "2025-12-19"),
            ("the previous Friday", "2025-12-12"),
        ],
    );
    // Without a day mentioned before, from the publication date.
    check(
        "He will leave the following Monday.",
        tuesday(),
        &[("the following Monday", "2025-12-29")],
    );
    check(
        "He will leave the following Monday.",
        None,
        &[("the following Monday", "XXXX-WXX-1")],
    );
}

#[test]
fn a_timetable_in_the_present_looks_ahead() {
    // A scheduled happening in the simple present, before the weekday.
    check(
        "Zelensky meets Trump on Sunday in Florida, his office said.",
        tuesday(),
        &[("Sunday", "2025-12-28")],
    );
    check(
        "The two finance ministers meet privately Friday with the lenders.",
        tuesday(),
        &[("Friday", "2025-12-26")],
    );
    check(
        "The summit, which begins Monday, will focus on energy.",
        friday(),
        &[("Monday", "2025-12-22")],
    );
    check(
        "The Supreme Court hears arguments Wednesday in the tariff case.",
        tuesday(),
        &[("Wednesday", "2025-12-24")],
    );
    check(
        "The minister heads to Brussels on Thursday for the summit.",
        tuesday(),
        &[("Thursday", "2025-12-25")],
    );
    // A plan names what comes after it.
    check(
        "Farmers planned a march on the capital on Saturday.",
        friday(),
        &[("Saturday", "2025-12-20")],
    );
    check(
        "The delegation planned to fly home on Thursday.",
        tuesday(),
        &[("Thursday", "2025-12-25")],
    );
}

#[test]
fn a_noun_or_a_past_plan_does_not_look_ahead() {
    // "start", "visit", "host" as nouns; an infinitive; a negated past.
    check(
        "The talks got off to a slow start Monday in Geneva.",
        tuesday(),
        &[("Monday", "2025-12-22")],
    );
    check(
        "The minister told the show's host on Wednesday that a deal was near.",
        friday(),
        &[("Wednesday", "2025-12-17")],
    );
    check(
        "The two sides agreed to meet Monday in Istanbul.",
        tuesday(),
        &[("Monday", "2025-12-22")],
    );
    check(
        "The heads of state met on Thursday.",
        tuesday(),
        &[("Thursday", "2025-12-18")],
    );
    check(
        "The board did not meet Monday as planned.",
        tuesday(),
        &[("Monday", "2025-12-22")],
    );
    // The date before a past plan is when the plan was made.
    check(
        "On Friday, the ministry planned to raise the fees.",
        tuesday(),
        &[("Friday", "2025-12-19")],
    );
    check(
        "On Friday, when he dropped his plans for a holiday, the strike had begun.",
        tuesday(),
        &[("Friday", "2025-12-19")],
    );
}

#[test]
fn months_take_the_year_the_tense_and_closeness_choose() {
    check(
        "Since returning to office in January, Trump has launched a major diplomatic push.",
        friday(),
        &[("January", "2025-01")],
    );
    check(
        "Elections will be held in March under the new law.",
        tuesday(),
        &[("March", "2026-03")],
    );
    check(
        "The deadline for the offer is Jan. 14, the agency said.",
        Some(ymd(2026, 1, 6)),
        &[("Jan. 14", "2026-01-14")],
    );
}

#[test]
fn a_month_naming_an_occasion_is_the_nearer_one() {
    let october = Some(ymd(2025, 10, 27));
    // The clause looks ahead ("hopes to"), but the agreement is the June just gone.
    check(
        "The bank hopes to sell itself under a June agreement with its largest shareholder.",
        october,
        &[("June", "2025-06")],
    );
    // "March" and "May" alone need a preposition, or a noun they name an occasion of.
    check(
        "The March referendum will settle the question. Shareholders may march out.",
        Some(ymd(2025, 2, 10)),
        &[("March", "2025-03")],
    );
    check(
        "The May results disappointed investors.",
        Some(ymd(2025, 6, 9)),
        &[("May", "2025-05")],
    );
    // "said" is a firm past, but the meeting and the delivery are the coming ones.
    check(
        "Investors said a cut at the Fed's September meeting was likely.",
        Some(ymd(2025, 8, 20)),
        &[("September", "2025-09")],
    );
    // The figures of a month are released after it, however future their release.
    check(
        "The statistics office will publish October retail sales figures on Friday.",
        Some(ymd(2025, 12, 2)),
        &[("October", "2025-10"), ("Friday", "2025-12-05")],
    );
    check(
        "Carmakers will report December sales this week.",
        Some(ymd(2026, 1, 5)),
        &[("December", "2025-12"), ("this week", "2026-W02")],
    );
    // A forecast for the month ahead stays ahead; a month before "to" names no figures.
    check(
        "Retailers warned that April sales could be hurt by the storms.",
        Some(ymd(2025, 3, 28)),
        &[("April", "2025-04")],
    );
    check(
        "The ministers will meet in September to review output targets.",
        Some(ymd(2025, 7, 10)),
        &[("September", "2025-09")],
    );
    let november = Some(ymd(2025, 11, 18));
    check(
        "Traders said crude for December delivery was unchanged.",
        november,
        &[("December", "2025-12")],
    );
    // A happening nobody schedules is over, however near the coming month is.
    let december = Some(ymd(2025, 12, 10));
    check(
        "Output has recovered after the March earthquake and floods.",
        december,
        &[("March", "2025-03")],
    );
    check(
        "Investigators are still searching the site of the October 3 train crash.",
        Some(ymd(2025, 9, 20)),
        &[("October 3", "2024-10-03")],
    );
    // One set in advance is the nearer one, whatever the tense of the clause.
    check(
        "Ministers prepared the ground for a November summit in Lima.",
        Some(ymd(2025, 7, 14)),
        &[("November", "2025-11")],
    );
    check(
        "The program ends at its June deadline, the governor said.",
        Some(ymd(2025, 1, 7)),
        &[("June", "2025-06")],
    );
    // What it left behind shows it is over.
    check(
        "Markets shrugged off the November election results.",
        Some(ymd(2025, 7, 14)),
        &[("November", "2024-11")],
    );
    // Any other occasion is reported once it has happened.
    check(
        "The company said the June acquisition trimmed its earnings.",
        Some(ymd(2025, 2, 1)),
        &[("June", "2024-06")],
    );
    // A year at the end of the phrase is the occasion's year.
    check(
        "The two men met in a London hotel on a March morning in 2001.",
        december,
        &[("March", "2001-03"), ("2001", "2001")],
    );
    // A verb after the month is no noun it names: the tense decides.
    check(
        "Sales for April rose 4 percent.",
        november,
        &[("April", "2025-04")],
    );
}

#[test]
fn last_and_a_month_name_skip_the_month_just_ended() {
    let march = Some(ymd(2026, 3, 2));
    check(
        "Two ferries collided in the strait last February.",
        march,
        &[("last February", "2025-02")],
    );
    check(
        "The plant reopened last January after repairs.",
        march,
        &[("last January", "2026-01")],
    );
    check(
        "Sales were weaker this past February, the chain said.",
        march,
        &[("this past February", "2026-02")],
    );
    // In January, "last December" is the one before the December just ended.
    check(
        "Sales would fall short of last December's record.",
        Some(ymd(2026, 1, 2)),
        &[("last December", "2024-12")],
    );
    // A day after it: the latest such day, which the expression holds.
    check(
        "Repairs cover cars built through last December 31, the agency said.",
        Some(ymd(2026, 1, 20)),
        &[("last December 31", "2025-12-31")],
    );
    check(
        "Stocks have doubled since their low of last March 9.",
        Some(ymd(2026, 3, 12)),
        &[("last March 9", "2025-03-09")],
    );
    check(
        "The plant has been idle since last June 30, when its owner ran out of cash.",
        Some(ymd(2026, 3, 2)),
        &[("last June 30", "2025-06-30")],
    );
    check(
        "The new rules take effect next April 1.",
        Some(ymd(2026, 3, 2)),
        &[("next April 1", "2026-04-01")],
    );
    // A number after the month that counts something is no day of it.
    check(
        "Prices rose last May 5 percent faster than wages.",
        Some(ymd(2026, 3, 2)),
        &[("last May", "2025-05")],
    );
}

#[test]
fn the_week_of_a_day_is_its_iso_week() {
    check(
        "The union expects to announce the vote the week of March 9, a spokesman said.",
        Some(ymd(2026, 2, 24)),
        &[("the week of March 9", "2026-W11")],
    );
    check(
        "Claims have not fallen since the week of 3 January 2026.",
        None,
        &[("the week of 3 January 2026", "2026-W01")],
    );
    // Without a publication date the year is unknown.
    check(
        "The hearing is set for the week of March 9.",
        None,
        &[("the week of March 9", "XXXX-WXX")],
    );
    check("The week of talks ended without a deal.", tuesday(), &[]);
}

#[test]
fn a_date_something_takes_effect_is_the_coming_one() {
    check(
        "The board named Ana Ruiz chief financial officer, effective Feb. 1.",
        Some(ymd(2025, 10, 26)),
        &[("Feb. 1", "2026-02-01")],
    );
    check(
        "The central bank cut its deposit rate to 2 percent, effective Friday.",
        tuesday(),
        &[("Friday", "2025-12-26")],
    );
    check(
        "The company raised its dividend, payable on March 25.",
        Some(ymd(2025, 2, 5)),
        &[("March 25", "2025-03-25")],
    );
}

#[test]
fn a_date_opening_the_sentence_takes_the_tense_of_its_main_verb() {
    let november = Some(ymd(2025, 11, 20));
    // The verb comes 24 words after the month.
    check(
        "In January, a week after the inauguration of the new mayor of the city and the \
         swearing-in of his council, a fire destroyed the old covered market.",
        november,
        &[("January", "2025-01"), ("a week", "P1W")],
    );
    // A conditional that far off is reported speech, not the tense of the date.
    check(
        "On Aug. 31, the regulator sued to stop the merger of the two largest mobile carriers \
         in the country, saying the deal would raise prices.",
        Some(ymd(2025, 9, 7)),
        &[("Aug. 31", "2025-08-31")],
    );
}

#[test]
fn days_relative_to_publication() {
    check(
        "The minister said today that the border would reopen.",
        tuesday(),
        &[("today", "2025-12-23")],
    );
    check(
        "Drones struck Odesa yesterday, killing two.",
        tuesday(),
        &[("yesterday", "2025-12-22")],
    );
    check(
        "The vote is scheduled for tomorrow.",
        tuesday(),
        &[("tomorrow", "2025-12-24")],
    );
    check(
        "Witkoff and Kushner held talks in Berlin earlier this week.",
        friday(),
        &[("earlier this week", "2025-W51")],
    );
    assert_eq!(
        interval_of(
            "Witkoff and Kushner held talks in Berlin earlier this week.",
            friday(),
            "earlier this week"
        ),
        Some((ymd(2025, 12, 15), ymd(2025, 12, 19)))
    );
}

#[test]
fn weeks_months_and_years_relative_to_publication() {
    check(
        "The allies met in Paris this week and will reconvene in London next week.",
        friday(),
        &[("this week", "2025-W51"), ("next week", "2025-W52")],
    );
    check(
        "Exports fell last week.",
        tuesday(),
        &[("last week", "2025-W51")],
    );
    check(
        "Inflation eased this month after rising last month.",
        tuesday(),
        &[("this month", "2025-12"), ("last month", "2025-11")],
    );
    check(
        "Witkoff was appointed special envoy earlier this year.",
        tuesday(),
        &[("earlier this year", "2025")],
    );
    check(
        "The company lost money last year.",
        tuesday(),
        &[("last year", "2024")],
    );
    check(
        "The treaty was signed three years ago.",
        tuesday(),
        &[("three years ago", "2022")],
    );
    // Counted in decades, it is still a year: not the decade before this one.
    check(
        "A decade ago the town had no paved road; two decades later it had an airport.",
        tuesday(),
        &[("A decade ago", "2015"), ("two decades later", "2035")],
    );
    // "The past decade" is the ten years up to the publication date, not the 2010s; the
    // calendar decade stays where it is named as one.
    check(
        "Rents in the capital have tripled over the past decade and may double in the next decade.",
        tuesday(),
        &[("the past decade", "P10Y"), ("the next decade", "P10Y")],
    );
    // A stretch framed by a preposition starts at the publication date; a bare "the next
    // year" counts from the date mentioned last.
    check(
        "The plant opened in 2019. The owners plan to cut 500 jobs there over the next year.",
        tuesday(),
        &[("2019", "2019"), ("the next year", "2026")],
    );
    check(
        "The audit began in March 2021, and its report is expected within the next week.",
        tuesday(),
        &[("March 2021", "2021-03"), ("the next week", "2026-W01")],
    );
    check(
        "A first lawsuit was filed in 2002 and a second one the next year.",
        tuesday(),
        &[("2002", "2002"), ("the next year", "2003")],
    );
    check(
        "Sales peaked in the middle of the last decade.",
        tuesday(),
        &[("middle of the last decade", "201")],
    );
    check(
        "The mine was busier last decade.",
        tuesday(),
        &[("last decade", "201")],
    );
}

#[test]
fn year_end_is_the_last_day_of_the_year_the_tense_chooses() {
    let june = Some(ymd(2025, 6, 10));
    let march = Some(ymd(2025, 3, 4));
    check(
        "The bank expects to complete the sale by year-end.",
        june,
        &[("year-end", "2025-12-31")],
    );
    check(
        "Shares in the carmaker have fallen 12% since year-end.",
        march,
        &[("year-end", "2024-12-31")],
    );
    check(
        "Its debt stood at $4 billion at year-end 2023.",
        march,
        &[("year-end 2023", "2023-12-31")],
    );
    // Written as two words it is the end of the year, as "the end of the year" is: the
    // year, which the tense chooses as it does for "year-end".
    check(
        "The company hopes to close the deal by year end.",
        june,
        &[("year end", "2025")],
    );
    check(
        "By year's end, the fund had lost a third of its value.",
        march,
        &[("year's end", "2024")],
    );
    check(
        "Sales will pick up by the end of the year.",
        june,
        &[("the end of the year", "2025")],
    );
    // What is counted from it starts at the year's last day.
    check(
        "Assets stood at $928 billion at year end, down from $1 trillion three months earlier.",
        march,
        &[("year end", "2024"), ("three months earlier", "2024-09")],
    );
    // Before a noun it names no day: the news conference was not held on December 31.
    check(
        "Speaking at a year-end news conference on Friday, the minister said talks would go on.",
        Some(ymd(2025, 12, 19)),
        &[("year-end", "2025"), ("Friday", "2025-12-19")],
    );
}

#[test]
fn stretches_just_gone_or_ahead_are_lengths_of_time() {
    check(
        "Zelenskyy has said in recent days that Kyiv will not give up territory.",
        friday(),
        &[("recent days", "PXD")],
    );
    check(
        "Fighting has intensified in recent weeks, and aid groups fear worse in the coming months.",
        friday(),
        &[("recent weeks", "PXW"), ("the coming months", "PXM")],
    );
    check(
        "Executives were cautious about the coming months.",
        friday(),
        &[("the coming months", "PXM")],
    );
    check(
        "The central bank warned of more turbulence in the weeks ahead.",
        friday(),
        &[("the weeks ahead", "PXW")],
    );
    check(
        "Several upcoming years of budget cuts worry the unions.",
        friday(),
        &[("upcoming years", "PXY")],
    );
}

#[test]
fn references_without_a_date() {
    check(
        "Prices are now falling, and analysts expect more cuts in the future.",
        friday(),
        &[("now", "PRESENT_REF"), ("the future", "FUTURE_REF")],
    );
}

#[test]
fn today_s_in_the_sense_of_nowadays_is_no_date() {
    check(
        "In today's fast-changing world, banks need more capital, the chief executive said on Tuesday.",
        tuesday(),
        &[("Tuesday", "2025-12-23")],
    );
    check(
        "Lenders struggle in today's difficult market environment.",
        tuesday(),
        &[],
    );
    check(
        "Investors cheered today's vote in parliament.",
        tuesday(),
        &[("today", "2025-12-23")],
    );
}

#[test]
fn most_recently_before_a_date_only_ranks_it() {
    check(
        "The central bank raised rates three times this year, most recently on December 10.",
        tuesday(),
        &[("this year", "2025"), ("December 10", "2025-12-10")],
    );
    check(
        "Inspectors found forged records in 2019, 2021 and most recently in 2024.",
        tuesday(),
        &[("2019", "2019"), ("2021", "2021"), ("2024", "2024")],
    );
    check(
        "She was most recently head of sales at the bank.",
        tuesday(),
        &[("recently", "PAST_REF")],
    );
}

#[test]
fn earlier_in_the_day_is_the_day_mentioned_last() {
    check(
        "The strike hit Kharkiv on December 3. Earlier in the day, sirens sounded across the city.",
        tuesday(),
        &[
            ("December 3", "2025-12-03"),
            ("Earlier in the day", "2025-12-03"),
        ],
    );
}

#[test]
fn durations() {
    check(
        "The war has lasted three years.",
        tuesday(),
        &[("three years", "P3Y")],
    );
    check(
        "Residents have queued for water for weeks.",
        tuesday(),
        &[("weeks", "PXW")],
    );
    check(
        "We need to decide quickly, within days, whether a deal is achievable.",
        tuesday(),
        &[("days", "PXD")],
    );
    check(
        "The refugees lived in camps for 2 1/2 years.",
        tuesday(),
        &[("2 1/2 years", "P2Y6M")],
    );
    check(
        "Albright arrived after a 16-hour flight.",
        tuesday(),
        &[("16-hour", "PT16H")],
    );
    check(
        "Growth should slow over the next couple of years, the central bank said.",
        tuesday(),
        &[("the next couple of years", "P2Y")],
    );
    check(
        "The deal follows months of talks and several quarters of losses.",
        tuesday(),
        &[("months", "PXM"), ("several quarters", "PXQ")],
    );
    check(
        "Three quarters of the members and the minutes of the meeting backed the plan in the early hours of the night.",
        tuesday(),
        &[],
    );
    let t = &timexes("The war has lasted three years.", tuesday())[0];
    assert_eq!((t.kind, t.interval), (TimexType::Duration, None));
}

#[test]
fn a_rate_of_a_quantity_is_no_time_expression() {
    // The unit measures an amount, not a time: TimeML leaves these out.
    check(
        "Exiles send $1 billion a year to relatives.",
        tuesday(),
        &[],
    );
    check(
        "Builders started homes at a pace of 240,000 a month.",
        tuesday(),
        &[],
    );
    check(
        "The merger should cut $80 million a year in costs.",
        tuesday(),
        &[],
    );
    check(
        "Rents should rise 3% annually through 2028.",
        tuesday(),
        &[("2028", "2028")],
    );
    check("The bonds pay 4 percent annually.", tuesday(), &[]);
    // Things counted with a number are a quantity too, whether they happen or not.
    check(
        "Output rose to 2.9 million barrels a day, and the plant builds 250,000 cars a year.",
        tuesday(),
        &[],
    );
    check(
        "The airline will add two flights a week to Mumbai and 700 seats a month.",
        tuesday(),
        &[],
    );
    check(
        "Producers pumped 26 million barrels of oil a day, and the mill turns out 10,000 units annually.",
        tuesday(),
        &[],
    );
    // A length of time per period is a rate; a length of time a year ago is not.
    check(
        "The hotline is staffed 24 hours a day, seven days a week.",
        tuesday(),
        &[],
    );
    check(
        "Stocks fell to nine months of supply, compared with 11 months a year ago.",
        tuesday(),
        &[
            ("nine months", "P9M"),
            ("11 months", "P11M"),
            ("a year ago", "2024"),
        ],
    );
    // A measure taken over a period ("average daily volume") repeats nothing.
    check(
        "Average daily volume rose 12%, while median weekly earnings fell.",
        tuesday(),
        &[],
    );
}

#[test]
fn recurrences() {
    check(
        "The committee meets every week.",
        tuesday(),
        &[("every week", "P1W")],
    );
    check(
        "The hotline takes hundreds of calls a day.",
        tuesday(),
        &[("a day", "P1D")],
    );
    check(
        "The paper publishes its index weekly.",
        tuesday(),
        &[("weekly", "P1W")],
    );
    check(
        "Flights leave Bombay every Monday.",
        tuesday(),
        &[("every Monday", "XXXX-WXX-1")],
    );
    assert_eq!(
        timexes("The committee meets every week.", tuesday())[0].kind,
        TimexType::Set
    );
}

#[test]
fn times_of_day() {
    check(
        "The blast occurred at about 10:35 a.m. on Friday.",
        tuesday(),
        &[("10:35 a.m. on Friday", "2025-12-19T10:35")],
    );
    check(
        "Rebels attacked the base Thursday night.",
        tuesday(),
        &[("Thursday night", "2025-12-18TNI")],
    );
    check(
        "Shares in London were up 2% at mid-afternoon yesterday.",
        tuesday(),
        &[("mid-afternoon yesterday", "2025-12-22TAF")],
    );
    check(
        "Voting was brisk on Sunday, and by mid-afternoon turnout had passed 40%.",
        tuesday(),
        &[("Sunday", "2025-12-21"), ("mid-afternoon", "2025-12-21TAF")],
    );
    check(
        "Markets fell on Friday. Traders sold heavily in the morning before a late rally.",
        tuesday(),
        &[("Friday", "2025-12-19"), ("the morning", "2025-12-19TMO")],
    );
    check(
        "The convoy will leave at 4 in the morning on Thursday.",
        tuesday(),
        &[("4 in the morning on Thursday", "2025-12-25T04:00")],
    );
    // A showdown and a title are no time of day.
    check(
        "For the ruling party, high noon comes with the budget vote.",
        tuesday(),
        &[],
    );
    check(
        "The studio also made \"Midnight Cowboy\", the producer said.",
        tuesday(),
        &[],
    );
}

#[test]
fn discourse_now_and_the_past_after_in() {
    check(
        "Now, the minister says, the talks must start again from scratch.",
        friday(),
        &[],
    );
    check(
        "The talks are now stalled.",
        friday(),
        &[("now", "PRESENT_REF")],
    );
    check(
        "The ministry has said in the past that it cannot verify such figures.",
        friday(),
        &[("the past", "PAST_REF")],
    );
    check(
        "The retailer forecast higher profit for the full year.",
        tuesday(),
        &[("the full year", "2025")],
    );
}

#[test]
fn names_and_compounds_with_time_words_stay_out() {
    check(
        "The senator told CBS's \"60 Minutes\" that the bill would pass.",
        tuesday(),
        &[],
    );
    check(
        "Speaking on ABC's \"This Week,\" the envoy defended the plan.",
        tuesday(),
        &[],
    );
    check(
        "The poster borrowed an image from the western High Noon to rally voters.",
        tuesday(),
        &[],
    );
    check(
        "Unemployment fell to its quarter-century low in March.",
        tuesday(),
        &[("March", "2025-03")],
    );
    check(
        "The quarter-to-quarter comparison flattered the bank, which plans for the cities of tomorrow.",
        tuesday(),
        &[],
    );
    check(
        "The board meets tomorrow.",
        tuesday(),
        &[("tomorrow", "2025-12-24")],
    );
    // A title-case headline keeps its time words.
    check(
        "Ceasefire Talks Resume Next Week",
        tuesday(),
        &[("Next Week", "2026-W01")],
    );
}

#[test]
fn the_last_half_of_a_year_is_its_second() {
    check(
        "Margins should improve in the last half of 2026 and in 2027.",
        tuesday(),
        &[("the last half of 2026", "2026-H2"), ("2027", "2027")],
    );
    check(
        "Over the last half century the town shrank.",
        tuesday(),
        &[],
    );
}

#[test]
fn the_first_two_quarters_are_the_first_half() {
    check(
        "Economists expect the slump to last through the first two quarters of 2026.",
        tuesday(),
        &[("the first two quarters of 2026", "2026-H1")],
    );
    check(
        "Steelmakers lost money in the first two quarters and again over the last two quarters.",
        tuesday(),
        &[
            ("the first two quarters", "2025-H1"),
            ("the last two quarters", "P2Q"),
        ],
    );
}

#[test]
fn a_fiscal_year_after_of_is_the_period_s_year() {
    let august = Some(ymd(2025, 8, 14));
    check(
        "The retailer expects to close the purchase in the first quarter of fiscal 2026.",
        august,
        &[("the first quarter of fiscal 2026", "2026-Q1")],
    );
    check(
        "Weak sales could persist through the first half of fiscal 2026.",
        august,
        &[("the first half of fiscal 2026", "2026-H1")],
    );
}

#[test]
fn quarters_leave_out_the_words_that_determine_their_noun() {
    let october = Some(ymd(2025, 10, 28));
    check(
        "The carmaker posted a third-quarter loss and said its fourth quarter began well.",
        october,
        &[("third-quarter", "2025-Q3"), ("fourth quarter", "2025-Q4")],
    );
    check(
        "The bank earned $5 million in the third quarter, down from $7 million in the comparable year-ago quarter.",
        october,
        &[
            ("the third quarter", "2025-Q3"),
            ("the comparable year-ago quarter", "2024-Q3"),
        ],
    );
    check(
        "Sales rose 4% in the third quarter.",
        october,
        &[("the third quarter", "2025-Q3")],
    );
}

#[test]
fn named_holidays() {
    let april = Some(ymd(2025, 4, 15));
    check(
        "Officials expect heavy traffic over Memorial Day.",
        april,
        &[("Memorial Day", "2025-05-26")],
    );
    check(
        "The strike began after Labor Day and ended on Veterans Day.",
        Some(ymd(2025, 12, 2)),
        &[("Labor Day", "2025-09-01"), ("Veterans Day", "2025-11-11")],
    );
    check(
        "Florists sold out before Valentine's Day, and markets were shut on Presidents' Day.",
        april,
        &[
            ("Valentine's Day", "2025-02-14"),
            ("Presidents' Day", "2025-02-17"),
        ],
    );
    check("Jones Day, the law firm, advised the buyer.", april, &[]);
    // US Election Day: the Tuesday after the first Monday of November.
    check(
        "Both parties will campaign hard until Election Day.",
        Some(ymd(2022, 10, 20)),
        &[("Election Day", "2022-11-08")],
    );
    check(
        "Voters queued outside schools on Election Day.",
        Some(ymd(2020, 11, 4)),
        &[("Election Day", "2020-11-03")],
    );
    check("Turnout on election day was low.", april, &[]);
}

#[test]
fn false_friends_stay_out() {
    check("Officials may meet again.", tuesday(), &[]);
    check("Theresa May visited Kyiv.", tuesday(), &[]);
    check("Thousands march to the capital.", tuesday(), &[]);
    check("We are constructively minded.", tuesday(), &[]);
    check("The Sun reported the deal first.", tuesday(), &[]);
    check("Shoppers queued for Black Friday deals.", tuesday(), &[]);
    check(
        "Prices rose about three-quarters of a point.",
        tuesday(),
        &[],
    );
}

#[test]
fn undated_articles_keep_relative_expressions_unresolved() {
    let text = "On Friday, Washington asked Kyiv to withdraw its draft. The vote was held on December 23, 2025.";
    let all = timexes(text, None);
    let pairs: Vec<(&str, &str, bool)> = all
        .iter()
        .map(|t| (t.span.text(text), t.value.as_str(), t.interval.is_some()))
        .collect();
    assert_eq!(
        pairs,
        vec![
            ("Friday", "XXXX-WXX-5", false),
            ("December 23, 2025", "2025-12-23", true),
        ]
    );
    check(
        "European leaders prepare to meet next week; the talks began last year and resume in November.",
        None,
        &[
            ("next week", "XXXX-WXX"),
            ("last year", "XXXX"),
            ("November", "XXXX-11"),
        ],
    );
}

#[test]
fn written_days_in_a_byline() {
    let text = "By Ben Aris in Berlin December 23, 2025";
    assert_eq!(
        written_days(text, Span::new(0, text.len())),
        vec![(Span::new(22, 39), ymd(2025, 12, 23))]
    );
}

#[test]
fn arbitrary_text_never_panics() {
    for text in [
        "",
        "’’’ 12/ 2025- -- Dec. 99, 0000-00-00 12:99 p.m.",
        "mid- the end of early late since at least",
        "Ünïcödé März 3 ٣ ديسمبر 🙂 Friday’s ’90s",
        "9999-99-99 1/0 0/0/0000 every other 1,000,000,000 years ago",
    ] {
        for date in [None, friday(), Some(NaiveDate::MIN), Some(NaiveDate::MAX)] {
            for t in timexes(text, date) {
                assert!(text.is_char_boundary(t.span.start()));
                assert!(text.is_char_boundary(t.span.end()));
            }
        }
    }
}

#[test]
fn a_date_naming_a_happening_that_is_over_looks_back_without_a_determiner_too() {
    // Published on 2002-08-20: the coming September 11 is not the one of the attacks.
    let date = Some(ymd(2002, 8, 20));
    check(
        "Airport checks were tightened after September 11 attacks on two cities.",
        date,
        &[("September 11", "2001-09-11")],
    );
    check(
        "Carmakers will publish July-September results on Thursday.",
        Some(ymd(2012, 10, 29)),
        &[
            ("July", "2012-07"),
            ("September", "2012-09"),
            ("Thursday", "2012-11-01"),
        ],
    );
    // The range's end is not sent back a year past its start.
    check(
        "Sony forecast weaker October-December results on Thursday.",
        Some(ymd(2012, 11, 1)),
        &[
            ("October", "2012-10"),
            ("December", "2012-12"),
            ("Thursday", "2012-11-01"),
        ],
    );
    // "following a fire" names no happening of May: the repairs run into the coming May.
    check(
        "Repairs at the refinery would stretch through May following a fire.",
        Some(ymd(2008, 4, 7)),
        &[("May", "2008-05")],
    );
}

#[test]
fn what_is_awaited_ahead_of_a_date_is_still_to_come() {
    // A Thursday.
    let date = Some(ymd(2010, 2, 4));
    check(
        "Stocks slipped as investors turned cautious ahead of Friday's jobs report.",
        date,
        &[("Friday", "2010-02-05")],
    );
    check(
        "Traders closed positions ahead of the weekend.",
        date,
        &[("the weekend", "2010-W05-WE")],
    );
    // "well ahead of" compares figures.
    check(
        "Sales in the third quarter came in well ahead of the second quarter.",
        Some(ymd(2009, 10, 20)),
        &[
            ("the third quarter", "2009-Q3"),
            ("the second quarter", "2009-Q2"),
        ],
    );
}

#[test]
fn the_latest_quarter_is_one_that_is_over() {
    // An estimate for the quarter under way does not make it the latest.
    check(
        "The insurer has no estimate yet for fourth-quarter results. In the latest quarter, its loss narrowed.",
        Some(ymd(1995, 10, 30)),
        &[
            ("fourth-quarter", "1995-Q4"),
            ("the latest quarter", "1995-Q3"),
        ],
    );
    // A fiscal quarter whose results were reported is over.
    check(
        "The brewer reported lower fourth-quarter profit. Sales in the latest period rose 4%.",
        Some(ymd(1995, 11, 2)),
        &[
            ("fourth-quarter", "1995-Q4"),
            ("the latest period", "1995-Q4"),
        ],
    );
    check(
        "In the latest quarter, margins improved.",
        Some(ymd(2010, 1, 20)),
        &[("the latest quarter", "2009-Q4")],
    );
}

#[test]
fn a_decade_one_goes_into_is_a_calendar_decade() {
    check(
        "The costs of the clean-up will linger well into the next decade.",
        Some(ymd(2009, 9, 16)),
        &[("the next decade", "201")],
    );
    check(
        "Prices will double over the next decade.",
        Some(ymd(2009, 9, 16)),
        &[("the next decade", "P10Y")],
    );
    check(
        "It was the costliest storm of the past century.",
        Some(ymd(2009, 9, 16)),
        &[("the past century", "P100Y")],
    );
    check(
        "The bridge was built early in the last century.",
        Some(ymd(2009, 9, 16)),
        &[("the last century", "19")],
    );
}

#[test]
fn a_newspaper_called_daily_or_weekly_is_no_recurrence() {
    let date = friday();
    check(
        "The minister told German daily Handelsblatt that taxes would not rise.",
        date,
        &[],
    );
    check(
        "Rents rose by a fifth, the Communist Party daily said.",
        date,
        &[],
    );
    check("A columnist for the Daily Telegraph disagreed.", date, &[]);
    check(
        "He gave an interview to business weekly Capital in Paris.",
        date,
        &[],
    );
    // Frequencies before a name stay.
    check(
        "Traders awaited weekly U.S. inventory data.",
        date,
        &[("weekly", "P1W")],
    );
    check(
        "Kuwaiti daily output rose to 2.6 million barrels.",
        date,
        &[("daily", "P1D")],
    );
    check(
        "The minister spoke to the Egyptian daily al-Ahram.",
        date,
        &[],
    );
    check(
        "The Dutch daily complained that the plan was vague.",
        date,
        &[],
    );
    check(
        "He told a Swiss weekly magazine that he would stay.",
        date,
        &[],
    );
    check(
        "Average Chilean monthly exports fell by a tenth.",
        date,
        &[("monthly", "P1M")],
    );
    check(
        "Daily flights to Lisbon resume in spring.",
        date,
        &[("Daily", "P1D"), ("spring", "2026-SP")],
    );
    check(
        "The fund publishes its twice-yearly World Outlook.",
        date,
        &[("yearly", "P1Y")],
    );
}

#[test]
fn the_week_closing_a_phrase_is_the_current_week() {
    // A Friday.
    let date = Some(ymd(2011, 5, 6));
    check(
        "Crude fell $16 a barrel for the week, a record drop.",
        date,
        &[("the week", "2011-W18")],
    );
    check(
        "Banks led the week's rally.",
        date,
        &[("the week", "2011-W18")],
    );
    check(
        "For the week, the index rose 2 percent.",
        date,
        &[("the week", "2011-W18")],
    );
    // On a Monday, a week told in the past is the one just ended; the week ahead stays.
    let monday = Some(ymd(2011, 5, 9));
    check(
        "Stocks ended down about 1 percent for the week.",
        monday,
        &[("the week", "2011-W18")],
    );
    check(
        "Congress has nothing on its schedule for the week.",
        monday,
        &[("the week", "2011-W19")],
    );
    // Not a week of its own.
    check("Traders prepared for the week ahead.", date, &[]);
    check("He spent the week in Lisbon.", date, &[]);
}

#[test]
fn this_week_in_the_future_on_a_weekend_is_the_week_starting_next() {
    // A Sunday: ISO weeks start on Monday.
    let date = Some(ymd(2010, 10, 17));
    check(
        "Several banks will report earnings this week.",
        date,
        &[("this week", "2010-W42")],
    );
    check(
        "Bank shares fell sharply this week.",
        date,
        &[("this week", "2010-W41")],
    );
    // On a weekday nothing moves.
    check(
        "Several banks will report earnings this week.",
        Some(ymd(2010, 10, 13)),
        &[("this week", "2010-W41")],
    );
}

#[test]
fn one_day_after_a_modal_is_the_future() {
    let date = friday();
    check(
        "The new system could one day challenge the market leader.",
        date,
        &[("one day", "FUTURE_REF")],
    );
    check(
        "The chain expects Brazil to one day be its biggest market.",
        date,
        &[("one day", "FUTURE_REF")],
    );
    // A length of time stays one.
    check(
        "Rentals are limited to one day per customer.",
        date,
        &[("one day", "P1D")],
    );
    check("The strike lasted one day.", date, &[("one day", "P1D")]);
}

#[test]
fn soon_is_the_future_when_a_modal_or_to_points_ahead() {
    check(
        "The central bank will soon raise rates, traders said.",
        friday(),
        &[("soon", "FUTURE_REF")],
    );
    check(
        "The two sides hope to reach a deal soon.",
        friday(),
        &[("soon", "FUTURE_REF")],
    );
    check(
        "Officials said the bridge soon will reopen to traffic.",
        friday(),
        &[("soon", "FUTURE_REF")],
    );
    // Not a time of its own.
    check(
        "He wants the troops home as soon as possible.",
        friday(),
        &[],
    );
    check(
        "The fire spread soon after the plane landed.",
        friday(),
        &[],
    );
    check(
        "Lawmakers may extend the soon-to-expire tax cuts.",
        friday(),
        &[],
    );
    // A past narrative.
    check("He was soon released and went home.", friday(), &[]);
}

#[test]
fn the_fiscal_year_is_read_as_the_year() {
    let date = Some(ymd(2011, 10, 20));
    check(
        "The retailer raised its profit outlook for the fiscal year.",
        date,
        &[("the fiscal year", "2011")],
    );
    check(
        "Sales reached $4 billion in the fiscal year ended Jan. 31.",
        date,
        &[("the fiscal year", "P1Y"), ("Jan. 31", "2011-01-31")],
    );
    check(
        "The chain sold 2 million units in the latest fiscal year.",
        date,
        &[("the latest fiscal year", "2010")],
    );
    // Written with its number, the year is the one written.
    check(
        "The deficit topped $1 trillion in the fiscal year 2011.",
        date,
        &[("2011", "2011")],
    );
    check(
        "The bridge was built in the year 2000.",
        date,
        &[("the year 2000", "2000")],
    );
    // "The latest year" for which figures exist names another year.
    check(
        "Exports reached a record in 2009, the latest year for which data is available.",
        date,
        &[("2009", "2009")],
    );
}

#[test]
fn an_earlier_quarter_named_in_a_report_is_a_comparison() {
    check(
        "The miner posted a 20% rise in third-quarter profit. After a weak second quarter, \
         prices recovered. Sales also beat the year-earlier period.",
        Some(ymd(2010, 10, 28)),
        &[
            ("third-quarter", "2010-Q3"),
            ("second quarter", "2010-Q2"),
            ("the year-earlier period", "2009-Q3"),
        ],
    );
    // Before the reported quarter has ended, the quarter named last is the one reported.
    check(
        "The third quarter is going well. Second-quarter sales rose, up 5% from a year ago.",
        Some(ymd(2010, 8, 28)),
        &[
            ("The third quarter", "2010-Q3"),
            ("Second-quarter", "2010-Q2"),
            ("a year ago", "2009-Q2"),
        ],
    );
}

#[test]
fn a_month_at_the_end_of_a_sentence_leaves_its_full_stop() {
    check(
        "The plant will reopen in July. Talks resume on Sept. 5.",
        Some(ymd(2011, 5, 10)),
        &[("July", "2011-07"), ("Sept. 5", "2011-09-05")],
    );
    check(
        "Spain sold bonds maturing July. 30, 2015.",
        Some(ymd(2011, 5, 10)),
        &[("July. 30, 2015", "2015-07-30")],
    );
    // A year after the full stop opens the next sentence.
    check(
        "The plant closed in June. 2010 was a hard year for the town.",
        Some(ymd(2011, 5, 10)),
        &[("June", "2010-06"), ("2010", "2010")],
    );
}
