/**
 * Safe defaults, as Redis's protected mode: with no API keys the service
 * listens on loopback only; binding another address without keys needs
 * `ALLOW_UNAUTHENTICATED=1` and is then announced loudly at every start.
 */
import type { Config } from './config.js';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|\[::1\]|localhost)$/i;

export const isLoopback = (host: string) => LOOPBACK.test(host.trim());

export interface Exposure {
  /** refuse to start, with this message */
  refuse?: string;
  /** start, but say this loudly */
  warn?: string;
}

export function checkExposure(config: Pick<Config, 'HOST' | 'API_KEYS_FILE' | 'ALLOW_UNAUTHENTICATED'>): Exposure {
  if (config.API_KEYS_FILE || isLoopback(config.HOST)) return {};
  const open = `HOST=${config.HOST} with no API_KEYS_FILE: anyone who can reach the port can extract, store, delete articles, change the dictionary and export every mention`;
  if (!config.ALLOW_UNAUTHENTICATED) {
    return { refuse: `refusing to start: ${open}. Configure API keys (API_KEYS_FILE), listen on loopback (HOST=127.0.0.1), or set ALLOW_UNAUTHENTICATED=1 to accept this.` };
  }
  return { warn: `WARNING: ${open} (ALLOW_UNAUTHENTICATED=1).` };
}
