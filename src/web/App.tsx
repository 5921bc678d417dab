import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from './api.js';
import type { Company, Session } from './contracts.js';
import { NotificationBell } from './components/NotificationBell.js';
import { LoginScreen } from './LoginScreen.js';
import { ApiTokensPage } from './pages/ApiTokensPage.js';
import { AuditPage } from './pages/audit/AuditPage.js';
import { BankingPage } from './pages/banking/BankingPage.js';
import { CreditPage } from './pages/credit/CreditPage.js';
import { CustomersPage } from './pages/customers/CustomersPage.js';
import { IntegrationsPage } from './pages/integrations/IntegrationsPage.js';
import { LogsPage } from './pages/logs/LogsPage.js';
import { ReconciliationPage } from './pages/reconciliation/ReconciliationPage.js';
import { RemessaPage } from './pages/remessa/RemessaPage.js';
import { WebhooksPage } from './pages/webhooks/WebhooksPage.js';
import { RetornosPage } from './pages/retornos/RetornosPage.js';
import { ReceivablesPage } from './pages/receivables/ReceivablesPage.js';
import { TABS, type TabId } from './route.js';
import { useHashRoute } from './useHashRoute.js';

type SessionState =
  { kind: 'loading' } | { kind: 'anonymous'; notice?: string } | { kind: 'ready'; session: Session };

const isExpired = (error: unknown) => error instanceof ApiError && error.status === 401;

export function App() {
  const [state, setState] = useState<SessionState>({ kind: 'loading' });
  const onExpired = useCallback(() => {
    setState({ kind: 'anonymous', notice: 'Sua sessão expirou. Entre novamente.' });
  }, []);
  // Server state (lists, details) is cached per session; any 401 from a query or an action ends the session.
  const [queryClient] = useState(
    () =>
      new QueryClient({
        queryCache: new QueryCache({ onError: (error) => isExpired(error) && onExpired() }),
        mutationCache: new MutationCache({ onError: (error) => isExpired(error) && onExpired() }),
        defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
      }),
  );

  useEffect(() => {
    let cancelled = false;
    api
      .getSession()
      .then((session) => !cancelled && setState({ kind: 'ready', session }))
      .catch((error: unknown) => {
        if (cancelled) return;
        const notice = error instanceof ApiError && error.status !== 401 ? error.message : undefined;
        setState({ kind: 'anonymous', notice });
      });
    return () => {
      cancelled = true;
    };
  }, []);
  useEffect(() => {
    if (state.kind === 'anonymous') queryClient.clear();
  }, [state.kind, queryClient]);

  if (state.kind === 'loading')
    return (
      <div className="boot" role="status">
        Carregando…
      </div>
    );
  if (state.kind === 'anonymous')
    return <LoginScreen notice={state.notice} onLogin={(session) => setState({ kind: 'ready', session })} />;
  return (
    <QueryClientProvider client={queryClient}>
      <Shell session={state.session} onLogout={() => setState({ kind: 'anonymous' })} />
    </QueryClientProvider>
  );
}

/** Companies in switcher order: each consolidated company, then its children; orphans last. */
function orderedCompanies(companies: Company[]): Company[] {
  const result: Company[] = [];
  const seen = new Set<string>();
  for (const parent of companies.filter((c) => c.kind === 'consolidated')) {
    result.push(parent);
    seen.add(parent.id);
    for (const child of companies.filter((c) => c.parentCompanyId === parent.id)) {
      result.push(child);
      seen.add(child.id);
    }
  }
  for (const company of companies) if (!seen.has(company.id)) result.push(company);
  return result;
}

function companyOptionLabel(company: Company): string {
  return company.kind === 'consolidated' ? `${company.name} (todas as empresas)` : company.name;
}

const ROLE_LABELS: Record<Session['user']['role'], string> = {
  admin: 'Administrador',
  operator: 'Operador',
  viewer: 'Leitura',
};

interface ShellProps {
  session: Session;
  onLogout: () => void;
}

function Shell({ session, onLogout }: ShellProps) {
  const [route, navigate] = useHashRoute();
  const [loggingOut, setLoggingOut] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const companies = orderedCompanies(session.companies);
  const requested = route.params.get('companyId');
  const company =
    companies.find((c) => c.id === requested) ??
    companies.find((c) => c.id === session.homeCompanyId) ??
    companies[0];
  const tabs = TABS.filter((tab) => !('adminOnly' in tab) || session.user.role === 'admin');

  // Keep the company in the URL so a reload or a shared link opens the same view.
  useEffect(() => {
    if (company && requested !== company.id) {
      const params = new URLSearchParams(route.params);
      params.set('companyId', company.id);
      navigate(route.tab, params, true);
    }
  }, [company, requested, route, navigate]);

  const switchCompany = (companyId: string) => {
    // A new company keeps the date/status filters but not the customer (customers belong to a company).
    const params = new URLSearchParams(route.params);
    params.set('companyId', companyId);
    params.delete('customerId');
    params.delete('page');
    params.delete('titulo');
    params.delete('cliente');
    navigate(route.tab, params);
  };

  const goTab = (tab: TabId, extra: Record<string, string> = {}) => {
    setMenuOpen(false);
    navigate(tab, new URLSearchParams(company ? { companyId: company.id, ...extra } : extra));
  };

  const logout = async () => {
    setLoggingOut(true);
    try {
      await api.logout();
    } catch {
      // The session is dropped on this side anyway.
    }
    window.history.replaceState(null, '', window.location.pathname);
    onLogout();
  };

  const readOnlySwitcher = companies.length <= 1;
  const current = tabs.find((t) => t.id === route.tab) ?? tabs[0]!;
  useEffect(() => {
    document.title = `${current.label} — ${company?.name ?? 'finconsole'} · finconsole`;
  }, [current, company]);
  const onParams = (params: URLSearchParams, replace?: boolean) => navigate(current.id, params, replace);

  return (
    <div className={`shell${menuOpen ? ' menu-open' : ''}`}>
      <header className="topbar">
        <button
          type="button"
          className="btn btn-ghost menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="sidenav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          Menu
        </button>
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            f
          </span>
          <span className="brand-name">finconsole</span>
          <span className="brand-sub">Console financeiro</span>
        </div>
        <div className="topbar-company">
          <label htmlFor="company-switcher">Empresa</label>
          <select
            id="company-switcher"
            value={company?.id ?? ''}
            disabled={readOnlySwitcher}
            onChange={(event) => switchCompany(event.target.value)}
          >
            {companies.map((c) => (
              <option key={c.id} value={c.id}>
                {companyOptionLabel(c)}
              </option>
            ))}
          </select>
        </div>
        <NotificationBell />
        <div className="topbar-user">
          <span className="user-name" title={session.user.email}>
            {session.user.name}
          </span>
          <span className="user-role">{ROLE_LABELS[session.user.role]}</span>
          <button type="button" className="btn btn-ghost" onClick={logout} disabled={loggingOut}>
            Sair
          </button>
        </div>
      </header>
      <nav id="sidenav" className="sidenav" aria-label="Abas do console">
        <ul>
          {tabs.map((tab) => (
            <li key={tab.id}>
              <a
                href={`#/${tab.id}${company ? `?companyId=${encodeURIComponent(company.id)}` : ''}`}
                aria-current={current.id === tab.id ? 'page' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  goTab(tab.id);
                }}
              >
                {tab.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content" aria-label={current.label}>
        {!company ? (
          <p className="state state-error" role="alert">
            Seu usuário não tem acesso a nenhuma empresa. Fale com o administrador.
          </p>
        ) : current.id === 'titulos' ? (
          <ReceivablesPage
            company={company}
            canWrite={session.user.role !== 'viewer'}
            params={route.params}
            onParams={onParams}
          />
        ) : current.id === 'clientes' ? (
          <CustomersPage
            company={company}
            params={route.params}
            onParams={onParams}
            onOpenReceivables={(customerId, receivableId) =>
              goTab('titulos', receivableId ? { customerId, titulo: receivableId } : { customerId })
            }
          />
        ) : current.id === 'contas' ? (
          <BankingPage company={company} companies={companies} canWrite={session.user.role !== 'viewer'} />
        ) : current.id === 'parceiros' ? (
          <IntegrationsPage
            company={company}
            companies={companies}
            isAdmin={session.user.role === 'admin'}
            params={route.params}
            onParams={onParams}
          />
        ) : current.id === 'remessa' ? (
          <RemessaPage
            company={company}
            companies={companies}
            canWrite={session.user.role !== 'viewer'}
            params={route.params}
            onParams={onParams}
          />
        ) : current.id === 'logs' ? (
          <LogsPage company={company} companies={companies} params={route.params} onParams={onParams} />
        ) : current.id === 'retorno' ? (
          <RetornosPage
            company={company}
            companies={companies}
            isAdmin={session.user.role === 'admin'}
            canWrite={session.user.role !== 'viewer'}
            params={route.params}
            onParams={onParams}
          />
        ) : current.id === 'credito' ? (
          <CreditPage
            company={company}
            companies={companies}
            canWrite={session.user.role !== 'viewer'}
            params={route.params}
            onParams={onParams}
          />
        ) : current.id === 'conciliacao' ? (
          <ReconciliationPage
            company={company}
            canWrite={session.user.role !== 'viewer'}
            params={route.params}
            onParams={onParams}
          />
        ) : current.id === 'webhooks' ? (
          <WebhooksPage
            company={company}
            companies={companies}
            isAdmin={session.user.role === 'admin'}
            canWrite={session.user.role !== 'viewer'}
          />
        ) : current.id === 'tokens' ? (
          <ApiTokensPage company={company} companies={companies} />
        ) : (
          <AuditPage company={company} companies={companies} params={route.params} onParams={onParams} />
        )}
      </main>
    </div>
  );
}
