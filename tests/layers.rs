//! The folders of `src/` are the layers, and imports run one way: down the list in
//! `LAYERS`. This test reads every module's `crate::`, `super::` and child-module paths
//! and fails when a module imports one in a layer above it, or when modules import each
//! other in a circle (at any length), naming the modules.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Module path prefixes, lowest layer first. A module may import its own layer and those
/// below it; the longest matching prefix decides a module's layer.
const LAYERS: &[&str] = &[
    "domain",
    "format",
    "presentation",
    "browser",
    "ui::library",
    "ui::state",
    "ui::components",
    "ui::pages",
    "ui::app",
    "ui",
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS
        .iter()
        .enumerate()
        .filter(|(_, prefix)| module == **prefix || module.starts_with(&format!("{prefix}::")))
        .max_by_key(|(_, prefix)| prefix.len())
        .map(|(i, _)| i)
}

/// Every `.rs` file under `src/` as its module path (`ui::pages::dashboard`), and its text
/// without `#[cfg(test)]` modules.
fn modules(root: &Path) -> BTreeMap<String, String> {
    fn walk(dir: &Path, prefix: &[String], out: &mut BTreeMap<String, String>) {
        let mut entries: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            let name = path.file_stem().unwrap().to_string_lossy().to_string();
            if path.is_dir() {
                let mut next = prefix.to_vec();
                next.push(name);
                walk(&path, &next, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let mut module = prefix.to_vec();
                if !matches!(name.as_str(), "mod" | "lib" | "main") {
                    module.push(name.clone());
                }
                // The entry points start the app (main.rs) or a worker (bin/); they are no layer.
                if name == "tests"
                    || (prefix.is_empty() && name == "main")
                    || prefix.first().is_some_and(|p| p == "bin")
                {
                    continue;
                }
                let text = fs::read_to_string(&path).unwrap();
                let text = match text.find("#[cfg(test)]") {
                    Some(at) => text[..at].to_string(),
                    None => text,
                };
                out.insert(module.join("::"), text);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, &[], &mut out);
    out.remove("");
    out
}

/// The paths a text names: `crate::a::b`, `super::c`, and `{x, y::z}` groups after them,
/// each as a list of segments, with `super` resolved against `module`.
fn named_paths(module: &str, text: &str, children: &BTreeSet<String>) -> Vec<Vec<String>> {
    let own: Vec<String> = module.split("::").map(str::to_string).collect();
    let mut out = Vec::new();
    let code: String = text
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let bytes: Vec<char> = code.chars().collect();
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut i = 0;
    while i < bytes.len() {
        let starts_word = i == 0 || !is_ident(bytes[i - 1]) && bytes[i - 1] != ':';
        if !starts_word || !is_ident(bytes[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < bytes.len() && is_ident(bytes[j]) {
            j += 1;
        }
        let word: String = bytes[i..j].iter().collect();
        let followed = bytes.get(j) == Some(&':') && bytes.get(j + 1) == Some(&':');
        let base: Option<Vec<String>> = match word.as_str() {
            "crate" if followed => Some(Vec::new()),
            "super" if followed => {
                // A file's `super` is its parent module; `mod.rs` is the module itself.
                let mut parent = own.clone();
                parent.pop();
                Some(parent)
            }
            // In a `mod.rs`, `use child::x` names a child module.
            _ if followed && children.contains(&word) && text_is_use_line(&bytes, i) => {
                let mut here = own.clone();
                here.push(word.clone());
                Some(here)
            }
            _ => None,
        };
        match base {
            Some(base) => {
                let start = if matches!(word.as_str(), "crate" | "super") {
                    j + 2
                } else {
                    i
                };
                let (paths, end) = read_tree(&bytes, start);
                for p in paths {
                    let mut full = base.clone();
                    full.extend(p);
                    out.push(full);
                }
                i = end.max(j);
            }
            None => i = j,
        }
    }
    out
}

/// Whether the word at `at` begins the path of a `use` declaration.
fn text_is_use_line(bytes: &[char], at: usize) -> bool {
    let line_start = bytes[..at]
        .iter()
        .rposition(|c| *c == '\n')
        .map_or(0, |p| p + 1);
    let before: String = bytes[line_start..at].iter().collect();
    let before = before.trim();
    before == "use" || before == "pub use"
}

/// Reads `a::b::{c, d::e}` from `start`: the paths it names, and where it ends.
fn read_tree(bytes: &[char], start: usize) -> (Vec<Vec<String>>, usize) {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut segments = Vec::new();
    let mut i = start;
    loop {
        while i < bytes.len() && bytes[i].is_whitespace() {
            i += 1;
        }
        if bytes.get(i) == Some(&'{') {
            let mut out = Vec::new();
            i += 1;
            loop {
                while i < bytes.len() && (bytes[i].is_whitespace() || bytes[i] == ',') {
                    i += 1;
                }
                if i >= bytes.len() || bytes[i] == '}' {
                    i += 1;
                    break;
                }
                let (inner, end) = read_tree(bytes, i);
                for p in inner {
                    let mut full = segments.clone();
                    full.extend(p);
                    out.push(full);
                }
                if end == i {
                    i += 1;
                } else {
                    i = end;
                }
            }
            return (out, i);
        }
        let s = i;
        while i < bytes.len() && is_ident(bytes[i]) {
            i += 1;
        }
        if s == i {
            return (vec![segments], i);
        }
        segments.push(bytes[s..i].iter().collect());
        if bytes.get(i) == Some(&':') && bytes.get(i + 1) == Some(&':') {
            i += 2;
        } else {
            // `x as y` and the rest of the expression are not part of the path.
            return (vec![segments], i);
        }
    }
}

/// The module a path lands in: the longest prefix of it that is a module.
fn resolve(path: &[String], known: &BTreeMap<String, String>) -> Option<String> {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].join("::"))
        .find(|m| known.contains_key(m))
}

/// Which modules each module imports (never itself, nor its own submodules).
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let known = modules(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    let mut graph = BTreeMap::new();
    for (module, text) in &known {
        let children: BTreeSet<String> = known
            .keys()
            .filter_map(|k| k.strip_prefix(&format!("{module}::")))
            .filter(|rest| !rest.contains("::"))
            .map(str::to_string)
            .collect();
        let mut targets = BTreeSet::new();
        for path in named_paths(module, text, &children) {
            if let Some(target) = resolve(&path, &known) {
                let is_child = target.starts_with(&format!("{module}::"));
                if target != *module && !is_child {
                    targets.insert(target);
                }
            }
        }
        graph.insert(module.clone(), targets);
    }
    graph
}

#[test]
fn every_module_belongs_to_a_layer() {
    let unplaced: Vec<String> = imports()
        .into_keys()
        .filter(|m| layer_of(m).is_none())
        .collect();
    assert!(
        unplaced.is_empty(),
        "modules outside every layer in tests/layers.rs: {unplaced:?}"
    );
}

#[test]
fn no_module_imports_a_layer_above_its_own() {
    let mut upward = Vec::new();
    for (module, targets) in imports() {
        let Some(own) = layer_of(&module) else {
            continue;
        };
        for target in targets {
            if layer_of(&target).is_some_and(|t| t > own) {
                upward.push(format!("{module} imports {target}"));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports that run upward:\n{}",
        upward.join("\n")
    );
}

#[test]
fn no_modules_import_each_other_in_a_circle() {
    let graph = imports();
    // Depth-first search; a grey node met again closes a circle.
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        White,
        Grey,
        Black,
    }
    let mut marks: BTreeMap<&str, Mark> = graph.keys().map(|k| (k.as_str(), Mark::White)).collect();
    let mut circles = Vec::new();
    fn visit<'g>(
        node: &'g str,
        graph: &'g BTreeMap<String, BTreeSet<String>>,
        marks: &mut BTreeMap<&'g str, Mark>,
        stack: &mut Vec<&'g str>,
        circles: &mut Vec<String>,
    ) {
        marks.insert(node, Mark::Grey);
        stack.push(node);
        for next in &graph[node] {
            match marks.get(next.as_str()).copied() {
                Some(Mark::White) => visit(next, graph, marks, stack, circles),
                Some(Mark::Grey) => {
                    let from = stack.iter().position(|n| *n == next).unwrap_or(0);
                    let mut circle: Vec<&str> = stack[from..].to_vec();
                    circle.push(next);
                    circles.push(circle.join(" → "));
                }
                _ => {}
            }
        }
        stack.pop();
        marks.insert(node, Mark::Black);
    }
    let nodes: Vec<&str> = graph.keys().map(String::as_str).collect();
    for node in nodes {
        if marks[node] == Mark::White {
            visit(node, &graph, &mut marks, &mut Vec::new(), &mut circles);
        }
    }
    assert!(
        circles.is_empty(),
        "modules that import each other:\n{}",
        circles.join("\n")
    );
}

/// The checker itself finds what it is meant to: a guard against a test that passes
/// because it reads nothing.
#[test]
fn the_reader_sees_real_imports() {
    let graph = imports();
    let pages = &graph["ui::pages::dashboard"];
    assert!(pages.contains("ui::state"), "{pages:?}");
    assert!(pages.contains("domain::progress"), "{pages:?}");
    // `super::` in a submodule, and a grouped `use crate::domain::{…}`.
    assert!(graph["domain::progress::view"].contains("domain::progress"));
    assert!(graph["domain::progress::view"].contains("domain::filter"));
    assert!(graph["domain::workspace::saving"].contains("domain::tab_protocol"));
    assert!(graph["ui::library::saving"].contains("browser::storage"));
    assert!(graph.len() > 60, "only {} modules read", graph.len());
}

/// Only `browser` (and the entry points, `main.rs` and `bin/`) reaches the browser's own APIs:
/// the window, JavaScript values, gloo. The UI may name event and file types that Leptos
/// hands it, and nothing more.
#[test]
fn only_the_browser_layer_touches_browser_apis() {
    let known = modules(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    let apis = [
        "web_sys::window",
        "js_sys::",
        "gloo",
        "wasm_bindgen",
        "JsCast",
    ];
    let outside: Vec<String> = known
        .iter()
        .filter(|(module, _)| layer_of(module) != layer_of("browser"))
        .flat_map(|(module, text)| {
            apis.iter()
                .filter(|api| text.contains(**api))
                .map(move |api| format!("{module} uses {api}"))
        })
        .collect();
    assert!(
        outside.is_empty(),
        "browser APIs outside src/browser:\n{}",
        outside.join("\n")
    );
}
