/**
 * The editor's fields in the sections the setup wizard walks one by one (company and bank data, authentication,
 * platform data, activation); the editor shows them all at once. Each field shows the API's message for its path.
 */
import type { ReactNode } from 'react';
import { DateField } from '../../components/DateField.js';
import type { Company, Integration, Platform, PortadorOption } from '../../contracts.js';
import {
  CHARGE_TYPE_LABELS,
  ENVIRONMENT_LABELS,
  optionLabel,
  portadoresFor,
  type IntegrationForm,
} from './form.js';

export interface FieldsProps {
  form: IntegrationForm;
  set: (patch: Partial<IntegrationForm>) => void;
  errors: Record<string, string>;
  platform: Platform;
}

function Field({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <span className="field-problem" id={`${id}-error`} role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}

function Check({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <label className="check" htmlFor={id}>
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

export function CompanyBankFields({
  form,
  set,
  errors,
  platform,
  companies,
  portadores,
}: FieldsProps & { companies: Company[]; portadores: PortadorOption[] }) {
  const offered = portadoresFor(platform.platform, portadores, form.companyId);
  return (
    <div className="form-grid">
      <Field id="int-company" label="Empresa" error={errors.companyId}>
        <select
          id="int-company"
          value={form.companyId}
          disabled={companies.length < 2}
          onChange={(e) => set({ companyId: e.target.value, portadorId: '' })}
        >
          {companies.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="int-portador" label="Portador" error={errors.portadorId}>
        <select
          id="int-portador"
          value={form.portadorId}
          onChange={(e) => set({ portadorId: e.target.value })}
        >
          <option value="">Escolha o portador…</option>
          {offered.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.erpKey})
            </option>
          ))}
        </select>
      </Field>
      {offered.length === 0 ? (
        <p className="muted form-wide">
          {platform.platform === 'efi'
            ? 'Nenhum portador de carteira (sem conta bancária) nesta empresa: a Efí usa um portador de carteira.'
            : 'Nenhum portador ligado a conta bancária nesta empresa.'}
        </p>
      ) : null}
    </div>
  );
}

export function AuthFields({ form, set, errors, platform, stored }: FieldsProps & { stored?: Integration }) {
  return (
    <div className="form-grid">
      <Field id="int-environment" label="Ambiente" error={errors.environment}>
        <select
          id="int-environment"
          value={form.environment}
          onChange={(e) => set({ environment: e.target.value as IntegrationForm['environment'] })}
        >
          {Object.entries(ENVIRONMENT_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Field id="int-endpoint" label="Endereço personalizado (opcional)" error={errors.endpointUrl}>
        <input
          id="int-endpoint"
          type="text"
          value={form.endpointUrl}
          placeholder="padrão da plataforma"
          onChange={(e) => set({ endpointUrl: e.target.value })}
        />
      </Field>
      {platform.optionFields.map((option) => {
        const path = `${option.secret ? 'secrets' : 'options'}.${option.name}`;
        const id = `int-${option.secret ? 'secret' : 'option'}-${option.name}`;
        const label = `${optionLabel(option.name)}${option.required ? '' : ' (opcional)'}`;
        if (!option.secret)
          return (
            <Field key={path} id={id} label={label} error={errors[path]}>
              <input
                id={id}
                type="text"
                value={form.options[option.name] ?? ''}
                onChange={(e) => set({ options: { ...form.options, [option.name]: e.target.value } })}
              />
            </Field>
          );
        return (
          <SecretField
            key={path}
            id={id}
            label={label}
            error={errors[path]}
            configured={stored?.secretsConfigured.includes(option.name) ?? false}
            value={form.secrets[option.name]}
            onChange={(value) => {
              const secrets = { ...form.secrets };
              if (value === undefined) delete secrets[option.name];
              else secrets[option.name] = value;
              set({ secrets });
            }}
          />
        );
      })}
    </div>
  );
}

/** Write-only: a stored secret is never shown, only "configurado" and a way to type a new one. */
function SecretField(props: {
  id: string;
  label: string;
  error: string | undefined;
  configured: boolean;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const { id, label, error, configured, value, onChange } = props;
  if (configured && value === undefined)
    return (
      <Field id={id} label={label} error={error}>
        <div className="secret-configured">
          <span className="badge badge-paid" data-testid={`${id}-configured`}>
            configurado
          </span>
          <button type="button" className="btn btn-small" onClick={() => onChange('')}>
            Substituir
          </button>
        </div>
      </Field>
    );
  return (
    <Field id={id} label={label} error={error}>
      <input
        id={id}
        type="password"
        autoComplete="new-password"
        // Typing a replacement right after "Substituir".
        autoFocus={configured}
        value={value ?? ''}
        placeholder={configured ? 'novo valor (vazio mantém o atual)' : ''}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

export function PlatformDataFields({ form, set, errors }: FieldsProps) {
  return (
    <div className="form-grid">
      <Field id="int-charge-type" label="Tipo de cobrança" error={errors.chargeType}>
        <select
          id="int-charge-type"
          value={form.chargeType}
          onChange={(e) => set({ chargeType: e.target.value as IntegrationForm['chargeType'] })}
        >
          {Object.entries(CHARGE_TYPE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <div className={`field${errors.referenceDate ? ' field-invalid' : ''}`}>
        <DateField
          id="int-reference-date"
          label="Data de referência"
          visibleLabel
          value={form.referenceDate}
          onChange={(referenceDate) => set({ referenceDate })}
        />
        {errors.referenceDate ? (
          <span className="field-problem" role="alert">
            {errors.referenceDate}
          </span>
        ) : null}
      </div>
      <Check
        id="int-realtime"
        label="Registro em tempo real"
        checked={form.realtime}
        onChange={(realtime) => set({ realtime })}
      />
      <Field id="int-fee" label="Tarifa por pagamento (R$)" error={errors.feeCents}>
        <input
          id="int-fee"
          type="text"
          inputMode="decimal"
          value={form.fee}
          onChange={(e) => set({ fee: e.target.value })}
        />
      </Field>
      <Field id="int-receipt-history" label="Histórico de Recebimento" error={errors.receiptHistoryCode}>
        <input
          id="int-receipt-history"
          type="text"
          maxLength={20}
          value={form.receiptHistoryCode}
          onChange={(e) => set({ receiptHistoryCode: e.target.value })}
        />
      </Field>
      <Field id="int-entries-history" label="Histórico de Entradas" error={errors.entriesHistoryCode}>
        <input
          id="int-entries-history"
          type="text"
          maxLength={20}
          value={form.entriesHistoryCode}
          onChange={(e) => set({ entriesHistoryCode: e.target.value })}
        />
      </Field>
      <Field id="int-fees-history" label="Histórico de Tarifas" error={errors.feesHistoryCode}>
        <input
          id="int-fees-history"
          type="text"
          maxLength={20}
          value={form.feesHistoryCode}
          onChange={(e) => set({ feesHistoryCode: e.target.value })}
        />
      </Field>
    </div>
  );
}

export function ActivationField({ form, set, errors }: FieldsProps) {
  return (
    <div className={`field${errors.active ? ' field-invalid' : ''}`}>
      <Check
        id="int-active"
        label="Integração ativa"
        checked={form.active}
        onChange={(active) => set({ active })}
      />
      {errors.active ? (
        <span className="field-problem" role="alert">
          {errors.active}
        </span>
      ) : null}
    </div>
  );
}

/** Messages of paths no field shows (and the general message), so nothing the API says is lost. */
export function FormProblems({
  message,
  errors,
  shown,
}: {
  message: string | null;
  errors: Record<string, string>;
  shown: Set<string>;
}) {
  const rest = Object.entries(errors).filter(([path]) => !shown.has(path));
  if (!message && rest.length === 0) return null;
  return (
    <div className="form-error" role="alert">
      {message}
      {rest.length > 0 ? (
        <ul>
          {rest.map(([path, text]) => (
            <li key={path}>{text}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
