/**
 * The service logger (pino). Readable lines in a terminal, JSON lines when stdout is not a terminal or when
 * LOG_FORMAT=json (log collectors). Secrets are redacted by path and never logged; logged errors lose their SQL
 * parameters and personal data (maskedError).
 */
import { pino, stdSerializers, type Logger } from 'pino';
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

/**
 * Personal data out of log text: e-mails, CPF/CNPJ (formatted or not, alphanumeric CNPJ included), the parameter
 * list drizzle appends to a failed query's message, and the row values PostgreSQL quotes in constraint errors
 * ("Key (document)=(…)", "Failing row contains (…)"), which carry names and documents.
 */
export function maskPersonalData(text: string): string {
  return text
    .replace(/\nparams: [\s\S]*?(?=\n\s+at |$)/g, '\nparams: [omitidos]')
    .replace(/Failing row contains \([\s\S]*?\)\.?(?=\n|$)/g, 'Failing row contains ([omitida]).')
    .replace(/\)=\([^)]*\)/g, ')=([omitido])')
    .replace(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '[e-mail]')
    .replace(/\b[0-9A-Z]{2}\.?[0-9A-Z]{3}\.?[0-9A-Z]{3}\/?[0-9A-Z]{4}-?\d{2}\b/g, '[documento]')
    .replace(/\b\d{3}\.?\d{3}\.?\d{3}-?\d{2}\b/g, '[documento]');
}

type SerializedError = Record<string, unknown> & { cause?: unknown };

/** pino's error serializer, with SQL parameters dropped and personal data masked (message, stack, detail, cause). */
export function maskedError(error: unknown): unknown {
  const serialized = stdSerializers.err(error as Error) as unknown as SerializedError;
  if (!serialized || typeof serialized !== 'object') return serialized;
  const out: SerializedError = { ...serialized };
  for (const key of ['message', 'stack', 'detail', 'where', 'hint']) {
    if (typeof out[key] === 'string') out[key] = maskPersonalData(out[key]);
  }
  if (Array.isArray(out['params'])) out['params'] = `[${out['params'].length} parâmetros omitidos]`;
  if (out.cause && typeof out.cause === 'object') out.cause = maskedError(out.cause);
  return out;
}

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
    serializers: { err: maskedError },
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
