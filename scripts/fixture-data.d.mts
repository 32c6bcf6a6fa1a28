// Types for scripts/fixture-data.mjs (used by tests/fixtures.test.ts).

export interface FixtureCell {
  /** The logical text of the cell. */
  t: string;
  rs?: number;
  cs?: number;
  /** How the text is drawn, line by line (explicit wrapping). */
  lines?: string[];
  align?: 'left' | 'right' | 'center';
}

/** A slot: text, a cell object, or null when covered by a merged cell above or to the left. */
export type FixtureSlot = string | FixtureCell | null;

export interface FixtureTable {
  kind: string;
  title: string;
  label: string;
  unit: string;
  cols: { w: number; align: 'left' | 'right' | 'center'; num?: boolean }[];
  header: FixtureSlot[][];
  body: FixtureSlot[][];
  empty?: boolean;
}

export interface FixtureProject {
  name: string;
  amount: number;
  goal: string;
  indicators: string[][];
}

export function money(cents: number, opts?: { blank?: boolean }): string;
export function subjectTree(
  leaves: { code: string; name: string; v: number[] }[],
  parents: Record<string, string>,
): { rows: { code: string; level: 1 | 2 | 3; name: string; v: number[] }[]; total: number[] };

export const fillRulings: FixtureTable;
export const strokeRulings: FixtureTable;
export const wrappedCells: FixtureTable;
export const longTable: FixtureTable;
export const performanceTable: FixtureTable;
export const performanceSplitProject: number;
export const performanceProjects: FixtureProject[];
export const borderlessTable: FixtureTable;
export const emptyFundTable: FixtureTable;
export const stateCapitalTable: FixtureTable;
export const fiscalSummaryTable: FixtureTable;
export const sampleDepartment: string;
export const sampleYear: number;
export const sampleSummaryTable: FixtureTable;
export const sampleIncomeTable: FixtureTable;
export const sampleExpenditureTable: FixtureTable;
export const sampleThreePublicTable: FixtureTable;
