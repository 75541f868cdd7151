#!/usr/bin/env node
// What arabic-stem (the nearest registry package to the requested `arabic-stemmer`) does to the seed's
// names with their clitics, beside isnad's clitic readings checked against the lexicon.
//   npm run build && node bench/stemmer.mjs
import Stemmer from "arabic-stem";
import { procliticReadings } from "../dist/text/clitics.js";
import { normalize } from "../dist/text/normalize.js";
import { loadLexicon } from "../dist/index.js";

const stemmer = new Stemmer();
const lexicon = loadLexicon();
const words = ["الكاظمي", "العامري", "بغداد", "لطهران", "لإيران", "وقيس", "بالحرس", "قاآني", "لبنان", "فلسطين"];
for (const w of words) {
  const root = stemmer.stem(w);
  const reading = procliticReadings(normalize(w)).find((r) => lexicon.hits.has(r.stem) || lexicon.prefixes.has(r.stem));
  console.log(`${w.padEnd(10)} arabic-stem: ${JSON.stringify(root.stem).padEnd(22)} isnad: ${reading ? `${reading.stem} (${reading.prefix} letter(s) stripped)` : "not in lexicon"}`);
}
