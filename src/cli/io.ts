/** The colours of stderr messages: errors red, warnings yellow. */
export interface StderrColor {
  red(text: string): string;
  yellow(text: string): string;
}

const COLOR_ON = process.stderr.isTTY === true && !("NO_COLOR" in process.env && process.env.NO_COLOR !== "");
// chalk is loaded only when there is colour to write: a run in a pipe starts without it
const chalk: StderrColor | null = COLOR_ON ? new (await import("chalk")).Chalk({ level: 1 }) : null;
const PLAIN: StderrColor = { red: (text) => text, yellow: (text) => text };

/** stderr colour only on a TTY, and never with NO_COLOR set (clig.dev). */
export const stderrColor = (): StderrColor => chalk ?? PLAIN;

export async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
