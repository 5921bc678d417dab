/**
 * The editors of "Contas e portadores": a bank account and a portador. Each saves through the console API (the same
 * service as the ERP upsert) and shows the server's message for a field under that field.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { PIX_KEY_TYPES, PIX_KEY_TYPE_LABELS, type PixKeyType } from '../../../domain/banking/pix-key.js';
import { ApiError, api } from '../../api.js';
import type { BankAccount, Company, Portador } from '../../contracts.js';

/** The banks with their own rules, for the bank code's suggestions: loaded apart (they bring every bank's profile). */
function useKnownBanks(): { code: string; name: string }[] {
  const { data } = useQuery({
    queryKey: ['known-banks'],
    queryFn: async () => (await import('../../../domain/banking/account.js')).accountRulesOfBanks(),
    staleTime: Infinity,
  });
  return data ?? [];
}

export function withDigit(number: string, digit: string | null): string {
  return digit ? `${number}-${digit}` : number;
}

/** A failed save: the summary and the message of each field the server named. */
type Problem = { text: string; fields: Map<string, string> };

function problemOf(error: unknown): Problem | null {
  if (!error) return null;
  if (!(error instanceof ApiError)) return { text: 'Não foi possível salvar.', fields: new Map() };
  const fields = new Map(error.fields.map((f) => [f.path, f.message]));
  // Field messages show under their fields; the summary only points at them.
  return {
    text: fields.size > 0 ? 'Não foi salvo: confira os campos marcados em vermelho.' : error.message,
    fields,
  };
}

/** Saves, then refreshes both lists (a portador shows its account's bank) and closes the editor. */
function useSave<Result>(save: () => Promise<Result>, onSaved: () => void) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: save,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['bank-accounts'] }),
        queryClient.invalidateQueries({ queryKey: ['portadores'] }),
      ]);
      onSaved();
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.mutate();
  };
  return { busy: mutation.isPending, problem: problemOf(mutation.error), submit };
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  problem: Problem | null;
  /** The body field the server names in its messages. */
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
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

function FieldError({ id, message }: { id?: string; message: string | undefined }) {
  return message ? (
    <span className="field-error" id={id}>
      {message}
    </span>
  ) : null;
}

function CompanyField(props: {
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
        value={props.value}
        disabled={props.disabled || props.targets.length <= 1}
        onChange={(event) => props.onChange(event.target.value)}
      >
        {props.targets.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function FormFooter({ busy, label, problem }: { busy: boolean; label: string; problem: Problem | null }) {
  return (
    <>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? 'Salvando…' : label}
      </button>
      {problem ? (
        <div className="form-error" role="alert">
          {problem.text}
        </div>
      ) : null}
    </>
  );
}

interface FormProps<T> {
  item: T | null;
  /** Companies a new record may belong to (the current one, or a consolidated one and its children). */
  targets: Company[];
  onSaved: () => void;
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

export function AccountForm({ item, targets, onSaved }: FormProps<BankAccount>) {
  const [companyId, setCompanyId] = useState(item?.companyId ?? targets[0]!.id);
  const [erpKey, setErpKey] = useState(item?.erpKey ?? '');
  const [name, setName] = useState(item?.name ?? '');
  const [bankCode, setBankCode] = useState(item?.bankCode ?? '');
  const knownBanks = useKnownBanks();
  const [agency, setAgency] = useState(item?.agency ?? '');
  const [agencyDigit, setAgencyDigit] = useState(item?.agencyDigit ?? '');
  const [account, setAccount] = useState(item?.account ?? '');
  const [accountDigit, setAccountDigit] = useState(item?.accountDigit ?? '');
  const [pixKeyType, setPixKeyType] = useState<PixKeyType | ''>(item?.pixKeyType ?? '');
  const [pixKey, setPixKey] = useState(item?.pixKey ?? '');
  const body = {
    name: orNull(name),
    bankCode: bankCode.trim(),
    agency: agency.trim(),
    agencyDigit: orNull(agencyDigit),
    account: account.trim(),
    accountDigit: orNull(accountDigit),
    pixKeyType: pixKeyType || null,
    pixKey: pixKeyType ? pixKey.trim() : null,
  };
  const { busy, problem, submit } = useSave(
    () =>
      item
        ? api.patchBankAccount(item.id, body)
        : api.createBankAccount({ companyId, erpKey: erpKey.trim(), ...body }),
    onSaved,
  );
  const editing = item !== null;
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
        {knownBanks.map((bank) => (
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
        <FieldError message={problem?.fields.get('pixKeyType')} />
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
      <FormFooter busy={busy} label={editing ? 'Salvar alterações' : 'Criar conta'} problem={problem} />
    </form>
  );
}

export function PortadorForm({ item, targets, onSaved }: FormProps<Portador>) {
  const [companyId, setCompanyId] = useState(item?.companyId ?? targets[0]!.id);
  const [erpKey, setErpKey] = useState(item?.erpKey ?? '');
  const [name, setName] = useState(item?.name ?? '');
  const [bankAccountErpKey, setBankAccountErpKey] = useState(item?.bankAccountErpKey ?? '');
  const [carteira, setCarteira] = useState(item?.carteira ?? '');
  const [convenio, setConvenio] = useState(item?.convenio ?? '');
  // The bank accounts of the portador's own company: a portador may only use those.
  const accountsQuery = { companyId, pageSize: '200' };
  const accounts = useQuery({
    queryKey: ['bank-accounts', accountsQuery],
    queryFn: ({ signal }) => api.bankAccounts(accountsQuery, signal),
  });
  const body = {
    name: name.trim(),
    bankAccountErpKey: bankAccountErpKey || null,
    carteira: orNull(carteira),
    convenio: orNull(convenio),
  };
  const { busy, problem, submit } = useSave(
    () =>
      item
        ? api.patchPortador(item.id, body)
        : api.createPortador({ companyId, erpKey: erpKey.trim(), ...body }),
    onSaved,
  );
  const editing = item !== null;
  const field = { problem };

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
          {(accounts.data?.items ?? [])
            .filter((a) => a.companyId === companyId)
            .map((a) => (
              <option key={a.id} value={a.erpKey}>
                {`${a.bankLabel} · ag. ${withDigit(a.agency, a.agencyDigit)} · conta ${withDigit(a.account, a.accountDigit)} (${a.erpKey})`}
              </option>
            ))}
        </select>
        <FieldError message={problem?.fields.get('bankAccountErpKey')} />
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
      <FormFooter busy={busy} label={editing ? 'Salvar alterações' : 'Criar portador'} problem={problem} />
    </form>
  );
}
