import { readFileSync } from "node:fs";
import { join } from "node:path";
import { InputError, UsageError } from "../core/errors.js";
import type { EntityType } from "../core/types.js";
import { extract, loadLexicon } from "../index.js";
import { renderJson } from "../render/json.js";
import { decode, ENCODINGS, type Encoding } from "../text/decode.js";
import { expandInputs } from "./inputs.js";
import { readStdin, stderrColor } from "./io.js";
import { writeAtomic } from "./write.js";

export interface ExtractFlags {
  out?: string;
  encoding: string;
  date?: string;
  lexicon: string[];
  defaultLexicons: boolean;
  format: string;
  pretty?: boolean;
  compact?: boolean;
  types?: string;
  minConfidence?: string;
  quiet?: boolean;
}

const TYPES: EntityType[] = ["person", "group", "place", "date"];
const FORMATS = ["json", "ndjson"];

export function parseTypes(s: string | undefined): EntityType[] | undefined {
  if (s === undefined) return undefined;
  const list = s.split(",").map((x) => x.trim()).filter(Boolean);
  for (const t of list) if (!TYPES.includes(t as EntityType)) throw new UsageError(`--types: unknown type "${t}" (use ${TYPES.join(",")})`);
  return list as EntityType[];
}

export function checkDate(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const d = m ? new Date(`${s}T00:00:00Z`) : null;
  if (!m || !d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) throw new UsageError(`--date: expected YYYY-MM-DD, got "${s}"`);
  return s;
}

/** `isnad extract`: returns the exit code (0 all inputs done, 1 some input failed). */
export async function runExtract(paths: string[], flags: ExtractFlags): Promise<number> {
  if (!ENCODINGS.includes(flags.encoding as Encoding)) throw new UsageError(`--encoding: expected one of ${ENCODINGS.join(", ")}`);
  if (!FORMATS.includes(flags.format)) throw new UsageError(`--format: expected one of ${FORMATS.join(", ")}`);
  const types = parseTypes(flags.types);
  const date = checkDate(flags.date);
  let minConfidence: number | undefined;
  if (flags.minConfidence !== undefined) {
    minConfidence = Number(flags.minConfidence);
    if (!(minConfidence >= 0 && minConfidence <= 1)) throw new UsageError("--min-confidence: expected a number between 0 and 1");
  }
  const lexicon = loadLexicon({ builtin: flags.defaultLexicons, extra: flags.lexicon });
  const color = stderrColor();
  if (!flags.quiet) for (const w of lexicon.warnings.filter((w) => flags.lexicon.includes(w.file))) process.stderr.write(color.yellow(`isnad: warning: ${w.file}${w.at ? ` at ${w.at}` : ""}: ${w.message}\n`));

  const inputs = expandInputs(paths);
  const pretty = flags.pretty ?? (flags.compact ? false : flags.format === "json" && inputs.length === 1 && !!process.stdout.isTTY);
  let failed = 0;
  for (const input of inputs) {
    const name = input.path === "-" ? "<stdin>" : input.path;
    try {
      let bytes: Buffer;
      try {
        bytes = input.path === "-" ? await readStdin() : readFileSync(input.path);
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        throw new InputError(`${name}: ${err.code === "ENOENT" ? "no such file" : err.code === "EISDIR" ? "is a folder" : err.message}`);
      }
      const { text } = decode(bytes, name, flags.encoding as Encoding);
      const doc = extract(text, {
        source: input.path,
        lexicon,
        ...(date ? { date } : {}),
        ...(types ? { types } : {}),
        ...(minConfidence !== undefined ? { minConfidence } : {}),
      });
      if (flags.out) writeAtomic(join(flags.out, input.outName), renderJson(doc, flags.pretty ?? !flags.compact));
      else process.stdout.write(renderJson(doc, pretty && inputs.length === 1));
    } catch (e) {
      if (!(e instanceof InputError)) {
        if (e instanceof UsageError) throw e;
        process.stderr.write(color.red(`isnad: ${name}: ${(e as Error).message}\n`));
      } else process.stderr.write(color.red(`isnad: ${e.message}\n`));
      failed++;
    }
  }
  return failed ? 1 : 0;
}
