//! The tagger's behaviour on sentences we wrote in the style of wire copy.

use attache_model::{DateBasis, Document, Precision, Span, Vague};
use jiff::civil::{date, Date};

use crate::{TimeError, TimeTagger};

/// Publication dates used below, with their weekdays, so the weekday rows can be checked by eye.
const WED_2024_01_10: &str = "2024-01-10";
const FRI_2024_02_16: &str = "2024-02-16";
const WED_2023_12_20: &str = "2023-12-20";
const MON_2025_03_03: &str = "2025-03-03";
const NONE: &str = "";

/// (sentence, publication date, expected) where expected lists
/// `covered text => start[..end] precision basis`, separated by " | ", in text order.
#[rustfmt::skip]
const CASES: &[(&str, &str, &str)] = &[
    // Full dates: the year is written, so no publication date is needed.
    ("The two leaders signed the accord on Jan. 29, 2016, in Pyongyang.", NONE, "Jan. 29, 2016 => 2016-01-29 day explicit"),
    ("The treaty was signed on January 29, 2016 in Moscow.", WED_2024_01_10, "January 29, 2016 => 2016-01-29 day explicit"),
    ("The delegation left Seoul on 29 January 2016 after two days of talks.", NONE, "29 January 2016 => 2016-01-29 day explicit"),
    ("The ministry published the statement on 2024-02-13.", NONE, "2024-02-13 => 2024-02-13 day explicit"),
    ("Talks resumed on Sept. 13, 2023, after a long pause.", NONE, "Sept. 13, 2023 => 2023-09-13 day explicit"),
    ("North Korea conducted a nuclear test on October 9, 2006.", NONE, "October 9, 2006 => 2006-10-09 day explicit"),
    ("The cable is dated 08/11/2006.", NONE, "08/11/2006 => 2006-08-11 day explicit"),
    ("The letter is dated 29/01/2016.", NONE, "29/01/2016 => 2016-01-29 day explicit"),
    ("The statement is dated 08/11/2006.", "2006-11-08", "08/11/2006 => 2006-11-08 day explicit"),
    ("The statement is dated 08/11/2006.", "2006-08-12", "08/11/2006 => 2006-08-11 day explicit"),
    ("The summit opened on Friday, Jan. 29, 2016.", NONE, "Friday, Jan. 29, 2016 => 2016-01-29 day explicit"),
    ("The envoy arrived on the 29th of January 2016.", NONE, "29th of January 2016 => 2016-01-29 day explicit"),
    ("The pact was signed on Feb. 30, 2016.", NONE, ""),
    // Month and day without a year: tense and publication date pick the year.
    ("Choe met Lavrov in Moscow on Oct. 19.", WED_2024_01_10, "Oct. 19 => 2023-10-19 day relative"),
    ("The minister will travel to Beijing on Oct. 19.", WED_2024_01_10, "Oct. 19 => 2024-10-19 day relative"),
    ("The vice minister returned home on Jan. 6.", WED_2024_01_10, "Jan. 6 => 2024-01-06 day relative"),
    ("The envoy is scheduled to arrive in Seoul on Jan. 5.", WED_2023_12_20, "Jan. 5 => 2024-01-05 day relative"),
    // "the planned" looks ahead even when the verb is past.
    ("The two sides prepared for the planned Feb. 2 signing.", WED_2024_01_10, "Feb. 2 => 2024-02-02 day relative"),
    ("The delegation held talks in Tokyo on December 30.", "2024-01-03", "December 30 => 2023-12-30 day relative"),
    ("The summit in Vladivostok is on December 30.", "2024-01-03", "December 30 => 2023-12-30 day relative"),
    ("The trade talks are on November 8.", "2024-10-20", "November 8 => 2024-11-08 day relative"),
    ("The accord was signed on Feb. 29.", MON_2025_03_03, "Feb. 29 => 2024-02-29 day relative"),
    ("The forum will open on Feb. 29.", MON_2025_03_03, "Feb. 29 => 2028-02-29 day relative"),
    ("The minister arrived in Pyongyang on Feb. 16.", FRI_2024_02_16, "Feb. 16 => 2024-02-16 day relative"),
    ("Officials said the ministers will meet on Sept. 13.", "2023-09-01", "Sept. 13 => 2023-09-13 day relative"),
    ("On Jan. 5, the envoy will fly to Moscow, the ministry said.", WED_2023_12_20, "Jan. 5 => 2024-01-05 day relative"),
    ("The talks will be held on March 3, officials said.", FRI_2024_02_16, "March 3 => 2024-03-03 day relative"),
    ("The minister visited Jakarta on 18 October.", WED_2024_01_10, "18 October => 2023-10-18 day relative"),
    ("Parliament approved the bill on October 18th.", WED_2024_01_10, "October 18th => 2023-10-18 day relative"),
    ("Choe met Lavrov on Oct. 19 and will return on Friday.", WED_2024_01_10, "Oct. 19 => 2023-10-19 day relative | Friday => 2024-01-12 day relative"),
    ("The envoy, who visited Seoul on Nov. 2, will fly to Tokyo next week.", WED_2024_01_10, "Nov. 2 => 2023-11-02 day relative | next week => 2024-01-15..2024-01-21 day relative"),
    ("The envoy arrived on Oct. 19.", NONE, ""),
    // Ranges.
    ("The delegation visited Moscow Feb. 15-17.", "2024-02-20", "Feb. 15-17 => 2024-02-15..2024-02-17 day relative"),
    ("The forum will take place October 18-19 in Vladivostok.", WED_2024_01_10, "October 18-19 => 2024-10-18..2024-10-19 day relative"),
    ("Ministers met in Geneva from 18-19 October.", WED_2024_01_10, "18-19 October => 2023-10-18..2023-10-19 day relative"),
    ("The exercise will run Jan. 15 to 17, the army said.", WED_2024_01_10, "Jan. 15 to 17 => 2024-01-15..2024-01-17 day relative"),
    ("Inspectors will visit the site between March 1 and 3.", FRI_2024_02_16, "March 1 and 3 => 2024-03-01..2024-03-03 day relative"),
    ("The premier toured the region Dec. 30-Jan. 2.", "2024-01-05", "Dec. 30-Jan. 2 => 2023-12-30..2024-01-02 day relative"),
    ("The games were held Feb. 15\u{2013}17, 2024, in Sapporo.", NONE, "Feb. 15\u{2013}17, 2024 => 2024-02-15..2024-02-17 day explicit"),
    // Months.
    ("Kim visited Moscow in September.", WED_2024_01_10, "September => 2023-09 month relative"),
    ("Putin is expected to visit Pyongyang in September.", WED_2024_01_10, "September => 2024-09 month relative"),
    ("Kim visited Russia in January.", WED_2024_01_10, "January => 2024-01 month relative"),
    ("The election took place in May.", WED_2024_01_10, "May => 2023-05 month relative"),
    ("The envoy returned to Beijing last November.", WED_2024_01_10, "last November => 2023-11 month relative"),
    ("The two sides will resume talks next March.", WED_2024_01_10, "next March => 2024-03 month relative"),
    ("The two sides met in October last year.", "2024-06-01", "October last year => 2023-10 month relative"),
    ("Exports fell in September 2023, the agency said.", NONE, "September 2023 => 2023-09 month explicit"),
    ("The minister will visit Tokyo in mid-November.", WED_2024_01_10, "mid-November => 2024-11 month relative"),
    ("Ties were restored in late August 2009.", NONE, "late August 2009 => 2009-08 month explicit"),
    ("The talks stalled last November.", "2006-11-08", "last November => 2005-11 month relative"),
    ("Envoys will meet in mid-November to prepare the talks.", "2006-11-08", "mid-November => 2006-11 month relative"),
    ("The envoys met in November to prepare the talks.", "2006-11-08", "November => 2006-11 month relative"),
    ("The forum will be held on Feb. 15-17.", FRI_2024_02_16, "Feb. 15-17 => 2024-02-15..2024-02-17 day relative"),
    ("The talks between January and March produced little.", "2024-06-01", "January and March => 2024-01..2024-03 month relative"),
    ("Exports fell from November to February 2024.", NONE, "November to February 2024 => 2023-11..2024-02 month explicit"),
    ("He spent ten years in prison before his release on 5 May.", WED_2024_01_10, "5 May => 2023-05-05 day relative"),
    ("Talks are planned for this month.", WED_2024_01_10, "this month => 2024-01 month relative"),
    ("The envoy visited Seoul last month.", WED_2024_01_10, "last month => 2023-12 month relative"),
    // Years.
    ("The two countries established ties in 2003.", NONE, "2003 => 2003 year explicit"),
    ("Trade between the neighbours has doubled since 2006.", NONE, "2006 => 2006 year explicit"),
    ("The factory opened in early 2023.", NONE, "early 2023 => 2023 year explicit"),
    ("The two leaders met twice last year.", WED_2024_01_10, "last year => 2023 year relative"),
    ("Exports rose sharply this year.", WED_2024_01_10, "this year => 2024 year relative"),
    ("The plant is to open next year.", WED_2024_01_10, "next year => 2025 year relative"),
    ("About 2,000 people attended the rally in 2019.", NONE, "2019 => 2019 year explicit"),
    ("The talks ran from 2003 to 2008.", NONE, "2003 to 2008 => 2003..2008 year explicit"),
    ("The envoy first visited Seoul on Nov. 8 last year.", WED_2024_01_10, "Nov. 8 last year => 2023-11-08 day relative"),
    // Weekdays.
    ("The minister said Friday that the talks went well.", FRI_2024_02_16, "Friday => 2024-02-16 day relative"),
    ("Lavrov arrived in Pyongyang on Tuesday.", WED_2024_01_10, "Tuesday => 2024-01-09 day relative"),
    ("Lavrov will arrive in Pyongyang on Tuesday.", WED_2024_01_10, "Tuesday => 2024-01-16 day relative"),
    ("Lavrov landed in Pyongyang on Thursday.", WED_2024_01_10, "Thursday => 2024-01-04 day relative"),
    ("The two sides met last Monday.", WED_2024_01_10, "last Monday => 2024-01-08 day relative"),
    ("The ministers will meet next Friday.", WED_2024_01_10, "next Friday => 2024-01-12 day relative"),
    // Issue 4's forms, one row each where the table had none.
    ("The visit ends next Wednesday.", WED_2024_01_10, "next Wednesday => 2024-01-17 day relative"),
    ("The envoy is scheduled to arrive in Hanoi on Tuesday.", WED_2024_01_10, "Tuesday => 2024-01-16 day relative"),
    ("The ministers met in Tokyo on Sept. 13.", WED_2024_01_10, "Sept. 13 => 2023-09-13 day relative"),
    ("The minister said on Monday that talks would resume, and earlier in the day met the envoy.", WED_2024_01_10, "Monday => 2024-01-08 day relative | earlier in the day => 2024-01-08 day relative"),
    ("Talks were held in Geneva from January 15-17.", FRI_2024_02_16, "January 15-17 => 2024-01-15..2024-01-17 day relative"),
    ("The president is scheduled to visit Hanoi on Sunday, the spokesman said Wednesday.", WED_2024_01_10, "Sunday => 2024-01-14 day relative | Wednesday => 2024-01-10 day relative"),
    ("The summit in Hanoi is on Friday.", WED_2024_01_10, "Friday => 2024-01-12 day relative"),
    ("Lavrov arrived in Pyongyang on Friday.", "2024-01-01", "Friday => 2023-12-29 day relative"),
    ("The foreign ministers met on Sunday.", "2024-01-14", "Sunday => 2024-01-14 day relative"),
    ("The envoy will return next week.", "2023-12-28", "next week => 2024-01-01..2024-01-07 day relative"),
    ("The talks are to resume on Jan. 5.", WED_2023_12_20, "Jan. 5 => 2024-01-05 day relative"),
    ("Troops took up positions along the 38th parallel on 1 January.", WED_2024_01_10, "1 January => 2024-01-01 day relative"),
    ("Lavrov arrived in Pyongyang on Tuesday.", NONE, ""),
    // Days and weeks.
    ("The ministry announced the visit today.", WED_2024_01_10, "today => 2024-01-10 day relative"),
    ("The delegation arrived in Moscow yesterday.", WED_2024_01_10, "yesterday => 2024-01-09 day relative"),
    ("The delegation will leave for Beijing tomorrow.", WED_2024_01_10, "tomorrow => 2024-01-11 day relative"),
    ("Earlier in the day, the minister laid a wreath.", WED_2024_01_10, "Earlier in the day => 2024-01-10 day relative"),
    ("The envoy met his counterpart last week.", WED_2024_01_10, "last week => 2024-01-01..2024-01-07 day relative"),
    ("The foreign minister arrived in Hanoi yesterday.", "2024-03-01", "yesterday => 2024-02-29 day relative"),
    ("The delegation arrived yesterday.", NONE, ""),
    ("The envoy arrived in Seoul two days ago.", WED_2024_01_10, "two days ago => 2024-01-08 day relative"),
    ("The two sides last met three years ago.", WED_2024_01_10, "three years ago => 2021 year relative"),
    ("The minister arrived in Moscow on Monday last week.", WED_2024_01_10, "Monday last week => 2024-01-01 day relative"),
    // Year boundaries: a January article about December, a December one about January.
    ("The envoy visited Beijing in December.", WED_2024_01_10, "December => 2023-12 month relative"),
    ("The forum will open in January.", WED_2023_12_20, "January => 2024-01 month relative"),
    ("The talks resume next month.", WED_2023_12_20, "next month => 2024-01 month relative"),
    ("The delegation arrived yesterday.", "2024-01-01", "yesterday => 2023-12-31 day relative"),
    ("The talks began on Sunday.", "2024-01-02", "Sunday => 2023-12-31 day relative"),
    ("The premier will land in Hanoi on Dec. 31.", "2023-12-28", "Dec. 31 => 2023-12-31 day relative"),
    ("The premier landed in Hanoi on Dec. 31.", "2024-01-02", "Dec. 31 => 2023-12-31 day relative"),
    // Last night.
    ("The two leaders met last night in Hanoi.", WED_2024_01_10, "last night => 2024-01-09 day relative"),
    ("The envoy will arrive in Seoul tonight.", WED_2024_01_10, "tonight => 2024-01-10 day relative"),
    // Several dates in one clause.
    ("The envoy visited Seoul on Dec. 30, Jan. 2 and Jan. 6.", WED_2024_01_10, "Dec. 30 => 2023-12-30 day relative | Jan. 2 => 2024-01-02 day relative | Jan. 6 => 2024-01-06 day relative"),
    ("The delegation met officials on Monday and Tuesday.", WED_2024_01_10, "Monday => 2024-01-08 day relative | Tuesday => 2024-01-09 day relative"),
    ("Talks will be held on March 3 and March 5 in Geneva.", FRI_2024_02_16, "March 3 => 2024-03-03 day relative | March 5 => 2024-03-05 day relative"),
    ("The minister visited Jakarta in 2019 and Hanoi in May 2021.", NONE, "2019 => 2019 year explicit | May 2021 => 2021-05 month explicit"),
    // Days counted from the date just mentioned.
    ("The delegation arrived in Moscow on Monday and met Lavrov the next day.", WED_2024_01_10, "Monday => 2024-01-08 day relative | the next day => 2024-01-09 day relative"),
    ("The ministers met Feb. 15-17 and signed the accord the following day.", "2024-02-20", "Feb. 15-17 => 2024-02-15..2024-02-17 day relative | the following day => 2024-02-18 day relative"),
    ("The envoy left Seoul on Jan. 29, 2016, and reached Pyongyang two days later.", NONE, "Jan. 29, 2016 => 2016-01-29 day explicit | two days later => 2016-01-31 day relative"),
    ("The premier arrived in Hanoi on Dec. 30 and left three days later.", "2024-01-05", "Dec. 30 => 2023-12-30 day relative | three days later => 2024-01-02 day relative"),
    ("The treaty was signed on Oct. 19, a day after the summit opened.", WED_2024_01_10, "Oct. 19 => 2023-10-19 day relative"),
    ("Kim arrived on Friday; a week earlier, his envoy had visited.", WED_2024_01_10, "Friday => 2024-01-05 day relative | a week earlier => 2023-12-29 day relative"),
    ("The accord was signed the previous day.", WED_2024_01_10, ""),
    ("The day after the summit, the envoy flew home.", WED_2024_01_10, ""),
    // Headlines: "X to VERB" announces, whatever the verb's form.
    ("Kim to visit Moscow on Friday", WED_2024_01_10, "Friday => 2024-01-12 day relative"),
    ("Russian markets to remain closed until Friday", WED_2024_01_10, "Friday => 2024-01-12 day relative"),
    ("Putin to host Kim in Vladivostok on Sept. 13", "2023-09-05", "Sept. 13 => 2023-09-13 day relative"),
    ("Lavrov flew to Pyongyang on Friday", WED_2024_01_10, "Friday => 2024-01-05 day relative"),
    ("The road to peace began on Friday.", WED_2024_01_10, "Friday => 2024-01-05 day relative"),
    // Other future cues.
    ("A March 3 hearing has been scheduled in the capital.", FRI_2024_02_16, "March 3 => 2024-03-03 day relative"),
    ("The contract may be signed on September 12, during the fair.", WED_2024_01_10, "September 12 => 2024-09-12 day relative"),
    ("The minister said he would visit Tokyo in October.", WED_2024_01_10, "October => 2024-10 month relative"),
    ("The envoy arrived in Seoul a week ago.", WED_2024_01_10, "a week ago => 2024-01-03 day relative"),
    // Decades, abbreviated years, years as modifiers.
    ("Ties warmed in the 1990s.", WED_2024_01_10, "1990s => 1990..1999 year explicit"),
    ("The plant was built in the mid-1970s.", WED_2024_01_10, "mid-1970s => 1970..1979 year explicit"),
    ("The two sides have been rivals since the '80s.", WED_2024_01_10, "80s => 1980..1989 year relative"),
    ("Stocks are at their lowest since '82.", "2008-10-27", "'82 => 1982 year explicit"),
    ("The ship was launched on 7/8/07.", NONE, "7/8/07 => 2007-07-08 day explicit"),
    ("Tickets for the 2008 Beijing Olympic Games sold out.", NONE, "2008 => 2008 year explicit"),
    ("The 1991 settlement barred the firm from selling music.", NONE, "1991 => 1991 year explicit"),
    ("The company unveiled the phone at WWDC 2010", NONE, "2010 => 2010 year explicit"),
    ("The 2000 troops left the base.", NONE, ""),
    ("Leaders gathered for the APEC Summit 2019, the ministry said.", NONE, "2019 => 2019 year explicit"),
    ("The council adopted Resolution 2094.", NONE, ""),
    ("The envoy cited UNSCR 2087, adopted last year.", WED_2024_01_10, "last year => 2023 year relative"),
    ("The panel checked Flight 1907.", NONE, ""),
    // Weekends (Saturday and Sunday).
    ("The ministers met in Geneva over the weekend.", WED_2024_01_10, "the weekend => 2024-01-06..2024-01-07 day relative"),
    ("The envoy will fly to Seoul over the weekend.", WED_2024_01_10, "the weekend => 2024-01-13..2024-01-14 day relative"),
    ("Talks continue this weekend.", WED_2024_01_10, "this weekend => 2024-01-13..2024-01-14 day relative"),
    ("Protesters rallied last weekend.", WED_2024_01_10, "last weekend => 2024-01-06..2024-01-07 day relative"),
    ("The leaders met at the weekend.", "2024-01-07", "the weekend => 2024-01-06..2024-01-07 day relative"),
    ("Many people travel at weekends.", WED_2024_01_10, ""),
    // Quarters and halves.
    ("Ford posted a profit in the third quarter of this year.", "2009-11-02", "the third quarter of this year => 2009-07..2009-09 month relative"),
    ("The carmaker lost money in the fourth quarter.", "2009-02-10", "the fourth quarter => 2008-10..2008-12 month relative"),
    ("Sales fell in the first quarter of 2009.", NONE, "the first quarter of 2009 => 2009-01..2009-03 month explicit"),
    ("Output will rise in the second half of next year.", WED_2024_01_10, "the second half of next year => 2025-07..2025-12 month relative"),
    ("The bank reported third-quarter losses.", "2009-10-20", "third-quarter => 2009-07..2009-09 month relative"),
    ("Growth slowed in the final quarter of 2008.", NONE, "the final quarter of 2008 => 2008-10..2008-12 month explicit"),
    ("The firm beat forecasts last quarter.", WED_2024_01_10, ""),
    ("The hosts led in the first half of the match.", WED_2024_01_10, ""),
    // "Later in the day": the day just mentioned, else publication day.
    ("Ford said on Tuesday that sales rose, and its shares fell later in the day.", WED_2024_01_10, "Tuesday => 2024-01-09 day relative | later in the day => 2024-01-09 day relative"),
    // Vague times: a flag, not a date; the publication day stands in, basis reported.
    ("The minister recently visited Seoul.", WED_2024_01_10, "recently => 2024-01-10 day reported vague past"),
    ("Relations have improved in recent years.", WED_2024_01_10, "recent years => 2024-01-10 day reported vague past"),
    ("Artillery fire has intensified in recent days, residents said.", WED_2024_01_10, "recent days => 2024-01-10 day reported vague past"),
    ("Kim's recent visit to Vladivostok drew protests.", WED_2024_01_10, "recent => 2024-01-10 day reported vague past"),
    ("Officials may announce the date soon.", WED_2024_01_10, "soon => 2024-01-10 day reported vague future"),
    ("The envoy is expected in Seoul in the coming days.", WED_2024_01_10, "the coming days => 2024-01-10 day reported vague future"),
    ("Talks are currently stalled, the ministry said.", WED_2024_01_10, "currently => 2024-01-10 day reported vague present"),
    ("Such visits were rare in the past.", WED_2024_01_10, "the past => 2024-01-10 day reported vague past"),
    ("Trade recently recovered.", NONE, ""),
    ("The past week was calm.", WED_2024_01_10, ""),
    ("Ties have improved over the past two years.", WED_2024_01_10, ""),
    ("The now-defunct agency closed.", WED_2024_01_10, ""),
    ("The firm showed its most recent model.", WED_2024_01_10, ""),
    // A vague phrase is no anchor for "the next day".
    ("The envoy recently arrived and met Kim the next day.", WED_2024_01_10, "recently => 2024-01-10 day reported vague past"),
    ("The envoy arrived on Monday, recently, and met Kim the next day.", WED_2024_01_10, "Monday => 2024-01-08 day relative | recently => 2024-01-10 day reported vague past | the next day => 2024-01-09 day relative"),
    // Market copy: the trading day just mentioned, else the publication day.
    ("Stocks rose on Tuesday and the index ended the day up 2 percent.", WED_2024_01_10, "Tuesday => 2024-01-09 day relative | the day => 2024-01-09 day relative"),
    ("For the day, the index fell 3 percent.", WED_2024_01_10, "the day => 2024-01-10 day relative"),
    ("The index rebounded late in the day.", WED_2024_01_10, "late in the day => 2024-01-10 day relative"),
    ("The talks ended the day after the summit.", WED_2024_01_10, ""),
    ("Officials waited for the day of the vote.", WED_2024_01_10, ""),
    // Not dates.
    ("The minister arrived for a three-day visit.", WED_2024_01_10, ""),
    ("Ties have improved over the past two years.", WED_2024_01_10, ""),
    ("The talks lasted six hours.", WED_2024_01_10, ""),
    ("The envoy will spend a week in Beijing.", WED_2024_01_10, ""),
    ("For the past decade, trade has grown.", WED_2024_01_10, ""),
    ("The delegation stayed in Moscow for three days.", WED_2024_01_10, ""),
    ("The ceasefire has held for two years.", WED_2024_01_10, ""),
    ("Pyongyang carried out its fourth nuclear test.", WED_2024_01_10, ""),
    ("The six-nation talks stalled.", WED_2024_01_10, ""),
    ("The 75-year-old minister may visit Seoul, officials said.", WED_2024_01_10, ""),
    ("The talks began at 10:30 a.m. local time.", WED_2024_01_10, ""),
    ("Over the last year, ties have improved.", WED_2024_01_10, ""),
    ("A total of 2000 troops took part.", WED_2024_01_10, ""),
    ("The visit was covered by USA Today and other outlets.", WED_2024_01_10, ""),
    ("Jan Egeland met the envoy in Oslo.", WED_2024_01_10, ""),
    ("Protesters march on the embassy every week.", WED_2024_01_10, ""),
    ("Theresa May met the envoy in London.", WED_2024_01_10, ""),
    ("Security Council Resolution 1718 banned the exports.", WED_2024_01_10, ""),
    ("The talks will last 15 to 17 hours.", WED_2024_01_10, ""),
];

fn parse_date(s: &str) -> Option<Date> {
    match s {
        "" => None,
        _ => match s.parse() {
            Ok(d) => Some(d),
            Err(e) => panic!("bad date {s:?} in test table: {e}"),
        },
    }
}

fn render(sentence: &str, found: &[attache_model::TimeMention]) -> String {
    let items: Vec<String> = found
        .iter()
        .map(|m| {
            let (span, value, basis) = (&m.span, &m.value, &m.basis);
            let dates = match value.end_iso() {
                Some(end) => format!("{}..{end}", value.start_iso()),
                None => value.start_iso(),
            };
            let basis = match basis {
                DateBasis::Explicit => "explicit",
                DateBasis::Relative => "relative",
                DateBasis::Inferred => "inferred",
                DateBasis::Reported => "reported",
            };
            let vague = match m.vague {
                None => "",
                Some(Vague::Past) => " vague past",
                Some(Vague::Present) => " vague present",
                Some(Vague::Future) => " vague future",
            };
            format!(
                "{} => {dates} {} {basis}{vague}",
                span.slice(sentence),
                value.precision.as_str()
            )
        })
        .collect();
    items.join(" | ")
}

#[test]
fn table() {
    let tagger = TimeTagger::new();
    let mut failures = Vec::new();
    for &(sentence, published, expected) in CASES {
        let got = render(
            sentence,
            &tagger.mentions_in(sentence, parse_date(published)),
        );
        if got != expected {
            failures.push(format!(
                "{sentence:?} published {published:?}\n  expected: {expected}\n  got:      {got}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn week_ranges_cover_seven_days_at_day_precision() {
    let tagger = TimeTagger::new();
    for (sentence, first) in [
        ("The envoy met his counterpart last week.", date(2024, 1, 1)),
        ("Talks continue this week.", date(2024, 1, 8)),
        ("The envoy will return next week.", date(2024, 1, 15)),
    ] {
        let found = tagger.find_in(sentence, Some(date(2024, 1, 14)));
        assert_eq!(found.len(), 1, "{sentence}");
        assert_eq!(found[0].1.first, first, "{sentence}");
        assert_eq!(found[0].1.days(), 7, "{sentence}");
        assert_eq!(found[0].1.precision, Precision::Day, "{sentence}");
    }
}

/// A document built by hand: sentences split at ". " before a capital letter (so "Oct. 19"
/// stays whole), tokens left empty (the tagger does not read them).
fn document(text: &str, published: Option<Date>) -> Document {
    let mut sentences = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(". ") {
        if text[i + 2..].starts_with(|c: char| c.is_uppercase()) {
            sentences.push(Span::new(start, i + 1));
            start = i + 2;
        }
    }
    sentences.push(Span::new(start, text.len()));
    let mut doc = Document::from_sentences("test", text, sentences);
    doc.published = published;
    doc.published_precision = Precision::Day;
    doc
}

#[test]
fn find_maps_spans_into_the_document() {
    let text = "Choe met Lavrov in Moscow on Oct. 19. She will return to Pyongyang on Friday. \
                The visit follows a summit in September 2023.";
    let doc = document(text, Some(date(2024, 1, 10)));
    let found = TimeTagger::new().find(&doc);
    let got: Vec<(&str, usize, Date)> = found
        .iter()
        .map(|m| (m.span.slice(text), m.sentence, m.value.first))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Oct. 19", 0, date(2023, 10, 19)),
            ("Friday", 1, date(2024, 1, 12)),
            ("September 2023", 2, date(2023, 9, 1)),
        ]
    );
    assert!(found.windows(2).all(|w| w[0].span < w[1].span));
}

#[test]
fn the_next_day_counts_from_a_date_in_an_earlier_sentence() {
    let text = "The envoy arrived in Pyongyang on Dec. 30. He met the premier the next day. \
                Two days later, he flew home.";
    let found = TimeTagger::new().find(&document(text, Some(date(2024, 1, 5))));
    let got: Vec<(&str, Date)> = found
        .iter()
        .map(|m| (m.span.slice(text), m.value.first))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Dec. 30", date(2023, 12, 30)),
            ("the next day", date(2023, 12, 31)),
            ("Two days later", date(2024, 1, 2)),
        ]
    );
}

#[test]
fn find_without_publication_date_keeps_only_written_years() {
    let text = "Choe met Lavrov on Oct. 19. The pact dates from Jan. 29, 2016.";
    let found = TimeTagger::new().find(&document(text, None));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].span.slice(text), "Jan. 29, 2016");
    assert_eq!(found[0].basis, DateBasis::Explicit);
}

#[test]
fn a_users_word_list_replaces_the_built_in_one() {
    let words = "month\tjanvier\t1\npast\ta visité\n";
    let tagger = match TimeTagger::from_words(words, "fr.tsv") {
        Ok(t) => t,
        Err(e) => panic!("{e}"),
    };
    let found = tagger.find_in(
        "Le ministre a visité Pékin le 29 Janvier.",
        Some(date(2024, 1, 10)),
    );
    assert_eq!(found.len(), 1);
    // Past tense from the user's cue: the latest Jan. 29 on or before publication.
    assert_eq!(found[0].1.first, date(2023, 1, 29));
}

#[test]
fn a_missing_file_is_an_error_naming_it() {
    match TimeTagger::from_file(std::path::Path::new("/nonexistent/time_words.tsv")) {
        Err(e @ TimeError::Io { .. }) => {
            assert!(e.to_string().contains("/nonexistent/time_words.tsv"))
        }
        other => panic!("expected an I/O error, got {other:?}"),
    }
}

#[test]
fn tagger_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<TimeTagger>();
}

#[test]
fn truncated_sentences_and_extreme_dates_never_panic() {
    let tagger = TimeTagger::new();
    let dates = [
        None,
        Some(date(2024, 1, 10)),
        Some(Date::MIN),
        Some(Date::MAX),
    ];
    let extra = [
        "Jan. 31-",
        "Feb. 30-31, 2024",
        "on 99999999999999999999 January",
        "between 2003 and",
        "Friday, Jan.",
        "mid-",
        "\u{2013}17 October \u{2014} Ю 5 мая",
    ];
    let sentences = CASES.iter().map(|c| c.0).chain(extra);
    for sentence in sentences {
        for (cut, _) in sentence.char_indices() {
            let text = &sentence[..cut];
            for published in dates {
                for (span, value, _) in tagger.find_in(text, published) {
                    assert!(
                        text.get(span.start..span.end).is_some(),
                        "{text:?} {span:?}"
                    );
                    assert!(value.first <= value.last, "{text:?} {value:?}");
                }
            }
        }
    }
}

/// (sentence, expected durations as `covered text => ISO`, separated by " | "). Durations are
/// never dates: the same sentences give no time expression for them.
#[rustfmt::skip]
const DURATIONS: &[(&str, &str)] = &[
    ("The delegation stayed in Moscow for three days.", "three days => P3D"),
    ("Kim will be in Beijing for a week.", "a week => P1W"),
    ("The envoy stayed for 10 days before flying home.", "10 days => P10D"),
    ("Talks lasted for two months.", "two months => P2M"),
    ("Choe began a two-day visit to Russia on Monday.", "two-day => P2D"),
    ("The minister wrapped up a five-day stay in Hanoi.", "five-day => P5D"),
    ("Lavrov left for a week-long trip to Asia.", "week-long => P1W"),
    ("The premier set off on a weeklong tour of Africa.", "weeklong => P1W"),
    ("A month-long exhibition opened in Seoul.", "month-long => P1M"),
    ("Seoul and Tokyo agreed on a three-year plan.", "three-year => P3Y"),
    // Ages, dates and bare counts are not durations.
    ("The 75-year-old leader met the envoy on Friday.", ""),
    ("The talks ended two days later.", ""),
    ("Two days ago the minister arrived.", ""),
    ("The visit took place over three days.", ""),
    ("The summit lasted two days.", ""),
];

#[test]
fn durations_are_found_and_not_dated() {
    let tagger = TimeTagger::new();
    let mut failures = Vec::new();
    for &(sentence, expected) in DURATIONS {
        let got: Vec<String> = tagger
            .durations_in(sentence)
            .iter()
            .map(|d| format!("{} => {}", d.span.slice(sentence), d.value.iso()))
            .collect();
        let got = got.join(" | ");
        if got != expected {
            failures.push(format!(
                "{sentence}\n  expected {expected:?}\n  got      {got:?}"
            ));
        }
        // No time expression covers a duration.
        let published = Some(date(2024, 1, 10));
        for d in tagger.durations_in(sentence) {
            if let Some(m) = tagger
                .find_in(sentence, published)
                .into_iter()
                .find(|(span, _, _)| span.start < d.span.end && d.span.start < span.end)
            {
                failures.push(format!("{sentence}: duration {:?} dated as {m:?}", d.span));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// (sentence, the expressions marked as ends, separated by " | "): an end word right before
/// the date, or an end verb and "on" (the `end` and `end_verb` lines of the word list).
#[rustfmt::skip]
const ENDS: &[(&str, &str)] = &[
    ("Dorj began a visit to Moscow on Monday that ends next Wednesday.", "next Wednesday"),
    ("Dorj is visiting Moscow through Feb. 17.", "Feb. 17"),
    ("Dorj will stay until Friday, officials said on Tuesday.", "Friday"),
    ("The fair runs till Oct. 21.", "Oct. 21"),
    ("The session, ending on Oct. 21, opened on Monday.", "Oct. 21"),
    ("Dorj will visit Moscow from Monday to Wednesday.", ""),
    ("Dorj arrived on Monday.", ""),
];

#[test]
fn end_words_mark_the_date_after_them() {
    let tagger = TimeTagger::new();
    let published = Some(date(2024, 1, 10));
    let mut failures = Vec::new();
    for &(sentence, expected) in ENDS {
        let got: Vec<&str> = tagger
            .mentions_in(sentence, published)
            .iter()
            .filter(|m| m.end)
            .map(|m| m.span.slice(sentence))
            .collect();
        let got = got.join(" | ");
        if got != expected {
            failures.push(format!(
                "{sentence}\n  expected {expected:?}\n  got      {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A user's word list replaces the built-in one, its duration units and end words included.
#[test]
fn a_word_list_of_ones_own_names_units_and_ends() {
    let words = "unit\tfortnight\tweek\nunits\tfortnights\tweek\ncount\tthree\t3\n\
                 end_verb\tcloses\nweekday\tfriday\t5\npast\tsaid\n";
    let tagger = TimeTagger::from_words(words, "mine.tsv").unwrap();
    let durations = tagger.durations_in("The fair stayed open for three fortnights.");
    assert_eq!(durations.len(), 1);
    assert_eq!(durations[0].value.iso(), "P3W");
    // The built-in "for three days" is no duration to this list.
    assert!(tagger
        .durations_in("They stayed for three days.")
        .is_empty());
    let ends = tagger.mentions_in(
        "The fair closes on Friday, organisers said.",
        Some(date(2024, 1, 10)),
    );
    assert_eq!(ends.len(), 1);
    assert!(ends[0].end);
}

#[test]
fn find_all_is_find_and_durations_in_one_pass() {
    let text = "The minister began a three-day visit to Hanoi on Monday. He stayed for two weeks \
                in 2019. A week-long trip to Seoul ends on Friday. No date here.";
    let tagger = TimeTagger::new();
    let doc = document(text, Some(date(2024, 1, 10)));
    let (times, durations) = tagger.find_all(&doc);
    assert_eq!(times, tagger.find(&doc));
    assert_eq!(durations, tagger.durations(&doc));
    let spans: Vec<&str> = durations.iter().map(|d| d.span.slice(text)).collect();
    assert_eq!(spans, vec!["three-day", "two weeks", "week-long"]);
}
