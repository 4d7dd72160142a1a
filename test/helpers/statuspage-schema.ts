/** The JSON Schema of the Statuspage v2 documents (test/fixtures/statuspage-v2.schema.json), compiled once with ajv. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { ROOT } from './fixtures.ts';

// ajv-formats is CommonJS: its function is the default export under Node's ESM loader.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const schema = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/statuspage-v2.schema.json'), 'utf8')) as { $id: string };
const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);
ajv.addSchema(schema);

/** The validator of one document, by its path below /api/v2/ ("summary.json", "incidents/unresolved.json"). */
export function statuspageValidator(path: string): ValidateFunction {
  const validate = ajv.getSchema(`${schema.$id}#/$defs/${path.replace('/', '~1')}`);
  if (!validate) throw new Error(`the Statuspage schema has no document ${path}`);
  return validate;
}
