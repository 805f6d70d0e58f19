/** An app over the real engines, loaded once per test file. */
import { createApp } from '../../src/server/app.js';
import { loadEngines } from '../../src/pipeline/recognise/engines/registry.js';
import { inProcessExtractor } from '../../src/service/extractor.js';

export async function testApp(overrides: { MAX_BODY_BYTES?: number; MAX_TEXT_CHARS?: number; ENGINE?: string } = {}) {
  const { engines, defaultEngine } = await loadEngines({ ENGINE: overrides.ENGINE ?? 'model' });
  const config = { MAX_BODY_BYTES: overrides.MAX_BODY_BYTES ?? 5 * 1024 * 1024, MAX_TEXT_CHARS: overrides.MAX_TEXT_CHARS ?? 1_000_000 };
  const extractor = inProcessExtractor(engines, { limits: config, engine: defaultEngine });
  const app = createApp({ config, extractor });
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body),
    });
  return { app, post, engines, defaultEngine, extractor };
}
