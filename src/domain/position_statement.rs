//! The position statement: the council's self-assessment against each recommendation,
//! written before a progress review. Worked out once here, with its words, for the page
//! and the Word file, which only lay it out.
//!
//! It opens with the challenge, its dates and a summary made from the figures; then, for
//! each recommendation the report's options cover: the peers' words, the council's
//! response, what has been done, the evidence, progress to date, what difference it has
//! made, what remains, and the suggestions a later review made under it. As at a day it
//! stands: actions added after the day are left out ([`Plan::as_it_stood`]), statuses,
//! updates and due dates are those of the day, the narrative is the newest on or before
//! it, and suggestions of a review held after it are left out.

use chrono::NaiveDate;

use super::dates::{format_long, format_range};
use super::figures::StatusCounts;
use super::plan::{Action, Link, Plan, Recommendation, Response, Review};
use super::progress::{dashboard, status_at};
use super::reports::{covered, narrative_rows, report_action, ReportAction, ReportOptions};
use super::status::Status;

/// The words of the position statement that are not the plan's, so that the page and the
/// Word file say the same.
pub mod words {
    pub const TITLE: &str = "Position statement";
    pub const CHALLENGE_PART: &str = "The challenge";
    pub const SUMMARY_PART: &str = "Summary";
    pub const CONTENTS_PART: &str = "Contents";
    pub const RESPONSE: &str = "The council's response";
    pub const DONE: &str = "What has been done";
    pub const NOTHING_DONE: &str = "No action is completed or ongoing yet.";
    pub const EVIDENCE: &str = "Evidence";
    pub const NO_EVIDENCE: &str = "No evidence linked yet.";
    pub const PROGRESS: &str = "Progress to date";
    /// Said before the latest updates when the council has written no narrative.
    pub const FROM_UPDATES: &str = "The latest update on each action not listed above:";
    pub const NO_PROGRESS: &str = "No progress recorded yet.";
    pub const IMPACT: &str = "What difference has it made";
    pub const NO_IMPACT: &str = "Not yet written.";
    pub const REMAINS: &str = "What remains";
    pub const NOTHING_REMAINS: &str = "Nothing remains open.";
    pub const SUGGESTIONS: &str = "Suggestions from later reviews";
    pub const NOTED: &str = "Noted";
    pub const NO_SUGGESTION_ACTIONS: &str = "No actions follow from it yet.";
    pub const NOT_RECORDED: &str = "Not recorded";
    pub const NO_RECOMMENDATIONS: &str = "No recommendation is covered by these options.";
}

/// One line of the challenge's facts: what, and when or what it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fact {
    pub label: String,
    pub value: String,
}

fn fact(label: impl Into<String>, value: impl Into<String>) -> Fact {
    Fact {
        label: label.into(),
        value: value.into(),
    }
}

/// An action as the statement lists it: its number, words, and one line about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatementAction {
    /// "1.2": its recommendation's number and its place under it.
    pub number: String,
    pub action: ReportAction,
    /// Its status and latest update (done), or its status and due date (open).
    pub detail: String,
}

/// What the council says of progress on a recommendation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProgressToDate {
    /// The narrative's rows ([`narrative_rows`]): rating, progress to date, next steps.
    Narrative(Vec<(String, String)>),
    /// No narrative: the latest update of each action not under "What has been done",
    /// newest first, each as "1.3, 4 September 2019: its note".
    Updates(Vec<String>),
    /// Neither a narrative nor an update.
    Nothing,
}

/// A suggestion a later review made under the recommendation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatementSuggestion {
    pub id: String,
    pub number: String,
    pub text: String,
    pub noted: bool,
    /// The review that made it, in words ("Progress review, 14 January 2020").
    pub review: Option<String>,
    /// The actions that follow from it.
    pub actions: Vec<StatementAction>,
}

impl StatementSuggestion {
    /// "1.1 Its words (Noted)", as the statement lists it.
    pub fn line(&self) -> String {
        let mut line = format!("{} {}", self.number, self.text.trim());
        if self.noted {
            line.push_str(&format!(" ({})", words::NOTED));
        }
        line
    }
}

/// One recommendation's part of the statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatementSection {
    pub id: String,
    /// Its place in the statement, from 1: the contents list links to it.
    pub index: usize,
    pub number: String,
    pub title: String,
    pub context: String,
    /// "Accepted", or "Partly accepted: the reason".
    pub response: String,
    /// Completed and ongoing actions.
    pub done: Vec<StatementAction>,
    /// The actions' evidence links, http(s) only, each once, with a title (the address
    /// when the link has none).
    pub evidence: Vec<Link>,
    pub progress: ProgressToDate,
    /// "What difference has it made"; none when not yet written.
    pub impact: Option<String>,
    /// Open actions: not started, on track, at risk or off track.
    pub remains: Vec<StatementAction>,
    pub suggestions: Vec<StatementSuggestion>,
}

impl StatementSection {
    /// "3. The recommendation's words", as its heading and the contents list say it.
    pub fn heading(&self) -> String {
        format!("{}. {}", self.number, self.title)
    }

    /// The id of its heading on the page, for the contents list's links.
    pub fn anchor(&self) -> String {
        format!("position-{}", self.index)
    }

    /// The impact, or [`words::NO_IMPACT`], so the gap shows.
    pub fn impact_words(&self) -> &str {
        self.impact.as_deref().unwrap_or(words::NO_IMPACT)
    }
}

/// The whole statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PositionStatement {
    pub as_at: NaiveDate,
    /// The challenge and its dates.
    pub facts: Vec<Fact>,
    pub summary: String,
    pub sections: Vec<StatementSection>,
}

/// The position statement on `plan` as at `as_at`, with the report's options.
pub fn position_statement(
    plan: &Plan,
    options: &ReportOptions,
    as_at: NaiveDate,
) -> PositionStatement {
    let whole = plan;
    let plan = &*plan.as_it_stood(as_at);
    let sections: Vec<StatementSection> = options
        .recommendations(plan)
        .enumerate()
        .map(|(i, rec)| section(whole, plan, rec, i + 1, options, as_at))
        .collect();
    PositionStatement {
        as_at,
        facts: facts(plan),
        summary: summary(plan, options, &sections, as_at),
        sections,
    }
}

/// "4 to 7 February 2019", or the one day known.
fn visit_dates(review: &Review) -> Option<String> {
    match (review.onsite_from, review.onsite_to) {
        (Some(from), Some(to)) if from <= to => Some(format_range(from, to)),
        (Some(day), _) | (None, Some(day)) => Some(format_long(day)),
        (None, None) => None,
    }
}

/// A visit's format and length in words: "on site, four days".
fn visit_manner(review: &Review) -> Option<String> {
    let parts: Vec<String> = review
        .format
        .map(|f| f.label().to_lowercase())
        .into_iter()
        .chain(Some(review.duration.trim().to_string()).filter(|d| !d.is_empty()))
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// The day a review was held, for leaving out what it said when a statement is as at an
/// earlier day: its first day on site, else its last, else the day its report was
/// published.
fn review_day(review: &Review) -> Option<NaiveDate> {
    review
        .onsite_from
        .or(review.onsite_to)
        .or(review.report_published)
}

/// The challenge and its dates: the kind of review, the visit, the feedback report, the
/// plan's approval, and each later review.
fn facts(plan: &Plan) -> Vec<Fact> {
    let review = &plan.review;
    let mut facts = vec![fact("Review", review.kind.label())];
    let mut visit = visit_dates(review).unwrap_or_else(|| words::NOT_RECORDED.to_string());
    if let Some(manner) = visit_manner(review) {
        visit.push_str(&format!(" ({manner})"));
    }
    facts.push(fact("Visit", visit));
    facts.push(fact(
        "Feedback report received",
        review
            .report_received
            .map(format_long)
            .unwrap_or_else(|| words::NOT_RECORDED.to_string()),
    ));
    if let Some(day) = review.report_published {
        facts.push(fact("Feedback report published", format_long(day)));
    }
    facts.push(fact(
        "Action plan approved",
        match &review.plan_approved {
            Some(a) if a.by.trim().is_empty() => format_long(a.date),
            Some(a) => format!("{}, by {}", format_long(a.date), a.by.trim()),
            None => words::NOT_RECORDED.to_string(),
        },
    ));
    for later in &plan.later_reviews {
        let r = &later.review;
        let mut when = visit_dates(r).unwrap_or_else(|| "Date not recorded".to_string());
        if let Some(manner) = visit_manner(r) {
            when.push_str(&format!(" ({manner})"));
        }
        facts.push(fact(r.kind.label(), when));
    }
    facts
}

/// "1 is", "3 are".
fn are(n: usize) -> &'static str {
    if n == 1 {
        "is"
    } else {
        "are"
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "a, b and c".
fn and_list(mut parts: Vec<String>) -> String {
    let last = parts.pop().unwrap_or_default();
    if parts.is_empty() {
        last
    } else {
        format!("{} and {last}", parts.join(", "))
    }
}

/// The one-paragraph summary, from the figures: how many recommendations (and how many
/// the statement covers, with what it is filtered to), the council's responses, the
/// actions by status as at the day and how many are past their date, the suggestions,
/// and for how many recommendations the difference made is written.
fn summary(
    plan: &Plan,
    options: &ReportOptions,
    sections: &[StatementSection],
    as_at: NaiveDate,
) -> String {
    let made = plan.recommendations.len();
    let covers = sections.len();
    let mut out = format!(
        "The peer team made {}.",
        plural(made, "recommendation", "recommendations")
    );
    if covers < made {
        let mut scope: Vec<String> = options
            .filter
            .themes
            .iter()
            .map(|t| match plan.theme(t) {
                Some(theme) => format!("the theme {}", theme.title),
                None => format!("the theme {t}"),
            })
            .collect();
        scope.extend(options.filter.groups.iter().map(|g| match plan.group(g) {
            Some(group) => format!("the group {}", group.name),
            None if g == "none" => "no group".to_string(),
            None => format!("the group {g}"),
        }));
        scope.extend(
            options
                .filter
                .leads
                .iter()
                .map(|l| format!("actions led by {l}")),
        );
        out.push_str(&format!(
            " This statement covers {covers} of them ({}).",
            scope.join("; ")
        ));
    }
    if covers > 0 {
        let recs: Vec<&Recommendation> = options.recommendations(plan).collect();
        let count = |r: Response| recs.iter().filter(|x| x.response == r).count();
        let (accepted, partly, not) = (
            count(Response::Accepted),
            count(Response::PartlyAccepted),
            count(Response::NotAccepted),
        );
        if accepted == covers {
            out.push_str(&match covers {
                1 => " The council accepted it.".to_string(),
                2 => " The council accepted both.".to_string(),
                n => format!(" The council accepted all {n}."),
            });
        } else {
            let parts: Vec<String> = [
                (accepted, "accepted"),
                (partly, "partly accepted"),
                (not, "did not accept"),
            ]
            .into_iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, what)| format!("{what} {n}"))
            .collect();
            out.push_str(&format!(" The council {}.", and_list(parts)));
        }
    }
    let board = dashboard(&covered(plan, options), as_at);
    let c: &StatusCounts = &board.counts;
    let total = c.total();
    if total == 0 {
        out.push_str(&format!(
            " As at {}, no action is agreed under them.",
            format_long(as_at)
        ));
    } else {
        let under_way = c.in_hand();
        let cancelled = c.get(Status::Cancelled);
        let parts: Vec<String> = [
            (c.get(Status::Completed), "completed", true),
            (c.get(Status::Ongoing), "ongoing", true),
            (under_way, "under way", under_way > 0),
            (c.get(Status::NotStarted), "not started", true),
            (cancelled, "cancelled", cancelled > 0),
        ]
        .into_iter()
        .filter(|(_, _, shown)| *shown)
        .map(|(n, what, _)| format!("{n} {} {what}", are(n)))
        .collect();
        let overdue = board.overdue.len();
        out.push_str(&format!(
            " Of the {} agreed, as at {}, {}; {overdue} {} past their date.",
            plural(total, "action", "actions"),
            format_long(as_at),
            and_list(parts),
            are(overdue)
        ));
    }
    let suggestions: Vec<&StatementSuggestion> =
        sections.iter().flat_map(|s| &s.suggestions).collect();
    if !suggestions.is_empty() {
        let noted = suggestions.iter().filter(|s| s.noted).count();
        out.push_str(&format!(
            " Later reviews made {} under them; the council noted {noted} without actions.",
            plural(suggestions.len(), "suggestion", "suggestions")
        ));
    }
    if covers > 0 {
        let written = sections.iter().filter(|s| s.impact.is_some()).count();
        out.push_str(&match (covers, written) {
            (1, 1) => format!(" “{}” is answered.", words::IMPACT),
            (1, _) => format!(" “{}” is not yet answered.", words::IMPACT),
            _ => format!(
                " “{}” is answered for {written} of the {covers} recommendations.",
                words::IMPACT
            ),
        });
    }
    out
}

/// One recommendation's part. `whole` is the plan as it is (for the actions' numbers),
/// `plan` as it stood on `as_at`.
fn section(
    whole: &Plan,
    plan: &Plan,
    rec: &Recommendation,
    index: usize,
    options: &ReportOptions,
    as_at: NaiveDate,
) -> StatementSection {
    let number = |a: &Action| {
        whole
            .action_number(&a.id)
            .unwrap_or_else(|| rec.number.clone())
    };
    let led: Vec<&Action> = rec
        .actions
        .iter()
        .map(AsRef::as_ref)
        .filter(|a| options.led(a))
        .collect();
    let statement_action = |a: &Action| {
        let action = report_action(a, as_at);
        let detail = action_detail(&action);
        StatementAction {
            number: number(a),
            action,
            detail,
        }
    };
    let done: Vec<StatementAction> = led
        .iter()
        .filter(|a| {
            matches!(status_at(a, as_at), Status::Completed | Status::Ongoing)
                && options.lists(a, as_at)
        })
        .map(|a| statement_action(a))
        .collect();
    let remains: Vec<StatementAction> = led
        .iter()
        .filter(|a| !status_at(a, as_at).is_closed())
        .map(|a| statement_action(a))
        .collect();
    let mut evidence: Vec<Link> = Vec::new();
    for link in led.iter().flat_map(|a| &a.links) {
        let url = link.url.trim();
        let web = url.starts_with("https://") || url.starts_with("http://");
        if web && !evidence.iter().any(|l| l.url == url) {
            let title = link.title.trim();
            evidence.push(Link {
                title: if title.is_empty() { url } else { title }.to_string(),
                url: url.to_string(),
            });
        }
    }
    let progress = match rec
        .narrative_at(as_at)
        .map(|n| narrative_rows(n, plan.rating_scale.as_ref()))
        .filter(|rows| !rows.is_empty())
    {
        Some(rows) => ProgressToDate::Narrative(rows),
        None => {
            let mut latest: Vec<(NaiveDate, String)> = led
                .iter()
                .filter(|a| !done.iter().any(|d| d.action.id == a.id))
                .filter_map(|a| {
                    let r = report_action(a, as_at);
                    r.latest
                        .map(|(day, note)| (day, format!("{}, {}", number(a), dated(day, &note))))
                })
                .collect();
            // Newest first; the plan's order among updates of the same day.
            latest.sort_by_key(|(day, _)| std::cmp::Reverse(*day));
            if latest.is_empty() {
                ProgressToDate::Nothing
            } else {
                ProgressToDate::Updates(latest.into_iter().map(|(_, line)| line).collect())
            }
        }
    };
    // A statement that leaves out the suggestions' actions (`suggestions=no`) leaves out
    // the suggestions too.
    let suggestions = rec
        .suggestions
        .iter()
        .filter(|_| options.include_suggestions)
        .filter_map(|s| {
            let review = s
                .review
                .as_deref()
                .and_then(|id| plan.later_reviews.iter().find(|r| r.id == id));
            if review
                .and_then(|r| review_day(&r.review))
                .is_some_and(|day| day > as_at)
            {
                return None;
            }
            Some(StatementSuggestion {
                id: s.id.clone(),
                number: s.number.clone(),
                text: s.text.clone(),
                noted: s.noted,
                review: review.map(|r| match review_day(&r.review) {
                    Some(day) => format!("{}, {}", r.review.kind.label(), format_long(day)),
                    None => r.review.kind.label().to_string(),
                }),
                actions: led
                    .iter()
                    .filter(|a| a.suggestion.as_deref() == Some(s.id.as_str()))
                    .map(|a| statement_action(a))
                    .collect(),
            })
        })
        .collect();
    StatementSection {
        id: rec.id.clone(),
        index,
        number: rec.number.clone(),
        title: rec.title.clone(),
        context: rec.context.clone(),
        response: match rec.response {
            Response::Accepted => rec.response.label().to_string(),
            other if rec.response_reason.trim().is_empty() => other.label().to_string(),
            other => format!("{}: {}", other.label(), rec.response_reason.trim()),
        },
        done,
        evidence,
        progress,
        impact: Some(rec.impact.trim().to_string()).filter(|i| !i.is_empty()),
        remains,
        suggestions,
    }
}

/// "4 September 2019: the note", or the date alone when the note is empty.
fn dated(day: NaiveDate, note: &str) -> String {
    if note.trim().is_empty() {
        format_long(day)
    } else {
        format!("{}: {}", format_long(day), note.trim())
    }
}

/// An action's line: a done one's status and latest update ("Completed. Latest update,
/// 4 September 2019: its note"); an open one's status and due date, with how it moved and
/// how late it is ("Not started. Due 31 March 2020. Originally …. Overdue by 3 days.").
fn action_detail(a: &ReportAction) -> String {
    match a.status {
        Status::Completed | Status::Ongoing => match &a.latest {
            Some((day, note)) => {
                format!("{}. Latest update, {}", a.status.label(), dated(*day, note))
            }
            None => format!("{}. No update yet.", a.status.label()),
        },
        Status::Cancelled => format!("{}.", a.status.label()),
        _ => {
            let due = match a.due {
                Some(day) => format!("Due {}", format_long(day)),
                None => "No due date".to_string(),
            };
            let mut line = format!("{}. {due}.", a.status.label());
            if let Some(slipped) = &a.slipped {
                line.push_str(&format!(" {slipped}."));
            }
            if let Some(late) = a.overdue_words() {
                line.push_str(&format!(" {late}."));
            }
            line
        }
    }
}
