import { readFileSync } from 'node:fs';
import type { Command } from 'commander';

let cached: string | undefined;

/** The version in package.json (read once; dist/cli/ and src/cli/ are both two folders below it). */
export function packageVersion(): string {
  if (cached === undefined) {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: unknown;
    };
    cached = typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  }
  return cached;
}

/** `-V, --version` on a command: prints the package version, exit 0. */
export function withVersion(cmd: Command): Command {
  return cmd.version(packageVersion(), '-V, --version', 'print the version and exit');
}

/**
 * Where commander writes: help on stdout, errors on stderr. Commander lays out help to the terminal's width (80
 * columns when not a terminal); its error lines are written whole, never wrapped or cut.
 */
export const COMMANDER_OUTPUT = {
  writeErr: (s: string) => process.stderr.write(s),
  writeOut: (s: string) => process.stdout.write(s),
};
