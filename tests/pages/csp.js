// Every element with the Flux profile and market data from ?market=, under the strict CSP of
// csp.html; violations are collected in window.violations.
window.violations = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.violations.push(`${e.violatedDirective}: ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`));
const market = new URLSearchParams(location.search).get("market");
const tags = ["bfx-asset-card", "bfx-driver-list", "bfx-regime-matrix", "bfx-signal-badges",
  "bfx-technical-rating", "bfx-price-chart", "bfx-funding-chart", "bfx-sparkline"];
for (const tag of tags) {
  const el = document.createElement(tag);
  el.id = tag.slice(4);
  el.setAttribute("src", "/www/data/flux.json");
  if (market) el.setAttribute("market", market);
  document.getElementById("widgets").append(el);
}
