// What a TypeScript user writes with the package: the computing API with its optional options,
// typed elements from the tag name map, typed event details, and the Vue and Svelte typings.
import init, { technicalRating, indicator, type Candle } from "@barfinex/widgets";
import type {} from "@barfinex/widgets/vue";
import type {} from "@barfinex/widgets/svelte";
import type { GlobalComponents } from "vue";
import type { SvelteHTMLElements } from "svelte/elements";

export async function rate(candles: Candle[]): Promise<string | null> {
  await init();
  const r = technicalRating(candles); // options are optional
  const every = technicalRating(candles, { everyBar: true });
  indicator("rsi", { timeperiod: 14 }, candles);
  return (r?.label ?? null) + String(every?.everyBar?.total.length);
}

const card = document.createElement("bfx-asset-card");
card.theme = "dark";
card.refresh = 60;
card.addEventListener("bfx-error", (e) => console.log(e.detail.kind, e.detail.status));
document.addEventListener("bfx-signals", (e) => console.log(e.detail.results.length));

// Vue: GlobalComponents is what vue-tsc checks templates against.
type VueCard = InstanceType<GlobalComponents["bfx-asset-card"]>["$props"];
export const vueProps: VueCard = { src: "/flux.json", theme: "auto", onBfxRating: (e) => e.detail.rating.total };
// Svelte: SvelteHTMLElements is what svelte-check checks elements against.
export const svelteProps: SvelteHTMLElements["bfx-technical-rating"] = {
  src: "/flux.json", candles: "/c.json", "onbfx-rating": (e) => e.detail.synthetic,
};
