//! When each committee expects a report: quarterly, six-monthly, or on dates the council
//! lists. The overview and the dashboard show the next report due.

use chrono::{Months, NaiveDate};
use serde::Serialize;

/// One committee's reporting schedule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Schedule {
    pub id: String,
    pub committee: String,
    pub cadence: Cadence,
    /// The first report of a quarterly or six-monthly cadence.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default)]
    pub from: Option<NaiveDate>,
    /// The report dates of a `dates` cadence.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[serde(default)]
    pub dates: Vec<NaiveDate>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Cadence {
    Quarterly,
    SixMonthly,
    Dates,
}

impl Cadence {
    pub const ALL: [Cadence; 3] = [Cadence::Quarterly, Cadence::SixMonthly, Cadence::Dates];

    pub fn as_str(self) -> &'static str {
        match self {
            Cadence::Quarterly => "quarterly",
            Cadence::SixMonthly => "six_monthly",
            Cadence::Dates => "dates",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Cadence::Quarterly => "Quarterly",
            Cadence::SixMonthly => "Six-monthly",
            Cadence::Dates => "On dates listed",
        }
    }

    pub fn parse(value: &str) -> Option<Cadence> {
        Cadence::ALL.into_iter().find(|c| c.as_str() == value)
    }

    fn months(self) -> Option<u32> {
        match self {
            Cadence::Quarterly => Some(3),
            Cadence::SixMonthly => Some(6),
            Cadence::Dates => None,
        }
    }
}

/// The most report dates a cadence is followed for: fifty years of quarters.
const MAX_STEPS: u32 = 200;

impl Schedule {
    /// The `n`th report of a repeating cadence (0 is `from`), counted from `from` each
    /// time: a day a shorter month lacks falls on its last day (31 January, 30 April,
    /// 31 July).
    fn nth(&self, n: u32) -> Option<NaiveDate> {
        let months = self.cadence.months()?.checked_mul(n)?;
        self.from?.checked_add_months(Months::new(months))
    }

    /// Every report date on or after `from` up to and including `to`, oldest first.
    pub fn dates_between(&self, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
        match self.cadence {
            Cadence::Dates => {
                let mut dates: Vec<NaiveDate> = self
                    .dates
                    .iter()
                    .copied()
                    .filter(|d| *d >= from && *d <= to)
                    .collect();
                dates.sort();
                dates
            }
            _ => (0..MAX_STEPS)
                .map_while(|n| self.nth(n))
                .take_while(|d| *d <= to)
                .filter(|d| *d >= from)
                .collect(),
        }
    }

    /// The first report due on or after `day`.
    pub fn next_on_or_after(&self, day: NaiveDate) -> Option<NaiveDate> {
        match self.cadence {
            Cadence::Dates => self.dates.iter().copied().filter(|d| *d >= day).min(),
            _ => (0..MAX_STEPS)
                .map_while(|n| self.nth(n))
                .find(|d| *d >= day),
        }
    }
}

/// The next report due on or after `day`, across every committee's schedule: the date and
/// the committee. The earliest; ties go to the schedule listed first.
pub fn next_report(schedules: &[Schedule], day: NaiveDate) -> Option<(NaiveDate, &str)> {
    schedules
        .iter()
        .filter_map(|s| Some((s.next_on_or_after(day)?, s.committee.as_str())))
        .min_by_key(|(date, _)| *date)
}
