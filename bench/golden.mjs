#!/usr/bin/env node
// Records, for every corpus document, the sha256 of JSON.stringify(await extract(pdf)) into bench/golden.json.
// Uses the built library (dist/): run `npm run build` first. `--check` compares instead of writing.
// `--ref <commit>` records from a clean checkout of that commit instead (a temporary git worktree, built there), so
// uncommitted work in this tree (other people's, or optimisations) does not leak into the golden.
// Optimisations must leave every hash unchanged (tests/golden-output.test.ts recomputes them).
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const corpus = path.resolve(root, '../shared/corpus/pdf');
const out = path.join(here, 'golden.json');

if (!fs.existsSync(corpus)) {
  console.log(`golden skipped: ${corpus} not found`);
  process.exit(0);
}
const refAt = process.argv.indexOf('--ref');
const ref = refAt > 0 ? process.argv[refAt + 1] : undefined;
let libRoot = root,
  worktree;
if (ref) {
  worktree = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-'));
  execFileSync('git', ['worktree', 'add', '--detach', worktree, ref], { cwd: root, stdio: 'ignore' });
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(worktree, 'node_modules'));
  execFileSync(path.join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], { cwd: worktree, stdio: 'inherit' });
  libRoot = worktree;
}
const { extract } = await import(path.join(libRoot, 'dist/index.js'));
const files = fs
  .readdirSync(corpus)
  .filter((f) => f.toLowerCase().endsWith('.pdf'))
  .sort();
const hashes = {};
for (const f of files) {
  let json;
  try {
    json = JSON.stringify(await extract(path.join(corpus, f)));
  } catch (err) {
    json = `error: ${err?.code ?? ''} ${err?.message ?? String(err)}`;
  }
  hashes[f] = createHash('sha256').update(json).digest('hex');
}
let commit = '';
try {
  commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: libRoot, encoding: 'utf8' }).trim();
} catch {}
if (worktree) execFileSync('git', ['worktree', 'remove', '--force', worktree], { cwd: root, stdio: 'ignore' });
if (process.argv.includes('--check')) {
  const want = JSON.parse(fs.readFileSync(out, 'utf8')).documents;
  const diff = Object.keys({ ...want, ...hashes }).filter((k) => want[k] !== hashes[k]);
  console.log(diff.length ? `DIFFERENT: ${diff.join(', ')}` : `all ${files.length} documents identical`);
  process.exit(diff.length ? 1 : 0);
}
fs.writeFileSync(
  out,
  `${JSON.stringify(
    { commit, note: 'sha256 of JSON.stringify(await extract(pdf)) per corpus document', documents: hashes },
    null,
    2,
  )}\n`,
);
console.log(`wrote ${out}: ${files.length} documents at ${commit.slice(0, 7)}`);
