import { Chalk, type ChalkInstance } from "chalk";

/** stderr colour only on a TTY, and never with NO_COLOR set (clig.dev). */
export function stderrColor(): ChalkInstance {
  const on = process.stderr.isTTY && !("NO_COLOR" in process.env && process.env.NO_COLOR !== "");
  return new Chalk({ level: on ? 1 : 0 });
}

export async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
