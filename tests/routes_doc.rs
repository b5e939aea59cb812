//! `docs/routes.md` is the project's list of addresses: every one in it opens its view,
//! and every view the app has is in it.

use cpc_action_plan::presentation::route::{Address, Route};

/// The addresses in the document's tables, with sample ids for the placeholders.
fn documented() -> Vec<String> {
    let text = std::fs::read_to_string("docs/routes.md").expect("docs/routes.md");
    text.lines()
        .filter(|l| l.starts_with("| `#"))
        .filter_map(|l| l.split('`').nth(1))
        .map(|a| {
            a.replace("<plan-id>", "p1")
                .replace("<recommendation-id>", "r1")
                .replace("<action-id>", "a1")
                .replace("<lead>", "AD%20Communications")
        })
        .collect()
}

#[test]
fn every_documented_address_opens_its_view_and_is_written_back_the_same() {
    let addresses = documented();
    assert!(
        addresses.len() >= 20,
        "only {} addresses read",
        addresses.len()
    );
    for address in &addresses {
        let route = Address::parse(address).route;
        assert_ne!(
            route,
            Route::NotFound,
            "{address} is documented but not a view"
        );
        let written = route.href();
        // `#/` is the plans list, written `#/`.
        assert_eq!(&written, address, "{address} is written back as {written}");
    }
}

#[test]
fn every_view_is_documented() {
    let addresses = documented();
    let routes: Vec<Route> = addresses.iter().map(|a| Address::parse(a).route).collect();
    let kinds = |r: &Route| std::mem::discriminant(r);
    let every = [
        Route::Plans,
        Route::NewPlan,
        Route::NewFromTable,
        Route::AddFromTable { plan: "p".into() },
        Route::Import,
        Route::ImportMerge,
        Route::HelpPlanFile,
        Route::About,
        Route::Accessibility,
        Route::Overview { plan: "p".into() },
        Route::Recommendations { plan: "p".into() },
        Route::Recommendation {
            plan: "p".into(),
            recommendation: "r".into(),
        },
        Route::Action {
            plan: "p".into(),
            action: "a".into(),
        },
        Route::Dashboard { plan: "p".into() },
        Route::Report {
            plan: "p".into(),
            kind: cpc_action_plan::presentation::route::ReportKind::Progress,
        },
        Route::EditPlan { plan: "p".into() },
        Route::EditThemes { plan: "p".into() },
        Route::EditMilestones { plan: "p".into() },
        Route::EditReporting { plan: "p".into() },
        Route::DeletePlan { plan: "p".into() },
        Route::Publish { plan: "p".into() },
        Route::CopiesSent { plan: "p".into() },
        Route::ReportsIssued { plan: "p".into() },
        Route::EditReviews { plan: "p".into() },
        Route::EditRecommendation {
            plan: "p".into(),
            recommendation: "r".into(),
        },
        Route::EditAction {
            plan: "p".into(),
            action: "a".into(),
        },
        Route::Leads { plan: "p".into() },
        Route::LeadActions {
            plan: "p".into(),
            lead: "AD Communications".into(),
        },
    ];
    for route in every {
        // No wildcard: a new kind of view does not compile here until it is listed.
        match &route {
            Route::Plans
            | Route::NewPlan
            | Route::NewFromTable
            | Route::AddFromTable { .. }
            | Route::Import
            | Route::ImportMerge
            | Route::HelpPlanFile
            | Route::About
            | Route::Accessibility
            | Route::Overview { .. }
            | Route::Recommendations { .. }
            | Route::Recommendation { .. }
            | Route::Action { .. }
            | Route::Dashboard { .. }
            | Route::Report { .. }
            | Route::EditPlan { .. }
            | Route::EditThemes { .. }
            | Route::EditMilestones { .. }
            | Route::EditReporting { .. }
            | Route::DeletePlan { .. }
            | Route::Publish { .. }
            | Route::CopiesSent { .. }
            | Route::ReportsIssued { .. }
            | Route::EditReviews { .. }
            | Route::Leads { .. }
            | Route::LeadActions { .. }
            | Route::EditRecommendation { .. }
            | Route::EditAction { .. }
            | Route::NotFound => {}
        }
        assert!(
            routes.iter().any(|r| kinds(r) == kinds(&route)),
            "{} is not in docs/routes.md",
            route.href()
        );
    }
}

#[test]
fn every_report_is_documented() {
    use cpc_action_plan::presentation::route::ReportKind;
    let routes: Vec<Route> = documented()
        .iter()
        .map(|a| Address::parse(a).route)
        .collect();
    for kind in ReportKind::ALL {
        let route = Route::Report {
            plan: "p1".into(),
            kind,
        };
        assert!(
            routes.contains(&route),
            "{} is not in docs/routes.md",
            route.href()
        );
    }
}
