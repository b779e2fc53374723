// Demo page only: the theme picker sets the `theme` attribute on every card.
const picker = document.getElementById("theme");
const apply = () => {
  for (const card of document.querySelectorAll("bfx-asset-card")) card.setAttribute("theme", picker.value);
  document.documentElement.dataset.theme = picker.value;
};
const initial = new URLSearchParams(location.search).get("theme");
if (initial) picker.value = initial;
picker.addEventListener("change", apply);
apply();
