import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { runTask, type Task, type TaskResult } from './task.js';

export interface RunOptions {
  /** Files read at once, each on its own worker thread. */
  jobs: number;
  /** The worker module (default: worker.js beside this file, i.e. the built dist/cli/worker.js). */
  workerFile?: string;
  /** Read in this thread instead of on a pool (used for a single input). */
  inProcess?: boolean;
}

function defaultWorker(): string {
  const here = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (existsSync(here)) return here;
  // Imported from src/ (a test importing TypeScript): the worker is the built one.
  return fileURLToPath(new URL('../../dist/cli/worker.js', import.meta.url));
}

/**
 * Reads every task, `jobs` at a time on a worker-thread pool, calling `onResult` as each file finishes (in
 * completion order, with its index). An error inside a worker, or a worker that dies, is that file's `failed`
 * result: it never stops the others. Resolves when every result has been handled.
 */
export async function runTasks(
  tasks: Task[],
  options: RunOptions,
  onResult: (index: number, result: TaskResult) => Promise<void> | void,
): Promise<void> {
  if (options.inProcess) {
    for (let i = 0; i < tasks.length; i++) await onResult(i, await runTask(tasks[i]!));
    return;
  }
  const threads = Math.max(1, Math.min(options.jobs, tasks.length));
  const pool = new Piscina<Task, TaskResult>({
    filename: options.workerFile ?? defaultWorker(),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
  });
  try {
    await Promise.all(
      tasks.map(async (task, i) => {
        let result: TaskResult;
        try {
          result = await pool.run(task);
          if (!result || typeof result !== 'object' || !('status' in result)) throw new Error('no result from the worker');
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          result = { status: 'failed', code: 'worker', reason: `the worker reading it failed (${message})` };
        }
        await onResult(i, result);
      }),
    );
  } finally {
    await pool.destroy();
  }
}
