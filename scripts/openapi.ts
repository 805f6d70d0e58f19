/** Write the service's OpenAPI document (as GET /openapi.json serves it) to a file or stdout: `tsx scripts/openapi.ts [out.json]`. */
import { writeFileSync } from 'node:fs';
import { createApp } from '../src/server/app.js';
import type { Extractor } from '../src/service/extractor.js';

const app = createApp({ config: { MAX_BODY_BYTES: 1, MAX_TEXT_CHARS: 1 }, extractor: {} as Extractor, store: null });
const doc = JSON.stringify(await (await app.request('/openapi.json')).json(), null, 2) + '\n';
if (process.argv[2]) writeFileSync(process.argv[2], doc);
else process.stdout.write(doc);
