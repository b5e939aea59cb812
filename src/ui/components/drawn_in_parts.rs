//! Drawing the app in parts, a task each, when it takes over a residents' written page
//! (`main.rs`): the written page stays in view meanwhile, and no one task is long. The
//! app draws the header (1), the notices and footer (2), the page itself (3), and the
//! rest of a long page (4, [`later`]); drawn at once everywhere else.

use leptos::prelude::*;

/// How many parts the app is drawn in, when told to draw in parts.
pub const PARTS: u8 = 4;

/// The parts drawn so far, when the app is drawn in parts (`None`: all at once).
#[derive(Clone, Copy)]
pub struct DrawnParts(pub Option<ReadSignal<u8>>);

impl DrawnParts {
    /// Whether `part` is to be drawn yet.
    pub fn drawn(self, part: u8) -> bool {
        self.0.is_none_or(|parts| parts.get() >= part)
    }
}

/// The rest of a long page (after its first screen): drawn one task after the page when
/// the app is drawn in parts, at once otherwise.
pub fn later(rest: AnyView) -> AnyView {
    match use_context::<DrawnParts>().and_then(|p| p.0) {
        Some(parts) if parts.get_untracked() < PARTS => {
            let slot = StoredValue::new_local(Some(rest));
            (move || {
                (parts.get() >= PARTS)
                    .then(|| slot.try_update_value(Option::take).flatten())
                    .flatten()
            })
            .into_any()
        }
        _ => rest,
    }
}
