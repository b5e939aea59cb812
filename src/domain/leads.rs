//! Each lead's own actions: who leads what, and one lead's worklist as at a day.

use chrono::NaiveDate;

use super::progress::{days_late, status_at};
use super::{Action, Plan, Recommendation, Status};

/// Whether the action names this lead (ignoring case and spaces at the ends).
pub fn leads_action(action: &Action, lead: &str) -> bool {
    action
        .leads
        .iter()
        .any(|l| l.trim().eq_ignore_ascii_case(lead.trim()))
}

/// One lead and how their actions stand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeadSummary {
    pub lead: String,
    pub actions: usize,
    /// Not completed, not part of everyday work.
    pub open: usize,
    pub overdue: usize,
}

/// Every lead the plan names, in the order `Plan::leads` gives, with their counts.
pub fn lead_summaries(plan: &Plan, today: NaiveDate) -> Vec<LeadSummary> {
    plan.leads()
        .into_iter()
        .map(|lead| {
            let theirs: Vec<&Action> = plan
                .actions()
                .map(|(_, a)| a)
                .filter(|a| leads_action(a, &lead))
                .collect();
            LeadSummary {
                actions: theirs.len(),
                open: theirs
                    .iter()
                    .filter(|a| !matches!(status_at(a, today), Status::Completed | Status::Ongoing))
                    .count(),
                overdue: theirs
                    .iter()
                    .filter(|a| days_late(a, today).is_some())
                    .count(),
                lead,
            }
        })
        .collect()
}

/// One action on a lead's worklist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkItem {
    pub action_id: String,
    /// "2.1".
    pub number: String,
    pub text: String,
    pub recommendation: String,
    pub status: Status,
    pub due: Option<NaiveDate>,
    pub days_late: Option<i64>,
    /// The newest update: its date and words.
    pub latest: Option<(NaiveDate, String)>,
}

fn item(rec: &Recommendation, index: usize, action: &Action, today: NaiveDate) -> WorkItem {
    WorkItem {
        action_id: action.id.clone(),
        number: format!("{}.{}", rec.number, index + 1),
        text: action.text.clone(),
        recommendation: format!("{}. {}", rec.number, rec.title),
        status: action.status,
        due: action.due,
        days_late: days_late(action, today),
        latest: action.updates.last().map(|u| (u.date, u.note.clone())),
    }
}

/// One action as a worklist shows it, as it stands today.
pub fn work_item(plan: &Plan, action_id: &str, today: NaiveDate) -> Option<WorkItem> {
    plan.recommendations.iter().find_map(|rec| {
        let index = rec.actions.iter().position(|a| a.id == action_id)?;
        Some(item(rec, index, &rec.actions[index], today))
    })
}

/// The lead's actions in the plan's order, as they stand today.
pub fn worklist(plan: &Plan, lead: &str, today: NaiveDate) -> Vec<WorkItem> {
    plan.recommendations
        .iter()
        .flat_map(|rec| {
            rec.actions
                .iter()
                .enumerate()
                .filter(|(_, a)| leads_action(a, lead))
                .map(move |(i, a)| item(rec, i, a, today))
        })
        .collect()
}

/// Leads typed in one box: separated by semicolons or lines, each once.
pub fn split_leads(text: &str) -> Vec<String> {
    let mut leads: Vec<String> = Vec::new();
    for lead in text
        .split([';', '\n'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        if !leads.iter().any(|l| l.eq_ignore_ascii_case(lead)) {
            leads.push(lead.to_string());
        }
    }
    leads
}
