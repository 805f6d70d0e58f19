/** Structured JSON logs (pino). */
import { pino } from 'pino';

export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
  base: { service: 'zh-news-ner' },
  timestamp: pino.stdTimeFunctions.isoTime,
});
export type Logger = typeof logger;
