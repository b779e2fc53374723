// A module Worker using the package with no stubs: no DOM, no customElements. It rates the
// candles it is sent and posts the result (or the error) back.
import init, { technicalRating, indicator } from "/pkg/barfinex_widgets.js";

const ready = init();
self.onmessage = async ({ data }) => {
  try {
    await ready;
    const rsi = indicator("rsi", { timeperiod: 14 }, data);
    postMessage({ rating: technicalRating(data), lastRsi: rsi.rsi.at(-1), elements: typeof customElements });
  } catch (e) {
    postMessage({ error: String(e) });
  }
};
