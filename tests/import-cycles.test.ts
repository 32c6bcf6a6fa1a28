import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');

/** Every relative import and re-export of each module in src/, type-only ones included. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.ts')) {
        const text = fs.readFileSync(file, 'utf8');
        const targets = [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+['"](\.[^'"]+)['"]/gms)].map((m) =>
          path.resolve(path.dirname(file), m[1]!.replace(/\.js$/u, '.ts')),
        );
        graph.set(file, targets);
      }
    }
  };
  walk(src);
  return graph;
}

/** The cycles a depth-first walk meets, each as the modules on it. */
function cycles(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (n: string): void => {
    state.set(n, 'open');
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      if (state.get(m) === 'open') found.push(stack.slice(stack.indexOf(m)).map((f) => path.relative(src, f)));
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of graph.keys()) if (!state.has(n)) visit(n);
  return found;
}

describe('module structure', () => {
  it('src/ has no import cycle, type-only imports included', () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(50);
    // The graph is read: the pipeline's entry imports its stages.
    expect(graph.get(path.join(src, 'extract.ts'))).toContain(path.join(src, 'tables/assemble.ts'));
    expect(cycles(graph)).toEqual([]);
  });

  it('the walk finds a cycle when there is one', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles(graph).map((c) => c.length)).toEqual([3]);
  });

  it('the vocabulary is a leaf: it imports nothing', () => {
    expect(importGraph().get(path.join(src, 'kinds/vocabulary.ts'))).toEqual([]);
  });
});
