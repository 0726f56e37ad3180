import { pino, type Logger } from 'pino';
import { maskDeep, maskText } from './mask.ts';

export type { Logger };

/** Structured JSON logs with personal data masked in every field and message. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'motcua' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      log: (obj) => maskDeep(obj) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        const masked = args.map((a) => (typeof a === 'string' ? maskText(a) : a)) as Parameters<typeof method>;
        method.apply(this, masked);
      },
    },
    serializers: {
      req: (req: { method?: string; url?: string; originalUrl?: string; id?: string }) => ({
        method: req.method,
        url: maskText(String(req.url ?? req.originalUrl ?? '')),
        id: req.id,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  });
}
