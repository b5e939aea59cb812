//! Each lead's worklist: their actions, and nobody else's.

use chrono::NaiveDate;
use cpc_action_plan::domain::leads::{lead_summaries, leads_action, worklist};
use cpc_action_plan::format::import;
use cpc_action_plan::EXAMPLE_PLAN;

#[test]
fn every_action_is_on_the_worklist_of_each_of_its_leads_and_no_other() {
    let plan = import(EXAMPLE_PLAN).unwrap().plan;
    let today = NaiveDate::from_ymd_opt(2019, 9, 4).unwrap();
    let summaries = lead_summaries(&plan, today);
    assert_eq!(summaries.len(), plan.leads().len());
    for summary in &summaries {
        let list = worklist(&plan, &summary.lead, today);
        assert_eq!(list.len(), summary.actions);
        assert!(
            summary.open <= summary.actions && summary.overdue <= summary.open.max(summary.overdue)
        );
        for item in &list {
            let (rec, action) = plan.action(&item.action_id).unwrap();
            assert!(leads_action(action, &summary.lead));
            assert!(item
                .recommendation
                .starts_with(&format!("{}. ", rec.number)));
            assert_eq!(
                plan.action_number(&item.action_id).as_deref(),
                Some(item.number.as_str())
            );
        }
    }
    // Every action with a lead is on at least one list; the counts add up.
    let with_leads = plan.actions().filter(|(_, a)| !a.leads.is_empty()).count();
    let listed: std::collections::HashSet<String> = summaries
        .iter()
        .flat_map(|s| worklist(&plan, &s.lead, today))
        .map(|i| i.action_id)
        .collect();
    assert_eq!(listed.len(), with_leads);
    // Case and spaces do not make another lead.
    let first = &summaries[0].lead;
    assert_eq!(
        worklist(&plan, &format!("  {}  ", first.to_uppercase()), today).len(),
        summaries[0].actions
    );
    assert!(worklist(&plan, "Nobody at all", today).is_empty());
}
