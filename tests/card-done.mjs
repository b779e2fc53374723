// When the first card is complete, as make bench (tests/bench-pages.mjs) and
// tests/trace-card.mjs time it: price, 24h change, rating label and "as of" shown, nothing
// loading. Runs in the page (`page.waitForFunction(cardDone)`): performance.now(), or false.
export const cardDone = () => {
  const root = document.querySelector("bfx-asset-card")?.shadowRoot;
  const q = (s) => root?.querySelector(s);
  const price = q(".bfx-market__price")?.textContent;
  const ok = price && price !== "–" && q(".bfx-market__change") && q(".bfx-rating[data-label]") && q(".bfx-market__asof")
    && !q(".bfx-state--loading");
  return ok ? performance.now() : false;
};
