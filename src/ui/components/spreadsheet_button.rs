//! "Download as Excel (.xlsx)": asks the spreadsheet worker for the workbook and offers
//! it as a download, saying while it is being made and, if it cannot be, why.

use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::browser::download::download_bytes;
use crate::browser::sheets;
use crate::domain::report_options::ReportOptions;
use crate::domain::Plan;
use crate::format::xlsx::{xlsx_file_name, SheetsKind, SheetsRequest};

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// `plan` gives the plan as it is when the button is pressed.
#[component]
pub fn SpreadsheetButton(
    #[prop(into)] plan: Callback<(), Option<Arc<Plan>>>,
    kind: SheetsKind,
    /// Read when the button is pressed: the toolbar's follows today past midnight.
    #[prop(into)]
    as_at: Signal<NaiveDate>,
    options: ReportOptions,
    /// Extra classes for the button (the toolbar's are smaller).
    #[prop(optional)]
    class: &'static str,
    /// What the button says, when not "Download as Excel (.xlsx)".
    #[prop(optional)]
    label: Option<&'static str>,
) -> impl IntoView {
    let busy = RwSignal::new(false);
    let said = RwSignal::new(String::new());
    let failed = RwSignal::new(None::<String>);
    let make = move |_| {
        if busy.get_untracked() {
            return;
        }
        let Some(plan) = plan.run(()) else {
            return;
        };
        let as_at = as_at.get_untracked();
        let name = xlsx_file_name(&plan, kind, as_at);
        let request = SheetsRequest {
            kind,
            as_at,
            options: options.clone(),
        }
        .to_message();
        busy.set(true);
        failed.set(None);
        said.set(format!("Making the spreadsheet of {}…", kind.label()));
        leptos::task::spawn_local(async move {
            // Written a slice at a time: a big plan's file takes tens of milliseconds.
            let plan_file = crate::browser::packing::plan_file(&plan).await;
            match sheets::make(request, plan_file).await {
                Ok(bytes) if download_bytes(&name, XLSX, &bytes) => {
                    said.set(format!("The spreadsheet is downloaded: {name}"));
                }
                Ok(_) => {
                    said.set(String::new());
                    failed.set(Some("The spreadsheet was made, but this browser would not download it. Check that downloads are allowed for this site.".to_string()));
                }
                Err(why) => {
                    said.set(String::new());
                    failed.set(Some(why));
                }
            }
            busy.set(false);
        });
    };
    view! {
        <button type="button" class=format!("govuk-button govuk-button--secondary {class}")
            aria-disabled=move || busy.get().then_some("true") on:click=make>
            {label.unwrap_or("Download as Excel (.xlsx)")}
        </button>
        <span class="app-sheets-status govuk-body-s" role="status" data-testid="sheets-status">
            {move || said.get()}
            {move || failed.get().map(|why| view! {
                <strong class="govuk-error-message govuk-!-margin-bottom-0"><span class="govuk-visually-hidden">"Error: "</span>{why}</strong>
            })}
        </span>
    }
}
