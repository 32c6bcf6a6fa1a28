import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { failureMessage } from '../errors.js';
import { DEFAULT_LIMITS } from '../limits/index.js';
import { runTask, type Task, type TaskResult } from './task.js';

export interface RunOptions {
  /** Files read at once, each on its own worker thread. */
  jobs: number;
  /** The worker module (default: worker.js beside this file, i.e. the built dist/cli/worker.js). */
  workerFile?: string;
  /**
   * A single input: one worker thread instead of a pool of `jobs`. Read in this very thread only when there is no
   * time limit (`timeoutSeconds` 0): a file stuck in pdf.js can be stopped only by terminating its thread.
   */
  inProcess?: boolean;
  /** Seconds one file may take before its worker is terminated (default 300; 0: none). */
  timeoutSeconds?: number;
  /** Heap limit of each worker thread in MB (default 2048). */
  maxMemoryMb?: number;
  /**
   * Stops the run (Ctrl-C): no file is handed out after it, the files being read are dropped (their threads
   * terminated, `onResult` never called for them), the results already back are still handled, and then
   * `runTasks` resolves.
   */
  signal?: AbortSignal;
}

/** `work`, or null as soon as `signal` aborts (the work itself goes on: only a thread can be stopped). */
function untilAborted<T>(work: Promise<T>, signal?: AbortSignal): Promise<T | null> {
  if (!signal) return work;
  if (signal.aborted) return Promise.resolve(null);
  return new Promise<T | null>((resolve, reject) => {
    const stop = () => resolve(null);
    signal.addEventListener('abort', stop, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', stop);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', stop);
        reject(e);
      },
    );
  });
}

function defaultWorker(): string {
  const here = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (existsSync(here)) return here;
  // Imported from src/ (a test importing TypeScript): the worker is the built one.
  return fileURLToPath(new URL('../../dist/cli/worker.js', import.meta.url));
}

/** How long after the time limit the caller stops waiting for a worker that does not even die when terminated. */
const GRACE_MS = 10_000;

/**
 * Reads every task, `jobs` at a time on a worker-thread pool, calling `onResult` as each file finishes (in
 * completion order, with its index). Nothing a file does stops the others: an error inside a worker, a worker that
 * dies or runs out of memory (it is replaced), a file over the time limit (its worker is terminated) are each that
 * file's `failed` result. Resolves when every result has been handled, or, once `options.signal` aborts, when the
 * results already back have been.
 */
export async function runTasks(
  tasks: Task[],
  options: RunOptions,
  onResult: (index: number, result: TaskResult) => Promise<void> | void,
): Promise<void> {
  const timeoutSeconds = options.timeoutSeconds ?? DEFAULT_LIMITS.timeoutSeconds;
  const maxMemoryMb = options.maxMemoryMb ?? DEFAULT_LIMITS.maxMemoryMb;
  const signal = options.signal;
  if (options.inProcess && !(timeoutSeconds > 0)) {
    for (let i = 0; i < tasks.length && !signal?.aborted; i++) {
      const result = await untilAborted(runTask(tasks[i]!), signal);
      if (result) await onResult(i, result);
    }
    return;
  }
  if (!tasks.length) return;
  const threads = options.inProcess ? 1 : Math.max(1, Math.min(options.jobs, tasks.length));
  const pool = new Piscina<Task, TaskResult>({
    filename: options.workerFile ?? defaultWorker(),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
    resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb },
  });
  // At most `threads` tasks are handed to the pool at once, so a task's clock starts when a thread takes it, not
  // while it waits in a queue.
  // Largest files first, so that no thread is left alone with a long document at the end of a batch.
  const order = tasks.map((_, i) => i).sort((a, b) => (tasks[b]!.size ?? 0) - (tasks[a]!.size ?? 0) || a - b);
  let next = 0;
  // A thread takes its next file as soon as it hands back a result; writing that result goes on meanwhile.
  const handling: Promise<void>[] = [];
  const runner = async (): Promise<void> => {
    while (next < order.length && !signal?.aborted) {
      const i = order[next++]!;
      const result = await runOne(pool, tasks[i]!, timeoutSeconds, signal);
      if (result) handling.push(Promise.resolve(onResult(i, result)));
    }
  };
  try {
    await Promise.all(Array.from({ length: threads }, runner));
    await Promise.all(handling);
  } finally {
    await Promise.race([pool.destroy(), new Promise((resolve) => setTimeout(resolve, GRACE_MS).unref())]);
  }
}

/** One task on the pool: its result, or null when `stop` aborted it (the run is interrupted). */
async function runOne(
  pool: Piscina<Task, TaskResult>,
  task: Task,
  timeoutSeconds: number,
  stop?: AbortSignal,
): Promise<TaskResult | null> {
  const abort = new AbortController();
  const interrupt = () => abort.abort();
  stop?.addEventListener('abort', interrupt, { once: true });
  const timers: NodeJS.Timeout[] = [];
  const timedOut: TaskResult = {
    status: 'failed',
    code: 'timeout',
    reason: failureMessage('timeout', `over ${timeoutSeconds} s`),
  };
  try {
    const run = pool.run(task, { signal: abort.signal }).then((result): TaskResult => {
      if (!result || typeof result !== 'object' || !('status' in result)) throw new Error('no result from the worker');
      return result;
    });
    if (!(timeoutSeconds > 0)) return await untilAborted(run, stop);
    const limitMs = timeoutSeconds * 1000;
    // The abort terminates the worker thread (piscina), which rejects `run`; should a thread not die, the file is
    // given up on anyway a little later and the batch goes on.
    timers.push(setTimeout(() => abort.abort(), limitMs));
    const givenUp = new Promise<TaskResult>((resolve) =>
      timers.push(setTimeout(() => resolve(timedOut), limitMs + GRACE_MS)),
    );
    return await untilAborted(Promise.race([run, givenUp]), stop);
  } catch (err) {
    if (stop?.aborted) return null;
    if (abort.signal.aborted) return timedOut;
    return workerFailure(err);
  } finally {
    stop?.removeEventListener('abort', interrupt);
    for (const t of timers) clearTimeout(t);
  }
}

/** A worker that threw, died or ran out of memory, as the file's result. */
export function workerFailure(err: unknown): TaskResult {
  const e = err as { code?: unknown; message?: unknown } | undefined;
  const message = typeof e?.message === 'string' ? e.message.replace(/\s+/gu, ' ').trim() : String(err);
  if (e?.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory/iu.test(message)) {
    return { status: 'failed', code: 'out_of_memory', reason: failureMessage('out_of_memory') };
  }
  return { status: 'failed', code: 'worker', reason: failureMessage('worker', message) };
}
