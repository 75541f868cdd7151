import type { IsnadDocument } from "../core/types.js";

/** One document as JSON: pretty (2 spaces) or compact, always ending with a newline. */
export function renderJson(doc: IsnadDocument, pretty: boolean): string {
  return JSON.stringify(doc, null, pretty ? 2 : undefined) + "\n";
}
