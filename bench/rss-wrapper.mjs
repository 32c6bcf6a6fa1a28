// Runs the CLI in this process and reports its peak RSS on stderr (used by bench/run.mjs when /usr/bin/time is absent).
// Worker threads live in this process, so the figure covers them.
const [, , cli, ...rest] = process.argv;
process.argv = [process.argv[0], cli, ...rest];
process.on('exit', () => process.stderr.write(`maxRSS_KB=${process.resourceUsage().maxRSS}\n`));
await import(new URL(`file://${cli}`).href);
