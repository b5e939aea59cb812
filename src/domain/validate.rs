//! The rules of plan-format-v1 that a typed plan can still break: required text, unique
//! ids, references to themes and groups, reasons for a refusal, and safe links.
//!
//! Every edit is checked against these before the app takes it, so the app never holds a
//! plan that its own export would refuse. The importer reports the same rules, with the
//! same words, for files.

use std::collections::{HashMap, HashSet};

use super::plan::{Plan, Response};
use super::problem::Problem;

/// Every rule the plan breaks, in the order they appear in the file.
pub fn validate(plan: &Plan) -> Vec<Problem> {
    let mut check = Check::default();
    check.required("plan.id", &plan.id, "every plan needs an id");
    check.required(
        "plan.council",
        &plan.council,
        "a plan needs the council's name",
    );
    check.required("plan.title", &plan.title, "a plan needs a title");
    if let (Some(from), Some(to)) = (plan.review.onsite_from, plan.review.onsite_to) {
        if to < from {
            check.problem(
                "plan.review.onsite_to",
                "is before onsite_from: the peer team's last day on site cannot come before its first",
            );
        }
    }
    for (i, member) in plan.review.peer_team.iter().enumerate() {
        check.required(
            &format!("plan.review.peer_team[{i}].name"),
            &member.name,
            "each member of the peer team needs a name",
        );
    }

    let mut themes = Unique::new("theme");
    for (i, theme) in plan.themes.iter().enumerate() {
        let path = format!("plan.themes[{i}]");
        themes.claim(&mut check, &path, &theme.id);
        check.required(
            &format!("{path}.title"),
            &theme.title,
            "every theme needs a title",
        );
    }
    let mut groups = Unique::new("group");
    for (i, group) in plan.groups.iter().enumerate() {
        let path = format!("plan.groups[{i}]");
        groups.claim(&mut check, &path, &group.id);
        check.required(
            &format!("{path}.name"),
            &group.name,
            "every group needs a name",
        );
    }
    let theme_ids: HashSet<&str> = plan.themes.iter().map(|t| t.id.as_str()).collect();
    let group_ids: HashSet<&str> = plan.groups.iter().map(|g| g.id.as_str()).collect();

    let mut recommendations = Unique::new("recommendation");
    let mut actions = Unique::new("action");
    let mut updates = Unique::new("progress update");
    for (i, rec) in plan.recommendations.iter().enumerate() {
        let path = format!("plan.recommendations[{i}]");
        recommendations.claim(&mut check, &path, &rec.id);
        check.required(
            &format!("{path}.number"),
            &rec.number,
            "every recommendation needs its number, as the peer team numbered it",
        );
        check.required(
            &format!("{path}.title"),
            &rec.title,
            "every recommendation needs its title, in the peer team's words",
        );
        if rec.response != Response::Accepted && rec.response_reason.trim().is_empty() {
            check.problem(
                format!("{path}.response_reason"),
                format!(
                    "is missing: a recommendation that is {} needs the council's reason",
                    rec.response.label().to_lowercase()
                ),
            );
        }
        for (t, theme) in rec.themes.iter().enumerate() {
            if !theme_ids.contains(theme.as_str()) {
                check.problem(
                    format!("{path}.themes[{t}]"),
                    format!("names the theme \"{theme}\", which is not one of this plan's themes"),
                );
            }
        }
        if let Some(group) = &rec.group {
            if !group_ids.contains(group.as_str()) {
                check.problem(
                    format!("{path}.group"),
                    format!("names the group \"{group}\", which is not one of this plan's groups"),
                );
            }
        }
        for (a, action) in rec.actions.iter().enumerate() {
            let path = format!("{path}.actions[{a}]");
            actions.claim(&mut check, &path, &action.id);
            check.required(
                &format!("{path}.text"),
                &action.text,
                "every action needs its text, as the council wrote it",
            );
            for (u, update) in action.updates.iter().enumerate() {
                updates.claim(&mut check, &format!("{path}.updates[{u}]"), &update.id);
            }
            for (l, link) in action.links.iter().enumerate() {
                let here = format!("{path}.links[{l}].url");
                if link.url.trim().is_empty() {
                    check.problem(here, "is empty: every link needs its web address");
                } else if !is_web_address(&link.url) {
                    check.problem(
                        here,
                        format!(
                            "is \"{}\", which is not a web address: links must start with https:// or http://",
                            link.url
                        ),
                    );
                }
            }
        }
    }
    let mut milestones = Unique::new("milestone");
    for (i, milestone) in plan.milestones.iter().enumerate() {
        let path = format!("plan.milestones[{i}]");
        milestones.claim(&mut check, &path, &milestone.id);
        check.required(
            &format!("{path}.title"),
            &milestone.title,
            "every milestone needs a title",
        );
    }
    check.problems
}

/// An http(s) address with something after the scheme. Anything else (javascript:, file:,
/// data:) could do harm when a person clicks it, so it is refused.
pub fn is_web_address(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    matches!(rest, Some(host) if !host.is_empty() && !host.starts_with('/') && !url.trim().chars().any(char::is_whitespace))
}

#[derive(Default)]
struct Check {
    problems: Vec<Problem>,
}

impl Check {
    fn problem(&mut self, path: impl Into<String>, reason: impl Into<String>) {
        self.problems.push(Problem::new(path, reason));
    }

    fn required(&mut self, path: &str, value: &str, what_for: &str) {
        if value.trim().is_empty() {
            self.problem(path, format!("is empty: {what_for}"));
        }
    }
}

/// Ids of one kind, each with the path where it was first seen.
struct Unique<'a> {
    what: &'static str,
    seen: HashMap<&'a str, String>,
}

impl<'a> Unique<'a> {
    fn new(what: &'static str) -> Unique<'a> {
        Unique {
            what,
            seen: HashMap::new(),
        }
    }

    fn claim(&mut self, check: &mut Check, path: &str, id: &'a str) {
        let what = self.what;
        if id.trim().is_empty() {
            check.problem(
                format!("{path}.id"),
                format!("is empty: every {what} needs an id"),
            );
            return;
        }
        if let Some(first) = self.seen.get(id) {
            check.problem(
                format!("{path}.id"),
                format!("is \"{id}\", the same id as {first}: each {what} needs its own id"),
            );
            return;
        }
        self.seen.insert(id, path.to_string());
    }
}
