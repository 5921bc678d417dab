/**
 * First setup step by step (TOTVS seed): welcome, authentication, company and bank data, platform data, activation.
 * Activation validates through the same API as the editor (creating the same record), tests the connection and
 * keeps a visible log of what it did; a refusal names the step to go back to.
 */
import { useEffect, useState } from 'react';
import { ApiError, api } from '../../api.js';
import { todayInSaoPaulo } from '../../../domain/dates.js';
import { SidePanel } from '../../components/SidePanel.js';
import type { Company, Integration, Platform, PortadorOption } from '../../contracts.js';
import { emptyForm, type IntegrationForm } from './form.js';
import { ActivationField, AuthFields, CompanyBankFields, PlatformDataFields } from './IntegrationFields.js';
import { useSaveIntegration } from './useSaveIntegration.js';

const STEPS = ['Boas-vindas', 'Autenticação', 'Empresa e banco', 'Dados da plataforma', 'Ativação'] as const;

/** The step whose fields carry an API path. */
function stepOf(path: string): number {
  if (
    path.startsWith('secrets.') ||
    path.startsWith('options.') ||
    ['environment', 'endpointUrl'].includes(path)
  )
    return 1;
  if (['companyId', 'portadorId'].includes(path)) return 2;
  if (path === 'active') return 4;
  return 3;
}

interface LogLine {
  ok: boolean | null;
  text: string;
}

interface SetupWizardProps {
  platform: Platform;
  companies: Company[];
  portadores: PortadorOption[];
  onClose: () => void;
}

export function SetupWizard({ platform, companies, portadores, onClose }: SetupWizardProps) {
  const [step, setStep] = useState(0);
  const [form, setForm] = useState<IntegrationForm>(() =>
    emptyForm(companies[0]?.id ?? '', todayInSaoPaulo()),
  );
  const [created, setCreated] = useState<Integration | null>(null);
  const [log, setLog] = useState<LogLine[]>([]);
  const [running, setRunning] = useState(false);
  const { save, problems } = useSaveIntegration(platform.platform);
  const set = (patch: Partial<IntegrationForm>) => setForm((current) => ({ ...current, ...patch }));
  const fieldProps = { form, set, errors: problems.errors, platform };
  const done = created !== null && log.some((line) => line.text.startsWith('Concluído'));

  const activate = async () => {
    setRunning(true);
    const lines: LogLine[] = [{ ok: null, text: 'Validando os dados com o servidor…' }];
    setLog([...lines]);
    const view = await save(form, created?.id);
    if (!view) {
      lines.push({ ok: false, text: 'Recusado: corrija o que está indicado e ative de novo.' });
      setLog([...lines]);
      setRunning(false);
      return;
    }
    setCreated(view);
    lines.push({ ok: true, text: `Integração gravada: ${view.companyName}, portador ${view.portadorName}.` });
    lines.push({ ok: null, text: 'Testando a conexão com a plataforma…' });
    setLog([...lines]);
    try {
      const answer = await api.testIntegration(view.id);
      lines.push({ ok: answer.ok, text: `Conexão: ${answer.message}` });
    } catch (error) {
      lines.push({
        ok: false,
        text: `Conexão: ${error instanceof ApiError ? error.message : 'sem resposta'}`,
      });
    }
    lines.push({ ok: true, text: `Webhook a informar na plataforma: ${view.webhookUrl}` });
    lines.push({
      ok: true,
      text: view.active ? 'Concluído: integração ativa.' : 'Concluído: integração gravada inativa.',
    });
    setLog([...lines]);
    setRunning(false);
  };

  // "Acesso exclusivo": one wizard run per company; the lock is renewed while open and released on close.
  const lockCompanyId = companies[0]?.id ?? '';
  const [lock, setLock] = useState<{ held: boolean; message?: string } | null>(null);
  useEffect(() => {
    if (!lockCompanyId) return;
    let cancelled = false;
    let held = false;
    const take = () =>
      api.openWizard(lockCompanyId).then(
        () => {
          held = true;
          if (!cancelled) setLock({ held: true });
        },
        (error: unknown) => {
          if (!cancelled)
            setLock({
              held: false,
              message: error instanceof ApiError ? error.message : 'Assistente indisponível.',
            });
        },
      );
    void take();
    const renew = window.setInterval(() => held && void take(), 5 * 60_000);
    return () => {
      cancelled = true;
      window.clearInterval(renew);
      if (held) void api.closeWizard(lockCompanyId).catch(() => undefined);
    };
  }, [lockCompanyId]);

  if (lock && !lock.held)
    return (
      <SidePanel title={`Assistente de configuração — ${platform.label}`} onClose={onClose}>
        <div className="drawer-body wizard">
          <p className="state state-error" role="alert">
            {lock.message}
          </p>
          <button type="button" className="btn" onClick={onClose}>
            Fechar
          </button>
        </div>
      </SidePanel>
    );

  const problemSteps = [...new Set(Object.keys(problems.errors).map(stepOf))].sort();

  return (
    <SidePanel title={`Assistente de configuração — ${platform.label}`} onClose={onClose}>
      <div className="drawer-body wizard">
        <ol className="wizard-steps" aria-label="Etapas">
          {STEPS.map((name, index) => (
            <li
              key={name}
              aria-current={index === step ? 'step' : undefined}
              className={problemSteps.includes(index) ? 'wizard-step-problem' : undefined}
            >
              {index + 1}. {name}
            </li>
          ))}
        </ol>
        <h3>{STEPS[step]}</h3>
        {step === 0 ? (
          <div className="wizard-welcome">
            <p>
              Este assistente configura a integração com <strong>{platform.label}</strong>: as credenciais da
              aplicação, a empresa e o portador que ela registra, o tipo de cobrança e as regras, e por fim
              ativa e testa a conexão.
            </p>
            <p className="muted">
              O resultado é o mesmo cadastro da tela Parceiros/Bancos: depois, tudo se altera por lá.
            </p>
          </div>
        ) : step === 1 ? (
          <AuthFields {...fieldProps} {...(created ? { stored: created } : {})} />
        ) : step === 2 ? (
          <CompanyBankFields {...fieldProps} companies={companies} portadores={portadores} />
        ) : step === 3 ? (
          <PlatformDataFields {...fieldProps} />
        ) : (
          <>
            <ActivationField {...fieldProps} />
            {problems.message ? (
              <div className="form-error" role="alert">
                {problems.message}
                <ul>
                  {Object.entries(problems.errors).map(([path, message]) => (
                    <li key={path}>
                      {STEPS[stepOf(path)]}: {message}{' '}
                      <button type="button" className="btn-link" onClick={() => setStep(stepOf(path))}>
                        ir à etapa
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {log.length > 0 ? (
              <ol className="activation-log" aria-label="Registro da ativação">
                {log.map((line, index) => (
                  <li key={index} className={line.ok === false ? 'log-bad' : line.ok ? 'log-ok' : 'log-info'}>
                    {line.text}
                  </li>
                ))}
              </ol>
            ) : null}
          </>
        )}
        <div className="form-actions">
          {step > 0 && !done ? (
            <button type="button" className="btn" onClick={() => setStep(step - 1)} disabled={running}>
              Voltar
            </button>
          ) : null}
          {step < STEPS.length - 1 ? (
            <button type="button" className="btn btn-primary" onClick={() => setStep(step + 1)}>
              {step === 0 ? 'Começar' : 'Próximo'}
            </button>
          ) : done ? (
            <button type="button" className="btn btn-primary" onClick={onClose}>
              Fechar assistente
            </button>
          ) : (
            <button
              type="button"
              className="btn btn-primary"
              disabled={running}
              onClick={() => void activate()}
            >
              {running ? 'Ativando…' : 'Validar e ativar'}
            </button>
          )}
        </div>
      </div>
    </SidePanel>
  );
}
