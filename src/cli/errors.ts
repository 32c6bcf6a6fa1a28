/**
 * The command line's errors and exit codes, in one leaf module (it imports nothing) that every command uses.
 *
 * Exit codes: `OK` every input read (a document with no budget tables is read: it gets a warning and `tables: []`);
 * `INPUT` some input refused or failed; `USAGE` the command line is wrong; `CHECKS` with --strict, every input
 * read but some document's consistency checks failed; `INTERRUPTED` (128 + SIGINT) the run was stopped by Ctrl-C.
 */
export const EXIT = { OK: 0, INPUT: 1, USAGE: 2, CHECKS: 3, INTERRUPTED: 130 } as const;

/** A command line that cannot be run: exit code `EXIT.USAGE`. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * An output the command line names that cannot be written (a file where a folder is needed, a folder where a file
 * is, a folder not writable): found before anything is read, exit `EXIT.USAGE`, one line without "(see --help)".
 */
export class OutputError extends Error {
  override name = 'OutputError';
}
