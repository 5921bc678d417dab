/** Service configuration from environment variables, validated with zod (messages in pt-BR name the variable). */
import { z } from 'zod';

const emptyAsUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const booleanFlag = z.preprocess(
  emptyAsUndefined,
  z
    .enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no', 'sim', 'não', 'nao'], {
      error: 'use 1/0, true/false ou on/off',
    })
    .default('1')
    .transform((value) => ['1', 'true', 'on', 'yes', 'sim'].includes(value)),
);

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const logFormats = ['pretty', 'json'] as const;

const positiveInt = (fallback: number, min: number, max: number) =>
  z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: 'deve ser um número' })
      .int({ error: 'deve ser um número inteiro' })
      .min(min, { error: `deve estar entre ${min} e ${max}` })
      .max(max, { error: `deve estar entre ${min} e ${max}` })
      .default(fallback),
  );

export const configSchema = z.object({
  PORT: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: 'deve ser um número de porta' })
      .int({ error: 'deve ser um número inteiro' })
      .min(0, { error: 'deve estar entre 0 e 65535' })
      .max(65535, { error: 'deve estar entre 0 e 65535' })
      .default(3000),
  ),
  /** Unset: 127.0.0.1 for `start` (demo logins are printed), 0.0.0.0 for `serve` (see defaultHost). */
  HOST: z.preprocess(emptyAsUndefined, z.string().optional()),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, { error: 'deve começar com postgres:// ou postgresql://' })
      .optional(),
  ),
  FINCONSOLE_DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('./data')),
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z.enum(logLevels, { error: `use um de: ${logLevels.join(', ')}` }).default('info'),
  ),
  /** Unset: readable lines when stdout is a terminal, JSON lines otherwise. */
  LOG_FORMAT: z.preprocess(
    emptyAsUndefined,
    z.enum(logFormats, { error: `use um de: ${logFormats.join(', ')}` }).optional(),
  ),
  /** In-process job worker for `serve` (default on). */
  FINCONSOLE_WORKER: booleanFlag,
  /** Platform emulators under /emulators/… in demo mode (default on). */
  FINCONSOLE_EMULATORS: booleanFlag,
  /** Registrations (platform calls) running at once in each worker process. */
  FINCONSOLE_JOB_CONCURRENCY: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: 'deve ser um número inteiro de 1 a 64' })
      .int({ error: 'deve ser um número inteiro de 1 a 64' })
      .min(1, { error: 'deve ser um número inteiro de 1 a 64' })
      .max(64, { error: 'deve ser um número inteiro de 1 a 64' })
      .default(4),
  ),
  /** Key that encrypts platform secrets (64 hex digits); default: a key file in the data directory. */
  FINCONSOLE_SECRET_KEY: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, { error: 'use 64 dígitos hexadecimais (32 bytes)' })
      .optional(),
  ),
  /** Where platforms reach this service (webhook URLs); default the address it listens on. */
  FINCONSOLE_PUBLIC_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^https?:\/\/[^/]+$/, { error: 'use http(s)://host[:porta], sem barra no fim' })
      .optional(),
  ),
  /** Connections each process opens to PostgreSQL (API and worker alike). */
  DATABASE_POOL_SIZE: positiveInt(10, 1, 500),
  /** How long a request waits for a free connection before failing (ms). */
  DATABASE_POOL_WAIT_MS: positiveInt(10_000, 100, 600_000),
  /** PostgreSQL statement_timeout of this service's connections (ms; 0 = none). */
  DATABASE_STATEMENT_TIMEOUT_MS: positiveInt(60_000, 0, 3_600_000),
  /** Answer 503 when a request has no answer after this long (ms; 0 = never). */
  FINCONSOLE_REQUEST_TIMEOUT_MS: positiveInt(30_000, 0, 3_600_000),
  /** ERP API, per token and API process: sustained requests per second, burst, running at once, waiting. */
  FINCONSOLE_TOKEN_RATE: positiveInt(50, 1, 100_000),
  FINCONSOLE_TOKEN_BURST: positiveInt(100, 1, 100_000),
  FINCONSOLE_TOKEN_CONCURRENCY: positiveInt(4, 1, 1000),
  FINCONSOLE_TOKEN_QUEUE: positiveInt(100, 0, 100_000),
  /** Seconds a job may stay active before a dead worker's job is retried (pg-boss expireInSeconds). */
  FINCONSOLE_JOB_EXPIRE_SECONDS: positiveInt(30, 5, 86_400),
  /** Where notification e-mails go out: smtp://[user:pass@]host[:port] or smtps://…; unset: no e-mail is sent. */
  SMTP_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^smtps?:\/\/[^/]+\/?$/, { error: 'use smtp(s)://[usuário:senha@]host[:porta]' })
      .optional(),
  ),
  /** The sender of notification e-mails. */
  SMTP_FROM: z.preprocess(emptyAsUndefined, z.string().email({ error: 'use um e-mail' }).optional()),
});

export interface Config {
  port: number;
  host: string | undefined;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: (typeof logLevels)[number];
  logFormat: (typeof logFormats)[number] | undefined;
  worker: boolean;
  emulators: boolean;
  jobConcurrency: number;
  secretKey: string | undefined;
  publicUrl: string | undefined;
  pool: { size: number; waitMs: number; statementTimeoutMs: number };
  requestTimeoutMs: number;
  tokenLimits: { ratePerSecond: number; burst: number; concurrency: number; queue: number };
  jobExpireSeconds: number;
  smtpUrl: string | undefined;
  smtpFrom: string | undefined;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`configuração inválida — ${problems.join('; ')}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    dataDir: c.FINCONSOLE_DATA_DIR,
    logLevel: c.LOG_LEVEL,
    logFormat: c.LOG_FORMAT,
    worker: c.FINCONSOLE_WORKER,
    emulators: c.FINCONSOLE_EMULATORS,
    jobConcurrency: c.FINCONSOLE_JOB_CONCURRENCY,
    secretKey: c.FINCONSOLE_SECRET_KEY,
    publicUrl: c.FINCONSOLE_PUBLIC_URL,
    pool: {
      size: c.DATABASE_POOL_SIZE,
      waitMs: c.DATABASE_POOL_WAIT_MS,
      statementTimeoutMs: c.DATABASE_STATEMENT_TIMEOUT_MS,
    },
    requestTimeoutMs: c.FINCONSOLE_REQUEST_TIMEOUT_MS,
    tokenLimits: {
      ratePerSecond: c.FINCONSOLE_TOKEN_RATE,
      burst: c.FINCONSOLE_TOKEN_BURST,
      concurrency: c.FINCONSOLE_TOKEN_CONCURRENCY,
      queue: c.FINCONSOLE_TOKEN_QUEUE,
    },
    jobExpireSeconds: c.FINCONSOLE_JOB_EXPIRE_SECONDS,
    smtpUrl: c.SMTP_URL,
    smtpFrom: c.SMTP_FROM,
  };
}

/** The PostgreSQL pool settings of openStore from the configuration. */
export function poolOptions(config: Config) {
  return {
    poolSize: config.pool.size,
    poolWaitMs: config.pool.waitMs,
    statementTimeoutMs: config.pool.statementTimeoutMs,
  };
}

/** A database URL safe to print: the password replaced by ***. */
export function maskDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://***';
  }
}

/**
 * The address to listen on when HOST is unset: the demo (`start`, which prints its logins) only on this machine;
 * a server (`serve`) on every interface, as a container or a service behind a proxy expects.
 */
export function defaultHost(demo: boolean): string {
  return demo ? '127.0.0.1' : '0.0.0.0';
}
