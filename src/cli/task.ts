import type { ExtractedDocument } from '../types.js';
import type { Input } from './inputs.js';
import type { ExtractOptions } from './options.js';
import { render, RenderError, type Destination, type Piece } from './output.js';
import { failure, type Failure } from './failure.js';
import { failedChecks } from './summary.js';
import { type CombinedPart, combinedPart } from '../export/combined.js';

/** How the reading thread renders its document, so only text crosses back to the main thread. */
export interface RenderRequest {
  input: Input;
  opts: ExtractOptions;
  dest: Destination;
  pretty: boolean;
}

/** One file to read, as sent to a worker (plain data: it crosses a thread boundary). */
export interface Task {
  path?: string;
  bytes?: Uint8Array;
  fileName: string;
  password?: string;
  maxPages?: number;
  /** Only these pages (`--pages`). */
  pages?: number[];
  unit?: 'yuan' | 'wan';
  render?: RenderRequest;
  /** Also make the document's part of a `--combine` workbook (named by this file name). */
  combine?: string;
  /** Bytes of the file, to schedule large files first. */
  size?: number;
}

/**
 * `ok`: the document read (and rendered into `pieces` when asked); `refused`: input the reader cannot use (not a
 * PDF, scanned, encrypted…); `failed`: anything else went wrong.
 */
export type TaskResult =
  | {
      status: 'ok';
      pages: number;
      tables: number;
      checksFailed: number;
      pieces: Piece[];
      doc?: ExtractedDocument;
      combined?: CombinedPart;
    }
  | Failure;

export async function runTask(task: Task): Promise<TaskResult> {
  try {
    const input = task.bytes ?? task.path;
    if (input === undefined) throw new Error('nothing to read');
    // Loaded here, not at the top: the main thread of a batch only hands out tasks and never loads pdf.js.
    const { extract } = await import('../extract.js');
    const doc = await extract(input, {
      fileName: task.fileName,
      password: task.password,
      maxPages: task.maxPages,
      ...(task.pages ? { pages: task.pages } : {}),
      unit: task.unit,
    });
    const combined = task.combine !== undefined ? combinedPart(doc, task.combine) : undefined;
    // Pages read: with --pages, those of them in the document (the pages/s of the progress bar and the summary).
    const summary = {
      pages: task.pages?.length ?? doc.source.pages,
      checksFailed: failedChecks(doc),
      ...(combined ? { combined } : {}),
    };
    if (!task.render) return { status: 'ok', ...summary, tables: doc.tables.length, pieces: [], doc };
    const { input: source, opts, dest, pretty } = task.render;
    // The workbook's long lines and headline are those of -f long / -f wide (when no table is left out): made once.
    const { pieces, tables } = await render(doc, source, opts, dest, pretty, combined);
    return { status: 'ok', ...summary, tables, pieces };
  } catch (err) {
    if (err instanceof RenderError) return { status: 'failed', code: 'no_table', reason: err.message };
    return failure(err);
  }
}
