//! The plan file as a JSON Schema, made from the plan's own types so it cannot drift from
//! what export writes. `tests/schema.rs` checks the published copy in `docs/`.

use schemars::JsonSchema;

use crate::domain::Plan;

/// A plan file: the format's name, its version, when and which export it is, and the plan.
#[derive(JsonSchema)]
#[schemars(title = "Corporate Peer Challenge action plan, version 1")]
#[allow(dead_code)]
struct PlanFile {
    /// Always `cpc-action-plan`.
    #[schemars(extend("const" = "cpc-action-plan"))]
    format: String,
    /// The version of the format: 1.
    #[schemars(extend("const" = 1))]
    version: u64,
    /// When the file was exported (RFC 3339), written on export.
    #[schemars(extend("format" = "date-time"))]
    exported_at: Option<String>,
    /// Which export this file is, written on export: a returned copy is merged against
    /// the copy it came from.
    #[schemars(extend("pattern" = "^[A-Za-z0-9_-]{1,64}$"))]
    export_id: Option<String>,
    /// The export this file's plan was made from, when it was exported from a browser
    /// that received the plan as a file (a lead officer's copy going back).
    #[schemars(extend("pattern" = "^[A-Za-z0-9_-]{1,64}$"))]
    from_export: Option<String>,
    /// The lead a copy was made for ("Send to leads"): the app opens on their actions.
    #[schemars(extend("minLength" = 1, "maxLength" = 300))]
    for_lead: Option<String>,
    plan: Plan,
}

/// The schema as pretty-printed JSON.
pub fn plan_file_schema() -> String {
    let schema = schemars::schema_for!(PlanFile);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema always serialises");
    text.push('\n');
    text
}
