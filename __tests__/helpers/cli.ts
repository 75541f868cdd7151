import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "..", "..");
export const BIN = join(ROOT, "bin", "isnad.js");
export const SEED = join(ROOT, "__tests__", "fixtures", "seed", "000_3651b6f31e73abc7.txt");
export const SEED_GOLD = join(ROOT, "__tests__", "fixtures", "seed", "000_3651b6f31e73abc7.gold.json");
export const SCORER = join(ROOT, "__tests__", "fixtures", "eval", "score.mjs");

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (npm test builds first, through pretest). */
export function runCli(args: string[], options: { input?: string | Buffer; cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input: options.input ?? "",
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "isnad-test-"));
}

/** Scores an output file against a gold file with the project's ruler (--json). */
export function score(goldPath: string, predPath: string, textPath: string): ScoreResult {
  const r = spawnSync(process.execPath, [SCORER, "--gold", goldPath, "--pred", predPath, "--text", textPath, "--json"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`score.mjs failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as ScoreResult;
}

interface Prf { precision: number; recall: number; f1: number; tp: number; predicted: number; gold: number }
export interface ScoreResult {
  entities: { relaxed: Record<string, Prf>; exact: Record<string, Prf> };
  linking: { mentionsOnMajorityEntity: number; goldEntitiesWithOwnPredictedEntity: number };
  claims: { cue: Prf; attributed: Prf; complete: Prf; about: Prf; stanceAccuracy: number; misses: { cue: string; at: number; why: string }[] };
  invalidSpans: number;
}
