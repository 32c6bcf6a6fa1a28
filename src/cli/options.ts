import { availableParallelism } from 'node:os';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { NumbersMode } from '../export/numbers.js';
import { wideKindOf } from '../export/wide.js';
import type { TableKind } from '../types.js';
import { KindNameError, kindByName, kindsHelp } from '../kinds/registry.js';
import { DEFAULT_LIMITS } from '../limits/index.js';
import { UsageError } from './errors.js';
import { parsePages } from './pages.js';
import { parseShowArgs, showCommand, type ShowOptions } from './show.js';
import { COMMANDER_OUTPUT, withVersion } from './version.js';

export type Format = 'json' | 'csv' | 'ndjson' | 'long' | 'wide' | 'xlsx';

/** One table chosen by `--table`: a kind (the first table of it) or a 1-based position. */
export type TablePick = { kind: TableKind } | { index: number };

export interface ExtractOptions {
  command: 'extract';
  /** Seconds one file may take (`--timeout`; 0: no limit). */
  timeoutSeconds: number;
  /** Heap of each reader thread in MB (`--max-memory`). */
  maxMemoryMb: number;
  inputs: string[];
  format: Format;
  output?: string;
  table?: TablePick;
  tables?: TableKind[];
  records: boolean;
  /** CSV byte order mark: on for CSV files written (Excel reads them as UTF-8), off on stdout, unless set. */
  bom: boolean;
  /** One workbook of every input (documents, wide sheets, the long records, failed checks). */
  combine?: string;
  numbers: NumbersMode;
  jobs: number;
  quiet: boolean;
  skipExisting: boolean;
  report?: string;
  strict: boolean;
  unit?: 'yuan' | 'wan';
  password?: string;
  maxPages?: number;
  /** `--pages`: only these pages are read (1-based, sorted). */
  pages?: number[];
}

export interface InspectOptions {
  command: 'inspect';
  input: string;
  tables?: TableKind[];
  password?: string;
  maxPages?: number;
  pages?: number[];
}

export interface CheckOptions {
  command: 'check';
  inputs: string[];
  json: boolean;
  strict: boolean;
  password?: string;
  maxPages?: number;
  pages?: number[];
}

export type CliOptions = ExtractOptions | InspectOptions | CheckOptions | ShowOptions;

function positiveInt(v: string): number {
  const n = Number(v);
  if (!/^\d+$/u.test(v) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}

function seconds(v: string): number {
  const n = Number(v);
  if (!/^\d+(\.\d+)?$/u.test(v) || !Number.isFinite(n))
    throw new InvalidArgumentError('expected a number of seconds (0: no limit)');
  return n;
}

/** A kind as typed (`three_public`, `三公`…), a usage error naming the kinds when it names none or several. */
function kindArg(v: string): TableKind {
  try {
    return kindByName(v);
  } catch (e) {
    if (e instanceof KindNameError) throw new InvalidArgumentError(e.message);
    throw e;
  }
}

function kindList(v: string): TableKind[] {
  const kinds = v
    .split(/[,，、]/u)
    .map((s) => s.trim())
    .filter(Boolean);
  if (!kinds.length) throw new InvalidArgumentError('no table kind given');
  return [...new Set(kinds.map(kindArg))];
}

function tablePick(v: string): TablePick {
  if (/^\d+$/u.test(v) && Number(v) >= 1) return { index: Number(v) };
  return { kind: kindArg(v) };
}

function pagesArg(v: string): number[] {
  return parsePages(v);
}

const KINDS_HELP = `
Table kinds (for --tables and --table: the key, the Chinese name, or a short name):
${kindsHelp()}`;

const EXAMPLES = `
Examples:
  budget-extract report.pdf > report.json                  one document as JSON
  budget-extract report.pdf | jq '.tables[] | {kind, title, pages}'
  cat report.pdf | budget-extract - > report.json          read the PDF from stdin
  budget-extract report.pdf --tables expenditure,income    keep only some kinds of table
  budget-extract report.pdf --tables 三公,支出总表           the same with Chinese names
  budget-extract report.pdf --pages 3-7,12                 read only those pages (1-based)
  budget-extract report.pdf -f csv -o out/                 one CSV per table: out/report.01-income_expenditure_summary.csv …
  budget-extract report.pdf -f csv --table expenditure     one table as CSV on stdout (or --table 3: the third table)
  budget-extract report.pdf -f csv -o out/ --numbers plain   amounts without separators (files start with a BOM)
  budget-extract report.pdf -f xlsx -o report.xlsx         a workbook: each table as printed, records, checks
  budget-extract pdf/2025/ -f wide --tables 三公 --unit wan -o 三公.csv   every department's “三公”, a row each, in 万元
  budget-extract pdf/2025/ -f long --unit wan -o all.csv   every record amount of every document, a line each
  budget-extract pdf/2025/ --combine 2025.xlsx --unit wan  one workbook: documents, wide sheets, every amount, checks
  budget-extract pdf/2025/ -o json/                        a folder of PDFs in parallel: json/<name>.json each
  budget-extract 'pdf/**/*.pdf' -f ndjson > rows.ndjson    every table row of many files, one JSON object a line
  budget-extract pdf/ -o json/ --skip-existing --report report.json   resume a stopped run, with a per-file report
  budget-extract inspect report.pdf                        what was found: kind, title, pages, rows, unit, warnings
  budget-extract check report.pdf                          the accounting checks (勾稽), failures first
  budget-extract show report.pdf --page 3                  see what was read: report.p3.png with the tables drawn over it
  budget-extract report.pdf --unit yuan                    record amounts converted exactly to 元

  duckdb -c "select kind, count(*) from read_json_auto('rows.ndjson') group by kind"

Inputs: files, folders (every *.pdf below them) and quoted glob patterns; "-" reads one PDF from stdin.
With one input and no -o the result goes to stdout. With several, json and csv need -o DIR/ (one <name>.json, or
<name>.<nn>-<kind>.csv files, per input); ndjson may go to stdout or one file as a single stream, in input order.
A file that cannot be read is reported on stderr (file: reason) and never stops the others.
-o DIR/ (or an existing folder) takes the default names, for every command; missing parent folders are created;
an output that cannot be written (a file in the way, a folder not writable) is refused before reading (exit 2).

Exit codes: 0 every input read, 1 some input refused or failed, 2 usage error,
            3 (with --strict) some document's checks failed, 130 interrupted (Ctrl-C: the outputs written are kept).`;

function baseCommand(name: string): Command {
  return withVersion(new Command(name))
    .option('--password <password>', 'password of encrypted PDFs')
    .option('--max-pages <n>', 'refuse documents with more pages than this', positiveInt)
    .option('--pages <list>', 'read only these pages, 1-based: 3-7,12 (a table running past them is cut)', pagesArg)
    .option(
      '--tables <kinds>',
      'keep only these kinds of table, comma-separated: three_public,支出总表 (see below)',
      kindList,
    )
    .showHelpAfterError('(see --help)')
    .exitOverride()
    .configureOutput(COMMANDER_OUTPUT)
    .addHelpText('after', KINDS_HELP);
}

const COMMANDS_HELP = `
Commands:
  [extract] <input...>   read the tables (the default command; the word extract may be left out)
  inspect <file>         list the tables found: kind, title, pages, rows, unit, warnings
  check <input...>       the accounting checks (勾稽), failures first
  show <file>            draw what was read over a page (PNG) or every page (HTML)
  help [command]         the help of a command (budget-extract help check)`;

function extractCommand(): Command {
  return baseCommand('budget-extract')
    .description(
      'Read the tables of Chinese government budget disclosure PDFs (部门预算/决算) as JSON, CSV, NDJSON or Excel; many documents into one sheet.',
    )
    .usage('[extract] [options] <input...> | inspect <file> | check <input...> | show <file> | help [command]')
    .argument('<input...>', 'PDF files, folders, glob patterns, or - for stdin')
    .addOption(
      new Option(
        '-f, --format <format>',
        'json; csv (a file per table); ndjson (a line per row); long (one CSV line per record amount, all inputs in one file); wide (one CSV row per document: the headline figures); xlsx (a workbook per document)',
      )
        .choices(['json', 'csv', 'ndjson', 'long', 'wide', 'xlsx'])
        .default('json'),
    )
    .option(
      '--combine <file.xlsx>',
      'also write one workbook of every input: documents, “三公”/收支/支出/项目 one row per document, the long records, failed checks',
    )
    .option('-o, --output <path>', 'write to this file, or into this folder when it ends with / or is one')
    .option('--table <kind|n>', 'only one table: the first of a kind, or the n-th (1-based)', tablePick)
    .option('--records', 'ndjson: one line per typed record (tables that have records) instead of per row', false)
    .option('--bom', 'csv/long/wide: start with a UTF-8 byte order mark (default: on for files, off on stdout)')
    .option('--no-bom', 'csv/long/wide: no byte order mark, even in files')
    .addOption(
      new Option('--numbers <mode>', 'csv/ndjson cells: raw as printed, plain amounts without separators')
        .choices(['raw', 'plain'])
        .default('raw'),
    )
    .option('-j, --jobs <n>', 'files read in parallel (default: number of cores)', positiveInt)
    .option('-q, --quiet', 'no progress bar and no summary (errors are still printed)', false)
    .option('--skip-existing', 'skip inputs whose output is already there (resume a stopped run)', false)
    .option(
      '--report <file>',
      'write a JSON report: per file status (ok/refused/failed/skipped), reason, tables, outputs',
    )
    .option('--strict', 'exit 3 when a document fails its consistency checks', false)
    .addOption(
      new Option(
        '--unit <unit>',
        'convert every record amount exactly to 元 (yuan) or 万元 (wan): json, long, wide, xlsx records, ndjson --records (refused for csv and ndjson rows, which are as printed)',
      ).choices(['yuan', 'wan']),
    )
    .option(
      '--timeout <seconds>',
      `stop reading a file after this many seconds and go on (0: no limit; default ${DEFAULT_LIMITS.timeoutSeconds})`,
      seconds,
    )
    .option(
      '--max-memory <mb>',
      `heap of each reader thread in MB; a file needing more is stopped (default ${DEFAULT_LIMITS.maxMemoryMb})`,
      positiveInt,
    )
    .addHelpText('after', `${COMMANDS_HELP}\n${EXAMPLES}`);
}

function checkCommand(): Command {
  return baseCommand('budget-extract check')
    .description(
      'Check the accounting identities (勾稽) of the tables: parents = Σ children, 合计 = Σ rows, 收入总计 = 支出总计, “三公” sums, across tables; and review the document as an auditor: the tables its template requires (present, empty with its reason, missing), the figures the 情况说明 states against the tables (each mismatch cites its sentence), the department and codes named one way, units. One file: its report, failures first (应为 expected / 实为 found / 差额 difference in the table’s unit, the cells added up, failures one printed error explains under that cause). Several: a line per file and a summary line.',
    )
    .argument('<input...>', 'PDF files, folders (every *.pdf below), quoted glob patterns, or - for stdin')
    .option('--json', 'print the check results as JSON (one shape for one file or many, below)', false)
    .option(
      '--strict',
      'exit 3 when any check fails or the review raises an error (a required table missing, a unit wrong), listing them on stderr',
      false,
    )
    .addHelpText(
      'after',
      `
Examples:
  budget-extract check report.pdf
  budget-extract check pdf/2025/                           every *.pdf below: a line per file, then a summary
  budget-extract check --strict report.pdf && echo consistent
  budget-extract check --json report.pdf | jq '.files[].checks.results[] | select(.passed | not)'

--json prints one object, whatever the number of files:
  { "files": [ { "file", "status": "ok" | "refused" | "failed", "reason"?, "document"?, "checks"?, "review"? } ],
    "summary": { "files", "ok", "refused", "failed", "checks", "checksFailed", "findingErrors", "findingWarnings" } }
  document: title, department, year, kind, scope; checks: { summary, results } as in the document JSON
  (a failed result's terms are the cells added up, its cause the printed error several failures share; a
  narrative.* result's sentence the text stating the figure); review: { completeness, narrative, findings }.

Exit codes: 0 every file read (and, with --strict, every check passed and no review error), 1 a file could not be
            read, 2 usage error, 3 with --strict: some check failed or the review raised an error.`,
    );
}

function inspectCommand(): Command {
  return baseCommand('budget-extract inspect')
    .description(
      'List the tables found in a PDF: kind, title, pages, rows, unit, and the warnings (a table on a terminal, JSON otherwise).',
    )
    .argument('<file>', 'the PDF, or - for stdin')
    .addHelpText(
      'after',
      '\nExample:\n  budget-extract inspect report.pdf\n  budget-extract inspect report.pdf | jq .tables',
    );
}

const COMMANDS: Record<string, () => Command> = {
  extract: extractCommand,
  inspect: inspectCommand,
  check: checkCommand,
  show: showCommand,
};
const COMMAND_NAMES = [...Object.keys(COMMANDS), 'help'];

/** `budget-extract help [command]`: that command's help (the main help without one, or for `help`) on stdout. */
function printHelp(args: string[]): null {
  const [name = 'extract', ...rest] = args;
  if (rest.length) throw new UsageError(`help takes one command name: ${COMMAND_NAMES.join(', ')}`);
  const main = name === 'help' || name === '--help' || name === '-h';
  const make = main ? extractCommand : Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!make) throw new UsageError(`no command "${name}"; commands: ${COMMAND_NAMES.join(', ')}`);
  make().outputHelp();
  return null;
}

/** Parses the command line; `null` when it only printed help or the version (exit 0). Throws `UsageError`. */
export function parseArgs(argv: string[]): CliOptions | null {
  let args = argv.slice(2);
  // `extract` may be named (`budget-extract extract FILE`); then the next word is an input, whatever it is.
  const named = args[0] === 'extract';
  if (named) args = args.slice(1);
  else if (args[0] === 'help') return printHelp(args.slice(1));
  else if (args[0] === 'show') return parseShowArgs(args.slice(1));
  const sub = !named && (args[0] === 'inspect' || args[0] === 'check') ? args[0] : null;
  const inspect = sub === 'inspect';
  const cmd = sub === 'inspect' ? inspectCommand() : sub === 'check' ? checkCommand() : extractCommand();
  try {
    cmd.parse(sub ? args.slice(1) : args, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) return null;
      throw new UsageError(''); // commander has already printed the message
    }
    throw err;
  }
  const o = cmd.opts();
  if (sub === 'check') {
    return {
      command: 'check',
      inputs: cmd.args,
      json: o.json,
      strict: o.strict,
      password: o.password,
      maxPages: o.maxPages,
      pages: o.pages,
    };
  }
  if (inspect) {
    return {
      command: 'inspect',
      input: cmd.args[0]!,
      tables: o.tables,
      password: o.password,
      maxPages: o.maxPages,
      pages: o.pages,
    };
  }
  if (o.table && o.tables) throw new UsageError('--table and --tables cannot be used together');
  if (o.records && o.format !== 'ndjson') throw new UsageError('--records is for --format ndjson');
  const csvLike = o.format === 'csv' || o.format === 'long' || o.format === 'wide';
  if (o.bom !== undefined && !csvLike) throw new UsageError('--bom / --no-bom are for -f csv, long or wide');
  if (o.unit && (o.format === 'csv' || (o.format === 'ndjson' && !o.records))) {
    throw new UsageError(
      `--unit converts record amounts; -f ${o.format} writes the tables' rows as printed (each line states its unit): use -f long, -f wide, -f xlsx, -f json or -f ndjson --records`,
    );
  }
  if (o.combine !== undefined && !/\.xlsx$/iu.test(o.combine)) {
    throw new UsageError(`--combine writes an Excel workbook: give a file ending in .xlsx (not ${o.combine})`);
  }
  if (o.format === 'wide' && o.table) throw new UsageError('-f wide: choose the sheet with --tables KIND, not --table');
  if (o.format === 'wide' && o.tables && (o.tables.length > 1 || !wideKindOf(o.tables[0]))) {
    throw new UsageError(
      '-f wide: --tables takes one of three_public, income_expenditure_summary, expenditure, project_performance (none: every headline figure)',
    );
  }
  if (o.skipExisting && !o.output) throw new UsageError('--skip-existing needs -o (outputs to look for)');
  return {
    command: 'extract',
    timeoutSeconds: o.timeout ?? DEFAULT_LIMITS.timeoutSeconds,
    maxMemoryMb: o.maxMemory ?? DEFAULT_LIMITS.maxMemoryMb,
    inputs: cmd.args,
    format: o.format as Format,
    output: o.output,
    table: o.table,
    tables: o.tables,
    records: o.records,
    bom: o.bom ?? o.output !== undefined,
    combine: o.combine,
    numbers: o.numbers as NumbersMode,
    jobs: o.jobs ?? availableParallelism(),
    quiet: o.quiet,
    skipExisting: o.skipExisting,
    report: o.report,
    strict: o.strict,
    unit: o.unit,
    password: o.password,
    maxPages: o.maxPages,
    pages: o.pages,
  };
}
