export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 × m2 in PDF's row-vector convention: apply m1 first, then m2. */
export function multiply(m1: readonly number[], m2: readonly number[]): Matrix {
  const [a, b, c, d, e, f] = m1 as Matrix;
  const [A, B, C, D, E, F] = m2 as Matrix;
  return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F];
}

export function apply(m: readonly number[], x: number, y: number): [number, number] {
  return [m[0]! * x + m[2]! * y + m[4]!, m[1]! * x + m[3]! * y + m[5]!];
}
