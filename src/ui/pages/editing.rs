//! What the edit pages share: reading a value of a plan as a signal, turning a change into
//! an edit, and reading dates and numbers from what was typed.
//!
//! Edit pages build their fields once and let each field follow its own signal, so typing
//! never re-creates the field being typed in (which would lose focus and caret).

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::dates::{iso, parse_iso};
use crate::domain::edit::Edit;
use crate::domain::Plan;
use crate::ui::components::form::{first_reason, Change, FormErrors};
use crate::ui::library::Library;
use crate::ui::state::use_state;

/// A value read from the plan, following every change to it.
pub fn from_plan<T>(plan_id: &str, read: impl Fn(&Plan) -> T + Send + Sync + 'static) -> Signal<T>
where
    T: Default + Clone + Send + Sync + 'static,
{
    let library = use_state().library;
    let id = plan_id.to_string();
    Signal::derive(move || library.with_plan(&id, |p| p.map(&read).unwrap_or_default()))
}

/// The peer team's visit: the date a typed date is checked against ("Did you mean 2019?").
pub fn visit(plan_id: &str) -> Signal<Option<chrono::NaiveDate>> {
    from_plan(plan_id, crate::domain::sanity::visit)
}

/// A change that becomes an edit of the plan. `make` turns what was typed into the edit,
/// or says what is wrong with it; `key` joins typing in one field into one undo step.
pub fn change<T: Send + Sync + 'static>(
    plan_id: &str,
    key: impl Into<String>,
    make: impl Fn(&Plan, T) -> Result<Edit, String> + Send + Sync + 'static,
) -> Change<T> {
    let library = use_state().library;
    let id = plan_id.to_string();
    let key = key.into();
    Callback::new(move |value: T| {
        let plan = library
            .plan_now(&id)
            .ok_or_else(|| "This plan is no longer in this browser".to_string())?;
        let edit = make(&plan, value)?;
        library.edit(&id, edit, Some(&key)).map_err(first_reason)
    })
}

/// The kept text of a form on this page for something not yet added: `form` names it
/// within the plan, `under` is the recommendation or action it would go under (if any),
/// and `what` says what it would add ("a theme"), for the reminder on other pages.
pub fn draft(
    plan_id: &str,
    under: Option<&str>,
    form: &str,
    what: impl Into<String>,
) -> crate::ui::state::DraftForm {
    let key = match under {
        Some(under) => format!("{plan_id}/{under}/{form}"),
        None => format!("{plan_id}/{form}"),
    };
    use_state().drafts.form(
        key,
        crate::ui::state::Draft {
            what: what.into(),
            page: crate::ui::state::current_address().route.href(),
            plan: plan_id.to_string(),
            under: under.map(str::to_string),
            fields: Default::default(),
        },
    )
}

/// A date typed in a date field: empty is none.
pub fn optional_date(text: &str) -> Result<Option<NaiveDate>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    parse_iso(text)
        .map(Some)
        .ok_or_else(|| "Enter a real date, for example 31 12 2019".to_string())
}

/// A date that must be given.
pub fn required_date(text: &str, what: &str) -> Result<NaiveDate, String> {
    optional_date(text)?.ok_or_else(|| format!("Enter {what}"))
}

/// Text that must not be empty.
pub fn required(text: String, message: &str) -> Result<String, String> {
    if text.trim().is_empty() {
        Err(message.to_string())
    } else {
        Ok(text)
    }
}

/// A date as a date field shows it.
pub fn date_text(date: Option<NaiveDate>) -> String {
    date.map(iso).unwrap_or_default()
}

/// Makes the edits that buttons and choices ask for, where no typed text can hold the
/// reason for a refusal: a refused edit shows in the page's error summary (the GOV.UK
/// error pattern), linked to the control, until an edit from that control is made.
#[derive(Clone)]
pub struct ControlEdits {
    library: Library,
    errors: Option<FormErrors>,
    plan_id: String,
}

impl ControlEdits {
    /// For the plan `plan_id`, on the page being built now (its error summary).
    pub fn new(plan_id: &str) -> ControlEdits {
        ControlEdits {
            library: use_state().library,
            errors: use_context::<FormErrors>(),
            plan_id: plan_id.to_string(),
        }
    }

    /// Makes `edit`, asked for by the control with the id `control`. Returns whether the
    /// plan took it.
    pub fn make(&self, control: &str, edit: Edit, key: Option<&str>) -> bool {
        let result = self.library.edit(&self.plan_id, edit, key);
        if let Some(errors) = self.errors {
            errors.set(
                control,
                result.as_ref().err().map(|p| first_reason(p.clone())),
            );
        }
        result.is_ok()
    }
}

/// A web address typed for a link: trimmed, and refused unless it is http(s), in the words
/// every link field uses. Empty is refused with `needed`, or kept when that is none.
pub fn typed_web_address(text: String, needed: Option<&str>) -> Result<String, String> {
    let text = text.trim().to_string();
    match needed {
        Some(why) if text.is_empty() => Err(why.to_string()),
        None if text.is_empty() => Ok(text),
        _ if crate::domain::validate::is_web_address(&text) => Ok(text),
        _ => Err("Enter a web address that starts with https:// or http://".to_string()),
    }
}
