/** Safe defaults: loopback unless keys are configured or exposure is accepted explicitly; the server refuses to start open. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkExposure, isLoopback } from '../src/exposure.js';
import { loadConfig } from '../src/config.js';
import { ROOT } from '../src/paths.js';

describe('exposure', () => {
  it('listens on loopback by default', () => {
    expect(loadConfig({}).HOST).toBe('127.0.0.1');
    expect(checkExposure(loadConfig({}))).toEqual({});
  });

  it('refuses a public address without keys, warns when accepted, is quiet with keys', () => {
    expect(checkExposure(loadConfig({ HOST: '0.0.0.0' })).refuse).toMatch(/refusing to start.*ALLOW_UNAUTHENTICATED=1/);
    expect(checkExposure(loadConfig({ HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED: '1' })).warn).toMatch(/^WARNING: HOST=0.0.0.0 with no API_KEYS_FILE/);
    expect(checkExposure(loadConfig({ HOST: '0.0.0.0', API_KEYS_FILE: '/keys.json' }))).toEqual({});
    for (const h of ['127.0.0.1', '127.1.2.3', '::1', 'localhost']) expect(isLoopback(h)).toBe(true);
    for (const h of ['0.0.0.0', '::', '10.0.0.5', 'example.org']) expect(isLoopback(h)).toBe(false);
  });

  it('the server exits with a clear message instead of listening open to the network', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'main.ts')], {
      cwd: ROOT,
      env: { ...process.env, HOST: '0.0.0.0', PORT: '0', API_KEYS_FILE: '', ALLOW_UNAUTHENTICATED: '0', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('refusing to start');
  });
});
