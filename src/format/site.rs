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

/// Which field of the publish form a problem is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SiteField {
    Email,
    ReportUrl,
}

impl SiteSettings {
    /// The settings as the officer typed them, checked: an email address must look like
    /// one and the report link must be a web address; either may be left blank.
    pub fn typed(
        email: &str,
        phone: &str,
        report_url: &str,
        statement_date: Option<NaiveDate>,
    ) -> Result<SiteSettings, Vec<(SiteField, String)>> {
        let email = email.trim();
        let report_url = report_url.trim();
        let mut problems = Vec::new();
        if !email.is_empty() && (!email.contains('@') || email.contains(char::is_whitespace)) {
            problems.push((
                SiteField::Email,
                "Enter an email address in the correct format, like name@example.gov.uk"
                    .to_string(),
            ));
        }
        if !report_url.is_empty() && !is_web_address(report_url) {
            problems.push((
                SiteField::ReportUrl,
                "Enter the report link as a web address starting with https://".to_string(),
            ));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(SiteSettings {
            contact_email: email.to_string(),
            contact_phone: phone.trim().to_string(),
            report_url: Some(report_url.to_string()).filter(|u| !u.is_empty()),
            statement_date,
        })
    }

    /// Writes `site.json`, leaving out what is not set; [`SiteSettings::from_text`] reads it
    /// back the same.
    pub fn to_json(&self) -> String {
        let mut map = serde_json::Map::new();
        let mut put = |key: &str, value: String| {
            if !value.is_empty() {
                map.insert(key.to_string(), serde_json::Value::String(value));
            }
        };
        put("contact_email", self.contact_email.clone());
        put("contact_phone", self.contact_phone.clone());
        put("report_url", self.report_url.clone().unwrap_or_default());
        put(
            "statement_date",
            self.statement_date
                .map(crate::domain::dates::iso)
                .unwrap_or_default(),
        );
        serde_json::to_string_pretty(&serde_json::Value::Object(map))
            .unwrap_or_else(|_| "{}".to_string())
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
    fn typed_settings_are_checked_and_written_back_the_same() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 23);
        let s = SiteSettings::typed(
            " policy@havering.gov.uk ",
            "01708 434343",
            "https://www.havering.gov.uk/pc",
            day,
        )
        .expect("good settings");
        assert_eq!(SiteSettings::from_text(&s.to_json()), s);
        let blank = SiteSettings::typed("", "", "", None).expect("all optional");
        assert_eq!(blank.to_json(), "{}");
        let bad = SiteSettings::typed("policy at havering", "", "javascript:alert(1)", None)
            .expect_err("refused");
        assert_eq!(
            bad.iter().map(|(f, _)| *f).collect::<Vec<_>>(),
            [SiteField::Email, SiteField::ReportUrl]
        );
    }

    #[test]
    fn a_web_page_sent_for_a_missing_file_is_not_taken_for_the_file() {
        assert!(super::is_web_page("<!DOCTYPE html>\n<html lang=\"en-GB\">"));
        assert!(super::is_web_page("\u{feff}  <html>"));
        assert!(!super::is_web_page("{\"format\": \"cpc-action-plan\"}"));
        assert!(!super::is_web_page("not json at all"));
    }
}
