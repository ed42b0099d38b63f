// Writes docs/framework.schema.json from the zod schema of framework files (npm run framework:schema).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { frameworkJsonSchema } from '../src/server/frameworks/json-schema';

const root = path.resolve(import.meta.dirname, '..');
const target = path.join(root, 'docs', 'framework.schema.json');
fs.writeFileSync(target, `${JSON.stringify(frameworkJsonSchema(), null, 2)}\n`);
// Formatted as `npm run check` expects, so that regenerating leaves nothing to fix.
execFileSync(path.join(root, 'node_modules', '.bin', 'biome'), ['format', '--write', target], {
  stdio: 'ignore',
});
console.log(`Đã ghi ${path.relative(root, target)}.`);
