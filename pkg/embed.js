// One-tag embedding: <script type="module" src=".../embed.js"></script> loads the wasm module
// once and defines the custom elements (<bfx-asset-card>). Safe to include more than once.
import init from "./barfinex_widgets.js";

await init();
