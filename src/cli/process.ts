import { readFileSync } from "node:fs";
import { InputError } from "../core/errors.js";
import type { EntityType } from "../core/types.js";
import { extract, loadLexicon, type NamesMode } from "../index.js";
import { renderConll } from "../render/conll.js";
import { renderHtml } from "../render/html.js";
import { renderJson } from "../render/json.js";
import { decode, type Encoding } from "../text/decode.js";
import type { Job } from "./jobs.js";

/** What every job of a run shares; plain data, so it can be sent to worker threads. */
export type OutputFormat = "json" | "ndjson" | "html" | "conll";

/** File extension of an output written with --out. */
export const EXTENSION: Record<OutputFormat, string> = { json: ".json", ndjson: ".json", html: ".html", conll: ".conll" };

export interface RunSettings {
  encoding: Encoding;
  date?: string;
  lexicons: { builtin: boolean; extra: string[] };
  types?: EntityType[];
  minConfidence?: number;
  names?: NamesMode;
  format: OutputFormat;
  pretty: boolean;
}

export interface JobResult {
  index: number;
  ok: boolean;
  /** the rendered document */
  output?: string;
  error?: string;
  entities?: number;
  claims?: number;
}

/** Read (or take), decode, extract and render one job. Errors become a failed result, never a throw. */
export function processJob(job: Job, settings: RunSettings, stdinBytes?: Buffer): JobResult {
  try {
    let text = job.text;
    if (text === undefined) {
      let bytes: Buffer;
      if (job.path === undefined) bytes = stdinBytes ?? Buffer.alloc(0);
      else {
        try {
          bytes = readFileSync(job.path);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          throw new InputError(`${job.name}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a folder" : (e as Error).message}`);
        }
      }
      text = decode(bytes, job.name, settings.encoding).text;
    }
    const lexicon = loadLexicon(settings.lexicons);
    const doc = extract(text, {
      source: job.source,
      lexicon,
      ...(job.id !== undefined ? { id: job.id } : {}),
      ...((job.date ?? settings.date) ? { date: (job.date ?? settings.date)! } : {}),
      ...(settings.types ? { types: settings.types } : {}),
      ...(settings.minConfidence !== undefined ? { minConfidence: settings.minConfidence } : {}),
      ...(settings.names ? { names: settings.names } : {}),
    });
    if (job.meta) doc.document.meta = job.meta;
    const output =
      settings.format === "html" ? renderHtml(text, doc) : settings.format === "conll" ? renderConll(text, doc) : renderJson(doc, settings.pretty);
    return { index: job.index, ok: true, output, entities: doc.entities.length, claims: doc.claims.length };
  } catch (e) {
    const message = e instanceof InputError ? e.message : `${job.name}: ${(e as Error).message}`;
    return { index: job.index, ok: false, error: message };
  }
}
