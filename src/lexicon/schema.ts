import { readFileSync } from "node:fs";
import type { ValidateFunction } from "ajv";
import { schemaValidator } from "../core/ajv.js";
import { packagePath } from "../core/paths.js";

let validator: ValidateFunction | null = null;

/** The lexicon JSON Schema that ships in schema/lexicon.schema.json. */
export function lexiconSchema(): object {
  return JSON.parse(readFileSync(packagePath("schema/lexicon.schema.json"), "utf8")) as object;
}

/** Compiled on first use: ajv is loaded only when a lexicon file is actually validated (not at a cached start). */
export function lexiconValidator(): ValidateFunction {
  validator ??= schemaValidator(lexiconSchema());
  return validator;
}
