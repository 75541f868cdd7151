#!/usr/bin/env node
// Share of the distinct PERS / ORG / LOC names of the ANERcorp training portion (sentences 0-3566 only)
// that the loaded lexicons know, as the matcher would find them (clitics on the first word allowed).
//   npm run build && node scripts/anercorp-coverage.mjs [path/to/anercorp-train.conll] [--json]
import { readFileSync } from "node:fs";
import { loadLexicon } from "../dist/index.js";
import { lookupHits } from "../dist/lexicon/compile.js";
import { procliticReadings } from "../dist/text/clitics.js";
import { tokenize } from "../dist/text/tokenize.js";

const file = process.argv.find((a) => a.endsWith(".conll")) ?? new URL("../../shared/eval/data/anercorp-train.conll", import.meta.url).pathname;
const LAST_TRAIN_SENTENCE = 3566;
const TYPE = { PERS: "person", ORG: "group", LOC: "place" };
const sentences = readFileSync(file, "utf8").split(/\n\s*\n/).slice(0, LAST_TRAIN_SENTENCE + 1);
const names = { PERS: new Set(), ORG: new Set(), LOC: new Set() };
for (const s of sentences) {
  let cur = null;
  const flush = () => { if (cur && names[cur.type]) names[cur.type].add(cur.tokens.join(" ")); cur = null; };
  for (const line of s.split("\n").filter(Boolean)) {
    const cut = line.lastIndexOf(" ");
    const token = line.slice(0, cut), tag = line.slice(cut + 1).trim();
    if (tag.startsWith("B-") || (tag.startsWith("I-") && (!cur || cur.type !== tag.slice(2)))) { flush(); cur = { type: tag.slice(2), tokens: [token] }; }
    else if (tag.startsWith("I-")) cur.tokens.push(token);
    else flush();
  }
  flush();
}
const lexicon = loadLexicon();
function known(name, type) {
  const toks = tokenize(name).tokens.map((t) => t.norm);
  if (!toks.length) return false;
  for (const r of procliticReadings(toks[0])) {
    if (lookupHits(lexicon, [r.stem, ...toks.slice(1)])?.some((h) => h.kind === "name" && lexicon.entries.get(h.entryId)?.type === type)) return true;
  }
  return false;
}
const result = {};
for (const [tag, set] of Object.entries(names)) {
  const k = [...set].filter((n) => known(n, TYPE[tag])).length;
  result[tag] = { distinct: set.size, known: k, share: +(k / set.size).toFixed(3) };
}
const all = Object.values(result).reduce((a, r) => ({ distinct: a.distinct + r.distinct, known: a.known + r.known }), { distinct: 0, known: 0 });
result.all = { ...all, share: +(all.known / all.distinct).toFixed(3) };
result.lexiconEntries = lexicon.entries.size;
if (process.argv.includes("--json")) console.log(JSON.stringify(result));
else for (const [k, v] of Object.entries(result)) console.log(k.padEnd(15), typeof v === "object" ? `${v.known}/${v.distinct} = ${(v.share * 100).toFixed(1)}%` : v);
