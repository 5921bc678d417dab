/**
 * "Adicionar clientes": find the company's customers by empresa and cliente, or by "Múltiplos clientes" (ERP codes
 * separated by commas), pick 1..N in the grid, and send each a credit request with the same Limite sugerido (only a
 * suggestion: the platform grants what it decides) and Emergencial.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper, type RowSelectionState } from '@tanstack/react-table';
import { useState, type FormEvent } from 'react';
import { ApiError, api } from '../../api.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { SidePanel } from '../../components/SidePanel.js';
import type { Company, CreditCandidates } from '../../contracts.js';
import { formatDocument, formatMoney } from '../../format.js';
import { positiveCentsOf } from './money.js';

type Candidate = CreditCandidates['items'][number];
const column = createColumnHelper<Candidate>();
const columns = [
  column.display({
    id: 'customer',
    header: 'Cliente',
    cell: ({ row }) => `${row.original.erpKey} — ${row.original.name}`,
    meta: { dataCol: 'customer' },
  }),
  column.display({
    id: 'establishment',
    header: 'Estabelecimento',
    cell: ({ row }) => row.original.establishments ?? '—',
  }),
  column.display({
    id: 'document',
    header: 'CPF/CNPJ',
    cell: ({ row }) => formatDocument(row.original.document),
  }),
  column.display({
    id: 'erpLimit',
    header: 'Limite de crédito do ERP',
    cell: ({ row }) =>
      row.original.erpCreditLimitCents === null ? '—' : formatMoney(row.original.erpCreditLimitCents),
    meta: { numeric: true, dataCol: 'erp-limit' },
  }),
] as Column<Candidate>[];

interface Props {
  company: Company;
  /** The companies of the current view (the company, and its children when consolidated). */
  companies: Company[];
  onClose: () => void;
}

export function AddCustomersPanel({ company, companies, onClose }: Props) {
  const [companyId, setCompanyId] = useState(company.id);
  const [multiple, setMultiple] = useState(false);
  const [customerText, setCustomerText] = useState('');
  const [codes, setCodes] = useState('');
  const [search, setSearch] = useState<Record<string, string> | null>(null);
  const [selected, setSelected] = useState<RowSelectionState>({});
  const [limitText, setLimitText] = useState('');
  const [emergency, setEmergency] = useState(false);
  const [limitProblem, setLimitProblem] = useState<string | null>(null);
  const queryClient = useQueryClient();

  const candidates = useQuery({
    queryKey: ['credit-candidates', search],
    queryFn: ({ signal }) => api.creditCandidates(search!, signal),
    enabled: search !== null,
  });
  const send = useMutation({
    mutationFn: api.requestCredit,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['credit-customers'] }),
  });

  const find = (event: FormEvent) => {
    event.preventDefault();
    setSelected({});
    send.reset();
    setSearch(multiple ? { companyId, codes } : { companyId, q: customerText });
  };
  const chosen = Object.keys(selected).filter((id) => selected[id]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const cents = positiveCentsOf(limitText);
    setLimitProblem(
      cents === null ? 'Limite sugerido: informe um valor em reais maior que zero (ex.: 15.000,00)' : null,
    );
    if (cents === null || chosen.length === 0) return;
    send.mutate({ companyId, customerIds: chosen, suggestedLimitCents: cents, emergency });
  };
  const searchError = candidates.error instanceof ApiError ? candidates.error : null;

  return (
    <SidePanel title="Adicionar clientes" onClose={onClose}>
      <div className="drawer-body">
        <form className="form-grid" aria-label="Pesquisar clientes" onSubmit={find}>
          <div className="field">
            <label htmlFor="ac-company">Empresa</label>
            <select id="ac-company" value={companyId} onChange={(e) => setCompanyId(e.target.value)}>
              {companies.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.kind === 'consolidated' ? `${c.name} (todas as empresas)` : c.name}
                </option>
              ))}
            </select>
          </div>
          <label className="check form-wide">
            <input type="checkbox" checked={multiple} onChange={(e) => setMultiple(e.target.checked)} />
            Múltiplos clientes
          </label>
          {multiple ? (
            <div className="field form-wide">
              <label htmlFor="ac-codes">Códigos dos clientes (separados por vírgula)</label>
              <textarea
                id="ac-codes"
                rows={3}
                value={codes}
                placeholder="CLI-001, CLI-002, CLI-003"
                onChange={(e) => setCodes(e.target.value)}
              />
            </div>
          ) : (
            <div className="field form-wide">
              <label htmlFor="ac-customer">Cliente</label>
              <input
                id="ac-customer"
                type="search"
                value={customerText}
                placeholder="Nome, código ou CPF/CNPJ"
                onChange={(e) => setCustomerText(e.target.value)}
              />
            </div>
          )}
          <div className="form-actions">
            <button type="submit" className="btn">
              Pesquisar
            </button>
          </div>
        </form>
        {searchError ? (
          <p className="form-error" role="alert">
            {searchError.fields[0]?.message ?? searchError.message}
          </p>
        ) : null}
        {candidates.data && candidates.data.unknownCodes.length > 0 ? (
          <p className="form-error" role="alert" data-testid="unknown-codes">
            Códigos não encontrados nesta empresa: {candidates.data.unknownCodes.join(', ')}
          </p>
        ) : null}
        {search ? (
          <>
            <h3 id="ac-grid-title">Clientes encontrados</h3>
            <DataTable
              labelledBy="ac-grid-title"
              className="grid-compact"
              columns={columns}
              rows={candidates.data?.items}
              rowId={(c) => c.customerId}
              selection={{ selected, onChange: setSelected, label: (c) => `${c.erpKey} ${c.name}` }}
              busy={candidates.isFetching}
              loadingText="Pesquisando clientes…"
              empty="Nenhum cliente encontrado."
            />
          </>
        ) : null}
        <form className="form-grid" aria-label="Solicitação de crédito" onSubmit={submit}>
          <p className="selection-bar form-wide" role="status">
            {chosen.length === 0
              ? 'Selecione ao menos um cliente na grade.'
              : `${chosen.length} ${chosen.length === 1 ? 'cliente selecionado' : 'clientes selecionados'}`}
          </p>
          <div className={`field${limitProblem ? ' field-invalid' : ''}`}>
            <label htmlFor="ac-limit">Limite sugerido (R$)</label>
            <input
              id="ac-limit"
              inputMode="decimal"
              value={limitText}
              aria-describedby="ac-limit-hint"
              onChange={(e) => setLimitText(e.target.value)}
            />
            <small id="ac-limit-hint" className="muted">
              Apenas sugestão: a plataforma pode conceder mais ou menos.
            </small>
            {limitProblem ? <small className="field-problem">{limitProblem}</small> : null}
          </div>
          <label className="check">
            <input type="checkbox" checked={emergency} onChange={(e) => setEmergency(e.target.checked)} />
            Emergencial
          </label>
          <div className="form-actions">
            <button
              type="submit"
              className="btn btn-primary"
              disabled={chosen.length === 0 || send.isPending}
            >
              {send.isPending ? 'Enviando…' : 'Enviar solicitação'}
            </button>
          </div>
        </form>
        {send.error ? (
          <p className="form-error" role="alert">
            {send.error instanceof ApiError ? send.error.message : 'Não foi possível enviar.'}
          </p>
        ) : null}
        {send.data ? (
          <section aria-label="Resultado da solicitação">
            <h3>Resultado</h3>
            <ul className="history" data-testid="request-results">
              {send.data.results.map((r) => (
                <li key={r.customerId} data-ok={r.ok}>
                  <strong>{r.name}</strong>:{' '}
                  {r.ok
                    ? `enviado — ${r.analysis?.situationLabel ?? ''}${r.analysis?.analysisCode ? ` (análise ${r.analysis.analysisCode})` : ''}`
                    : `não enviado — ${r.reason ?? 'falha'}`}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </SidePanel>
  );
}
