//! How current a published plan is: the day the council last exported it (the plan file's
//! `exported_at`), which a published site's figures are as at, and whether that is so long
//! ago that residents should be told.

use chrono::{Months, NaiveDate};

use crate::domain::dates::{format_long, parse_iso};

/// How long a published plan may go without an update before the site says so.
pub const OUT_OF_DATE_AFTER: Months = Months::new(6);

/// The day of an RFC 3339 time as the plan file writes `exported_at`
/// ("2026-10-04T00:30:00+01:00"): the date as written, before any time zone is applied,
/// because the app writes the officer's own time with its offset (`browser::clock`), so the
/// date is the day where the council wrote it.
pub fn exported_on(exported_at: &str) -> Option<NaiveDate> {
    exported_at.trim().get(..10).and_then(parse_iso)
}

/// "Last updated by the council on 3 October 2026".
pub fn last_updated_sentence(updated: NaiveDate) -> String {
    format!("Last updated by the council on {}", format_long(updated))
}

/// Whether a plan last updated on `updated` is more than six months old on `today`.
pub fn is_out_of_date(updated: NaiveDate, today: NaiveDate) -> bool {
    updated
        .checked_add_months(OUT_OF_DATE_AFTER)
        .is_some_and(|limit| today > limit)
}

/// What a published site says when the plan is more than six months old.
pub fn out_of_date_sentence(updated: NaiveDate) -> String {
    format!(
        "This plan was last updated more than six months ago, on {}. Progress since then is not shown here: ask the council for the latest.",
        format_long(updated)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_export_day_is_the_date_as_written() {
        assert_eq!(
            exported_on("2026-10-03T23:30:00-01:00"),
            Some(day(2026, 10, 3))
        );
        assert_eq!(exported_on(" 2026-10-03T16:00:00Z"), Some(day(2026, 10, 3)));
        assert_eq!(exported_on("2026-13-03T16:00:00Z"), None);
        assert_eq!(exported_on("soon"), None);
        assert_eq!(exported_on(""), None);
        assert_eq!(
            last_updated_sentence(day(2026, 10, 3)),
            "Last updated by the council on 3 October 2026"
        );
    }

    #[test]
    fn a_plan_is_out_of_date_the_day_after_six_months() {
        assert!(!is_out_of_date(day(2026, 10, 3), day(2027, 4, 3)));
        assert!(is_out_of_date(day(2026, 10, 3), day(2027, 4, 4)));
        // The end of a longer month: six months after 31 August is 28 February.
        assert!(!is_out_of_date(day(2026, 8, 31), day(2027, 2, 28)));
        assert!(is_out_of_date(day(2026, 8, 31), day(2027, 3, 1)));
        // A file from the future (a clock set wrong) is not out of date.
        assert!(!is_out_of_date(day(2027, 1, 1), day(2026, 1, 1)));
    }
}
