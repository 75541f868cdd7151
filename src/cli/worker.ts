import { parentPort, workerData } from "node:worker_threads";
import type { Job } from "./jobs.js";
import { processJob, type RunSettings } from "./process.js";

// A worker thread: compiles the lexicons once, then extracts the jobs it is sent, one at a time. The output goes
// back as the string it is: copying a string to the other thread took ~12 µs for 24,000 Arabic characters, encoding
// it to UTF-8 first ~100 µs, and the main thread, which writes it, is idle most of the time.
const settings = workerData as RunSettings;
parentPort!.on("message", (job: Job) => parentPort!.postMessage(processJob(job, settings)));
