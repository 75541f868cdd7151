#!/usr/bin/env node
// Part of `npm run build`: bundles the command line (dist/cli/main.js and its worker) into dist/bundle, so that
// start-up loads a few modules instead of ~75: importing the unbundled modules took 120-150 ms here, the bundle
// about 40 ms. Commands loaded on demand (merge, lexicon) and code the two entries share go into
// chunks beside them. The library entry (dist/index.js) stays unbundled. ajv is loaded on demand (validation
// only); commander is bundled, and its require() calls of Node built-ins go through createRequire.
import { rmSync } from "node:fs";
import { build } from "esbuild";

const root = new URL("../", import.meta.url).pathname;
rmSync(`${root}dist/bundle`, { recursive: true, force: true }); // chunk names change with their content

/**
 * commander loads child_process (and net and dgram behind it: ~8 ms of start-up here) for executable
 * subcommands, which isnad has none of: the bundle hands it the module when it first touches it.
 */
const lazyChildProcess = {
  name: "lazy-child-process",
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (args.importer.includes("/node_modules/commander/") ? { path: "child_process", namespace: "lazy" } : undefined));
    b.onLoad({ filter: /.*/, namespace: "lazy" }, () => ({
      contents: 'let cp; module.exports = new Proxy({}, { get: (_, key) => (cp ??= require("node:child_process"))[key] });',
      loader: "js",
    }));
  },
};

await build({
  entryPoints: [`${root}dist/cli/main.js`, `${root}dist/cli/worker.js`],
  outdir: `${root}dist/bundle`,
  bundle: true,
  splitting: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["ajv"],
  plugins: [lazyChildProcess],
  banner: { js: 'import { createRequire as isnadCreateRequire } from "node:module"; const require = isnadCreateRequire(import.meta.url);' },
  logLevel: "warning",
});
