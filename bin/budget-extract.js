#!/usr/bin/env node
import { main } from '../dist/cli/main.js';

const code = await main(process.argv);
// Interrupted (Ctrl-C): what was done is written and reported; a document still being read in this thread (a single
// input) is not waited for.
if (code === 130) process.exit(code);
process.exitCode = code;
