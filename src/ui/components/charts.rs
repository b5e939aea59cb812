//! Charts drawn as inline SVG from figures the domain works out. Each has a title and a
//! description for screen readers, an outline on every shape so it stands out from its
//! neighbours, a pattern (not only a colour) for the neutral statuses, and a legend in
//! words; the page puts the same figures in a table beside it.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::dates::format_long;
use crate::domain::figures::StatusCounts;
use crate::domain::progress::MonthEnd;
use crate::domain::Status;
use crate::presentation::stacking::stack;

/// The fill for a status: colours match the tags; the neutral statuses add a pattern.
fn fill(status: Status, chart: &str) -> String {
    match status {
        Status::Completed => "#1d70b8".to_string(),
        Status::OnTrack => "#0f7a52".to_string(),
        Status::AtRisk => "#b45f06".to_string(),
        Status::OffTrack => "#ca3535".to_string(),
        Status::Ongoing => "#505a5f".to_string(),
        Status::NotStarted => format!("url(#{chart}-hatch)"),
        Status::Cancelled => format!("url(#{chart}-dots)"),
    }
}

/// The pattern a neutral status is drawn with, under an id made from `chart`.
fn pattern(status: Status, chart: &str) -> Option<AnyView> {
    match status {
        Status::NotStarted => Some(view! {
            <pattern id=format!("{chart}-hatch") width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="6" height="6" fill="#ffffff"></rect>
                <line x1="0" y1="0" x2="0" y2="6" stroke="#505a5f" stroke-width="2"></line>
            </pattern>
        }.into_any()),
        Status::Cancelled => Some(view! {
            <pattern id=format!("{chart}-dots") width="6" height="6" patternUnits="userSpaceOnUse">
                <rect width="6" height="6" fill="#d8dadb"></rect>
                <circle cx="3" cy="3" r="1.3" fill="#0b0c0c"></circle>
            </pattern>
        }.into_any()),
        _ => None,
    }
}

/// The patterns of the statuses given (those a drawing uses: each pattern is a drawing
/// of its own for the browser, so none is made that is not used).
fn patterns_of(statuses: impl IntoIterator<Item = Status>, chart: &str) -> impl IntoView {
    let drawn: Vec<AnyView> = statuses
        .into_iter()
        .filter_map(|s| pattern(s, chart))
        .collect();
    (!drawn.is_empty()).then(|| view! { <defs>{drawn}</defs> })
}

/// The patterns a chart's neutral statuses use.
fn patterns(chart: &str) -> impl IntoView {
    patterns_of([Status::NotStarted, Status::Cancelled], chart)
}

/// The neutral statuses' patterns once for many bars (`StatusBar`'s `patterns_of`), in a
/// drawing of no size: a table of many bars then draws two patterns, not two a row.
#[component]
pub fn SharedPatterns(chart: &'static str) -> impl IntoView {
    view! {
        <svg class="app-shared-patterns" width="0" height="0" aria-hidden="true" focusable="false">{patterns(chart)}</svg>
    }
}

/// Every status, in the order bars stack them, with words and swatches.
#[component]
pub fn Legend(chart: &'static str) -> impl IntoView {
    view! {
        <ul class="app-legend" aria-hidden="true">
            {Status::STACKED.into_iter().map(|s| view! {
                <li class="app-legend__item">
                    <svg width="18" height="18" viewBox="0 0 18 18" focusable="false">
                        {patterns_of([s], chart)}
                        <rect x="1" y="1" width="16" height="16" fill=fill(s, chart) stroke="#0b0c0c" stroke-width="1"></rect>
                    </svg>
                    {s.label()}
                </li>
            }).collect_view()}
        </ul>
    }
}

/// The bar's width in drawing units: fine enough that one action in 10,000 has a unit.
const BAR_WIDTH: usize = 10_000;

/// One bar, split by status in proportion to the counts.
#[component]
pub fn StatusBar(
    /// A page-unique id, for the title and patterns.
    chart: String,
    counts: StatusCounts,
    /// What the bar shows, read out first.
    label: String,
    #[prop(optional)] height: Option<u32>,
    /// The `SharedPatterns` on the page to fill the neutral statuses from; without it the
    /// bar draws the patterns it uses itself.
    #[prop(optional)]
    patterns_from: Option<&'static str>,
) -> impl IntoView {
    let total = counts.total();
    let height = height.unwrap_or(28);
    // The same order as the legend and the table beside the bar.
    let shown: Vec<(Status, usize)> = counts.stacked().filter(|(_, n)| *n > 0).collect();
    let description = if total == 0 {
        "No actions".to_string()
    } else {
        shown
            .iter()
            .map(|(s, n)| format!("{}: {n}", s.label()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let amounts: Vec<usize> = shown.iter().map(|(_, n)| *n).collect();
    let segments: Vec<_> = shown
        .iter()
        .zip(stack(&amounts, total, BAR_WIDTH))
        .map(|((status, n), (x, width))| (*status, x, width, *n))
        .collect();
    let title_id = format!("{chart}-title");
    let labelled_by = title_id.clone();
    let chart_id = patterns_from.map_or(chart, str::to_string);
    let own_patterns = patterns_from
        .is_none()
        .then(|| patterns_of(shown.iter().map(|(s, _)| *s), &chart_id));
    view! {
        <svg class="app-bar" viewBox=format!("0 0 {BAR_WIDTH} {height}") preserveAspectRatio="none" width="100%" height=height
            role="img" aria-labelledby=labelled_by focusable="false">
            <title id=title_id>{format!("{label}. {description}")}</title>
            {own_patterns}
            <rect x="0" y="0" width=BAR_WIDTH height=height fill="#f3f2f1" stroke="#0b0c0c" stroke-width="1" vector-effect="non-scaling-stroke"></rect>
            {segments.into_iter().map(|(status, x, width, n)| view! {
                <rect x=x y="0" width=width height=height fill=fill(status, &chart_id)
                    stroke="#0b0c0c" stroke-width="1" vector-effect="non-scaling-stroke">
                    <title>{format!("{}: {n}", status.label())}</title>
                </rect>
            }).collect_view()}
        </svg>
    }
}

/// How many actions stood at each status at each month's end, as stacked columns.
#[component]
pub fn MonthChart(
    chart: &'static str,
    series: Vec<MonthEnd>,
    statuses: Vec<Status>,
) -> impl IntoView {
    // Whole units of a 1000-wide drawing: fine enough to see, and written without
    // decimals.
    let width = 1000_i64;
    let height = 260_i64;
    let axis = 40_i64;
    let total = series
        .iter()
        .map(|m| m.counts.total())
        .max()
        .unwrap_or(0)
        .max(1);
    let column = (width - axis) as f64 / series.len().max(1) as f64;
    let first = series
        .first()
        .map(|m| format_long(m.date))
        .unwrap_or_default();
    let last = series
        .last()
        .map(|m| format_long(m.date))
        .unwrap_or_default();
    let latest = series
        .last()
        .map(|m| {
            m.counts
                .iter()
                .filter(|(_, n)| *n > 0)
                .map(|(s, n)| format!("{}: {n}", s.label()))
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default();
    let columns: Vec<_> = series
        .iter()
        .enumerate()
        .flat_map(|(i, m)| {
            let left = (axis as f64 + (i as f64 + 0.1) * column).round() as i64;
            let bar = ((column * 0.8).round() as i64).max(1);
            let shown: Vec<(Status, usize)> = statuses
                .iter()
                .map(|s| (*s, m.counts.get(*s)))
                .filter(|(_, n)| *n > 0)
                .collect();
            let amounts: Vec<usize> = shown.iter().map(|(_, n)| *n).collect();
            // Stacked from the axis up: a part's start is its distance above the axis.
            let plot = (height - 10) as usize;
            shown
                .into_iter()
                .zip(stack(&amounts, total, plot))
                .map(move |((s, n), (start, tall))| {
                    let y = height - (start + tall) as i64;
                    (s, left, bar, y, tall as i64, n, m.date)
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let title = format!("Actions by status at the end of each month, {first} to {last}. At the end: {latest}. The table below has every figure.");
    view! {
        <svg class="app-month-chart" viewBox=format!("0 0 {width} {}", height + 24) width="100%" role="img"
            aria-labelledby=format!("{chart}-title") focusable="false">
            <title id=format!("{chart}-title")>{title}</title>
            {patterns(chart)}
            <line x1=axis y1="10" x2=axis y2=height stroke="#0b0c0c" stroke-width="1"></line>
            <line x1=axis y1=height x2=width y2=height stroke="#0b0c0c" stroke-width="1"></line>
            <text x={axis - 6} y="18" text-anchor="end" class="app-chart-text">{total}</text>
            <text x={axis - 6} y=height text-anchor="end" class="app-chart-text">"0"</text>
            <text x=axis y={height + 20} class="app-chart-text">{first}</text>
            <text x=width y={height + 20} text-anchor="end" class="app-chart-text">{last}</text>
            {columns.into_iter().map(|(status, x, bar, y, h, n, date)| view! {
                <rect x=x y=y width=bar height=h
                    fill=fill(status, chart) stroke="#0b0c0c" stroke-width="0.5">
                    <title>{format!("{}: {}: {n}", format_long(date), status.label())}</title>
                </rect>
            }).collect_view()}
        </svg>
    }
}

/// Dates on a line: the milestones, the LGA process dates, the reporting schedules' dates
/// and the reports issued, with today marked.
#[component]
pub fn Timeline(
    chart: &'static str,
    items: Vec<(NaiveDate, String, &'static str)>,
    as_at: NaiveDate,
) -> impl IntoView {
    let Some(first) = items.iter().map(|i| i.0).min().map(|d| d.min(as_at)) else {
        return ().into_any();
    };
    let last = items.iter().map(|i| i.0).max().unwrap_or(first).max(as_at);
    let span = (last - first).num_days().max(1) as f64;
    let x = move |d: NaiveDate| 20 + (960.0 * (d - first).num_days() as f64 / span).round() as i64;
    let height = 70 + 22 * items.len() as i64;
    view! {
        <svg class="app-timeline" viewBox=format!("0 0 1000 {height}") width="100%" role="img"
            aria-labelledby=format!("{chart}-title") focusable="false">
            <title id=format!("{chart}-title")>{format!("Timeline from {} to {}, with {} marked. The table below lists every date.", format_long(first), format_long(last), format_long(as_at))}</title>
            <line x1="20" y1="30" x2="980" y2="30" stroke="#0b0c0c" stroke-width="2"></line>
            <line x1=x(as_at) y1="10" x2=x(as_at) y2=height stroke="#0b0c0c" stroke-width="2" stroke-dasharray="6 4"></line>
            <text x=x(as_at) y="12" text-anchor={ if x(as_at) < 150 { "start" } else if x(as_at) > 850 { "end" } else { "middle" } }
                class="app-chart-text">{format!("As at {}", format_long(as_at))}</text>
            {items.into_iter().enumerate().map(|(i, (date, label, state))| {
                let y = 60 + 22 * i as i64;
                let anchor = if x(date) > 600 { "end" } else { "start" };
                let text_x = if anchor == "end" { x(date) - 10 } else { x(date) + 10 };
                let (fill_colour, shape) = match state {
                    "Done" | "Issued" | "Done on time" => ("#1d70b8", "done"),
                    "Missed" | "Done late" => ("#ca3535", "missed"),
                    _ => ("#ffffff", "due"),
                };
                view! {
                    <g class=format!("app-timeline__{shape}")>
                        <line x1=x(date) y1="30" x2=x(date) y2=y stroke="#505a5f" stroke-width="1"></line>
                        <circle cx=x(date) cy="30" r="7" fill=fill_colour stroke="#0b0c0c" stroke-width="2"></circle>
                        <text x=text_x y={y + 4} text-anchor=anchor class="app-chart-text">{format!("{label}: {} ({state})", format_long(date))}</text>
                    </g>
                }
            }).collect_view()}
        </svg>
    }
    .into_any()
}
