// A piscina worker: reads one PDF a task. Errors come back as data (a `refused`/`failed` result), never as a throw;
// a worker that dies is turned into a failure by the pool's caller (batch.ts).
import { runTask, type Task, type TaskResult } from './task.js';

export default function readOne(task: Task): Promise<TaskResult> {
  return runTask(task);
}
