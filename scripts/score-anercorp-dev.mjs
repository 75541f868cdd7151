#!/usr/bin/env node
// Scores isnad's names on ANERcorp's development portion (sentences 3567-3962 of
// ../shared/eval/data/anercorp-train.conll) as one document, with ../shared/eval/score.mjs --conll:
//   npm run build && node scripts/score-anercorp-dev.mjs            → the per-type table of score.mjs
//   node scripts/score-anercorp-dev.mjs --errors 10                   → and the 10 most frequent error patterns
// The development portion is read for scores only: never mine it or tune on single examples of it.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { extract } from "../dist/index.js";

const root = new URL("../", import.meta.url).pathname;
const shared = process.env.ISNAD_SHARED ?? join(root, "../shared");
const DEV = [3567, 3963]; // sentences [first, end)
const args = process.argv.slice(2);
const errors = args.includes("--errors") ? Number(args[args.indexOf("--errors") + 1] ?? 10) : 0;

const sentences = readFileSync(join(shared, "eval/data/anercorp-train.conll"), "utf8").split(/\n\s*\n/).filter((s) => s.trim());
const dir = mkdtempSync(join(tmpdir(), "isnad-dev-"));
try {
  const conll = join(dir, "dev.conll"), pred = join(dir, "dev.json");
  writeFileSync(conll, sentences.slice(...DEV).join("\n\n") + "\n");
  const scorer = join(shared, "eval/score.mjs");
  const text = execFileSync("node", [scorer, "--conll-text", conll], { encoding: "utf8" }).replace(/\n$/, "");
  writeFileSync(pred, JSON.stringify(extract(text, { source: "anercorp-dev" })));
  process.stdout.write(execFileSync("node", [scorer, "--conll", conll, "--pred", pred], { encoding: "utf8" }));
  if (errors) printErrors(readFileSync(conll, "utf8"), text, JSON.parse(readFileSync(pred, "utf8")), errors);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** Missed and spurious names, grouped as "gold → predicted" patterns (type, boundaries and the origin or rule of the prediction), most frequent first. */
function printErrors(conllText, text, doc, top) {
  const tokens = [];
  let offset = 0;
  conllText.split(/\n\s*\n/).filter((s) => s.trim()).forEach((s, si) => {
    if (si) offset++;
    s.split("\n").forEach((line, ti) => {
      if (ti) offset++;
      const cut = line.lastIndexOf(" ");
      const token = line.slice(0, cut), n = Array.from(token).length;
      tokens.push({ token, tag: line.slice(cut + 1).trim(), start: offset, end: offset + n });
      offset += n;
    });
  });
  const map = { person: "PERS", group: "ORG", place: "LOC" };
  const pred = tokens.map(() => "O");
  const mentions = doc.entities.flatMap((e) => (map[e.type] ? e.mentions.filter((m) => m.kind === "name").map((m) => ({ ...m, type: map[e.type] })) : []));
  const source = tokens.map(() => "");
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  let k = 0;
  for (const m of mentions) {
    while (k < tokens.length && tokens[k].end <= m.start) k++;
    let first = true;
    for (let i = k; i < tokens.length && tokens[i].start < m.end; i++) {
      if (pred[i] === "O") (pred[i] = `${first ? "B" : "I"}-${m.type}`), (source[i] = m.rule ?? m.origin);
      first = false;
    }
  }
  const spans = (tags) => {
    const out = new Map();
    let cur = null;
    tags.forEach((tag, i) => {
      const [bio, type] = tag === "O" || tag.endsWith("MISC") ? ["O"] : tag.split("-");
      if (cur && (bio !== "I" || type !== cur[0])) (out.set(`${cur[1]}:${cur[2]}`, cur[0]), (cur = null));
      if (bio === "B" || (bio === "I" && !cur)) cur = [type, i, i + 1];
      else if (bio === "I") cur[2] = i + 1;
    });
    if (cur) out.set(`${cur[1]}:${cur[2]}`, cur[0]);
    return out;
  };
  const from = (key) => source[Number(key.split(":")[0])];
  const G = spans(tokens.map((t) => t.tag)), P = spans(pred);
  const words = (key) => { const [a, b] = key.split(":").map(Number); return tokens.slice(a, b).map((t) => t.token).join(" "); };
  const overlapping = (key, other) => {
    const [a, b] = key.split(":").map(Number);
    return [...other].filter(([k2]) => { const [c, d] = k2.split(":").map(Number); return c < b && a < d; });
  };
  const patterns = new Map();
  const add = (pattern, example) => { const p = patterns.get(pattern) ?? { n: 0, examples: [] }; p.n++; if (p.examples.length < 4) p.examples.push(example); patterns.set(pattern, p); };
  for (const [key, type] of G) {
    if (P.get(key) === type) continue;
    const over = overlapping(key, P);
    if (!over.length) add(`missed ${type}`, words(key));
    else if (over.length === 1 && over[0][0] === key) add(`${type} typed ${over[0][1]} (${from(key)})`, words(key));
    else add(`${type} with other boundaries (${over.map(([k2]) => from(k2)).join(" + ")})`, `${words(key)} → ${over.map(([k2, t]) => `${words(k2)}/${t}`).join(" + ")}`);
  }
  for (const [key, type] of P) if (!overlapping(key, G).length) add(`spurious ${type} (${from(key)})`, words(key));
  console.log(`\nmost frequent errors (${[...patterns.values()].reduce((a, p) => a + p.n, 0)} in all):`);
  for (const [pattern, { n, examples }] of [...patterns].sort((a, b) => b[1].n - a[1].n).slice(0, top)) console.log(`${String(n).padStart(4)}  ${pattern}: ${examples.join("، ")}`);
}
