// Demo page only: the theme and language pickers set the `theme` and `locale` attributes on
// every card.
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

const language = document.getElementById("locale");
const speak = () => {
  for (const card of document.querySelectorAll("bfx-asset-card")) card.setAttribute("locale", language.value);
};
const asked = params.get("locale");
if (asked) language.value = asked;
language.addEventListener("change", speak);
speak();
