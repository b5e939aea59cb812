//! `site.json`: what a published site says about itself, beside `plan.json`. Every field
//! may be left out.
//!
//! ```json
//! { "contact_email": "policy@havering.gov.uk", "contact_phone": "01708 434343",
//!   "report_url": "https://www.havering.gov.uk/peer-challenge", "statement_date": "2026-11-23" }
//! ```

use chrono::NaiveDate;
use serde::Deserialize;

use crate::domain::dates::parse_iso;
use crate::domain::validate::is_web_address;

/// A published site's settings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SiteSettings {
    /// Where residents report an accessibility problem or ask for another format.
    pub contact_email: String,
    pub contact_phone: String,
    /// The council's published peer challenge report, if it has one online.
    pub report_url: Option<String>,
    /// When the accessibility statement was last reviewed.
    pub statement_date: Option<NaiveDate>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Raw {
    contact_email: String,
    contact_phone: String,
    report_url: String,
    statement_date: String,
}

impl SiteSettings {
    /// Reads `site.json`. Anything unreadable is left out rather than refused: the plan is
    /// what matters, and it is published either way.
    pub fn from_text(text: &str) -> SiteSettings {
        let raw: Raw =
            serde_json::from_str(text.trim_start_matches('\u{feff}')).unwrap_or_default();
        let email = raw.contact_email.trim();
        SiteSettings {
            contact_email: if email.contains('@') && !email.contains(char::is_whitespace) {
                email.to_string()
            } else {
                String::new()
            },
            contact_phone: raw.contact_phone.trim().to_string(),
            report_url: Some(raw.report_url.trim().to_string()).filter(|u| is_web_address(u)),
            statement_date: parse_iso(raw.statement_date.trim()),
        }
    }
}

/// Whether a file asked for is really a web page: what a host with a single-page-app
/// fallback sends for a file that is not there. A plan or settings file is JSON, which
/// never starts with `<`.
pub fn is_web_page(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_read_leniently_and_safely() {
        let s = SiteSettings::from_text(
            r#"{"contact_email": " policy@havering.gov.uk ", "contact_phone": "01708 434343", "report_url": "https://www.havering.gov.uk/pc", "statement_date": "2026-11-23", "extra": 1}"#,
        );
        assert_eq!(s.contact_email, "policy@havering.gov.uk");
        assert_eq!(
            s.report_url.as_deref(),
            Some("https://www.havering.gov.uk/pc")
        );
        assert_eq!(s.statement_date, NaiveDate::from_ymd_opt(2026, 11, 23));
        let bad = SiteSettings::from_text(
            r#"{"contact_email": "not an email", "report_url": "javascript:alert(1)", "statement_date": "soon"}"#,
        );
        assert_eq!(bad, SiteSettings::default());
        assert_eq!(SiteSettings::from_text("not json"), SiteSettings::default());
    }

    #[test]
    fn a_web_page_sent_for_a_missing_file_is_not_taken_for_the_file() {
        assert!(super::is_web_page("<!DOCTYPE html>\n<html lang=\"en-GB\">"));
        assert!(super::is_web_page("\u{feff}  <html>"));
        assert!(!super::is_web_page("{\"format\": \"cpc-action-plan\"}"));
        assert!(!super::is_web_page("not json at all"));
    }
}
