// Demo page only: the theme picker sets the `theme` attribute on every card.
// Market data comes from the local market-data server (`make demo` runs it on port 8081), or
// from the server named by ?market=…
const params = new URLSearchParams(location.search);
const market = params.get("market") ?? `${location.protocol}//${location.hostname}:8081`;
for (const card of document.querySelectorAll("bfx-asset-card[data-market]")) card.setAttribute("market", market);

const picker = document.getElementById("theme");
const apply = () => {
  for (const card of document.querySelectorAll("bfx-asset-card")) card.setAttribute("theme", picker.value);
  document.documentElement.dataset.theme = picker.value;
};
const initial = params.get("theme");
if (initial) picker.value = initial;
picker.addEventListener("change", apply);
apply();
