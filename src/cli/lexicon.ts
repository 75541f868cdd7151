import { readFileSync } from "node:fs";
import { LexiconError } from "../core/errors.js";
import { loadLexicon } from "../index.js";
import { lexiconSurfaces } from "../lexicon/compile.js";
import { loadLexicons, parseLexicon } from "../lexicon/load.js";
import { stderrColor } from "./io.js";

/** Counts of the loaded entries: by type, people with dated roles, aliases. */
export function lexiconCounts(extra: string[]): Record<string, number> {
  const lex = loadLexicon({ extra });
  const counts: Record<string, number> = { person: 0, group: 0, place: 0, personsWithRoles: 0, withWikidata: 0, aliases: lexiconSurfaces(lex).length };
  for (const e of lex.entries.values()) {
    counts[e.type] = (counts[e.type] ?? 0) + 1;
    if (e.type === "person" && (e.roles ?? []).length) counts.personsWithRoles!++;
    if (e.wikidata) counts.withWikidata!++;
  }
  return counts;
}

export function lexiconStats(extra: string[], json: boolean): void {
  const c = lexiconCounts(extra);
  if (json) process.stdout.write(JSON.stringify(c) + "\n");
  else for (const [k, v] of Object.entries(c)) process.stdout.write(`${k.padEnd(18)} ${v}\n`);
}

export function lexiconAliases(extra: string[]): void {
  process.stdout.write(lexiconSurfaces(loadLexicon({ extra })).join("\n") + "\n");
}

/** Validate files alone, then with the built-ins (conflicts, unknown ids). 0 clean, 1 problems. */
export function lexiconCheck(files: string[]): number {
  const color = stderrColor();
  let problems = 0;
  for (const f of files) {
    let text: string;
    try {
      text = readFileSync(f, "utf8");
    } catch (e) {
      process.stderr.write(color.red(`${f}: cannot read: ${(e as Error).message}\n`));
      problems++;
      continue;
    }
    for (const p of parseLexicon(text, f).problems) {
      process.stderr.write(color.red(`${p.file}${p.at ? ` at ${p.at}` : ""}: ${p.message}\n`));
      problems++;
    }
  }
  if (problems) return 1;
  try {
    const set = loadLexicons({ extra: files });
    for (const w of set.warnings.filter((w) => files.includes(w.file))) {
      process.stderr.write(color.yellow(`${w.file}${w.at ? ` at ${w.at}` : ""}: ${w.message}\n`));
      problems++;
    }
  } catch (e) {
    if (!(e instanceof LexiconError)) throw e;
    for (const p of e.problems) process.stderr.write(color.red(`${p.file}${p.at ? ` at ${p.at}` : ""}: ${p.message}\n`));
    return 1;
  }
  process.stdout.write(problems ? "" : `ok: ${files.length} file(s)\n`);
  return problems ? 1 : 0;
}
