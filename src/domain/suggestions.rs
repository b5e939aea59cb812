//! Suggestions a later review made under a recommendation, numbered as the LGA numbers
//! them (1.1, 1.2). The dashboard counts the actions that follow from them apart.

use super::plan::Recommendation;

/// The number the next suggestion under `rec` takes: its recommendation's number, a dot,
/// and one more than the highest already there ("4.3" after "4.1" and "4.2").
pub fn next_number(rec: &Recommendation) -> String {
    let prefix = format!("{}.", rec.number.trim());
    let highest = rec
        .suggestions
        .iter()
        .filter_map(|s| s.number.trim().strip_prefix(&prefix)?.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("{prefix}{}", highest.saturating_add(1))
}
