// Writes schemas/<kind>.schema.json from the zod record schemas (run after `npm run build`: `npm run schemas`).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { documentJsonSchema } from '../dist/records/document-schema.js';
import { recordJsonSchemas } from '../dist/records/json-schema.js';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'schemas');
fs.mkdirSync(dir, { recursive: true });
for (const [kind, schema] of Object.entries(recordJsonSchemas())) {
  fs.writeFileSync(path.join(dir, `${kind}.schema.json`), `${JSON.stringify(schema, null, 2)}\n`);
}
fs.writeFileSync(path.join(dir, 'document.schema.json'), `${JSON.stringify(documentJsonSchema(), null, 2)}\n`);
console.log(`wrote ${Object.keys(recordJsonSchemas()).length} record schemas and the document schema to ${dir}`);
