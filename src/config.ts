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
  /** Where notification e-mails go out: smtp://[user:pass@]host[:port] or smtps://…; unset: no e-mail is sent. */
  SMTP_URL: z.preprocess(
    emptyAsUndefined,
    z.string().regex(/^smtps?:\/\/[^/]+\/?$/, { error: 'use smtp(s)://[usuário:senha@]host[:porta]' }).optional(),
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
  secretKey: string | undefined;
  publicUrl: string | undefined;
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
    secretKey: c.FINCONSOLE_SECRET_KEY,
    publicUrl: c.FINCONSOLE_PUBLIC_URL,
    smtpUrl: c.SMTP_URL,
    smtpFrom: c.SMTP_FROM,
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
