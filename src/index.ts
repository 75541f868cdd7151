/**
 * isnad library API: `extract(text, options)` → one document (entities, claims, edges) with code point
 * offsets. Every stage is a pure function over plain data; the CLI is one client of this module.
 */
import type { EntityType, IsnadDocument, MentionCandidate } from "./core/types.js";
import { VERSION } from "./core/version.js";
import { documentDateOf, findDates } from "./dates/index.js";
import { linkEntities } from "./entities/link.js";
import { findNames, lexiconNames } from "./entities/names.js";
import { buildDocument } from "./graph/document.js";
import { claimEdges } from "./graph/edges.js";
import { extractClaims } from "./claims/index.js";
import { readCompiled } from "./core/compiled.js";
import { packagePath } from "./core/paths.js";
import { compileLexicon, deserializeLexicon, type CompiledLexicon } from "./lexicon/compile.js";
import { builtinStamp, loadLexicons, type LoadOptions } from "./lexicon/load.js";

/** Where `npm run build` writes the compiled built-in lexicons. */
export const COMPILED_LEXICON_PATH = packagePath("dist", "lexicons.compiled.json");
import { matchLexicon } from "./lexicon/match.js";
import { shadowOf } from "./text/normalize.js";
import { codePointLength, textHash } from "./text/offsets.js";
import { tokenize } from "./text/tokenize.js";
import { beginDocument } from "./text/vocabulary.js";

export interface ExtractOptions {
  /** where the text came from (a path, "-" for stdin, or any label) */
  source?: string;
  /** a document id carried to the output (NDJSON input) */
  id?: string | number;
  /** YYYY-MM-DD: the publication date that relative dates resolve against; else a dateline in the text */
  date?: string;
  /** compiled lexicons; default: the built-in ones (compiled once per process) */
  lexicon?: CompiledLexicon;
  /** keep only these entity types */
  types?: EntityType[];
  /** drop mentions below this confidence */
  minConfidence?: number;
  /** "all" (default): lexicons, rules and the tagger; "lexicon": known names only, faster, lower recall */
  names?: NamesMode;
}

export type NamesMode = "all" | "lexicon";

const compiled = new Map<string, CompiledLexicon>();

/** The built-ins as compiled by `npm run build` (dist/lexicons.compiled.json), while their files are unchanged. */
function prebuiltLexicon(): CompiledLexicon | null {
  const json = readCompiled(COMPILED_LEXICON_PATH);
  if (json === null) return null;
  const { lexicon, stamp } = deserializeLexicon(json);
  return stamp === builtinStamp() ? lexicon : null;
}

/** Load and compile lexicons once per process for the same options (built-ins plus user files). */
export function loadLexicon(options: LoadOptions = {}): CompiledLexicon {
  const key = JSON.stringify([options.builtin !== false, options.extra ?? []]);
  let lex = compiled.get(key);
  if (!lex) {
    const base = options.builtin !== false ? prebuiltLexicon() : null;
    if (base && !options.extra?.length) lex = base;
    else if (base) lex = compileLexicon(loadLexicons({ ...options, builtinEntries: base.entries }), base);
    else lex = compileLexicon(loadLexicons(options));
    compiled.set(key, lex);
  }
  return lex;
}

export function extract(rawText: string, options: ExtractOptions = {}): IsnadDocument {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const lexicon = options.lexicon ?? loadLexicon();
  beginDocument();
  const shadow = shadowOf(text);
  const { tokens, sentences } = tokenize(text, shadow);
  const documentDate = options.date ?? documentDateOf({ input: text, shadow, tokens });
  const dates = findDates({ input: text, shadow, tokens, documentDate });
  const names = options.names === "lexicon" ? lexiconNames : findNames;
  let candidates: MentionCandidate[] = names({ input: text, shadow, tokens, sentences, lexicon }, matchLexicon(tokens, shadow, lexicon), dates);
  if (options.types) candidates = candidates.filter((c) => options.types!.includes(c.type));
  if (options.minConfidence !== undefined) candidates = candidates.filter((c) => c.confidence >= options.minConfidence!);
  const linked = linkEntities(candidates, lexicon, (s, e) => text.slice(s, e));
  const { claims, entities } = extractClaims({ input: text, shadow, tokens, sentences, entities: linked, lexicon, documentDate });

  return buildDocument(
    text,
    {
      ...(options.id !== undefined ? { id: options.id } : {}),
      source: options.source ?? "-",
      date: documentDate,
      length: codePointLength(text),
      textHash: textHash(shadow.text),
      offsetUnit: "codepoint",
      tool: { name: "isnad", version: VERSION },
      lexicons: { fingerprint: lexicon.fingerprint, entries: lexicon.entries.size },
    },
    entities,
    claims,
    claimEdges(claims)
  );
}

export { VERSION } from "./core/version.js";
export type * from "./core/types.js";
export { compileLexicon, type CompiledLexicon } from "./lexicon/compile.js";
export { loadLexicons, parseLexicon } from "./lexicon/load.js";
export { decode, type Encoding } from "./text/decode.js";
export { renderConll } from "./render/conll.js";
export { renderHtml } from "./render/html.js";
export { renderJson } from "./render/json.js";
export { normalize, shadowOf } from "./text/normalize.js";
export { tokenize } from "./text/tokenize.js";
