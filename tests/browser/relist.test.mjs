// Views rebuilt in place by Leptos's renderer, a patched copy (vendor/tachys/PATCHED.md), from
// the test build's widgets (src/web/test_trap.rs, target/test-trap-pkg/):
// - A list rebuilt with another number of items keeps them in order and in their place: a
//   `StaticVec` (an element's children, or a fragment, of two or more items) is built without
//   the marker node upstream puts after it, and gets one only when a rebuild changes its length
//   (change 1). `test-relist`: each click moves both lists to the next count of 2, 3, 2, 3, 0, 2.
// - An element rebuilt with another tag becomes an element of that tag, and one rebuilt with the
//   same tag stays the same node: an element made owned to be erased carries its tag as a value,
//   so a `<p>` and a `<div>` with the same attributes and children are one erased type, and its
//   rebuild compares the tags, without case (the DOM's `tagName` is upper case) (change 5).
//   `test-retag`: each click moves its item to the next of p, p, div, div, p.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, newPage, requireTrapBuild, TRAP_GLUE } from "./harness.mjs";

let server, browser;
before(async () => {
  requireTrapBuild();
  server = await serve();
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); });

/** A page with the test build's widget `widget` mounted in `#host`, once `selector` is in it. */
async function testWidget(widget, selector) {
  const page = await newPage(browser);
  await page.setContent(`<!doctype html>
    <div id="host"></div>
    <script type="module">
      import init, { mount } from "${server.url}/${TRAP_GLUE}";
      await init();
      mount(document.getElementById("host"), { src: "", widget: "${widget}" });
    </script>`);
  await page.locator(`#host ${selector}`).waitFor();
  return page;
}

test("lists whose length changes on a rebuild keep their items in order, before what follows them", async () => {
  const page = await testWidget("test-relist", ".bfx-test-relist");
  // Each list's child nodes as text: elements by their text, comments as "#".
  const shape = () => page.evaluate(() => {
    const root = document.getElementById("host").shadowRoot ?? document.getElementById("host");
    const nodes = (el) => [...el.childNodes].map((n) => n.nodeType === Node.COMMENT_NODE ? "#"
      : n.nodeType === Node.TEXT_NODE ? n.textContent.trim() : n.textContent).filter((s) => s !== "").join(" ");
    return { list: nodes(root.querySelector(".bfx-test-relist__list")), row: nodes(root.querySelector(".bfx-test-relist__row")) };
  });
  const next = () => page.locator("#host .bfx-test-relist button").click();
  const items = (s) => s.replaceAll("#", "").split(" ").filter(Boolean);

  const first = await shape();
  assert.deepEqual(first, { list: "a b", row: "a b end" }, "built with items: no marker");
  const expected = [["a", "b", "c"], ["a", "b"], ["a", "b", "c"], [], ["a", "b"]];
  for (const want of expected) {
    await next();
    const now = await shape();
    assert.deepEqual(items(now.list), want, `the element's children after a click: ${now.list}`);
    assert.deepEqual(items(now.row), [...want, "end"], `the fragment's items stay before its sibling: ${now.row}`);
    // A list with items has one marker at most, after them. (No items is another view, `()`,
    // which upstream draws as two comments: its own and its erased view's.)
    for (const s of want.length ? [now.list, now.row] : []) {
      assert.ok(s.split("#").length <= 2, `one marker at most: ${s}`);
      assert.doesNotMatch(s, /#.*\b[abc]\b/, `the marker comes after the items: ${s}`);
    }
  }
  await page.context().close();
});

test("an erased element rebuilt with another tag is replaced, with the same tag kept in place", async () => {
  const page = await testWidget("test-retag", ".bfx-test-retag");
  // The item's tag, whether it is the node marked before the click, and its attributes and text;
  // then the item now there is marked.
  const look = () => page.evaluate(() => {
    const root = document.getElementById("host").shadowRoot ?? document.getElementById("host");
    const items = root.querySelectorAll(".bfx-test-retag__item");
    const el = items[0];
    const same = el.__bfxMark === true;
    el.__bfxMark = true;
    return { count: items.length, tag: el.localName, same, role: el.getAttribute("role"), text: el.textContent };
  });
  const next = () => page.locator("#host .bfx-test-retag button").click();

  const first = await look();
  assert.deepEqual(first, { count: 1, tag: "p", same: false, role: "note", text: "item" });
  const expected = [["p", true], ["div", false], ["div", true], ["p", false]];
  for (const [tag, same] of expected) {
    await next();
    const now = await look();
    assert.deepEqual(now, { count: 1, tag, same, role: "note", text: "item" },
      same ? `rebuilt with the same tag (${tag}): the same node` : `rebuilt as a ${tag}: a new element`);
  }
  await page.context().close();
});
