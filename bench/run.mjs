#!/usr/bin/env node
// npm run bench [-- --quick] : speed and scale of budget-extract, as ratios measured in one run.
//
//  1. floor      pdf.js getTextContent + getOperatorList over every corpus page, nothing else (same openPdf)
//  2. e2e        extract() + JSON.stringify over the same documents, same process, interleaved → ratio to the floor
//  3. scaling    generated 100/500/1000-page documents (pages of fixtures/sample-budget.pdf repeated with pdf-lib,
//                written to a temp dir), each run in a fresh process → ms per page, 1000 vs 100
//  4. batch      the CLI over the corpus with --jobs 1 and --jobs 2 → throughput ratio and cores busy; beside it the
//                pdf.js floor run as a batch of the same shape (floor-batch.mjs): what pdf.js alone gets from the machine;
//                and the combined batch (-f long -o all.csv --combine all.xlsx, jobs 2) against the plain one (≤ 1.1×)
//  5. peak RSS   the CLI batch (one process; workers are threads, so its RSS covers them) and the 1000-page document
//                (extract() in a fresh process, and the CLI), each beside the pdf.js floor's
//
// Medians of 3 runs (1 with --quick, which also uses 12 corpus documents and 100/500-page documents only).
// Writes bench/results.json. The machine may be shared: every ratio compares numbers taken in the same run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { endToEnd, floor } from './child.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const corpusDir = path.resolve(root, '../shared/corpus/pdf');
const quick = process.argv.includes('--quick');
const RUNS = quick ? 1 : 3;
const SIZES = quick ? [100, 500] : [100, 500, 1000];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-extract-bench-'));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const log = (s) => process.stderr.write(`${s}\n`);
const results = {
  loadAverage: os.loadavg().map((x) => round(x, 1)),
  date: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  quick,
  runs: RUNS,
};

function child(mode, file) {
  const r = spawnSync(process.execPath, [path.join(here, 'child.mjs'), mode, file], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`child ${mode} ${file} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const timeBin = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
// Wall time, CPU time (all threads: V8 compiles and collects garbage on threads of its own) and peak RSS of one
// process; worker threads live in it, so its RSS covers them.
const measure = (args) => {
  const t0 = performance.now();
  const r = timeBin
    ? spawnSync(timeBin, ['-v', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync(process.execPath, [path.join(here, 'rss-wrapper.mjs'), ...args], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      });
  const ms = performance.now() - t0;
  const num = (re) => Number(re.exec(r.stderr)?.[1] ?? NaN);
  const maxRssKb = timeBin ? num(/Maximum resident set size \(kbytes\): (\d+)/) : num(/maxRSS_KB=(\d+)/);
  const cpuS = timeBin
    ? num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/)
    : num(/cpuS=([\d.]+)/);
  return { ms, exit: r.status, maxRssMb: maxRssKb / 1024, cores: (cpuS * 1000) / ms };
};

try {
  // ---- 1 + 2: corpus, floor vs end to end, in this process ------------------------------------------------------
  let corpusFiles = [];
  if (fs.existsSync(corpusDir)) {
    corpusFiles = fs
      .readdirSync(corpusDir)
      .filter((f) => f.toLowerCase().endsWith('.pdf'))
      .sort()
      .map((f) => path.join(corpusDir, f));
    if (quick) corpusFiles = corpusFiles.filter((_, i) => i % 4 === 0);
  } else {
    log(`corpus skipped: ${corpusDir} not found`);
  }
  if (corpusFiles.length) {
    log(`corpus: ${corpusFiles.length} documents, ${RUNS} run(s)`);
    await floor(corpusFiles[0]); // warm up both paths (module init, CMaps, JIT)
    await endToEnd(corpusFiles[0]);
    const runs = [];
    for (let r = 0; r < RUNS; r++) {
      let floorMs = 0,
        e2eMs = 0,
        floorCpu = 0,
        e2eCpu = 0,
        pages = 0;
      for (const f of corpusFiles) {
        // Interleaved, alternating which goes first, so load from elsewhere hits both alike.
        const order = r % 2 ? ['e2e', 'floor'] : ['floor', 'e2e'];
        for (const what of order) {
          const t0 = performance.now(),
            c0 = cpuMs();
          if (what === 'floor') pages += await floor(f);
          else await endToEnd(f);
          const ms = performance.now() - t0,
            cpu = cpuMs() - c0;
          if (what === 'floor') {
            floorMs += ms;
            floorCpu += cpu;
          } else {
            e2eMs += ms;
            e2eCpu += cpu;
          }
        }
      }
      runs.push({ floorMs, e2eMs, pages, ratio: e2eMs / floorMs, cpuRatio: e2eCpu / floorCpu });
      log(
        `  run ${r + 1}: floor ${Math.round(floorMs)} ms, e2e ${Math.round(e2eMs)} ms, ratio ${round(e2eMs / floorMs, 3)} (CPU time ${round(e2eCpu / floorCpu, 3)})`,
      );
    }
    results.corpus = {
      documents: corpusFiles.length,
      pages: runs[0].pages,
      floorMs: round(median(runs.map((r) => r.floorMs)), 0),
      e2eMs: round(median(runs.map((r) => r.e2eMs)), 0),
      ratio: round(median(runs.map((r) => r.ratio)), 3),
      cpuRatio: round(median(runs.map((r) => r.cpuRatio)), 3),
      runs: runs.map((r) => ({
        floorMs: round(r.floorMs, 0),
        e2eMs: round(r.e2eMs, 0),
        ratio: round(r.ratio, 3),
        cpuRatio: round(r.cpuRatio, 3),
      })),
    };
  }

  // ---- 3: scaling on generated long documents --------------------------------------------------------------------
  const source = await PDFDocument.load(fs.readFileSync(path.join(root, 'fixtures/sample-budget.pdf')));
  results.scaling = [];
  for (const size of SIZES) {
    const doc = await PDFDocument.create();
    while (doc.getPageCount() < size) {
      const want = source.getPageIndices().slice(0, size - doc.getPageCount());
      for (const p of await doc.copyPages(source, want)) doc.addPage(p);
    }
    const file = path.join(tmp, `long-${size}.pdf`);
    fs.writeFileSync(file, await doc.save());
    const e2e = [],
      fl = [];
    for (let r = 0; r < RUNS; r++) {
      fl.push(child('floor', file));
      e2e.push(child('e2e', file));
    }
    const row = {
      pages: size,
      e2eMsPerPage: round(median(e2e.map((x) => x.ms)) / size, 3),
      floorMsPerPage: round(median(fl.map((x) => x.ms)) / size, 3),
      ratioToFloor: round(median(e2e.map((x, i) => x.ms / fl[i].ms)), 3),
      e2eMaxRssMb: round(median(e2e.map((x) => x.maxRssMb)), 1),
      floorMaxRssMb: round(median(fl.map((x) => x.maxRssMb)), 1),
    };
    if (size === SIZES[SIZES.length - 1]) {
      // What a user running the command gets: the CLI reads on a worker thread and writes the JSON.
      const cliRuns = Array.from({ length: RUNS }, () =>
        measure([path.join(root, 'bin/budget-extract.js'), file, '-o', path.join(tmp, 'long.json')]),
      );
      row.cliMaxRssMb = round(median(cliRuns.map((x) => x.maxRssMb)), 1);
    }
    results.scaling.push(row);
    log(`  ${size} pages: ${row.e2eMsPerPage} ms/page (floor ${row.floorMsPerPage}), RSS ${row.e2eMaxRssMb} MB`);
  }
  const first = results.scaling[0],
    last = results.scaling[results.scaling.length - 1];
  results.scalingRatio = round(last.e2eMsPerPage / first.e2eMsPerPage, 3);

  // ---- 4 + 5: batch through the CLI, beside the pdf.js floor as a batch of the same shape -------------------------
  if (fs.existsSync(corpusDir)) {
    const cli = (jobs) => {
      const out = fs.mkdtempSync(path.join(tmp, `out-j${jobs}-`)) + path.sep;
      const m = measure([
        path.join(root, 'bin/budget-extract.js'),
        corpusDir,
        '-o',
        out,
        '--jobs',
        String(jobs),
        '--quiet',
      ]);
      fs.rmSync(out, { recursive: true, force: true });
      return m;
    };
    // The combined batch: the same inputs into one long CSV and one workbook (--combine), beside the plain one.
    const combined = (jobs) => {
      const out = fs.mkdtempSync(path.join(tmp, `comb-j${jobs}-`));
      const m = measure([
        path.join(root, 'bin/budget-extract.js'),
        corpusDir,
        '-f',
        'long',
        '-o',
        path.join(out, 'all.csv'),
        '--combine',
        path.join(out, 'all.xlsx'),
        '--unit',
        'wan',
        '--jobs',
        String(jobs),
        '--quiet',
      ]);
      fs.rmSync(out, { recursive: true, force: true });
      return m;
    };
    const floorBatch = (jobs) => measure([path.join(here, 'floor-batch.mjs'), corpusDir, String(jobs)]);
    const runs = { cli1: [], cli2: [], floor1: [], floor2: [], comb2: [] };
    for (let r = 0; r < RUNS; r++) {
      runs.floor1.push(floorBatch(1));
      runs.cli1.push(cli(1));
      runs.floor2.push(floorBatch(2));
      runs.cli2.push(cli(2));
      runs.comb2.push(combined(2));
      log(
        `  batch run ${r + 1}: --jobs 1 ${Math.round(runs.cli1[r].ms)} ms, --jobs 2 ${Math.round(runs.cli2[r].ms)} ms, combined (-f long + --combine, jobs 2) ${Math.round(runs.comb2[r].ms)} ms; pdf.js floor ${Math.round(runs.floor1[r].ms)} / ${Math.round(runs.floor2[r].ms)} ms`,
      );
    }
    const med = (xs, key, d = 1) => round(median(xs.map((x) => x[key])), d);
    const ratio = (a, b) => round(median(a.map((x, i) => x.ms / b[i].ms)), 3);
    const files = fs.readdirSync(corpusDir).filter((f) => f.toLowerCase().endsWith('.pdf')).length;
    results.batch = {
      documents: files,
      rss: timeBin
        ? '/usr/bin/time -v (one process; worker threads share it)'
        : 'process.resourceUsage().maxRSS of the process',
      jobs1Ms: med(runs.cli1, 'ms', 0),
      jobs2Ms: med(runs.cli2, 'ms', 0),
      throughputRatio: ratio(runs.cli1, runs.cli2),
      jobs1Cores: med(runs.cli1, 'cores', 2),
      jobs1MaxRssMb: med(runs.cli1, 'maxRssMb'),
      jobs2MaxRssMb: med(runs.cli2, 'maxRssMb'),
      exitCodes: [...new Set([...runs.cli1, ...runs.cli2].map((x) => x.exit))],
      combined: {
        what: '-f long -o all.csv --combine all.xlsx --unit wan --jobs 2, against the plain batch (-o DIR/, jobs 2) of the same run',
        jobs2Ms: med(runs.comb2, 'ms', 0),
        ratioToPlain: round(median(runs.comb2.map((x, i) => x.ms / runs.cli2[i].ms)), 3),
        maxRssMb: med(runs.comb2, 'maxRssMb'),
        exitCodes: [...new Set(runs.comb2.map((x) => x.exit))],
      },
      floor: {
        what: 'pdf.js floor (bench/floor.mjs) on worker threads, largest files first (bench/floor-batch.mjs)',
        jobs1Ms: med(runs.floor1, 'ms', 0),
        jobs2Ms: med(runs.floor2, 'ms', 0),
        throughputRatio: ratio(runs.floor1, runs.floor2),
        jobs1Cores: med(runs.floor1, 'cores', 2),
        jobs1MaxRssMb: med(runs.floor1, 'maxRssMb'),
        jobs2MaxRssMb: med(runs.floor2, 'maxRssMb'),
      },
    };
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

// ---- report ----------------------------------------------------------------------------------------------------
const rows = [];
const target = (ok) => (ok ? 'ok' : 'MISSED');
if (results.corpus) {
  const c = results.corpus;
  rows.push(['floor: pdf.js text + operators, corpus', `${c.floorMs} ms`, `${c.documents} docs, ${c.pages} pages`, '']);
  rows.push([
    'end to end / floor, corpus',
    `${c.ratio}×`,
    `${c.e2eMs} ms (CPU-time ratio ${c.cpuRatio}×)`,
    `≤ 1.3× ${target(c.ratio <= 1.3)}`,
  ]);
}
for (const s of results.scaling) {
  rows.push([
    `${s.pages} pages: ms/page (floor)`,
    `${s.e2eMsPerPage} (${s.floorMsPerPage})`,
    `${s.ratioToFloor}× floor`,
    `RSS ${s.e2eMaxRssMb} MB`,
  ]);
}
const lastSize = results.scaling[results.scaling.length - 1];
rows.push([
  `per-page ${lastSize.pages} / 100 pages`,
  `${results.scalingRatio}×`,
  '',
  `≤ 1.2× ${target(results.scalingRatio <= 1.2)}`,
]);
const docRss = Math.max(lastSize.e2eMaxRssMb, lastSize.cliMaxRssMb ?? 0);
rows.push([
  `peak RSS, ${lastSize.pages}-page document`,
  `${lastSize.e2eMaxRssMb} MB (CLI ${lastSize.cliMaxRssMb} MB)`,
  `pdf.js floor ${lastSize.floorMaxRssMb} MB`,
  `≤ 300 MB ${target(docRss <= 300)}`,
]);
if (results.batch) {
  const b = results.batch,
    f = b.floor;
  rows.push([
    'batch --jobs 1 / --jobs 2',
    `${b.jobs1Ms} / ${b.jobs2Ms} ms`,
    `pdf.js floor ${f.jobs1Ms} / ${f.jobs2Ms} ms`,
    `${b.documents} docs`,
  ]);
  rows.push([
    'cores busy with --jobs 1',
    `${b.jobs1Cores}`,
    `pdf.js floor ${f.jobs1Cores}`,
    'of 2: V8 compiles and collects on threads of its own',
  ]);
  rows.push([
    'batch throughput, jobs 2 vs 1',
    `${b.throughputRatio}×`,
    `pdf.js floor ${f.throughputRatio}×`,
    `≥ 1.8× ${target(b.throughputRatio >= 1.8)}`,
  ]);
  rows.push([
    'combined batch / plain batch (jobs 2)',
    `${b.combined.ratioToPlain}×`,
    `${b.combined.jobs2Ms} ms, RSS ${b.combined.maxRssMb} MB`,
    `≤ 1.1× ${target(b.combined.ratioToPlain <= 1.1)}`,
  ]);
  const rss = Math.max(b.jobs1MaxRssMb ?? 0, b.jobs2MaxRssMb ?? 0);
  rows.push([
    'peak RSS, batch (jobs 1 / jobs 2)',
    `${b.jobs1MaxRssMb} / ${b.jobs2MaxRssMb} MB`,
    `pdf.js floor ${f.jobs1MaxRssMb} / ${f.jobs2MaxRssMb} MB`,
    `≤ 300 MB ${target(rss <= 300)}`,
  ]);
}
const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => [...r[i]].length)));
for (const r of rows)
  console.log(
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd(),
  );
fs.writeFileSync(path.join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(
  `\nload average at start ${results.loadAverage.join(' ')} on ${results.cpus} cores; wrote bench/results.json${quick ? ' (quick)' : ''}`,
);
