/**
 * "Novo" / edit of one integration: every field at once, then (once saved) its webhook URL with copy and
 * regenerate, and "Testar conexão" with the platform's answer.
 */
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, api } from '../../api.js';
import { todayInSaoPaulo } from '../../../domain/dates.js';
import { SidePanel } from '../../components/SidePanel.js';
import type { Company, Integration, Platform, PortadorOption } from '../../contracts.js';
import { emptyForm, formOf, type IntegrationForm } from './form.js';
import {
  ActivationField,
  AuthFields,
  CompanyBankFields,
  FormProblems,
  PlatformDataFields,
} from './IntegrationFields.js';
import { useSaveIntegration } from './useSaveIntegration.js';

interface IntegrationEditorProps {
  platform: Platform;
  integration: Integration | null;
  companies: Company[];
  portadores: PortadorOption[];
  onClose: () => void;
}

const FIELD_PATHS = [
  'companyId',
  'portadorId',
  'chargeType',
  'environment',
  'endpointUrl',
  'referenceDate',
  'active',
  'feeCents',
  'receiptHistoryCode',
  'entriesHistoryCode',
  'feesHistoryCode',
];

/** Paths some field of the editor shows beside itself. */
export function shownPaths(platform: Platform): Set<string> {
  return new Set([
    ...FIELD_PATHS,
    ...platform.optionFields.map((o) => `${o.secret ? 'secrets' : 'options'}.${o.name}`),
  ]);
}

export function IntegrationEditor({
  platform,
  integration,
  companies,
  portadores,
  onClose,
}: IntegrationEditorProps) {
  const [saved, setSaved] = useState<Integration | null>(integration);
  const [form, setForm] = useState<IntegrationForm>(() =>
    integration ? formOf(integration) : emptyForm(companies[0]?.id ?? '', todayInSaoPaulo()),
  );
  const [notice, setNotice] = useState<string | null>(null);
  const { save, problems, saving } = useSaveIntegration(platform.platform);
  const set = (patch: Partial<IntegrationForm>) => setForm((current) => ({ ...current, ...patch }));
  const fieldProps = { form, set, errors: problems.errors, platform };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNotice(null);
    const view = await save(form, saved?.id);
    if (!view) return;
    setSaved(view);
    setForm(formOf(view));
    setNotice('Integração salva.');
  };

  return (
    <SidePanel
      title={saved ? `Integração ${platform.label}` : `Nova integração ${platform.label}`}
      onClose={onClose}
    >
      <div className="drawer-body">
        <form className="stack-form integration-form" onSubmit={(e) => void submit(e)} noValidate>
          <h3>Empresa e banco</h3>
          <CompanyBankFields {...fieldProps} companies={companies} portadores={portadores} />
          <h3>Autenticação</h3>
          <AuthFields {...fieldProps} {...(saved ? { stored: saved } : {})} />
          <h3>Dados da plataforma</h3>
          <PlatformDataFields {...fieldProps} />
          <h3>Situação</h3>
          <ActivationField {...fieldProps} />
          <FormProblems message={problems.message} errors={problems.errors} shown={shownPaths(platform)} />
          {notice ? (
            <p className="form-ok" role="status">
              {notice}
            </p>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={saving}>
              {saving ? 'Salvando…' : 'Salvar'}
            </button>
          </div>
        </form>
        {saved ? <WebhookAndTest integration={saved} onChanged={setSaved} /> : null}
      </div>
    </SidePanel>
  );
}

export function WebhookAndTest({
  integration,
  onChanged,
}: {
  integration: Integration;
  onChanged: (integration: Integration) => void;
}) {
  const [copied, setCopied] = useState(false);
  const regenerate = useMutation({
    mutationFn: () => api.regenerateWebhook(integration.id),
    onSuccess: (view) => {
      setCopied(false);
      onChanged(view);
    },
  });
  const test = useMutation({ mutationFn: () => api.testIntegration(integration.id) });
  const errorText = (error: unknown) => (error instanceof ApiError ? error.message : 'Tente de novo.');

  return (
    <>
      <h3>Webhook</h3>
      <p className="muted">
        Informe este endereço na plataforma: é por ele que ela avisa pagamentos e mudanças.
      </p>
      <div className="token-shown">
        <code data-testid="webhook-url">{integration.webhookUrl}</code>
        <button
          type="button"
          className="btn btn-small"
          onClick={() =>
            void navigator.clipboard?.writeText(integration.webhookUrl).then(() => setCopied(true))
          }
        >
          {copied ? 'Copiado' : 'Copiar'}
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={regenerate.isPending}
          onClick={() => regenerate.mutate()}
        >
          Gerar nova URL
        </button>
      </div>
      {regenerate.isSuccess ? (
        <p className="form-ok" role="status">
          Nova URL gerada: a anterior deixou de valer. Atualize-a na plataforma.
        </p>
      ) : null}
      {regenerate.isError ? (
        <p className="form-error" role="alert">
          {errorText(regenerate.error)}
        </p>
      ) : null}
      <h3>Conexão</h3>
      <button type="button" className="btn" disabled={test.isPending} onClick={() => test.mutate()}>
        {test.isPending ? 'Testando…' : 'Testar conexão'}
      </button>
      {test.data ? (
        <p className={test.data.ok ? 'form-ok' : 'form-error'} role="status" data-testid="connection-answer">
          {test.data.ok ? 'Conexão bem-sucedida: ' : 'Falha na conexão: '}
          {test.data.message}
        </p>
      ) : null}
      {test.isError ? (
        <p className="form-error" role="alert">
          {errorText(test.error)}
        </p>
      ) : null}
    </>
  );
}
