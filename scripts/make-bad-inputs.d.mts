export function randomBytes(n?: number, seed?: number): Buffer;
export function htmlPage(): Buffer;
export function truncated(name?: string, fraction?: number): Buffer;
export function textOnly(pages?: number, lines?: string[]): Promise<Buffer>;
export function manyPages(pages?: number): Promise<Buffer>;
export function unmappedFont(pages?: number): Promise<Buffer>;
export function brokenSet(n?: number): Promise<[name: string, bytes: Buffer][]>;
