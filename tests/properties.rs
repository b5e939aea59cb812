//! Properties over generated plans: files round-trip, merges settle, and the importer
//! never panics whatever it is given.

use std::collections::HashSet;
use std::sync::Arc;

use chrono::NaiveDate;
use cpc_action_plan::domain::report_log::{ActionFigure, Figures};
use cpc_action_plan::domain::{
    Action, Cadence, Closure, ClosureOutcome, DueChange, Engagement, Group, IssuedKind,
    IssuedReport, LaterReview, Link, Milestone, Narrative, PeerTeamMember, Plan, PlanApproval, Rag,
    Rating, RatingScale, Recommendation, Response, Review, ReviewKind, Schedule, Status,
    Suggestion, Theme, ThemeKind, Update, VisitFormat,
};
use cpc_action_plan::format::merge::{compare, merge};
use cpc_action_plan::format::{export, import, import_bytes, packed, StoredPlan};
use cpc_action_plan::EXAMPLE_PLAN;
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    // Any printable text, quotes, markup and non-Latin letters included.
    prop_oneof!["\\PC{0,40}", "[<>&\"'=+@ a-z]{0,12}", Just(String::new())]
}

fn required_text() -> impl Strategy<Value = String> {
    text().prop_map(|t| format!("x{t}"))
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (2010i32..2035, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn status() -> impl Strategy<Value = Status> {
    prop::sample::select(Status::ALL.to_vec())
}

/// An action; `n` makes its ids unique within the plan.
fn action(n: usize) -> impl Strategy<Value = Action> {
    (
        required_text(),
        text(),
        prop::option::of(date()),
        prop::collection::vec(required_text(), 0..3),
        status(),
        prop::collection::vec((date(), status(), text(), text()), 0..3),
        prop::collection::vec((text(), "[a-z]{1,8}"), 0..2),
        prop::option::of(date()),
        prop::collection::vec((date(), date(), text(), text()), 0..3),
    )
        .prop_map(
            move |(text, timescale, due, leads, status, updates, links, added, moves)| Action {
                id: format!("a-{n}"),
                text,
                timescale,
                due,
                leads,
                status,
                updates: {
                    let mut updates: Vec<Update> = updates
                        .into_iter()
                        .enumerate()
                        .map(|(i, (date, status, note, author))| Update {
                            id: format!("u-{n}-{i}"),
                            date,
                            status,
                            note,
                            author,
                        })
                        .collect();
                    updates.sort_by_key(|u| u.date);
                    updates
                },
                links: links
                    .into_iter()
                    .map(|(title, host)| Link {
                        title,
                        url: format!("https://{host}.example/"),
                    })
                    .collect(),
                added,
                due_history: {
                    let mut moves: Vec<DueChange> = moves
                        .into_iter()
                        .enumerate()
                        .map(|(i, (changed, from, timescale, reason))| DueChange {
                            id: format!("d-{n}-{i}"),
                            changed,
                            from,
                            timescale,
                            reason,
                        })
                        .collect();
                    moves.sort_by_key(|c| c.changed);
                    moves
                },
                suggestion: None,
            },
        )
}

fn rating() -> impl Strategy<Value = Rating> {
    prop_oneof![
        status().prop_map(Rating::Status),
        prop::sample::select(Rag::ALL.to_vec()).prop_map(Rating::Rag),
    ]
}

fn narrative(n: usize) -> impl Strategy<Value = Vec<Narrative>> {
    prop::collection::vec(
        (date(), text(), text(), prop::option::of(rating()), text()),
        0..3,
    )
    .prop_map(move |entries| {
        entries
            .into_iter()
            .enumerate()
            .map(
                |(i, (date, progress, next_steps, rating, author))| Narrative {
                    id: format!("n-{n}-{i}"),
                    date,
                    progress,
                    next_steps,
                    rating,
                    author,
                },
            )
            .collect()
    })
}

/// The committee cycle's plan-level parts.
fn cycle() -> impl Strategy<Value = Plan> {
    (
        (text(), text(), text()),
        prop::collection::vec(text(), 0..3),
        prop::collection::vec((required_text(), "[a-z]{1,8}"), 0..2),
        prop::option::of(prop::option::of((
            required_text(),
            required_text(),
            required_text(),
        ))),
        prop::collection::vec(
            (
                required_text(),
                prop::sample::select(Cadence::ALL.to_vec()),
                date(),
                prop::collection::vec(date(), 1..3),
            ),
            0..3,
        ),
        prop::collection::vec(
            (
                prop::sample::select(IssuedKind::ALL.to_vec()),
                text(),
                prop::option::of(date()),
                date(),
                date(),
                prop::collection::vec((status(), 0u64..40), 0..4),
                0u64..10,
                prop::collection::vec(("[a-z0-9-]{1,6}", status(), prop::option::of(date())), 0..3),
            ),
            0..3,
        ),
        prop::option::of((
            date(),
            prop::sample::select(ClosureOutcome::ALL.to_vec()),
            text(),
        )),
    )
        .prop_map(
            |(
                (contact, holder, overseen),
                highlights,
                documents,
                scale,
                schedules,
                reports,
                closed,
            )| {
                let mut reports: Vec<IssuedReport> = reports
                    .into_iter()
                    .enumerate()
                    .map(
                        |(
                            i,
                            (kind, committee, meeting, as_at, issued, counts, overdue, actions),
                        )| {
                            IssuedReport {
                                id: format!("rep-{i}"),
                                kind,
                                committee,
                                meeting,
                                as_at,
                                issued,
                                address: format!("as_at={as_at}"),
                                figures: Figures {
                                    counts: counts.into_iter().collect(),
                                    overdue,
                                    actions: actions
                                        .into_iter()
                                        .map(|(action, status, due)| ActionFigure {
                                            action,
                                            status,
                                            due,
                                        })
                                        .collect(),
                                },
                            }
                        },
                    )
                    .collect();
                reports.sort_by_key(|r| r.issued);
                let highlights_again = highlights.clone();
                Plan {
                    contact_officer: contact,
                    portfolio_holder: holder,
                    overseen_by: overseen,
                    highlights,
                    documents: documents
                        .into_iter()
                        .map(|(title, host)| Link {
                            title,
                            url: format!("https://{host}.example/"),
                        })
                        .collect(),
                    rating_scale: scale.map(|words| match words {
                        None => RatingScale::Statuses,
                        Some((red, amber, green)) => RatingScale::Rag { red, amber, green },
                    }),
                    schedule: schedules
                        .into_iter()
                        .enumerate()
                        .map(|(i, (committee, cadence, from, dates))| Schedule {
                            id: format!("s-{i}"),
                            committee,
                            cadence,
                            from: (cadence != Cadence::Dates).then_some(from),
                            dates: if cadence == Cadence::Dates {
                                dates
                            } else {
                                Vec::new()
                            },
                        })
                        .collect(),
                    reports,
                    closed: closed.map(|(date, outcome, note)| Closure {
                        date,
                        outcome,
                        note,
                    }),
                    later_reviews: vec![LaterReview {
                        id: "lr-0".into(),
                        review: Review {
                            kind: ReviewKind::ProgressReview,
                            format: Some(VisitFormat::Virtual),
                            duration: "half a day".into(),
                            report_url: "https://example.org/review".into(),
                            feedback: highlights_again.join(" "),
                            challenges: highlights_again.clone(),
                            ..Review::default()
                        },
                    }],
                    ..Plan::default()
                }
            },
        )
}

fn recommendation(n: usize, themes: usize, groups: usize) -> impl Strategy<Value = Recommendation> {
    (
        required_text(),
        text(),
        prop::sample::select(Response::ALL.to_vec()),
        required_text(),
        prop::collection::vec(0..themes.max(1), 0..3),
        prop::option::of(0..groups.max(1)),
        prop::collection::vec(Just(()), 0..4),
    )
        .prop_flat_map(
            move |(title, context, response, reason, theme_picks, group, action_slots)| {
                let actions: Vec<_> = (0..action_slots.len())
                    .map(|i| action(n * 10 + i))
                    .collect();
                (
                    Just((title, context, response, reason, theme_picks, group)),
                    actions,
                    narrative(n),
                )
            },
        )
        .prop_map(
            move |((title, context, response, reason, theme_picks, group), actions, narrative)| {
                let mut picked: Vec<String> = theme_picks
                    .into_iter()
                    .filter(|_| themes > 0)
                    .map(|t| format!("t-{t}"))
                    .collect();
                picked.dedup();
                Recommendation {
                    id: format!("r-{n}"),
                    number: (n + 1).to_string(),
                    title,
                    context,
                    response,
                    response_reason: if response == Response::Accepted {
                        String::new()
                    } else {
                        reason
                    },
                    themes: picked,
                    group: group.filter(|_| groups > 0).map(|g| format!("g-{g}")),
                    suggestions: (0..narrative.len().min(2))
                        .map(|i| Suggestion {
                            id: format!("s-{n}-{i}"),
                            number: format!("{}.{}", n + 1, i + 1),
                            text: format!("Suggestion {i}"),
                            review: (i == 0).then(|| "lr-0".to_string()),
                            noted: i == 1,
                        })
                        .collect(),
                    impact: narrative
                        .first()
                        .map(|e| e.progress.clone())
                        .unwrap_or_default(),
                    actions: {
                        let has = !narrative.is_empty();
                        actions
                            .into_iter()
                            .enumerate()
                            .map(|(i, mut a)| {
                                if has && i == 0 {
                                    a.suggestion = Some(format!("s-{n}-0"));
                                }
                                Arc::new(a)
                            })
                            .collect()
                    },
                    narrative,
                }
            },
        )
}

fn plan() -> impl Strategy<Value = Plan> {
    (0usize..4, 0usize..3, 0usize..6)
        .prop_flat_map(|(themes, groups, recs)| {
            (
                (
                    required_text(),
                    required_text(),
                    prop::sample::select(ReviewKind::ALL.to_vec()),
                ),
                (
                    prop::option::of(date()),
                    prop::option::of((date(), text())),
                    prop::option::of((0u64..500, 0u64..100, text())),
                ),
                prop::collection::vec((required_text(), text(), text()), 0..4),
                prop::collection::vec((required_text(), text(), any::<bool>()), themes..=themes),
                prop::collection::vec(required_text(), groups..=groups),
                prop::collection::vec(text(), 0..3),
                (0..recs)
                    .map(|n| recommendation(n, themes, groups))
                    .collect::<Vec<_>>(),
                prop::collection::vec(
                    (required_text(), date(), prop::option::of(date()), text()),
                    0..3,
                ),
                cycle(),
            )
        })
        .prop_map(
            |(
                (council, title, kind),
                (received, approved, engagement),
                peers,
                themes,
                groups,
                findings,
                recommendations,
                milestones,
                cycle,
            )| Plan {
                id: "plan-1".into(),
                council,
                title,
                review: Review {
                    kind,
                    onsite_from: None,
                    onsite_to: None,
                    report_received: received,
                    plan_approved: approved.map(|(date, by)| PlanApproval { date, by }),
                    peer_team: peers
                        .into_iter()
                        .map(|(name, role, organisation)| PeerTeamMember {
                            name,
                            role,
                            organisation,
                        })
                        .collect(),
                    engagement: engagement.map(|(people, meetings, stated)| Engagement {
                        people: Some(people),
                        meetings: Some(meetings),
                        hours: None,
                        people_stated: stated,
                        ..Engagement::default()
                    }),
                    format: Some(VisitFormat::OnSite),
                    duration: "four days".into(),
                    report_published: received,
                    next_steps: vec!["Publish the action plan".into()],
                    ..Review::default()
                },
                themes: themes
                    .into_iter()
                    .enumerate()
                    .map(|(i, (title, question, core))| Theme {
                        id: format!("t-{i}"),
                        title,
                        question,
                        kind: if core {
                            ThemeKind::Core
                        } else {
                            ThemeKind::Additional
                        },
                    })
                    .collect(),
                groups: groups
                    .into_iter()
                    .enumerate()
                    .map(|(i, name)| Group {
                        id: format!("g-{i}"),
                        name,
                    })
                    .collect(),
                findings,
                recommendations,
                milestones: milestones
                    .into_iter()
                    .enumerate()
                    .map(|(i, (title, due, done, note))| Milestone {
                        id: format!("m-{i}"),
                        title,
                        due,
                        done,
                        note,
                    })
                    .collect(),
                ..cycle
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn export_then_import_gives_the_same_plan(plan in plan()) {
        let file = export(&plan, Some("2026-11-23T16:00:00Z"));
        let back = import(&file).map_err(|p| TestCaseError::fail(format!("{p:?}")))?;
        prop_assert_eq!(back.plan, plan);
    }

    #[test]
    fn a_stored_plan_packed_ahead_reads_back_as_the_plan(plan in plan(), revision in 1u64..1000) {
        // What the storage worker compresses, and the save writes with it, whatever the
        // plan's size: the same record comes back, and for a big plan, the same text as
        // packing on the page.
        let record = StoredPlan {
            revision,
            tab: "t-1".into(),
            exported_at: None,
            changed_since_export: true,
            origin: None,
            imported: None,
            plan: Arc::new(plan),
        };
        let file = StoredPlan::plan_file(&record.plan);
        let text = record.to_text_packed(&packed::compress(&file));
        prop_assert_eq!(StoredPlan::from_text(&text).map_err(|p| TestCaseError::fail(format!("{p:?}")))?, record.clone());
        if StoredPlan::is_big(&file) {
            prop_assert_eq!(text, record.to_text());
        }
    }

    #[test]
    fn a_plan_file_written_in_steps_is_the_plan_file(mut plan in plan(), tricky in prop::collection::vec(0usize..4, 0..3)) {
        // Text that looks like the list the steps fill, anywhere text goes.
        for (n, at) in tricky.into_iter().enumerate() {
            let trick = format!("\"recommendations\":[] {n}");
            match at {
                0 => plan.title.push_str(&trick),
                1 => plan.findings.push(trick),
                2 => plan.contact_officer.push_str(&trick),
                _ => if let Some(r) = plan.recommendations.first_mut() { r.title.push_str(&trick) },
            }
        }
        prop_assert_eq!(StoredPlan::plan_file_in_steps(&plan).finish(), StoredPlan::plan_file(&plan));
        let mut steps = StoredPlan::plan_file_in_steps(&plan);
        let mut taken = 0;
        while steps.step() {
            taken += 1;
        }
        prop_assert!(taken + 1 >= plan.recommendations.len());
        prop_assert_eq!(steps.finish(), StoredPlan::plan_file(&plan));
    }

    #[test]
    fn merging_a_plan_with_itself_changes_nothing(plan in plan()) {
        prop_assert!(compare(Some(&plan), &plan, &plan).differences.is_empty());
        let everything: HashSet<String> = ["x".to_string()].into();
        prop_assert_eq!(merge(Some(&plan), &plan, &plan, &everything).unwrap(), plan.clone());
        prop_assert_eq!(merge(None, &plan, &plan, &everything).unwrap(), plan);
    }

    #[test]
    fn merging_twice_is_merging_once(ours in plan(), theirs in plan(), take_all in any::<bool>()) {
        let comparison = compare(Some(&ours), &ours, &theirs);
        let take: HashSet<String> = comparison
            .differences
            .iter()
            .filter(|d| take_all || d.taken_by_default())
            .map(|d| d.key.clone())
            .collect();
        // Two unrelated plans can combine into one the rules refuse: refused whole.
        let Ok(once) = merge(Some(&ours), &ours, &theirs, &take) else { return Ok(()) };
        let twice = merge(Some(&ours), &once, &theirs, &take).map_err(|p| TestCaseError::fail(format!("{p:?}")))?;
        prop_assert_eq!(&twice, &once);
        prop_assert!(compare(Some(&ours), &once, &theirs).differences.iter().all(|d| !take.contains(&d.key) || !d.taken_by_default()));
    }

    #[test]
    fn the_importer_never_panics_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let _ = import_bytes(&bytes);
    }

    #[test]
    fn the_importer_never_panics_on_a_damaged_plan_file(cuts in prop::collection::vec((0usize..27_000, any::<u8>()), 1..8)) {
        let mut bytes = EXAMPLE_PLAN.as_bytes().to_vec();
        for (at, byte) in cuts {
            let at = at % bytes.len();
            bytes[at] = byte;
        }
        let _ = import_bytes(&bytes);
    }

    #[test]
    fn the_importer_never_panics_on_any_json(value in json()) {
        let _ = import(&value.to_string());
        let wrapped = serde_json::json!({"format": "cpc-action-plan", "version": 1, "plan": value});
        let _ = import(&wrapped.to_string());
    }
}

/// Arbitrary JSON, nested a few levels, with the format's own field names among the keys.
fn json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        text().prop_map(Value::String),
    ];
    let key = prop_oneof![
        prop::sample::select(vec![
            "id",
            "council",
            "title",
            "review",
            "kind",
            "recommendations",
            "actions",
            "status",
            "due",
            "updates",
            "links",
            "url",
            "themes",
            "group"
        ])
        .prop_map(String::from),
        "[a-z]{1,6}",
    ];
    leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(key.clone(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Whatever is typed in the three boxes of a date is read without a panic, and a date
    /// is taken only when all three make a real one.
    #[test]
    fn any_typed_date_parts_are_read_safely(day in "\\PC{0,4}|[0-9]{0,3}", month in "\\PC{0,5}|[0-9]{0,3}", year in "\\PC{0,5}|[0-9]{0,5}") {
        use cpc_action_plan::domain::date_parts::{date_parts, read_date_parts};
        if let Ok(Some(date)) = read_date_parts(&day, &month, &year, "Date") {
            let [d, m, y] = date_parts(date);
            prop_assert_eq!(read_date_parts(&d, &m, &y, "Date"), Ok(Some(date)));
            prop_assert!(!day.trim().is_empty() && !month.trim().is_empty() && year.trim().len() == 4);
        }
    }

    #[test]
    fn every_date_reads_back_from_its_parts(date in date()) {
        use cpc_action_plan::domain::date_parts::{date_parts, read_date_parts};
        let [d, m, y] = date_parts(date);
        prop_assert_eq!(read_date_parts(&d, &m, &y, "Date"), Ok(Some(date)));
        prop_assert_eq!(read_date_parts(&format!("0{d}"), &format!("0{m}"), &y, "Date"), Ok(Some(date)));
    }
}

proptest! {
    /// A published plan turns out of date once, somewhere between 181 and 184 days after
    /// it was exported (six calendar months), and stays so; its export day is read from
    /// any `exported_at` that starts with it, whatever follows.
    #[test]
    fn a_published_plan_goes_out_of_date_after_six_months_and_stays(updated in date(), days in 0i64..800, rest in "\\PC{0,12}") {
        use cpc_action_plan::domain::dates::iso;
        use cpc_action_plan::domain::last_updated::{exported_on, is_out_of_date};
        let today = updated + chrono::Duration::days(days);
        let old = is_out_of_date(updated, today);
        if days <= 181 {
            prop_assert!(!old);
        }
        if days > 184 {
            prop_assert!(old);
        }
        if old {
            prop_assert!(is_out_of_date(updated, today + chrono::Duration::days(1)));
        }
        prop_assert_eq!(exported_on(&format!("{}{rest}", iso(updated))), Some(updated));
    }
}
