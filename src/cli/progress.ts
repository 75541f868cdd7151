/** Progress on stderr (a TTY only): documents done/total, MB/s, ETA; and the closing summary. */
export interface Tally {
  documents: number;
  failed: number;
  skipped: number;
  entities: number;
  claims: number;
  bytes: number;
}

export function newTally(): Tally {
  return { documents: 0, failed: 0, skipped: 0, entities: 0, claims: 0, bytes: 0 };
}

const mbps = (bytes: number, ms: number) => (ms > 0 ? bytes / 1e6 / (ms / 1000) : 0);

export class Progress {
  private last = 0;
  private readonly started = Date.now();

  constructor(private readonly enabled: boolean, private readonly total: { documents?: number; bytes?: number }) {}

  update(t: Tally): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    const done = t.documents + t.failed + t.skipped;
    const elapsed = now - this.started;
    const rate = mbps(t.bytes, elapsed);
    let line = `${done}${this.total.documents !== undefined ? `/${this.total.documents}` : ""} documents  ${rate.toFixed(1)} MB/s`;
    if (this.total.documents) {
      const width = 24, filled = Math.round((done / this.total.documents) * width);
      line = `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${line}`;
      if (this.total.bytes && t.bytes && rate > 0) line += `  ETA ${Math.max(0, Math.round((this.total.bytes - t.bytes) / 1e6 / rate))}s`;
    }
    process.stderr.write(`\r${line}\u001b[K`);
  }

  summary(t: Tally, interrupted: boolean): string {
    const secs = (Date.now() - this.started) / 1000;
    return `${interrupted ? "interrupted: " : ""}${t.documents} documents, ${t.entities} entities, ${t.claims} claims, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ""} in ${secs.toFixed(1)}s (${mbps(t.bytes, secs * 1000).toFixed(1)} MB/s)`;
  }

  finish(t: Tally, interrupted: boolean): void {
    if (!this.enabled) return;
    process.stderr.write(`\r\u001b[K${this.summary(t, interrupted)}\n`);
  }
}
