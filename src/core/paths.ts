import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

/** The package root: two levels above this module both in src/core (tests) and dist/core (built). */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export function packagePath(...parts: string[]): string {
  return join(ROOT, ...parts);
}
