//! Calendar helpers: strict file dates, month ends, and dates as people read them.

use chrono::{Datelike, NaiveDate};

/// Reads a `YYYY-MM-DD` date exactly; chrono alone would also take `2019-2-3`.
/// How far, in years, a date typed for a plan may be from the peer team's visit before
/// the officer is asked whether they meant it.
pub const PLAUSIBLE_YEARS: i32 = 20;

/// A date far from the plan's own, and the date the officer probably meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FarDate {
    pub date: NaiveDate,
    /// The peer team's visit (or the plan's other reference date).
    pub reference: NaiveDate,
    /// The same day and month in the year nearest the reference that ends in the same
    /// two digits (0019 → 2019), when that is within [`PLAUSIBLE_YEARS`].
    pub suggestion: Option<NaiveDate>,
}

impl FarDate {
    /// The question for the officer.
    pub fn question(&self) -> String {
        let mut text = format!(
            "{} is more than {PLAUSIBLE_YEARS} years from the peer team's visit in {}.",
            format_long(self.date),
            self.reference.year()
        );
        if let Some(s) = self.suggestion {
            text.push_str(&format!(" Did you mean {}?", format_long(s)));
        } else {
            text.push_str(" Is it right?");
        }
        text
    }
}

/// `date` when it is more than [`PLAUSIBLE_YEARS`] from `reference`, with a suggestion.
pub fn far_date(date: NaiveDate, reference: Option<NaiveDate>) -> Option<FarDate> {
    let reference = reference?;
    if (date.year() - reference.year()).abs() <= PLAUSIBLE_YEARS {
        return None;
    }
    let two_digits = date.year().rem_euclid(100);
    let century = reference.year() - reference.year().rem_euclid(100);
    let suggestion = [century - 100, century, century + 100]
        .into_iter()
        .map(|c| c + two_digits)
        .min_by_key(|y| (y - reference.year()).abs())
        .filter(|y| (y - reference.year()).abs() <= PLAUSIBLE_YEARS)
        .and_then(|y| {
            NaiveDate::from_ymd_opt(y, date.month(), date.day())
                // 29 February in a year that has none: the last day of February.
                .or_else(|| NaiveDate::from_ymd_opt(y, date.month(), 28))
        });
    Some(FarDate {
        date,
        reference,
        suggestion,
    })
}

/// The years a date asked for in an address may fall in. Wider than any plan needs, and
/// narrow enough that no figure worked out for it is ever costly.
pub const ADDRESS_YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

/// A date asked for in an address (`as_at=…`): a real date in [`ADDRESS_YEARS`], or why
/// it cannot be used, in words to show the officer.
pub fn date_from_address(text: &str) -> Result<NaiveDate, String> {
    let shown: String = text.chars().take(40).collect();
    let date = parse_iso(text.trim())
        .ok_or_else(|| format!("“{shown}” is not a date: it should be written like 2020-03-31"))?;
    if ADDRESS_YEARS.contains(&date.year()) {
        Ok(date)
    } else {
        Err(format!(
            "{} is outside the years {} to {} that figures are worked out for",
            format_long(date),
            ADDRESS_YEARS.start(),
            ADDRESS_YEARS.end()
        ))
    }
}

pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape_ok {
        return None;
    }
    let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().ok();
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}

/// A date as `YYYY-MM-DD`, as files and addresses write it.
pub fn iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// The last day of a month; `None` only for a year chrono cannot hold.
pub fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let (next_year, next_month) = if month == 12 {
        (year.checked_add(1)?, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(next_year, next_month, 1)?.pred_opt()
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The full English name of a month numbered 1 to 12.
pub fn month_name(month: u32) -> &'static str {
    MONTH_NAMES[(month.clamp(1, 12) - 1) as usize]
}

/// The day of an RFC 3339 time ("2026-11-23T16:00:00Z") as [`format_long`] writes it, or
/// the text as it is when it does not start with a date.
pub fn format_day_of(at: &str) -> String {
    at.get(..10)
        .and_then(parse_iso)
        .map(format_long)
        .unwrap_or_else(|| at.to_string())
}

/// A date as GOV.UK writes it: "4 September 2019".
pub fn format_long(date: NaiveDate) -> String {
    // Four digits always, so a year typed as 0019 reads as the slip it is.
    format!(
        "{} {} {:04}",
        date.day(),
        month_name(date.month()),
        date.year()
    )
}

/// A due date as plans write it: "March 2020" for the last day of a month (what a
/// timescale of a month means), else the day in full.
pub fn format_due(date: NaiveDate) -> String {
    if date
        .succ_opt()
        .is_some_and(|next| next.month() != date.month())
    {
        format!("{} {:04}", month_name(date.month()), date.year())
    } else {
        format_long(date)
    }
}

/// A range of days as a committee paper writes it: "26 February to 1 March 2019".
pub fn format_range(from: NaiveDate, to: NaiveDate) -> String {
    if from == to {
        return format_long(from);
    }
    if from.year() == to.year() {
        if from.month() == to.month() {
            return format!("{} to {}", from.day(), format_long(to));
        }
        return format!(
            "{} {} to {}",
            from.day(),
            month_name(from.month()),
            format_long(to)
        );
    }
    format!("{} to {}", format_long(from), format_long(to))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn parse_iso_takes_only_the_exact_shape() {
        let cases: &[(&str, Option<NaiveDate>)] = &[
            ("2019-09-04", Some(d(2019, 9, 4))),
            ("2020-02-29", Some(d(2020, 2, 29))),
            ("2019-02-29", None),
            ("2019-9-4", None),
            ("04/09/2019", None),
            ("2019-09-04T00:00", None),
            ("", None),
            ("２019-09-04", None),
            ("2019-13-01", None),
            ("2019-00-10", None),
            ("2019-01-32", None),
            ("0000-01-01", Some(d(0, 1, 1))),
        ];
        for (text, want) in cases {
            assert_eq!(parse_iso(text), *want, "{text}");
        }
    }

    #[test]
    fn iso_writes_what_parse_iso_reads() {
        for date in [d(2019, 9, 4), d(2020, 2, 29), d(2024, 12, 31), d(999, 1, 2)] {
            assert_eq!(parse_iso(&iso(date)), Some(date));
        }
        assert_eq!(iso(d(2019, 9, 4)), "2019-09-04");
        assert_eq!(iso(d(999, 1, 2)), "0999-01-02");
    }

    #[test]
    fn month_end_handles_leap_years_and_december() {
        assert_eq!(month_end(2020, 2), Some(d(2020, 2, 29)));
        assert_eq!(month_end(2021, 2), Some(d(2021, 2, 28)));
        assert_eq!(month_end(1900, 2), Some(d(1900, 2, 28)));
        assert_eq!(month_end(2000, 2), Some(d(2000, 2, 29)));
        assert_eq!(month_end(2019, 12), Some(d(2019, 12, 31)));
        assert_eq!(month_end(2019, 4), Some(d(2019, 4, 30)));
    }

    #[test]
    fn dates_read_as_gov_uk_writes_them() {
        assert_eq!(format_long(d(2019, 9, 4)), "4 September 2019");
        assert_eq!(
            format_range(d(2019, 2, 26), d(2019, 3, 1)),
            "26 February to 1 March 2019"
        );
        assert_eq!(
            format_range(d(2021, 11, 29), d(2021, 12, 1)),
            "29 November to 1 December 2021"
        );
        assert_eq!(
            format_range(d(2017, 11, 6), d(2017, 11, 9)),
            "6 to 9 November 2017"
        );
        assert_eq!(
            format_range(d(2019, 12, 30), d(2020, 1, 2)),
            "30 December 2019 to 2 January 2020"
        );
        assert_eq!(format_range(d(2019, 3, 1), d(2019, 3, 1)), "1 March 2019");
    }
}
