// The written front page: the officer's first page (the plans page of a browser that has
// never used the app) as plain HTML, which `index.html` shows at once on a first visit while
// the app downloads (scripts/front-dist.mjs puts it in; the start-up script in Trunk.toml
// starts the app after it has painted; the app then takes its place in one step, as on a
// residents' written page).
//
// The page is the app's own drawing, kept in public/front.html: `scripts/write-front`
// writes it from a build, and a browser test (tests/e2e/front.test.mjs) fails when the app
// no longer draws what the file holds. This module is what both of them use.

/** The file that holds the written front page, from the repository's root. */
export const FRONT_FILE = 'public/front.html';

/**
 * In a page where the app has drawn its first page for a browser that has never used it:
 * the page's content, as the app drew it. The start-up noscript message, scripts and
 * template of preload links are not the app's; nor is the storage line, which the browser answers later and differently
 * on each machine. Where the app took a written page's place, it drew into one wrapper
 * without attributes (browser::published::app_stage); that wrapper is not part of the page.
 */
export async function drawnFront(page) {
  return page.evaluate(() => {
    const copy = document.body.cloneNode(true);
    for (const node of copy.querySelectorAll(':scope > noscript, :scope > template, script, [data-testid="storage-usage"]')) node.remove();
    const children = [...copy.children];
    const root = children.length === 1 && children[0].tagName === 'DIV' && children[0].attributes.length === 0 ? children[0] : copy;
    return root.innerHTML.trim();
  });
}

/**
 * The drawing as it is written into `index.html`: without the app's empty placeholder
 * comments, which mean nothing without it (user text never holds one: its `<` is escaped),
 * and with every button switched off until the app, which answers them, has arrived.
 * Links work as they are: they change the address, which the app reads when it starts.
 */
export function writtenFront(drawn) {
  return drawn
    .replaceAll('<!---->', '')
    .replace(/<button\b([^>]*)>/g, (tag, attrs) => (/\sdisabled\b/.test(attrs) ? tag : `<button${attrs} disabled="">`));
}
