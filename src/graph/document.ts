import type { Claim, DocumentInfo, Edge, Entity, IsnadDocument, Span } from "../core/types.js";
import { SCHEMA_VERSION } from "../core/version.js";
import { codePointIndexer, hasAstral } from "../text/offsets.js";

/** Rewrites every {start, end} in a value from UTF-16 to code point offsets (objects are copied). */
function convertSpans<T>(value: T, cp: (i: number) => number): T {
  if (Array.isArray(value)) return value.map((v) => convertSpans(v, cp)) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = convertSpans(v, cp);
    if (typeof out.start === "number" && typeof out.end === "number" && typeof out.text === "string") {
      out.start = cp(out.start);
      out.end = cp(out.end);
    }
    return out as T;
  }
  return value;
}

/** The published document: code point offsets, stable order. */
export function buildDocument(input: string, info: DocumentInfo, entities: Entity[], claims: Claim[], edges: Edge[]): IsnadDocument {
  if (!hasAstral(input)) return { schemaVersion: SCHEMA_VERSION, document: info, entities, claims, edges }; // offsets agree
  const cp = codePointIndexer(input);
  return {
    schemaVersion: SCHEMA_VERSION,
    document: info,
    entities: convertSpans(entities, cp),
    claims: convertSpans(claims, cp),
    edges,
  };
}

/** A span of the input (UTF-16 offsets), text sliced from the input. */
export function spanOf(input: string, start: number, end: number): Span {
  return { start, end, text: input.slice(start, end) };
}
