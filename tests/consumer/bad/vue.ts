import type {} from "@barfinex/widgets/vue";
import type { GlobalComponents } from "vue";
export const a: InstanceType<GlobalComponents["bfx-asset-card"]>["$props"] = { theme: "blue" };
