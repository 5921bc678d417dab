/**
 * Parceiros/Bancos: the platforms enabled for this installation on the left (admins switch them), the integrations
 * of the chosen one for the company in view, "Novo" (editor) and the setup wizard. The platform is in the URL.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { ApiError, api } from '../../api.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import type { Company, Integration, Platform } from '../../contracts.js';
import { CHARGE_TYPE_LABELS, editableCompanies } from './form.js';
import { IntegrationEditor } from './IntegrationEditor.js';
import { SetupWizard } from './SetupWizard.js';

const column = createColumnHelper<Integration>();

interface IntegrationsPageProps {
  company: Company;
  companies: Company[];
  isAdmin: boolean;
  params: URLSearchParams;
  onParams: (params: URLSearchParams, replace?: boolean) => void;
}

type Opened = { kind: 'editor'; integration: Integration | null } | { kind: 'wizard' } | null;

export function IntegrationsPage({ company, companies, isAdmin, params, onParams }: IntegrationsPageProps) {
  const queryClient = useQueryClient();
  const platforms = useQuery({ queryKey: ['platforms'], queryFn: ({ signal }) => api.platforms(signal) });
  const enabled = (platforms.data?.items ?? []).filter((p) => p.enabled);
  const chosen: Platform | undefined =
    enabled.find((p) => p.platform === params.get('platform')) ?? enabled[0];
  const integrations = useQuery({
    queryKey: ['integrations', chosen?.platform],
    queryFn: ({ signal }) => api.integrations(chosen!.platform, signal),
    enabled: chosen !== undefined,
  });
  const portadores = useQuery({
    queryKey: ['integration-portadores'],
    queryFn: ({ signal }) => api.integrationPortadores(signal),
  });
  const [opened, setOpened] = useState<Opened>(null);
  const switchPlatform = useMutation({
    mutationFn: (p: Platform) => api.switchPlatform(p.platform, !p.enabled),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['platforms'] }),
  });

  const inView = new Set(editableCompanies(company, companies).map((c) => c.id));
  const rows = integrations.data?.items.filter((i) => inView.has(i.companyId));
  const choose = (platform: string) => {
    const next = new URLSearchParams(params);
    next.set('platform', platform);
    onParams(next);
  };
  const editorCompanies = editableCompanies(company, companies).filter(
    (c) => c.kind === 'child' || company.kind !== 'consolidated',
  );

  const columns = [
    column.display({ id: 'company', header: 'Empresa', cell: ({ row }) => row.original.companyName }),
    column.display({
      id: 'portador',
      header: 'Portador',
      cell: ({ row }) => `${row.original.portadorName} (${row.original.portadorErpKey})`,
      meta: { dataCol: 'portador' },
    }),
    column.display({
      id: 'chargeType',
      header: 'Tipo de cobrança',
      cell: ({ row }) => CHARGE_TYPE_LABELS[row.original.chargeType],
      meta: { dataCol: 'charge-type' },
    }),
    column.display({
      id: 'status',
      header: 'Status',
      cell: ({ row }) =>
        row.original.active ? (
          <span className="badge badge-paid">Ativa</span>
        ) : (
          <span className="badge badge-cancelled">Inativa</span>
        ),
      meta: { dataCol: 'status' },
    }),
    column.display({
      id: 'realtime',
      header: 'Registro em tempo real',
      cell: ({ row }) => (row.original.realtime ? 'Sim' : 'Não'),
      meta: { dataCol: 'realtime' },
    }),
    column.display({
      id: 'edit',
      header: 'Ações',
      cell: ({ row }) => (
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setOpened({ kind: 'editor', integration: row.original })}
        >
          {isAdmin ? 'Editar' : 'Ver'}
        </button>
      ),
    }),
  ] as Column<Integration>[];

  return (
    <section className="page partners" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Parceiros/Bancos</h1>
        <p className="page-sub">Plataformas que registram as cobranças — {company.name}</p>
      </header>
      <div className="partners-layout">
        <nav className="platform-list" aria-label="Plataformas">
          {platforms.isError ? (
            <p className="state state-error" role="alert">
              Não foi possível carregar as plataformas.
            </p>
          ) : null}
          <ul>
            {enabled.map((p) => (
              <li key={p.platform}>
                <button
                  type="button"
                  className={`platform-item${p.platform === chosen?.platform ? ' active' : ''}`}
                  aria-current={p.platform === chosen?.platform ? 'true' : undefined}
                  onClick={() => choose(p.platform)}
                >
                  {p.label}
                </button>
              </li>
            ))}
          </ul>
          {platforms.data && enabled.length === 0 ? (
            <p className="muted">Nenhuma plataforma liberada nesta instalação.</p>
          ) : null}
          {isAdmin && platforms.data ? (
            <details className="platform-switches">
              <summary>Liberar plataformas</summary>
              {platforms.data.items.map((p) => (
                <label key={p.platform} className="check">
                  <input
                    type="checkbox"
                    checked={p.enabled}
                    disabled={switchPlatform.isPending}
                    onChange={() => switchPlatform.mutate(p)}
                  />
                  {p.label}
                </label>
              ))}
            </details>
          ) : null}
        </nav>
        <div className="partners-main">
          {chosen ? (
            <>
              <div className="partners-toolbar">
                <h2>{chosen.label}</h2>
                {isAdmin ? (
                  <>
                    <button
                      type="button"
                      className="btn btn-primary"
                      onClick={() => setOpened({ kind: 'editor', integration: null })}
                    >
                      Novo
                    </button>
                    <button type="button" className="btn" onClick={() => setOpened({ kind: 'wizard' })}>
                      Assistente de configuração
                    </button>
                  </>
                ) : null}
              </div>
              <DataTable
                labelledBy="page-title"
                columns={columns}
                rows={rows}
                rowId={(i) => i.id}
                busy={integrations.isFetching}
                error={
                  integrations.isError
                    ? {
                        title: 'Não foi possível carregar as integrações.',
                        message:
                          integrations.error instanceof ApiError
                            ? integrations.error.message
                            : 'Tente de novo.',
                        details: [],
                        onRetry: () => void integrations.refetch(),
                      }
                    : null
                }
                loadingText="Carregando integrações…"
                empty={`Nenhuma integração ${chosen.label} nesta empresa.${isAdmin ? ' Use Novo ou o assistente.' : ''}`}
              />
            </>
          ) : null}
        </div>
      </div>
      {chosen && opened?.kind === 'editor' ? (
        <IntegrationEditor
          platform={chosen}
          integration={opened.integration}
          companies={
            opened.integration
              ? companies.filter((c) => c.id === opened.integration!.companyId)
              : editorCompanies
          }
          portadores={portadores.data?.items ?? []}
          onClose={() => setOpened(null)}
        />
      ) : null}
      {chosen && opened?.kind === 'wizard' ? (
        <SetupWizard
          platform={chosen}
          companies={editorCompanies}
          portadores={portadores.data?.items ?? []}
          onClose={() => setOpened(null)}
        />
      ) : null}
    </section>
  );
}
