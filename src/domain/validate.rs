//! The rules of plan-format-v1 that a typed plan can still break: required text, unique
//! ids, references to themes and groups, reasons for a refusal, and safe links.
//!
//! Every edit is checked against these before the app takes it, so the app never holds a
//! plan that its own export would refuse. The importer reports the same rules, with the
//! same words, for files.

use std::collections::{HashMap, HashSet};

use super::narrative::{RatingScale, RAG_WORDS_MAX};
use super::plan::{Plan, Response};
use super::problem::Problem;
use super::rules;
use super::schedule::Cadence;

/// Every rule the plan breaks, in the order they appear in the file.
///
/// Paths are written only for problems: a plan of 40,000 updates is checked on every
/// keystroke, and formatting a path for each part would cost more than the checks.
pub fn validate(plan: &Plan) -> Vec<Problem> {
    let mut check = Check::default();
    check.required(&plan.id, || "plan.id".into(), "every plan needs an id");
    check.required(
        &plan.council,
        || "plan.council".into(),
        rules::COUNCIL_NEEDED,
    );
    check.required(&plan.title, || "plan.title".into(), "a plan needs a title");
    if let (Some(from), Some(to)) = (plan.review.onsite_from, plan.review.onsite_to) {
        if to < from {
            check.problem("plan.review.onsite_to", rules::ONSITE_BACKWARDS);
        }
    }
    for (i, member) in plan.review.peer_team.iter().enumerate() {
        check.required(
            &member.name,
            || format!("plan.review.peer_team[{i}].name"),
            rules::PEER_NAME_NEEDED,
        );
    }

    let mut themes = Unique::new("theme", |[i, ..]| format!("plan.themes[{i}]"));
    for (i, theme) in plan.themes.iter().enumerate() {
        themes.claim(&mut check, &theme.id, [i, 0, 0]);
        check.required(
            &theme.title,
            || format!("plan.themes[{i}].title"),
            rules::THEME_TITLE_NEEDED,
        );
    }
    let mut groups = Unique::new("group", |[i, ..]| format!("plan.groups[{i}]"));
    for (i, group) in plan.groups.iter().enumerate() {
        groups.claim(&mut check, &group.id, [i, 0, 0]);
        check.required(
            &group.name,
            || format!("plan.groups[{i}].name"),
            "every group needs a name",
        );
    }
    let theme_ids: HashSet<&str> = plan.themes.iter().map(|t| t.id.as_str()).collect();
    let group_ids: HashSet<&str> = plan.groups.iter().map(|g| g.id.as_str()).collect();

    let mut recommendations = Unique::new("recommendation", recommendation_path);
    let mut actions = Unique::new("action", action_path);
    let mut updates = Unique::new("progress update", |[r, a, u]| {
        format!("{}.updates[{u}]", action_path([r, a, 0]))
    });
    actions.seen.reserve(plan.actions().count());
    updates
        .seen
        .reserve(plan.actions().map(|(_, a)| a.updates.len()).sum());
    for (i, rec) in plan.recommendations.iter().enumerate() {
        let path = || recommendation_path([i, 0, 0]);
        recommendations.claim(&mut check, &rec.id, [i, 0, 0]);
        check.required(
            &rec.number,
            || format!("{}.number", path()),
            rules::RECOMMENDATION_NUMBER_NEEDED,
        );
        check.required(
            &rec.title,
            || format!("{}.title", path()),
            rules::RECOMMENDATION_TITLE_NEEDED,
        );
        if rec.response != Response::Accepted && rec.response_reason.trim().is_empty() {
            check.problem(
                format!("{}.response_reason", path()),
                rules::reason_missing(rec.response),
            );
        }
        for (t, theme) in rec.themes.iter().enumerate() {
            if !theme_ids.contains(theme.as_str()) {
                check.problem(
                    format!("{}.themes[{t}]", path()),
                    rules::unknown_theme(theme),
                );
            }
        }
        if let Some(group) = &rec.group {
            if !group_ids.contains(group.as_str()) {
                check.problem(format!("{}.group", path()), rules::unknown_group(group));
            }
        }
        for (a, action) in rec.actions.iter().enumerate() {
            let path = || action_path([i, a, 0]);
            actions.claim(&mut check, &action.id, [i, a, 0]);
            check.required(
                &action.text,
                || format!("{}.text", path()),
                rules::ACTION_TEXT_NEEDED,
            );
            for (u, update) in action.updates.iter().enumerate() {
                updates.claim(&mut check, &update.id, [i, a, u]);
            }
            for (l, link) in action.links.iter().enumerate() {
                let here = || format!("{}.links[{l}].url", path());
                if link.url.trim().is_empty() {
                    check.problem(here(), "is empty: every link needs its web address");
                } else if !is_web_address(&link.url) {
                    check.problem(here(), rules::not_web_address(&link.url));
                }
            }
        }
    }
    cycle(&mut check, plan);
    reviews(&mut check, plan);
    let mut milestones = Unique::new("milestone", |[i, ..]| format!("plan.milestones[{i}]"));
    for (i, milestone) in plan.milestones.iter().enumerate() {
        milestones.claim(&mut check, &milestone.id, [i, 0, 0]);
        check.required(
            &milestone.title,
            || format!("plan.milestones[{i}].title"),
            rules::MILESTONE_TITLE_NEEDED,
        );
    }
    check.problems
}

/// The committee cycle's parts: narratives, due-date moves, documents, the rating
/// scale's words, schedules and reports issued.
fn cycle(check: &mut Check, plan: &Plan) {
    let mut narratives = Unique::new("narrative", |[r, n, _]| {
        format!("{}.narrative[{n}]", recommendation_path([r, 0, 0]))
    });
    let mut moves = Unique::new("due date change", |[r, a, m]| {
        format!("{}.due_history[{m}]", action_path([r, a, 0]))
    });
    for (r, rec) in plan.recommendations.iter().enumerate() {
        for (n, entry) in rec.narrative.iter().enumerate() {
            narratives.claim(check, &entry.id, [r, n, 0]);
        }
        for (a, action) in rec.actions.iter().enumerate() {
            for (m, change) in action.due_history.iter().enumerate() {
                moves.claim(check, &change.id, [r, a, m]);
            }
        }
    }
    for (i, link) in plan.documents.iter().enumerate() {
        check.required(
            &link.title,
            || format!("plan.documents[{i}].title"),
            rules::DOCUMENT_TITLE_NEEDED,
        );
        let here = || format!("plan.documents[{i}].url");
        if link.url.trim().is_empty() {
            check.problem(here(), "is empty: every link needs its web address");
        } else if !is_web_address(&link.url) {
            check.problem(here(), rules::not_web_address(&link.url));
        }
    }
    if let Some(RatingScale::Rag { red, amber, green }) = &plan.rating_scale {
        for (colour, words) in [("red", red), ("amber", amber), ("green", green)] {
            let here = || format!("plan.rating_scale.{colour}");
            check.required(words, here, rules::RAG_WORDS_NEEDED);
            if words.chars().count() > RAG_WORDS_MAX {
                check.problem(here(), rules::rag_words_too_long());
            }
        }
    }
    let mut schedules = Unique::new("reporting schedule", |[i, ..]| {
        format!("plan.schedule[{i}]")
    });
    for (i, schedule) in plan.schedule.iter().enumerate() {
        schedules.claim(check, &schedule.id, [i, 0, 0]);
        check.required(
            &schedule.committee,
            || format!("plan.schedule[{i}].committee"),
            rules::SCHEDULE_COMMITTEE_NEEDED,
        );
        match schedule.cadence {
            Cadence::Dates if schedule.dates.is_empty() => check.problem(
                format!("plan.schedule[{i}].dates"),
                rules::SCHEDULE_DATES_NEEDED,
            ),
            Cadence::Quarterly | Cadence::SixMonthly if schedule.from.is_none() => check.problem(
                format!("plan.schedule[{i}].from"),
                rules::SCHEDULE_FROM_NEEDED,
            ),
            _ => {}
        }
    }
    let mut reports = Unique::new("report issued", |[i, ..]| format!("plan.reports[{i}]"));
    for (i, report) in plan.reports.iter().enumerate() {
        reports.claim(check, &report.id, [i, 0, 0]);
    }
}

/// The later reviews, their links, and the suggestions they made with the actions that
/// follow from them.
fn reviews(check: &mut Check, plan: &Plan) {
    let web = |check: &mut Check, url: &str, path: String| {
        if !url.trim().is_empty() && !is_web_address(url) {
            check.problem(path, rules::not_web_address(url));
        }
    };
    web(
        check,
        &plan.review.report_url,
        "plan.review.report_url".into(),
    );
    let mut later = Unique::new("later review", |[i, ..]| format!("plan.later_reviews[{i}]"));
    for (i, review) in plan.later_reviews.iter().enumerate() {
        later.claim(check, &review.id, [i, 0, 0]);
        web(
            check,
            &review.review.report_url,
            format!("plan.later_reviews[{i}].report_url"),
        );
        for (p, member) in review.review.peer_team.iter().enumerate() {
            check.required(
                &member.name,
                || format!("plan.later_reviews[{i}].peer_team[{p}].name"),
                rules::PEER_NAME_NEEDED,
            );
        }
        if let (Some(from), Some(to)) = (review.review.onsite_from, review.review.onsite_to) {
            if to < from {
                check.problem(
                    format!("plan.later_reviews[{i}].onsite_to"),
                    rules::ONSITE_BACKWARDS,
                );
            }
        }
    }
    let review_ids: HashSet<&str> = plan.later_reviews.iter().map(|r| r.id.as_str()).collect();
    let mut suggestions = Unique::new("suggestion", |[r, s, _]| {
        format!("{}.suggestions[{s}]", recommendation_path([r, 0, 0]))
    });
    for (r, rec) in plan.recommendations.iter().enumerate() {
        for (n, suggestion) in rec.suggestions.iter().enumerate() {
            suggestions.claim(check, &suggestion.id, [r, n, 0]);
            let here = |field: &str| {
                format!(
                    "{}.suggestions[{n}].{field}",
                    recommendation_path([r, 0, 0])
                )
            };
            check.required(
                &suggestion.number,
                || here("number"),
                rules::SUGGESTION_NUMBER_NEEDED,
            );
            check.required(
                &suggestion.text,
                || here("text"),
                rules::SUGGESTION_TEXT_NEEDED,
            );
            if let Some(review) = &suggestion.review {
                if !review_ids.contains(review.as_str()) {
                    check.problem(here("review"), rules::unknown_later_review(review));
                }
            }
        }
        for (a, action) in rec.actions.iter().enumerate() {
            if let Some(id) = &action.suggestion {
                if !rec.suggestions.iter().any(|s| s.id == *id) {
                    check.problem(
                        format!("{}.suggestion", action_path([r, a, 0])),
                        rules::unknown_suggestion(id),
                    );
                }
            }
        }
    }
}

fn recommendation_path([r, ..]: Place) -> String {
    format!("plan.recommendations[{r}]")
}

fn action_path([r, a, _]: Place) -> String {
    format!("plan.recommendations[{r}].actions[{a}]")
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

    fn required(&mut self, value: &str, path: impl FnOnce() -> String, what_for: &str) {
        if value.trim().is_empty() {
            self.problem(path(), format!("is empty: {what_for}"));
        }
    }
}

/// Where a part is: its index in each list on the way down (recommendation, action,
/// update), as far as the part goes.
type Place = [usize; 3];

/// Ids of one kind, each with the place where it was first seen.
struct Unique<'a> {
    what: &'static str,
    path: fn(Place) -> String,
    seen: HashMap<&'a str, Place>,
}

impl<'a> Unique<'a> {
    fn new(what: &'static str, path: fn(Place) -> String) -> Unique<'a> {
        Unique {
            what,
            path,
            seen: HashMap::new(),
        }
    }

    fn claim(&mut self, check: &mut Check, id: &'a str, place: Place) {
        let what = self.what;
        if id.trim().is_empty() {
            check.problem(
                format!("{}.id", (self.path)(place)),
                format!("is empty: every {what} needs an id"),
            );
            return;
        }
        if let Some(first) = self.seen.get(id) {
            check.problem(
                format!("{}.id", (self.path)(place)),
                format!(
                    "is \"{id}\", the same id as {}: each {what} needs its own id",
                    (self.path)(*first)
                ),
            );
            return;
        }
        self.seen.insert(id, place);
    }
}
