/* global module */
// Stands in for node-fetch inside the bundle (scripts/bundle.mjs). grammY's Node build imports node-fetch for
// its default fetch, but the service always hands grammY its own fetch (src/bot/bot-api-fetch.ts), so the
// package — with its URL-parsing tables, a tenth of the bundle — would be loaded at every start and never used.
// Node's own fetch takes its place should anything call it; it is looked up only then, since reading
// `globalThis.fetch` loads Node's HTTP client.
const fetchLater = (...args) => globalThis.fetch(...args);
module.exports = fetchLater;
module.exports.default = fetchLater;
