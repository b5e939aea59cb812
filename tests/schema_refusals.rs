//! The JSON Schema refuses what the importer refuses, where JSON Schema can say it.
//!
//! Every file in `tests/fixtures/refused/` is one refusal: a note, the rules it breaks,
//! where the importer says the problem is, and the file (an edit of the Havering example,
//! or the whole text). Each is checked twice: the importer refuses it there, and an
//! independent validator (Python's `jsonschema` with its format checker, pinned in
//! `scripts/setup.sh`) refuses it against `docs/plan-format-v1.schema.json`, unless every
//! rule it breaks is one JSON Schema cannot express. Those are listed in [`INEXPRESSIBLE`]
//! and in the format's documentation ("Rules the schema cannot express"), and the schema
//! must accept their fixtures: a rule the schema comes to express leaves the list.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use cpc_action_plan::format::import_bytes;
use serde_json::Value;

const FIXTURES: &str = "tests/fixtures/refused";
const SCHEMA: &str = "docs/plan-format-v1.schema.json";
const FORMAT_DOC: &str = "docs/plan-format-v1.md";

/// Rules the schema expresses: every fixture breaking only these is refused by it.
const EXPRESSIBLE: &[&str] = &[
    "file-is-json",
    "envelope",
    "type",
    "required",
    "not-blank",
    "choice",
    "date",
    "date-time",
    "whole-number",
    "web-address",
    "export-id",
    "response-reason",
    "rag-words",
    "schedule-cadence",
];

/// Rules of the format that JSON Schema cannot express, as the format's documentation
/// names them.
const INEXPRESSIBLE: &[&str] = &[
    "unique-ids",
    "theme-reference",
    "group-reference",
    "onsite-order",
    "nesting-depth",
];

struct Fixture {
    name: String,
    rules: Vec<String>,
    refused_at: String,
    because: String,
    bytes: Vec<u8>,
}

/// Every fixture, with the file it describes made.
fn fixtures() -> Vec<Fixture> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(FIXTURES)
        .expect("tests/fixtures/refused")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert!(paths.len() > 100, "{} fixtures", paths.len());
    paths.iter().map(|p| fixture(p)).collect()
}

fn fixture(path: &Path) -> Fixture {
    let name = path.file_stem().unwrap().to_string_lossy().to_string();
    let spec: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap())
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let text = |key: &str| {
        spec[key]
            .as_str()
            .unwrap_or_else(|| panic!("{name}: no {key}"))
            .to_string()
    };
    assert!(!text("note").is_empty(), "{name}: a note of the rule");
    let bytes = if let Some(edits) = spec["edit"].as_array() {
        let mut file: Value = serde_json::from_str(cpc_action_plan::EXAMPLE_PLAN).unwrap();
        for edit in edits {
            apply(&mut file, edit, &name);
        }
        let mut made = serde_json::to_string_pretty(&file).unwrap();
        // Nested deeper than a fixture could be read: made here, as text.
        if let Some(depth) = spec["nested"].as_u64() {
            let depth = depth as usize;
            let deep = format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth));
            made = made.replace("\"@NESTED@\"", &deep);
        }
        made.into_bytes()
    } else if let Some(text) = spec["text"].as_str() {
        text.as_bytes().to_vec()
    } else {
        spec["bytes"]
            .as_array()
            .unwrap_or_else(|| panic!("{name}: edit, text or bytes"))
            .iter()
            .map(|b| u8::try_from(b.as_u64().unwrap()).unwrap())
            .collect()
    };
    let rules: Vec<String> = spec["rules"]
        .as_array()
        .unwrap_or_else(|| panic!("{name}: rules"))
        .iter()
        .map(|r| r.as_str().unwrap().to_string())
        .collect();
    for rule in &rules {
        assert!(
            EXPRESSIBLE.contains(&rule.as_str()) || INEXPRESSIBLE.contains(&rule.as_str()),
            "{name}: the rule {rule} is in neither list"
        );
    }
    let (refused_at, because) = (text("refused_at"), text("because"));
    Fixture {
        name,
        rules,
        refused_at,
        because,
        bytes,
    }
}

/// One JSON Patch operation (RFC 6902): add, replace or remove.
fn apply(file: &mut Value, edit: &Value, name: &str) {
    let op = edit["op"].as_str().unwrap();
    let path = edit["path"].as_str().unwrap();
    let (parent, key) = path.rsplit_once('/').unwrap();
    let parent = file
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("{name}: no {parent}"));
    let value = edit["value"].clone();
    match (op, parent) {
        ("remove", Value::Object(map)) => {
            map.remove(key)
                .unwrap_or_else(|| panic!("{name}: no {path}"));
        }
        ("remove", Value::Array(items)) => {
            items.remove(key.parse().unwrap());
        }
        ("replace", Value::Object(map)) => {
            *map.get_mut(key)
                .unwrap_or_else(|| panic!("{name}: no {path} to replace")) = value;
        }
        ("replace", Value::Array(items)) => items[key.parse::<usize>().unwrap()] = value,
        ("add", Value::Object(map)) => {
            map.insert(key.to_string(), value);
        }
        ("add", Value::Array(items)) if key == "-" => items.push(value),
        ("add", Value::Array(items)) => items.insert(key.parse().unwrap(), value),
        (op, _) => panic!("{name}: cannot {op} {path}"),
    }
}

#[test]
fn the_importer_refuses_every_fixture_where_it_says() {
    for f in fixtures() {
        let problems = match import_bytes(&f.bytes) {
            Ok(_) => panic!("{}: the importer took it", f.name),
            Err(problems) => problems,
        };
        assert!(
            problems
                .iter()
                .any(|p| p.path == f.refused_at && p.reason.contains(&f.because)),
            "{}: expected {}: {}\ngot {problems:#?}",
            f.name,
            f.refused_at,
            f.because
        );
    }
}

/// What the independent validator says of each file: its errors, empty when accepted.
fn validate(files: &[(String, Vec<u8>)]) -> BTreeMap<String, Vec<String>> {
    // One folder a call: the tests of this file run at once, in one process.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("cpc-schema-check-{}-{call}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut paths = Vec::new();
    for (name, bytes) in files {
        let path = dir.join(format!("{name}.json"));
        std::fs::write(&path, bytes).unwrap();
        paths.push((name.clone(), path));
    }
    let output = Command::new("python3")
        .arg("tests/schema_check.py")
        .arg(SCHEMA)
        .args(paths.iter().map(|(_, p)| p))
        .output()
        .expect("python3 runs tests/schema_check.py (scripts/setup.sh installs what it needs)");
    std::fs::remove_dir_all(&dir).ok();
    assert!(
        output.status.success(),
        "the JSON Schema validator failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let by_path: BTreeMap<String, Vec<String>> =
        serde_json::from_slice(&output.stdout).expect("the validator's answer is JSON");
    paths
        .into_iter()
        .map(|(name, path)| {
            let errors = by_path[&path.to_string_lossy().to_string()].clone();
            (name, errors)
        })
        .collect()
}

#[test]
fn the_schema_refuses_every_refusal_it_can_express_and_the_rest_are_listed() {
    let fixtures = fixtures();
    let verdicts = validate(
        &fixtures
            .iter()
            .map(|f| (f.name.clone(), f.bytes.clone()))
            .collect::<Vec<_>>(),
    );
    let mut listed = Vec::new();
    for f in &fixtures {
        let errors = &verdicts[&f.name];
        let inexpressible: Vec<bool> = f
            .rules
            .iter()
            .map(|r| INEXPRESSIBLE.contains(&r.as_str()))
            .collect();
        assert!(
            inexpressible.iter().all(|i| *i) || inexpressible.iter().all(|i| !*i),
            "{}: one fixture, one kind of rule",
            f.name
        );
        if inexpressible[0] {
            assert!(
                errors.is_empty(),
                "{} breaks only {:?}, listed as rules JSON Schema cannot express, yet the schema refuses it: {errors:?}. Take the rule off the list (here and in {FORMAT_DOC})",
                f.name,
                f.rules
            );
            listed.extend(f.rules.iter().cloned());
        } else {
            assert!(
                !errors.is_empty(),
                "{}: the importer refuses it ({}: {}) but the schema accepts it",
                f.name,
                f.refused_at,
                f.because
            );
        }
    }
    // Each rule listed has a fixture that shows the schema cannot refuse it.
    for rule in INEXPRESSIBLE {
        assert!(listed.iter().any(|r| r == rule), "no fixture for {rule}");
    }
    // The three files the issue named (issue 20): two refused by the schema now, one
    // that no JSON Schema can refuse.
    let verdict = |name: &str| {
        let f = fixtures.iter().find(|f| f.name == name).expect(name);
        (f.rules.clone(), verdicts[name].is_empty())
    };
    assert_eq!(
        verdict("link-javascript"),
        (vec!["web-address".to_string()], false)
    );
    assert_eq!(
        verdict("not-accepted-without-reason"),
        (vec!["response-reason".to_string()], false)
    );
    assert_eq!(
        verdict("theme-unknown"),
        (vec!["theme-reference".to_string()], true)
    );
}

#[test]
fn the_schema_accepts_every_example_file() {
    let mut files = vec![
        "public/examples/havering-2019.plan.json".to_string(),
        "public/examples/fictional-borough-2024.plan.json".to_string(),
    ];
    let mut docs: Vec<String> = std::fs::read_dir("docs/examples")
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().to_string())
        .filter(|p| p.ends_with(".json"))
        .collect();
    docs.sort();
    assert!(!docs.is_empty());
    files.extend(docs);
    let verdicts = validate(
        &files
            .iter()
            .enumerate()
            .map(|(i, path)| (format!("example-{i}"), std::fs::read(path).unwrap()))
            .collect::<Vec<_>>(),
    );
    for (i, path) in files.iter().enumerate() {
        assert_eq!(
            verdicts[&format!("example-{i}")],
            Vec::<String>::new(),
            "{path}"
        );
    }
}

#[test]
fn the_format_names_every_rule_the_schema_cannot_express() {
    let doc = std::fs::read_to_string(FORMAT_DOC).unwrap();
    let section = doc
        .split("\n## ")
        .find(|s| s.starts_with("Rules the schema cannot express"))
        .expect("a section \"Rules the schema cannot express\"");
    for rule in INEXPRESSIBLE {
        assert!(
            section.contains(&format!("`{rule}`")),
            "{FORMAT_DOC} names `{rule}` among the rules the schema cannot express"
        );
    }
}
