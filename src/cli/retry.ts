/** Honouring a server's Retry-After when the CLI retries a 429 or 503. */
/** Milliseconds to wait from a Retry-After header (delay-seconds or an HTTP date), at most a minute; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const secs = Number(header.trim());
  const ms = Number.isFinite(secs) ? secs * 1000 : Date.parse(header) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), 60_000) : null;
}
