//! The plan file as a JSON Schema, made from the plan's own types so it cannot drift from
//! what export writes. `tests/schema.rs` checks the published copy in `docs/`.
//!
//! The types give the shape; [`tighten`] then adds what the importer refuses that JSON
//! Schema can say too: text that must not be blank, dates as `YYYY-MM-DD`, links that must
//! be http(s), the reason a refusal needs, the RAG words' length, and what a schedule's
//! cadence needs. What JSON Schema cannot say (unique ids, references between parts, a
//! date before another) is listed in `docs/plan-format-v1.md`, "Rules the schema cannot
//! express", and `tests/schema_refusals.rs` holds the two to the importer's refusals.

use schemars::JsonSchema;
use serde_json::{json, Value};

use crate::domain::narrative::RAG_WORDS_MAX;
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

/// Text with at least one character that is not white space: the importer trims before it
/// asks whether text is there.
pub const NOT_BLANK: &str = r"\S";

/// A date as the format writes it (`YYYY-MM-DD`, month 01 to 12, day 01 to 31); `format:
/// date` says the rest (no 30 February) to a validator that checks formats.
pub const DATE: &str = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";

/// An RFC 3339 date and time, as `exported_at` must be (a validator need not check
/// `format: date-time`, and Python's `jsonschema` checks it only with an extra package).
pub const DATE_TIME: &str = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$";

/// An http(s) address with a host, and no white space inside it (white space around it is
/// trimmed), as `domain::validate::is_web_address` accepts. Letters in either case: the
/// expression has no flags, so that every validator reads it alike.
pub const WEB_ADDRESS: &str = r"^\s*[Hh][Tt][Tt][Pp][Ss]?://[^\s/]\S*\s*$";

/// The schema as pretty-printed JSON.
pub fn plan_file_schema() -> String {
    let mut schema = schemars::schema_for!(PlanFile);
    // Tightened in place, so that schemars still writes the keywords in its order.
    let map = schema
        .as_object_mut()
        .expect("a plan file's schema is an object");
    let mut value = Value::Object(std::mem::take(map));
    tighten(&mut value);
    if let Value::Object(tightened) = value {
        *map = tightened;
    }
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema always serialises");
    text.push('\n');
    text
}

/// Adds to the types' schema the rules of the importer that JSON Schema can express.
fn tighten(schema: &mut Value) {
    dates(schema);
    if let Some(at) = schema.pointer_mut("/properties/exported_at") {
        at["pattern"] = json!(DATE_TIME);
    }
    let defs = &mut schema["$defs"];
    // Text the importer requires, in the words of domain::rules.
    for (def, fields) in [
        ("Plan", &["id", "council", "title"][..]),
        ("PeerTeamMember", &["name"]),
        ("Theme", &["id", "title"]),
        ("Group", &["id", "name"]),
        ("Recommendation", &["id", "number", "title"]),
        ("Action", &["id", "text"]),
        ("Update", &["id"]),
        ("Milestone", &["id", "title"]),
        ("Narrative", &["id"]),
        ("DueChange", &["id"]),
        ("Schedule", &["id", "committee"]),
        ("IssuedReport", &["id"]),
        ("ActionFigure", &["action"]),
        ("Link", &["url"]),
        ("Suggestion", &["id", "number", "text"]),
        ("LaterReview", &["id"]),
    ] {
        for field in fields {
            not_blank(&mut defs[def]["properties"][*field]);
        }
    }
    // Links, for evidence and the plan's documents: http(s) only.
    defs["Link"]["properties"]["url"]["pattern"] = json!(WEB_ADDRESS);
    // A review's published report: empty, or an http(s) address.
    for def in ["Review", "LaterReview"] {
        if let Some(url) = defs[def]["properties"].get_mut("report_url") {
            url["pattern"] = json!(format!(r"^\s*$|{WEB_ADDRESS}"));
        }
    }
    // A document needs its title too (an evidence link's title may be empty).
    let mut title = json!({ "type": "string" });
    not_blank(&mut title);
    defs["Plan"]["properties"]["documents"]["items"] = json!({
        "$ref": "#/$defs/Link",
        "properties": { "title": title },
        "required": ["title"],
    });
    // A recommendation not accepted, or partly accepted, gives the council's reason.
    defs["Recommendation"]["if"] = json!({
        "properties": { "response": { "enum": ["partly_accepted", "not_accepted"] } },
        "required": ["response"],
    });
    defs["Recommendation"]["then"] = json!({
        "properties": { "response_reason": { "type": "string", "pattern": NOT_BLANK } },
        "required": ["response_reason"],
    });
    // A quarterly or six-monthly schedule starts from a date; a schedule of dates lists one.
    defs["Schedule"]["allOf"] = json!([
        {
            "if": {
                "properties": { "cadence": { "enum": ["quarterly", "six_monthly"] } },
                "required": ["cadence"],
            },
            "then": { "properties": { "from": { "type": "string" } }, "required": ["from"] },
        },
        {
            "if": { "properties": { "cadence": { "const": "dates" } }, "required": ["cadence"] },
            "then": { "properties": { "dates": { "minItems": 1 } }, "required": ["dates"] },
        },
    ]);
    // The council's words for red, amber and green: 1 to 100 characters.
    if let Some(branches) = defs["RatingScale"]["oneOf"].as_array_mut() {
        for branch in branches
            .iter_mut()
            .filter(|b| b["properties"]["kind"]["const"] == "rag")
        {
            for colour in ["red", "amber", "green"] {
                let words = &mut branch["properties"][colour];
                not_blank(words);
                words["maxLength"] = json!(RAG_WORDS_MAX);
            }
        }
    }
}

/// `minLength` 1 and a character that is not white space.
fn not_blank(text: &mut Value) {
    text["minLength"] = json!(1);
    text["pattern"] = json!(NOT_BLANK);
}

/// Every `format: date` (fields, and the items of lists of dates) gets the date's pattern.
fn dates(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if map.get("format").and_then(Value::as_str) == Some("date") {
                map.insert("pattern".into(), json!(DATE));
            }
            map.values_mut().for_each(dates);
        }
        Value::Array(items) => items.iter_mut().for_each(dates),
        _ => {}
    }
}
