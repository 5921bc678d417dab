/**
 * "Contas e portadores": the company's bank accounts (banco, agência, conta, chave PIX) and portadores (a bank
 * account with carteira/convênio, or a carteira on the pseudo-bank 0-Carteira), with search and an editor in a
 * side panel. Creating and editing call the same service as the ERP API; its field messages show next to each field.
 */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { ACCOUNT_RULES } from '../domain/banking/registry.js';
import { PIX_KEY_TYPES, PIX_KEY_TYPE_LABELS, type PixKeyType } from '../domain/banking/pix-key.js';
import { ApiError, api, type BankAccountView, type Company, type Page, type PortadorView } from './api.js';

interface BankingPageProps {
  company: Company;
  /** Every company the user reaches (for the Empresa of a new record under a consolidated company). */
  companies: Company[];
  canWrite: boolean;
  onExpired: () => void;
}

type Editor =
  { kind: 'account'; item: BankAccountView | null } | { kind: 'portador'; item: PortadorView | null };

export function BankingPage({ company, companies, canWrite, onExpired }: BankingPageProps) {
  const [editor, setEditor] = useState<Editor | null>(null);
  const [version, setVersion] = useState(0);
  const showCompany = company.kind === 'consolidated';
  const targets = showCompany
    ? [company, ...companies.filter((c) => c.parentCompanyId === company.id)]
    : [company];
  const companyName = (id: string) => companies.find((c) => c.id === id)?.name ?? '';
  const saved = () => {
    setEditor(null);
    setVersion((v) => v + 1);
  };

  return (
    <section className="page banking" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Contas e portadores</h1>
        <p className="page-sub">{showCompany ? `${company.name} — todas as empresas` : company.name}</p>
      </header>

      <ListSection<BankAccountView>
        title="Contas bancárias"
        newLabel="Nova conta"
        searchLabel="Buscar contas (nome, código, agência, conta, chave PIX)"
        load={api.bankAccounts}
        companyId={company.id}
        version={version}
        canWrite={canWrite}
        onExpired={onExpired}
        onNew={() => setEditor({ kind: 'account', item: null })}
        columns={[
          ['Código', (a) => a.erpKey],
          ['Nome', (a) => a.name ?? ''],
          ['Banco', (a) => a.bankLabel],
          ['Agência', (a) => withDigit(a.agency, a.agencyDigit)],
          ['Conta', (a) => withDigit(a.account, a.accountDigit)],
          [
            'Chave PIX',
            (a) => (a.pixKeyType ? `${PIX_KEY_TYPE_LABELS[a.pixKeyType]}: ${a.pixKey ?? ''}` : '—'),
          ],
          ...(showCompany ? [['Empresa', (a: BankAccountView) => companyName(a.companyId)] as const] : []),
        ]}
        onEdit={(item) => setEditor({ kind: 'account', item })}
      />

      <ListSection<PortadorView>
        title="Portadores"
        newLabel="Novo portador"
        searchLabel="Buscar portadores (nome, código, carteira, convênio)"
        load={api.portadores}
        companyId={company.id}
        version={version}
        canWrite={canWrite}
        onExpired={onExpired}
        onNew={() => setEditor({ kind: 'portador', item: null })}
        columns={[
          ['Código', (p) => p.erpKey],
          ['Nome', (p) => p.name],
          ['Banco', (p) => p.bankLabel],
          ['Conta bancária', (p) => p.bankAccountErpKey ?? 'sem conta (carteira)'],
          ['Carteira', (p) => p.carteira ?? ''],
          ['Convênio', (p) => p.convenio ?? ''],
          ...(showCompany ? [['Empresa', (p: PortadorView) => companyName(p.companyId)] as const] : []),
        ]}
        onEdit={(item) => setEditor({ kind: 'portador', item })}
      />

      {editor ? (
        <Drawer
          title={
            editor.kind === 'account'
              ? editor.item
                ? `Conta ${editor.item.erpKey}`
                : 'Nova conta bancária'
              : editor.item
                ? `Portador ${editor.item.erpKey}`
                : 'Novo portador'
          }
          onClose={() => setEditor(null)}
        >
          {editor.kind === 'account' ? (
            <AccountForm item={editor.item} targets={targets} onSaved={saved} onExpired={onExpired} />
          ) : (
            <PortadorForm item={editor.item} targets={targets} onSaved={saved} onExpired={onExpired} />
          )}
        </Drawer>
      ) : null}
    </section>
  );
}

function withDigit(number: string, digit: string | null): string {
  return digit ? `${number}-${digit}` : number;
}

type Column<T> = readonly [label: string, value: (item: T) => string];

interface ListSectionProps<T> {
  title: string;
  newLabel: string;
  searchLabel: string;
  load: (query: URLSearchParams, signal: AbortSignal) => Promise<Page<T>>;
  companyId: string;
  /** Bumped after a save so the list reloads. */
  version: number;
  canWrite: boolean;
  columns: readonly Column<T>[];
  onNew: () => void;
  onEdit: (item: T) => void;
  onExpired: () => void;
}

type Load<T> = { kind: 'loading' } | { kind: 'ready'; page: Page<T> } | { kind: 'error'; message: string };

function ListSection<T extends { id: string }>(props: ListSectionProps<T>) {
  const { title, companyId, version, load: fetchPage, onExpired } = props;
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [load, setLoad] = useState<Load<T>>({ kind: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    const query = new URLSearchParams({ companyId, pageSize: '200' });
    if (search) query.set('q', search);
    setLoad({ kind: 'loading' });
    fetchPage(query, controller.signal)
      .then((page) => setLoad({ kind: 'ready', page }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) return onExpired();
        setLoad({ kind: 'error', message: error instanceof ApiError ? error.message : 'Falha ao carregar.' });
      });
    return () => controller.abort();
  }, [fetchPage, companyId, search, version, onExpired]);

  const headingId = `${title.toLowerCase().replace(/\s+/g, '-')}-title`;
  return (
    <section className="banking-section" aria-labelledby={headingId}>
      <div className="results-bar">
        <h2 id={headingId}>{title}</h2>
        <form
          className="banking-search"
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            setSearch(q.trim());
          }}
        >
          <input
            type="search"
            aria-label={props.searchLabel}
            placeholder="Buscar…"
            value={q}
            onChange={(event) => setQ(event.target.value)}
          />
          <button type="submit" className="btn btn-small">
            Buscar
          </button>
        </form>
        {props.canWrite ? (
          <button type="button" className="btn btn-primary btn-small" onClick={props.onNew}>
            {props.newLabel}
          </button>
        ) : null}
      </div>
      {load.kind === 'loading' ? (
        <p className="state" role="status">
          Carregando…
        </p>
      ) : load.kind === 'error' ? (
        <p className="state state-error" role="alert">
          {load.message}
        </p>
      ) : load.page.items.length === 0 ? (
        <p className="state">{search ? 'Nada encontrado para esta busca.' : 'Nenhum cadastro ainda.'}</p>
      ) : (
        <div className="table-wrap">
          <table className="grid grid-compact" aria-labelledby={headingId}>
            <thead>
              <tr>
                {props.columns.map(([label]) => (
                  <th key={label} scope="col">
                    {label}
                  </th>
                ))}
                {props.canWrite ? (
                  <th scope="col">
                    <span className="sr-only">Ações</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {load.page.items.map((item) => (
                <tr key={item.id} data-id={item.id}>
                  {props.columns.map(([label, value]) => (
                    <td key={label}>{value(item)}</td>
                  ))}
                  {props.canWrite ? (
                    <td>
                      <button type="button" className="btn btn-small" onClick={() => props.onEdit(item)}>
                        Editar
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Drawer({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="drawer-backdrop" onClick={onClose}>
      <aside
        className="drawer"
        role="dialog"
        aria-modal="true"
        aria-labelledby="drawer-title"
        onClick={(event) => event.stopPropagation()}
      >
        <header className="drawer-header">
          <h2 id="drawer-title">{title}</h2>
          <button type="button" className="btn btn-ghost drawer-close" onClick={onClose}>
            Fechar
          </button>
        </header>
        <div className="drawer-body">{children}</div>
      </aside>
    </div>
  );
}

/** A form's submit state: the API's message and its per-field messages. */
type Problem = { text: string; fields: Map<string, string> };

function problemOf(error: unknown): Problem {
  if (!(error instanceof ApiError)) return { text: 'Não foi possível salvar.', fields: new Map() };
  const fields = new Map(error.fields.map((f) => [f.path, f.message]));
  // Field messages show under their fields; the summary only points at them.
  return {
    text: fields.size > 0 ? 'Não foi salvo: confira os campos marcados em vermelho.' : error.message,
    fields,
  };
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  problem: Problem | null;
  path: string;
  disabled?: boolean;
  list?: string;
  inputMode?: 'numeric' | 'text';
  hint?: string;
}

function TextField({
  id,
  label,
  value,
  onChange,
  problem,
  path,
  disabled,
  list,
  inputMode,
  hint,
}: TextFieldProps) {
  const error = problem?.fields.get(path);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={value}
        disabled={disabled}
        list={list}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && !error ? <span className="field-hint">{hint}</span> : null}
      {error ? (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

function CompanyField({
  targets,
  value,
  onChange,
  disabled,
}: {
  targets: Company[];
  value: string;
  onChange: (id: string) => void;
  disabled: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor="banking-company">Empresa</label>
      <select
        id="banking-company"
        value={value}
        disabled={disabled || targets.length <= 1}
        onChange={(event) => onChange(event.target.value)}
      >
        {targets.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function FormProblem({ problem }: { problem: Problem | null }) {
  return problem ? (
    <div className="form-error" role="alert">
      {problem.text}
    </div>
  ) : null;
}

interface FormProps<T> {
  item: T | null;
  targets: Company[];
  onSaved: () => void;
  onExpired: () => void;
}

/** Runs a save, turning a 401 into the session-expired screen and anything else into the form's problem. */
function useSave(onSaved: () => void, onExpired: () => void) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const save = async (event: FormEvent<HTMLFormElement>, call: () => Promise<unknown>) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await call();
      onSaved();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return onExpired();
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, save };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

function AccountForm({ item, targets, onSaved, onExpired }: FormProps<BankAccountView>) {
  const [companyId, setCompanyId] = useState(item?.companyId ?? targets[0]!.id);
  const [erpKey, setErpKey] = useState(item?.erpKey ?? '');
  const [name, setName] = useState(item?.name ?? '');
  const [bankCode, setBankCode] = useState(item?.bankCode ?? '');
  const [agency, setAgency] = useState(item?.agency ?? '');
  const [agencyDigit, setAgencyDigit] = useState(item?.agencyDigit ?? '');
  const [account, setAccount] = useState(item?.account ?? '');
  const [accountDigit, setAccountDigit] = useState(item?.accountDigit ?? '');
  const [pixKeyType, setPixKeyType] = useState<PixKeyType | ''>(item?.pixKeyType ?? '');
  const [pixKey, setPixKey] = useState(item?.pixKey ?? '');
  const { busy, problem, save } = useSave(onSaved, onExpired);
  const editing = item !== null;

  const body = () => ({
    name: orNull(name),
    bankCode: bankCode.trim(),
    agency: agency.trim(),
    agencyDigit: orNull(agencyDigit),
    account: account.trim(),
    accountDigit: orNull(accountDigit),
    pixKeyType: pixKeyType || null,
    pixKey: pixKeyType ? pixKey.trim() : null,
  });
  const submit = (event: FormEvent<HTMLFormElement>) =>
    save(event, () =>
      item
        ? api.patchBankAccount(item.id, body())
        : api.createBankAccount({ companyId, erpKey: erpKey.trim(), ...body() }),
    );
  const field = { problem };

  return (
    <form className="edit-form banking-form" onSubmit={submit} aria-label="Conta bancária">
      <CompanyField targets={targets} value={companyId} onChange={setCompanyId} disabled={editing} />
      <TextField
        {...field}
        id="ba-key"
        label="Código (chave ERP)"
        path="erpKey"
        value={erpKey}
        onChange={setErpKey}
        disabled={editing}
      />
      <TextField {...field} id="ba-name" label="Nome" path="name" value={name} onChange={setName} />
      <TextField
        {...field}
        id="ba-bank"
        label="Banco (código)"
        path="bankCode"
        value={bankCode}
        onChange={setBankCode}
        disabled={editing}
        list="ba-banks"
        inputMode="numeric"
        hint="3 dígitos, ex.: 341"
      />
      <datalist id="ba-banks">
        {ACCOUNT_RULES.map((bank) => (
          <option key={bank.code} value={bank.code}>
            {bank.name}
          </option>
        ))}
      </datalist>
      <div className="banking-pair">
        <TextField
          {...field}
          id="ba-agency"
          label="Agência"
          path="agency"
          value={agency}
          onChange={setAgency}
          disabled={editing}
          inputMode="numeric"
        />
        <TextField
          {...field}
          id="ba-agency-dv"
          label="Dígito"
          path="agencyDigit"
          value={agencyDigit}
          onChange={setAgencyDigit}
        />
      </div>
      <div className="banking-pair">
        <TextField
          {...field}
          id="ba-account"
          label="Conta"
          path="account"
          value={account}
          onChange={setAccount}
          disabled={editing}
          inputMode="numeric"
        />
        <TextField
          {...field}
          id="ba-account-dv"
          label="Dígito"
          path="accountDigit"
          value={accountDigit}
          onChange={setAccountDigit}
        />
      </div>
      <div className="field">
        <label htmlFor="ba-pix-type">Tipo da chave PIX</label>
        <select
          id="ba-pix-type"
          value={pixKeyType}
          onChange={(event) => setPixKeyType(event.target.value as PixKeyType | '')}
        >
          <option value="">Sem chave PIX</option>
          {PIX_KEY_TYPES.map((type) => (
            <option key={type} value={type}>
              {PIX_KEY_TYPE_LABELS[type]}
            </option>
          ))}
        </select>
        {problem?.fields.get('pixKeyType') ? (
          <span className="field-error">{problem.fields.get('pixKeyType')}</span>
        ) : null}
      </div>
      {pixKeyType ? (
        <TextField
          {...field}
          id="ba-pix"
          label="Chave PIX"
          path="pixKey"
          value={pixKey}
          onChange={setPixKey}
          hint="Exigida para Boleto Híbrido"
        />
      ) : null}
      {editing ? <p className="muted">Banco, agência e conta não mudam depois de criada a conta.</p> : null}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? 'Salvando…' : editing ? 'Salvar alterações' : 'Criar conta'}
      </button>
      <FormProblem problem={problem} />
    </form>
  );
}

function PortadorForm({ item, targets, onSaved, onExpired }: FormProps<PortadorView>) {
  const [companyId, setCompanyId] = useState(item?.companyId ?? targets[0]!.id);
  const [erpKey, setErpKey] = useState(item?.erpKey ?? '');
  const [name, setName] = useState(item?.name ?? '');
  const [bankAccountErpKey, setBankAccountErpKey] = useState(item?.bankAccountErpKey ?? '');
  const [carteira, setCarteira] = useState(item?.carteira ?? '');
  const [convenio, setConvenio] = useState(item?.convenio ?? '');
  const [accounts, setAccounts] = useState<BankAccountView[]>([]);
  const { busy, problem, save } = useSave(onSaved, onExpired);
  const editing = item !== null;

  // The bank accounts of the portador's own company (a portador may only use those).
  useEffect(() => {
    const controller = new AbortController();
    api
      .bankAccounts(new URLSearchParams({ companyId, pageSize: '200' }), controller.signal)
      .then((page) => setAccounts(page.items.filter((a) => a.companyId === companyId)))
      .catch(() => setAccounts([]));
    return () => controller.abort();
  }, [companyId]);

  const body = () => ({
    name: name.trim(),
    bankAccountErpKey: bankAccountErpKey || null,
    carteira: orNull(carteira),
    convenio: orNull(convenio),
  });
  const submit = (event: FormEvent<HTMLFormElement>) =>
    save(event, () =>
      item
        ? api.patchPortador(item.id, body())
        : api.createPortador({ companyId, erpKey: erpKey.trim(), ...body() }),
    );
  const field = { problem };
  const accountError = problem?.fields.get('bankAccountErpKey');

  return (
    <form className="edit-form banking-form" onSubmit={submit} aria-label="Portador">
      <CompanyField targets={targets} value={companyId} onChange={setCompanyId} disabled={editing} />
      <TextField
        {...field}
        id="po-key"
        label="Código (chave ERP)"
        path="erpKey"
        value={erpKey}
        onChange={setErpKey}
        disabled={editing}
      />
      <TextField {...field} id="po-name" label="Nome" path="name" value={name} onChange={setName} />
      <div className="field">
        <label htmlFor="po-account">Conta bancária</label>
        <select
          id="po-account"
          value={bankAccountErpKey}
          onChange={(event) => setBankAccountErpKey(event.target.value)}
        >
          <option value="">Nenhuma — carteira (0-Carteira), ex.: convênio da Efí</option>
          {accounts.map((a) => (
            <option key={a.id} value={a.erpKey}>
              {`${a.bankLabel} · ag. ${withDigit(a.agency, a.agencyDigit)} · conta ${withDigit(a.account, a.accountDigit)} (${a.erpKey})`}
            </option>
          ))}
        </select>
        {accountError ? <span className="field-error">{accountError}</span> : null}
      </div>
      <div className="banking-pair">
        <TextField
          {...field}
          id="po-carteira"
          label="Carteira"
          path="carteira"
          value={carteira}
          onChange={setCarteira}
        />
        <TextField
          {...field}
          id="po-convenio"
          label="Convênio"
          path="convenio"
          value={convenio}
          onChange={setConvenio}
        />
      </div>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? 'Salvando…' : editing ? 'Salvar alterações' : 'Criar portador'}
      </button>
      <FormProblem problem={problem} />
    </form>
  );
}
