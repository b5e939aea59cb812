//! The only code that reads the clock. The domain takes dates as arguments.

use chrono::NaiveDate;

/// Today in the browser's own time zone: the day a council officer means by "today".
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    // Only an absurd system clock gets here; the epoch is a safe, obvious stand-in.
    .unwrap_or_default()
}
