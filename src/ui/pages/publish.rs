//! `#/plan/<id>/publish`: publish the plan for residents. The site's contact details,
//! statement date and report link (`site.json`), who is accountable and when the plan
//! next reports (the plan's own fields, with the committee reporting page's fields), a
//! preview of the residents' home page, and "Download the residents' site (.zip)": the
//! site build this app carries, a plain HTML page for each view (rendered by the site
//! build itself in a hidden frame), `plan.json`, `site.json`, the feed and a README.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::site_build::{self, Frame};
use crate::browser::storage;
use crate::domain::Plan;
use crate::format::feed::updates_feed;
use crate::format::site::{SiteField, SiteSettings};
use crate::format::static_site::{self, Page};
use crate::presentation::route::Route;
use crate::presentation::static_pages::{file_of, file_safe, routes, static_href};
use crate::ui::components::breadcrumbs::{plan_trail, Breadcrumbs};
use crate::ui::components::form::{DateInput, ErrorSummary, FormErrors, TextField, TypedDate};
use crate::ui::components::title::set_title;
use crate::ui::pages::edit_reporting::{schedules::Schedules, Accountable};
use crate::ui::pages::editing::from_plan;
use crate::ui::pages::not_found::WhenFound;
use crate::ui::state::use_state;

#[component]
pub fn PublishPage(plan_id: String) -> impl IntoView {
    view! {
        <WhenFound plan_id=plan_id.clone()>
            <PublishForm plan_id=plan_id.clone() />
        </WhenFound>
    }
}

/// The first email address in a line such as "Head of Policy, policy@example.gov.uk".
fn email_in(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '<' | '>'))
        .find(|w| w.contains('@') && w.contains('.'))
        .unwrap_or_default()
        .to_string()
}

/// What the download is doing, for the officer and for screen readers.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Progress {
    Idle,
    Working(String),
    Done(String),
    Failed(String),
}

#[component]
fn PublishForm(plan_id: String) -> impl IntoView {
    FormErrors::provide();
    let state = use_state();
    let title = from_plan(&plan_id, |p| p.title.clone());
    let trail = plan_trail(&plan_id, &title.get_untracked());
    Effect::new(move |_| set_title(&["Publish for residents", &title.get()]));
    let id = plan_id.as_str();

    // The site's settings are those last published from this browser, or start from what
    // the plan says.
    let (contact, report) = state.with_plan(id, |p| {
        p.map(|p| (p.contact_officer.clone(), p.review.report_url.clone()))
            .unwrap_or_default()
    });
    let kept = storage::site_settings(id);
    let email = RwSignal::new(match &kept {
        Some(kept) => kept.contact_email.clone(),
        None => email_in(&contact),
    });
    let phone = RwSignal::new(
        kept.as_ref()
            .map(|k| k.contact_phone.clone())
            .unwrap_or_default(),
    );
    let report_url = RwSignal::new(match &kept {
        Some(kept) => kept.report_url.clone().unwrap_or_default(),
        None => report,
    });
    let statement_day = kept
        .as_ref()
        .and_then(|k| k.statement_date)
        .unwrap_or_else(|| state.today.get_untracked());
    let statement = TypedDate::new(&crate::domain::dates::iso(statement_day));
    let email_error = RwSignal::new(None::<String>);
    let report_error = RwSignal::new(None::<String>);
    let statement_error = RwSignal::new(None::<String>);
    let progress = RwSignal::new(Progress::Idle);
    let preview_key = RwSignal::new(0u32);
    let site_missing = RwSignal::new(None::<String>);

    // Settings as typed, or the problems with them shown at their fields.
    let settings = move || -> Option<SiteSettings> {
        let day = match statement.read("The accessibility statement's date") {
            Ok(day) => {
                statement_error.set(None);
                day
            }
            Err(problem) => {
                statement_error.set(Some(problem.message));
                return None;
            }
        };
        match SiteSettings::typed(
            &email.get_untracked(),
            &phone.get_untracked(),
            &report_url.get_untracked(),
            day,
        ) {
            Ok(settings) => Some(settings),
            Err(problems) => {
                for (field, message) in problems {
                    match field {
                        SiteField::Email => email_error.set(Some(message)),
                        SiteField::ReportUrl => report_error.set(Some(message)),
                    }
                }
                None
            }
        }
    };
    let check = |field: SiteField, error: RwSignal<Option<String>>, value: RwSignal<String>| {
        Callback::new(move |typed: String| {
            value.set(typed);
            let (e, u) = match field {
                SiteField::Email => (value.get_untracked(), String::new()),
                SiteField::ReportUrl => (String::new(), value.get_untracked()),
            };
            let result = SiteSettings::typed(&e, "", &u, None)
                .map(|_| ())
                .map_err(|p| p.into_iter().map(|(_, m)| m).next().unwrap_or_default());
            error.set(result.clone().err());
            result
        })
    };

    let plan_now = {
        let id = plan_id.clone();
        move || state.library.plan_now(&id)
    };
    // The preview shows the plan and settings as they are when it is asked for.
    let show_preview = {
        let plan_now = plan_now.clone();
        move || {
            let (Some(plan), Some(settings)) = (plan_now(), settings()) else {
                return;
            };
            let plan_json = crate::format::export(&plan, None);
            if site_build::hand_over(&plan_json, &settings.to_json()).is_ok() {
                preview_key.update(|k| *k += 1);
            }
        }
    };
    {
        let show_preview = show_preview.clone();
        spawn_local(async move {
            match site_build::text(site_build::FILE_LIST).await {
                Ok(_) => show_preview(),
                Err(_) => site_missing.set(Some(
                    "This copy of the app was built without the residents' site, so it cannot publish one. Build the app with ./scripts/build, or use ./scripts/publish.".to_string(),
                )),
            }
        });
    }
    on_cleanup(site_build::take_back);

    let download = {
        let plan_now = plan_now.clone();
        move |_| {
            if matches!(progress.get_untracked(), Progress::Working(_)) {
                return;
            }
            let (Some(plan), Some(settings)) = (plan_now(), settings()) else {
                progress.set(Progress::Failed(
                    "The site was not made: correct the details above first.".to_string(),
                ));
                return;
            };
            progress.set(Progress::Working("Getting the site's files".to_string()));
            spawn_local(async move {
                match make_site(&plan, &settings, progress).await {
                    Ok(done) => {
                        let kept = storage::keep_site_settings(&plan.id, &settings).is_ok();
                        progress.set(Progress::Done(if kept {
                            format!("{done} Its contact details are kept in this browser for the next time.")
                        } else {
                            done
                        }))
                    }
                    Err(why) => {
                        progress.set(Progress::Failed(format!("The site was not made: {why}.")))
                    }
                }
            });
        }
    };

    view! {
        <Breadcrumbs links=trail current="Publish for residents".to_string() />
        <ErrorSummary />
        <span class="govuk-caption-l">{move || title.get()}</span>
        <h1 class="govuk-heading-l">"Publish for residents"</h1>
        <p class="govuk-body">"The residents' site is the plan, read-only, for anyone to read on any phone or computer, with or without JavaScript. Fill in what residents need, check the preview, then download the site as one zip file and upload what is in it to the council's website or any static web host."</p>
        <p class="govuk-body">"To update the site later, upload a newer export of the plan as plan.json. Download the zip again to update the plain pages too: the site says when they are older than plan.json."</p>

        <h2 class="govuk-heading-m">"Who is accountable"</h2>
        <p class="govuk-body">"The residents' home page says who leads the plan, which committee oversees it and when it next reports. These are the plan's own details, saved as you type, as on the committee reporting page."</p>
        <Accountable plan_id=plan_id.clone() />
        <Schedules plan_id=plan_id.clone() />

        <h2 class="govuk-heading-m">"The site's contact details"</h2>
        <p class="govuk-body">"These go in the site's site.json, not in the plan. This browser keeps them when the site is downloaded, for the next time you publish this plan."</p>
        <TextField id="site-email" label="Email address for residents" bold_label=true input_type="email"
            hint="Where residents report an accessibility problem or ask for the plan in another format"
            value=Signal::derive(move || email.get()) error=email_error
            on_change=check(SiteField::Email, email_error, email) />
        <TextField id="site-phone" label="Telephone number" bold_label=true input_type="tel" width="govuk-input--width-20"
            value=Signal::derive(move || phone.get())
            on_change=Callback::new(move |v: String| { phone.set(v); Ok(()) }) />
        <TextField id="site-report-url" label="Link to the council's peer challenge report" bold_label=true
            hint="A web address starting with https://"
            value=Signal::derive(move || report_url.get()) error=report_error
            on_change=check(SiteField::ReportUrl, report_error, report_url) />
        <DateInput id="site-statement-date" legend="When the accessibility statement was last reviewed" bold=true
            typed=statement error=statement_error />

        <h2 class="govuk-heading-m">"Preview of the residents' home page"</h2>
        {move || match site_missing.get() {
            Some(why) => view! { <p class="govuk-body" data-testid="site-missing">{why}</p> }.into_any(),
            None => view! {
                <button type="button" class="govuk-button govuk-button--secondary" on:click={
                    let show_preview = show_preview.clone();
                    move |_| show_preview()
                }>"Show the changes in the preview"</button>
                {move || (preview_key.get() > 0).then(|| view! {
                    <iframe class="app-site-preview" src=format!("{}index.html?preview={}", site_build::SITE_DIR, preview_key.get())
                        title="Preview of the residents' home page"></iframe>
                })}
                <p class="govuk-body">
                    <button type="button" class="govuk-button" data-module="govuk-button"
                        disabled=move || matches!(progress.get(), Progress::Working(_))
                        on:click=download.clone()>"Download the residents' site (.zip)"</button>
                </p>
            }.into_any(),
        }}
        <div aria-live="polite" data-testid="publish-progress">
            {move || match progress.get() {
                Progress::Idle => None,
                Progress::Working(what) => Some(view! { <p class="govuk-body">{what}</p> }.into_any()),
                Progress::Done(what) => Some(view! {
                    <div class="govuk-panel govuk-panel--confirmation govuk-!-text-align-left">
                        <h2 class="govuk-panel__title govuk-!-font-size-27">"The residents' site is ready"</h2>
                        <div class="govuk-panel__body govuk-!-font-size-19">{what}</div>
                    </div>
                }.into_any()),
                Progress::Failed(why) => Some(view! {
                    <p class="govuk-error-message"><span class="govuk-visually-hidden">"Error: "</span>{why}</p>
                }.into_any()),
            }}
        </div>
    }
}

/// Writes every page in the site build's own frame, then zips the site and offers it.
async fn make_site(
    plan: &Plan,
    settings: &SiteSettings,
    progress: RwSignal<Progress>,
) -> Result<String, String> {
    let now = crate::browser::clock::now_rfc3339();
    let plan_json = crate::format::export(plan, Some(&now));
    let site_json = settings.to_json();
    site_build::hand_over(&plan_json, &site_json)?;
    let build = site_build::build_files().await?;
    let shell = build
        .iter()
        .find(|(name, _)| name == static_site::SHELL)
        .and_then(|(_, bytes)| String::from_utf8(bytes.clone()).ok())
        .ok_or("the site build has no index.html")?;
    let check = static_site::plan_check(&plan_json);
    let frame = Frame::open().await?;
    let all = routes(plan);
    let mut pages = Vec::with_capacity(all.len());
    for (done, route) in all.iter().enumerate() {
        progress.set(Progress::Working(format!(
            "Writing page {} of {}",
            done + 1,
            all.len()
        )));
        let Some(file) = file_of(route) else {
            continue;
        };
        let (title, body) = frame.render(&route.href(), &static_href).await?;
        let page = Page {
            file: file.clone(),
            title,
            address: route.href(),
            body,
        };
        pages.push((file, static_site::page_html(&shell, &page, &check)?));
    }
    drop(frame);
    let count = pages.len();
    let feed = updates_feed(plan, &now, |action| {
        file_of(&Route::Action {
            plan: plan.id.clone(),
            action: action.to_string(),
        })
        .unwrap_or_default()
    });
    let made = crate::domain::dates::format_long(crate::browser::clock::today());
    let readme = static_site::readme(&plan.council, &made);
    let files = static_site::site_files(build, pages, &plan_json, &site_json, &feed, &readme);
    let zip = static_site::site_zip(&files);
    let name = format!("{}-residents-site.zip", file_safe(&plan.id));
    if !crate::browser::download::download_bytes(&name, "application/zip", &zip) {
        return Err("the browser refused the download".to_string());
    }
    Ok(format!(
        "{name} is downloaded: {count} pages and {} files in all. Unzip it and upload everything in it; README.txt in it says how.",
        files.len()
    ))
}
