// Builds the gallery: each widget in four frames (phone/desktop × light/dark) with its snippet.
// Market data comes from the local market-data server (`make demo` runs it on port 8081) or ?market=.
const params = new URLSearchParams(location.search);
const market = params.get("market") ?? `${location.protocol}//${location.hostname}:8081`;
const only = params.get("only");

export const WIDGETS = [
  { id: "asset-card", tag: "bfx-asset-card", title: "Asset card",
    about: "The whole profile: market data, rating, drivers, live signals, regimes, influencers.",
    attrs: { src: "data/flux.json", market: "$market" } },
  { id: "driver-list", tag: "bfx-driver-list", title: "Driver list",
    about: "Counts per direction, filters by direction and category, sort, expandable text.",
    attrs: { src: "data/flux.json" } },
  { id: "driver-list-compact", tag: "bfx-driver-list", title: "Driver list, compact",
    about: "One line per driver; the text opens on demand.",
    attrs: { src: "data/flux.json", layout: "compact" } },
  { id: "regime-matrix", tag: "bfx-regime-matrix", title: "Regime matrix, several assets",
    about: "Assets as rows, regimes as columns; the current regime is computed in the browser from regime rules (BTC vs its 200-day average and volatility; policy rate and CPI series a site supplies, synthetic here).",
    attrs: { src: "data/flux.json data/examples/btc.json data/examples/eth.json data/examples/sol.json", rules: "data/regime-rules.json", market: "$market" } },
  { id: "regime-list", tag: "bfx-regime-matrix", title: "Regime matrix, one asset",
    about: "One profile: the six regimes with outcome and text; here the page sets the current regime.",
    attrs: { src: "data/flux.json", current: "risk-off" } },
  { id: "signal-badges", tag: "bfx-signal-badges", title: "Signal badges",
    about: "Each seed signal scored live from market data: state, strength, evidence on demand.",
    attrs: { src: "data/flux.json", market: "$market" } },
  { id: "technical-rating", tag: "bfx-technical-rating", title: "Technical rating gauge",
    about: "TradingView's technical rating computed in the browser from the profile's candles, on every interval its exchanges serve (tabs), with a summary row.",
    attrs: { src: "data/flux.json", market: "$market", intervals: "15m 1h 4h 1D" } },
  { id: "price-chart", tag: "bfx-price-chart", title: "Price chart",
    about: "Candles' close with volume; marks the breakout level and the retest the technical signal found.",
    attrs: { src: "data/flux.json", market: "$market" } },
  { id: "price-chart-xrp", tag: "bfx-price-chart", title: "Price chart on recorded data",
    about: "Recorded XRP/USDT candles (2021): the breakout above the 20-bar high on 2.65× volume and its retest 25 hours later, marked.",
    attrs: { src: "data/examples/xrp-sample.json", market: "$market" } },
  { id: "funding-chart", tag: "bfx-funding-chart", title: "Funding-rate chart",
    about: "Funding rate with the zero line; marks the latest negative streak.",
    attrs: { src: "data/flux.json", market: "$market" } },
  { id: "funding-chart-xrp", tag: "bfx-funding-chart", title: "Funding chart on recorded data",
    about: "Recorded XRP/USDT funding: its one three-event negative streak, shaded.",
    attrs: { src: "data/examples/xrp-sample.json", market: "$market" } },
  { id: "sparkline", tag: "bfx-sparkline", title: "Sparkline",
    about: "A compact price line for tickers and tables.",
    attrs: { src: "data/flux.json", market: "$market" } },
];

function snippet(w) {
  const attrs = Object.entries(w.attrs)
    .map(([k, v]) => ` ${k}="${v === "$market" ? "https://your-proxy.example" : `/${v.replaceAll("data/", "data/")}`.replaceAll(" data/", " /data/")}"`)
    .join("");
  return `<script type="module" src="https://cdn.example/@barfinex/widgets/embed.js"></script>\n<${w.tag}${attrs}></${w.tag}>`;
}

const root = document.getElementById("gallery");
for (const w of WIDGETS) {
  if (only && only !== w.id) continue;
  const section = document.createElement("section");
  section.className = "gallery-item";
  section.id = w.id;
  const h = document.createElement("h2");
  h.textContent = w.title;
  const p = document.createElement("p");
  p.textContent = w.about;
  const pre = document.createElement("pre");
  pre.textContent = snippet(w);
  const frames = document.createElement("div");
  frames.className = "gallery-frames";
  for (const [width, theme] of [["phone", "light"], ["phone", "dark"], ["desktop", "light"], ["desktop", "dark"]]) {
    const frame = document.createElement("div");
    frame.className = `gallery-frame gallery-frame--${width} gallery-frame--${theme}`;
    frame.dataset.frame = `${width}-${theme}`;
    const label = document.createElement("h3");
    label.textContent = `${width === "phone" ? "Phone, 360 px" : "Desktop"} · ${theme}`;
    const el = document.createElement(w.tag);
    for (const [k, v] of Object.entries(w.attrs)) el.setAttribute(k, v === "$market" ? market : v);
    el.setAttribute("theme", theme);
    // Under this page's h3 frame labels: the widget's title is a level-4 heading.
    el.setAttribute("heading-level", "4");
    frame.append(label, el);
    frames.append(frame);
  }
  section.append(h, p, pre, frames);
  root.append(section);
}

// <registry>
// Generated by scripts/gen-registry.mjs from src/web/registry.json: edit that, not this.
const ELEMENTS = [
  {"tag":"bfx-asset-card","shows":"the whole profile","attributes":[["src","string","URL of the asset profile JSON, absolute or relative to the page; for the regime matrix, several separated by spaces."],["candles","string","URL of a candles document; the technical rating is computed from it in the reader's browser."],["market","string","Base URL of a market-data server laid out like the local one (a proxy, a mirror); used for every profile source without its own base_url."],["refresh","number","Seconds between market-data refreshes (1 to 86400); 0 or absent: off."],["persist","boolean","Keep fetched market data in sessionStorage, so a reload within the tab starts from it."],["rating-rules","tradingview | library-v3","The technical rating's rule set: tradingview (the scanner script behind tradingview.com's gauge) or library-v3 (TradingView's published Pine library TechnicalRating v3)."],["intervals","string","The rating's summary row: intervals separated by spaces (15m 1h 4h 1D), each shown with its rating and choosing its tab. The tabs themselves are every interval of 1m, 5m, 15m, 30m, 1h, 2h, 4h, 1D, 1W, 1M that each source of the candles chain serves, and the profile's own."],["heading-level","number","Level of the widget's title heading (1 to 6), to fit the page's outline; its sections' headings are one deeper, their items' one more."],["locale","string","The reader's language, a BCP 47 tag (en, ru-RU): the widget's words, numbers and dates. Absent: the nearest lang attribute, then the browser's language. A language without a table shows English words with its own dates."],["timezone","string","IANA time zone of the times shown (Europe/Moscow, UTC). Absent: the reader's own."],["theme","auto | light | dark","Colour theme; auto follows the reader's system setting. Changing it restyles in place."]]},
  {"tag":"bfx-driver-list","shows":"drivers with direction/category badges, counts per direction, filters, sort, expandable text","attributes":[["src","string","URL of the asset profile JSON, absolute or relative to the page; for the regime matrix, several separated by spaces."],["layout","full | compact","full (filters, sort, expandable text) or compact (titles and badges)."],["heading-level","number","Level of the widget's title heading (1 to 6), to fit the page's outline; its sections' headings are one deeper, their items' one more."],["locale","string","The reader's language, a BCP 47 tag (en, ru-RU): the widget's words, numbers and dates. Absent: the nearest lang attribute, then the browser's language. A language without a table shows English words with its own dates."],["timezone","string","IANA time zone of the times shown (Europe/Moscow, UTC). Absent: the reader's own."],["theme","auto | light | dark","Colour theme; auto follows the reader's system setting. Changing it restyles in place."]]},
  {"tag":"bfx-regime-matrix","shows":"one profile: the regimes as a list; several: a table, assets × regimes, cells coloured by outcome, text on hover, focus and tap","attributes":[["src","string","URL of the asset profile JSON, absolute or relative to the page; for the regime matrix, several separated by spaces."],["current","string","The current market regime, when the page knows it (risk-on, tightening, …)."],["rules","string","URL of a regime-rules document to compute the current regime from (with market)."],["market","string","Base URL of a market-data server laid out like the local one (a proxy, a mirror); used for every profile source without its own base_url."],["refresh","number","Seconds between market-data refreshes (1 to 86400); 0 or absent: off."],["persist","boolean","Keep fetched market data in sessionStorage, so a reload within the tab starts from it."],["heading-level","number","Level of the widget's title heading (1 to 6), to fit the page's outline; its sections' headings are one deeper, their items' one more."],["locale","string","The reader's language, a BCP 47 tag (en, ru-RU): the widget's words, numbers and dates. Absent: the nearest lang attribute, then the browser's language. A language without a table shows English words with its own dates."],["timezone","string","IANA time zone of the times shown (Europe/Moscow, UTC). Absent: the reader's own."],["theme","auto | light | dark","Colour theme; auto follows the reader's system setting. Changing it restyles in place."]]},
  {"tag":"bfx-signal-badges","shows":"each signal's live state and strength, evidence in a popover, a summary line","attributes":[["src","string","URL of the asset profile JSON, absolute or relative to the page; for the regime matrix, several separated by spaces."],["market","string","Base URL of a market-data server laid out like the local one (a proxy, a mirror); used for every profile source without its own base_url."],["refresh","number","Seconds between market-data refreshes (1 to 86400); 0 or absent: off."],["persist","boolean","Keep fetched market data in sessionStorage, so a reload within the tab starts from it."],["heading-level","number","Level of the widget's title heading (1 to 6), to fit the page's outline; its sections' headings are one deeper, their items' one more."],["locale","string","The reader's language, a BCP 47 tag (en, ru-RU): the widget's words, numbers and dates. Absent: the nearest lang attribute, then the browser's language. A language without a table shows English words with its own dates."],["timezone","string","IANA time zone of the times shown (Europe/Moscow, UTC). Absent: the reader's own."],["theme","auto | light | dark","Colour theme; auto follows the reader's system setting. Changing it restyles in place."]]},
  {"tag":"bfx-technical-rating","shows":"TradingView-style rating: label, a half-circle dial with the needle at the score, both groups' Buy/Neutral/Sell, every vote on demand","attributes":[["src","string","URL of the asset profile JSON, absolute or relative to the page; for the regime matrix, several separated by spaces."],["candles","string","URL of a candles document; the technical rating is computed from it in the reader's browser."],["market","string","Base URL of a market-data server laid out like the local one (a proxy, a mirror); used for every profile source without its own base_url."],["refresh","number","Seconds between market-data refreshes (1 to 86400); 0 or absent: off."],["persist","boolean","Keep fetched market data in sessionStorage, so a reload within the tab starts from it."],["rating-rules","tradingview | library-v3","The technical rating's rule set: tradingview (the scanner script behind tradingview.com's gauge) or library-v3 (TradingView's published Pine library TechnicalRating v3)."],["intervals","string","The rating's summary row: intervals separated by spaces (15m 1h 4h 1D), each shown with its rating and choosing its tab. The tabs themselves are every interval of 1m, 5m, 15m, 30m, 1h, 2h, 4h, 1D, 1W, 1M that each source of the candles chain serves, and the profile's own."],["heading-level","number","Level of the widget's title heading (1 to 6), to fit the page's outline; its sections' headings are one deeper, their items' one more."],["locale","string","The reader's language, a BCP 47 tag (en, ru-RU): the widget's words, numbers and dates. Absent: the nearest lang attribute, then the browser's language. A language without a table shows English words with its own dates."],["timezone","string","IANA time zone of the times shown (Europe/Moscow, UTC). Absent: the reader's own."],["theme","auto | light | dark","Colour theme; auto follows the reader's system setting. Changing it restyles in place."]]},
  {"tag":"bfx-price-chart","shows":"candles with volume; marks the breakout level and the retest the profile's breakout rule finds","attributes":[["src","string","URL of the asset profile JSON, absolute or relative to the page; for the regime matrix, several separated by spaces."],["market","string","Base URL of a market-data server laid out like the local one (a proxy, a mirror); used for every profile source without its own base_url."],["refresh","number","Seconds between market-data refreshes (1 to 86400); 0 or absent: off."],["persist","boolean","Keep fetched market data in sessionStorage, so a reload within the tab starts from it."],["heading-level","number","Level of the widget's title heading (1 to 6), to fit the page's outline; its sections' headings are one deeper, their items' one more."],["locale","string","The reader's language, a BCP 47 tag (en, ru-RU): the widget's words, numbers and dates. Absent: the nearest lang attribute, then the browser's language. A language without a table shows English words with its own dates."],["timezone","string","IANA time zone of the times shown (Europe/Moscow, UTC). Absent: the reader's own."],["theme","auto | light | dark","Colour theme; auto follows the reader's system setting. Changing it restyles in place."]]},
  {"tag":"bfx-funding-chart","shows":"funding rate with the zero line; shades the latest negative streak","attributes":[["src","string","URL of the asset profile JSON, absolute or relative to the page; for the regime matrix, several separated by spaces."],["market","string","Base URL of a market-data server laid out like the local one (a proxy, a mirror); used for every profile source without its own base_url."],["refresh","number","Seconds between market-data refreshes (1 to 86400); 0 or absent: off."],["persist","boolean","Keep fetched market data in sessionStorage, so a reload within the tab starts from it."],["heading-level","number","Level of the widget's title heading (1 to 6), to fit the page's outline; its sections' headings are one deeper, their items' one more."],["locale","string","The reader's language, a BCP 47 tag (en, ru-RU): the widget's words, numbers and dates. Absent: the nearest lang attribute, then the browser's language. A language without a table shows English words with its own dates."],["timezone","string","IANA time zone of the times shown (Europe/Moscow, UTC). Absent: the reader's own."],["theme","auto | light | dark","Colour theme; auto follows the reader's system setting. Changing it restyles in place."]]},
  {"tag":"bfx-sparkline","shows":"a compact price line","attributes":[["src","string","URL of the asset profile JSON, absolute or relative to the page; for the regime matrix, several separated by spaces."],["market","string","Base URL of a market-data server laid out like the local one (a proxy, a mirror); used for every profile source without its own base_url."],["refresh","number","Seconds between market-data refreshes (1 to 86400); 0 or absent: off."],["persist","boolean","Keep fetched market data in sessionStorage, so a reload within the tab starts from it."],["heading-level","number","Level of the widget's title heading (1 to 6), to fit the page's outline; its sections' headings are one deeper, their items' one more."],["locale","string","The reader's language, a BCP 47 tag (en, ru-RU): the widget's words, numbers and dates. Absent: the nearest lang attribute, then the browser's language. A language without a table shows English words with its own dates."],["timezone","string","IANA time zone of the times shown (Europe/Moscow, UTC). Absent: the reader's own."],["theme","auto | light | dark","Colour theme; auto follows the reader's system setting. Changing it restyles in place."]]},
];
// </registry>

// The whole gallery (not a single item): every element's attributes, from the registry.
if (!only) {
  const section = document.createElement("section");
  section.className = "gallery-item";
  section.id = "elements";
  const h = document.createElement("h2");
  h.textContent = "Elements and attributes";
  section.append(h);
  for (const el of ELEMENTS) {
    const table = document.createElement("table");
    table.className = "gallery-attrs";
    const caption = table.createCaption();
    caption.textContent = `<${el.tag}>: ${el.shows}`;
    const head = table.createTHead().insertRow();
    for (const t of ["attribute (and property)", "values", "meaning"]) {
      const th = document.createElement("th");
      th.textContent = t;
      head.append(th);
    }
    const body = table.createTBody();
    for (const cells of el.attributes) {
      const row = body.insertRow();
      for (const c of cells) row.insertCell().textContent = c;
    }
    section.append(table);
  }
  root.append(section);
}
