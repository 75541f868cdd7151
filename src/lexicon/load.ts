import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { filesStamp } from "../core/compiled.js";
import { LexiconError } from "../core/errors.js";
import { packagePath } from "../core/paths.js";
import { lintEntries } from "./lint.js";
import { lexiconValidator } from "./schema.js";
import type { LexiconEntry, LexiconFile, LexiconProblem, LexiconSet } from "./types.js";

export const BUILTIN_DIR = packagePath("lexicons", "entities");

/** Every *.json under `dir`, recursively, in a stable (sorted) order. */
export function listJsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listJsonFiles(p));
    else if (name.endsWith(".json")) out.push(p);
  }
  return out;
}

function lineOf(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Where JSON.parse failed: V8 gives a position, or a quoted excerpt of the text around the error. */
function jsonErrorPosition(message: string, text: string): number {
  const pos = /position (\d+)/.exec(message);
  if (pos) return Number(pos[1]);
  if (/end of JSON input/.test(message)) return text.length;
  const excerpt = /"(?:\.\.\.)?([\s\S]*?)(?:\.\.\.)?" is not valid JSON/.exec(message)?.[1];
  const at = excerpt ? text.indexOf(excerpt) : -1;
  return at < 0 ? 0 : at + Math.min(10, excerpt!.length);
}

/** Parse and validate one lexicon file's text; every problem is reported with the file and a JSON path or line. */
export function parseLexicon(text: string, file: string): { lexicon: LexiconFile | null; problems: LexiconProblem[] } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const msg = (e as Error).message;
    const at = `line ${lineOf(text, jsonErrorPosition(msg, text))}`;
    return { lexicon: null, problems: [{ file, at, message: `invalid JSON: ${msg}`, severity: "error" }] };
  }
  const validate = lexiconValidator();
  if (!validate(data)) {
    const problems = (validate.errors ?? []).map((e) => ({
      file,
      at: e.instancePath || "/",
      message: `${e.message ?? "invalid"}${e.params && "allowedValues" in e.params ? ` (${(e.params.allowedValues as string[]).join(", ")})` : ""}${e.params && "additionalProperty" in e.params ? ` (${String(e.params.additionalProperty)})` : ""}`,
      severity: "error" as const,
    }));
    return { lexicon: null, problems };
  }
  return { lexicon: data as LexiconFile, problems: [] };
}

export interface LoadOptions {
  /** load the built-in lexicons (default true) */
  builtin?: boolean;
  /** user lexicon files, applied in order over the built-ins: their entries win, `disabled` removes one */
  extra?: string[];
  /** the built-in entries, already loaded and validated (from the compiled cache): not read again */
  builtinEntries?: ReadonlyMap<string, LexiconEntry>;
  /** their lint warnings */
  builtinWarnings?: LexiconProblem[];
}

function readLexiconFile(path: string, shown: string): { lexicon: LexiconFile | null; problems: LexiconProblem[] } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    return { lexicon: null, problems: [{ file: shown, at: "", message: `cannot read: ${(e as Error).message}`, severity: "error" }] };
  }
  return parseLexicon(text, shown);
}

/** Size and modification time of every built-in lexicon file: a compiled cache is valid while this is unchanged. */
export const builtinStamp = (): string => filesStamp(listJsonFiles(BUILTIN_DIR));

/** Load, validate and merge lexicons. Throws LexiconError with every error at once. */
export function loadLexicons(options: LoadOptions = {}): LexiconSet {
  const layers: { file: string; lexicon: LexiconFile }[][] = [];
  const errors: LexiconProblem[] = [];
  const files: string[] = [];
  const readLayer = (paths: string[], shownOf: (p: string) => string) => {
    const layer: { file: string; lexicon: LexiconFile }[] = [];
    for (const p of paths) {
      const shown = shownOf(p);
      const { lexicon, problems } = readLexiconFile(p, shown);
      errors.push(...problems);
      if (lexicon) layer.push({ file: shown, lexicon });
      files.push(shown);
    }
    layers.push(layer);
  };
  if (options.builtin !== false && !options.builtinEntries) readLayer(listJsonFiles(BUILTIN_DIR), (p) => "lexicons/entities/" + relative(BUILTIN_DIR, p));
  for (const p of options.extra ?? []) readLayer([p], (x) => x);
  if (errors.length) throw new LexiconError(errors);

  const entries = new Map<string, LexiconEntry>(options.builtin !== false ? options.builtinEntries : undefined);
  const fileOf = new Map<string, string>();
  const warnings: LexiconProblem[] = [];
  for (const layer of layers) {
    const seen = new Map<string, string>();
    for (const { file, lexicon } of layer) {
      lexicon.entries.forEach((entry, i) => {
        const at = `/entries/${i}`;
        const prev = seen.get(entry.id);
        if (prev !== undefined) errors.push({ file, at, message: `duplicate id "${entry.id}" (also in ${prev})`, severity: "error" });
        seen.set(entry.id, file);
        if (entry.disabled) {
          entries.delete(entry.id);
          fileOf.delete(entry.id);
          return;
        }
        entries.set(entry.id, entry);
        fileOf.set(entry.id, `${file} at ${at}`);
      });
    }
  }
  if (errors.length) throw new LexiconError(errors);
  warnings.push(...lintEntries(entries, fileOf));
  return { entries, fileOf, files, warnings };
}
