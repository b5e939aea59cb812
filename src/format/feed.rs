//! `updates.xml`: the plan's progress updates as an Atom feed (RFC 4287) that residents
//! can follow, newest first, each linking to its action's page.

use chrono::NaiveDate;
use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};

use super::docx::escape;
use crate::domain::dates::format_long;
use crate::domain::Plan;

/// The feed's file name, beside `index.html`.
pub const FILE: &str = "updates.xml";

/// One progress update as the feed lists it.
struct Entry<'a> {
    id: &'a str,
    date: NaiveDate,
    title: String,
    note: &'a str,
    link: String,
}

/// The feed. `updated` is when the site was made (RFC 3339), used when the plan has no
/// updates; `page_of_action` is the address of an action's page, relative to the feed.
pub fn updates_feed(plan: &Plan, updated: &str, page_of_action: impl Fn(&str) -> String) -> String {
    let mut entries = Vec::new();
    for (recommendation, action) in plan.actions() {
        let number = plan
            .action_number(&action.id)
            .unwrap_or_else(|| recommendation.number.clone());
        let mut before = None;
        for update in &action.updates {
            let changed = before.is_some_and(|s| s != update.status);
            let what = if changed {
                format!("status changed to {}", update.status.label())
            } else {
                format!("progress update, {}", update.status.label())
            };
            entries.push(Entry {
                id: &update.id,
                date: update.date,
                title: format!("Action {number}: {what} ({})", format_long(update.date)),
                note: &update.note,
                link: page_of_action(&action.id),
            });
            before = Some(update.status);
        }
    }
    // Newest first; a day's updates keep the plan's order (the sort is stable).
    entries.sort_by_key(|e| std::cmp::Reverse(e.date));
    let feed_updated = entries
        .first()
        .map(|e| stamp(e.date))
        .unwrap_or_else(|| updated.to_string());
    let plan_urn = format!("urn:cpc-action-plan:{}", encode(&plan.id));
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    out.push_str(&format!(
        "  <title>{}: progress updates</title>\n",
        escape(&plan.title)
    ));
    out.push_str(&format!("  <id>{plan_urn}</id>\n"));
    out.push_str(&format!("  <updated>{}</updated>\n", escape(&feed_updated)));
    out.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        escape(if plan.council.trim().is_empty() {
            &plan.title
        } else {
            &plan.council
        })
    ));
    out.push_str(&format!("  <link rel=\"self\" href=\"{FILE}\"/>\n"));
    out.push_str("  <link rel=\"alternate\" type=\"text/html\" href=\"index.html\"/>\n");
    for entry in &entries {
        out.push_str("  <entry>\n");
        out.push_str(&format!("    <title>{}</title>\n", escape(&entry.title)));
        out.push_str(&format!(
            "    <id>{plan_urn}:update:{}</id>\n",
            encode(entry.id)
        ));
        out.push_str(&format!("    <updated>{}</updated>\n", stamp(entry.date)));
        out.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape(&entry.link)
        ));
        if !entry.note.trim().is_empty() {
            out.push_str(&format!(
                "    <summary type=\"text\">{}</summary>\n",
                escape(entry.note.trim())
            ));
        }
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// A day as an Atom date: its start, in UTC.
fn stamp(date: NaiveDate) -> String {
    format!("{}T00:00:00Z", date.format("%Y-%m-%d"))
}

fn encode(text: &str) -> String {
    utf8_percent_encode(text, NON_ALPHANUMERIC).to_string()
}
