//! The published JSON Schema is the one the plan's types make.

use cpc_action_plan::format::schema::plan_file_schema;

const PUBLISHED: &str = "docs/plan-format-v1.schema.json";

#[test]
fn the_published_schema_matches_the_plan_types() {
    let made = plan_file_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(PUBLISHED, &made).unwrap();
    }
    let published = std::fs::read_to_string(PUBLISHED).unwrap_or_default();
    assert!(
        published == made,
        "{PUBLISHED} is out of date with the plan's types: run `UPDATE_SCHEMA=1 cargo test --test schema` and commit it"
    );
}

#[test]
fn the_schema_says_what_the_format_requires() {
    let schema: serde_json::Value = serde_json::from_str(&plan_file_schema()).unwrap();
    let required = |def: &str| -> Vec<String> {
        let node = if def.is_empty() {
            &schema
        } else {
            &schema["$defs"][def]
        };
        node["required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(required(""), ["format", "version", "plan"]);
    assert!(required("Action").contains(&"status".to_string()));
    assert!(!required("Recommendation").contains(&"response_reason".to_string()));
    let status = schema["$defs"]["Status"].to_string();
    for value in [
        "not_started",
        "on_track",
        "at_risk",
        "off_track",
        "completed",
        "ongoing",
        "cancelled",
    ] {
        assert!(status.contains(value), "{value}");
    }
    assert_eq!(
        schema["$defs"]["Milestone"]["properties"]["due"]["format"],
        "date"
    );
}
