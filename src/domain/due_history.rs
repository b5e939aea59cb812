//! Due dates that slip keep their history: each move records the date it moved from, the
//! day it moved and why, so figures as at a past day use the date in force on that day.

use chrono::NaiveDate;
use serde::Serialize;

use super::dates::format_due;

/// On `changed` the due date moved away from `from`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct DueChange {
    pub id: String,
    pub changed: NaiveDate,
    pub from: NaiveDate,
    /// The timescale as written before the move.
    #[serde(default)]
    pub timescale: String,
    #[serde(default)]
    pub reason: String,
}

/// The due date in force on `day`: the date the first move after that day moved away
/// from, or `due` (the current one) when nothing has moved it since.
pub fn due_on(due: Option<NaiveDate>, history: &[DueChange], day: NaiveDate) -> Option<NaiveDate> {
    history
        .iter()
        .filter(|c| c.changed > day)
        .min_by_key(|c| c.changed)
        .map(|c| Some(c.from))
        .unwrap_or(due)
}

/// The date the `index`th move moved to: where the next move moved from, or the current
/// date after the last.
pub fn moved_to(due: Option<NaiveDate>, history: &[DueChange], index: usize) -> Option<NaiveDate> {
    history
        .get(index + 1)
        .map(|next| Some(next.from))
        .unwrap_or(due)
}

/// How many times the due date has moved by `day`.
pub fn moves_by(history: &[DueChange], day: NaiveDate) -> usize {
    history.iter().filter(|c| c.changed <= day).count()
}

/// "Originally March 2020, now June 2020 (moved 3 times)", as at `day`; none when the
/// date had not moved by then.
pub fn slipped(due: Option<NaiveDate>, history: &[DueChange], day: NaiveDate) -> Option<String> {
    let moves = moves_by(history, day);
    let original = history
        .iter()
        .filter(|c| c.changed <= day)
        .min_by_key(|c| c.changed)?
        .from;
    let now = due_on(due, history, day)
        .map(format_due)
        .unwrap_or_else(|| "no date".to_string());
    let times = match moves {
        1 => "moved once".to_string(),
        2 => "moved twice".to_string(),
        n => format!("moved {n} times"),
    };
    Some(format!(
        "Originally {}, now {now} ({times})",
        format_due(original)
    ))
}

/// A due date set on `today`: the history with this move recorded. Setting a first date
/// is not a move; moving again on the day of the last move corrects that move (and moving
/// back to where it came from that day takes the move away), so a date typed and
/// corrected is one move, not two.
pub fn record_move(
    due: Option<NaiveDate>,
    timescale: &str,
    history: &[DueChange],
    new_due: Option<NaiveDate>,
    today: NaiveDate,
    id: String,
    reason: &str,
) -> Vec<DueChange> {
    let mut history = history.to_vec();
    let Some(from) = due else {
        return history;
    };
    if new_due == Some(from) {
        return history;
    }
    if let Some(last) = history.last_mut().filter(|c| c.changed == today) {
        if new_due == Some(last.from) {
            history.pop();
        } else if !reason.trim().is_empty() {
            last.reason = reason.trim().to_string();
        }
        return history;
    }
    history.push(DueChange {
        id,
        changed: today,
        from,
        timescale: timescale.to_string(),
        reason: reason.trim().to_string(),
    });
    history
}
