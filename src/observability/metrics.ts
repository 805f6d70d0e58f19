/** Prometheus metrics shared by the service: one registry, named for what they measure. */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const httpRequests = new Counter({
  name: 'http_requests_total',
  help: 'HTTP requests by route, method and status',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [registry],
});

export const httpDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request latency by route',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

export const stepDuration = new Histogram({
  name: 'pipeline_step_duration_seconds',
  help: 'Time spent in each pipeline step (names = NER inference)',
  labelNames: ['step', 'engine'] as const,
  buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
  registers: [registry],
});

export const inFlight = new Gauge({
  name: 'http_requests_in_flight',
  help: 'Requests being processed by the extraction routes',
  registers: [registry],
});

export const rejected = new Counter({
  name: 'http_requests_rejected_total',
  help: 'Requests turned away before processing, by reason',
  labelNames: ['reason'] as const,
  registers: [registry],
});

/** What the gauges below read, set once the service has built its parts. */
export interface GaugeSources {
  queueDepth?: () => Promise<number>;
  extractionPending?: () => number;
  dbPool?: () => { total: number; idle: number; waiting: number };
}
const sources: GaugeSources = {};
export function setGaugeSources(s: GaugeSources): void {
  Object.assign(sources, s);
}

new Gauge({
  name: 'job_queue_depth',
  help: 'Articles waiting or being processed in the job queue',
  registers: [registry],
  async collect() {
    if (sources.queueDepth) this.set(await sources.queueDepth().catch(() => -1));
  },
});

new Gauge({
  name: 'extraction_pending',
  help: 'Extractions queued or running in the worker pool',
  registers: [registry],
  collect() {
    if (sources.extractionPending) this.set(sources.extractionPending());
  },
});

new Gauge({
  name: 'db_pool_connections',
  help: 'Database connection pool: total, idle and waiting clients (PostgreSQL)',
  labelNames: ['state'] as const,
  registers: [registry],
  collect() {
    const p = sources.dbPool?.();
    if (!p) return;
    this.set({ state: 'total' }, p.total);
    this.set({ state: 'idle' }, p.idle);
    this.set({ state: 'waiting' }, p.waiting);
  },
});
