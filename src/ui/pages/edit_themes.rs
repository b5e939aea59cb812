//! `#/plan/<id>/themes`: the themes in the challenge's scope, and the council's groups.

use leptos::prelude::*;

use crate::browser::random::new_id;
use crate::domain::edit::{Edit, ListOp};
use crate::domain::{Group, Plan, Theme, ThemeKind};
use crate::presentation::route::Route;
use crate::ui::components::breadcrumbs::{plan_trail, Breadcrumbs};
use crate::ui::components::form::{
    first_reason, focus_field, ErrorSummary, FormErrors, NewItemInput, RemoveWithCheck,
    SelectField, TextField,
};
use crate::ui::components::title::set_title;
use crate::ui::pages::editing::{change, from_plan, required, ControlEdits};
use crate::ui::pages::not_found::WhenFound;
use crate::ui::state::use_state;

#[component]
pub fn EditThemesPage(plan_id: String) -> impl IntoView {
    view! {
        <WhenFound plan_id=plan_id.clone()>
            <ThemesForm plan_id=plan_id.clone() />
        </WhenFound>
    }
}

/// The numbers of the recommendations that `uses` picks out.
fn users(plan: &Plan, uses: impl Fn(&crate::domain::Recommendation) -> bool) -> Vec<String> {
    plan.recommendations
        .iter()
        .filter(|r| uses(r))
        .map(|r| r.number.clone())
        .collect()
}

#[component]
fn ThemesForm(plan_id: String) -> impl IntoView {
    let library = use_state().library;
    FormErrors::provide();
    let title = from_plan(&plan_id, |p| p.title.clone());
    let trail = plan_trail(&plan_id, &title.get_untracked());
    Effect::new(move |_| set_title(&["Themes and groups", &title.get()]));
    let theme_ids = from_plan(&plan_id, |p| {
        p.themes.iter().map(|t| t.id.clone()).collect::<Vec<_>>()
    });
    let group_ids = from_plan(&plan_id, |p| {
        p.groups.iter().map(|g| g.id.clone()).collect::<Vec<_>>()
    });
    let overview = Route::Overview {
        plan: plan_id.clone(),
    }
    .href();

    let new_theme =
        crate::ui::pages::editing::draft(&plan_id, None, "new-theme", "a theme").field("title");
    let new_theme_kind = RwSignal::new(ThemeKind::Additional);
    let new_group =
        crate::ui::pages::editing::draft(&plan_id, None, "new-group", "a group").field("name");
    let theme_error = RwSignal::new(None::<String>);
    let group_error = RwSignal::new(None::<String>);
    let add_theme = {
        let plan_id = plan_id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let title = new_theme.get_untracked().trim().to_string();
            if title.is_empty() {
                theme_error.set(Some("Enter the theme's title".to_string()));
                return;
            }
            let theme = Theme {
                id: new_id("theme"),
                title,
                question: String::new(),
                kind: new_theme_kind.get_untracked(),
            };
            match library.edit(&plan_id, Edit::Theme(ListOp::Add(theme)), None) {
                Ok(()) => {
                    theme_error.set(None);
                    new_theme.set(String::new());
                }
                Err(p) => theme_error.set(Some(first_reason(p))),
            }
        }
    };
    let add_group = {
        let plan_id = plan_id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let name = new_group.get_untracked().trim().to_string();
            if name.is_empty() {
                group_error.set(Some("Enter the group's name".to_string()));
                return;
            }
            match library.edit(
                &plan_id,
                Edit::Group(ListOp::Add(Group {
                    id: new_id("group"),
                    name,
                })),
                None,
            ) {
                Ok(()) => {
                    group_error.set(None);
                    new_group.set(String::new());
                    focus_field("new-group");
                }
                Err(p) => group_error.set(Some(first_reason(p))),
            }
        }
    };

    let row_plan = StoredValue::new(plan_id);

    view! {
        <Breadcrumbs links=trail current="Themes and groups".to_string() />
        <ErrorSummary />
        <span class="govuk-caption-l">{move || title.get()}</span>
        <h1 class="govuk-heading-l">"Themes and groups"</h1>

        <h2 class="govuk-heading-m">"Themes"</h2>
        <p class="govuk-body">"The core themes every peer challenge covers, and the areas the council asked the peer team to look at."</p>
        <For each=move || theme_ids.get() key=|id| id.clone() let:theme_id>
            <ThemeRow plan_id=row_plan.get_value() theme_id=theme_id />
        </For>
        <form class="app-add-form" novalidate data-own-undo="" on:submit=add_theme>
            <fieldset class="govuk-fieldset">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">"Add a theme"</legend>
                <NewItemInput id="new-theme" label="Title" value=new_theme error=theme_error />
                <div class="govuk-form-group">
                    <label class="govuk-label" for="new-theme-kind">"Kind"</label>
                    <select class="govuk-select" id="new-theme-kind" on:change=move |ev| new_theme_kind.set(if event_target_value(&ev) == "core" { ThemeKind::Core } else { ThemeKind::Additional })>
                        <option value="additional" selected=true>{ThemeKind::Additional.label()}</option>
                        <option value="core">{ThemeKind::Core.label()}</option>
                    </select>
                </div>
                <button type="submit" class="govuk-button govuk-button--secondary">"Add theme"</button>
            </fieldset>
        </form>

        <h2 class="govuk-heading-m">"Groups"</h2>
        <p class="govuk-body">"The council's own grouping of recommendations, such as thematic steering groups or directorates."</p>
        <For each=move || group_ids.get() key=|id| id.clone() let:group_id>
            <GroupRow plan_id=row_plan.get_value() group_id=group_id />
        </For>
        <form class="app-add-form" novalidate data-own-undo="" on:submit=add_group>
            <fieldset class="govuk-fieldset">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">"Add a group"</legend>
                <NewItemInput id="new-group" label="Name" value=new_group error=group_error />
                <button type="submit" class="govuk-button govuk-button--secondary">"Add group"</button>
            </fieldset>
        </form>

        <a class="govuk-button" href=overview>"Back to the plan"</a>
    }
}

#[component]
fn ThemeRow(plan_id: String, theme_id: String) -> impl IntoView {
    let library = use_state().library;
    let id = plan_id.as_str();
    let tid = theme_id.clone();
    let read = move |f: fn(&Theme) -> String| {
        let tid = tid.clone();
        from_plan(id, move |p| p.theme(&tid).map(f).unwrap_or_default())
    };
    let set = |key: &'static str, write: fn(&mut Theme, String) -> Result<(), String>| {
        let tid = theme_id.clone();
        change(
            id,
            format!("theme-{theme_id}-{key}"),
            move |plan, v: String| {
                let index = plan
                    .themes
                    .iter()
                    .position(|t| t.id == tid)
                    .ok_or("This theme is no longer in the plan")?;
                let mut theme = plan.themes[index].clone();
                write(&mut theme, v)?;
                Ok(Edit::Theme(ListOp::Replace(index, theme)))
            },
        )
    };
    let used_by = {
        let tid = theme_id.clone();
        from_plan(id, move |p| users(p, |r| r.themes.contains(&tid)))
    };
    let title = read(|t| t.title.clone());
    let remove = {
        let edits = ControlEdits::new(&plan_id);
        let (plan_id, tid) = (plan_id.clone(), theme_id.clone());
        Callback::new(move |_| {
            if let Some(index) = library
                .plan_now(&plan_id)
                .and_then(|p| p.themes.iter().position(|t| t.id == tid))
            {
                edits.make(
                    &format!("theme-{tid}-title"),
                    Edit::Theme(ListOp::Remove(index)),
                    None,
                );
            }
        })
    };
    let field_id = format!("theme-{theme_id}");
    view! {
        <fieldset class="govuk-fieldset app-list-item" data-testid="theme">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{move || title.get()}</legend>
            <TextField id=format!("{field_id}-title") label="Title" value=title
                on_change=set("title", |t, v| { t.title = required(v, "Enter the theme's title")?; Ok(()) }) />
            <TextField id=format!("{field_id}-question") label="Question" multiline=true hint="The question the peer team was asked"
                value=read(|t| t.question.clone()) on_change=set("question", |t, v| { t.question = v; Ok(()) }) />
            <SelectField id=format!("{field_id}-kind") label="Kind"
                options=vec![("core".to_string(), ThemeKind::Core.label().to_string()), ("additional".to_string(), ThemeKind::Additional.label().to_string())]
                value=read(|t| if t.kind == ThemeKind::Core { "core".to_string() } else { "additional".to_string() })
                on_change=set("kind", |t, v| { t.kind = if v == "core" { ThemeKind::Core } else { ThemeKind::Additional }; Ok(()) }) />
            <RemoveWithCheck what="theme" name=title used_by=used_by
                consequence="Removing it takes it off them; their actions stay." remove=remove />
        </fieldset>
    }
}

#[component]
fn GroupRow(plan_id: String, group_id: String) -> impl IntoView {
    let library = use_state().library;
    let id = plan_id.as_str();
    let name = {
        let gid = group_id.clone();
        from_plan(id, move |p| {
            p.group(&gid).map(|g| g.name.clone()).unwrap_or_default()
        })
    };
    let used_by = {
        let gid = group_id.clone();
        from_plan(id, move |p| {
            users(p, |r| r.group.as_deref() == Some(gid.as_str()))
        })
    };
    let set_name = {
        let gid = group_id.clone();
        change(id, format!("group-{group_id}"), move |plan, v: String| {
            let index = plan
                .groups
                .iter()
                .position(|g| g.id == gid)
                .ok_or("This group is no longer in the plan")?;
            let group = Group {
                id: gid.clone(),
                name: required(v, "Enter the group's name")?,
            };
            Ok(Edit::Group(ListOp::Replace(index, group)))
        })
    };
    let remove = {
        let edits = ControlEdits::new(&plan_id);
        let (plan_id, gid) = (plan_id.clone(), group_id.clone());
        Callback::new(move |_| {
            if let Some(index) = library
                .plan_now(&plan_id)
                .and_then(|p| p.groups.iter().position(|g| g.id == gid))
            {
                edits.make(
                    &format!("group-{gid}"),
                    Edit::Group(ListOp::Remove(index)),
                    None,
                );
            }
        })
    };
    view! {
        <div class="app-list-item" data-testid="group">
            <TextField id=format!("group-{group_id}") label="Group name" bold_label=true value=name on_change=set_name />
            <RemoveWithCheck what="group" name=name used_by=used_by
                consequence="Removing it leaves them in no group." remove=remove />
        </div>
    }
}
