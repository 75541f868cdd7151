import { createReadStream, statSync } from "node:fs";
import type { IsnadDocument } from "../core/types.js";
import { GraphMerger, isMergedGraph, type MergedGraph } from "../graph/merge.js";
import { listJsonFiles } from "../lexicon/load.js";
import { stderrColor } from "./io.js";
import { jsonValues } from "./json-stream.js";
import { writeAtomic } from "./write.js";

export interface MergeFlags {
  out?: string;
  pretty?: boolean;
  compact?: boolean;
}

function isDocument(v: unknown): v is IsnadDocument {
  const d = v as IsnadDocument;
  return !!d && typeof d === "object" && !!d.document && typeof d.document.textHash === "string" && Array.isArray(d.entities) && Array.isArray(d.claims);
}

/**
 * `isnad merge`: documents or earlier merges from files, folders (*.json inside) or stdin (JSON values one
 * per line or concatenated) → one corpus graph. A bad value is reported with its file and line and skipped.
 */
export async function runMerge(paths: string[], flags: MergeFlags): Promise<number> {
  const color = stderrColor();
  const merger = new GraphMerger();
  let failed = 0;
  const sources: string[] = [];
  for (const p of paths.length ? paths : ["-"]) {
    if (p === "-") sources.push(p);
    else {
      try {
        sources.push(...(statSync(p).isDirectory() ? listJsonFiles(p) : [p]));
      } catch {
        process.stderr.write(color.red(`isnad: ${p}: no such file\n`));
        failed++;
      }
    }
  }
  for (const src of sources) {
    const label = src === "-" ? "<stdin>" : src;
    try {
      for await (const { text, line } of jsonValues(src === "-" ? process.stdin : createReadStream(src))) {
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch (e) {
          process.stderr.write(color.red(`isnad: ${label}:${line}: invalid JSON: ${(e as Error).message}\n`));
          failed++;
          continue;
        }
        if (isDocument(value) || isMergedGraph(value)) merger.add(value as IsnadDocument | MergedGraph);
        else {
          process.stderr.write(color.red(`isnad: ${label}:${line}: not an isnad document or merge\n`));
          failed++;
        }
      }
    } catch (e) {
      process.stderr.write(color.red(`isnad: ${label}: cannot read: ${(e as Error).message}\n`));
      failed++;
    }
  }
  const graph = merger.result();
  const pretty = flags.pretty ?? (!flags.compact && !flags.out && !!process.stdout.isTTY);
  const out = JSON.stringify(graph, null, pretty ? 2 : undefined) + "\n";
  if (flags.out) writeAtomic(flags.out, out);
  else process.stdout.write(out);
  return failed ? 1 : 0;
}
