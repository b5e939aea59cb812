//! Which actions a view shows: by status, theme, group, lead, overdue and words. A filter
//! reads from and writes to the address's query, so a filtered view is a link to send.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::plan::{Action, Plan, Recommendation};
use super::progress::{days_late, status_at};
use super::status::Status;

/// The actions to show. Empty parts do not narrow anything; values within one part are
/// alternatives (status on track or at risk), and parts narrow each other.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub statuses: Vec<Status>,
    pub themes: Vec<String>,
    pub groups: Vec<String>,
    pub leads: Vec<String>,
    pub overdue: bool,
    pub text: String,
}

impl Filter {
    /// Reads `status=`, `theme=`, `group=`, `lead=`, `overdue=yes` and `q=` pairs;
    /// anything else is left for others to read.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Filter {
        let mut filter = Filter::default();
        for (key, value) in pairs {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match key {
                "status" => filter.statuses.extend(Status::parse(value)),
                "theme" => filter.themes.push(value.to_string()),
                "group" => filter.groups.push(value.to_string()),
                "lead" => filter.leads.push(value.to_string()),
                "overdue" => filter.overdue = value == "yes",
                "q" => filter.text = value.to_string(),
                _ => {}
            }
        }
        filter
    }

    /// What in an address's filter cannot be used for this plan, in words to show the
    /// officer: a status that does not exist, or a theme, group or lead the plan does not
    /// have (a filter on it would show nothing, for no reason the officer could see).
    pub fn address_problems<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        options: &FilterOptions,
    ) -> Vec<String> {
        let shown = |v: &str| v.chars().take(60).collect::<String>();
        let mut problems = Vec::new();
        for (key, value) in pairs {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            let problem = match key {
                "status" if Status::parse(value).is_none() => {
                    Some(format!("“{}” is not a status", shown(value)))
                }
                "theme" if !options.themes.iter().any(|(id, _)| id == value) => {
                    Some(format!("this plan has no theme “{}”", shown(value)))
                }
                "group" if !options.groups.iter().any(|(id, _)| id == value) => {
                    Some(format!("this plan has no group “{}”", shown(value)))
                }
                "lead" if !options.leads.iter().any(|l| l == value) => Some(format!(
                    "no action in this plan is led by “{}”",
                    shown(value)
                )),
                _ => None,
            };
            problems.extend(problem);
            if problems.len() >= 20 {
                break;
            }
        }
        problems
    }

    /// The filter as query pairs, in a fixed order so the same filter is the same link.
    pub fn pairs(&self) -> Vec<(String, String)> {
        let mut pairs = Vec::new();
        pairs.extend(
            self.statuses
                .iter()
                .map(|s| ("status".to_string(), s.as_str().to_string())),
        );
        pairs.extend(self.themes.iter().map(|t| ("theme".to_string(), t.clone())));
        pairs.extend(self.groups.iter().map(|g| ("group".to_string(), g.clone())));
        pairs.extend(self.leads.iter().map(|l| ("lead".to_string(), l.clone())));
        if self.overdue {
            pairs.push(("overdue".to_string(), "yes".to_string()));
        }
        if !self.text.trim().is_empty() {
            pairs.push(("q".to_string(), self.text.trim().to_string()));
        }
        pairs
    }

    pub fn is_empty(&self) -> bool {
        self.pairs().is_empty()
    }

    /// Whether the action, under its recommendation, is shown as at `as_at`.
    pub fn matches(&self, rec: &Recommendation, action: &Action, as_at: NaiveDate) -> bool {
        (self.statuses.is_empty() || self.statuses.contains(&status_at(action, as_at)))
            && (self.themes.is_empty() || self.themes.iter().any(|t| rec.themes.contains(t)))
            && (self.groups.is_empty()
                || self.groups.iter().any(|g| match rec.group.as_deref() {
                    Some(group) => group == g,
                    None => g == "none",
                }))
            && (self.leads.is_empty()
                || self
                    .leads
                    .iter()
                    .any(|l| super::leads::leads_action(action, l)))
            && (!self.overdue || days_late(action, as_at).is_some())
            && (self.text.trim().is_empty()
                || mentions(rec, action, &self.text.trim().to_lowercase()))
    }

    /// The plan with only the shown actions; recommendations with none of them are left
    /// out, unless nothing is filtered (then it is the plan itself, not a copy).
    pub fn apply<'a>(&self, plan: &'a Plan, as_at: NaiveDate) -> Cow<'a, Plan> {
        if self.is_empty() {
            return Cow::Borrowed(plan);
        }
        let mut shown = plan.clone();
        for rec in &mut shown.recommendations {
            let source = rec.clone();
            rec.actions.retain(|a| self.matches(&source, a, as_at));
        }
        shown.recommendations.retain(|r| !r.actions.is_empty());
        Cow::Owned(shown)
    }
}

/// Whether the words appear in the action, its leads, timescale, updates or recommendation.
fn mentions(rec: &Recommendation, action: &Action, words: &str) -> bool {
    let has = |text: &str| text.to_lowercase().contains(words);
    has(&action.text)
        || has(&action.timescale)
        || action.leads.iter().any(|l| has(l))
        || action.updates.iter().any(|u| has(&u.note))
        || has(&rec.title)
        || has(&rec.context)
        || rec.number == words
}

/// What the filter form offers, from the plan.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FilterOptions {
    pub themes: Vec<(String, String)>,
    pub groups: Vec<(String, String)>,
    pub leads: Vec<String>,
}

impl FilterOptions {
    pub fn of(plan: &Plan) -> FilterOptions {
        let leads = plan.leads();
        let mut groups: Vec<(String, String)> = plan
            .groups
            .iter()
            .map(|g| (g.id.clone(), g.name.clone()))
            .collect();
        groups.push(("none".to_string(), "No group".to_string()));
        FilterOptions {
            themes: plan
                .themes
                .iter()
                .map(|t| (t.id.clone(), t.title.clone()))
                .collect(),
            groups,
            leads,
        }
    }
}
