//! What the council says about a whole recommendation: "Progress to date", "Next steps"
//! and an overall rating, dated, so a report as at a past day shows what was said then.

use chrono::NaiveDate;
use serde::Serialize;

use super::status::Status;

/// The council's account of one recommendation on `date`. The newest entry on or before
/// a day is the position on that day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Narrative {
    pub id: String,
    pub date: NaiveDate,
    #[serde(default)]
    pub progress: String,
    #[serde(default)]
    pub next_steps: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default)]
    pub rating: Option<Rating>,
    #[serde(default)]
    pub author: String,
}

/// An overall rating: one of the seven statuses, or red, amber or green.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Rating {
    Status(Status),
    Rag(Rag),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Rag {
    Red,
    Amber,
    Green,
}

impl Rag {
    pub const ALL: [Rag; 3] = [Rag::Red, Rag::Amber, Rag::Green];

    pub fn as_str(self) -> &'static str {
        match self {
            Rag::Red => "red",
            Rag::Amber => "amber",
            Rag::Green => "green",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Rag::Red => "Red",
            Rag::Amber => "Amber",
            Rag::Green => "Green",
        }
    }
}

impl Rating {
    pub fn as_str(self) -> &'static str {
        match self {
            Rating::Status(s) => s.as_str(),
            Rating::Rag(r) => r.as_str(),
        }
    }

    pub fn parse(value: &str) -> Option<Rating> {
        Status::parse(value).map(Rating::Status).or_else(|| {
            Rag::ALL
                .into_iter()
                .find(|r| r.as_str() == value)
                .map(Rating::Rag)
        })
    }
}

/// How a plan rates its recommendations: with the seven statuses, or Red, Amber and
/// Green in the council's own words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RatingScale {
    Statuses,
    Rag {
        red: String,
        amber: String,
        green: String,
    },
}

/// The most a RAG word may be.
pub const RAG_WORDS_MAX: usize = 100;

impl RatingScale {
    /// The ratings this scale offers, in order, with their words.
    pub fn choices(&self) -> Vec<(Rating, String)> {
        match self {
            RatingScale::Statuses => Status::ALL
                .into_iter()
                .map(|s| (Rating::Status(s), s.label().to_string()))
                .collect(),
            RatingScale::Rag { red, amber, green } => vec![
                (Rating::Rag(Rag::Red), format!("Red: {red}")),
                (Rating::Rag(Rag::Amber), format!("Amber: {amber}")),
                (Rating::Rag(Rag::Green), format!("Green: {green}")),
            ],
        }
    }

    /// The rating in this scale's words; none when the scale does not use it.
    pub fn words(&self, rating: Rating) -> Option<String> {
        self.choices()
            .into_iter()
            .find(|(r, _)| *r == rating)
            .map(|(_, words)| words)
    }
}

/// What the council said as at `day`: the newest entry on or before it.
pub fn narrative_at(narrative: &[Narrative], day: NaiveDate) -> Option<&Narrative> {
    narrative
        .iter()
        .filter(|n| n.date <= day)
        .max_by_key(|n| n.date)
}
