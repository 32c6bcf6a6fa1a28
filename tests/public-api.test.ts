// The package as its users see it: the names it exports, a TypeScript consumer compiled against the built
// declarations (dist/, built by `npm test` before Vitest runs), and loading it from CommonJS.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SLOW = { timeout: 120_000 };

describe('public API', () => {
  it(
    'exports by name only what users need: extract, its errors, the check report formatter, the record schemas, the long and wide forms, workbooks',
    SLOW,
    async () => {
      const api = await import(path.join(ROOT, 'dist/index.js'));
      expect(Object.keys(api).sort()).toEqual(
        [
          'extract',
          'InputError',
          'formatCheckReport',
          'RECORD_SCHEMAS',
          'DEFAULT_SETTINGS',
          'TABLE_KINDS',
          'Amount',
          'AmountsSchema',
          'ClassCodeSchema',
          'IndicatorSchema',
          'LineItemRecord',
          'OverallPerformanceRecord',
          'ProcurementRecord',
          'ProjectPerformanceRecord',
          'SummaryRecord',
          'ThreePublicRecord',
          'LONG_COLUMNS',
          'longRows',
          'documentColumns',
          'headline',
          'WIDE_COLUMNS',
          'WIDE_KINDS',
          'wideRow',
          'documentWorkbook',
          'writeWorkbook',
        ].sort(),
      );
    },
  );

  it('a TypeScript consumer compiles against the built declarations (tests/consumer)', SLOW, () => {
    const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tests/consumer/tsconfig.json')], {
      encoding: 'utf8',
    });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('CommonJS: require() loads it where Node can require ES modules, else says to use import()', SLOW, () => {
    const script = `
      try {
        const { extract } = require('budget-extract');
        extract(${JSON.stringify(path.join(ROOT, 'fixtures/sample-budget.pdf'))}).then((d) => console.log('tables', d.tables.length));
      } catch (e) { console.log(e.code); }`;
    const out = execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }).trim();
    const canRequireEsm = (process.features as { require_module?: boolean }).require_module === true;
    expect(out).toBe(canRequireEsm ? 'tables 4' : 'ERR_REQUIRE_ESM');
  });
});
