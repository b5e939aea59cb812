//! What every page shares, through context: the library, today's date, the message for
//! one page, a plan file waiting to be imported, a published site's settings, and text
//! typed for things not yet added; and going to another address.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::browser::document;
use crate::domain::{Plan, Problem};
use crate::format::site::SiteSettings;
use crate::format::Imported;
use crate::presentation::route::{Address, Route};
use crate::ui::library::Library;

mod drafts;
pub use drafts::{place_exists, Draft, DraftForm, Drafts};

/// A message shown on one page until the officer leaves it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flash {
    pub route: Route,
    pub message: String,
}

/// A file read and checked, waiting for the officer to choose what to do with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingImport {
    pub name: String,
    pub result: Result<Imported, Vec<Problem>>,
}

/// Everything pages share, through context.
#[derive(Clone, Copy)]
pub struct AppState {
    pub library: Library,
    /// Today's date here, changing at midnight while the app is open.
    pub today: RwSignal<NaiveDate>,
    /// A message for one page, such as "Plan deleted" on the plans list, with an undo button.
    pub flash: RwSignal<Option<Flash>>,
    /// A plan file read and checked, waiting for the officer to say what to do with it.
    pub pending: RwSignal<Option<PendingImport>>,
    /// A published site's settings; `None` in the officer's app.
    pub site: Option<StoredValue<SiteSettings>>,
    /// The day the council last exported a published plan (`exported_at`): a published
    /// site's figures are as at that day unless a resident picks another. `None` in the
    /// officer's app, and for a plan file that does not say.
    pub updated: Option<NaiveDate>,
    /// Text typed for things not yet added, kept across pages.
    pub drafts: Drafts,
}

impl AppState {
    /// A published site: read-only, for residents. Always, in the site build: every
    /// branch that edits is then known dead when compiling, and left out.
    pub fn published(&self) -> bool {
        cfg!(feature = "site") || self.site.is_some()
    }

    /// The day figures are as at when the address does not say: a published plan's export
    /// day, or today. Tracks `today` when it is today.
    pub fn figures_day(&self) -> NaiveDate {
        match self.updated {
            Some(day) if self.published() => day,
            _ => self.today.get(),
        }
    }

    /// Shows `message` on `route`'s page, with an Undo button, and goes there.
    pub fn go_with_message(&self, route: Route, message: impl Into<String>) {
        self.flash.set(Some(Flash {
            route: route.clone(),
            message: message.into(),
        }));
        navigate(&route);
    }

    /// Calls `f` with the plan of that id, if this browser holds one.
    pub fn with_plan<T>(&self, id: &str, f: impl FnOnce(Option<&Plan>) -> T) -> T {
        self.library.with_plan(id, f)
    }
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}

/// The id of the page's main content, which the skip link moves to.
pub const SKIP_LINK_TARGET: &str = "main-content";

/// The address the browser shows now.
pub fn current_address() -> Address {
    let mut hash = document::hash();
    // A written page's skip link, followed before the app arrived, leaves `#main-content`
    // behind: a place on the page, not an address of the app's, so it reads as none.
    if hash.trim_start_matches('#') == SKIP_LINK_TARGET {
        hash.clear();
    }
    // A written page of the residents' site opened by its own address shows its view.
    if hash.trim_start_matches('#').is_empty() {
        if let Some(address) = crate::browser::published::page_address() {
            return Address::parse(&address);
        }
    }
    Address::parse(&hash)
}

/// Goes to a route, as following a link would.
pub fn navigate(route: &Route) {
    document::set_hash(&route.path());
}

/// Goes to an address with its query.
pub fn navigate_to(address: &Address) {
    document::set_hash(address.href().trim_start_matches('#'));
}
