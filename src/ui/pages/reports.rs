//! `#/plan/<id>/reports/<kind>`: committee reports and the position statement, printed
//! exactly as shown. The options (as at, committee, meeting, completed actions, theme,
//! group) are in the address.

use std::borrow::Cow;
use std::sync::Arc;

use crate::ui::components::needs_javascript::NeedsJavaScript;
use chrono::NaiveDate;
use leptos::prelude::*;

use crate::ui::components::form::{DateInput, ErrorMessage, TypedDate};

use crate::browser::download::download_bytes;
use crate::domain::dates::{format_long, iso};
use crate::domain::edit::{Edit, ListOp};
use crate::domain::filter::FilterOptions;
use crate::domain::position_statement::{
    position_statement, words as ps, ProgressToDate, StatementAction, StatementSection,
};
use crate::domain::report_log::IssuedReport;
use crate::domain::reports::figures;
use crate::domain::reports::{
    annex_rows, draft_marker, exception_sections, not_accepted_answer, progress_report, words,
    AnnexRow, ReportOptions, ReportSection,
};
use crate::domain::{Plan, RatingScale};
use crate::format::docx::{
    action_plan_docx, docx_file_name, position_statement_docx, progress_docx, Heading,
};
use crate::format::xlsx::SheetsKind;
use crate::presentation::route::{carried_href, Address, Query, ReportKind, Route};
use crate::presentation::text::{shorten, TABLE_CHARS};
use crate::ui::components::address_problems::AddressProblems;
use crate::ui::components::breadcrumbs::{plan_trail, Breadcrumbs};
use crate::ui::components::charts::{Legend, StatusBar};
use crate::ui::components::narrative_summary::{NarrativeRows, NarrativeSummary};
use crate::ui::components::since_section::SinceSection;
use crate::ui::components::spreadsheet_button::SpreadsheetButton;
use crate::ui::components::status_tag::{OverdueTag, StatusTag};
use crate::ui::components::summary_list::SummaryList;
use crate::ui::components::title::set_title;
use crate::ui::pages::not_found::WhenFound;
use crate::ui::state::{navigate_to, use_state};

#[component]
pub fn ReportPage(plan_id: String, kind: ReportKind, query: Query) -> impl IntoView {
    let state = use_state();
    let options = ReportOptions::from_pairs(query.pairs().collect::<Vec<_>>());
    let id = plan_id.clone();
    // The report follows the plan, as every other view does: an undo, or another tab's
    // save taken here, draws it again. Without an "as at" date it is as at today (a closed
    // plan's closing date), and follows the date past midnight.
    let default_as_at = crate::ui::components::reporting::default_as_at(&plan_id);
    let page = move || {
        let as_at = options.as_at.unwrap_or_else(|| default_as_at.get());
        state.library.with_plan(&id, |plan| {
            plan.map(|plan| report(plan, kind, options.clone(), as_at))
        })
    };
    view! { <WhenFound plan_id=plan_id>{page.clone()}</WhenFound> }
}

/// The report of `kind` on `plan`, with its options form and the links to the others.
fn report(plan: &Plan, kind: ReportKind, options: ReportOptions, as_at: NaiveDate) -> AnyView {
    set_title(&[kind.title(), &plan.title]);
    let body = match kind {
        ReportKind::ActionPlan => {
            view! { <ActionPlanReport plan=plan.clone() options=options.clone() as_at=as_at /> }
                .into_any()
        }
        ReportKind::Progress => {
            view! { <ProgressReport plan=plan.clone() options=options.clone() as_at=as_at /> }
                .into_any()
        }
        ReportKind::Exceptions => {
            view! { <ExceptionsReport plan=plan.clone() options=options.clone() as_at=as_at /> }
                .into_any()
        }
        ReportKind::PositionStatement => {
            view! { <PositionStatementReport plan=plan.clone() options=options.clone() as_at=as_at /> }
                .into_any()
        }
    };
    let report_class = match (kind == ReportKind::ActionPlan, draft_marker(plan).is_some()) {
        (true, true) => "app-report app-report--landscape app-report--draft",
        (true, false) => "app-report app-report--landscape",
        (false, true) => "app-report app-report--draft",
        (false, false) => "app-report",
    };
    view! {
        <div class="app-no-print">
            <Breadcrumbs links=plan_trail(&plan.id, &plan.title) current=kind.title().to_string() />
            <nav class="app-report-nav" aria-label="Reports">
                <ul class="govuk-list">
                    {ReportKind::ALL.map(|k| {
                        let href = Address { route: Route::Report { plan: plan.id.clone(), kind: k }, query: Query::from_pairs(options.pairs()) }.href();
                        let current = (k == kind).then_some("page");
                        view! { <li><a class="govuk-link" href=href aria-current=current>{k.title()}</a></li> }
                    }).collect_view()}
                </ul>
                {(!use_state().published()).then(|| view! {
                    <p class="govuk-body"><a class="govuk-link" href=Route::ReportsIssued { plan: plan.id.clone() }.href()>{format!("Reports issued ({})", plan.reports.len())}</a></p>
                })}
                // After a progress review, the plan goes on: what changed since it.
                {crate::domain::review_dates::progress_review(plan)
                    .and_then(|r| r.review.onsite_to.or(r.review.onsite_from))
                    .filter(|day| *day < as_at)
                    .map(|day| {
                        let mut pairs: Vec<(String, String)> = options.pairs().into_iter().filter(|(k, _)| k != "since").collect();
                        pairs.push(("since".to_string(), iso(day)));
                        let href = Address { route: Route::Report { plan: plan.id.clone(), kind: ReportKind::Progress }, query: Query::from_pairs(pairs) }.href();
                        view! { <p class="govuk-body"><a class="govuk-link" href=href data-testid="since-review-link">{format!("Progress since the progress review of {}", format_long(day))}</a></p> }
                    })}
                <p class="govuk-body">
                    <a class="govuk-link" data-testid="progress-view-link" href=carried_href(&crate::ui::state::current_address(), &Route::Dashboard { plan: plan.id.clone() })>"The progress view for the same date and filter"</a>
                </p>
            </nav>
            {
                let options_offered = crate::domain::filter::FilterOptions::of(plan);
                let filter_pairs: Vec<(&str, &str)> = options
                    .filter
                    .themes
                    .iter()
                    .map(|t| ("theme", t.as_str()))
                    .chain(options.filter.groups.iter().map(|g| ("group", g.as_str())))
                    .chain(options.filter.leads.iter().map(|l| ("lead", l.as_str())))
                    .collect();
                let mut problems = options.refused.clone();
                problems.extend(
                    crate::domain::filter::Filter::address_problems(filter_pairs, &options_offered)
                        .into_iter()
                        .map(|p| format!("The report's filter: {p}.")),
                );
                view! {
                    <AddressProblems problems=problems instead=format!("The report below is as at {}.", format_long(as_at)) />
                }
            }
            <OptionsForm plan=plan.clone() kind=kind options=options.clone() as_at=as_at />
        </div>
        <article class=report_class data-testid="report">
            <header class="app-report__heading">
                // Not yet approved: said first, and printed at the top of every page (the
                // class names a print page with a running header; see style/_app.scss).
                {draft_marker(plan).map(|words| view! {
                    <p class="app-report__draft" data-testid="draft-marker"><strong class="govuk-tag govuk-tag--orange">{words}</strong></p>
                })}
                <p class="govuk-caption-l">{plan.council.clone()}</p>
                <h1 class="govuk-heading-l">{format!("{}: {}", kind.title(), plan.title)}</h1>
                <dl class="app-report__facts" data-testid="report-facts">
                    {(!options.committee.is_empty()).then(|| view! { <dt>"Committee"</dt><dd>{options.committee.clone()}</dd> })}
                    {options.meeting.map(|m| view! { <dt>"Meeting"</dt><dd>{format_long(m)}</dd> })}
                    <dt>"As at"</dt><dd>{format_long(as_at)}</dd>
                    {(!options.filter.leads.is_empty()).then(|| view! { <dt>"Actions led by"</dt><dd>{options.filter.leads.join(", ")}</dd> })}
                </dl>
            </header>
            {body}
        </article>
    }
    .into_any()
}

/// The report's options; "Update the report" puts them in the address, "Print" prints.
#[component]
fn OptionsForm(
    plan: Plan,
    kind: ReportKind,
    options: ReportOptions,
    as_at: NaiveDate,
) -> impl IntoView {
    let date = TypedDate::new(&iso(as_at));
    let committee = RwSignal::new(options.committee.clone());
    let meeting = TypedDate::new(&options.meeting.map(iso).unwrap_or_default());
    let date_error = RwSignal::new(None::<String>);
    let meeting_error = RwSignal::new(None::<String>);
    let since = TypedDate::new(&options.since.map(iso).unwrap_or_default());
    let since_error = RwSignal::new(None::<String>);
    let completed = RwSignal::new(options.include_completed);
    let with_suggestions = RwSignal::new(options.include_suggestions);
    let has_suggestions = plan
        .recommendations
        .iter()
        .any(|r| !r.suggestions.is_empty());
    let theme = RwSignal::new(options.filter.themes.first().cloned().unwrap_or_default());
    let group = RwSignal::new(options.filter.groups.first().cloned().unwrap_or_default());
    let lead = RwSignal::new(options.filter.leads.first().cloned().unwrap_or_default());
    let error = RwSignal::new(None::<String>);
    let plan_id = plan.id.clone();
    let plan_for_word = plan.clone();
    let plan_for_record = plan.clone();
    let update = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let day = date.required("The as-at date", "the as-at date");
        let meeting_date = meeting.read("The meeting date").map_err(|p| p.message);
        let since_date = since.read("The “since” date").map_err(|p| p.message);
        date_error.set(day.as_ref().err().cloned());
        meeting_error.set(meeting_date.as_ref().err().cloned());
        since_error.set(since_date.as_ref().err().cloned());
        let (Ok(day), Ok(meeting_date), Ok(since_date)) = (day, meeting_date, since_date) else {
            return;
        };
        let mut chosen = ReportOptions {
            as_at: Some(day),
            committee: committee.get_untracked().trim().to_string(),
            meeting: meeting_date,
            since: since_date,
            include_completed: completed.get_untracked(),
            include_suggestions: with_suggestions.get_untracked(),
            ..ReportOptions::default()
        };
        chosen.filter.themes = Some(theme.get_untracked())
            .filter(|t| !t.is_empty())
            .into_iter()
            .collect();
        chosen.filter.groups = Some(group.get_untracked())
            .filter(|g| !g.is_empty())
            .into_iter()
            .collect();
        chosen.filter.leads = Some(lead.get_untracked())
            .filter(|l| !l.is_empty())
            .into_iter()
            .collect();
        navigate_to(&Address {
            route: Route::Report {
                plan: plan_id.clone(),
                kind,
            },
            query: Query::from_pairs(chosen.pairs()),
        });
    };
    let print = |_| crate::browser::document::print();
    // The same choices as the progress view's filter.
    let FilterOptions {
        groups,
        themes,
        leads,
        ..
    } = FilterOptions::of(&plan);
    let select = |id: &'static str,
                  label: &'static str,
                  any: &'static str,
                  choices: Vec<(String, String)>,
                  value: RwSignal<String>| {
        view! {
            <div class="govuk-form-group">
                <label class="govuk-label" for=id>{label}</label>
                <select class="govuk-select" id=id on:change=move |ev| value.set(event_target_value(&ev))>
                    <option value="" selected=value.get_untracked().is_empty()>{any}</option>
                    {choices.into_iter().map(|(v, t)| {
                        let selected = value.get_untracked() == v;
                        view! { <option value=v selected=selected>{t}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <form class="app-filter" novalidate data-own-undo="" on:submit=update data-testid="report-options">
            <h2 class="govuk-heading-s">"Report options"</h2>
            <NeedsJavaScript what="Changing the report's date and options" />
            <ErrorMessage error=error alert=true />
            <DateInput id="report-as-at" legend="As at" typed=date error=date_error />
            <div class="govuk-form-group">
                <label class="govuk-label" for="report-committee">"Committee"</label>
                <div id="report-committee-hint" class="govuk-hint">"For example Overview and Scrutiny Board"</div>
                <input class="govuk-input" id="report-committee" type="text" aria-describedby="report-committee-hint" prop:value=move || committee.get() on:input=move |ev| committee.set(event_target_value(&ev)) />
            </div>
            <DateInput id="report-meeting" legend="Meeting date" hint="Leave blank if there is no meeting." typed=meeting error=meeting_error />
            {(kind == ReportKind::Progress).then(|| view! {
                <DateInput id="report-since" legend="Changes since" hint="The progress report lists what changed after this date. Leave blank to start from the last report recorded as issued to the same committee." typed=since error=since_error />
            })}
            {select("report-theme", "Theme", "Every theme", themes, theme)}
            {select("report-group", "Group", "Every group", groups, group)}
            {select("report-lead", "Lead", "Every lead", leads.into_iter().map(|l| (l.clone(), l)).collect(), lead)}
            <div class="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-4">
                <div class="govuk-checkboxes__item">
                    <input class="govuk-checkboxes__input" id="report-completed" type="checkbox" checked=options.include_completed
                        on:change=move |ev| completed.set(event_target_checked(&ev)) />
                    <label class="govuk-label govuk-checkboxes__label" for="report-completed">"List completed actions"</label>
                </div>
                {has_suggestions.then(|| view! {
                    <div class="govuk-checkboxes__item">
                        <input class="govuk-checkboxes__input" id="report-suggestions" type="checkbox" checked=options.include_suggestions
                            on:change=move |ev| with_suggestions.set(event_target_checked(&ev)) />
                        <label class="govuk-label govuk-checkboxes__label" for="report-suggestions">"Include a later review's suggestions and the actions that follow from them"</label>
                    </div>
                })}
            </div>
            <div class="govuk-button-group">
                <button type="submit" class="govuk-button govuk-button--secondary">"Update the report"</button>
                <button type="button" class="govuk-button" on:click=print>"Print"</button>
                // Word copies are for the officer's committee papers; a published site prints.
                {(kind != ReportKind::Exceptions && !use_state().published()).then(|| {
                    let (plan, options) = (plan_for_word.clone(), options.clone());
                    view! {
                        <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| {
                            let heading = Heading { report: kind.title(), committee: &options.committee, meeting: options.meeting, as_at };
                            let bytes = match kind {
                                ReportKind::ActionPlan => action_plan_docx(&plan, &options, &heading),
                                ReportKind::PositionStatement => position_statement_docx(&plan, &options, &heading),
                                _ => progress_docx(&plan, &options, &heading),
                            };
                            download_bytes(
                                &docx_file_name(&plan, kind.title(), as_at),
                                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                &bytes,
                            );
                        }>"Download as Word (.docx)"</button>
                    }
                })}
                {matches!(kind, ReportKind::ActionPlan | ReportKind::Progress).then(|| {
                    (!use_state().published()).then(|| view! {
                        <SpreadsheetButton plan={ let plan = Arc::new(plan_for_word.clone()); move || Some(plan.clone()) }
                            kind=if kind == ReportKind::ActionPlan { SheetsKind::ActionPlan } else { SheetsKind::Progress }
                            as_at=as_at options=options.clone() />
                    })
                })}
            </div>
            <p class="govuk-body-s">"What is printed is exactly the report below, with its pages numbered. To make a PDF, choose “Save as PDF” as the printer."</p>
            {(!use_state().published()).then(|| view! { <RecordIssued plan=plan_for_record.clone() kind=kind options=options.clone() as_at=as_at /> })}
        </form>
    }
}

/// "Record this report as issued": keeps the report's kind, committee, meeting, as-at date
/// and options with what it reported, in the plan's list of reports issued.
#[component]
fn RecordIssued(
    plan: Plan,
    kind: ReportKind,
    options: ReportOptions,
    as_at: NaiveDate,
) -> impl IntoView {
    let state = use_state();
    let issued_kind = kind.issued();
    let committee = options.committee.trim().to_string();
    let already = plan
        .reports
        .iter()
        .find(|r| {
            r.kind == issued_kind
                && r.as_at == as_at
                && r.committee.trim().eq_ignore_ascii_case(&committee)
        })
        .map(|r| r.issued);
    let message = RwSignal::new(None::<String>);
    let issued_href = Route::ReportsIssued {
        plan: plan.id.clone(),
    }
    .href();
    let record = {
        let plan = plan.clone();
        move |_| {
            let mut pairs = options.pairs();
            // Reopened, it is as at its own date, whatever day it is then.
            if !pairs.iter().any(|(k, _)| k == "as_at") {
                pairs.insert(0, ("as_at".to_string(), iso(as_at)));
            }
            let report = IssuedReport {
                id: crate::browser::random::new_id("rep"),
                kind: issued_kind,
                committee: committee.clone(),
                meeting: options.meeting,
                as_at,
                issued: state.today.get_untracked(),
                address: Query::from_pairs(pairs).to_text(),
                figures: figures(&plan, &options, as_at),
            };
            match state
                .library
                .edit(&plan.id, Edit::Report(ListOp::Add(report)), None)
            {
                Ok(()) => message.set(Some(format!(
                    "Recorded as issued on {}.",
                    format_long(state.today.get_untracked())
                ))),
                Err(problems) => {
                    message.set(Some(crate::ui::components::form::first_reason(problems)))
                }
            }
        }
    };
    view! {
        <div class="app-record-issued" data-testid="record-issued">
            {move || message.get().map(|m| view! { <p class="govuk-body govuk-!-font-weight-bold" role="status">{m}" "<a class="govuk-link" href=issued_href.clone()>"See the reports issued"</a></p> })}
            {match already {
                Some(day) => view! {
                    <p class="govuk-body">{format!("This report, as at {}, was recorded as issued on {}.", format_long(as_at), format_long(day))}" "
                        <a class="govuk-link" href=Route::ReportsIssued { plan: plan.id.clone() }.href()>"Reports issued"</a></p>
                }.into_any(),
                None => view! {
                    <button type="button" class="govuk-button govuk-button--secondary" on:click=record>"Record this report as issued"</button>
                    <p class="govuk-hint">"Keeps this report's date, committee and figures, so it can be reopened as it stood and the next progress report can say what changed since."</p>
                }.into_any(),
            }}
        </div>
    }
}

/// The action plan as councils publish it: No. | Recommendation | Action | Timescale | Lead | Status.
///
/// One table for each recommendation, so that on paper a recommendation's block may run
/// onto the next page between two actions: its header (the columns, then the
/// recommendation's number and title, a row shown only in print) repeats at the top of
/// that page. On screen the tables read as one: only the first shows its header row.
#[component]
fn ActionPlanReport(plan: Plan, options: ReportOptions, as_at: NaiveDate) -> impl IntoView {
    let mut blocks: Vec<Vec<AnnexRow>> = Vec::new();
    for row in annex_rows(&plan, &options, as_at) {
        match blocks.last_mut() {
            Some(block) if row.recommendation.is_none() => block.push(row),
            _ => blocks.push(vec![row]),
        }
    }
    let plan_id = plan.id.clone();
    view! {
        <div class="app-annex" data-testid="annex">
            {blocks.into_iter().map(|rows| view! { <AnnexBlock plan_id=plan_id.clone() rows=rows /> }).collect_view()}
        </div>
    }
}

/// One recommendation of the action plan and its actions, as a table of their own.
#[component]
fn AnnexBlock(plan_id: String, rows: Vec<AnnexRow>) -> impl IntoView {
    let (number, title) = rows
        .first()
        .and_then(|row| row.recommendation.as_ref())
        .map(|(rec, _)| (rec.number.clone(), rec.title.clone()))
        .unwrap_or_default();
    view! {
        <table class="govuk-table app-report-table app-annex__table app-stacked--wide" role="table">
            <caption class="govuk-table__caption govuk-visually-hidden">{format!("Recommendation {number} of the action plan, with the council's actions")}</caption>
            <colgroup>
                <col class="app-annex__col-no" />
                <col class="app-annex__col-rec" />
                <col class="app-annex__col-action" />
                <col class="app-annex__col-time" />
                <col class="app-annex__col-lead" />
                <col class="app-annex__col-status" />
            </colgroup>
            <thead class="govuk-table__head" role="rowgroup">
                <tr class="govuk-table__row app-annex__columns" role="row">
                    <th scope="col" class="govuk-table__header app-annex__no" role="columnheader">"No."</th>
                    <th scope="col" class="govuk-table__header app-annex__rec" role="columnheader">"Recommendation"</th>
                    <th scope="col" class="govuk-table__header" role="columnheader">"Action"</th>
                    <th scope="col" class="govuk-table__header app-annex__time" role="columnheader">"Timescale"</th>
                    <th scope="col" class="govuk-table__header app-annex__lead" role="columnheader">"Lead"</th>
                    <th scope="col" class="govuk-table__header app-annex__status" role="columnheader">"Status"</th>
                </tr>
                // Paper only: the recommendation heads its block on every page it runs onto.
                <tr class="govuk-table__row app-print-only app-annex__heading" role="row">
                    <th scope="colgroup" class="govuk-table__header" role="columnheader">{number}</th>
                    <th scope="colgroup" colspan="5" class="govuk-table__header" role="columnheader">{shorten(&title, TABLE_CHARS).into_owned()}</th>
                </tr>
            </thead>
            <tbody class="govuk-table__body" role="rowgroup">
                {rows.into_iter().map(|row| {
                    let first = row.recommendation.is_some();
                    view! {
                        <tr class=if first { "govuk-table__row app-annex__first" } else { "govuk-table__row" } role="row">
                            {row.recommendation.map(|(rec, span)| {
                                let href = Route::Recommendation { plan: plan_id.clone(), recommendation: rec.id.clone() }.href();
                                view! {
                                    <th scope="rowgroup" rowspan=span class="govuk-table__header app-annex__no app-stacked__before" role="rowheader" data-label="Recommendation"><span class="app-screen-only">{rec.number.clone()}</span></th>
                                    <td rowspan=span class="govuk-table__cell app-annex__rec app-stacked__before" role="cell">
                                        <div class="app-cell-text">
                                            <p class="app-annex__title app-screen-only"><ShortText text=rec.title.clone() href=href /></p>
                                            {(!rec.context.is_empty()).then(|| view! { <p class="app-context">{rec.context.clone()}</p> })}
                                        </div>
                                    </td>
                                }
                            })}
                            {match row.action {
                                Some(action) => {
                                    let href = Route::Action { plan: plan_id.clone(), action: action.id.clone() }.href();
                                    view! {
                                        <td class="govuk-table__cell app-stacked__title" role="cell" data-label="Action"><div class="app-cell-text"><ShortText text=action.text.clone() href=href /></div></td>
                                        <td class="govuk-table__cell" role="cell" data-label="Timescale">{action.timescale.clone()}</td>
                                        <td class="govuk-table__cell" role="cell" data-label="Lead">{action.leads.join("; ")}</td>
                                        <td class="govuk-table__cell app-stacked__first" role="cell" data-label="Status">{row.status.map(|s| view! { <StatusTag status=s /> })}</td>
                                    }.into_any()
                                }
                                None => view! { <td class="govuk-table__cell" role="cell" colspan="4">"No actions listed."</td> }.into_any(),
                            }}
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// Text that reports cut short when it is very long ([`TABLE_CHARS`]): cut, it links to the
/// page that has it whole, so nothing is lost on screen, and "…" says so on paper.
#[component]
fn ShortText(text: String, href: String) -> impl IntoView {
    match shorten(&text, TABLE_CHARS) {
        Cow::Borrowed(_) => text.into_any(),
        Cow::Owned(cut) => view! { <a class="govuk-link" href=href>{cut}</a> }.into_any(),
    }
}

/// How much of a recommendation's title the repeated header of its actions table keeps.
const REPEAT_CHARS: usize = 90;

/// The actions of one section of the progress or exceptions report.
#[component]
fn SectionTable(
    plan_id: String,
    section: ReportSection,
    show_empty: bool,
    scale: Option<RatingScale>,
) -> impl IntoView {
    let rec_href = Route::Recommendation {
        plan: plan_id.clone(),
        recommendation: section.id.clone(),
    }
    .href();
    view! {
        <section class="app-report__section">
            // On paper the heading, the explanation and what the council said stay together,
            // with the first action under them.
            <div class="app-report__head">
                <h2 class="govuk-heading-s app-report__rec">{format!("{}. ", section.number)}<ShortText text=section.title.clone() href=rec_href /></h2>
                {(!section.context.is_empty()).then(|| view! { <p class="govuk-body-s app-context">{section.context.clone()}</p> })}
                <NarrativeSummary narrative=section.narrative.clone() scale=scale />
            </div>
            {if section.actions.is_empty() {
                show_empty.then(|| view! { <p class="govuk-body-s">{words::NO_ACTIONS}</p> }).into_any()
            } else {
                view! {
                    <table class="govuk-table app-report-table app-stacked" role="table">
                        <caption class="govuk-table__caption govuk-visually-hidden">{format!("Actions for recommendation {}", section.number)}</caption>
                        <thead class="govuk-table__head" role="rowgroup">
                        // Paper only: which recommendation these are, on every page the table
                        // runs onto (the heading above it is on the first).
                        <tr class="govuk-table__row app-print-only app-report__repeat" role="row">
                            <th scope="colgroup" colspan="5" class="govuk-table__header" role="columnheader">{format!("Actions for recommendation {}: {}", section.number, shorten(&section.title, REPEAT_CHARS))}</th>
                        </tr>
                        <tr class="govuk-table__row" role="row">
                            <th scope="col" class="govuk-table__header" role="columnheader">{words::ACTION_COLUMNS[0]}</th>
                            <th scope="col" class="govuk-table__header app-col-lead" role="columnheader">{words::ACTION_COLUMNS[1]}</th>
                            <th scope="col" class="govuk-table__header app-col-date" role="columnheader">{words::ACTION_COLUMNS[2]}</th>
                            <th scope="col" class="govuk-table__header app-col-status" role="columnheader">{words::ACTION_COLUMNS[3]}</th>
                            <th scope="col" class="govuk-table__header app-col-update" role="columnheader">{words::ACTION_COLUMNS[4]}</th>
                        </tr>
                        </thead>
                        <tbody class="govuk-table__body" role="rowgroup">
                            {section.actions.into_iter().map(|a| {
                                let href = Route::Action { plan: plan_id.clone(), action: a.id.clone() }.href();
                                let (due, latest) = (a.due_with_history(), a.latest_words());
                                view! {
                                    <tr class="govuk-table__row" role="row" data-action-id=a.id.clone()>
                                        <td class="govuk-table__cell app-stacked__title" role="cell" data-label="Action"><div class="app-cell-text"><ShortText text=a.text href=href /></div></td>
                                        <td class="govuk-table__cell" role="cell" data-label="Lead">{a.leads.join("; ")}</td>
                                        <td class="govuk-table__cell" role="cell" data-label="Due">{due}</td>
                                        <td class="govuk-table__cell app-tags app-stacked__first" role="cell" data-label="Status">
                                            <StatusTag status=a.status />
                                            {a.days_late.map(|days| view! { <OverdueTag days=days /> })}
                                        </td>
                                        <td class="govuk-table__cell" role="cell" data-label="Latest update">
                                            <div class="app-cell-text">{latest}</div>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}

/// Progress as at a date: a summary, the actions by status, every recommendation and its
/// actions, the milestones, and the recommendations not accepted. The Word file
/// (`format::docx::progress_docx`) has the same parts, from the same figures.
#[component]
fn ProgressReport(plan: Plan, options: ReportOptions, as_at: NaiveDate) -> impl IntoView {
    let report = progress_report(&plan, &options, as_at);
    let board = &report.board;
    let [status_col, actions_col, share_col] = words::STATUS_COLUMNS;
    let [date_col, milestone_col, state_col] = words::MILESTONE_COLUMNS;
    let highlights = (!report.highlights.is_empty()).then(|| {
        view! {
            <h2 class="govuk-heading-m">{words::HIGHLIGHTS_PART}</h2>
            <ul class="govuk-list govuk-list--bullet" data-testid="highlights">
                {report.highlights.iter().map(|h| view! { <li class="app-prewrap">{h.clone()}</li> }).collect_view()}
            </ul>
        }
    });
    let since = report.since.clone().map(|(since, from)| {
        view! { <SinceSection since=since from=from part_class="app-report__part" /> }
    });
    view! {
        {highlights}
        <h2 class="govuk-heading-m">{words::SUMMARY}</h2>
        <p class="govuk-body" data-testid="report-summary">{board.summary()}</p>
        <StatusBar chart="report-bar".to_string() counts=board.counts label=format!("Actions by status as at {}", format_long(as_at)) height=24 />
        <Legend chart="report-legend" />
        <table class="govuk-table app-report-table app-report__figures">
            <caption class="govuk-table__caption govuk-visually-hidden">"Actions by status"</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">{status_col}</th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">{actions_col}</th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">{share_col}</th>
            </tr></thead>
            <tbody class="govuk-table__body">
                {report.status_rows.iter().map(|row| view! {
                    <tr class="govuk-table__row" data-status=row.status.map(|s| s.as_str()) data-testid=row.status.is_none().then_some("all-actions")>
                        <th scope="row" class="govuk-table__header">{row.label}</th>
                        <td class="govuk-table__cell govuk-table__cell--numeric">{row.actions}</td>
                        <td class="govuk-table__cell govuk-table__cell--numeric">{row.share.clone()}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        // Apart from the shares: each overdue action is counted under its status already.
        <p class="govuk-body" data-testid="overdue-line">{board.overdue_sentence()}</p>
        {since}
        <h2 class="govuk-heading-m app-report__part">{words::ACTIONS_PART}</h2>
        {report.sections.iter().cloned().map(|s| view! { <SectionTable plan_id=plan.id.clone() section=s show_empty=true scale=report.rating_scale.clone() /> }).collect_view()}
        <h2 class="govuk-heading-m app-report__part">{words::MILESTONES_PART}</h2>
        {if report.milestones.is_empty() {
            view! { <p class="govuk-body">{words::NO_MILESTONES}</p> }.into_any()
        } else {
            view! {
                <table class="govuk-table app-report-table" data-testid="report-milestones">
                    <caption class="govuk-table__caption govuk-visually-hidden">"Milestones and LGA process dates"</caption>
                    <thead class="govuk-table__head"><tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">{date_col}</th>
                        <th scope="col" class="govuk-table__header">{milestone_col}</th>
                        <th scope="col" class="govuk-table__header">{state_col}</th>
                    </tr></thead>
                    <tbody class="govuk-table__body">
                        {report.milestones.iter().map(|(date, what, state)| view! {
                            <tr class="govuk-table__row">
                                <td class="govuk-table__cell">{format_long(*date)}</td>
                                <td class="govuk-table__cell">{what.clone()}</td>
                                <td class="govuk-table__cell">{*state}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
        <h2 class="govuk-heading-m app-report__part">{words::NOT_ACCEPTED_PART}</h2>
        {if report.not_accepted().is_empty() {
            view! { <p class="govuk-body">{words::ALL_ACCEPTED}</p> }.into_any()
        } else {
            view! {
                <ul class="govuk-list" data-testid="report-not-accepted">
                    {report.not_accepted().iter().map(|n| {
                        let href = Route::Recommendation { plan: plan.id.clone(), recommendation: n.id.clone() }.href();
                        view! {
                            <li><strong>{format!("{}. ", n.number)}<ShortText text=n.title.clone() href=href /></strong>{format!(" – {}", not_accepted_answer(n))}</li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

/// Only what needs the committee's attention: overdue, at risk and off track actions.
#[component]
fn ExceptionsReport(plan: Plan, options: ReportOptions, as_at: NaiveDate) -> impl IntoView {
    let sections = exception_sections(&plan, &options, as_at);
    let count: usize = sections.iter().map(|s| s.actions.len()).sum();
    view! {
        <p class="govuk-body" data-testid="report-summary">
            {if count == 0 {
                format!("Nothing needs the committee's attention as at {}: no action is overdue, at risk or off track.", format_long(as_at))
            } else {
                format!("{count} {} overdue, at risk or off track as at {}.", if count == 1 { "action is" } else { "actions are" }, format_long(as_at))
            }}
        </p>
        {sections.into_iter().map(|s| view! { <SectionTable plan_id=plan.id.clone() section=s show_empty=false scale=None /> }).collect_view()}
    }
}

/// The position statement before a progress review: the challenge and its dates, a
/// summary from the figures, a contents list that links to each recommendation, and each
/// recommendation's parts. The Word file (`format::docx::position_statement_docx`) has the
/// same parts, from the same statement (`domain::position_statement`).
#[component]
fn PositionStatementReport(plan: Plan, options: ReportOptions, as_at: NaiveDate) -> impl IntoView {
    let statement = position_statement(&plan, &options, as_at);
    let plan_id = plan.id.clone();
    view! {
        <h2 class="govuk-heading-m">{ps::CHALLENGE_PART}</h2>
        <SummaryList rows=statement.facts.iter().map(|f| (f.label.clone(), f.value.clone())).collect()
            testid="statement-facts" class="govuk-summary-list--no-border app-statement__facts" />
        <h2 class="govuk-heading-m">{ps::SUMMARY_PART}</h2>
        <p class="govuk-body" data-testid="report-summary">{statement.summary.clone()}</p>
        <nav aria-labelledby="statement-contents" data-testid="statement-contents">
            <h2 class="govuk-heading-m" id="statement-contents">{ps::CONTENTS_PART}</h2>
            {if statement.sections.is_empty() {
                view! { <p class="govuk-body">{ps::NO_RECOMMENDATIONS}</p> }.into_any()
            } else {
                view! {
                    <ol class="govuk-list app-statement__contents">
                        {statement.sections.iter().map(|s| {
                            let anchor = s.anchor();
                            let target = anchor.clone();
                            // In-page: the address after `#` is the app's, so the link moves
                            // focus to the heading instead of changing it.
                            view! {
                                <li><a class="govuk-link" href=format!("#{anchor}") on:click=move |ev| {
                                    ev.prevent_default();
                                    crate::ui::components::form::focus_field(&target);
                                }>{s.heading()}</a></li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </nav>
        {statement.sections.into_iter().map(|s| view! {
            <StatementPart plan_id=plan_id.clone() section=s />
        }).collect_view()}
    }
}

/// Actions as the position statement lists them: number and words, then its line.
fn statement_actions(
    plan_id: &str,
    actions: Vec<StatementAction>,
    none: &'static str,
    testid: &'static str,
) -> AnyView {
    if actions.is_empty() {
        return view! { <p class="govuk-body-s" data-testid=testid>{none}</p> }.into_any();
    }
    view! {
        <ul class="govuk-list govuk-list--bullet app-statement__actions" data-testid=testid>
            {actions.into_iter().map(|a| {
                let href = Route::Action { plan: plan_id.to_string(), action: a.action.id.clone() }.href();
                view! {
                    <li data-action-id=a.action.id.clone()>
                        <strong>{format!("{} ", a.number)}</strong><ShortText text=a.action.text.clone() href=href />
                        <span class="app-statement__detail">{a.detail}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// One recommendation's part of the position statement.
#[component]
fn StatementPart(plan_id: String, section: StatementSection) -> impl IntoView {
    let rec_href = Route::Recommendation {
        plan: plan_id.clone(),
        recommendation: section.id.clone(),
    }
    .href();
    let progress = match section.progress.clone() {
        ProgressToDate::Narrative(rows) => view! { <NarrativeRows rows=rows /> }.into_any(),
        ProgressToDate::Updates(lines) => view! {
            <p class="govuk-body-s">{ps::FROM_UPDATES}</p>
            <ul class="govuk-list govuk-list--bullet" data-testid="latest-updates">
                {lines.into_iter().map(|l| view! { <li class="app-prewrap">{l}</li> }).collect_view()}
            </ul>
        }
        .into_any(),
        ProgressToDate::Nothing => view! { <p class="govuk-body-s">{ps::NO_PROGRESS}</p> }.into_any(),
    };
    let impact_missing = section.impact.is_none();
    view! {
        <section class="app-report__section app-statement" data-testid="statement-section" data-recommendation-id=section.id.clone() aria-labelledby=section.anchor()>
            <h2 class="govuk-heading-m app-report__rec" id=section.anchor() tabindex="-1">{format!("{}. ", section.number)}<ShortText text=section.title.clone() href=rec_href /></h2>
            {(!section.context.is_empty()).then(|| view! { <p class="govuk-body-s app-context">{section.context.clone()}</p> })}
            <h3 class="govuk-heading-s">{ps::RESPONSE}</h3>
            <p class="govuk-body" data-testid="statement-response">{section.response.clone()}</p>
            <h3 class="govuk-heading-s">{ps::DONE}</h3>
            {statement_actions(&plan_id, section.done.clone(), ps::NOTHING_DONE, "statement-done")}
            <h3 class="govuk-heading-s">{ps::EVIDENCE}</h3>
            {if section.evidence.is_empty() {
                view! { <p class="govuk-body-s">{ps::NO_EVIDENCE}</p> }.into_any()
            } else {
                view! {
                    <ul class="govuk-list govuk-list--bullet" data-testid="statement-evidence">
                        {section.evidence.iter().map(|l| view! {
                            <li><a class="govuk-link" href=l.url.clone() rel="noopener noreferrer">{l.title.clone()}</a></li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <h3 class="govuk-heading-s">{ps::PROGRESS}</h3>
            {progress}
            <h3 class="govuk-heading-s">{ps::IMPACT}</h3>
            <p class=if impact_missing { "govuk-body app-statement__gap" } else { "govuk-body app-prewrap" } data-testid="statement-impact">{section.impact_words().to_string()}</p>
            <h3 class="govuk-heading-s">{ps::REMAINS}</h3>
            {statement_actions(&plan_id, section.remains.clone(), ps::NOTHING_REMAINS, "statement-remains")}
            {(!section.suggestions.is_empty()).then(|| view! {
                <h3 class="govuk-heading-s">{ps::SUGGESTIONS}</h3>
                <ul class="govuk-list" data-testid="statement-suggestions">
                    {section.suggestions.iter().map(|s| {
                        let show_actions = !s.noted || !s.actions.is_empty();
                        let line = s.line();
                        view! {
                            <li data-suggestion-id=s.id.clone()>
                                <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{line}</p>
                                {s.review.clone().map(|r| view! { <p class="govuk-body-s govuk-!-margin-bottom-1 app-context">{r}</p> })}
                                {show_actions.then(|| statement_actions(&plan_id, s.actions.clone(), ps::NO_SUGGESTION_ACTIONS, "suggestion-actions"))}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}
