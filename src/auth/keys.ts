/**
 * API keys, hashed at rest. The key file (API_KEYS_FILE) is JSON:
 *   [{"id": "pipeline-1", "sha256": "<hex of sha256(key)>", "scopes": ["read", "write"], "rate_per_minute": 600}]
 * It is re-read when it changes (checked at most once a second), so keys
 * rotate without a restart. `npx tsx src/auth/keys.ts new <id> read,write`
 * prints a new key and the entry to add.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';

export const SCOPES = ['read', 'write', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

const KeyEntry = z.object({
  id: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  scopes: z.array(z.enum(SCOPES)).min(1),
  rate_per_minute: z.number().int().positive().optional(),
  disabled: z.boolean().optional(),
});
export type KeyEntry = z.infer<typeof KeyEntry>;

export const hashKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

export class KeyStore {
  private entries: KeyEntry[] = [];
  private mtimeMs = -1;
  private checkedAt = 0;

  constructor(private readonly file: string) {
    this.reload(true);
  }

  /** Re-read the file if it changed; a broken file keeps the previous keys (and is logged by the caller). */
  reload(force = false): void {
    const now = Date.now();
    if (!force && now - this.checkedAt < 1000) return;
    this.checkedAt = now;
    const mtime = statSync(this.file).mtimeMs;
    if (!force && mtime === this.mtimeMs) return;
    const parsed = z.array(KeyEntry).parse(JSON.parse(readFileSync(this.file, 'utf8')));
    this.entries = parsed;
    this.mtimeMs = mtime;
  }

  /** The entry for a presented key, or null. Constant-time comparison of hashes. */
  find(key: string): KeyEntry | null {
    try {
      this.reload();
    } catch {
      // keep serving with the last good keys
    }
    const h = Buffer.from(hashKey(key), 'hex');
    for (const e of this.entries) {
      if (!e.disabled && timingSafeEqual(h, Buffer.from(e.sha256, 'hex'))) return e;
    }
    return null;
  }
}

export function newKey(): string {
  return `zk_${randomBytes(24).toString('base64url')}`;
}

if (process.argv[1]?.endsWith('keys.ts') && process.argv[2] === 'new') {
  const key = newKey();
  const scopes = (process.argv[4] ?? 'read').split(',');
  console.log(`key (give to the client, not stored): ${key}`);
  console.log(JSON.stringify({ id: process.argv[3] ?? 'client', sha256: hashKey(key), scopes }));
}
