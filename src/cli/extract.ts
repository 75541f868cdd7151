import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { UsageError } from "../core/errors.js";
import type { EntityType } from "../core/types.js";
import { loadLexicon } from "../index.js";
import { ENCODINGS, type Encoding } from "../text/decode.js";
import { readStdin, stderrColor } from "./io.js";
import { fileJobs, ndjsonJobs, type Job, type JobItem } from "./jobs.js";
import { runPool, type Outcome } from "./pool.js";
import { EXTENSION, type RunSettings } from "./process.js";
import { newTally, Progress } from "./progress.js";
import { writeAtomic } from "./write.js";

export interface ExtractFlags {
  out?: string;
  encoding: string;
  date?: string;
  lexicon: string[];
  defaultLexicons: boolean;
  input: string;
  format: string;
  pretty?: boolean;
  compact?: boolean;
  types?: string;
  minConfidence?: string;
  names: string;
  jobs?: string;
  resume?: boolean;
  quiet?: boolean;
}

const TYPES: EntityType[] = ["person", "group", "place", "date"];

export function parseTypes(s: string | undefined): EntityType[] | undefined {
  if (s === undefined) return undefined;
  const list = s.split(",").map((x) => x.trim()).filter(Boolean);
  for (const t of list) if (!TYPES.includes(t as EntityType)) throw new UsageError(`--types: unknown type "${t}" (use ${TYPES.join(",")})`);
  return list as EntityType[];
}

export function checkDate(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const d = m ? new Date(`${s}T00:00:00Z`) : null;
  if (!m || !d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) throw new UsageError(`--date: expected YYYY-MM-DD, got "${s}"`);
  return s;
}

function parseFlags(flags: ExtractFlags): { settings: RunSettings; jobs: number } {
  if (!ENCODINGS.includes(flags.encoding as Encoding)) throw new UsageError(`--encoding: expected one of ${ENCODINGS.join(", ")}`);
  let minConfidence: number | undefined;
  if (flags.minConfidence !== undefined) {
    minConfidence = Number(flags.minConfidence);
    if (!(minConfidence >= 0 && minConfidence <= 1)) throw new UsageError("--min-confidence: expected a number between 0 and 1");
  }
  const jobs = flags.jobs === undefined ? availableParallelism() : Number(flags.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError("--jobs: expected a whole number ≥ 1");
  if (flags.resume && !flags.out) throw new UsageError("--resume needs --out DIR");
  const types = parseTypes(flags.types);
  const date = checkDate(flags.date);
  const settings: RunSettings = {
    encoding: flags.encoding as Encoding,
    lexicons: { builtin: flags.defaultLexicons, extra: flags.lexicon },
    format: flags.format as RunSettings["format"],
    pretty: false,
    ...(date ? { date } : {}),
    ...(types ? { types } : {}),
    ...(minConfidence !== undefined ? { minConfidence } : {}),
    ...(flags.names === "lexicon" ? { names: "lexicon" as const } : {}),
  };
  return { settings, jobs };
}

/** `isnad extract`: returns the exit code (0 all inputs done, 1 some input failed, 130 interrupted). */
export async function runExtract(paths: string[], flags: ExtractFlags): Promise<number> {
  const { settings, jobs } = parseFlags(flags);
  const color = stderrColor();
  // compile once here: lexicon errors stop the run before any output (exit 2), warnings are shown once
  const lexicon = loadLexicon(settings.lexicons);
  if (!flags.quiet) for (const w of lexicon.warnings.filter((w) => flags.lexicon.includes(w.file))) process.stderr.write(color.yellow(`isnad: warning: ${w.file}${w.at ? ` at ${w.at}` : ""}: ${w.message}\n`));

  const ndjsonInput = flags.input === "ndjson";
  const files = ndjsonInput ? [] : fileJobs(paths);
  const single = !ndjsonInput && files.length === 1;
  settings.pretty = flags.out ? !flags.compact : (flags.pretty ?? (!flags.compact && settings.format === "json" && single && !!process.stdout.isTTY));
  if (flags.pretty && !flags.out && !single) settings.pretty = false; // one document per line
  const stdinBytes = !ndjsonInput && files.some((f) => f.path === undefined) ? await readStdin() : undefined;
  const items: AsyncIterable<JobItem> | Iterable<JobItem> = ndjsonInput ? ndjsonJobs(paths, process.stdin) : files.map((job) => ({ job }));
  const workers = Math.max(1, Math.min(jobs, ndjsonInput ? jobs : files.length));

  const outFile = (job: Job) => join(flags.out!, job.outName.replace(/\.json$/, EXTENSION[settings.format]));
  const tally = newTally();
  const progress = new Progress(!flags.quiet && !!process.stderr.isTTY, ndjsonInput ? {} : { documents: files.length, bytes: files.reduce((a, f) => a + f.bytes, 0) });
  let interrupted = false;
  const onSigint = () => {
    interrupted = true;
  };
  process.on("SIGINT", onSigint);
  const fail = (message: string) => {
    tally.failed++;
    progress.update(tally);
    process.stderr.write(`${process.stderr.isTTY ? "\r\u001b[K" : ""}${color.red(`isnad: ${message}`)}\n`);
  };
  const onOutcome = (o: Outcome): Promise<void> | void => {
    if (o.kind === "invalid") return fail(`${o.error.name}: ${o.error.message}`);
    if (o.kind === "skipped") {
      tally.skipped++;
      return progress.update(tally);
    }
    const { job, result } = o;
    tally.bytes += job.bytes;
    if (!result.ok) return fail(result.error!);
    tally.documents++;
    tally.entities += result.entities ?? 0;
    tally.claims += result.claims ?? 0;
    progress.update(tally);
    if (flags.out) return writeAtomic(outFile(job), result.output!);
    if (!process.stdout.write(result.output!)) return new Promise((resolve) => process.stdout.once("drain", () => resolve()));
  };
  try {
    await runPool(items, settings, {
      jobs: workers,
      onOutcome,
      stopped: () => interrupted,
      ...(stdinBytes ? { stdinBytes } : {}),
      ...(flags.resume ? { skip: (job) => existsSync(outFile(job)) } : {}),
    });
  } finally {
    process.off("SIGINT", onSigint);
  }
  progress.finish(tally, interrupted);
  if (interrupted) return 130;
  return tally.failed ? 1 : 0;
}
