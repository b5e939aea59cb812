//! The residents' site as plain files: each view a resident can reach has a page of its
//! own (`recommendation-r3.html`), whose HTML already holds the content. The pages sit
//! flat beside `index.html`, so relative links and assets work under any sub-path.
//! Links between them are these file names; anything else the app shows (a filtered
//! view, a date) stays an `index.html#/…` address, which needs JavaScript.

use crate::domain::Plan;
use crate::presentation::route::{Address, ReportKind, Route};

/// The file a route's page is written to; `None` for a view that has no page of its own.
pub fn file_of(route: &Route) -> Option<String> {
    Some(match route {
        Route::Plans | Route::Overview { .. } => "index.html".to_string(),
        Route::Recommendations { .. } => "recommendations.html".to_string(),
        Route::Recommendation { recommendation, .. } => {
            format!("recommendation-{}.html", file_safe(recommendation))
        }
        Route::Action { action, .. } => format!("action-{}.html", file_safe(action)),
        Route::Dashboard { .. } => "progress.html".to_string(),
        Route::Report { kind, .. } => format!("report-{}.html", kind.slug()),
        Route::About => "about.html".to_string(),
        Route::Accessibility => "accessibility.html".to_string(),
        Route::HelpPlanFile => "plan-file.html".to_string(),
        _ => return None,
    })
}

/// An id as part of a file name: letters, digits and `-` stay; every other byte is `_`
/// and its two hex digits, so two ids never share a file.
pub fn file_safe(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || byte == b'-' {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("_{byte:02X}"));
        }
    }
    out
}

/// Every page the site is written as, home page first: the overview, the recommendations,
/// each recommendation and action, the progress view, the reports, about, the
/// accessibility statement and what a plan file is.
pub fn routes(plan: &Plan) -> Vec<Route> {
    let id = || plan.id.clone();
    let mut all = vec![Route::Plans, Route::Recommendations { plan: id() }];
    for recommendation in &plan.recommendations {
        all.push(Route::Recommendation {
            plan: id(),
            recommendation: recommendation.id.clone(),
        });
    }
    for (_, action) in plan.actions() {
        all.push(Route::Action {
            plan: id(),
            action: action.id.clone(),
        });
    }
    all.push(Route::Dashboard { plan: id() });
    for kind in ReportKind::ALL {
        all.push(Route::Report { plan: id(), kind });
    }
    all.extend([Route::About, Route::Accessibility, Route::HelpPlanFile]);
    all
}

/// Where a link in a written page goes: a page of its own when the address is one (with
/// no query), else the app at `index.html` with the same `#/` address. Links that are not
/// the app's addresses (`#main-content`, `plan.json`, another site) are kept.
pub fn static_href(href: &str) -> String {
    if !href.starts_with("#/") {
        return href.to_string();
    }
    let address = Address::parse(href);
    if address.query.is_empty() {
        if let Some(file) = file_of(&address.route) {
            return file;
        }
    }
    format!("index.html{href}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan_route(kind: &str) -> Route {
        Address::parse(&format!("#/plan/p{kind}")).route
    }

    #[test]
    fn every_page_has_its_own_flat_file() {
        assert_eq!(file_of(&Route::Plans).as_deref(), Some("index.html"));
        assert_eq!(
            file_of(&plan_route("/recommendations/r3")).as_deref(),
            Some("recommendation-r3.html")
        );
        assert_eq!(
            file_of(&plan_route("/actions/r1-a7")).as_deref(),
            Some("action-r1-a7.html")
        );
        assert_eq!(
            file_of(&plan_route("/dashboard")).as_deref(),
            Some("progress.html")
        );
        assert_eq!(
            file_of(&plan_route("/reports/progress")).as_deref(),
            Some("report-progress.html")
        );
        assert_eq!(file_of(&plan_route("/edit")), None);
        assert_eq!(file_of(&Route::Import), None);
    }

    #[test]
    fn ids_become_distinct_safe_file_names() {
        assert_eq!(file_safe("r1-a7"), "r1-a7");
        assert_eq!(file_safe("a b/c"), "a_20b_2Fc");
        assert_ne!(file_safe("a_20"), file_safe("a 0"));
        assert_eq!(file_safe("é"), "_C3_A9");
    }

    #[test]
    fn links_become_pages_or_the_app() {
        assert_eq!(
            static_href("#/plan/p/recommendations/r3"),
            "recommendation-r3.html"
        );
        assert_eq!(static_href("#/"), "index.html");
        assert_eq!(
            static_href("#/plan/p/dashboard?status=at_risk"),
            "index.html#/plan/p/dashboard?status=at_risk"
        );
        assert_eq!(static_href("#/plan/p/edit"), "index.html#/plan/p/edit");
        assert_eq!(static_href("#main-content"), "#main-content");
        assert_eq!(static_href("plan.json"), "plan.json");
        assert_eq!(
            static_href("https://www.havering.gov.uk/"),
            "https://www.havering.gov.uk/"
        );
    }
}
