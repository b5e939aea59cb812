//! The browser tab's title, which screen readers announce first on every page.

/// Sets the tab's title to "<page> – <plan> – Peer challenge action plans".
pub fn set_title(parts: &[&str]) {
    let mut all: Vec<&str> = parts.iter().copied().filter(|p| !p.is_empty()).collect();
    all.push("Peer challenge action plans");
    crate::browser::document::set_title(&all.join(" – "));
}
