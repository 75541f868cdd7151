import { readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { UsageError } from "../core/errors.js";

export interface InputRef {
  /** path as given/found, or "-" for stdin */
  path: string;
  /** path of the output relative to --out (…/x.json) */
  outName: string;
}

function walkTxt(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...walkTxt(p));
    else if (name.endsWith(".txt")) out.push(p);
  }
  return out;
}

function commonDir(dirs: string[]): string {
  const split = dirs.map((d) => resolve(d).split(sep));
  const first = split[0] ?? [];
  let n = first.length;
  for (const parts of split) {
    let k = 0;
    while (k < n && parts[k] === first[k]) k++;
    n = k;
  }
  return first.slice(0, n).join(sep) || sep;
}

const jsonName = (p: string) => p.replace(/\.txt$/i, "") + ".json";

/**
 * Files named, folders expanded to their *.txt files (recursively, sorted), "-" or nothing for stdin.
 * Output names mirror each input's path below the deepest folder common to all inputs, so
 * a/x.txt and b/x.txt map to a/x.json and b/x.json.
 */
export function expandInputs(paths: string[]): InputRef[] {
  if (!paths.length) return [{ path: "-", outName: "stdin.json" }];
  const found: { path: string; root: string }[] = [];
  for (const p of paths) {
    if (p === "-") {
      found.push({ path: "-", root: "" });
      continue;
    }
    let st;
    try {
      st = statSync(p);
    } catch {
      // a missing file is that input's failure, reported in the batch, not a usage error
      found.push({ path: p, root: dirname(p) });
      continue;
    }
    if (st.isDirectory()) for (const f of walkTxt(p)) found.push({ path: f, root: p });
    else found.push({ path: p, root: dirname(p) });
  }
  const roots = found.filter((f) => f.path !== "-").map((f) => f.root);
  const base = roots.length ? commonDir(roots) : process.cwd();
  const seen = new Set<string>();
  const refs: InputRef[] = [];
  for (const f of found) {
    const outName = f.path === "-" ? "stdin.json" : jsonName(relative(base, resolve(f.path)));
    if (seen.has(outName) && f.path !== "-") throw new UsageError(`two inputs would write the same output ${outName}`);
    if (f.path === "-" && seen.has(outName)) continue;
    seen.add(outName);
    refs.push({ path: f.path, outName });
  }
  return refs;
}
