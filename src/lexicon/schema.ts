import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import { packagePath } from "../core/paths.js";

let validator: ValidateFunction | null = null;

/** The lexicon JSON Schema that ships in schema/lexicon.schema.json. */
export function lexiconSchema(): object {
  return JSON.parse(readFileSync(packagePath("schema/lexicon.schema.json"), "utf8")) as object;
}

export function lexiconValidator(): ValidateFunction {
  if (!validator) validator = new Ajv({ allErrors: true, strict: false }).compile(lexiconSchema());
  return validator;
}
