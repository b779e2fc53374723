import type {} from "@barfinex/widgets/svelte";
import type { SvelteHTMLElements } from "svelte/elements";
export const a: SvelteHTMLElements["bfx-asset-card"] = { theme: "blue" };
