//! The options every report takes from its address: as at, committee, meeting, since,
//! completed actions, and the filter; and which recommendations and actions they cover.

use chrono::NaiveDate;

use super::dates::iso;
use super::filter::Filter;
use super::plan::{Action, Plan, Recommendation};
use super::progress::status_at;
use super::status::Status;

/// The options every report takes from its address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportOptions {
    /// The day the report is "as at"; the caller supplies today when the address has none.
    pub as_at: Option<NaiveDate>,
    pub committee: String,
    pub meeting: Option<NaiveDate>,
    /// The report's "since" section starts after this day; the caller supplies the last
    /// report recorded for the committee when the address has none.
    pub since: Option<NaiveDate>,
    /// Whether completed actions are listed (they always count in the figures).
    pub include_completed: bool,
    /// Whether the actions that follow from a later review's suggestions are in the report
    /// (listed and counted); `suggestions=no` leaves them out.
    pub include_suggestions: bool,
    /// Only the recommendations filed under these themes or groups, and only the actions
    /// these leads lead.
    pub filter: Filter,
    /// What the address asked for that could not be used, in words to show the officer.
    pub refused: Vec<String>,
}

impl Default for ReportOptions {
    /// No date, committee or filter; completed actions counted but not listed, and the
    /// actions from suggestions in.
    fn default() -> ReportOptions {
        ReportOptions {
            as_at: None,
            committee: String::new(),
            meeting: None,
            since: None,
            include_completed: false,
            include_suggestions: true,
            filter: Filter::default(),
            refused: Vec::new(),
        }
    }
}

impl ReportOptions {
    /// Reads `as_at`, `committee`, `meeting`, `completed=no`, `theme`, `group` and `lead`.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)> + Clone,
    ) -> ReportOptions {
        let mut options = ReportOptions {
            include_completed: true,
            include_suggestions: true,
            ..ReportOptions::default()
        };
        for (key, value) in pairs.clone() {
            match key {
                "as_at" => match super::dates::date_from_address(value) {
                    Ok(date) => options.as_at = Some(date),
                    Err(why) => options.refused.push(format!("The “as at” date: {why}.")),
                },
                "committee" => options.committee = value.trim().chars().take(200).collect(),
                "meeting" => match super::dates::date_from_address(value) {
                    Ok(date) => options.meeting = Some(date),
                    Err(why) => options.refused.push(format!("The meeting date: {why}.")),
                },
                "completed" => options.include_completed = value != "no",
                "suggestions" => options.include_suggestions = value != "no",
                "since" => match super::dates::date_from_address(value) {
                    Ok(date) => options.since = Some(date),
                    Err(why) => options.refused.push(format!("The “since” date: {why}.")),
                },
                _ => {}
            }
        }
        let chosen = Filter::from_pairs(pairs);
        options.filter = Filter {
            themes: chosen.themes,
            groups: chosen.groups,
            leads: chosen.leads,
            ..Filter::default()
        };
        options
    }

    /// The options as query pairs, so the report is a link.
    pub fn pairs(&self) -> Vec<(String, String)> {
        let mut pairs = Vec::new();
        if let Some(d) = self.as_at {
            pairs.push(("as_at".to_string(), iso(d)));
        }
        if !self.committee.is_empty() {
            pairs.push(("committee".to_string(), self.committee.clone()));
        }
        if let Some(d) = self.meeting {
            pairs.push(("meeting".to_string(), iso(d)));
        }
        if !self.include_completed {
            pairs.push(("completed".to_string(), "no".to_string()));
        }
        if !self.include_suggestions {
            pairs.push(("suggestions".to_string(), "no".to_string()));
        }
        if let Some(d) = self.since {
            pairs.push(("since".to_string(), iso(d)));
        }
        pairs.extend(self.filter.pairs());
        pairs
    }

    /// The recommendations the report covers.
    pub fn recommendations<'a>(
        &'a self,
        plan: &'a Plan,
    ) -> impl Iterator<Item = &'a Recommendation> + 'a {
        plan.recommendations.iter().filter(move |r| {
            (self.filter.leads.is_empty() || r.actions.iter().any(|a| self.led(a)))
                && (self.filter.themes.is_empty()
                    || self.filter.themes.iter().any(|t| r.themes.contains(t)))
                && (self.filter.groups.is_empty()
                    || self.filter.groups.iter().any(|g| {
                        r.group.as_deref() == Some(g.as_str()) || (g == "none" && r.group.is_none())
                    }))
        })
    }

    /// Whether an action is led by one of the leads the report is for (any, when none).
    pub fn led(&self, action: &Action) -> bool {
        (self.include_suggestions || action.suggestion.is_none())
            && (self.filter.leads.is_empty()
                || self
                    .filter
                    .leads
                    .iter()
                    .any(|l| super::leads::leads_action(action, l)))
    }

    /// Whether an action is listed, as at `as_at`.
    pub fn lists(&self, action: &Action, as_at: NaiveDate) -> bool {
        self.led(action)
            && (self.include_completed || status_at(action, as_at) != Status::Completed)
    }
}
