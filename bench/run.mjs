#!/usr/bin/env node
// isnad benchmark (not a test): throughput with --jobs 1 and 2 (and --jobs 1 with the lexicons' names alone),
// start-up time, peak memory on a long NDJSON stream, and grep -F over the same bytes with every lexicon alias, as a ratio.
//   npm run bench                       (≥ 50 MB corpus; the ANERcorp text repeated when ../shared is there)
//   node bench/run.mjs --mb 50 --stream-mb 500
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "bin", "isnad.js");
const outDir = join(root, "bench", "out");
mkdirSync(outDir, { recursive: true });
const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : dflt; };
const corpusMb = arg("--mb", 50);
const streamMb = arg("--stream-mb", 500);

// --- corpus: documents of ~20 sentences from ANERcorp (or the bundled sample), repeated to the size asked
function baseDocuments() {
  const conll = join(root, "..", "shared", "eval", "data", "anercorp-train.conll");
  if (existsSync(conll)) {
    const sentences = readFileSync(conll, "utf8").split(/\n\s*\n/).map((s) => s.split("\n").filter(Boolean).map((l) => l.slice(0, l.lastIndexOf(" "))).join(" "));
    const docs = [];
    for (let i = 0; i < sentences.length; i += 20) docs.push(sentences.slice(i, i + 20).join("\n"));
    return { docs, from: "ANERcorp training text" };
  }
  return { docs: readFileSync(join(root, "samples", "seed-qaani-iraq.txt"), "utf8").split(/\n\s*\n/), from: "bundled sample" };
}
const { docs, from } = baseDocuments();
function* records(mb) {
  let bytes = 0, n = 0;
  while (bytes < mb * 1e6) for (const text of docs) {
    const line = JSON.stringify({ id: `d${n++}`, text }) + "\n";
    bytes += Buffer.byteLength(line);
    yield line;
    if (bytes >= mb * 1e6) return;
  }
}
const corpus = join(outDir, `corpus-${corpusMb}mb.ndjson`);
if (!existsSync(corpus)) writeFileSync(corpus, [...records(corpusMb)].join(""));
const bytes = statSync(corpus).size;
const nDocs = readFileSync(corpus, "utf8").split("\n").filter(Boolean).length;

// peak RSS of the isnad process (worker threads included), reported at exit
const rssHook = ["--import", join(root, "bench", "rss-hook.mjs")];
const maxRss = (stderr) => Number(/MAXRSS (\d+)/.exec(stderr)?.[1] ?? 0) / 1024;

function timeExtract(jobs, extra = "") {
  const t0 = process.hrtime.bigint();
  const r = spawnSync("sh", ["-c", `node ${rssHook.join(" ")} ${bin} extract --input ndjson --format ndjson --quiet -j ${jobs} ${extra} < ${corpus} > /dev/null`], { encoding: "utf8", maxBuffer: 1 << 26 });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(r.stderr);
  const failed = (r.stderr.match(/^isnad: /gm) ?? []).length;
  return { s, mbs: bytes / 1e6 / s, docs: nDocs / s, rss: maxRss(r.stderr), failed };
}

function startup() {
  const small = join(outDir, "small.txt");
  writeFileSync(small, "قال الرئيس العراقي إن الوضع في بغداد مستقر.\n");
  const runs = [];
  for (let i = 0; i < 7; i++) {
    const t0 = process.hrtime.bigint();
    spawnSync(process.execPath, [bin, "extract", small], { encoding: "utf8" });
    runs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return runs.sort((a, b) => a - b)[3];
}

function grepRatio() {
  const aliases = join(outDir, "aliases.txt");
  writeFileSync(aliases, spawnSync(process.execPath, [bin, "lexicon", "aliases"], { encoding: "utf8", maxBuffer: 1 << 28 }).stdout);
  const t0 = process.hrtime.bigint();
  spawnSync("sh", ["-c", `LC_ALL=C grep -F -o -f ${aliases} ${corpus} > /dev/null`]);
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  return { s, aliases: readFileSync(aliases, "utf8").split("\n").filter(Boolean).length };
}

async function streamMemory(mb, jobs) {
  const child = spawn(process.execPath, [...rssHook, bin, "extract", "--input", "ndjson", "--format", "ndjson", "--quiet", "-j", String(jobs)], { stdio: ["pipe", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const t0 = process.hrtime.bigint();
  for (const line of records(mb)) if (!child.stdin.write(line)) await new Promise((r) => child.stdin.once("drain", r));
  child.stdin.end();
  await new Promise((r) => child.on("exit", r));
  return { rss: maxRss(stderr), s: Number(process.hrtime.bigint() - t0) / 1e9 };
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
console.log(`machine: ${machine}`);
console.log(`corpus: ${(bytes / 1e6).toFixed(1)} MB, ${nDocs} documents (${from})`);
const j1 = timeExtract(1);
console.log(`extract --jobs 1: ${j1.mbs.toFixed(2)} MB/s, ${j1.docs.toFixed(0)} documents/s, peak RSS ${j1.rss.toFixed(0)} MB${j1.failed ? ` (${j1.failed} documents failed)` : ""}`);
const j2 = timeExtract(2);
console.log(`extract --jobs 2: ${j2.mbs.toFixed(2)} MB/s, ${j2.docs.toFixed(0)} documents/s, peak RSS ${j2.rss.toFixed(0)} MB (${(j2.mbs / j1.mbs).toFixed(2)}× --jobs 1)`);
// the names layers' cost (issue 5): the same run with the lexicons' names alone
const known = timeExtract(1, "--names lexicon");
console.log(`extract --jobs 1 --names lexicon: ${known.mbs.toFixed(2)} MB/s; the rules and the tagger make the whole run ${((1 - j1.mbs / known.mbs) * 100).toFixed(0)}% slower`);
console.log(`start-up, one small document: ${startup().toFixed(0)} ms (median of 7)`);
const g = grepRatio();
console.log(`grep -F -o with ${g.aliases} aliases: ${(bytes / 1e6 / g.s).toFixed(1)} MB/s; isnad --jobs 1 takes ${(j1.s / g.s).toFixed(1)}× grep's time`);
if (streamMb > 0) {
  const m = await streamMemory(streamMb, 2);
  console.log(`${streamMb} MB NDJSON stream through --jobs 2: peak RSS ${m.rss.toFixed(0)} MB, ${(streamMb / m.s).toFixed(2)} MB/s`);
}
