//! Every figure the progress view (the dashboard) shows, worked out together, once for
//! each change of plan, date or filter.

use chrono::NaiveDate;

use super::{
    by_group, by_lead, by_theme, dashboard, month_ends, progress_start, series_window_start,
    status_undated, timeline, Breakdown, Dashboard, MonthEnd,
};
use crate::domain::filter::Filter;
use crate::domain::plan::{Plan, ThemeKind};

/// The figures for one view of the plan: as at a date, for the actions a filter chooses.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgressView {
    pub board: Dashboard,
    pub core: Vec<Breakdown>,
    pub additional: Vec<Breakdown>,
    pub groups: Vec<Breakdown>,
    pub leads: Vec<Breakdown>,
    pub series: Vec<MonthEnd>,
    /// When the plan's progress goes back further than the series reaches: where it
    /// begins, so the page can say what was left out.
    pub series_left_out_from: Option<NaiveDate>,
    /// Actions whose status on the as-at date no dated update gives (set directly, or
    /// changed since the newest update): the series counts them at that status only at
    /// its last point.
    pub undated: usize,
    /// Milestones and LGA process dates: (date, what, state).
    pub timeline: Vec<(NaiveDate, String, &'static str)>,
    /// How many actions the filter chose, of `all`.
    pub shown: usize,
    pub all: usize,
}

impl ProgressView {
    pub fn of(plan: &Plan, as_at: NaiveDate, filter: &Filter) -> ProgressView {
        let stood = plan.as_it_stood(as_at);
        let shown = filter.apply(&stood, as_at);
        ProgressView {
            board: dashboard(&shown, as_at),
            core: by_theme(&shown, ThemeKind::Core, as_at),
            additional: by_theme(&shown, ThemeKind::Additional, as_at),
            groups: by_group(&shown, as_at),
            leads: by_lead(&shown, as_at),
            series: month_ends(&shown, as_at),
            series_left_out_from: progress_start(&shown)
                .filter(|start| *start < series_window_start(as_at)),
            undated: shown
                .actions()
                .filter(|(_, a)| status_undated(a, as_at))
                .count(),
            timeline: timeline(plan, as_at),
            shown: shown.actions().count(),
            all: plan.actions().count(),
        }
    }
}
