//! Addresses after the `#`, as `shared/docs/routes.md` lists them, to and from [`Route`].
//! Plain functions, so every address is tested natively.

use chrono::NaiveDate;
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::domain::dates::parse_iso;

/// The committee reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportKind {
    /// The action plan as councils publish it: the annex table.
    ActionPlan,
    /// Progress as at a date, for a named committee and meeting.
    Progress,
    /// Only what needs a committee's attention.
    Exceptions,
}

impl ReportKind {
    pub const ALL: [ReportKind; 3] = [
        ReportKind::ActionPlan,
        ReportKind::Progress,
        ReportKind::Exceptions,
    ];

    /// The last part of the report's address.
    pub fn slug(self) -> &'static str {
        match self {
            ReportKind::ActionPlan => "action-plan",
            ReportKind::Progress => "progress",
            ReportKind::Exceptions => "exceptions",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            ReportKind::ActionPlan => "Action plan",
            ReportKind::Progress => "Progress report",
            ReportKind::Exceptions => "Exceptions report",
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
    /// Confirm deleting a plan.
    DeletePlan {
        plan: String,
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

    /// The `as_at` date, when the address gives a valid one.
    pub fn as_at(&self) -> Option<NaiveDate> {
        self.get("as_at").and_then(parse_iso)
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    fn to_text(&self) -> String {
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
            ["plan", plan, "themes"] => Route::EditThemes {
                plan: plan.to_string(),
            },
            ["plan", plan, "milestones"] => Route::EditMilestones {
                plan: plan.to_string(),
            },
            ["plan", plan, "delete"] => Route::DeletePlan {
                plan: plan.to_string(),
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
            Route::DeletePlan { plan } => format!("/plan/{}/delete", encode(plan)),
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
            | Route::EditMilestones { plan }
            | Route::DeletePlan { plan }
            | Route::EditRecommendation { plan, .. }
            | Route::EditAction { plan, .. } => Some(plan),
            Route::Plans
            | Route::NewPlan
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

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(id: &str) -> String {
        id.to_string()
    }

    #[test]
    fn every_address_in_routes_md_reads_as_its_view() {
        let cases = [
            ("", Route::Plans),
            ("#", Route::Plans),
            ("#/", Route::Plans),
            (
                "#/plan/havering-cpc-2019",
                Route::Overview {
                    plan: plan("havering-cpc-2019"),
                },
            ),
            (
                "#/plan/havering-cpc-2019/",
                Route::Overview {
                    plan: plan("havering-cpc-2019"),
                },
            ),
            (
                "#/plan/havering-cpc-2019/recommendations",
                Route::Recommendations {
                    plan: plan("havering-cpc-2019"),
                },
            ),
            (
                "#/plan/havering-cpc-2019/recommendations/r3",
                Route::Recommendation {
                    plan: plan("havering-cpc-2019"),
                    recommendation: "r3".into(),
                },
            ),
            (
                "#/plan/havering-cpc-2019/actions/r1-a2",
                Route::Action {
                    plan: plan("havering-cpc-2019"),
                    action: "r1-a2".into(),
                },
            ),
            ("#/new", Route::NewPlan),
            ("#/plan/p/dashboard", Route::Dashboard { plan: plan("p") }),
            (
                "#/plan/p/reports/action-plan",
                Route::Report {
                    plan: plan("p"),
                    kind: ReportKind::ActionPlan,
                },
            ),
            (
                "#/plan/p/reports/progress",
                Route::Report {
                    plan: plan("p"),
                    kind: ReportKind::Progress,
                },
            ),
            (
                "#/plan/p/reports/exceptions",
                Route::Report {
                    plan: plan("p"),
                    kind: ReportKind::Exceptions,
                },
            ),
            ("#/plan/p/reports/minutes", Route::NotFound),
            ("#/plan/p/edit", Route::EditPlan { plan: plan("p") }),
            ("#/plan/p/themes", Route::EditThemes { plan: plan("p") }),
            (
                "#/plan/p/milestones",
                Route::EditMilestones { plan: plan("p") },
            ),
            ("#/plan/p/delete", Route::DeletePlan { plan: plan("p") }),
            (
                "#/plan/p/recommendations/r3/edit",
                Route::EditRecommendation {
                    plan: plan("p"),
                    recommendation: "r3".into(),
                },
            ),
            (
                "#/plan/p/actions/a1/edit",
                Route::EditAction {
                    plan: plan("p"),
                    action: "a1".into(),
                },
            ),
            ("#/plan", Route::NotFound),
            ("#/nowhere", Route::NotFound),
            ("#/plan/x/recommendations/r1/extra", Route::NotFound),
        ];
        for (hash, want) in cases {
            assert_eq!(Address::parse(hash).route, want, "{hash}");
        }
    }

    #[test]
    fn query_is_decoded_and_kept_in_order() {
        let address = Address::parse(
            "#/plan/havering-cpc-2019?as_at=2019-09-04&committee=Overview%20and%20Scrutiny%20Board&lead=CLT&lead=AD+Policy",
        );
        assert_eq!(address.query.as_at(), NaiveDate::from_ymd_opt(2019, 9, 4));
        assert_eq!(
            address.query.get("committee"),
            Some("Overview and Scrutiny Board")
        );
        assert_eq!(
            address.query.get_all("lead").collect::<Vec<_>>(),
            ["CLT", "AD Policy"]
        );
        assert_eq!(address.query.get("q"), None);
        assert_eq!(Address::parse("#/?as_at=2019-13-01").query.as_at(), None);
    }

    #[test]
    fn ids_with_any_characters_go_out_and_come_back() {
        let route = Route::Action {
            plan: "plan/with spaces & ünïcode?".into(),
            action: "a#1".into(),
        };
        let href = route.href();
        assert!(
            !href[1..].contains('#') && !href.contains(' ') && !href.contains('?'),
            "{href}"
        );
        assert_eq!(Address::parse(&href).route, route);
    }

    #[test]
    fn every_route_goes_out_and_comes_back() {
        let p = || plan("havering cpc/2019");
        let routes = [
            Route::Plans,
            Route::NewPlan,
            Route::Import,
            Route::ImportMerge,
            Route::HelpPlanFile,
            Route::About,
            Route::Accessibility,
            Route::Overview { plan: p() },
            Route::Recommendations { plan: p() },
            Route::Recommendation {
                plan: p(),
                recommendation: "r 1".into(),
            },
            Route::Action {
                plan: p(),
                action: "a/1".into(),
            },
            Route::Dashboard { plan: p() },
            Route::Report {
                plan: p(),
                kind: ReportKind::ActionPlan,
            },
            Route::Report {
                plan: p(),
                kind: ReportKind::Progress,
            },
            Route::Report {
                plan: p(),
                kind: ReportKind::Exceptions,
            },
            Route::EditPlan { plan: p() },
            Route::EditThemes { plan: p() },
            Route::EditMilestones { plan: p() },
            Route::DeletePlan { plan: p() },
            Route::EditRecommendation {
                plan: p(),
                recommendation: "r1".into(),
            },
            Route::EditAction {
                plan: p(),
                action: "a1".into(),
            },
        ];
        for route in routes {
            assert_eq!(Address::parse(&route.href()).route, route);
        }
    }

    #[test]
    fn a_dashboard_link_with_a_filter_reads_back_the_same() {
        let address = Address {
            route: Route::Dashboard {
                plan: "havering-cpc-2019".into(),
            },
            query: Query::from_pairs(vec![
                ("as_at".into(), "2019-09-04".into()),
                ("lead".into(), "AD Policy, Performance & Communities".into()),
                ("q".into(), "peer review?".into()),
            ]),
        };
        let href = address.href();
        assert_eq!(
            href,
            "#/plan/havering-cpc-2019/dashboard?as_at=2019-09-04&lead=AD%20Policy%2C%20Performance%20%26%20Communities&q=peer%20review%3F"
        );
        assert_eq!(Address::parse(&href), address);
        assert_eq!(address.query.pairs().count(), 3);
    }

    #[test]
    fn href_writes_the_query_back() {
        let address = Address::parse("#/plan/p/recommendations?as_at=2019-09-04&q=staff%20survey");
        assert_eq!(
            address.href(),
            "#/plan/p/recommendations?as_at=2019-09-04&q=staff%20survey"
        );
        assert_eq!(Address::parse(&address.href()), address);
    }
}
