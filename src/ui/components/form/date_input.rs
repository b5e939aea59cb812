//! Dates as the GOV.UK Design System asks for them: day, month and year in three boxes.
//!
//! The browser's own date picker rewrites what is being typed (a half-typed date reads as
//! empty, and writing that back blanks the field), so dates are typed as text and read
//! only when whole: nothing typed is ever rewritten, and a date that is incomplete or not
//! real is shown as an error while the plan keeps its last good date.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::{report_errors, Change, ErrorMessage, FarDateAnswers};
use crate::domain::date_parts::{date_parts, read_date_parts, DateProblem};
use crate::domain::dates::{far_date, format_long, iso, parse_iso, FarDate};
use crate::ui::components::warning_text::WarningText;
use crate::ui::state::use_state;

/// What the three boxes of a date hold, as typed.
#[derive(Clone, Copy)]
pub struct TypedDate {
    day: RwSignal<String>,
    month: RwSignal<String>,
    year: RwSignal<String>,
}

impl TypedDate {
    /// Boxes showing a date written `YYYY-MM-DD` (empty for none).
    pub fn new(iso_text: &str) -> TypedDate {
        let typed = TypedDate {
            day: RwSignal::new(String::new()),
            month: RwSignal::new(String::new()),
            year: RwSignal::new(String::new()),
        };
        typed.show(iso_text);
        typed
    }

    /// Shows a date written `YYYY-MM-DD` (empty for none), replacing what was typed.
    pub fn show(&self, iso_text: &str) {
        let [d, m, y] = parse_iso(iso_text.trim())
            .map(date_parts)
            .unwrap_or_default();
        self.day.set(d);
        self.month.set(m);
        self.year.set(y);
    }

    /// The date typed, read now; `name` starts any message ("Due date must include a year").
    pub fn read(&self, name: &str) -> Result<Option<NaiveDate>, DateProblem> {
        read_date_parts(
            &self.day.get_untracked(),
            &self.month.get_untracked(),
            &self.year.get_untracked(),
            name,
        )
    }

    /// The same, following every box (for views).
    pub fn watch(&self, name: &str) -> Result<Option<NaiveDate>, DateProblem> {
        read_date_parts(&self.day.get(), &self.month.get(), &self.year.get(), name)
    }

    /// The date typed as `YYYY-MM-DD` ("" for none); `None` while it is not a date.
    fn iso_untracked(&self) -> Option<String> {
        self.read("").ok().map(|d| d.map(iso).unwrap_or_default())
    }

    /// A date that must be given, read for a form being sent.
    pub fn required(&self, name: &str, what: &str) -> Result<NaiveDate, String> {
        match self.read(name) {
            Ok(Some(date)) => Ok(date),
            Ok(None) => Err(format!("Enter {what}")),
            Err(problem) => Err(problem.message),
        }
    }
}

/// The three boxes, with their legend, hint and error, marked as GOV.UK marks them.
#[component]
pub fn DateInput(
    #[prop(into)] id: String,
    #[prop(into)] legend: String,
    #[prop(optional, into)] hint: Option<String>,
    typed: TypedDate,
    error: RwSignal<Option<String>>,
    #[prop(optional)] bold: bool,
    /// Called after each keystroke in any box.
    #[prop(optional)]
    on_input: Option<Callback<()>>,
    /// Called when focus leaves the three boxes.
    #[prop(optional)]
    on_leave: Option<Callback<()>>,
    /// More ids for the group's `aria-describedby` (a note shown under the boxes).
    #[prop(optional)]
    described_also: Option<Signal<Option<String>>>,
    /// Shown under the boxes, inside the group.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    report_errors(&format!("{id}-day"), error);
    let hint = match hint.filter(|h| !h.is_empty()) {
        Some(h) => format!("{h} For example, 31 3 2020"),
        None => "For example, 31 3 2020".to_string(),
    };
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let describe = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = vec![hint_id.clone()];
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            if let Some(more) = described_also.and_then(|d| d.get()) {
                ids.push(more);
            }
            ids.join(" ")
        }
    };
    // Which boxes to mark: those the problem names, or all three for a refused date.
    let wrong = move |i: usize| {
        error.get().is_some() && typed.watch("").map_or_else(|p| p.boxes[i], |_| true)
    };
    let legend_class = if bold {
        "govuk-fieldset__legend govuk-fieldset__legend--s"
    } else {
        "govuk-fieldset__legend"
    };
    let group_class = move || {
        if error.get().is_some() {
            "govuk-form-group govuk-form-group--error"
        } else {
            "govuk-form-group"
        }
    };
    let container = format!("{id}-boxes");
    let leave = {
        let container = container.clone();
        move |ev: leptos::ev::FocusEvent| {
            if crate::browser::document::focus_leaves(&ev, &container) {
                if let Some(on_leave) = on_leave {
                    on_leave.run(());
                }
            }
        }
    };
    let typed_box = move |part: usize, label: &'static str, width: &'static str| {
        let (signal, box_id) = match part {
            0 => (typed.day, format!("{id}-day")),
            1 => (typed.month, format!("{id}-month")),
            _ => (typed.year, format!("{id}-year")),
        };
        let class = move || {
            let mut c = format!("govuk-input govuk-date-input__input {width}");
            if wrong(part) {
                c.push_str(" govuk-input--error");
            }
            c
        };
        view! {
            <div class="govuk-date-input__item">
                <div class="govuk-form-group">
                    <label class="govuk-label govuk-date-input__label" for=box_id.clone()>{label}</label>
                    // The month may be a name ("Mar"), so only the day and year ask for digits.
                    <input class=class id=box_id.clone() name=box_id type="text" inputmode=(part != 1).then_some("numeric")
                        autocomplete="off" spellcheck="false"
                        prop:value=move || signal.get()
                        on:input=move |ev| {
                            signal.set(event_target_value(&ev));
                            if let Some(on_input) = on_input {
                                on_input.run(());
                            }
                        } />
                </div>
            </div>
        }
    };
    view! {
        <div class=group_class>
            <fieldset class="govuk-fieldset" role="group" aria-describedby=describe>
                <legend class=legend_class>{legend}</legend>
                <div id=hint_id class="govuk-hint">{hint}</div>
                <ErrorMessage id=error_id error=error />
                <div class="govuk-date-input" id=container on:focusout=leave>
                    {typed_box(0, "Day", "govuk-input--width-2")}
                    {typed_box(1, "Month", "govuk-input--width-2")}
                    {typed_box(2, "Year", "govuk-input--width-4")}
                </div>
                {children.map(|c| c())}
            </fieldset>
        </div>
    }
}

/// A date of the plan, changed as the officer types: taken once the three boxes make a
/// real date (or are all emptied, for none), and never rewritten while being typed.
///
/// An incomplete or impossible date is shown as an error when the boxes are left, with
/// the date the plan still has, so nothing is stored unseen. With a `reference` (the peer
/// team's visit), a date more than twenty years from it is not kept at once: the field
/// asks whether the officer meant it ("Did you mean 2019?"), because 0019 or 2109 is an
/// easy slip of the keyboard.
#[component]
pub fn DateField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(into)] value: Signal<String>,
    on_change: Change<String>,
    #[prop(optional)] bold_label: bool,
    #[prop(optional, into)] reference: Option<Signal<Option<NaiveDate>>>,
    /// Something to look at again about the date the plan has, shown under the boxes.
    #[prop(optional, into)]
    warning: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let state = use_state();
    let error = RwSignal::new(None::<String>);
    let asking = RwSignal::new(None::<FarDate>);
    let typed = TypedDate::new(&value.get_untracked());
    // The plan changed from elsewhere (undo, another tab): show its date, unless the
    // boxes already read as it (the officer's own change, just stored).
    Effect::new(move |before: Option<String>| {
        let now = value.get();
        if before.is_some_and(|b| b != now) && typed.iso_untracked().as_deref() != Some(&now) {
            typed.show(&now);
            error.set(None);
            asking.set(None);
        }
        now
    });
    let name = label.clone();
    let store = move |text: String| {
        let far = reference
            .and_then(|r| parse_iso(&text).and_then(|day| far_date(day, r.get_untracked())));
        if let Some(far) = far {
            error.set(Some(far.question()));
            asking.set(Some(far));
            return;
        }
        asking.set(None);
        error.set(on_change.run(text).err());
    };
    let typing = {
        let name = name.clone();
        Callback::new(move |()| match typed.read(&name) {
            Ok(date) => {
                let text = date.map(iso).unwrap_or_default();
                if text == value.get_untracked() {
                    error.set(None);
                    asking.set(None);
                } else {
                    store(text);
                }
            }
            // Not a date yet: nothing is stored. A message already showing follows the typing.
            Err(problem) => {
                if error.get_untracked().is_some() {
                    error.set(Some(problem.message));
                }
            }
        })
    };
    let leave = Callback::new(move |()| {
        state.library.seal();
        if let Err(problem) = typed.read(&name) {
            error.set(Some(problem.message));
        }
    });
    let answer = move |day: NaiveDate| {
        asking.set(None);
        typed.show(&iso(day));
        error.set(on_change.run(iso(day)).err());
    };
    // While the boxes hold something the plan did not take, say what the plan still has.
    let kept_id = format!("{id}-kept");
    let not_kept = move || {
        error.get().is_some()
            && typed.watch("").ok().map(|d| d.map(iso).unwrap_or_default()) != Some(value.get())
    };
    let warning_id = format!("{id}-warning");
    let described = {
        let (kept_id, warning_id) = (kept_id.clone(), warning_id.clone());
        Signal::derive(move || {
            let mut ids = Vec::new();
            if not_kept() {
                ids.push(kept_id.clone());
            }
            if warning.and_then(|w| w.get()).is_some() {
                ids.push(warning_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        })
    };
    let kept_text = move || {
        let still = parse_iso(&value.get())
            .map(|d| format!("the plan still has {}", format_long(d)))
            .unwrap_or_else(|| "the plan still has no date here".to_string());
        format!("Not saved: {still}.")
    };
    view! {
        <DateInput id=id legend=label hint=hint.unwrap_or_default() typed=typed error=error bold=bold_label
            on_input=typing on_leave=leave described_also=described>
            {move || not_kept().then(|| view! {
                <p id=kept_id.clone() class="govuk-body-s app-not-saved" data-testid="date-not-saved">{kept_text}</p>
            })}
            {move || asking.get().map(|far| view! { <FarDateAnswers far=far answer=Callback::new(answer) /> })}
            {move || warning.and_then(|w| w.get()).map(|text| view! { <WarningText id=warning_id.clone() text=text testid="date-warning" /> })}
        </DateInput>
    }
}

/// "Did you mean 2019?" for a form that adds something dated: a date far from the peer
/// team's visit is not added until the officer answers. The likely date goes into the
/// boxes; the date as typed is kept, and the next try adds it.
#[derive(Clone, Copy)]
pub struct FarDateQuestion {
    asking: RwSignal<Option<FarDate>>,
    kept: RwSignal<Option<NaiveDate>>,
}

impl Default for FarDateQuestion {
    fn default() -> Self {
        FarDateQuestion {
            asking: RwSignal::new(None),
            kept: RwSignal::new(None),
        }
    }
}

impl FarDateQuestion {
    /// The question to show instead of adding, when `day` is far from `reference` and the
    /// officer has not already said they meant it.
    pub fn ask(&self, day: Option<NaiveDate>, reference: Option<NaiveDate>) -> Option<String> {
        let far = day
            .and_then(|d| far_date(d, reference))
            .filter(|f| self.kept.get_untracked() != Some(f.date));
        self.asking.set(far);
        far.map(|f| f.question())
    }

    /// Forgets the answer, for the next thing added.
    pub fn reset(&self) {
        self.asking.set(None);
        self.kept.set(None);
    }

    /// The two answers while the question is asked. `chosen` runs when the likely date is
    /// put in the boxes.
    pub fn answers(
        self,
        typed: TypedDate,
        error: RwSignal<Option<String>>,
        chosen: Option<Callback<()>>,
    ) -> impl IntoView {
        move || {
            self.asking.get().map(|far| {
                let answer = Callback::new(move |day: NaiveDate| {
                    if day == far.date {
                        self.kept.set(Some(day));
                    } else {
                        typed.show(&iso(day));
                        if let Some(chosen) = chosen {
                            chosen.run(());
                        }
                    }
                    error.set(None);
                    self.asking.set(None);
                });
                view! { <FarDateAnswers far=far answer=answer /> }
            })
        }
    }
}
