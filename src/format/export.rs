//! Writes a plan as a plan-format-v1 file.

use crate::domain::dates::iso;
use serde::Serialize;

use super::{FORMAT, VERSION};
use crate::domain::Plan;

/// The file's outer object: format, version, when and which export, and the plan.
#[derive(Serialize)]
pub(crate) struct Envelope<'a> {
    format: &'static str,
    version: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    exported_at: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    export_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    from_export: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    for_lead: Option<&'a str>,
    plan: &'a Plan,
}

impl<'a> Envelope<'a> {
    pub(crate) fn new(plan: &'a Plan, exported_at: Option<&'a str>) -> Envelope<'a> {
        Envelope {
            format: FORMAT,
            version: VERSION,
            exported_at,
            export_id: None,
            from_export: None,
            for_lead: None,
            plan,
        }
    }
}

/// Which export a file is: what a returned copy is later merged against.
#[derive(Clone, Copy, Debug)]
pub struct Stamp<'a> {
    /// When (RFC 3339).
    pub at: &'a str,
    /// This export's own id, new for every export.
    pub export_id: &'a str,
    /// The export this browser's plan was made from, when it came as a file from another
    /// browser: a lead's copy going back names the copy it was sent.
    pub from_export: Option<&'a str>,
    /// The lead this copy is for ("Send to leads"): it opens on their actions.
    pub for_lead: Option<&'a str>,
}

/// The plan as a file that says which export it is.
pub fn export_stamped(plan: &Plan, stamp: &Stamp) -> String {
    let envelope = Envelope {
        export_id: Some(stamp.export_id),
        from_export: stamp.from_export,
        for_lead: stamp.for_lead.filter(|l| for_lead_fits(l)),
        ..Envelope::new(plan, Some(stamp.at))
    };
    serde_json::to_string_pretty(&envelope).expect("a plan always serialises")
}

/// The plan as a pretty-printed file. `exported_at` is an RFC 3339 time the caller reads
/// from its clock; the domain has none.
pub fn export(plan: &Plan, exported_at: Option<&str>) -> String {
    let envelope = Envelope::new(plan, exported_at);
    // The plan holds only strings, numbers, dates and lists: serialising it cannot fail.
    serde_json::to_string_pretty(&envelope).expect("a plan always serialises")
}

/// Whether a lead's name can go in a file's `for_lead`: 1 to 300 characters once trimmed.
pub fn for_lead_fits(lead: &str) -> bool {
    let length = lead.trim().chars().count();
    (1..=300).contains(&length)
}

/// A lead's copy: the plan's file name with the lead's name in it, so a folder of them
/// reads as who each is for ("…-for-ad-communications.plan.json").
pub fn lead_file_name(plan: &Plan, lead: &str, date: chrono::NaiveDate) -> String {
    let lead = shorten_slug(&slug(lead), 40);
    let lead = if lead.is_empty() {
        "lead".to_string()
    } else {
        lead
    };
    file_name(plan, date).replace(".plan.json", &format!("-for-{lead}.plan.json"))
}

/// Text as words of a file name: lower case ASCII letters and digits joined by `-`.
fn slug(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// The most characters a file name's words take: with the date and `.plan.json` the
/// name stays well inside the 255 bytes file systems allow.
pub const NAME_WORDS_MAX: usize = 120;

/// Cuts a name made of words joined by `-` to at most `most` characters, at a `-`.
pub fn shorten_slug(slug: &str, most: usize) -> String {
    if slug.len() <= most {
        return slug.to_string();
    }
    let cut = &slug[..slug
        .char_indices()
        .map(|(i, _)| i)
        .take_while(|i| *i <= most)
        .last()
        .unwrap_or(0)];
    match cut.rfind('-') {
        Some(at) if at > 0 => cut[..at].to_string(),
        _ => cut.to_string(),
    }
}

/// A tidy file name: `<council>-<title>-<date>.plan.json`, lower case, words joined by `-`,
/// the words cut short (at a word) when the council and title are long.
pub fn file_name(plan: &Plan, date: chrono::NaiveDate) -> String {
    let words: Vec<String> = [slug(&plan.council), slug(&plan.title)]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    let words = shorten_slug(&words.join("-"), NAME_WORDS_MAX);
    let mut parts: Vec<String> = vec![words];
    parts.retain(|p| !p.is_empty());
    parts.push(iso(date));
    format!("{}.plan.json", parts.join("-"))
}
