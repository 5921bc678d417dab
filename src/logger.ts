/**
 * The service logger (pino). Readable lines in a terminal, JSON lines when stdout is not a terminal or when
 * LOG_FORMAT=json (log collectors). Secrets are redacted by path and never logged.
 */
import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

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

export type LogFormat = 'pretty' | 'json';

export interface LoggerOptions {
  level?: string;
  name?: string;
  /** Default: pretty when `destination` is a terminal, json otherwise. */
  format?: LogFormat;
  /** Where lines go (default stdout). */
  destination?: NodeJS.WritableStream & { isTTY?: boolean };
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const destination = options.destination ?? process.stdout;
  const format = options.format ?? (destination.isTTY ? 'pretty' : 'json');
  const settings = {
    name: options.name ?? 'finconsole',
    level: options.level ?? 'info',
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  };
  if (format === 'json') return pino(settings, destination);
  return pino(
    settings,
    pretty({
      destination,
      sync: true,
      colorize: Boolean(destination.isTTY),
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,name',
    }),
  );
}
