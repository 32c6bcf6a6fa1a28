// A piscina worker: reads one PDF a task. Errors come back as data (a `refused`/`failed` result), never as a throw;
// a worker that dies, runs out of memory or is terminated over --timeout is turned into a failure by the pool's
// caller (batch.ts), and piscina starts a new one.
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { runTask, type Task, type TaskResult } from './task.js';

// A promise pdf.js rejects after the task that caused it has returned (a page or font load abandoned when the
// document was destroyed) must not take the thread, and the next file on it, down with it.
process.on('unhandledRejection', () => undefined);

export default async function readOne(task: Task): Promise<TaskResult> {
  const result = await runTask(task);
  if (result.status !== 'ok' || !result.pieces.length) return result;
  // The rendered output moves to the main thread instead of being copied (a 1000-page document's JSON is ~12 MB).
  const buffers = result.pieces.map((p) => p.content.buffer);
  return move({ [transferableSymbol]: buffers, [valueSymbol]: result }) as unknown as TaskResult;
}
