/** Start the server: configuration → engines → app → listen; graceful shutdown on SIGTERM/SIGINT. */
import { serve } from '@hono/node-server';
import { loadConfig } from './config.js';
import { createApp } from './server/app.js';
import { loadEngines } from './pipeline/recognise/engines.js';

const config = loadConfig();
const { engines, defaultEngine } = await loadEngines(config);
const app = createApp({ config, engines, defaultEngine });
const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  console.log(JSON.stringify({ level: 'info', msg: 'listening', port: info.port, engines: [...engines.keys()], defaultEngine }));
});

function shutdown(signal: string) {
  console.log(JSON.stringify({ level: 'info', msg: 'shutting down', signal }));
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
