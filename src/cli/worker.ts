import { parentPort, workerData } from "node:worker_threads";
import type { Job } from "./jobs.js";
import { processJob, type RunSettings } from "./process.js";

// A worker thread: compiles the lexicons once, then extracts the jobs it is sent, one at a time. The output
// goes back as UTF-8 bytes, transferred: no copy of a long string between threads, and stdout writes bytes.
const settings = workerData as RunSettings;
const utf8 = new TextEncoder();
parentPort!.on("message", (job: Job) => {
  const result = processJob(job, settings);
  if (typeof result.output !== "string") return parentPort!.postMessage(result);
  const bytes = utf8.encode(result.output); // its own ArrayBuffer (never Buffer's shared pool): safe to transfer
  parentPort!.postMessage({ ...result, output: bytes }, [bytes.buffer]);
});
