import { readFileSync, statSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { packagePath } from "./paths.js";

/**
 * Identity of source files (path in the package, size, modification time). `npm run build` records it in each
 * file it compiles into dist/; a run reads the compiled file while the stamp is unchanged.
 */
export function filesStamp(paths: string[]): string {
  return paths
    .map((p) => {
      const st = statSync(p);
      return `${relative(packagePath(), p)}:${st.size}:${Math.floor(st.mtimeMs)}`;
    })
    .join("\n");
}

/** A file that `npm run build` writes into dist/, or null when it is not there. */
export function readCompiledBytes(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
}

/**
 * Compiled text files are UTF-16LE: they are mostly Arabic, and decoding 2 MB of UTF-8 took Node ~13 ms of
 * start-up where UTF-16 is a copy.
 */
export const readCompiled = (path: string): string | null => readCompiledBytes(path)?.toString("utf16le") ?? null;

export function writeCompiled(path: string, text: string): void {
  writeFileSync(path, Buffer.from(text, "utf16le"));
}

/** A compiled JSON file, with the stamp of its sources. */
export function writeStamped(path: string, stamp: string, data: object): void {
  writeCompiled(path, JSON.stringify({ stamp, ...data }));
}

/** A file writeStamped wrote, parsed, while its sources' stamp is unchanged; else (or when they cannot be stamped) null. */
export function readStamped<T extends object>(path: string, stamp: () => string): (T & { stamp: string }) | null {
  const json = readCompiled(path);
  if (json === null) return null;
  const d = JSON.parse(json) as T & { stamp: string };
  try {
    return d.stamp === stamp() ? d : null;
  } catch {
    return null;
  }
}
