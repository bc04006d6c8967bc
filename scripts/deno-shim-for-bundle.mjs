// Stands in for @deno/shim-deno inside the bundle (scripts/bundle.mjs). @grammyjs/i18n is written for Deno and
// ships for Node with that compatibility layer, which costs a tenth of a second to load and reads `__dirname`,
// which an ES module bundle lacks. The service never lets the plugin touch the file system: the catalogue reads
// the locale files itself (src/i18n/catalogue.ts). What the plugin's path helpers read when they load is here.
import process from "node:process";

export const Deno = {
  build: { os: process.platform === "win32" ? "windows" : process.platform },
  cwd: () => process.cwd(),
};
