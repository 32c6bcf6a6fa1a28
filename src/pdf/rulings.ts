import { DEFAULT_SETTINGS, type RulingSettings } from '../settings.js';
import type { Ruling } from '../types.js';
import { apply, IDENTITY, multiply, type Matrix } from './matrix.js';
import { pdfjs } from './open.js';

const OPS = pdfjs.OPS;

interface GraphicsState {
  ctm: Matrix;
  fillWhite: boolean;
  strokeWhite: boolean;
}

type Point = [number, number];

/**
 * Walks a page's operator list and returns its horizontal and vertical rulings in page space (after `toPage`,
 * the viewport transform): stroked lines and rectangle edges, and thin filled rectangles — WPS and Word draw
 * every grid line as a filled rectangle.
 */
export function extractRulings(
  fnArray: number[],
  argsArray: unknown[][],
  toPage: Matrix,
  settings: RulingSettings = DEFAULT_SETTINGS.rulings,
): Ruling[] {
  const rulings: Ruling[] = [];
  const stack: GraphicsState[] = [];
  let state: GraphicsState = { ctm: IDENTITY, fillWhite: false, strokeWhite: false };
  let subpaths: Point[][] = [];
  let rects: [number, number, number, number][] = [];

  const flush = (stroke: boolean, fill: boolean): void => {
    const m = multiply(state.ctm, toPage);
    if (fill && !state.fillWhite) {
      for (const r of rects) addFilledBox(rulings, corners(m, r), settings);
      for (const sp of subpaths)
        if (sp.length >= 4)
          addFilledBox(
            rulings,
            sp.map(([x, y]) => apply(m, x, y)),
            settings,
          );
    }
    if (stroke && !state.strokeWhite) {
      for (const r of rects) {
        const c = corners(m, r);
        for (let i = 0; i < 4; i++) addSegment(rulings, c[i]!, c[(i + 1) % 4]!, settings);
      }
      for (const sp of subpaths) {
        const pts = sp.map(([x, y]) => apply(m, x, y));
        for (let i = 0; i + 1 < pts.length; i++) addSegment(rulings, pts[i]!, pts[i + 1]!, settings);
      }
    }
    subpaths = [];
    rects = [];
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] ?? [];
    switch (fn) {
      case OPS.save:
        stack.push(state);
        state = { ...state };
        break;
      case OPS.restore:
        state = stack.pop() ?? state;
        break;
      case OPS.transform:
        state = { ...state, ctm: multiply(args as number[], state.ctm) };
        break;
      case OPS.paintFormXObjectBegin:
        stack.push(state);
        if (Array.isArray(args[0])) state = { ...state, ctm: multiply(args[0] as number[], state.ctm) };
        break;
      case OPS.paintFormXObjectEnd:
        state = stack.pop() ?? state;
        break;
      case OPS.setFillRGBColor:
        state = { ...state, fillWhite: isWhite(args, settings.whiteFrom) };
        break;
      case OPS.setStrokeRGBColor:
        state = { ...state, strokeWhite: isWhite(args, settings.whiteFrom) };
        break;
      case OPS.constructPath:
        readPath(args[0] as number[], args[1] as number[], subpaths, rects);
        break;
      case OPS.stroke:
      case OPS.closeStroke:
        flush(true, false);
        break;
      case OPS.fill:
      case OPS.eoFill:
        flush(false, true);
        break;
      case OPS.fillStroke:
      case OPS.eoFillStroke:
      case OPS.closeFillStroke:
      case OPS.closeEOFillStroke:
        flush(true, true);
        break;
      case OPS.endPath:
        subpaths = [];
        rects = [];
        break;
      default:
        break;
    }
  }
  return rulings;
}

function isWhite(args: unknown[], from: number): boolean {
  const [r, g, b] = (
    args.length === 1 && ArrayBuffer.isView(args[0]) ? Array.from(args[0] as Uint8Array) : args
  ) as number[];
  return (r ?? 0) >= from && (g ?? 0) >= from && (b ?? 0) >= from;
}

function readPath(
  ops: number[],
  coords: number[],
  subpaths: Point[][],
  rects: [number, number, number, number][],
): void {
  let k = 0;
  let current: Point[] | null = null;
  for (const op of ops) {
    switch (op) {
      case OPS.rectangle:
        rects.push([coords[k]!, coords[k + 1]!, coords[k + 2]!, coords[k + 3]!]);
        k += 4;
        current = null;
        break;
      case OPS.moveTo:
        current = [[coords[k]!, coords[k + 1]!]];
        subpaths.push(current);
        k += 2;
        break;
      case OPS.lineTo:
        if (!current) {
          current = [];
          subpaths.push(current);
        }
        current.push([coords[k]!, coords[k + 1]!]);
        k += 2;
        break;
      case OPS.curveTo:
        k += 6;
        current = null;
        break;
      case OPS.curveTo2:
      case OPS.curveTo3:
        k += 4;
        current = null;
        break;
      case OPS.closePath:
        if (current && current.length > 1) current.push(current[0]!);
        break;
      default:
        break;
    }
  }
}

function corners(m: Matrix, [x, y, w, h]: [number, number, number, number]): Point[] {
  return [apply(m, x, y), apply(m, x + w, y), apply(m, x + w, y + h), apply(m, x, y + h)];
}

/** A filled axis-aligned box becomes a ruling along its long side when it is thin enough. */
function addFilledBox(
  rulings: Ruling[],
  pts: Point[],
  { onBorder: slack, maxRuleThickness, minRuleLength }: RulingSettings,
): void {
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const x0 = Math.min(...xs),
    x1 = Math.max(...xs),
    y0 = Math.min(...ys),
    y1 = Math.max(...ys);
  // Only boxes: every point on the bounding box's border.
  const near = (a: number, b: number): boolean => Math.abs(a - b) < slack;
  const onBorder = pts.every(([x, y]) => near(x, x0) || near(x, x1) || near(y, y0) || near(y, y1));
  if (!onBorder) return;
  const w = x1 - x0,
    h = y1 - y0;
  if (h <= maxRuleThickness && w >= minRuleLength && w > h) {
    const y = (y0 + y1) / 2;
    rulings.push({ x0, x1, y0: y, y1: y, source: 'fill' });
  } else if (w <= maxRuleThickness && h >= minRuleLength && h > w) {
    const x = (x0 + x1) / 2;
    rulings.push({ x0: x, x1: x, y0, y1, source: 'fill' });
  }
}

function addSegment(rulings: Ruling[], a: Point, b: Point, { straightSlack, minRuleLength }: RulingSettings): void {
  const dx = Math.abs(a[0] - b[0]),
    dy = Math.abs(a[1] - b[1]);
  if (dy <= straightSlack && dx >= minRuleLength) {
    const y = (a[1] + b[1]) / 2;
    rulings.push({ x0: Math.min(a[0], b[0]), x1: Math.max(a[0], b[0]), y0: y, y1: y, source: 'stroke' });
  } else if (dx <= straightSlack && dy >= minRuleLength) {
    const x = (a[0] + b[0]) / 2;
    rulings.push({ x0: x, x1: x, y0: Math.min(a[1], b[1]), y1: Math.max(a[1], b[1]), source: 'stroke' });
  }
}
