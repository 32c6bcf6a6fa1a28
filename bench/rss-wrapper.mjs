// Runs a script in this process and reports its peak RSS and CPU time on stderr (used by bench/run.mjs when
// /usr/bin/time is absent). Worker threads live in this process, so the figures cover them.
import { peakRssMb } from './peak-rss.mjs';

const [, , script, ...rest] = process.argv;
process.argv = [process.argv[0], script, ...rest];
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(
    `maxRSS_KB=${Math.round(peakRssMb() * 1024)}\ncpuS=${(u.userCPUTime + u.systemCPUTime) / 1e6}\n`,
  );
});
await import(new URL(`file://${script}`).href);
