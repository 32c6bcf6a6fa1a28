// Peak RSS of this process in MB. On Linux, VmHWM from /proc/self/status: the high-water mark of this process's own
// memory. Not getrusage's maxRSS: Linux carries that over from the parent across fork and exec, so a child of a
// bench that already holds 180 MB reports at least 180 MB whatever it does itself.
import fs from 'node:fs';

export function peakRssMb() {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}
