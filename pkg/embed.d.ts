// Importing embed.js loads the module and defines the custom elements; it exports nothing.
export {};
