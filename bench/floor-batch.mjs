// The pdf.js floor as a batch: `node bench/floor-batch.mjs DIR JOBS` reads every PDF in DIR at the floor (floor.mjs)
// on JOBS worker threads, largest files first, a thread taking the next file as soon as it is done — the shape of
// the CLI's batch without any of its work. bench/run.mjs times it beside the CLI batch: its jobs-2/jobs-1 ratio and
// peak RSS are what pdf.js alone gets from this machine.
import fs from 'node:fs';
import path from 'node:path';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';

if (isMainThread) {
  const [dir, jobsArg] = process.argv.slice(2);
  const jobs = Number(jobsArg ?? 1);
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.pdf'))
    .map((f) => path.join(dir, f))
    .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size || a.localeCompare(b));
  let next = 0;
  let pages = 0;
  const thread = () =>
    new Promise((resolve, reject) => {
      const w = new Worker(new URL(import.meta.url));
      const give = () => (next < files.length ? w.postMessage(files[next++]) : w.terminate().then(resolve));
      w.on('message', (n) => {
        pages += n;
        give();
      });
      w.on('error', reject);
      w.once('online', give);
    });
  await Promise.all(Array.from({ length: Math.min(jobs, files.length) }, thread));
  process.stdout.write(`${JSON.stringify({ files: files.length, pages })}\n`);
} else {
  const { floor } = await import('./floor.mjs');
  parentPort.on('message', async (file) => parentPort.postMessage(await floor(file)));
}
