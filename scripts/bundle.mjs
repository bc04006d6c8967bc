/* global process, URL */
// The service bundled under dist/ with esbuild: `npm run build` (after the type check) and `npm start` (when
// src/ has changed since the last bundle) both call this. Plain JavaScript, so that `npm start` runs it with
// Node alone.
//
// Start-up time is paid on every rolling deploy and auto-started machine, and most of it went into Node's module
// loader: about 700 files resolved, read and linked one by one. One file per entry point is read at once.
// Packages that find files of their own beside their code stay outside the bundle and load from node_modules:
// sharp (a native addon) and PGlite (its WebAssembly and data files). So do the packages the service imports only
// lazily and late (the AI and AWS SDKs, rss-parser): from node_modules they load through Node's own CommonJS
// interop, which a bundled dynamic import does not reproduce (it gives a CommonJS package's exports as `default`
// only). undici is bundled, as a chunk of its own: the Bot API client loads it right after start-up, and from
// node_modules its hundred files took four times as long. @grammyjs/i18n is bundled with a small stand-in for its
// Deno compatibility layer (deno-shim-for-bundle.mjs).
import { copyFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const EXTERNAL = [
  "sharp",
  "@electric-sql/pglite",
  "@electric-sql/pglite-socket",
  "@anthropic-ai/sdk",
  "openai",
  "@aws-sdk/client-s3",
  "rss-parser",
];

export const repoRoot = fileURLToPath(new URL("..", import.meta.url));

export async function bundleService() {
  const { build } = await import("esbuild");
  const dist = join(repoRoot, "dist");
  rmSync(dist, { recursive: true, force: true });
  await build({
    // headline-card is an entry of its own so that the image check (scripts/image-check/glyph-probe.mjs) renders
    // cards with the very code the service runs; it shares its chunks with main.js.
    entryPoints: ["src/main.ts", "src/database/migrate-cli.ts", "src/images/headline-card.ts"].map((entry) =>
      join(repoRoot, entry),
    ),
    outbase: join(repoRoot, "src"),
    outdir: dist,
    bundle: true,
    // What the code imports lazily (the AI SDKs, the AWS SDK, undici, the app behind main.ts) becomes chunks of
    // its own, compiled only when first used.
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    platform: "node",
    format: "esm",
    target: "node20",
    external: EXTERNAL,
    alias: {
      "node-fetch": join(repoRoot, "scripts/node-fetch-for-bundle.cjs"),
      "@deno/shim-deno": join(repoRoot, "scripts/deno-shim-for-bundle.mjs"),
    },
    sourcemap: "linked",
    minifyWhitespace: true,
    minifySyntax: true,
    // CommonJS packages inside an ES module bundle still call require() for Node's built-in modules.
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module";\nconst require = __createRequire(import.meta.url);',
    },
    logLevel: "warning",
  });
  // The embedded database's worker thread loads its file by path, outside the bundle (embedded-postgres.ts).
  copyFileSync(
    join(repoRoot, "src/database/embedded-postgres-worker.mjs"),
    join(dist, "database/embedded-postgres-worker.mjs"),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleService();
