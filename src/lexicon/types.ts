import type { EntityType } from "../core/types.js";

export interface RoleSpec {
  title: string;
  en?: string;
  of?: string;
  post?: string;
  from: string;
  to?: string | null;
}

/** One entry of a lexicon file (see schema/lexicon.schema.json). */
export interface LexiconEntry {
  id: string;
  type: Exclude<EntityType, "date">;
  subtype?: string;
  ar: string;
  en: string;
  aliases?: string[];
  ambiguous?: string[];
  wikidata?: string;
  source: string;
  memberOf?: string[];
  partOf?: string[];
  country?: string;
  gentilics?: string[];
  roles?: RoleSpec[];
  disabled?: boolean;
  notes?: string;
}

export interface LexiconFile {
  lexicon: string;
  description?: string;
  generated?: string;
  entries: LexiconEntry[];
}

export interface LexiconProblem {
  file: string;
  /** JSON path inside the file, e.g. /entries/12/aliases/0 */
  at: string;
  message: string;
  severity: "error" | "warning";
}

/** Entries after loading every file, user files over built-ins. */
export interface LexiconSet {
  entries: Map<string, LexiconEntry>;
  /** file each entry came from (for messages) */
  fileOf: Map<string, string>;
  files: string[];
  warnings: LexiconProblem[];
}
