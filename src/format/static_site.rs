//! The residents' site as one zip: what goes in it, in one place. The site build's files
//! (the app, read-only), a page of plain HTML for each view a resident can reach,
//! `plan.json`, `site.json`, the feed and a `README.txt` on uploading and updating it.

use super::zip::{crc32, zip_stored};

/// The page a site build's own `index.html` is: the shell each written page is made from.
pub const SHELL: &str = "index.html";
/// The files the site reads beside its pages.
pub const PLAN_FILE: &str = "plan.json";
pub const SETTINGS_FILE: &str = "site.json";
pub const README_FILE: &str = "README.txt";
/// The name of the `<meta>` that says which `#/` address a written page shows.
pub const PAGE_META: &str = "cpc-page";
/// The name of the `<meta>` that says which `plan.json` the pages were written from.
pub const PLAN_CHECK_META: &str = "cpc-plan-check";
/// The element that holds a written page's content; the app removes it as it starts.
pub const STATIC_ID: &str = "static-page";

/// One written page: its file, title, the `#/` address it shows, and its content (the
/// app's rendered HTML, with links already made into the pages' file names).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    pub file: String,
    pub title: String,
    pub address: String,
    pub body: String,
}

/// Which `plan.json` pages were written from: its CRC-32, in hex. The site compares it
/// with the `plan.json` it finds, and says when they differ.
pub fn plan_check(plan_json: &str) -> String {
    format!("{:08x}", crc32(plan_json.as_bytes()))
}

/// A written page: the site build's `index.html` with the page's title, its address and
/// plan check in `<meta>`s, a link to the feed, and the content in place of the shell's
/// `<noscript>` message. Fails, saying why, when the shell is not a site build's page.
///
/// The shell's preload links (trunk's, for the app's script and WebAssembly) are left
/// out: a written page paints its own content first, and its start-up script (the loader
/// in `Trunk.toml`) asks for the app only once that has painted, so the app's download
/// never competes with the page's first paint.
pub fn page_html(shell: &str, page: &Page, check: &str) -> Result<String, String> {
    let (head, rest) = shell
        .split_once("</head>")
        .ok_or("the site build's index.html has no </head>")?;
    let head = without_preloads(head);
    let head = match (head.find("<title>"), head.find("</title>")) {
        (Some(start), Some(end)) if start < end => format!(
            "{}<title>{}</title>{}",
            &head[..start],
            attribute(&page.title),
            &head[end + "</title>".len()..]
        ),
        _ => return Err("the site build's index.html has no <title>".to_string()),
    };
    let body = match (rest.find("<noscript>"), rest.find("</noscript>")) {
        (Some(start), Some(end)) if start < end => format!(
            "{}<div id=\"{STATIC_ID}\">{}</div>{}",
            &rest[..start],
            // The app's empty placeholder comments mean nothing without it. User text
            // never holds one: its `<` is escaped.
            page.body.replace("<!---->", ""),
            &rest[end + "</noscript>".len()..]
        ),
        _ => return Err("the site build's index.html has no <noscript> message".to_string()),
    };
    Ok(format!(
        "{head}  <meta name=\"{PAGE_META}\" content=\"{}\">\n  <meta name=\"{PLAN_CHECK_META}\" content=\"{}\">\n  <link rel=\"alternate\" type=\"application/atom+xml\" title=\"Progress updates\" href=\"{}\">\n</head>{body}",
        attribute(&page.address),
        attribute(check),
        super::feed::FILE,
    ))
}

/// `head` without its `<link>`s whose `rel` is `preload` or `modulepreload`, quoted or
/// not (a minified page drops the quotes).
fn without_preloads(head: &str) -> String {
    let mut out = String::with_capacity(head.len());
    let mut rest = head;
    while let Some(start) = rest.find("<link") {
        let Some(len) = rest[start..].find('>') else {
            break;
        };
        let tag = &rest[start..start + len + 1];
        out.push_str(&rest[..start]);
        if !matches!(rel_of(tag).as_deref(), Some("preload" | "modulepreload")) {
            out.push_str(tag);
        }
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out
}

/// The `rel` of a tag, lower-cased: `rel="x"`, `rel='x'` or `rel=x`.
fn rel_of(tag: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let at = lower
        .match_indices("rel=")
        .find(|(i, _)| lower[..*i].ends_with(|c: char| c.is_ascii_whitespace()))?
        .0;
    let value = &lower[at + "rel=".len()..];
    let value = match value.chars().next()? {
        quote @ ('"' | '\'') => value[1..].split(quote).next()?,
        _ => value
            .split(|c: char| c.is_ascii_whitespace() || c == '>')
            .next()?,
    };
    Some(value.trim().to_string())
}

fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// How to upload the site and update it later.
pub fn readme(council: &str, made: &str) -> String {
    format!(
        "\
The residents' site for {council}'s peer challenge action plan
Made on {made} by the action plan app's \"Publish for residents\" page.

UPLOADING IT
Unzip this file and copy everything in it, as it is, to any static web host: the
council's website, a folder on it (such as /council/peer-challenge/), GitHub Pages,
Netlify or any host that serves plain files. No server code, database or build is
needed. Keep the files together in one folder; index.html is the home page.

Every page is plain HTML that reads without JavaScript (recommendations.html,
recommendation-*.html, action-*.html, progress.html, report-*.html, about.html,
accessibility.html, plan-file.html). With
JavaScript the same pages become the app, which adds filters and other dates.
updates.xml is a feed of the progress updates that residents can follow.

WHAT IS IN IT
plan.json     the plan, as the app exports it
site.json     contact details, the accessibility statement's date and the report link
*.html        a page for each view, written from plan.json
updates.xml   the feed of progress updates
the rest      the app itself (JavaScript, WebAssembly, styles) and the host's headers

UPDATING IT LATER
Replace plan.json alone with a newer export of the plan: with JavaScript, every page
shows the new plan at once. The plain HTML pages still hold the plan as it was when
this zip was made, and the site says so at the top of each page. To update them too,
make the zip again from the app's \"Publish for residents\" page and upload it all.
"
    )
}

/// Everything the zip holds, by name: the site build's files (its `index.html` is the
/// shell, written over by the home page), the written pages, the plan, the settings, the
/// feed and the README. The one list of what a published site is.
pub fn site_files(
    build: Vec<(String, Vec<u8>)>,
    pages: Vec<(String, String)>,
    plan_json: &str,
    site_json: &str,
    feed: &str,
    readme: &str,
) -> Vec<(String, Vec<u8>)> {
    let written: std::collections::BTreeSet<&str> = pages.iter().map(|(f, _)| f.as_str()).collect();
    let check = plan_check(plan_json);
    let mut files: Vec<(String, Vec<u8>)> = build
        .into_iter()
        .filter(|(name, _)| !written.contains(name.as_str()))
        .map(|(name, bytes)| match name.as_str() {
            WORKER_FILE => {
                let worker = written_pages_worker(&String::from_utf8_lossy(&bytes), &check);
                (name, worker.into_bytes())
            }
            _ => (name, bytes),
        })
        .collect();
    files.extend(pages.into_iter().map(|(f, html)| (f, html.into_bytes())));
    files.push((PLAN_FILE.to_string(), plan_json.as_bytes().to_vec()));
    files.push((SETTINGS_FILE.to_string(), site_json.as_bytes().to_vec()));
    files.push((super::feed::FILE.to_string(), feed.as_bytes().to_vec()));
    files.push((README_FILE.to_string(), readme.as_bytes().to_vec()));
    files
}

/// The zip itself.
pub fn site_zip(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let borrowed: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    zip_stored(&borrowed)
}

/// The hosting settings a static host reads (`_headers`, `.htaccess`), built into the app:
/// many hosts never serve them (Apache refuses `.ht` files; Netlify and Cloudflare Pages
/// read `_headers` as settings), so the publish page cannot fetch them from `site/`.
pub fn hosting_file(name: &str) -> Option<&'static str> {
    match name {
        "_headers" => Some(include_str!("../../public/hosting/_headers")),
        ".htaccess" => Some(include_str!("../../public/hosting/.htaccess")),
        _ => None,
    }
}

/// The service worker's file in a site build (`public/offline/sw.js`).
pub const WORKER_FILE: &str = "sw.js";
const WORKER_MARK: &str = "const WRITTEN_PAGES = false;";

/// The site's service worker, told that this site has written pages: it asks the network
/// for pages first (a newer publication replaces them under the same names), and it is a
/// new worker for each plan published, so residents' browsers take the new one.
pub fn written_pages_worker(worker: &str, check: &str) -> String {
    worker.replacen(
        WORKER_MARK,
        &format!("const WRITTEN_PAGES = true; // written from the plan {check}"),
        1,
    )
}
