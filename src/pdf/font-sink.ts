/**
 * A stand-in for the DOM `document` that pdf.js installs a document's fonts into (its `ownerDocument` option). The
 * reader never draws text, so the `@font-face` rules pdf.js writes are dropped here.
 *
 * Why: on Node pdf.js defaults to `disableFontFace: true`, and with it `getOperatorList` compiles every glyph shown
 * into an outline for canvas drawing, keeping each embedded font fully parsed until the document is closed. On the
 * corpus that is about half of `getOperatorList`'s time and, for documents that embed fonts page by page, most of the
 * memory (yt-01: 369 → 183 MB). With `disableFontFace: false` pdf.js instead hands each font to this document
 * once, as a style rule, and builds no outlines. Text content and operators are the same either way.
 */
export interface DroppedStyle {
  sheet: { cssRules: { length: number }; insertRule(rule: string, index?: number): number };
  remove(): void;
}

const droppedStyle: DroppedStyle = {
  sheet: { cssRules: { length: 0 }, insertRule: () => 0 },
  remove: () => undefined,
};

/** Just what pdf.js's FontLoader touches: `createElement('style')`, `<head>.append`, `sheet.insertRule`, `remove`. */
export const fontSinkDocument = Object.freeze({
  createElement: (_tag: string): DroppedStyle => droppedStyle,
  documentElement: { getElementsByTagName: (_tag: string) => [{ append: (_el: unknown) => undefined }] },
});
