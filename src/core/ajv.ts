import { createRequire } from "node:module";
import type { Ajv as AjvClass, ValidateFunction } from "ajv";

/** A validator for a JSON Schema; ajv is loaded on first use only, so that a start from compiled data skips it. */
export function schemaValidator(schema: object): ValidateFunction {
  const { Ajv } = createRequire(import.meta.url)("ajv") as { Ajv: typeof AjvClass };
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}
