//! What the officer has typed for something not yet added (a progress update, an action,
//! a recommendation): kept while they go elsewhere in the app, named on every other page
//! until it is added or cleared, and asked about before the tab is closed. Nothing typed
//! is lost by following a link.

use std::collections::BTreeMap;

use leptos::prelude::*;

/// One form's unfinished text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// What it would add, as a sentence ends: "a progress update on action 2.1".
    pub what: String,
    /// The page the form is on.
    pub href: String,
    /// The form's text fields that hold something, by name.
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
    /// A form whose text is kept: `key` names it across visits to its page.
    pub fn form(
        &self,
        key: impl Into<String>,
        what: impl Into<String>,
        href: impl Into<String>,
    ) -> DraftForm {
        DraftForm {
            drafts: *self,
            key: key.into(),
            what: what.into(),
            href: href.into(),
        }
    }

    /// The unfinished forms, in key order.
    pub fn list(&self) -> Vec<Draft> {
        self.0.with(|d| d.values().cloned().collect())
    }

    pub fn is_empty_untracked(&self) -> bool {
        self.0.with_untracked(BTreeMap::is_empty)
    }

    /// Forgets every draft of a plan (when the plan is deleted).
    pub fn forget_plan(&self, plan_id: &str) {
        let prefix = format!("{plan_id}/");
        self.0.update(|d| d.retain(|k, _| !k.starts_with(&prefix)));
    }

    fn write(&self, key: &str, what: &str, href: &str, name: &'static str, text: String) {
        let changed = self.0.with_untracked(|d| {
            d.get(key)
                .and_then(|f| f.fields.get(name))
                .map(String::as_str)
                .unwrap_or("")
                != text.trim()
        });
        if !changed {
            return;
        }
        self.0.update(|drafts| {
            let draft = drafts.entry(key.to_string()).or_insert_with(|| Draft {
                what: what.to_string(),
                href: href.to_string(),
                fields: BTreeMap::new(),
            });
            if text.trim().is_empty() {
                draft.fields.remove(name);
            } else {
                draft.fields.insert(name, text.trim().to_string());
            }
            if draft.fields.is_empty() {
                drafts.remove(key);
            }
        });
    }

    fn read(&self, key: &str, name: &str) -> String {
        self.0.with_untracked(|d| {
            d.get(key)
                .and_then(|f| f.fields.get(name).cloned())
                .unwrap_or_default()
        })
    }
}

/// One form's part of the drafts.
#[derive(Clone)]
pub struct DraftForm {
    drafts: Drafts,
    key: String,
    what: String,
    href: String,
}

impl DraftForm {
    /// A text field of the form: starts with what was typed in it before, and keeps what
    /// is typed now. Empty it (as adding does) and the draft is gone.
    pub fn field(&self, name: &'static str) -> RwSignal<String> {
        let text = RwSignal::new(self.drafts.read(&self.key, name));
        let this = self.clone();
        Effect::new(move |_| {
            let now = text.get();
            this.drafts
                .write(&this.key, &this.what, &this.href, name, now);
        });
        text
    }
}
