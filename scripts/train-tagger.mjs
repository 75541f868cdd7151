#!/usr/bin/env node
// Trains the name tagger (averaged perceptron, src/entities/model/) on ANERcorp's mining portion: sentences
// 0-3566 of ../shared/eval/data/anercorp-train.conll (3567-3962 are the development portion: never read here).
// The tagger reads what the lexicons and the rules say as features, so run it after they change:
//   npm run build && node scripts/train-tagger.mjs            → lexicons/model/tagger.json
// It first cross-validates over 4 contiguous slices (prints the mean CoNLL F1 of the tagger, of lexicons + rules,
// and of all three as the pipeline resolves them) and calibrates the confidences on the held-out proposals.
//   node scripts/train-tagger.mjs --holdout 3200-3566 --out F → also train without a slice, print F1 on it
//   node scripts/train-tagger.mjs --cv-only                   → the cross-validation figures only
//   node scripts/train-tagger.mjs --cv-only --errors 20       → and the 20 most frequent errors on the held-out folds
// Options: --folds K (default 4), --epochs N (default 8), --dropout P (word dropout, default 0.3), --seed S (the
// order and dropout of training, default 1: runs with seeds 1-3 differ by about ±0.002), --prune W (leave
// out features whose weights are all within ±W, default 1), --out FILE, --lexicons LIST (a file of lexicon
// paths instead of the built-ins).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadLexicon } from "../dist/index.js";
import { findNames, knownNames, lexiconInContext } from "../dist/entities/names.js";
import { findRuleMentions, scanOf } from "../dist/entities/rules.js";
import { ruleData } from "../dist/entities/rules/data.js";
import { marksOf, TAGS } from "../dist/entities/model/features.js";
import { FeatureIndex, sentenceFeatures, taggerFile, trainPerceptron } from "../dist/entities/model/perceptron.js";
import { modelOf, proposals, tagMentions } from "../dist/entities/model/tagger.js";
import { matchLexicon } from "../dist/lexicon/match.js";
import { shadowOf } from "../dist/text/normalize.js";
import { tokenize } from "../dist/text/tokenize.js";

const root = new URL("../", import.meta.url).pathname;
const shared = process.env.ISNAD_SHARED ?? join(root, "../shared");
const MINING_SENTENCES = 3567;
const args = process.argv.slice(2);
const opt = (name, def) => (args.includes(name) ? args[args.indexOf(name) + 1] : def);
const epochs = Number(opt("--epochs", "8"));
const dropout = Number(opt("--dropout", "0.3"));
const seed = Number(opt("--seed", "1"));
const prune = Number(opt("--prune", "1"));
const holdout = opt("--holdout") ? opt("--holdout").split("-").map(Number) : null; // [first, last] sentence
const out = opt("--out", join(root, "lexicons/model/tagger.json"));
const lexicon = opt("--lexicons") ? loadLexicon({ builtin: false, extra: readFileSync(opt("--lexicons"), "utf8").trim().split("\n") }) : loadLexicon();

// ---- the corpus as the scorer writes it: tokens joined by a space, sentences by a newline
const sentences = [[]];
for (const line of readFileSync(join(shared, "eval/data/anercorp-train.conll"), "utf8").split("\n")) {
  if (!line.trim()) {
    if (sentences.at(-1).length) sentences.push([]);
    continue;
  }
  const cut = line.lastIndexOf(" ");
  sentences.at(-1).push({ token: line.slice(0, cut), tag: line.slice(cut + 1).trim() });
}
const mining = sentences.slice(0, MINING_SENTENCES);
const gold = []; // CoNLL tokens with offsets, sentence index and tag
const parts = [];
let offset = 0;
mining.forEach((s, si) => {
  if (si) (parts.push("\n"), offset++);
  s.forEach((t, ti) => {
    if (ti) (parts.push(" "), offset++);
    gold.push({ ...t, start: offset, end: offset + t.token.length, sentence: si });
    parts.push(t.token);
    offset += t.token.length;
  });
});
const text = parts.join("");

// ---- what the pipeline knows before the tagger (as src/index.ts runs it)
const shadow = shadowOf(text);
const { tokens, sentences: isnadSentences } = tokenize(text, shadow);
const lexiconMentions = matchLexicon(tokens, shadow, lexicon);
const scan = scanOf({ input: text, shadow, tokens, sentences: isnadSentences, lexicon, known: lexiconMentions });
const known = knownNames(lexiconInContext(scan, lexiconMentions, false), findRuleMentions(scan)); // as findNames gives them to the tagger
const marks = marksOf(known, tokens.length);

// ---- gold tags on isnad's tokens: a CoNLL name's first word token is B, its other tokens I; punctuation O;
// communities (الشيعة، الأكراد), which ANERcorp sometimes tags as organisations, are O
const TYPE = { PERS: "person", ORG: "group", LOC: "place" };
const CONLL = { person: "PERS", group: "ORG", place: "LOC" };
const { communities } = ruleData();
const goldOf = new Int8Array(tokens.length);
const conllOf = new Int32Array(tokens.length);
{
  let k = 0;
  let lastEntity = -1; // CoNLL index of the entity start the previous word token was in
  for (let i = 0; i < tokens.length; i++) {
    while (k < gold.length && gold[k].end <= tokens[i].start) k++;
    conllOf[i] = k;
    const g = gold[k];
    const [bio, type] = g.tag === "O" ? ["O"] : g.tag.split("-");
    if (!TYPE[type] || (tokens[i].kind !== "word" && tokens[i].kind !== "latin" && tokens[i].kind !== "number")) continue;
    if (communities.has(tokens[i].norm) || communities.has(tokens[i].norm.replace(/^[وف]/, ""))) continue; // not names (see words.json)
    let b = k;
    if (bio === "I") while (b > 0 && gold[b].tag.startsWith("I-") && gold[b - 1].tag.endsWith(type) && gold[b - 1].sentence === g.sentence) b--;
    const tag = TAGS.indexOf(`${b === lastEntity ? "I" : "B"}-${TYPE[type]}`);
    goldOf[i] = tag;
    lastEntity = b;
  }
}

// ---- training: on every sentence but a held-out slice
function train(heldOut) {
  const inSlice = (i) => heldOut && gold[conllOf[i]].sentence >= heldOut[0] && gold[conllOf[i]].sentence <= heldOut[1];
  const index = new FeatureIndex();
  const data = [];
  for (const s of isnadSentences) {
    if (inSlice(s.firstToken)) continue;
    data.push({ features: sentenceFeatures(index, scan, marks, s.firstToken, s.endToken), gold: goldOf.slice(s.firstToken, s.endToken) });
  }
  const t0 = Date.now();
  // word dropout: the word features of the tagged token (w=, s=, b=) are left out now and then
  const droppable = Uint8Array.from(index.names, (name) => (/^0[wsb]=/.test(name) ? 1 : 0));
  const averaged = trainPerceptron(data, index.names.length, { epochs, dropout, droppable, seed });
  /** the committed file, with a confidence calibration */
  const fileWith = (calibration) =>
    taggerFile(averaged, index, {
      description: "Name tagger: averaged perceptron over BIO tags (person, group, place) with first-order Viterbi; features are words, affixes, word shapes, word classes and the lexicon's and rules' mentions in a window of ±2 tokens (src/entities/model/features.ts). Weights × scale.",
      source: `Trained on ANERcorp (Benajiba, Rosso & Benedí 2007; CAMeL Lab split, CC BY-SA 4.0), training sentences 0-3566${heldOut ? ` except ${heldOut.join("-")}` : ""}, ${epochs} epochs, word dropout ${dropout}`,
      generated: "scripts/train-tagger.mjs",
      ...calibration,
    }, prune);
  console.error(`trained on ${data.length} sentences, ${index.names.length} features in ${Date.now() - t0} ms`);
  if (!heldOut) return { fileWith };
  // on the held-out slice: the tagger's margins (right or wrong), and CoNLL F1 of the model alone, of lexicon +
  // rules, and of all three as the pipeline resolves them (that depends on the calibration: short names and
  // repeats start only from sure mentions)
  const goldSpans = spans(gold.filter((g) => g.sentence >= heldOut[0] && g.sentence <= heldOut[1]));
  const margins = proposals(scan, known, modelOf(fileWith({ temperature: 1, bias: 0 })))
    .filter((p) => inSlice(p.mention.tokenStart))
    .map((p) => [p.margin, goldSpans.has(projected(p.mention)) ? 1 : 0]);
  const scores = (calibration) => {
    const model = modelOf(fileWith(calibration));
    const proposed = tagMentions(scan, known, model).filter((m) => inSlice(m.tokenStart));
    const final = findNames({ input: text, shadow, tokens, sentences: isnadSentences, lexicon }, lexiconMentions, [], model).filter((m) => inSlice(m.tokenStart) && m.kind === "name");
    const out = {};
    for (const [name, mentions] of [["model", proposed], ["known", known.filter((m) => inSlice(m.tokenStart) && m.kind === "name")], ["final", final]]) out[name] = score(mentions, goldSpans);
    if (errorCount) errorsOf(final, goldSpans);
    return out;
  };
  return { fileWith, margins, scores };
}

/**
 * Confidence = logistic((margin - bias) / temperature), fitted to held-out proposals (margin, right or wrong) by
 * logistic regression (Newton's method): a mention of confidence 0.8 is right about 8 times in 10.
 */
function calibrate(margins) {
  const SCALE = 100; // margins run to hundreds: fit on margin / SCALE
  let a = 1, b = 0; // p = logistic(a × margin / SCALE + b)
  for (let it = 0; it < 50; it++) {
    let ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
    for (const [margin, y] of margins) {
      const m = margin / SCALE;
      const p = 1 / (1 + Math.exp(-(a * m + b)));
      const w = p * (1 - p);
      ga += (p - y) * m, gb += p - y;
      haa += w * m * m, hab += w * m, hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (!det) break;
    a -= (hbb * ga - hab * gb) / det;
    b -= (haa * gb - hab * ga) / det;
  }
  return { temperature: +(SCALE / a).toFixed(3), bias: +((-b / a) * SCALE).toFixed(3) };
}

// K-fold cross-validation over contiguous slices: mean F1 of each stage, and the held-out margins that
// calibrate the confidences of the model trained on everything
const folds = Number(opt("--folds", "4"));
const errorCount = Number(opt("--errors", "0"));
const errorPatterns = new Map();
const trained = [];
for (let k = 0; k < folds; k++) trained.push(train([Math.floor((k * MINING_SENTENCES) / folds), Math.floor(((k + 1) * MINING_SENTENCES) / folds) - 1]));
const calibration = calibrate(trained.flatMap((t) => t.margins));
console.error(`calibration: ${JSON.stringify(calibration)}`);
const mean = {};
for (const t of trained) for (const [name, byType] of Object.entries(t.scores(calibration))) for (const [type, f1] of Object.entries(byType)) ((mean[name] ??= {})[type] = (mean[name]?.[type] ?? 0) + f1 / folds);
const print = (byStage, note = "") => {
  for (const [name, byType] of Object.entries(byStage)) console.log(`${name.padEnd(6)} ${Object.entries(byType).map(([t, f]) => `${t} ${f.toFixed(3)}`).join("  ")}${note}`);
};
print(mean, `   (mean of ${folds} folds)`);
if (errorCount) printErrors(errorCount);
if (!args.includes("--cv-only")) {
  const final = train(holdout);
  if (final.scores) print(final.scores(calibration), "   (holdout)");
  if (!holdout || opt("--out")) {
    writeFileSync(out, JSON.stringify(final.fileWith(calibration)) + "\n");
    console.error(`wrote ${out}`);
  }
}

/** Gold entity spans "TYPE:first:end" over CoNLL token indexes (MISC left out). */
function spans(tokensOfSlice) {
  const outSpans = new Set();
  let cur = null;
  const first = gold.indexOf(tokensOfSlice[0]);
  tokensOfSlice.forEach((g, n) => {
    const i = first + n;
    const [bio, type] = g.tag === "O" || g.tag.endsWith("MISC") ? ["O"] : g.tag.split("-");
    if (cur && (bio !== "I" || type !== cur[0])) (outSpans.add(cur.join(":")), (cur = null));
    if (bio === "B" || (bio === "I" && !cur)) cur = [type, i, i + 1];
    else if (bio === "I") cur[2] = i + 1;
  });
  if (cur) outSpans.add(cur.join(":"));
  return outSpans;
}

/** A mention as a CoNLL span "TYPE:first:end" over the CoNLL tokens it overlaps. */
function projected(m) {
  const a = conllOf[m.tokenStart];
  let b = a;
  while (b < gold.length && gold[b].start < m.end) b++;
  return `${CONLL[m.type]}:${a}:${b}`;
}

/** Mentions as CoNLL spans over the CoNLL tokens they overlap; the first to reach a token keeps it, as score.mjs does. */
function projectedSpans(mentions, sources = []) {
  const taken = new Set();
  const predicted = [];
  for (const m of [...mentions].sort((a, b) => a.start - b.start || b.end - a.end)) {
    let a = conllOf[m.tokenStart], b = a;
    while (b < gold.length && gold[b].start < m.end) b++;
    while (a < b && taken.has(a)) a++;
    if (a >= b) continue;
    for (let k = a; k < b; k++) taken.add(k);
    predicted.push(`${CONLL[m.type]}:${a}:${b}`);
    sources.push(m.origin === "rule" ? m.rule : m.origin);
  }
  return predicted;
}

/** CoNLL F1 per type of mentions projected on the CoNLL tokens they overlap, as score.mjs does. */
function score(mentions, goldSpans) {
  const predicted = projectedSpans(mentions);
  const out = {};
  for (const type of ["PERS", "LOC", "ORG", ""]) {
    const p = predicted.filter((x) => x.startsWith(type)), g = [...goldSpans].filter((x) => x.startsWith(type));
    const tp = p.filter((x) => goldSpans.has(x)).length;
    const P = tp / (p.length || 1), R = tp / (g.length || 1);
    out[type || "all"] = P + R ? (2 * P * R) / (P + R) : 0;
  }
  return out;
}

/** Errors of the pipeline on a held-out slice, as patterns ("missed ORG", "ORG typed LOC" …) with examples. */
function errorsOf(mentions, goldSpans) {
  const sources = [];
  const predicted = projectedSpans(mentions, sources);
  const parse = (key, k) => { const [type, a, b] = key.split(":"); return { type, a: +a, b: +b, key, source: sources[k] }; };
  const G = [...goldSpans].map((key) => parse(key)), P = predicted.map(parse);
  const words = (x) => gold.slice(x.a, x.b).map((g) => g.token).join(" ");
  const over = (x, list) => list.filter((y) => y.a < x.b && x.a < y.b);
  const exact = new Set(predicted);
  const add = (pattern, example) => {
    const p = errorPatterns.get(pattern) ?? { n: 0, examples: new Map() };
    p.n++, p.examples.set(example, (p.examples.get(example) ?? 0) + 1);
    errorPatterns.set(pattern, p);
  };
  for (const g of G) {
    if (exact.has(g.key)) continue;
    const o = over(g, P);
    if (!o.length) add(`missed ${g.type}`, words(g));
    else if (o.length === 1 && o[0].a === g.a && o[0].b === g.b) add(`${g.type} typed ${o[0].type} (${o[0].source})`, words(g));
    else add(`${g.type} with other boundaries (${o.map((y) => y.source).join(" + ")})`, `${words(g)} → ${o.map((y) => `${words(y)}/${y.type}`).join(" + ")}`);
  }
  for (const p of P) if (!over(p, G).length) add(`spurious ${p.type} (${p.source})`, words(p));
}

function printErrors(top) {
  console.log(`errors on the held-out folds (${[...errorPatterns.values()].reduce((a, p) => a + p.n, 0)} in all):`);
  for (const [pattern, { n, examples }] of [...errorPatterns].sort((a, b) => b[1].n - a[1].n).slice(0, top)) {
    const frequent = [...examples].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([e, k]) => (k > 1 ? `${e} ×${k}` : e));
    console.log(`${String(n).padStart(5)}  ${pattern}: ${frequent.join("، ")}`);
  }
}
