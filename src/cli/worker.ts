// A piscina worker: reads one PDF a task. Errors come back as data (a `refused`/`failed` result), never as a throw;
// a worker that dies, runs out of memory or is terminated over --timeout is turned into a failure by the pool's
// caller (batch.ts), and piscina starts a new one.
import { runTask, type Task, type TaskResult } from './task.js';

// A promise pdf.js rejects after the task that caused it has returned (a page or font load abandoned when the
// document was destroyed) must not take the thread, and the next file on it, down with it.
process.on('unhandledRejection', () => undefined);

export default function readOne(task: Task): Promise<TaskResult> {
  return runTask(task);
}
