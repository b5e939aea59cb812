//! The parts of a plan that the committee cycle added: the narrative on a recommendation,
//! an action's due-date history, and at plan level the rating scale, documents, reporting
//! schedule, reports issued and the plan's closure.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::checker::{index, join, kind_of, Checker, Ids};
use crate::domain::narrative::{Narrative, Rating, RatingScale, RAG_WORDS_MAX};
use crate::domain::report_log::{ActionFigure, Figures, IssuedKind, IssuedReport};
use crate::domain::rules;
use crate::domain::schedule::{Cadence, Schedule};
use crate::domain::validate::is_web_address;
use crate::domain::{Closure, ClosureOutcome, DueChange, Link, Status};

/// The ids of the committee cycle's lists, each unique across the plan.
#[derive(Default)]
pub(super) struct CycleIds {
    pub(super) narratives: Ids,
    pub(super) due_changes: Ids,
}

impl Checker {
    /// A string that must be one of `choices` (by `as_str`); `what` names the list.
    fn choice<T: Copy>(
        &mut self,
        here: &str,
        value: Option<&Value>,
        parse: fn(&str) -> Option<T>,
        allowed: &str,
        what_for: &str,
    ) -> Option<T> {
        match value {
            None | Some(Value::Null) => {
                self.problem(here, format!("is missing: {what_for}"));
                None
            }
            Some(Value::String(s)) => {
                let parsed = parse(s);
                if parsed.is_none() {
                    self.problem(here, format!("is \"{s}\": use {allowed}"));
                }
                parsed
            }
            Some(other) => {
                self.problem(here, format!("should be {allowed}, not {}", kind_of(other)));
                None
            }
        }
    }

    pub(super) fn narrative(
        &mut self,
        path: &str,
        value: &Value,
        ids: &mut CycleIds,
    ) -> Option<Narrative> {
        let map = self.object(path, value, "a narrative")?;
        self.warn_unknown(
            path,
            map,
            &["id", "date", "progress", "next_steps", "rating", "author"],
        );
        let id = self.id(path, map, &mut ids.narratives, "narrative");
        let date = self.required_date(path, map, "date", "every narrative needs its date");
        let progress = self.optional_text(path, map, "progress");
        let next_steps = self.optional_text(path, map, "next_steps");
        let rating = match map.get("rating") {
            None | Some(Value::Null) => Some(None),
            value => self
                .choice(
                    &join(path, "rating"),
                    value,
                    Rating::parse,
                    "a status (such as on_track) or red, amber or green",
                    "",
                )
                .map(Some),
        };
        let author = self.optional_text(path, map, "author");
        Some(Narrative {
            id: id?,
            date: date?,
            progress,
            next_steps,
            rating: rating?,
            author,
        })
    }

    pub(super) fn due_change(
        &mut self,
        path: &str,
        value: &Value,
        ids: &mut CycleIds,
    ) -> Option<DueChange> {
        let map = self.object(path, value, "a move of the due date")?;
        self.warn_unknown(path, map, &["id", "changed", "from", "timescale", "reason"]);
        let id = self.id(path, map, &mut ids.due_changes, "due date change");
        let changed = self.required_date(path, map, "changed", "say when the due date moved");
        let from = self.required_date(path, map, "from", "say which due date it moved from");
        let timescale = self.optional_text(path, map, "timescale");
        let reason = self.optional_text(path, map, "reason");
        Some(DueChange {
            id: id?,
            changed: changed?,
            from: from?,
            timescale,
            reason,
        })
    }

    /// A document link of the plan: a title and an http(s) address, both required.
    pub(super) fn document(&mut self, path: &str, value: &Value) -> Option<Link> {
        let map = self.object(path, value, "a document")?;
        self.warn_unknown(path, map, &["title", "url"]);
        let title = self.required_text(path, map, "title", rules::DOCUMENT_TITLE_NEEDED);
        let url = self.required_text(path, map, "url", "every link needs its web address");
        if let Some(url) = &url {
            if !is_web_address(url) {
                self.problem(join(path, "url"), rules::not_web_address(url));
                return None;
            }
        }
        Some(Link {
            title: title?,
            url: url?,
        })
    }

    /// Absent or null: no scale. The outer `None` means it was there but wrong.
    pub(super) fn rating_scale(&mut self, value: Option<&Value>) -> Option<Option<RatingScale>> {
        let path = "plan.rating_scale";
        let value = match value {
            None | Some(Value::Null) => return Some(None),
            Some(value) => value,
        };
        let map = self.object(path, value, "a rating scale")?;
        self.warn_unknown(path, map, &["kind", "red", "amber", "green"]);
        let kind = self.choice(
            &join(path, "kind"),
            map.get("kind"),
            |s| ["statuses", "rag"].into_iter().find(|k| *k == s),
            "statuses or rag",
            "say which scale the plan rates with",
        )?;
        if kind == "statuses" {
            return Some(Some(RatingScale::Statuses));
        }
        let mut words = |colour: &str| {
            let text = self.required_text(path, map, colour, rules::RAG_WORDS_NEEDED)?;
            if text.chars().count() > RAG_WORDS_MAX {
                self.problem(join(path, colour), rules::rag_words_too_long());
                return None;
            }
            Some(text)
        };
        let (red, amber, green) = (words("red"), words("amber"), words("green"));
        Some(Some(RatingScale::Rag {
            red: red?,
            amber: amber?,
            green: green?,
        }))
    }

    pub(super) fn schedule(
        &mut self,
        path: &str,
        value: &Value,
        ids: &mut Ids,
    ) -> Option<Schedule> {
        let map = self.object(path, value, "a reporting schedule")?;
        self.warn_unknown(path, map, &["id", "committee", "cadence", "from", "dates"]);
        let id = self.id(path, map, ids, "reporting schedule");
        let committee =
            self.required_text(path, map, "committee", rules::SCHEDULE_COMMITTEE_NEEDED);
        let cadence = self.choice(
            &join(path, "cadence"),
            map.get("cadence"),
            Cadence::parse,
            "quarterly, six_monthly or dates",
            "say how often the committee expects a report",
        );
        let from = self.optional_date(path, map, "from");
        let here = join(path, "dates");
        let dates: Vec<_> = self
            .list(path, map, "dates")
            .iter()
            .enumerate()
            .map(|(i, v)| self.date_value(&index(&here, i), v))
            .collect();
        if let (Some(cadence), Some(from)) = (cadence, &from) {
            if cadence == Cadence::Dates && dates.is_empty() {
                self.problem(here.clone(), rules::SCHEDULE_DATES_NEEDED);
            }
            if cadence != Cadence::Dates && from.is_none() {
                self.problem(join(path, "from"), rules::SCHEDULE_FROM_NEEDED);
            }
        }
        let dates: Option<Vec<_>> = dates.into_iter().collect();
        Some(Schedule {
            id: id?,
            committee: committee?,
            cadence: cadence?,
            from: from?,
            dates: dates?,
        })
    }

    pub(super) fn issued_report(
        &mut self,
        path: &str,
        value: &Value,
        ids: &mut Ids,
    ) -> Option<IssuedReport> {
        let map = self.object(path, value, "a report issued")?;
        self.warn_unknown(
            path,
            map,
            &[
                "id",
                "kind",
                "committee",
                "meeting",
                "as_at",
                "issued",
                "address",
                "figures",
            ],
        );
        let id = self.id(path, map, ids, "report issued");
        let kind = self.choice(
            &join(path, "kind"),
            map.get("kind"),
            IssuedKind::parse,
            "action_plan, progress, exceptions or position_statement",
            "say which report was issued",
        );
        let committee = self.optional_text(path, map, "committee");
        let meeting = self.optional_date(path, map, "meeting");
        let as_at = self.required_date(path, map, "as_at", "say the date the report was as at");
        let issued = self.required_date(path, map, "issued", "say when it was recorded");
        let address = self.optional_text(path, map, "address");
        let figures = match map.get("figures") {
            None | Some(Value::Null) => Some(Figures::default()),
            Some(value) => self.figures(&join(path, "figures"), value),
        };
        Some(IssuedReport {
            id: id?,
            kind: kind?,
            committee,
            meeting: meeting?,
            as_at: as_at?,
            issued: issued?,
            address,
            figures: figures?,
        })
    }

    fn figures(&mut self, path: &str, value: &Value) -> Option<Figures> {
        let map = self.object(path, value, "a report's figures")?;
        self.warn_unknown(path, map, &["counts", "overdue", "actions"]);
        let mut ok = true;
        let mut counts = BTreeMap::new();
        match map.get("counts") {
            None | Some(Value::Null) => {}
            Some(Value::Object(entries)) => {
                for (key, value) in entries {
                    let here = join(&join(path, "counts"), key);
                    match (Status::parse(key), self.count(&here, Some(value))) {
                        (Some(status), Some(n)) => {
                            counts.insert(status, n);
                        }
                        (None, _) => {
                            self.problem(here, "is not a status: count actions by status");
                            ok = false;
                        }
                        _ => ok = false,
                    }
                }
            }
            Some(other) => {
                self.problem(
                    join(path, "counts"),
                    format!("should be counts by status, not {}", kind_of(other)),
                );
                ok = false;
            }
        }
        let overdue = self.count(&join(path, "overdue"), map.get("overdue"));
        let here = join(path, "actions");
        let actions: Vec<Option<ActionFigure>> = self
            .list(path, map, "actions")
            .iter()
            .enumerate()
            .map(|(i, v)| self.action_figure(&index(&here, i), v))
            .collect();
        let actions: Option<Vec<_>> = actions.into_iter().collect();
        (ok).then_some(())?;
        Some(Figures {
            counts,
            overdue: overdue?,
            actions: actions?,
        })
    }

    /// A whole number of zero or more; absent or null is zero.
    fn count(&mut self, here: &str, value: Option<&Value>) -> Option<u64> {
        match value {
            None | Some(Value::Null) => Some(0),
            Some(Value::Number(n)) if n.as_u64().is_some() => n.as_u64(),
            Some(other) => {
                self.problem(
                    here,
                    format!(
                        "should be a whole number, not {}",
                        super::checker::describe(other)
                    ),
                );
                None
            }
        }
    }

    fn action_figure(&mut self, path: &str, value: &Value) -> Option<ActionFigure> {
        let map: &Map<String, Value> = self.object(path, value, "an action's figures")?;
        self.warn_unknown(path, map, &["action", "status", "due"]);
        let action = self.required_text(path, map, "action", "say which action this was");
        let status = self.status(path, map, "say where the action stood");
        let due = self.optional_date(path, map, "due");
        Some(ActionFigure {
            action: action?,
            status: status?,
            due: due?,
        })
    }

    pub(super) fn closure(&mut self, value: Option<&Value>) -> Option<Option<Closure>> {
        let path = "plan.closed";
        let value = match value {
            None | Some(Value::Null) => return Some(None),
            Some(value) => value,
        };
        let map = self.object(path, value, "when and how the plan was closed")?;
        self.warn_unknown(path, map, &["date", "outcome", "note"]);
        let date = self.required_date(path, map, "date", "say when the plan was closed");
        let outcome = self.choice(
            &join(path, "outcome"),
            map.get("outcome"),
            ClosureOutcome::parse,
            "completed or business_as_usual",
            "say how the plan was closed",
        );
        let note = self.optional_text(path, map, "note");
        Some(Some(Closure {
            date: date?,
            outcome: outcome?,
            note,
        }))
    }
}
