import { parentPort, workerData } from "node:worker_threads";
import type { Job } from "./jobs.js";
import { processJob, type RunSettings } from "./process.js";

// A worker thread: compiles the lexicons once, then extracts the jobs it is sent, one at a time.
const settings = workerData as RunSettings;
parentPort!.on("message", (job: Job) => parentPort!.postMessage(processJob(job, settings)));
