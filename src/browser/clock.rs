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

/// How long until the next day begins here, in milliseconds: when "today" changes.
pub fn millis_until_tomorrow() -> u64 {
    let now = js_sys::Date::new_0();
    let tomorrow = js_sys::Date::new_with_year_month_day(
        now.get_full_year(),
        now.get_month() as i32,
        now.get_date() as i32 + 1,
    );
    let millis = tomorrow.get_time() - now.get_time();
    if millis.is_finite() && millis > 0.0 {
        millis as u64
    } else {
        0
    }
}

/// Now as an RFC 3339 time in UTC, as plan files record `exported_at`.
pub fn now_rfc3339() -> String {
    let iso = js_sys::Date::new_0().to_iso_string();
    // `toISOString` gives milliseconds ("…T16:00:00.000Z"); files keep whole seconds.
    let text: String = iso.into();
    match text.split_once('.') {
        Some((seconds, _)) => format!("{seconds}Z"),
        None => text,
    }
}
