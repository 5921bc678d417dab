/**
 * The credit platform's three scheduled jobs (TOTVS seed: RSKJOBDATA, the daily financial reconciliation,
 * RSKJOBCOMMAND): what each is called, how often it runs, and when it runs next.
 */
export const platformJobIds = ['supplier-sync', 'supplier-reconciliation', 'supplier-commands'] as const;
export type PlatformJobId = (typeof platformJobIds)[number];

export interface PlatformJobSpec {
  label: string;
  /** The schedule in words, as the console shows it. */
  schedule: string;
  /** Every N minutes, or once a day at this São Paulo hour. */
  every: { minutes: number } | { dailyAtHour: number };
}

export const PLATFORM_JOBS: Readonly<Record<PlatformJobId, PlatformJobSpec>> = {
  'supplier-sync': {
    label: 'Envio de dados à plataforma (clientes alterados desde o último envio)',
    schedule: 'a cada 15 minutos',
    every: { minutes: 15 },
  },
  'supplier-reconciliation': {
    label: 'Conciliação financeira diária',
    schedule: 'diariamente às 06:00',
    every: { dailyAtHour: 6 },
  },
  'supplier-commands': {
    label: 'Comandos da plataforma (respostas de análises de crédito)',
    schedule: 'a cada 5 minutos',
    every: { minutes: 5 },
  },
};

/** São Paulo has no daylight saving since 2019: UTC−3 all year. */
const SAO_PAULO_OFFSET_HOURS = -3;

export function nextRunAfter(job: PlatformJobId, after: Date): Date {
  const every = PLATFORM_JOBS[job].every;
  if ('minutes' in every) return new Date(after.getTime() + every.minutes * 60_000);
  const next = new Date(after);
  next.setUTCHours(every.dailyAtHour - SAO_PAULO_OFFSET_HOURS, 0, 0, 0);
  if (next <= after) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

export function isPlatformJob(value: string): value is PlatformJobId {
  return (platformJobIds as readonly string[]).includes(value);
}
