import type {} from "@barfinex/widgets/react";
export const a = <bfx-asset-card src="/x.json" theme="blue" />;
export const b = <bfx-driver-list src="/x.json" layout="wide" />;
export const c = <bfx-sparkline src="/x.json" candles="/c.json" />;
