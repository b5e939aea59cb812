// In-page measurement for the browser tests: words broken across two line boxes, found with
// Range.getClientRects(). Exported as a function whose source is sent to the page.

/**
 * Runs in the page. Every word of visible text under `selector` (split at spaces, and after
 * hyphens and dashes, where a browser may end a line), measured as rendered: a word whose
 * boxes sit on more than one line is broken, unless it is wider than the block it sits in (a
 * long address may wrap; nothing else may). Returns the broken words, with where they are.
 */
export function brokenWordsInPage(selector) {
  const broken = [];
  const roots = [...document.querySelectorAll(selector)];
  const range = document.createRange();
  const blockOf = (el) => {
    let node = el;
    while (node && node !== document.body) {
      const display = getComputedStyle(node).display;
      if (!display.startsWith('inline') && display !== 'contents') return node;
      node = node.parentElement;
    }
    return document.body;
  };
  const contentWidth = (el) => {
    const style = getComputedStyle(el);
    return el.getBoundingClientRect().width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
      - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);
  };
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('.govuk-visually-hidden, svg, option, script, style, [hidden]')) continue;
      if (parent.getClientRects().length === 0) continue;
      const text = node.textContent;
      for (const match of text.matchAll(/[^\s\-\u2013\u2014]+[\-\u2013\u2014]*/g)) {
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5);
        if (rects.length < 2) continue;
        const lines = [];
        for (const r of rects) if (!lines.some((top) => Math.abs(top - r.top) < 3)) lines.push(r.top);
        if (lines.length < 2) continue;
        const width = rects.reduce((sum, r) => sum + r.width, 0);
        const block = blockOf(parent);
        const room = contentWidth(block);
        if (width > room + 1) continue;
        broken.push({ word: match[0], lines: lines.length, width: Math.round(width), room: Math.round(room), in: `${block.tagName.toLowerCase()}.${[...block.classList].join('.')}` });
      }
    }
  }
  return broken;
}
