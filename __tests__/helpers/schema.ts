import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { ROOT } from "./cli.js";

const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(ROOT, "schema", "output.schema.json"), "utf8")));

/** Validates a document against the published output schema; returns the errors as text ("" when valid). */
export function schemaErrors(doc: unknown): string {
  return validate(doc) ? "" : JSON.stringify(validate.errors, null, 1);
}
