//! Every address reads as its view and back.

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
        ("#/new/table", Route::NewFromTable),
        (
            "#/plan/p/add-table",
            Route::AddFromTable { plan: plan("p") },
        ),
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
        (
            "#/plan/p/reports/position-statement",
            Route::Report {
                plan: plan("p"),
                kind: ReportKind::PositionStatement,
            },
        ),
        ("#/plan/p/reports/minutes", Route::NotFound),
        ("#/plan/p/edit", Route::EditPlan { plan: plan("p") }),
        ("#/plan/p/themes", Route::EditThemes { plan: plan("p") }),
        (
            "#/plan/p/milestones",
            Route::EditMilestones { plan: plan("p") },
        ),
        (
            "#/plan/p/edit/reporting",
            Route::EditReporting { plan: plan("p") },
        ),
        ("#/plan/p/edit/other", Route::NotFound),
        ("#/plan/p/delete", Route::DeletePlan { plan: plan("p") }),
        ("#/plan/p/publish", Route::Publish { plan: plan("p") }),
        ("#/plan/p/copies", Route::CopiesSent { plan: plan("p") }),
        ("#/plan/p/issued", Route::ReportsIssued { plan: plan("p") }),
        ("#/plan/p/reviews", Route::EditReviews { plan: plan("p") }),
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
        Route::Report {
            plan: p(),
            kind: ReportKind::PositionStatement,
        },
        Route::EditPlan { plan: p() },
        Route::EditThemes { plan: p() },
        Route::EditMilestones { plan: p() },
        Route::EditReporting { plan: p() },
        Route::DeletePlan { plan: p() },
        Route::Publish { plan: p() },
        Route::CopiesSent { plan: p() },
        Route::ReportsIssued { plan: p() },
        Route::EditReviews { plan: p() },
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

#[test]
fn links_between_the_progress_view_and_the_reports_keep_the_date_and_filters() {
    use super::carried_href;
    let plan = "p".to_string();
    let from = Address::parse(
        "#/plan/p/dashboard?as_at=2019-09-04&status=at_risk&lead=AD%20Policy&q=words",
    );
    let report = Route::Report {
        plan: plan.clone(),
        kind: ReportKind::Progress,
    };
    assert_eq!(
        carried_href(&from, &report),
        "#/plan/p/reports/progress?as_at=2019-09-04&lead=AD%20Policy"
    );
    let back =
        Address::parse("#/plan/p/reports/exceptions?as_at=2019-09-04&committee=Cabinet&theme=t1");
    assert_eq!(
        carried_href(&back, &Route::Dashboard { plan: plan.clone() }),
        "#/plan/p/dashboard?as_at=2019-09-04&theme=t1"
    );
    // Anywhere else, and for another plan, a link is plain.
    assert_eq!(
        carried_href(&from, &Route::Overview { plan: plan.clone() }),
        "#/plan/p"
    );
    assert_eq!(
        carried_href(
            &from,
            &Route::Report {
                plan: "q".into(),
                kind: ReportKind::Progress
            }
        ),
        "#/plan/q/reports/progress"
    );
}
