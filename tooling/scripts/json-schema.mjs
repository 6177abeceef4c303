// Writes the JSON Schemas of the public file formats (z.toJSONSchema) to
// docs/schema/, as a docs artifact. Reads the built packages.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as z from 'zod';

const out = new URL('../../docs/schema/', import.meta.url);
mkdirSync(out, { recursive: true });
const schemas = [['questionnaire', '@edu-quality/questionnaire', 'QuestionnaireSchema']];
for (const [file, pkg, name] of schemas) {
  const mod = await import(pkg);
  const schema = z.toJSONSchema(mod[name], { io: 'output', unrepresentable: 'any' });
  writeFileSync(new URL(`${file}.schema.json`, out), JSON.stringify(schema, null, 2) + '\n');
  console.error(`docs/schema/${file}.schema.json`);
}
