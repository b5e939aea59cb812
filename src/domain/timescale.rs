//! Turns the timescale a council writes ("December 2019", "Q3 2019/20", "On-going") into a
//! suggested due date and status. It only suggests: the officer accepts or overrides.

use chrono::NaiveDate;

use super::dates::month_end;

/// What the words of a timescale say about the action's status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusHint {
    Ongoing,
    Completed,
}

impl StatusHint {
    /// The status the words suggest.
    pub fn status(self) -> crate::domain::Status {
        match self {
            StatusHint::Ongoing => crate::domain::Status::Ongoing,
            StatusHint::Completed => crate::domain::Status::Completed,
        }
    }
}

/// The parser's suggestion; both parts are empty for text it cannot read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Suggestion {
    pub due: Option<NaiveDate>,
    pub hint: Option<StatusHint>,
}

/// Reads a timescale. Where the text names several dates ("April 2019 to March 2020"),
/// the latest is the one the action is measured against.
pub fn suggest(timescale: &str) -> Suggestion {
    let lower = timescale.to_lowercase();
    let words = words(&lower);
    Suggestion {
        due: dates(&words).into_iter().max(),
        hint: hint(&words),
    }
}

/// Lower-case words, keeping `/` inside "2019/20" and splitting "31st" from nothing else.
fn words(lower: &str) -> Vec<&str> {
    lower
        .split(|c: char| !(c.is_alphanumeric() || c == '/'))
        .filter(|w| !w.is_empty())
        .collect()
}

fn hint(words: &[&str]) -> Option<StatusHint> {
    let ongoing = words
        .iter()
        .enumerate()
        .any(|(i, w)| *w == "ongoing" || (*w == "on" && words.get(i + 1) == Some(&"going")));
    if ongoing {
        return Some(StatusHint::Ongoing);
    }
    let completed = words
        .iter()
        .any(|w| matches!(*w, "complete" | "completed" | "done"));
    completed.then_some(StatusHint::Completed)
}

fn dates(words: &[&str]) -> Vec<NaiveDate> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (date, used) = date_at(&words[i..]);
        if let Some(date) = date {
            found.push(date);
        }
        i += used.max(1);
    }
    found
}

/// Tries each pattern at the start of `words`; returns the date and how many words it used.
fn date_at(words: &[&str]) -> (Option<NaiveDate>, usize) {
    let first = words[0];
    let second = words.get(1).copied();
    let third = words.get(2).copied();

    // "31st December 2019"
    if let (Some(day), Some(month), Some(year)) = (
        day_of_month(first),
        second.and_then(month_number),
        third.and_then(year),
    ) {
        return (NaiveDate::from_ymd_opt(year, month, day), 3);
    }
    // "December 2019"
    if let (Some(month), Some(year)) = (month_number(first), second.and_then(year)) {
        return (month_end(year, month), 2);
    }
    // "Spring 2024"
    if let (Some(season), Some(year)) = (season_named(first), second.and_then(year)) {
        return (season_end(year, season), 2);
    }
    // "Q3 2019/20" (financial year) or "Q3 2019" (calendar year)
    if let Some(quarter) = quarter(first) {
        if let Some(start) = second.and_then(financial_year) {
            return (financial_quarter_end(start, quarter), 2);
        }
        if let Some(year) = second.and_then(year) {
            return (month_end(year, quarter * 3), 2);
        }
    }
    // "2019/20": the financial year ends on 31 March
    if let Some(start) = financial_year(first) {
        return (NaiveDate::from_ymd_opt(start + 1, 3, 31), 1);
    }
    // "2020" alone: the end of that year
    if let Some(year) = year(first) {
        return (NaiveDate::from_ymd_opt(year, 12, 31), 1);
    }
    (None, 1)
}

fn day_of_month(word: &str) -> Option<u32> {
    let digits = word
        .strip_suffix("st")
        .or_else(|| word.strip_suffix("nd"))
        .or_else(|| word.strip_suffix("rd"))
        .or_else(|| word.strip_suffix("th"))
        .unwrap_or(word);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn month_number(word: &str) -> Option<u32> {
    const MONTHS: [(&str, &str); 12] = [
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may", "may"),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ];
    MONTHS
        .iter()
        .position(|(full, short)| {
            word == *full || word == *short || (word == "sept" && *short == "sep")
        })
        .map(|i| i as u32 + 1)
}

/// A four-digit year from 1900 to 2199: timescales never mean anything else.
fn year(word: &str) -> Option<i32> {
    if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.parse().ok().filter(|y| (1900..2200).contains(y))
}

/// "2019/20" or "2019/2020": the year it starts in, when the second half follows the first.
fn financial_year(word: &str) -> Option<i32> {
    let (start, end) = word.split_once('/')?;
    let start = year(start)?;
    let follows = match end.len() {
        2 => end.parse::<i32>().ok()? == (start + 1) % 100,
        4 => year(end)? == start + 1,
        _ => false,
    };
    follows.then_some(start)
}

fn quarter(word: &str) -> Option<u32> {
    let n: u32 = word.strip_prefix('q')?.parse().ok()?;
    (1..=4).contains(&n).then_some(n)
}

/// UK local government's financial year runs April to March: Q1 is April to June.
fn financial_quarter_end(start_year: i32, quarter: u32) -> Option<NaiveDate> {
    match quarter {
        1 => month_end(start_year, 6),
        2 => month_end(start_year, 9),
        3 => month_end(start_year, 12),
        _ => month_end(start_year + 1, 3),
    }
}

#[derive(Clone, Copy)]
enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

fn season_named(word: &str) -> Option<Season> {
    match word {
        "spring" => Some(Season::Spring),
        "summer" => Some(Season::Summer),
        "autumn" | "fall" => Some(Season::Autumn),
        "winter" => Some(Season::Winter),
        _ => None,
    }
}

/// The last day of the season's last month; winter 2019 runs into February 2020.
fn season_end(year: i32, season: Season) -> Option<NaiveDate> {
    match season {
        Season::Spring => month_end(year, 5),
        Season::Summer => month_end(year, 8),
        Season::Autumn => month_end(year, 11),
        Season::Winter => month_end(year + 1, 2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn reads_the_timescales_councils_write() {
        use StatusHint::*;
        let cases: &[(&str, Option<NaiveDate>, Option<StatusHint>)] = &[
            ("December 2019", d(2019, 12, 31), None),
            ("31 December 2019", d(2019, 12, 31), None),
            ("31st December 2019", d(2019, 12, 31), None),
            ("15th May 2019 Cabinet", d(2019, 5, 15), None),
            ("By the end of February 2021", d(2021, 2, 28), None),
            ("By the end of February 2020", d(2020, 2, 29), None),
            ("29th February 2020", d(2020, 2, 29), None),
            ("29th February 2021", None, None),
            ("Spring 2024", d(2024, 5, 31), None),
            ("Summer 2022", d(2022, 8, 31), None),
            ("Autumn 2022", d(2022, 11, 30), None),
            ("Winter 2019", d(2020, 2, 29), None),
            ("Q1 2019/20", d(2019, 6, 30), None),
            ("Q2 2019/20", d(2019, 9, 30), None),
            ("Q3 2019/20", d(2019, 12, 31), None),
            ("Q4 2019/20", d(2020, 3, 31), None),
            ("Q3 2019/2020", d(2019, 12, 31), None),
            ("Q2 2020", d(2020, 6, 30), None),
            ("2019/20", d(2020, 3, 31), None),
            ("2019/2020", d(2020, 3, 31), None),
            ("2019/21", None, None),
            ("July 2020 and ongoing", d(2020, 7, 31), Some(Ongoing)),
            ("On-going", None, Some(Ongoing)),
            ("Ongoing", None, Some(Ongoing)),
            ("ONGOING", None, Some(Ongoing)),
            ("on going", None, Some(Ongoing)),
            ("Completed", None, Some(Completed)),
            ("Complete", None, Some(Completed)),
            ("completed March 2019", d(2019, 3, 31), Some(Completed)),
            ("DECEMBER 2019", d(2019, 12, 31), None),
            ("Sept 2019", d(2019, 9, 30), None),
            ("dec 2019", d(2019, 12, 31), None),
            ("April 2019 to March 2020", d(2020, 3, 31), None),
            ("By 2022", d(2022, 12, 31), None),
            ("", None, None),
            ("As soon as possible", None, None),
            ("asdf qwerty", None, None),
            ("32nd December 2019", d(2019, 12, 31), None),
            ("May", None, None),
            ("Q5 2019/20", d(2020, 3, 31), None),
            ("12345", None, None),
        ];
        for (text, due, hint) in cases {
            let got = suggest(text);
            assert_eq!(
                got,
                Suggestion {
                    due: *due,
                    hint: *hint
                },
                "timescale {text:?}"
            );
        }
    }
}
