//! Sharing plans: the spreadsheet download. (Merging a returned copy: `merge.rs`.)

use std::sync::Arc;

use cpc_action_plan::domain::{Plan, Status};
use cpc_action_plan::format::csv::{csv_file_name, to_csv};

mod common;
use common::{d, havering, update};

fn action_mut<'a>(plan: &'a mut Plan, id: &str) -> &'a mut cpc_action_plan::domain::Action {
    plan.recommendations
        .iter_mut()
        .flat_map(|r| r.actions.iter_mut())
        .find(|a| a.id == id)
        .map(Arc::make_mut)
        .unwrap()
}

#[test]
fn csv_has_a_row_per_action_and_never_a_formula() {
    let mut plan = havering();
    action_mut(&mut plan, "r1-a1").text = "=HYPERLINK(\"http://evil.example\",\"click\")".into();
    action_mut(&mut plan, "r1-a2").text = "+44 1708 434343, \"Havering\" helpline".into();
    action_mut(&mut plan, "r1-a3").leads = vec!["@ceo".into(), "-minus".into()];
    action_mut(&mut plan, "r8-a1")
        .updates
        .push(update("u-1", d(2019, 6, 1), Status::OffTrack));
    let csv = to_csv(&plan, d(2019, 9, 4));
    assert!(csv.starts_with("\u{feff}\"Recommendation number\",\"Recommendation\",\"Action\""));
    let lines: Vec<&str> = csv
        .trim_start_matches('\u{feff}')
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines.len(), 33, "a header and 32 actions");
    assert!(
        lines[1].contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""),
        "{}",
        lines[1]
    );
    assert!(lines[2].contains("\"'+44 1708 434343, \"\"Havering\"\" helpline\""));
    assert!(lines[3].contains(",\"'@ceo; -minus\","), "{}", lines[3]);
    let overdue_row = lines
        .iter()
        .find(|l| l.contains("\"2019-06-01\""))
        .expect("the row with the update");
    assert!(
        overdue_row.ends_with("\"Yes\",\"112\",\"2019-06-01\",\"note u-1\""),
        "{overdue_row}"
    );
    assert_eq!(
        csv_file_name(&plan, d(2026, 11, 23)),
        "london-borough-of-havering-corporate-peer-challenge-2019-improvement-action-plan-2026-11-23.csv"
    );
}
