#!/usr/bin/env node
// Quick check of every lexicon file under lexicons/entities: schema, duplicate ids, dangling references.
// (The CLI's `isnad lexicon check` does the same through the library once built.)
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { Ajv } from "ajv";

const root = new URL("../", import.meta.url).pathname;
const schema = JSON.parse(readFileSync(join(root, "schema/lexicon.schema.json"), "utf8"));
const validate = new Ajv({ allErrors: true }).compile(schema);
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith(".json")) files.push(p);
  }
})(join(root, "lexicons/entities"));
const ids = new Map(); const refs = []; let problems = 0;
const say = (m) => { problems++; console.log(m); };
for (const f of files) {
  const rel = relative(root, f);
  let data;
  try { data = JSON.parse(readFileSync(f, "utf8")); } catch (e) { say(`${rel}: invalid JSON: ${e.message}`); continue; }
  if (!validate(data)) { for (const e of validate.errors.slice(0, 20)) say(`${rel}: ${e.instancePath} ${e.message}`); continue; }
  data.entries.forEach((e, i) => {
    if (ids.has(e.id)) say(`${rel}: /entries/${i} duplicate id ${e.id} (also in ${ids.get(e.id)})`);
    ids.set(e.id, rel);
    for (const r of [...(e.memberOf || []), ...(e.partOf || []), ...(e.roles || []).map((x) => x.of).filter(Boolean)]) refs.push([rel, i, e.id, r]);
  });
}
for (const [rel, i, id, r] of refs) if (!ids.has(r)) say(`${rel}: /entries/${i} (${id}) refers to unknown id ${r}`);
const counts = {};
for (const f of files) for (const e of JSON.parse(readFileSync(f, "utf8")).entries || []) counts[e.type] = (counts[e.type] || 0) + 1;
console.log(JSON.stringify({ files: files.length, counts, problems }));
process.exit(problems ? 1 : 0);
