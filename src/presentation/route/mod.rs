//! Addresses after the `#`, as `docs/routes.md` lists them, to and from [`Route`].
//! Plain functions, so every address is tested natively.

use chrono::NaiveDate;
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::domain::dates::date_from_address;
use crate::domain::IssuedKind;

/// The reports: the committee reports, and the position statement before a progress review.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportKind {
    /// The action plan as councils publish it: the annex table.
    ActionPlan,
    /// Progress as at a date, for a named committee and meeting.
    Progress,
    /// Only what needs a committee's attention.
    Exceptions,
    /// The council's self-assessment against each recommendation, before a progress review.
    PositionStatement,
}

impl ReportKind {
    /// The kind a report recorded as issued has.
    pub fn issued(self) -> IssuedKind {
        match self {
            ReportKind::ActionPlan => IssuedKind::ActionPlan,
            ReportKind::Progress => IssuedKind::Progress,
            ReportKind::Exceptions => IssuedKind::Exceptions,
            ReportKind::PositionStatement => IssuedKind::PositionStatement,
        }
    }

    /// The report a report recorded as issued reopens as.
    pub fn of_issued(kind: IssuedKind) -> ReportKind {
        match kind {
            IssuedKind::ActionPlan => ReportKind::ActionPlan,
            IssuedKind::Progress => ReportKind::Progress,
            IssuedKind::Exceptions => ReportKind::Exceptions,
            IssuedKind::PositionStatement => ReportKind::PositionStatement,
        }
    }

    pub const ALL: [ReportKind; 4] = [
        ReportKind::ActionPlan,
        ReportKind::Progress,
        ReportKind::Exceptions,
        ReportKind::PositionStatement,
    ];

    /// The last part of the report's address.
    pub fn slug(self) -> &'static str {
        match self {
            ReportKind::ActionPlan => "action-plan",
            ReportKind::Progress => "progress",
            ReportKind::Exceptions => "exceptions",
            ReportKind::PositionStatement => "position-statement",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            ReportKind::ActionPlan => "Action plan",
            ReportKind::Progress => "Progress report",
            ReportKind::Exceptions => "Exceptions report",
            ReportKind::PositionStatement => crate::domain::position_statement::words::TITLE,
        }
    }

    fn parse(slug: &str) -> Option<ReportKind> {
        ReportKind::ALL.into_iter().find(|k| k.slug() == slug)
    }
}

/// A view of the app.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Route {
    /// The plans held in this browser.
    #[default]
    Plans,
    Overview {
        plan: String,
    },
    Recommendations {
        plan: String,
    },
    Recommendation {
        plan: String,
        recommendation: String,
    },
    Action {
        plan: String,
        action: String,
    },
    /// Where the plan stands, as at a date and for a filter (in the query).
    Dashboard {
        plan: String,
    },
    /// A committee report; its options are in the query.
    Report {
        plan: String,
        kind: ReportKind,
    },
    /// Start a new plan.
    NewPlan,
    /// Start a plan from a table: pasted, or from a Word or CSV file.
    NewFromTable,
    /// Add recommendations to a plan from a table.
    AddFromTable {
        plan: String,
    },
    /// Import a plan file: choose it, then see what it holds and what to do with it.
    Import,
    /// Merge the file being imported into the plan of the same id.
    ImportMerge,
    /// What a plan file is, for a person who receives one.
    HelpPlanFile,
    /// What a corporate peer challenge is, for residents.
    About,
    /// The accessibility statement.
    Accessibility,
    /// Change the plan's details, review and peer team.
    EditPlan {
        plan: String,
    },
    /// Change the plan's themes and groups.
    EditThemes {
        plan: String,
    },
    /// Change the plan's milestones.
    EditMilestones {
        plan: String,
    },
    /// Change how the plan is reported: contacts, key areas of progress, documents, the
    /// rating scale, reporting schedules, and closing the plan.
    EditReporting {
        plan: String,
    },
    /// Publish the plan for residents: the site's settings, a preview and the zip.
    Publish {
        plan: String,
    },
    /// Confirm deleting a plan.
    DeletePlan {
        plan: String,
    },
    /// The copies of the plan sent out, and which came back.
    CopiesSent {
        plan: String,
    },
    /// The reports recorded as issued: reopen each as it stood, or compare now with it.
    ReportsIssued {
        plan: String,
    },
    /// The challenge's feedback, and the progress reviews and visits after it.
    EditReviews {
        plan: String,
    },
    /// The plan's leads, each with their actions, and a copy of the plan for each.
    Leads {
        plan: String,
    },
    /// One lead's worklist: their actions, each with a quick update.
    LeadActions {
        plan: String,
        lead: String,
    },
    EditRecommendation {
        plan: String,
        recommendation: String,
    },
    EditAction {
        plan: String,
        action: String,
    },
    /// An address the app does not have.
    NotFound,
}

/// A route with the query that goes with it (`as_at`, filters).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Address {
    pub route: Route,
    pub query: Query,
}

/// The `key=value` pairs after `?`, decoded, in order; keys may repeat.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pairs: Vec<(String, String)>,
}

impl Query {
    pub fn parse(text: &str) -> Query {
        let pairs = text
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|pair| {
                let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                (decode(key), decode(value))
            })
            .collect();
        Query { pairs }
    }

    /// A query from pairs, kept in the order given.
    pub fn from_pairs(pairs: Vec<(String, String)>) -> Query {
        Query { pairs }
    }

    /// Every pair, in order.
    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    pub fn get_all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.pairs
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The `as_at` date, when the address gives one that can be used.
    pub fn as_at(&self) -> Option<NaiveDate> {
        self.get("as_at").and_then(|t| date_from_address(t).ok())
    }

    /// Why the address's `as_at` cannot be used, when it has one that cannot.
    pub fn as_at_refused(&self) -> Option<String> {
        self.get("as_at")
            .and_then(|t| date_from_address(t).err())
            .map(|why| format!("The “as at” date: {why}."))
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// The query as an address writes it, without its `?`.
    pub fn to_text(&self) -> String {
        self.pairs
            .iter()
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

impl Address {
    /// Reads `location.hash` (with or without its leading `#`).
    pub fn parse(hash: &str) -> Address {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
        let segments: Vec<String> = path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(decode)
            .collect();
        let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
        let route = match segments.as_slice() {
            [] => Route::Plans,
            ["new"] => Route::NewPlan,
            ["new", "table"] => Route::NewFromTable,
            ["import"] => Route::Import,
            ["import", "merge"] => Route::ImportMerge,
            ["help", "plan-file"] => Route::HelpPlanFile,
            ["about"] => Route::About,
            ["accessibility"] => Route::Accessibility,
            ["plan", plan] => Route::Overview {
                plan: plan.to_string(),
            },
            ["plan", plan, "reports", slug] => match ReportKind::parse(slug) {
                Some(kind) => Route::Report {
                    plan: plan.to_string(),
                    kind,
                },
                None => Route::NotFound,
            },
            ["plan", plan, "dashboard"] => Route::Dashboard {
                plan: plan.to_string(),
            },
            ["plan", plan, "edit"] => Route::EditPlan {
                plan: plan.to_string(),
            },
            ["plan", plan, "add-table"] => Route::AddFromTable {
                plan: plan.to_string(),
            },
            ["plan", plan, "themes"] => Route::EditThemes {
                plan: plan.to_string(),
            },
            ["plan", plan, "milestones"] => Route::EditMilestones {
                plan: plan.to_string(),
            },
            ["plan", plan, "edit", "reporting"] => Route::EditReporting {
                plan: plan.to_string(),
            },
            ["plan", plan, "copies"] => Route::CopiesSent {
                plan: plan.to_string(),
            },
            ["plan", plan, "issued"] => Route::ReportsIssued {
                plan: plan.to_string(),
            },
            ["plan", plan, "reviews"] => Route::EditReviews {
                plan: plan.to_string(),
            },
            ["plan", plan, "publish"] => Route::Publish {
                plan: plan.to_string(),
            },
            ["plan", plan, "delete"] => Route::DeletePlan {
                plan: plan.to_string(),
            },
            ["plan", plan, "leads"] => Route::Leads {
                plan: plan.to_string(),
            },
            ["plan", plan, "leads", lead] if !lead.trim().is_empty() => Route::LeadActions {
                plan: plan.to_string(),
                lead: lead.to_string(),
            },
            ["plan", plan, "recommendations", rec, "edit"] => Route::EditRecommendation {
                plan: plan.to_string(),
                recommendation: rec.to_string(),
            },
            ["plan", plan, "actions", action, "edit"] => Route::EditAction {
                plan: plan.to_string(),
                action: action.to_string(),
            },
            ["plan", plan, "recommendations"] => Route::Recommendations {
                plan: plan.to_string(),
            },
            ["plan", plan, "recommendations", rec] => Route::Recommendation {
                plan: plan.to_string(),
                recommendation: rec.to_string(),
            },
            ["plan", plan, "actions", action] => Route::Action {
                plan: plan.to_string(),
                action: action.to_string(),
            },
            _ => Route::NotFound,
        };
        Address {
            route,
            query: Query::parse(query),
        }
    }

    /// The address as an `href`, starting with `#`.
    pub fn href(&self) -> String {
        let path = self.route.path();
        if self.query.is_empty() {
            format!("#{path}")
        } else {
            format!("#{path}?{}", self.query.to_text())
        }
    }
}

impl Route {
    /// The path after `#`, with each id percent-encoded.
    pub fn path(&self) -> String {
        match self {
            Route::Plans | Route::NotFound => "/".to_string(),
            Route::NewPlan => "/new".to_string(),
            Route::NewFromTable => "/new/table".to_string(),
            Route::AddFromTable { plan } => format!("/plan/{}/add-table", encode(plan)),
            Route::Import => "/import".to_string(),
            Route::ImportMerge => "/import/merge".to_string(),
            Route::HelpPlanFile => "/help/plan-file".to_string(),
            Route::About => "/about".to_string(),
            Route::Accessibility => "/accessibility".to_string(),
            Route::Dashboard { plan } => format!("/plan/{}/dashboard", encode(plan)),
            Route::Report { plan, kind } => {
                format!("/plan/{}/reports/{}", encode(plan), kind.slug())
            }
            Route::EditPlan { plan } => format!("/plan/{}/edit", encode(plan)),
            Route::EditThemes { plan } => format!("/plan/{}/themes", encode(plan)),
            Route::EditMilestones { plan } => format!("/plan/{}/milestones", encode(plan)),
            Route::EditReporting { plan } => format!("/plan/{}/edit/reporting", encode(plan)),
            Route::DeletePlan { plan } => format!("/plan/{}/delete", encode(plan)),
            Route::Publish { plan } => format!("/plan/{}/publish", encode(plan)),
            Route::CopiesSent { plan } => format!("/plan/{}/copies", encode(plan)),
            Route::Leads { plan } => format!("/plan/{}/leads", encode(plan)),
            Route::ReportsIssued { plan } => format!("/plan/{}/issued", encode(plan)),
            Route::EditReviews { plan } => format!("/plan/{}/reviews", encode(plan)),
            Route::LeadActions { plan, lead } => {
                format!("/plan/{}/leads/{}", encode(plan), encode(lead))
            }
            Route::EditRecommendation {
                plan,
                recommendation,
            } => format!(
                "/plan/{}/recommendations/{}/edit",
                encode(plan),
                encode(recommendation)
            ),
            Route::EditAction { plan, action } => {
                format!("/plan/{}/actions/{}/edit", encode(plan), encode(action))
            }
            Route::Overview { plan } => format!("/plan/{}", encode(plan)),
            Route::Recommendations { plan } => format!("/plan/{}/recommendations", encode(plan)),
            Route::Recommendation {
                plan,
                recommendation,
            } => format!(
                "/plan/{}/recommendations/{}",
                encode(plan),
                encode(recommendation)
            ),
            Route::Action { plan, action } => {
                format!("/plan/{}/actions/{}", encode(plan), encode(action))
            }
        }
    }

    /// The route as an `href` with no query.
    pub fn href(&self) -> String {
        format!("#{}", self.path())
    }

    /// The plan this route is about, if any.
    pub fn plan_id(&self) -> Option<&str> {
        match self {
            Route::Overview { plan }
            | Route::Recommendations { plan }
            | Route::Recommendation { plan, .. }
            | Route::Action { plan, .. }
            | Route::Dashboard { plan }
            | Route::Report { plan, .. }
            | Route::EditPlan { plan }
            | Route::EditThemes { plan }
            | Route::AddFromTable { plan }
            | Route::EditMilestones { plan }
            | Route::EditReporting { plan }
            | Route::DeletePlan { plan }
            | Route::Publish { plan }
            | Route::CopiesSent { plan }
            | Route::ReportsIssued { plan }
            | Route::EditReviews { plan }
            | Route::Leads { plan }
            | Route::LeadActions { plan, .. }
            | Route::EditRecommendation { plan, .. }
            | Route::EditAction { plan, .. } => Some(plan),
            Route::Plans
            | Route::NewPlan
            | Route::NewFromTable
            | Route::Import
            | Route::ImportMerge
            | Route::HelpPlanFile
            | Route::About
            | Route::Accessibility
            | Route::NotFound => None,
        }
    }
}

/// Everything but letters, digits and `-._~` is escaped, so ids survive any host.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

fn encode(text: &str) -> String {
    utf8_percent_encode(text, SEGMENT).to_string()
}

/// `+` means a space in a query, as browsers write forms.
fn decode(text: &str) -> String {
    let spaced = text.replace('+', " ");
    percent_decode_str(&spaced).decode_utf8_lossy().into_owned()
}

/// The address a link to `to` has from the page at `from`: going between the progress
/// view and the reports keeps the as-at date and the filters both take (theme, group and
/// lead), so a view of one lead as at a meeting stays that view; any other link is plain.
pub fn carried_href(from: &Address, to: &Route) -> String {
    let between = matches!(
        (&from.route, to),
        (Route::Dashboard { .. }, Route::Report { .. })
            | (Route::Report { .. }, Route::Dashboard { .. })
            | (Route::Report { .. }, Route::Report { .. })
    );
    if !between || from.route.plan_id() != to.plan_id() {
        return to.href();
    }
    let kept: Vec<(String, String)> = from
        .query
        .pairs()
        .filter(|(k, _)| matches!(*k, "as_at" | "theme" | "group" | "lead"))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    Address {
        route: to.clone(),
        query: Query::from_pairs(kept),
    }
    .href()
}

/// The address of one page of the recommendations; page 1 is the page's plain address.
pub fn recommendations_page_href(plan_id: &str, page: usize) -> String {
    let route = Route::Recommendations {
        plan: plan_id.to_string(),
    };
    if page <= 1 {
        return route.href();
    }
    Address {
        route,
        query: Query::from_pairs(vec![("page".to_string(), page.to_string())]),
    }
    .href()
}

#[cfg(test)]
mod tests;
