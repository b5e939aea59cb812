//! The residents' site as the publish page makes it: the pages' files and links, the
//! written pages, the feed, and the zip with everything in it.

use std::collections::BTreeSet;
use std::io::Read;

use cpc_action_plan::domain::Plan;
use cpc_action_plan::format::feed::updates_feed;
use cpc_action_plan::format::static_site::{
    page_html, plan_check, readme, site_files, site_zip, Page, PAGE_META, PLAN_CHECK_META,
};
use cpc_action_plan::format::{export, import};
use cpc_action_plan::presentation::route::Route;
use cpc_action_plan::presentation::static_pages::{file_of, file_safe, routes, static_href};
use proptest::prelude::*;

fn havering() -> Plan {
    import(cpc_action_plan::EXAMPLE_PLAN)
        .expect("the example imports")
        .plan
}

/// The fictional example: every field filled in, with two years of progress updates.
fn fictional() -> Plan {
    let text = std::fs::read_to_string("public/examples/fictional-borough-2024.plan.json")
        .expect("the fictional example");
    import(&text).expect("the example imports").plan
}

fn action_page(plan: &Plan) -> impl Fn(&str) -> String + '_ {
    move |action| {
        file_of(&Route::Action {
            plan: plan.id.clone(),
            action: action.to_string(),
        })
        .expect("an action has a page")
    }
}

#[test]
fn every_view_a_resident_reaches_has_one_file_of_its_own() {
    let plan = havering();
    let all = routes(&plan);
    let files: Vec<String> = all.iter().map(|r| file_of(r).expect("a page")).collect();
    let distinct: BTreeSet<&String> = files.iter().collect();
    assert_eq!(distinct.len(), files.len(), "two views share a file");
    assert_eq!(files[0], "index.html", "the home page comes first");
    for expected in [
        "recommendations.html",
        "progress.html",
        "report-progress.html",
        "report-action-plan.html",
        "about.html",
        "accessibility.html",
    ] {
        assert!(files.iter().any(|f| f == expected), "{expected} is missing");
    }
    let actions = plan.actions().count();
    assert_eq!(
        files.iter().filter(|f| f.starts_with("action-")).count(),
        actions
    );
    assert_eq!(
        files
            .iter()
            .filter(|f| f.starts_with("recommendation-"))
            .count(),
        plan.recommendations.len()
    );
    // Each page's own address, as written in a link, leads to its file.
    for (route, file) in all.iter().zip(&files) {
        if *route != Route::Plans {
            assert_eq!(&static_href(&route.href()), file);
        }
    }
}

proptest! {
    #[test]
    fn any_two_ids_have_two_safe_file_names(a in "\\PC{0,12}", b in "\\PC{0,12}") {
        let (fa, fb) = (file_safe(&a), file_safe(&b));
        prop_assert!(fa.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'));
        prop_assert_eq!(a == b, fa == fb);
    }
}

const ATOM: &str = "http://www.w3.org/2005/Atom";

fn child<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> Option<roxmltree::Node<'a, 'i>> {
    node.children()
        .find(|c| c.tag_name().name() == name && c.tag_name().namespace() == Some(ATOM))
}

#[test]
fn the_feed_is_atom_with_one_entry_per_update_newest_first() {
    let plan = fictional();
    let feed = updates_feed(&plan, "2026-11-26T09:00:00Z", action_page(&plan));
    let doc = roxmltree::Document::parse(&feed).expect("well-formed XML");
    let atom = ATOM;
    let root = doc.root_element();
    assert_eq!(root.tag_name().namespace(), Some(atom));
    assert_eq!(root.tag_name().name(), "feed");
    for required in ["id", "title", "updated", "author"] {
        assert!(
            child(root, required).is_some(),
            "the feed has no {required}"
        );
    }
    let entries: Vec<_> = root
        .children()
        .filter(|c| c.tag_name().name() == "entry")
        .collect();
    let updates: usize = plan.actions().map(|(_, a)| a.updates.len()).sum();
    assert!(updates > 0, "the example has updates to list");
    assert_eq!(entries.len(), updates);
    let mut ids = BTreeSet::new();
    let mut last = String::from("9999");
    for entry in &entries {
        let text = |name| child(*entry, name).and_then(|n| n.text()).unwrap_or("");
        assert!(ids.insert(text("id").to_string()), "entry ids repeat");
        assert!(text("id").starts_with("urn:"));
        assert!(!text("title").is_empty());
        let updated = text("updated").to_string();
        assert!(updated <= last, "not newest first: {updated} after {last}");
        last = updated;
        let link = child(*entry, "link").expect("a link");
        assert!(link.attribute("href").unwrap_or("").starts_with("action-"));
    }
    assert_eq!(
        child(root, "updated").and_then(|n| n.text()),
        entries
            .first()
            .and_then(|e| child(*e, "updated"))
            .and_then(|n| n.text())
    );
}

#[test]
fn the_feed_keeps_user_text_as_text_and_says_when_a_status_changed() {
    let mut plan = fictional();
    let (rec, act) = plan
        .recommendations
        .iter()
        .enumerate()
        .find_map(|(r, rec)| {
            rec.actions
                .iter()
                .position(|a| !a.updates.is_empty())
                .map(|a| (r, a))
        })
        .expect("an action with updates");
    std::sync::Arc::make_mut(&mut plan.recommendations[rec].actions[act]).updates[0].note =
        "Done <script>alert(1)</script> & more \u{1}".to_string();
    let feed = updates_feed(&plan, "2026-11-26T09:00:00Z", action_page(&plan));
    assert!(!feed.contains("<script>"));
    let doc = roxmltree::Document::parse(&feed).expect("well-formed XML");
    assert!(doc
        .descendants()
        .any(|n| n.text() == Some("Done <script>alert(1)</script> & more ")));
    // An update at a new status says so; one at the same status is a progress update.
    let changed = plan
        .actions()
        .any(|(_, a)| a.updates.windows(2).any(|w| w[0].status != w[1].status));
    assert!(changed, "the example has a status change");
    assert!(feed.contains(": status changed to "));
    assert!(feed.contains(": progress update, "));
    let empty = Plan {
        recommendations: Vec::new(),
        ..plan
    };
    let feed = updates_feed(&empty, "2026-11-26T09:00:00Z", |_| String::new());
    assert!(feed.contains("<updated>2026-11-26T09:00:00Z</updated>"));
    assert!(!feed.contains("<entry>"));
}

const SHELL: &str = r#"<!DOCTYPE html>
<html lang="en-GB" class="govuk-template">
<head>
  <meta charset="utf-8">
  <title>Peer challenge action plans</title>
  <link rel="stylesheet" href="./main.css">
  <link rel=icon href=data:,>
  <script type="module">import init from './app.js'; init();</script>
  <link crossorigin href=./app-1.js integrity="sha384-x" rel=modulepreload>
  <link as=fetch crossorigin href=./app-1_bg.wasm rel=preload type=application/wasm>
  <link rel="preload" href="./other.wasm" as="fetch">
</head>
<body class="govuk-template__body">
  <noscript><p>This app needs JavaScript</p></noscript>
</body>
</html>"#;

fn page() -> Page {
    Page {
        file: "recommendation-r3.html".into(),
        title: "Focus & \"clarity\" <now>".into(),
        address: "#/plan/p/recommendations/r3".into(),
        body: "<main><!----><h1>Focus</h1><!----></main>".into(),
    }
}

#[test]
fn a_written_page_is_the_site_build_with_its_content_title_and_address() {
    let html = page_html(SHELL, &page(), "0badcafe").expect("a page");
    assert!(html.contains("<title>Focus &amp; &quot;clarity&quot; &lt;now&gt;</title>"));
    assert!(html.contains(r#"<div id="static-page"><main><h1>Focus</h1></main></div>"#));
    assert!(!html.contains("This app needs JavaScript"));
    assert!(html.contains(&format!(
        r##"<meta name="{PAGE_META}" content="#/plan/p/recommendations/r3">"##
    )));
    assert!(html.contains(&format!(
        r#"<meta name="{PLAN_CHECK_META}" content="0badcafe">"#
    )));
    assert!(html.contains(r#"href="updates.xml""#));
    // The start-up script is untouched, so the policy's hash of it still holds.
    assert!(html.contains("<script type=\"module\">import init from './app.js'; init();</script>"));
    // The app's files are not preloaded: its download waits until the page has painted.
    assert!(!html.contains("preload"), "{html}");
    assert!(!html.contains("app-1") && !html.contains(".wasm"));
    assert!(html.contains(r#"<link rel="stylesheet" href="./main.css">"#));
    assert!(html.contains("<link rel=icon href=data:,>"));
    assert!(page_html("<html><body></body></html>", &page(), "x").is_err());
    assert!(page_html(&SHELL.replace("<noscript>", ""), &page(), "x").is_err());
}

#[test]
fn the_zip_holds_the_build_the_pages_the_plan_settings_feed_and_readme() {
    let plan = havering();
    let plan_json = export(&plan, Some("2026-11-26T09:00:00Z"));
    assert_eq!(plan_check(&plan_json), plan_check(&plan_json.clone()));
    assert_ne!(plan_check(&plan_json), plan_check(&format!("{plan_json} ")));
    let build = vec![
        ("index.html".to_string(), SHELL.as_bytes().to_vec()),
        ("app-1a2b.js".to_string(), b"js".to_vec()),
        ("app-1a2b_bg.wasm".to_string(), vec![0, 97, 115, 109]),
    ];
    let pages = vec![
        ("index.html".to_string(), "<p>home</p>".to_string()),
        ("about.html".to_string(), "<p>about</p>".to_string()),
    ];
    let files = site_files(
        build,
        pages,
        &plan_json,
        "{}",
        "<feed/>",
        &readme(&plan.council, "26 November 2026"),
    );
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    let distinct: BTreeSet<&str> = names.iter().copied().collect();
    assert_eq!(distinct.len(), names.len(), "a name twice: {names:?}");
    for name in [
        "index.html",
        "about.html",
        "app-1a2b.js",
        "app-1a2b_bg.wasm",
        "plan.json",
        "site.json",
        "updates.xml",
        "README.txt",
    ] {
        assert!(names.contains(&name), "{name} is missing");
    }
    let zip = site_zip(&files);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).expect("a zip");
    let mut read = |name: &str| {
        let mut text = Vec::new();
        archive
            .by_name(name)
            .expect(name)
            .read_to_end(&mut text)
            .expect("readable");
        text
    };
    assert_eq!(
        read("index.html"),
        b"<p>home</p>",
        "the home page replaces the shell"
    );
    assert_eq!(read("plan.json"), plan_json.as_bytes());
    assert_eq!(read("app-1a2b_bg.wasm"), [0, 97, 115, 109]);
    let readme = String::from_utf8(read("README.txt")).expect("text");
    assert!(readme.contains("Replace plan.json"));
    assert!(readme.contains(&plan.council));
}

/// The residents' site's service worker asks the network first for its written pages, and
/// is a new worker whenever the plan published changes, so residents' browsers take it.
#[test]
fn the_zips_service_worker_takes_pages_from_the_network_and_changes_with_each_plan() {
    let worker = std::fs::read_to_string("public/offline/sw.js").unwrap();
    let zipped = |plan_json: &str| {
        let files = site_files(
            vec![("sw.js".to_string(), worker.as_bytes().to_vec())],
            vec![],
            plan_json,
            "{}",
            "<feed/>",
            "readme",
        );
        let (_, bytes) = files.into_iter().find(|(n, _)| n == "sw.js").unwrap();
        String::from_utf8(bytes).unwrap()
    };
    let plan = havering();
    let first = zipped(&export(&plan, Some("2026-11-26T09:00:00Z")));
    let second = zipped(&export(&plan, Some("2026-12-26T09:00:00Z")));
    assert!(
        worker.contains("const WRITTEN_PAGES = false;"),
        "the template keeps its mark"
    );
    assert!(first.contains("const WRITTEN_PAGES = true; // written from the plan "));
    assert!(!first.contains("const WRITTEN_PAGES = false;"));
    assert_ne!(first, second, "another plan, another worker");
}
