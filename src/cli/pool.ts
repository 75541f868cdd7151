import type { Worker } from "node:worker_threads";
import type { Job, JobError, JobItem } from "./jobs.js";
import { processJob, type JobResult, type RunSettings } from "./process.js";

export type Outcome =
  | { kind: "done"; job: Job; result: JobResult }
  | { kind: "invalid"; error: JobError }
  | { kind: "skipped"; job: Job };

export interface PoolOptions {
  jobs: number;
  stdinBytes?: Buffer;
  /** called once per item, in input order; returns a promise to wait for (e.g. stdout drain) or nothing */
  onOutcome: (o: Outcome) => Promise<void> | void;
  /** skip a job without running it (--resume) */
  skip?: (job: Job) => boolean;
  /** stop taking new jobs (Ctrl-C); jobs already running finish and are written */
  stopped: () => boolean;
}

/** Jobs sent to a worker ahead of its answers. */
const QUEUE_DEPTH = 2;

/**
 * Runs jobs in input order of output: inline with one job, else on worker threads that each compile the
 * lexicons once. At most 3×jobs documents are in flight or waiting, so memory is bounded by the largest
 * documents, never by the corpus. Output order and bytes do not depend on the number of workers.
 */
export async function runPool(items: AsyncIterable<JobItem> | Iterable<JobItem>, settings: RunSettings, options: PoolOptions): Promise<void> {
  const ready = new Map<number, Outcome>();
  let next = 0;
  let wake: (() => void) | null = null;
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  let emitting: Promise<void> = Promise.resolve();
  const emit = () => {
    emitting = emitting.then(async () => {
      while (ready.has(next)) {
        const o = ready.get(next)!;
        ready.delete(next);
        next++;
        await options.onOutcome(o);
        signal();
      }
    });
  };
  const settle = (index: number, o: Outcome) => {
    ready.set(index, o);
    emit();
  };

  if (options.jobs <= 1) {
    for await (const item of items) {
      if (options.stopped()) break;
      if ("error" in item) settle(item.error.index, { kind: "invalid", error: item.error });
      else if (options.skip?.(item.job)) settle(item.job.index, { kind: "skipped", job: item.job });
      else settle(item.job.index, { kind: "done", job: item.job, result: processJob(item.job, settings, options.stdinBytes) });
      await emitting;
    }
    await emitting;
    return;
  }

  const { Worker } = await import("node:worker_threads"); // loaded only here: a one-document run starts 3-5 ms sooner
  const waitForEvent = () => new Promise<void>((resolve) => (wake = resolve));
  // each worker holds up to QUEUE_DEPTH jobs, answered in order: the next is there when one ends
  const queues = new Map<Worker, Job[]>();
  let inFlight = 0;
  const lost: Job[] = []; // jobs queued on a worker that died behind the one that failed: sent again
  const spawn = () => {
    const w = new Worker(new URL("./worker.js", import.meta.url), { workerData: settings });
    queues.set(w, []);
    w.on("message", (result: JobResult) => {
      const job = queues.get(w)!.shift()!;
      inFlight--;
      settle(job.index, { kind: "done", job, result });
      signal();
    });
    w.on("error", (e) => {
      const [job, ...rest] = queues.get(w) ?? [];
      queues.delete(w);
      inFlight -= 1 + rest.length;
      lost.push(...rest);
      if (job) settle(job.index, { kind: "done", job, result: { index: job.index, ok: false, error: `${job.name}: worker failed: ${e.message}` } });
      spawn();
      signal();
    });
  };
  for (let i = 0; i < options.jobs; i++) spawn();
  const send = (job: Job) => {
    let best: Worker | undefined;
    for (const [w, q] of queues) if (!best || q.length < queues.get(best)!.length) best = w;
    queues.get(best!)!.push(job);
    inFlight++;
    best!.postMessage(job);
  };

  const limit = options.jobs * (QUEUE_DEPTH + 1);
  const iterator = (Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : (items as Iterable<JobItem>)[Symbol.iterator]()) as AsyncIterator<JobItem> | Iterator<JobItem>;
  try {
    for (;;) {
      if (options.stopped()) break;
      if (lost.length) {
        send(lost.shift()!);
        continue;
      }
      if (inFlight >= options.jobs * QUEUE_DEPTH || inFlight + ready.size >= limit) {
        await waitForEvent();
        continue;
      }
      const r = await iterator.next();
      if (r.done) break;
      const item = r.value;
      if ("error" in item) settle(item.error.index, { kind: "invalid", error: item.error });
      else if (options.skip?.(item.job)) settle(item.job.index, { kind: "skipped", job: item.job });
      else if (item.job.path === undefined && item.job.text === undefined) {
        settle(item.job.index, { kind: "done", job: item.job, result: processJob(item.job, settings, options.stdinBytes) });
      } else send(item.job);
      // let the writer catch up when it is behind (stdout backpressure)
      if (ready.size >= limit) await emitting;
    }
    while (inFlight || lost.length) {
      if (lost.length) send(lost.shift()!);
      else await waitForEvent();
    }
    await emitting;
  } finally {
    await Promise.all([...queues.keys()].map((w) => w.terminate()));
  }
}
