//! What the officer has typed for something not yet added (a progress update, an action,
//! a recommendation): kept while they go elsewhere in the app, named on every other page
//! until it is added or cleared, and asked about before the tab is closed. Nothing typed
//! is lost by following a link.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::ui::library::Library;

/// Whether the place a draft belongs to is in this tab's plans (a new plan's form, whose
/// plan is still to be made, always is).
pub fn place_exists(library: Library, plan: &str, under: Option<&str>) -> bool {
    if plan.is_empty() {
        return true;
    }
    library.with_plan(plan, |p| {
        p.is_some_and(|p| {
            under.is_none_or(|id| p.recommendation(id).is_some() || p.action(id).is_some())
        })
    })
}

/// One form's unfinished text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// What it would add, as a sentence ends: "a progress update on action 2.1".
    pub what: String,
    /// The page the form is on (its address without a query).
    pub page: String,
    /// The plan it belongs to, and the recommendation or action it would go under: a
    /// draft whose place has gone (deleted, or undone away) is not named, and comes back
    /// if its place does.
    pub plan: String,
    pub under: Option<String>,
    /// The form's text fields that hold something, by name, exactly as typed.
    pub fields: BTreeMap<&'static str, String>,
}

/// Every unfinished form in this tab, by form key.
#[derive(Clone, Copy)]
pub struct Drafts(RwSignal<BTreeMap<String, Draft>>);

impl Default for Drafts {
    fn default() -> Self {
        Drafts(RwSignal::new(BTreeMap::new()))
    }
}

impl Drafts {
    /// A form whose text is kept. `key` names it across visits to its page.
    pub fn form(&self, key: String, place: Draft) -> DraftForm {
        DraftForm {
            drafts: *self,
            key,
            place,
        }
    }

    /// The unfinished forms whose place is still there (`exists(plan, under)`), in key
    /// order, following every change.
    pub fn live(&self, exists: impl Fn(&str, Option<&str>) -> bool) -> Vec<Draft> {
        self.0.with(|d| {
            d.values()
                .filter(|d| exists(&d.plan, d.under.as_deref()))
                .cloned()
                .collect()
        })
    }

    /// Whether any unfinished form's place is still there, read now.
    pub fn any_live_untracked(&self, exists: impl Fn(&str, Option<&str>) -> bool) -> bool {
        self.0
            .with_untracked(|d| d.values().any(|d| exists(&d.plan, d.under.as_deref())))
    }

    fn write(&self, key: &str, place: &Draft, name: &'static str, text: String) {
        let unchanged = self.0.with_untracked(|d| {
            d.get(key)
                .and_then(|f| f.fields.get(name))
                .map_or(text.trim().is_empty(), |t| *t == text)
        });
        if unchanged {
            return;
        }
        self.0.update(|drafts| {
            let draft = drafts
                .entry(key.to_string())
                .or_insert_with(|| place.clone());
            if text.trim().is_empty() {
                draft.fields.remove(name);
            } else {
                draft.fields.insert(name, text);
            }
            if draft.fields.is_empty() {
                drafts.remove(key);
            }
        });
    }

    fn read(&self, key: &str, name: &str) -> Option<String> {
        self.0
            .with_untracked(|d| d.get(key).and_then(|f| f.fields.get(name).cloned()))
    }
}

/// One form's part of the drafts.
#[derive(Clone)]
pub struct DraftForm {
    drafts: Drafts,
    key: String,
    place: Draft,
}

impl DraftForm {
    /// A text field of the form: starts with what was typed in it before, and keeps what
    /// is typed now. Empty it (as adding does) and it is no longer unfinished.
    pub fn field(&self, name: &'static str) -> RwSignal<String> {
        self.field_or(name, "")
    }

    /// The same, for a field that starts filled (`start`): it is unfinished only once what
    /// it holds is not what it started with.
    pub fn field_or(&self, name: &'static str, start: &str) -> RwSignal<String> {
        let start = start.to_string();
        let text = RwSignal::new(
            self.drafts
                .read(&self.key, name)
                .unwrap_or_else(|| start.clone()),
        );
        let this = self.clone();
        Effect::new(move |_| {
            let now = text.get();
            let kept = if now == start { String::new() } else { now };
            this.drafts.write(&this.key, &this.place, name, kept);
        });
        text
    }
}
