#!/usr/bin/env node
// Measures wink-nlp's tokenizer against isnad's on Arabic news text: speed (MB/s) and how often Arabic
// punctuation (، ؛ ؟ « ») stays glued to a word. The figures in the README come from this script.
//   npm run build && node bench/tokenizers.mjs [file]   (default: the bundled sample repeated to ~2 MB)
import { readFileSync } from "node:fs";
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { tokenize } from "../dist/text/tokenize.js";

const file = process.argv[2];
const base = readFileSync(file ?? new URL("../samples/seed-qaani-iraq.txt", import.meta.url), "utf8");
const text = file ? base : base.repeat(Math.ceil(2e6 / Buffer.byteLength(base)));
const mb = Buffer.byteLength(text) / 1e6;
const nlp = winkNLP(model);
const its = nlp.its;

function time(fn) {
  fn(text.slice(0, 20000)); // warm-up
  const t0 = process.hrtime.bigint();
  const out = fn(text);
  return { out, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}
const glued = (tokens) => tokens.filter((t) => /[\u0621-\u064A][،؛؟«»]|[،؛؟«»][\u0621-\u064A]/.test(t)).length;

const wink = time((s) => nlp.readDoc(s).tokens().out(its.value));
const ours = time((s) => { const r = tokenize(s); return r.tokens.map((t) => s.slice(t.start, t.end)); });
const row = (name, r) => `${name.padEnd(10)} ${(mb / r.seconds).toFixed(1).padStart(6)} MB/s  ${String(r.out.length).padStart(8)} tokens  ${String(glued(r.out)).padStart(6)} with Arabic punctuation glued`;
console.log(`${mb.toFixed(2)} MB of Arabic text`);
console.log(row("wink-nlp", wink));
console.log(row("isnad", ours));
