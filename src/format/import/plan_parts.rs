//! The parts of a plan, each read and checked by the importer: the plan's details, its
//! review and peer team, themes, groups, recommendations, actions, updates, links and
//! milestones, with the ids that must be unique and the references between them.

use std::collections::HashSet;

use serde_json::Value;

use super::checker::{describe, index, join, kind_of, review_kinds, Checker, Ids};
use crate::domain::rules;
use crate::domain::validate::is_web_address;
use crate::domain::{
    Engagement, Group, IssuedReport, LaterReview, Link, Milestone, PeerTeamMember, Plan,
    PlanApproval, Recommendation, Review, ReviewKind, Schedule, Theme, ThemeKind, VisitFormat,
};

impl Checker {
    pub(super) fn plan(&mut self, value: &Value) -> Option<Plan> {
        let path = "plan";
        let map = self.object(path, value, "the plan")?;
        self.warn_unknown(
            path,
            map,
            &[
                "id",
                "council",
                "title",
                "review",
                "themes",
                "groups",
                "findings",
                "recommendations",
                "milestones",
                "contact_officer",
                "portfolio_holder",
                "overseen_by",
                "highlights",
                "documents",
                "rating_scale",
                "schedule",
                "reports",
                "closed",
                "draft",
                "later_reviews",
            ],
        );
        let id = self.required_text(path, map, "id", "every plan needs an id");
        let council = self.required_text(path, map, "council", rules::COUNCIL_NEEDED);
        let title = self.required_text(path, map, "title", "a plan needs a title");
        let review = match map.get("review") {
            None | Some(Value::Null) => {
                self.problem(
                    "plan.review",
                    "is missing: a plan says which review it answers",
                );
                None
            }
            Some(value) => self.review("plan.review", value),
        };

        let mut theme_ids = Ids::default();
        let themes: Vec<Theme> = self
            .list(path, map, "themes")
            .iter()
            .enumerate()
            .filter_map(|(i, v)| self.theme(&index("plan.themes", i), v, &mut theme_ids))
            .collect();
        let mut group_ids = Ids::default();
        let groups: Vec<Group> = self
            .list(path, map, "groups")
            .iter()
            .enumerate()
            .filter_map(|(i, v)| self.group(&index("plan.groups", i), v, &mut group_ids))
            .collect();
        let findings = self.text_list(path, map, "findings");

        let mut ids = PlanIds {
            themes: theme_ids.seen.into_keys().collect(),
            groups: group_ids.seen.into_keys().collect(),
            ..PlanIds::default()
        };
        let recommendations: Vec<Recommendation> = self
            .list(path, map, "recommendations")
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                self.recommendation(&index("plan.recommendations", i), v, &mut ids)
            })
            .collect();
        let mut milestone_ids = Ids::default();
        let milestones: Vec<Milestone> = self
            .list(path, map, "milestones")
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                self.milestone(&index("plan.milestones", i), v, &mut milestone_ids)
            })
            .collect();

        let contact_officer = self.optional_text(path, map, "contact_officer");
        let portfolio_holder = self.optional_text(path, map, "portfolio_holder");
        let overseen_by = self.optional_text(path, map, "overseen_by");
        let highlights = self.text_list(path, map, "highlights");
        let documents: Vec<Link> = self
            .list(path, map, "documents")
            .iter()
            .enumerate()
            .filter_map(|(i, v)| self.document(&index("plan.documents", i), v))
            .collect();
        let rating_scale = self.rating_scale(map.get("rating_scale"));
        let mut schedule_ids = Ids::default();
        let schedule: Vec<Schedule> = self
            .list(path, map, "schedule")
            .iter()
            .enumerate()
            .filter_map(|(i, v)| self.schedule(&index("plan.schedule", i), v, &mut schedule_ids))
            .collect();
        let mut report_ids = Ids::default();
        let mut reports: Vec<IssuedReport> = self
            .list(path, map, "reports")
            .iter()
            .enumerate()
            .filter_map(|(i, v)| self.issued_report(&index("plan.reports", i), v, &mut report_ids))
            .collect();
        reports.sort_by_key(|r| r.issued);
        let mut later_ids = Ids::default();
        let later_reviews: Vec<LaterReview> = self
            .list(path, map, "later_reviews")
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                let here = index("plan.later_reviews", i);
                let id = v
                    .as_object()
                    .and_then(|m| self.id(&here, m, &mut later_ids, "later review"));
                let review = self.review(&here, v);
                Some(LaterReview {
                    id: id?,
                    review: review?,
                })
            })
            .collect();
        let closed = self.closure(map.get("closed"));
        let draft = self.flag(path, map, "draft");

        Some(Plan {
            id: id?,
            council: council?,
            title: title?,
            review: review?,
            themes,
            groups,
            findings,
            recommendations,
            milestones,
            contact_officer,
            portfolio_holder,
            overseen_by,
            highlights,
            documents,
            rating_scale: rating_scale?,
            schedule,
            reports,
            closed: closed?,
            draft: draft?,
            later_reviews,
        })
    }

    /// The review the plan answers (at `plan.review`), or a later one (in
    /// `plan.later_reviews`, whose `id` the caller reads).
    pub(super) fn review(&mut self, path: &str, value: &Value) -> Option<Review> {
        let map = self.object(path, value, "the review")?;
        let mut known = vec![
            "kind",
            "onsite_from",
            "onsite_to",
            "report_received",
            "plan_approved",
            "peer_team",
            "engagement",
            "format",
            "duration",
            "report_url",
            "report_published",
            "feedback",
            "challenges",
            "next_steps",
        ];
        if path != "plan.review" {
            known.push("id");
        }
        self.warn_unknown(path, map, &known);
        let kind = match map.get("kind") {
            Some(Value::String(s)) => {
                let kind = ReviewKind::parse(s);
                if kind.is_none() {
                    self.problem(
                        join(path, "kind"),
                        format!(
                            "is \"{s}\", which is not a kind of review: use one of {}",
                            review_kinds()
                        ),
                    );
                }
                kind
            }
            None | Some(Value::Null) => {
                self.problem(
                    join(path, "kind"),
                    format!(
                        "is missing: say which kind of review this was, one of {}",
                        review_kinds()
                    ),
                );
                None
            }
            Some(other) => {
                self.problem(
                    join(path, "kind"),
                    format!(
                        "should be one of {}, not {}",
                        review_kinds(),
                        kind_of(other)
                    ),
                );
                None
            }
        };
        let onsite_from = self.optional_date(path, map, "onsite_from");
        let onsite_to = self.optional_date(path, map, "onsite_to");
        if let (Some(Some(from)), Some(Some(to))) = (onsite_from, onsite_to) {
            if to < from {
                self.problem(join(path, "onsite_to"), rules::ONSITE_BACKWARDS);
            }
        }
        let report_received = self.optional_date(path, map, "report_received");
        let plan_approved = match map.get("plan_approved") {
            None | Some(Value::Null) => Some(None),
            Some(value) => self
                .plan_approved(&join(path, "plan_approved"), value)
                .map(Some),
        };
        let peer_team: Vec<PeerTeamMember> = self
            .list(path, map, "peer_team")
            .iter()
            .enumerate()
            .filter_map(|(i, v)| self.peer(&index(&join(path, "peer_team"), i), v))
            .collect();
        let engagement = match map.get("engagement") {
            None | Some(Value::Null) => Some(None),
            Some(value) => self.engagement(&join(path, "engagement"), value).map(Some),
        };
        let format = match map.get("format") {
            None | Some(Value::Null) => Some(None),
            Some(Value::String(f)) => match VisitFormat::parse(f) {
                Some(f) => Some(Some(f)),
                None => {
                    self.problem(
                        join(path, "format"),
                        format!("is \"{f}\": use on_site or virtual"),
                    );
                    None
                }
            },
            Some(other) => {
                self.problem(
                    join(path, "format"),
                    format!("should be on_site or virtual, not {}", kind_of(other)),
                );
                None
            }
        };
        let duration = self.optional_text(path, map, "duration");
        let report_url = self.optional_text(path, map, "report_url");
        if !report_url.trim().is_empty() && !is_web_address(&report_url) {
            self.problem(
                join(path, "report_url"),
                rules::not_web_address(&report_url),
            );
        }
        let report_published = self.optional_date(path, map, "report_published");
        let feedback = self.optional_text(path, map, "feedback");
        let challenges = self.text_list(path, map, "challenges");
        let next_steps = self.text_list(path, map, "next_steps");
        Some(Review {
            kind: kind?,
            onsite_from: onsite_from?,
            onsite_to: onsite_to?,
            report_received: report_received?,
            plan_approved: plan_approved?,
            peer_team,
            engagement: engagement?,
            format: format?,
            duration,
            report_url,
            report_published: report_published?,
            feedback,
            challenges,
            next_steps,
        })
    }

    fn plan_approved(&mut self, path: &str, value: &Value) -> Option<PlanApproval> {
        let map = self.object(path, value, "when and by whom the plan was approved")?;
        self.warn_unknown(path, map, &["date", "by"]);
        let date = self.required_date(path, map, "date", "say when the plan was approved");
        let by = self.optional_text(path, map, "by");
        Some(PlanApproval { date: date?, by })
    }

    fn peer(&mut self, path: &str, value: &Value) -> Option<PeerTeamMember> {
        let map = self.object(path, value, "a member of the peer team")?;
        self.warn_unknown(path, map, &["name", "role", "organisation"]);
        let name = self.required_text(path, map, "name", rules::PEER_NAME_NEEDED);
        let role = self.optional_text(path, map, "role");
        let organisation = self.optional_text(path, map, "organisation");
        Some(PeerTeamMember {
            name: name?,
            role,
            organisation,
        })
    }

    fn engagement(&mut self, path: &str, value: &Value) -> Option<Engagement> {
        let map = self.object(path, value, "the engagement figures")?;
        self.warn_unknown(
            path,
            map,
            &[
                "people",
                "meetings",
                "hours",
                "people_stated",
                "meetings_stated",
                "hours_stated",
            ],
        );
        let mut whole = |key: &str| -> Option<Option<u64>> {
            match map.get(key) {
                None | Some(Value::Null) => Some(None),
                Some(Value::Number(n)) if n.as_u64().is_some() => Some(n.as_u64()),
                Some(other) => {
                    self.problem(
                        join(path, key),
                        format!(
                            "should be a whole number of 0 or more, not {}",
                            describe(other)
                        ),
                    );
                    None
                }
            }
        };
        let people = whole("people");
        let meetings = whole("meetings");
        let hours = whole("hours");
        let people_stated = self.optional_text(path, map, "people_stated");
        let meetings_stated = self.optional_text(path, map, "meetings_stated");
        let hours_stated = self.optional_text(path, map, "hours_stated");
        // The words are what is shown; a number that says otherwise is pointed out.
        for (key, number, stated) in [
            ("people", people.flatten(), &people_stated),
            ("meetings", meetings.flatten(), &meetings_stated),
            ("hours", hours.flatten(), &hours_stated),
        ] {
            let (in_words, _) = crate::domain::read_figure(stated);
            if let (Some(n), Some(w)) = (number, in_words) {
                if n != w {
                    self.warnings.push(crate::domain::Problem::new(
                        join(path, key),
                        format!("is {n}, but {key}_stated says \"{stated}\": the words are shown"),
                    ));
                }
            }
        }
        Some(Engagement {
            people: people?,
            meetings: meetings?,
            hours: hours?,
            people_stated,
            meetings_stated,
            hours_stated,
        })
    }

    fn theme(&mut self, path: &str, value: &Value, ids: &mut Ids) -> Option<Theme> {
        let map = self.object(path, value, "a theme")?;
        self.warn_unknown(path, map, &["id", "title", "question", "kind"]);
        let id = self.id(path, map, ids, "theme");
        let title = self.required_text(path, map, "title", rules::THEME_TITLE_NEEDED);
        let question = self.optional_text(path, map, "question");
        let kind = match map.get("kind") {
            Some(Value::String(s)) if s == "core" => Some(ThemeKind::Core),
            Some(Value::String(s)) if s == "additional" => Some(ThemeKind::Additional),
            Some(Value::String(s)) => {
                self.problem(
                    join(path, "kind"),
                    format!("is \"{s}\": a theme is either \"core\" or \"additional\""),
                );
                None
            }
            None | Some(Value::Null) => {
                self.problem(
                    join(path, "kind"),
                    "is missing: say whether the theme is \"core\" or \"additional\"",
                );
                None
            }
            Some(other) => {
                self.problem(
                    join(path, "kind"),
                    format!(
                        "should be \"core\" or \"additional\", not {}",
                        kind_of(other)
                    ),
                );
                None
            }
        };
        Some(Theme {
            id: id?,
            title: title?,
            question,
            kind: kind?,
        })
    }

    fn group(&mut self, path: &str, value: &Value, ids: &mut Ids) -> Option<Group> {
        let map = self.object(path, value, "a group")?;
        self.warn_unknown(path, map, &["id", "name"]);
        let id = self.id(path, map, ids, "group");
        let name = self.required_text(path, map, "name", "every group needs a name");
        Some(Group {
            id: id?,
            name: name?,
        })
    }

    fn milestone(&mut self, path: &str, value: &Value, ids: &mut Ids) -> Option<Milestone> {
        let map = self.object(path, value, "a milestone")?;
        self.warn_unknown(path, map, &["id", "title", "due", "done", "note"]);
        let id = self.id(path, map, ids, "milestone");
        let title = self.required_text(path, map, "title", rules::MILESTONE_TITLE_NEEDED);
        let due = self.required_date(path, map, "due", "every milestone needs a due date");
        let done = self.optional_date(path, map, "done");
        let note = self.optional_text(path, map, "note");
        Some(Milestone {
            id: id?,
            title: title?,
            due: due?,
            done: done?,
            note,
        })
    }
}

/// The ids that must be unique across the whole plan, and the ones references point at.
#[derive(Default)]
pub(super) struct PlanIds {
    pub(super) themes: HashSet<String>,
    pub(super) groups: HashSet<String>,
    pub(super) recommendations: Ids,
    pub(super) actions: Ids,
    pub(super) updates: Ids,
    pub(super) suggestions: Ids,
    pub(super) cycle: super::committee::CycleIds,
}
