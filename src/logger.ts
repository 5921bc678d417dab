/** The service logger (pino, JSON lines). Secrets are redacted by path and never logged. */
import { pino, type Logger } from 'pino';

export type { Logger };

/** Paths pino replaces with "[redacted]": auth headers, cookies, passwords, tokens, keys, connection strings. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
  'password',
  'token',
  'databaseUrl',
  'secret',
  'clientSecret',
  '*.password',
  '*.passwordHash',
  '*.token',
  '*.tokenHash',
  '*.secret',
  '*.clientSecret',
  '*.databaseUrl',
  '*.connectionString',
];

export function createLogger(options: { level?: string; name?: string } = {}): Logger {
  return pino({
    name: options.name ?? 'finconsole',
    level: options.level ?? 'info',
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  });
}
