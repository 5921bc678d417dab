/** Rotinas da plataforma de crédito: each job's schedule, last run and outcome, and "Executar agora". */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../api.js';
import type { Company } from '../../contracts.js';
import { formatDateTime } from '../../format.js';

export function PlatformJobs({ company, canWrite }: { company: Company; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const jobs = useQuery({
    queryKey: ['platform-jobs', company.id],
    queryFn: ({ signal }) => api.platformJobs(company.id, signal),
  });
  const run = useMutation({
    mutationFn: (job: string) => api.runPlatformJob(job, company.id),
    onSettled: () => queryClient.invalidateQueries(),
  });
  if (!jobs.data || jobs.data.items.length === 0) return null;
  return (
    <section aria-labelledby="jobs-title">
      <h2 id="jobs-title">Rotinas da plataforma</h2>
      <ul className="history" data-testid="platform-jobs">
        {jobs.data.items.map((job) => (
          <li key={job.job} data-job={job.job}>
            <div className="history-head">
              <strong>{job.label}</strong>
              <span className="muted">{job.schedule}</span>
            </div>
            <p className="muted">
              Última execução: {job.lastFinishedAt ? formatDateTime(job.lastFinishedAt) : 'nunca'}
              {job.lastOutcome ? ` — ${job.lastOutcome === 'ok' ? 'concluída' : 'com erro'}` : ''}
              {job.running ? ' · em execução' : ''} · próxima: {formatDateTime(job.nextRunAt)}
            </p>
            {canWrite ? (
              <button
                type="button"
                className="btn btn-small"
                disabled={run.isPending || job.running}
                onClick={() => run.mutate(job.job)}
              >
                Executar agora
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {run.error ? (
        <p className="form-error" role="alert">
          {run.error instanceof ApiError ? run.error.message : 'Não foi possível executar.'}
        </p>
      ) : null}
    </section>
  );
}
