// Loaded with `node --import` by bench/run.mjs: reports the process's peak RSS (worker threads included).
process.on("exit", () => process.stderr.write(`MAXRSS ${process.resourceUsage().maxRSS}\n`));
