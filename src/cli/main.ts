import { Command, CommanderError } from 'commander';
import { InputError } from '../errors.js';
import { extract } from '../extract.js';

const program = new Command()
  .name('budget-extract')
  .description('Read the tables of a Chinese government budget disclosure PDF (部门预算/决算) as JSON.')
  .argument('<file>', 'the PDF to read')
  .option('--password <password>', 'password of an encrypted PDF')
  .option('--max-pages <n>', 'refuse documents with more pages', (v) => Number.parseInt(v, 10))
  .addHelpText(
    'after',
    `
Examples:
  budget-extract fixtures/sample-budget.pdf > sample.json
  budget-extract report.pdf | jq '.tables[] | {kind, title, pages}'

Exit codes: 0 ok, 1 the input could not be read, 2 usage error.`,
  )
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

export async function main(argv: string[]): Promise<number> {
  try {
    program.parse(argv);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    throw err;
  }
  const [file] = program.args as [string];
  const opts = program.opts<{ password?: string; maxPages?: number }>();
  try {
    const doc = await extract(file, { password: opts.password, maxPages: opts.maxPages });
    const json = process.stdout.isTTY ? JSON.stringify(doc, null, 2) : JSON.stringify(doc);
    await new Promise<void>((resolve, reject) => process.stdout.write(json + '\n', (e) => (e ? reject(e) : resolve())));
    return 0;
  } catch (err) {
    process.stderr.write(`budget-extract: ${file}: ${describe(err)}\n`);
    return 1;
  }
}

function describe(err: unknown): string {
  if (err instanceof InputError) return err.message;
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file';
  if (e?.code === 'EISDIR') return 'is a directory, not a PDF';
  if (e?.code === 'EACCES') return 'permission denied';
  return `could not be read (${e?.message ?? String(err)})`;
}
