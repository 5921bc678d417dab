import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useState, type FormEvent } from 'react';
import { ApiError, api } from '../api.js';
import { DataTable, type Column } from '../components/DataTable.js';
import { SidePanel } from '../components/SidePanel.js';
import { apiScopeLabels, apiScopes, type ApiScope } from '../../domain/api-scopes.js';
import type { ApiToken, Company, CreatedApiToken } from '../contracts.js';
import { formatDateTime } from '../format.js';

const expired = (token: ApiToken) =>
  token.expiresAt !== null && new Date(token.expiresAt).getTime() <= Date.now();

const column = createColumnHelper<ApiToken>();

interface ApiTokensPageProps {
  company: Company;
  /** Every company of the session, to name a token's company and to choose where a new one belongs. */
  companies: Company[];
}

/**
 * ERP API tokens of the company (admins): create with optional validity and scopes (the token is shown once), see
 * last use, rotate without downtime (a new token; the old one keeps working for the grace period), revoke.
 */
export function ApiTokensPage({ company, companies }: ApiTokensPageProps) {
  const queryClient = useQueryClient();
  const tokens = useQuery({
    queryKey: ['api-tokens', company.id],
    queryFn: ({ signal }) => api.apiTokens(company.id, signal),
  });
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [rotating, setRotating] = useState<ApiToken | null>(null);
  const inScope = companies.filter((c) => c.id === company.id || c.parentCompanyId === company.id);
  const nameOf = (companyId: string) => companies.find((c) => c.id === companyId)?.name ?? companyId;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['api-tokens'] });

  const columns = [
    column.display({
      id: 'name',
      header: 'Nome',
      cell: ({ row }) => <strong>{row.original.name}</strong>,
      meta: { dataCol: 'name' },
    }),
    ...(inScope.length > 1
      ? [
          column.display({
            id: 'company',
            header: 'Empresa',
            cell: ({ row }) => nameOf(row.original.companyId),
          }),
        ]
      : []),
    column.display({
      id: 'createdAt',
      header: 'Criado em',
      cell: ({ row }) => formatDateTime(row.original.createdAt),
      meta: { className: 'col-date' },
    }),
    column.display({
      id: 'lastUsedAt',
      header: 'Último uso',
      cell: ({ row }) => (row.original.lastUsedAt ? formatDateTime(row.original.lastUsedAt) : 'nunca usado'),
      meta: { className: 'col-date', dataCol: 'last-used' },
    }),
    column.display({
      id: 'scopes',
      header: 'Escopos',
      cell: ({ row }) =>
        row.original.scopes?.length
          ? row.original.scopes.map((scope) => apiScopeLabels[scope]).join(', ')
          : 'Tudo',
      meta: { dataCol: 'scopes' },
    }),
    column.display({
      id: 'state',
      header: 'Situação',
      cell: ({ row }) =>
        row.original.revokedAt ? (
          <span className="badge badge-cancelled">Revogado em {formatDateTime(row.original.revokedAt)}</span>
        ) : expired(row.original) ? (
          <span className="badge badge-cancelled">Expirou em {formatDateTime(row.original.expiresAt!)}</span>
        ) : row.original.expiresAt ? (
          <span className="badge badge-open">Válido até {formatDateTime(row.original.expiresAt)}</span>
        ) : (
          <span className="badge badge-paid">Ativo</span>
        ),
      meta: { dataCol: 'state' },
    }),
    column.display({
      id: 'actions',
      header: 'Ações',
      cell: ({ row }) =>
        row.original.revokedAt || expired(row.original) ? null : (
          <span className="row-actions">
            <button type="button" className="btn btn-small" onClick={() => setRotating(row.original)}>
              Trocar
            </button>
            <button type="button" className="btn btn-small" onClick={() => setRevoking(row.original)}>
              Revogar
            </button>
          </span>
        ),
    }),
  ] as Column<ApiToken>[];

  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Tokens de API</h1>
        <p className="page-sub">Chaves com que o ERP chama a API /api/v1 — {company.name}</p>
        <button type="button" className="btn btn-primary page-action" onClick={() => setCreating(true)}>
          Novo token
        </button>
      </header>
      <DataTable
        labelledBy="page-title"
        columns={columns}
        rows={tokens.data?.items}
        rowId={(token) => token.id}
        busy={tokens.isFetching}
        error={
          tokens.isError
            ? {
                title: 'Não foi possível carregar os tokens.',
                message: tokens.error instanceof ApiError ? tokens.error.message : 'Tente de novo.',
                details: [],
                onRetry: () => void tokens.refetch(),
              }
            : null
        }
        loadingText="Carregando tokens…"
        empty="Nenhum token nesta empresa. Crie um para o ERP."
      />
      {creating ? (
        <CreateTokenDialog
          companies={inScope.filter((c) => c.kind === 'child' || inScope.length === 1)}
          onClose={() => setCreating(false)}
          onCreated={refresh}
        />
      ) : null}
      {revoking ? (
        <RevokeDialog token={revoking} onClose={() => setRevoking(null)} onRevoked={refresh} />
      ) : null}
      {rotating ? (
        <RotateDialog token={rotating} onClose={() => setRotating(null)} onRotated={refresh} />
      ) : null}
    </section>
  );
}

function CreateTokenDialog({
  companies,
  onClose,
  onCreated,
}: {
  companies: Company[];
  onClose: () => void;
  onCreated: () => void;
}) {
  const [name, setName] = useState('');
  const [companyId, setCompanyId] = useState(companies[0]?.id ?? '');
  const [scopes, setScopes] = useState<ApiScope[]>([]);
  const [validUntil, setValidUntil] = useState('');
  const create = useMutation({
    mutationFn: () =>
      api.createApiToken({
        companyId,
        name,
        ...(scopes.length > 0 ? { scopes } : {}),
        // The last second of the chosen day in Brasília.
        ...(validUntil ? { expiresAt: `${validUntil}T23:59:59-03:00` } : {}),
      }),
    onSuccess: onCreated,
  });
  const created: CreatedApiToken | undefined = create.data;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <SidePanel title={created ? 'Token criado' : 'Novo token de API'} placement="center" onClose={onClose}>
      <div className="drawer-body">
        {created ? (
          <NewTokenShown token={created.token} onClose={onClose} />
        ) : (
          <form className="stack-form" onSubmit={submit}>
            <div className="field">
              <label htmlFor="token-name">Nome</label>
              <input
                id="token-name"
                type="text"
                value={name}
                maxLength={100}
                placeholder="ERP produção"
                onChange={(event) => setName(event.target.value)}
              />
            </div>
            {companies.length > 1 ? (
              <div className="field">
                <label htmlFor="token-company">Empresa</label>
                <select id="token-company" value={companyId} onChange={(e) => setCompanyId(e.target.value)}>
                  {companies.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <fieldset className="field">
              <legend>Escopos (nenhum marcado: tudo)</legend>
              {apiScopes.map((scope) => (
                <label key={scope} className="check">
                  <input
                    type="checkbox"
                    name="scopes"
                    value={scope}
                    checked={scopes.includes(scope)}
                    onChange={(e) =>
                      setScopes(e.target.checked ? [...scopes, scope] : scopes.filter((s) => s !== scope))
                    }
                  />{' '}
                  {apiScopeLabels[scope]}
                </label>
              ))}
            </fieldset>
            <div className="field">
              <label htmlFor="token-valid-until">Válido até (opcional)</label>
              <input
                id="token-valid-until"
                type="date"
                value={validUntil}
                onChange={(e) => setValidUntil(e.target.value)}
              />
            </div>
            {create.error ? (
              <div className="form-error" role="alert">
                {create.error instanceof ApiError
                  ? [create.error.message, ...create.error.fields.map((f) => f.message)].join(' ')
                  : 'Não foi possível criar o token.'}
              </div>
            ) : null}
            <button type="submit" className="btn btn-primary" disabled={create.isPending}>
              {create.isPending ? 'Criando…' : 'Criar token'}
            </button>
          </form>
        )}
      </div>
    </SidePanel>
  );
}

function RevokeDialog({
  token,
  onClose,
  onRevoked,
}: {
  token: ApiToken;
  onClose: () => void;
  onRevoked: () => void;
}) {
  const revoke = useMutation({
    mutationFn: () => api.revokeApiToken(token.id),
    onSuccess: () => {
      onRevoked();
      onClose();
    },
  });
  return (
    <SidePanel
      title={`Revogar o token “${token.name}”?`}
      placement="center"
      role="alertdialog"
      onClose={onClose}
    >
      <div className="drawer-body">
        <p>O ERP que usa este token deixa de conseguir chamar a API imediatamente. Não há como desfazer.</p>
        {revoke.error ? (
          <div className="form-error" role="alert">
            {revoke.error instanceof ApiError ? revoke.error.message : 'Não foi possível revogar.'}
          </div>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancelar
          </button>
          <button
            type="button"
            className="btn btn-danger"
            disabled={revoke.isPending}
            onClick={() => revoke.mutate()}
          >
            {revoke.isPending ? 'Revogando…' : 'Revogar'}
          </button>
        </div>
      </div>
    </SidePanel>
  );
}

/** The plain token, shown once, with a copy button. */
function NewTokenShown({ token, onClose, note }: { token: string; onClose: () => void; note?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <>
      <p className="form-ok" role="status">
        Copie o token agora: ele não será mostrado de novo. Guarde-o na configuração do ERP.
        {note ? ` ${note}` : ''}
      </p>
      <div className="token-shown">
        <code data-testid="new-token">{token}</code>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            void navigator.clipboard?.writeText(token).then(() => setCopied(true));
          }}
        >
          {copied ? 'Copiado' : 'Copiar'}
        </button>
      </div>
      <button type="button" className="btn btn-primary" onClick={onClose}>
        Concluir
      </button>
    </>
  );
}

function RotateDialog({
  token,
  onClose,
  onRotated,
}: {
  token: ApiToken;
  onClose: () => void;
  onRotated: () => void;
}) {
  const [graceHours, setGraceHours] = useState(24);
  const rotate = useMutation({
    mutationFn: () => api.rotateApiToken(token.id, graceHours),
    onSuccess: onRotated,
  });
  return (
    <SidePanel title={`Trocar o token “${token.name}”`} placement="center" onClose={onClose}>
      <div className="drawer-body">
        {rotate.data ? (
          <NewTokenShown
            token={rotate.data.token}
            onClose={onClose}
            note={`O token antigo continua valendo por ${graceHours} h: troque-o no ERP nesse intervalo.`}
          />
        ) : (
          <form
            className="stack-form"
            onSubmit={(event) => {
              event.preventDefault();
              rotate.mutate();
            }}
          >
            <p>
              Um token novo é criado com o mesmo nome, empresa e escopos. O atual continua aceito pelo prazo
              abaixo e depois é recusado — o ERP não fica sem acesso enquanto você o atualiza.
            </p>
            <div className="field">
              <label htmlFor="token-grace">O token atual continua valendo por (horas)</label>
              <input
                id="token-grace"
                type="number"
                min={0}
                max={720}
                value={graceHours}
                onChange={(e) => setGraceHours(Number(e.target.value))}
              />
            </div>
            {rotate.error ? (
              <div className="form-error" role="alert">
                {rotate.error instanceof ApiError
                  ? [rotate.error.message, ...rotate.error.fields.map((f) => f.message)].join(' ')
                  : 'Não foi possível trocar o token.'}
              </div>
            ) : null}
            <button type="submit" className="btn btn-primary" disabled={rotate.isPending}>
              {rotate.isPending ? 'Trocando…' : 'Trocar token'}
            </button>
          </form>
        )}
      </div>
    </SidePanel>
  );
}
