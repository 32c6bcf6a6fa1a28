import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { type CombinedInput, type CombinedPart, combinedSheets } from '../export/combined.js';
import { writeFileAtomic, writeFilesAtomic } from '../export/write.js';
import { writeWorkbook } from '../export/xlsx.js';
import { runTasks } from './batch.js';
import { expandInputs, readStdin, type Input } from './inputs.js';
import { EXIT, UsageError } from './errors.js';
import type { ExtractOptions } from './options.js';
import { type Destination, destination, existingOutputs, inside, streamHeader } from './output.js';
import { Progress } from './progress.js';
import { OrderedSink } from './sink.js';
import { styleFor } from './style.js';
import { exitCode, summarise, summaryLine, type FileReport, type Summary } from './summary.js';
import { writeFailure } from './failure.js';
import type { Task, TaskResult } from './task.js';

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return EXIT.OK;
  }
}

async function stdinBytes(inputs: Input[]): Promise<Uint8Array | undefined> {
  if (!inputs.some((i) => i.path === undefined)) return undefined;
  if (process.stdin.isTTY) throw new UsageError('- reads a PDF from stdin, but stdin is a terminal');
  return readStdin();
}

/** `budget-extract INPUT…`: reads every input (in parallel when several) and writes each as it finishes. */
export async function runExtract(opts: ExtractOptions): Promise<number> {
  const started = Date.now();
  const inputs = await expandInputs(opts.inputs);
  const dest = await destination(opts, inputs.length);
  const several = inputs.length > 1;
  const err = styleFor(process.stderr);
  const reports: FileReport[] = inputs.map((i) => ({ file: i.name, status: 'skipped', tables: 0, outputs: [] }));

  // --skip-existing: inputs whose outputs are there already are not read again.
  const todo: number[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const existing = !opts.skipExisting
      ? []
      : dest.kind === 'dir'
        ? await existingOutputs(dest.path, inputs[i]!, opts)
        : dest.kind === 'file' && existsSync(dest.path)
          ? [dest.path]
          : [];
    if (existing.length) reports[i]!.outputs = existing;
    else todo.push(i);
  }
  if (opts.skipExisting && todo.length < inputs.length && !opts.quiet && !several) {
    process.stderr.write(`budget-extract: ${reports[0]!.outputs[0]} exists, skipped (--skip-existing)\n`);
  }

  const bytes = todo.some((i) => inputs[i]!.path === undefined) ? await stdinBytes(inputs) : undefined;
  const pretty = dest.kind === 'stdout' && process.stdout.isTTY === true && opts.format === 'json';
  const tasks: Task[] = todo.map((i) => {
    const input = inputs[i]!;
    const common = {
      password: opts.password,
      maxPages: opts.maxPages,
      ...(opts.pages ? { pages: opts.pages } : {}),
      unit: opts.unit,
      ...(dest.kind === 'none' ? {} : { render: { input, opts, dest, pretty } }),
      ...(opts.combine !== undefined ? { combine: input.name } : {}),
    };
    return input.path === undefined
      ? { bytes, fileName: 'stdin.pdf', ...common }
      : { path: input.path, fileName: path.basename(input.path), size: fileSize(input.path), ...common };
  });

  const progress = new Progress(
    tasks.map((t) => t.size),
    !opts.quiet && process.stderr.isTTY === true,
  );
  const sink =
    dest.kind === 'dir' || dest.kind === 'none'
      ? undefined
      : await OrderedSink.open(dest.kind === 'file' ? dest.path : undefined, streamHeader(opts));
  // The --combine workbook's parts, by input.
  const parts: (CombinedPart | undefined)[] = [];

  // Ctrl-C: no more files are handed out, the ones being read are dropped, the results already back are written;
  // then the report and a line on what was done, exit 130. A second Ctrl-C exits at once.
  const interrupt = new AbortController();
  const onSigint = (): void => {
    if (interrupt.signal.aborted) {
      process.stderr.write('\nbudget-extract: interrupted again: exiting now\n');
      process.exit(EXIT.INTERRUPTED);
    }
    interrupt.abort();
    progress.log('budget-extract: interrupted: stopping after the files being written (Ctrl-C again to quit now)');
  };
  process.on('SIGINT', onSigint);

  const handled = new Set<number>();
  const handle = async (k: number, result: TaskResult): Promise<void> => {
    handled.add(k);
    const i = todo[k]!;
    const input = inputs[i]!;
    const report = reports[i]!;
    let outcome: TaskResult = result;
    if (result.status === 'ok') {
      try {
        await write(k, result, report);
      } catch (e) {
        outcome = writeFailure(e);
      }
    }
    if (outcome.status !== 'ok') {
      await sink?.put(k, null);
      Object.assign(report, {
        status: outcome.status,
        code: outcome.code,
        reason: outcome.reason,
        tables: 0,
        outputs: [],
      });
      progress.log(`budget-extract: ${err.bold(input.name)}: ${outcome.reason}`);
    }
    progress.done(k, result.status === 'ok' ? result.pages : 0, outcome.status);
  };

  const write = async (k: number, result: Extract<TaskResult, { status: 'ok' }>, report: FileReport): Promise<void> => {
    const { pieces, tables, pages, checksFailed } = result;
    parts[todo[k]!] = result.combined;
    let outputs: string[];
    if (dest.kind === 'none') {
      outputs = [];
    } else if (dest.kind === 'dir') {
      const files = pieces.map((p) => ({ path: inside(dest.path, p.name!), content: p.content }));
      await writeFilesAtomic(files);
      outputs = files.map((f) => f.path);
    } else {
      outputs = [dest.kind === 'file' ? dest.path : '-'];
    }
    Object.assign(report, { status: 'ok', pages, tables, outputs, checksFailed });
    if (sink)
      await sink.put(
        k,
        pieces.map((p) => p.content),
      );
  };

  let interrupted = false;
  try {
    await runTasks(
      tasks,
      {
        jobs: opts.jobs,
        inProcess: tasks.length === 1,
        timeoutSeconds: opts.timeoutSeconds,
        maxMemoryMb: opts.maxMemoryMb,
        signal: interrupt.signal,
      },
      handle,
    );
    interrupted = interrupt.signal.aborted;
    // Interrupted, a single -o FILE is not written at all (it would end mid-batch); stdout keeps what it was given.
    if (interrupted && dest.kind === 'file') await sink?.abort();
    else await sink?.close();
  } catch (e) {
    process.off('SIGINT', onSigint);
    await sink?.abort();
    throw e;
  } finally {
    progress.stop();
  }

  if (interrupted) markInterrupted(reports, todo, handled, dest, sink?.done ?? 0);
  // Interrupted, the --combine workbook is not written (it would hold part of the batch).
  else if (opts.combine !== undefined) await writeCombined(opts, reports, parts, err);
  const summary = summarise(reports, (Date.now() - started) / 1000);
  try {
    if (opts.report) {
      await writeFileAtomic(opts.report, `${JSON.stringify({ summary, files: reports }, null, 2)}\n`);
    }
  } finally {
    process.off('SIGINT', onSigint);
  }
  if (interrupted) {
    process.stderr.write(`${interruptedLine(summary, todo.length, dest, opts.report, opts.combine)}\n`);
    return EXIT.INTERRUPTED;
  }
  if (several && !opts.quiet) process.stderr.write(`${summaryLine(summary, err)}\n`);
  return exitCode(summary, opts.strict);
}

/** The `--combine` workbook: every input (read or not), the wide sheets, the long records, the failed checks. */
async function writeCombined(
  opts: ExtractOptions,
  reports: FileReport[],
  parts: (CombinedPart | undefined)[],
  err: ReturnType<typeof styleFor>,
): Promise<void> {
  const file = opts.combine!;
  const inputs: CombinedInput[] = reports.map((r, i) => ({
    file: r.file,
    status: r.status,
    reason: r.reason ?? (r.status === 'skipped' ? 'output exists (--skip-existing): not read again' : undefined),
    part: parts[i],
  }));
  const units = new Set(inputs.flatMap((i) => i.part?.long.map((l) => l.unit).filter(Boolean) ?? []));
  const unitNote = opts.unit
    ? `金额单位：${opts.unit === 'yuan' ? '元' : '万元'}（--unit ${opts.unit}，由原表单位精确换算） amounts in ${opts.unit === 'yuan' ? '元' : '万元'}`
    : '金额单位见 unit 列（各表原印单位） amounts in each row’s unit';
  if (!opts.unit && units.size > 1 && !opts.quiet) {
    process.stderr.write(
      `budget-extract: ${file}: the documents print amounts in ${[...units].join(' and ')}; each row's unit column says which (--unit wan puts all in 万元)\n`,
    );
  }
  await writeWorkbook(file, combinedSheets(inputs, unitNote));
  const read = inputs.filter((i) => i.part).length;
  if (!opts.quiet)
    process.stderr.write(`budget-extract: wrote ${err.bold(file)} (${read} of ${inputs.length} documents)\n`);
}

/**
 * After Ctrl-C: a file not handled is `interrupted`; so is one read whose output never reached its destination (a
 * single -o FILE is dropped whole; on stdout, files after the first one missing wait for it and are never written).
 */
function markInterrupted(
  reports: FileReport[],
  todo: number[],
  handled: Set<number>,
  dest: Destination,
  streamed: number,
): void {
  for (let k = 0; k < todo.length; k++) {
    const report = reports[todo[k]!]!;
    if (!handled.has(k)) {
      Object.assign(report, { status: 'interrupted', reason: 'not read: the run was interrupted', tables: 0 });
      continue;
    }
    const dropped = dest.kind === 'file' || (dest.kind === 'stdout' && k >= streamed);
    if (report.status === 'ok' && dropped) {
      Object.assign(report, {
        status: 'interrupted',
        reason: 'read, but not written: the run was interrupted before its output',
        tables: 0,
        outputs: [],
        pages: undefined,
        checksFailed: undefined,
      });
    }
  }
}

/** What an interrupted run did, for stderr. */
function interruptedLine(s: Summary, todo: number, dest: Destination, report?: string, combine?: string): string {
  const done = s.ok + s.refused + s.failed;
  const counts = [`${s.ok} ok`, `${s.refused} refused`, `${s.failed} failed`].join(', ');
  const kept =
    (dest.kind === 'dir'
      ? `; the outputs written are kept in ${dest.path}`
      : dest.kind === 'file'
        ? `; ${dest.path} not written`
        : '') + (combine !== undefined ? `; ${combine} not written` : '');
  const skipped = s.skipped ? ` (${s.skipped} skipped before)` : '';
  return (
    `budget-extract: interrupted: ${done} of ${todo} files done${skipped} (${counts}); ${s.interrupted} interrupted` +
    `${kept}${report ? `; report in ${report}` : ''}`
  );
}
