import { createReadStream, statSync } from "node:fs";
import type { Readable } from "node:stream";
import { expandInputs } from "./inputs.js";

/** One document to extract: a file to read, or a text from an NDJSON line. */
export interface Job {
  index: number;
  /** how messages name it: a path, "<stdin>", or "file:line" */
  name: string;
  /** document.source */
  source: string;
  /** output path below --out */
  outName: string;
  path?: string;
  text?: string;
  id?: string | number;
  date?: string;
  /** other fields of an NDJSON record, carried to document.meta */
  meta?: Record<string, unknown>;
  /** input size in bytes, for progress */
  bytes: number;
}

/** A line that could not become a job: reported with its place, the rest goes on. */
export interface JobError {
  index: number;
  name: string;
  message: string;
}

export type JobItem = { job: Job } | { error: JobError };

/** Jobs for files and folders (known in advance, so progress can show a total). */
export function fileJobs(paths: string[]): Job[] {
  return expandInputs(paths).map((ref, index) => {
    let bytes = 0;
    try {
      if (ref.path !== "-") bytes = statSync(ref.path).size;
    } catch {
      // reported when the job runs
    }
    return { index, name: ref.path === "-" ? "<stdin>" : ref.path, source: ref.path, outName: ref.outName, ...(ref.path === "-" ? {} : { path: ref.path }), bytes };
  });
}

const safeName = (id: string) => id.replace(/[^\p{L}\p{N}._-]+/gu, "_").replace(/^\.+/, "_").slice(0, 180) || "_";

/**
 * Jobs from NDJSON: one `{"id", "text", "date"?, …}` per line, streamed (memory bounded by the longest
 * line). A malformed line yields an error naming its file and line, and the stream goes on.
 */
export async function* ndjsonJobs(paths: string[], stdin: Readable): AsyncGenerator<JobItem> {
  const { createInterface } = await import("node:readline"); // only NDJSON runs need it
  let index = 0;
  const sources = paths.length ? paths : ["-"];
  const usedNames = new Set<string>();
  for (const path of sources) {
    const label = path === "-" ? "<stdin>" : path;
    const stream = path === "-" ? stdin : createReadStream(path);
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    let lineNo = 0;
    try {
      for await (const line of lines) {
        lineNo++;
        if (!line.trim()) continue;
        const name = `${label}:${lineNo}`;
        const i = index++;
        let record: unknown;
        try {
          record = JSON.parse(line);
        } catch (e) {
          yield { error: { index: i, name, message: `malformed JSON line: ${(e as Error).message}` } };
          continue;
        }
        const r = record as Record<string, unknown>;
        if (!r || typeof r !== "object" || Array.isArray(r)) {
          yield { error: { index: i, name, message: "expected a JSON object per line" } };
          continue;
        }
        if (typeof r.text !== "string") {
          yield { error: { index: i, name, message: 'missing "text" (a string)' } };
          continue;
        }
        if (r.id !== undefined && typeof r.id !== "string" && typeof r.id !== "number") {
          yield { error: { index: i, name, message: '"id" must be a string or a number' } };
          continue;
        }
        if (r.date !== undefined && (typeof r.date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(r.date))) {
          yield { error: { index: i, name, message: '"date" must be YYYY-MM-DD' } };
          continue;
        }
        const { text, id, date, ...meta } = r as { text: string; id?: string | number; date?: string };
        let outName = safeName(id !== undefined ? String(id) : `line-${lineNo}`);
        if (usedNames.has(outName)) outName = `${outName}.${i}`;
        usedNames.add(outName);
        yield {
          job: {
            index: i, name, source: label, outName: `${outName}.json`, text, bytes: Buffer.byteLength(line),
            ...(id !== undefined ? { id } : {}), ...(date !== undefined ? { date } : {}), ...(Object.keys(meta).length ? { meta } : {}),
          },
        };
      }
    } catch (e) {
      yield { error: { index: index++, name: label, message: `cannot read: ${(e as Error).message}` } };
    }
  }
}
