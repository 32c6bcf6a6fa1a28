#!/usr/bin/env node
// Fuzzes the command line with broken PDFs: mutates the generated fixtures (and, where ../shared/corpus/pdf exists,
// the real disclosures) — truncated at random offsets, bytes flipped, objects deleted, xref shuffled, streams zeroed,
// pages duplicated or looped — and runs every mutated file through the real CLI (a batch on the worker pool, and
// every few files the single-file path too). Each file must end with a result or a clean refusal (one line on
// stderr) within the time limit.
//
//   npm run fuzz                                      2000 mutations, seed 1, --jobs 2, --timeout 30
//   node scripts/fuzz.mjs --count 40 --seed 7 --no-corpus --json
//   node scripts/fuzz.mjs --corpus DIR --keep WORKDIR --chunk 50 --single-every 25 --timeout 30 --jobs 2
//
// Outcomes: ok, refused:<code>, failed:<code> (timeout, out_of_memory: a limit hit and reported), crash (an
// uncaught exception: a worker that died, an exit code other than 0/1, a stack trace or any stderr line that is not
// `budget-extract: FILE: reason`, a file missing from the report), hang (the CLI still running well past the
// limit), partial (a refused or failed file with output left behind). Exit code 1 when there is a crash, a hang or
// a partial output.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from './prng.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin/budget-extract.js');
const DEFAULT_CORPUS = path.resolve(ROOT, '../shared/corpus/pdf');

function parseArgs(argv) {
  const o = {
    count: 2000,
    seed: 1,
    jobs: 2,
    timeout: 30,
    corpus: true,
    corpusDir: DEFAULT_CORPUS,
    json: false,
    chunk: 50,
    singleEvery: 25,
    keep: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => argv[++i];
    if (a === '--count') o.count = Number(val());
    else if (a === '--seed') o.seed = Number(val());
    else if (a === '--jobs') o.jobs = Number(val());
    else if (a === '--timeout') o.timeout = Number(val());
    else if (a === '--chunk') o.chunk = Number(val());
    else if (a === '--single-every') o.singleEvery = Number(val());
    else if (a === '--keep') o.keep = path.resolve(val());
    else if (a === '--no-corpus') o.corpus = false;
    else if (a === '--corpus') o.corpusDir = path.resolve(val());
    else if (a === '--json') o.json = true;
    else {
      process.stderr.write(`fuzz: unknown argument ${a}\n`);
      process.exit(2);
    }
  }
  return o;
}

/** A seeded PRNG with helpers, so a run is repeatable from its seed. */
function prng(seed) {
  const next = mulberry32(seed);
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
  };
}

// ------------------------------------------------------------------------------------------------------------
// Mutations: each takes the bytes (as a latin1 string, byte for byte) and the PRNG, returns new bytes as a string.

const allIndexes = (s, re) => [...s.matchAll(re)].map((m) => ({ at: m.index, text: m[0] }));

const MUTATIONS = {
  truncate(s, r) {
    return s.slice(0, r.int(s.length));
  },
  // Truncated, but still ending in %%EOF: past the reader's quick check, into pdf.js's repair.
  'truncate-eof'(s, r) {
    return `${s.slice(0, r.int(s.length))}\n%%EOF\n`;
  },
  'flip-bytes'(s, r) {
    const b = Buffer.from(s, 'latin1');
    const n = 1 + r.int(64);
    for (let i = 0; i < n; i++) b[r.int(b.length)] ^= 1 + r.int(255);
    return b.toString('latin1');
  },
  'delete-object'(s, r) {
    const objs = allIndexes(s, /\d+ \d+ obj\b/g);
    if (!objs.length) return MUTATIONS['flip-bytes'](s, r);
    const n = 1 + r.int(3);
    for (let k = 0; k < n; k++) {
      const list = allIndexes(s, /\d+ \d+ obj\b/g);
      if (!list.length) break;
      const o = r.pick(list);
      const end = s.indexOf('endobj', o.at);
      s = s.slice(0, o.at) + (end < 0 ? '' : s.slice(end + 6));
    }
    return s;
  },
  'shuffle-xref'(s, r) {
    const entries = allIndexes(s, /\d{10} \d{5} [nf]/g);
    if (entries.length < 2) {
      // A cross-reference stream: point startxref somewhere else instead.
      return s.replace(/startxref\s+\d+/g, () => `startxref\n${r.int(s.length)}`);
    }
    const offsets = entries.map((e) => e.text.slice(0, 10));
    for (let i = offsets.length - 1; i > 0; i--) {
      const j = r.int(i + 1);
      [offsets[i], offsets[j]] = [offsets[j], offsets[i]];
    }
    const b = Buffer.from(s, 'latin1');
    entries.forEach((e, i) => {
      b.write(offsets[i], e.at, 'latin1');
    });
    return b.toString('latin1');
  },
  'zero-streams'(s, r) {
    const streams = [];
    for (const m of s.matchAll(/stream\r?\n/g)) {
      if (s.slice(Math.max(0, m.index - 3), m.index) === 'end') continue;
      const end = s.indexOf('endstream', m.index + m[0].length);
      if (end > 0) streams.push([m.index + m[0].length, end]);
    }
    if (!streams.length) return MUTATIONS['flip-bytes'](s, r);
    const b = Buffer.from(s, 'latin1');
    const n = 1 + r.int(Math.min(8, streams.length));
    for (let k = 0; k < n; k++) {
      const [from, to] = r.pick(streams);
      b.fill(0, from, to);
    }
    return b.toString('latin1');
  },
  'duplicate-pages'(s, r) {
    const kids = allIndexes(s, /\/Kids\s*\[([^\]]*)\]/g);
    if (!kids.length) return MUTATIONS['flip-bytes'](s, r);
    const k = r.pick(kids);
    const refs = k.text.slice(k.text.indexOf('[') + 1, -1).trim();
    const times = 2 + r.int(50);
    const variant = r.int(3);
    let replacement;
    if (variant === 0) replacement = `/Kids [${Array(times).fill(refs).join(' ')}]`;
    else if (variant === 1) {
      // The page tree pointing at itself: a loop.
      const self = /(\d+) (\d+) obj[\s\S]*$/.exec(s.slice(Math.max(0, k.at - 400), k.at));
      replacement = self ? `/Kids [${refs} ${self[1]} ${self[2]} R]` : `/Kids [${refs} ${refs}]`;
    } else replacement = `/Kids [${refs}] /Count 999999999`;
    let out = s.slice(0, k.at) + replacement + s.slice(k.at + k.text.length);
    if (variant === 0) out = out.replace(/\/Count\s+(\d+)/, (_, n) => `/Count ${Number(n) * times}`);
    return out;
  },
};
const MUTATION_NAMES = Object.keys(MUTATIONS);

function sources(withCorpus, corpusDir) {
  const out = [];
  const add = (dir, prefix) => {
    if (!fs.existsSync(dir)) return;
    for (const name of fs.readdirSync(dir).sort()) {
      if (name.toLowerCase().endsWith('.pdf'))
        out.push({
          name: `${prefix}${name.replace(/\.pdf$/i, '')}`,
          bytes: fs.readFileSync(path.join(dir, name)).toString('latin1'),
        });
    }
  };
  add(path.join(ROOT, 'fixtures'), '');
  add(path.join(ROOT, 'fixtures/faults'), 'faults-');
  let corpus = false;
  if (withCorpus && fs.existsSync(corpusDir)) {
    add(corpusDir, 'corpus-');
    corpus = true;
  }
  return { list: out, corpus };
}

function mutate(src, r) {
  const names = [r.pick(MUTATION_NAMES)];
  if (r.next() < 0.2) names.push(r.pick(MUTATION_NAMES));
  let s = src.bytes;
  for (const m of names) s = MUTATIONS[m](s, r);
  return { bytes: Buffer.from(s, 'latin1'), mutation: names.join('+') };
}

// ------------------------------------------------------------------------------------------------------------

function runCli(args, wallMs) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = 0;
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d.length));
    child.stderr.on('data', (d) => (stderr += d));
    let hung = false;
    const timer = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, wallMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, hung, stdout, stderr, seconds: (Date.now() - started) / 1000 });
    });
  });
}

const LINE = /^budget-extract: .+: .+$/;

/** stderr lines that are not a clean one-line message (or the summary line). */
function badLines(stderr) {
  return stderr.split(/\r?\n/).filter((l) => l.trim() !== '' && !LINE.test(l));
}

export async function fuzz(opts) {
  const r = prng(opts.seed);
  const { list, corpus } = sources(opts.corpus, opts.corpusDir ?? DEFAULT_CORPUS);
  if (!list.length) throw new Error('no fixtures: run npm run fixtures');
  const work = opts.keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'budget-fuzz-'));
  const counts = {};
  const examples = {};
  const note = (outcome, file, detail) => {
    counts[outcome] = (counts[outcome] ?? 0) + 1;
    examples[outcome] ??= [];
    if (examples[outcome].length < 5) examples[outcome].push(detail ? `${file}: ${detail}` : file);
  };
  const started = Date.now();
  let slowest = 0;
  try {
    for (let base = 0; base < opts.count; base += opts.chunk) {
      const dir = path.join(work, `chunk-${base}`);
      const out = path.join(work, `out-${base}`);
      fs.mkdirSync(dir, { recursive: true });
      const files = [];
      for (let i = base; i < Math.min(opts.count, base + opts.chunk); i++) {
        const src = r.pick(list);
        const { bytes, mutation } = mutate(src, r);
        const name = `m${String(i).padStart(5, '0')}-${src.name}-${mutation}.pdf`;
        fs.writeFileSync(path.join(dir, name), bytes);
        files.push(name);
      }
      const report = path.join(work, `report-${base}.json`);
      const wall = (Math.ceil(files.length / opts.jobs) * opts.timeout + 60) * 1000;
      const res = await runCli(
        [
          dir,
          '-o',
          `${out}/`,
          '--jobs',
          String(opts.jobs),
          '--timeout',
          String(opts.timeout),
          '--quiet',
          '--report',
          report,
        ],
        wall,
      );
      let entries = [];
      try {
        entries = JSON.parse(fs.readFileSync(report, 'utf8')).files;
      } catch {
        /* no report: the CLI crashed or hung; the files are run one by one below */
      }
      const chunkBad = res.hung || (res.code !== 0 && res.code !== 1) || badLines(res.stderr).length > 0;
      const byName = new Map(entries.map((e) => [path.basename(e.file), e]));
      for (const name of files) {
        const e = byName.get(name);
        if (!e || chunkBad) {
          // Find out which file it was: run it alone through the single-file path.
          await single(name, dir, opts, note, res);
          continue;
        }
        judge(e, name, out, note);
      }
      // Every few files, the single-file path as well (one worker, stdout).
      for (let k = 0; k < files.length; k++) {
        if (opts.singleEvery > 0 && (base + k) % opts.singleEvery === 0) {
          const one = await runCli(
            [path.join(dir, files[k]), '--timeout', String(opts.timeout)],
            (opts.timeout + 60) * 1000,
          );
          slowest = Math.max(slowest, one.seconds);
          const bad = badLines(one.stderr);
          if (one.hung) note('hang', files[k], 'single-file run');
          else if (
            (one.code !== 0 && one.code !== 1) ||
            bad.length ||
            (one.code === 1 && one.stderr.trim().split('\n').length !== 1)
          ) {
            note('crash', files[k], `single-file run: exit ${one.code}: ${one.stderr.slice(0, 300)}`);
          } else counts.single = (counts.single ?? 0) + 1;
        }
      }
      const leftovers = fs.existsSync(out) ? fs.readdirSync(out).filter((n) => n.endsWith('.tmp')) : [];
      for (const t of leftovers) note('partial', t, 'temp file left behind');
      if (!opts.json) {
        const done = Math.min(opts.count, base + opts.chunk);
        process.stderr.write(
          `fuzz: ${done}/${opts.count} in ${((Date.now() - started) / 1000).toFixed(0)} s ${JSON.stringify(counts)}\n`,
        );
      }
      if (!opts.keep) {
        fs.rmSync(dir, { recursive: true, force: true });
        fs.rmSync(out, { recursive: true, force: true });
      }
    }
  } finally {
    if (!opts.keep) fs.rmSync(work, { recursive: true, force: true });
  }
  const total = (k) =>
    Object.entries(counts)
      .filter(([o]) => o === k)
      .reduce((n, [, c]) => n + c, 0);
  return {
    seed: opts.seed,
    count: opts.count,
    sources: list.length,
    corpus,
    jobs: opts.jobs,
    timeout: opts.timeout,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    slowestSingleSeconds: Math.round(slowest * 10) / 10,
    crashes: total('crash'),
    hangs: total('hang'),
    partial: total('partial'),
    counts: Object.fromEntries(Object.entries(counts).sort()),
    examples: Object.fromEntries(Object.entries(examples).filter(([k]) => !k.startsWith('ok') && k !== 'single')),
  };
}

function judge(e, name, out, note) {
  const stem = name.replace(/\.pdf$/i, '');
  if (e.status === 'ok') {
    if (!fs.existsSync(path.join(out, `${stem}.json`))) note('crash', name, 'ok but no output written');
    else note('ok', name);
    return;
  }
  if (fs.existsSync(path.join(out, `${stem}.json`))) note('partial', name, 'output left behind');
  if (e.status === 'refused') note(`refused:${e.code}`, name, e.reason);
  else if (e.code === 'worker') note('crash', name, e.reason);
  else note(`failed:${e.code}`, name, e.reason);
}

async function single(name, dir, opts, note, chunkRes) {
  const res = await runCli([path.join(dir, name), '--timeout', String(opts.timeout)], (opts.timeout + 60) * 1000);
  const bad = badLines(res.stderr);
  if (res.hung) return note('hang', name, 'single-file run still going past the limit');
  if ((res.code !== 0 && res.code !== 1) || bad.length) {
    return note('crash', name, `exit ${res.code ?? res.signal}: ${(bad.join(' | ') || res.stderr).slice(0, 300)}`);
  }
  // The file alone is fine: the chunk run failed for another file (or as a whole).
  if (chunkRes.hung) note('hang', name, 'chunk run hung');
  else note(res.code === 0 ? 'ok' : 'refused:single', name, res.stderr.trim());
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opts = parseArgs(process.argv.slice(2));
  const result = await fuzz(opts);
  if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    process.stdout.write(
      `fuzz: ${result.count} mutations of ${result.sources} PDFs${result.corpus ? ' (with the corpus)' : ' (fixtures only)'}, seed ${result.seed}, --jobs ${result.jobs}, --timeout ${result.timeout}: ${result.seconds} s\n`,
    );
    for (const [k, v] of Object.entries(result.counts)) process.stdout.write(`  ${k.padEnd(28)} ${v}\n`);
    for (const [k, v] of Object.entries(result.examples))
      process.stdout.write(`  e.g. ${k}: ${v.join('\n        ')}\n`);
    process.stdout.write(`crashes ${result.crashes}, hangs ${result.hangs}, partial outputs ${result.partial}\n`);
  }
  process.exitCode = result.crashes || result.hangs || result.partial ? 1 : 0;
}
