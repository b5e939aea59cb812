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

/// Now as an RFC 3339 time in whole seconds, as plan files record `exported_at`: the
/// browser's own date and time with its offset ("2026-10-04T00:30:00+01:00"), or `Z` where
/// that is UTC. Everything that reads the day reads its first ten characters, so the day is
/// the officer's own: an export just after midnight in summer is on the new day.
pub fn now_rfc3339() -> String {
    let now = js_sys::Date::new_0();
    // Minutes behind UTC: -60 in British Summer Time.
    let behind = now.get_timezone_offset() as i32;
    let zone = if behind == 0 {
        "Z".to_string()
    } else {
        let ahead = -behind;
        let sign = if ahead >= 0 { '+' } else { '-' };
        format!("{sign}{:02}:{:02}", ahead.abs() / 60, ahead.abs() % 60)
    };
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{zone}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date(),
        now.get_hours(),
        now.get_minutes(),
        now.get_seconds()
    )
}
