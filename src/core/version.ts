export const VERSION = "0.1.0";
/** Version of the output JSON Schema (schema/output.schema.json). */
export const SCHEMA_VERSION = "1.0.0";
