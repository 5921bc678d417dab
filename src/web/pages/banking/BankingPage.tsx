/**
 * "Contas e portadores": the company's bank accounts (banco, agência, conta, chave PIX) and portadores (a bank
 * account with carteira/convênio, or a carteira on the pseudo-bank 0-Carteira), each list with its search, and the
 * editor in a side panel. Creating and editing call the same service as the ERP API.
 */
import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useState, type FormEvent } from 'react';
import { PIX_KEY_TYPE_LABELS } from '../../../domain/banking/pix-key.js';
import { ApiError, api } from '../../api.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { SidePanel } from '../../components/SidePanel.js';
import type { BankAccount, Company, Page, Portador } from '../../contracts.js';
import { AccountForm, PortadorForm, withDigit } from './BankingForms.js';

interface BankingPageProps {
  company: Company;
  /** Every company the user reaches (names in the Empresa column, choices for a new record). */
  companies: Company[];
  canWrite: boolean;
}

type Editor = { kind: 'account'; item: BankAccount | null } | { kind: 'portador'; item: Portador | null };

const accountColumn = createColumnHelper<BankAccount>();
const portadorColumn = createColumnHelper<Portador>();

export function BankingPage({ company, companies, canWrite }: BankingPageProps) {
  const [editor, setEditor] = useState<Editor | null>(null);
  const consolidated = company.kind === 'consolidated';
  const targets = consolidated
    ? [company, ...companies.filter((c) => c.parentCompanyId === company.id)]
    : [company];
  const nameOf = (companyId: string) => companies.find((c) => c.id === companyId)?.name ?? '';

  const accountColumns = [
    accountColumn.display({
      id: 'erpKey',
      header: 'Código',
      cell: ({ row }) => <code>{row.original.erpKey}</code>,
    }),
    accountColumn.display({ id: 'name', header: 'Nome', cell: ({ row }) => row.original.name ?? '' }),
    accountColumn.display({ id: 'bank', header: 'Banco', cell: ({ row }) => row.original.bankLabel }),
    accountColumn.display({
      id: 'agency',
      header: 'Agência',
      cell: ({ row }) => withDigit(row.original.agency, row.original.agencyDigit),
      meta: { dataCol: 'agency' },
    }),
    accountColumn.display({
      id: 'account',
      header: 'Conta',
      cell: ({ row }) => withDigit(row.original.account, row.original.accountDigit),
      meta: { dataCol: 'account' },
    }),
    accountColumn.display({
      id: 'pix',
      header: 'Chave PIX',
      cell: ({ row }) =>
        row.original.pixKeyType
          ? `${PIX_KEY_TYPE_LABELS[row.original.pixKeyType]}: ${row.original.pixKey ?? ''}`
          : '—',
    }),
    ...(consolidated
      ? [
          accountColumn.display({
            id: 'company',
            header: 'Empresa',
            cell: ({ row }) => nameOf(row.original.companyId),
          }),
        ]
      : []),
    ...(canWrite
      ? [
          accountColumn.display({
            id: 'actions',
            header: 'Ações',
            cell: ({ row }) => (
              <EditButton onClick={() => setEditor({ kind: 'account', item: row.original })} />
            ),
          }),
        ]
      : []),
  ] as Column<BankAccount>[];

  const portadorColumns = [
    portadorColumn.display({
      id: 'erpKey',
      header: 'Código',
      cell: ({ row }) => <code>{row.original.erpKey}</code>,
    }),
    portadorColumn.display({ id: 'name', header: 'Nome', cell: ({ row }) => row.original.name }),
    portadorColumn.display({ id: 'bank', header: 'Banco', cell: ({ row }) => row.original.bankLabel }),
    portadorColumn.display({
      id: 'bankAccount',
      header: 'Conta bancária',
      cell: ({ row }) => row.original.bankAccountErpKey ?? 'sem conta (carteira)',
    }),
    portadorColumn.display({
      id: 'carteira',
      header: 'Carteira',
      cell: ({ row }) => row.original.carteira ?? '',
    }),
    portadorColumn.display({
      id: 'convenio',
      header: 'Convênio',
      cell: ({ row }) => row.original.convenio ?? '',
    }),
    ...(consolidated
      ? [
          portadorColumn.display({
            id: 'company',
            header: 'Empresa',
            cell: ({ row }) => nameOf(row.original.companyId),
          }),
        ]
      : []),
    ...(canWrite
      ? [
          portadorColumn.display({
            id: 'actions',
            header: 'Ações',
            cell: ({ row }) => (
              <EditButton onClick={() => setEditor({ kind: 'portador', item: row.original })} />
            ),
          }),
        ]
      : []),
  ] as Column<Portador>[];

  return (
    <section className="page banking" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Contas e portadores</h1>
        <p className="page-sub">{consolidated ? `${company.name} — todas as empresas` : company.name}</p>
      </header>
      <BankingList
        resource="bank-accounts"
        title="Contas bancárias"
        searchPlaceholder="Nome, código, agência, conta, chave PIX…"
        companyId={company.id}
        fetch={api.bankAccounts}
        columns={accountColumns}
        newLabel={canWrite ? 'Nova conta' : null}
        onNew={() => setEditor({ kind: 'account', item: null })}
        empty="Nenhuma conta bancária nesta empresa."
      />
      <BankingList
        resource="portadores"
        title="Portadores"
        searchPlaceholder="Nome, código, carteira, convênio…"
        companyId={company.id}
        fetch={api.portadores}
        columns={portadorColumns}
        newLabel={canWrite ? 'Novo portador' : null}
        onNew={() => setEditor({ kind: 'portador', item: null })}
        empty="Nenhum portador nesta empresa."
      />
      {editor ? (
        <SidePanel title={editorTitle(editor)} onClose={() => setEditor(null)}>
          <div className="drawer-body">
            {editor.kind === 'account' ? (
              <AccountForm item={editor.item} targets={targets} onSaved={() => setEditor(null)} />
            ) : (
              <PortadorForm item={editor.item} targets={targets} onSaved={() => setEditor(null)} />
            )}
          </div>
        </SidePanel>
      ) : null}
    </section>
  );
}

function EditButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" className="btn btn-small" onClick={onClick}>
      Editar
    </button>
  );
}

function editorTitle(editor: Editor): string {
  if (editor.kind === 'account') return editor.item ? `Conta ${editor.item.erpKey}` : 'Nova conta bancária';
  return editor.item ? `Portador ${editor.item.erpKey}` : 'Novo portador';
}

interface BankingListProps<T> {
  /** Query-cache key; a save invalidates it. */
  resource: 'bank-accounts' | 'portadores';
  title: string;
  searchPlaceholder: string;
  companyId: string;
  fetch: (query: Record<string, string>, signal?: AbortSignal) => Promise<Page<T>>;
  columns: Column<T>[];
  /** The create button's label, or null when the user may not write. */
  newLabel: string | null;
  onNew: () => void;
  empty: string;
}

/** One of the two lists: a search, the create button and the table (up to 200 records, the API's page limit). */
function BankingList<T extends { id: string }>(props: BankingListProps<T>) {
  const { resource, companyId } = props;
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const query = { companyId, pageSize: '200', ...(q ? { q } : {}) };
  const list = useQuery({
    queryKey: [resource, query],
    queryFn: ({ signal }) => props.fetch(query, signal),
  });
  const headingId = `${resource}-title`;
  return (
    <section className="banking-section" aria-labelledby={headingId}>
      <div className="banking-bar">
        <h2 id={headingId}>{props.title}</h2>
        <form
          className="banking-search"
          role="search"
          aria-label={`Buscar em ${props.title.toLowerCase()}`}
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            setQ(typed.trim());
          }}
        >
          <input
            type="search"
            aria-label={`Busca em ${props.title.toLowerCase()}`}
            placeholder={props.searchPlaceholder}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
          <button type="submit" className="btn btn-small">
            Buscar
          </button>
        </form>
        {props.newLabel ? (
          <button type="button" className="btn btn-primary btn-small" onClick={props.onNew}>
            {props.newLabel}
          </button>
        ) : null}
      </div>
      <DataTable
        labelledBy={headingId}
        columns={props.columns}
        rows={list.data?.items}
        rowId={(row) => row.id}
        busy={list.isFetching}
        error={
          list.isError
            ? {
                title: `Não foi possível carregar ${props.title.toLowerCase()}.`,
                message: list.error instanceof ApiError ? list.error.message : 'Tente de novo.',
                details: [],
                onRetry: () => void list.refetch(),
              }
            : null
        }
        loadingText="Carregando…"
        empty={q ? 'Nada encontrado para esta busca.' : props.empty}
      />
    </section>
  );
}
