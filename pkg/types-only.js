// The React, Vue and Svelte entries are types only (react.d.ts, vue.d.ts, svelte.d.ts):
// `import type {} from "@barfinex/widgets/react"`. Importing one at run time does nothing.
export {};
