//! The words of the format's rules, shared by the importer (`format::import`, which reads
//! a file) and `validate` (which checks a plan in memory), so an officer sees the same
//! reason for the same rule wherever it is broken.

use super::plan::Response;

// Why a text must be there: the importer writes "is missing: …" or "is empty: …" before
// these, and `validate` "is empty: …".
pub const COUNCIL_NEEDED: &str = "a plan needs the council's name";
pub const PEER_NAME_NEEDED: &str = "each member of the peer team needs a name";
pub const THEME_TITLE_NEEDED: &str = "every theme needs a title";
pub const RECOMMENDATION_NUMBER_NEEDED: &str =
    "every recommendation needs its number, as the peer team numbered it";
pub const RECOMMENDATION_TITLE_NEEDED: &str =
    "every recommendation needs its title, in the peer team's words";
pub const ACTION_TEXT_NEEDED: &str = "every action needs its text, as the council wrote it";
pub const MILESTONE_TITLE_NEEDED: &str = "every milestone needs a title";
pub const SUGGESTION_NUMBER_NEEDED: &str =
    "every suggestion needs its number, as the LGA numbered it (1.1)";
pub const SUGGESTION_TEXT_NEEDED: &str =
    "every suggestion needs its words, as the peers wrote them";

/// An action names a suggestion its recommendation does not have.
pub fn unknown_suggestion(id: &str) -> String {
    format!("names the suggestion \"{id}\", which is not one of its recommendation's suggestions")
}

/// A suggestion names a review the plan does not have.
pub fn unknown_later_review(id: &str) -> String {
    format!("names the review \"{id}\", which is not one of this plan's later reviews")
}
pub const DOCUMENT_TITLE_NEEDED: &str =
    "every document needs a title, such as \"Peer team's feedback report\"";
pub const RAG_WORDS_NEEDED: &str =
    "a Red, Amber and Green scale needs the council's words for each";
pub const SCHEDULE_COMMITTEE_NEEDED: &str = "every reporting schedule names its committee";
pub const SCHEDULE_DATES_NEEDED: &str =
    "is empty: a schedule on dates listed needs at least one date";
pub const SCHEDULE_FROM_NEEDED: &str =
    "is missing: a quarterly or six-monthly schedule needs the date of its first report";

/// A RAG word over the limit.
pub fn rag_words_too_long() -> String {
    format!(
        "is longer than {} characters: keep each colour's words short",
        super::narrative::RAG_WORDS_MAX
    )
}

/// `plan.review.onsite_to` before `onsite_from`.
pub const ONSITE_BACKWARDS: &str =
    "is before onsite_from: the peer team's last day on site cannot come before its first";

/// A response that needs the council's reason (`response_reason`) is missing one.
pub fn reason_missing(response: Response) -> String {
    format!(
        "is missing: a recommendation that is {} needs the council's reason",
        response.label().to_lowercase()
    )
}

/// A recommendation names a theme the plan does not have.
pub fn unknown_theme(theme: &str) -> String {
    format!("names the theme \"{theme}\", which is not one of this plan's themes")
}

/// A recommendation names a group the plan does not have.
pub fn unknown_group(group: &str) -> String {
    format!("names the group \"{group}\", which is not one of this plan's groups")
}

/// A link that is not an http(s) address.
pub fn not_web_address(url: &str) -> String {
    format!("is \"{url}\", which is not a web address: links must start with https:// or http://")
}
