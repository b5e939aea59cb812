//! A date typed as day, month and year in three boxes (the GOV.UK date input), read with
//! the Design System's error messages. What was typed is never rewritten: it is read as
//! it stands, and a date is only taken once it is whole and real.

use chrono::{Datelike, NaiveDate};

/// Why the three boxes do not hold a date, and which boxes to mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateProblem {
    pub message: String,
    /// Day, month and year: whether each box is wrong.
    pub boxes: [bool; 3],
}

impl DateProblem {
    fn new(message: String, boxes: [bool; 3]) -> DateProblem {
        DateProblem { message, boxes }
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A month as a number (1 to 12, leading zeros allowed) or a name or its first three
/// letters ("Mar", "march", "Sept"), as GOV.UK services accept.
fn month_number(text: &str) -> Option<u32> {
    if let Some(n) = whole(text, 2) {
        return (1..=12).contains(&n).then_some(n);
    }
    let lower = text.to_lowercase();
    if lower.chars().count() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|name| name.starts_with(&lower) || (lower == "sept" && *name == "september"))
        .map(|i| i as u32 + 1)
}

/// Digits only, at most `most` of them once leading zeros are dropped.
fn whole(text: &str, most: usize) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let significant = text.trim_start_matches('0');
    if significant.len() > most {
        return None;
    }
    significant.parse().ok().or(Some(0))
}

/// Reads the three boxes. `Ok(None)` when all three are empty; `name` starts the message,
/// as in "Due date must include a month".
pub fn read_date_parts(
    day: &str,
    month: &str,
    year: &str,
    name: &str,
) -> Result<Option<NaiveDate>, DateProblem> {
    let parts = [day.trim(), month.trim(), year.trim()];
    let missing = parts.map(str::is_empty);
    if missing.iter().all(|m| *m) {
        return Ok(None);
    }
    if missing.iter().any(|m| *m) {
        let words: Vec<&str> = ["day", "month", "year"]
            .iter()
            .zip(missing)
            .filter(|(_, m)| *m)
            .map(|(w, _)| *w)
            .collect();
        return Err(DateProblem::new(
            format!("{name} must include a {}", words.join(" and ")),
            missing,
        ));
    }
    let [day, month, year] = parts;
    let year_ok = year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit());
    if !year_ok {
        return Err(DateProblem::new(
            format!("{name} must have a year with 4 numbers, like 2019"),
            [false, false, true],
        ));
    }
    let real = || DateProblem::new(format!("{name} must be a real date"), [true, true, true]);
    let day = whole(day, 2).ok_or_else(|| {
        DateProblem::new(format!("{name} must be a real date"), [true, false, false])
    })?;
    let month = month_number(month).ok_or_else(|| {
        DateProblem::new(format!("{name} must be a real date"), [false, true, false])
    })?;
    let year: i32 = year.parse().map_err(|_| real())?;
    NaiveDate::from_ymd_opt(year, month, day)
        .map(Some)
        .ok_or_else(real)
}

/// A date as the three boxes show it: "5", "3", "2019" (no leading zeros, as GOV.UK
/// examples write it).
pub fn date_parts(date: NaiveDate) -> [String; 3] {
    [
        date.day().to_string(),
        date.month().to_string(),
        format!("{:04}", date.year()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn reads_whole_dates_with_and_without_leading_zeros() {
        assert_eq!(
            read_date_parts("28", "3", "2019", "Due"),
            Ok(Some(day(2019, 3, 28)))
        );
        assert_eq!(
            read_date_parts("05", "06", "2019", "Due"),
            Ok(Some(day(2019, 6, 5)))
        );
        assert_eq!(
            read_date_parts(" 1 ", "Mar", "2020", "Due"),
            Ok(Some(day(2020, 3, 1)))
        );
        assert_eq!(
            read_date_parts("1", "sept", "2020", "Due"),
            Ok(Some(day(2020, 9, 1)))
        );
        assert_eq!(read_date_parts("", "", " ", "Due"), Ok(None));
    }

    #[test]
    fn says_what_is_missing_or_wrong_in_govuk_words() {
        let e = read_date_parts("12", "", "", "Due date").unwrap_err();
        assert_eq!(e.message, "Due date must include a month and year");
        assert_eq!(e.boxes, [false, true, true]);
        let e = read_date_parts("31", "2", "2019", "Due date").unwrap_err();
        assert_eq!(e.message, "Due date must be a real date");
        let e = read_date_parts("3", "13", "2019", "Due date").unwrap_err();
        assert_eq!(e.boxes, [false, true, false]);
        let e = read_date_parts("3", "1", "19", "Due date").unwrap_err();
        assert_eq!(
            e.message,
            "Due date must have a year with 4 numbers, like 2019"
        );
        assert!(read_date_parts("1a", "1", "2019", "Due").is_err());
        assert!(read_date_parts("0", "1", "2019", "Due").is_err());
        assert!(read_date_parts("1", "ma", "2019", "Due").is_err());
    }

    #[test]
    fn parts_read_back_as_the_same_date() {
        for d in [day(2019, 3, 5), day(2020, 2, 29), day(1999, 12, 31)] {
            let [a, b, c] = date_parts(d);
            assert_eq!(read_date_parts(&a, &b, &c, "Date"), Ok(Some(d)));
        }
    }
}
