import { useCallback, useEffect, useState } from 'react';
import { ApiError, api, type Company, type Session } from './api.js';
import { BankingPage } from './BankingPage.js';
import { LoginScreen } from './LoginScreen.js';
import { Placeholder } from './Placeholder.js';
import { ReceivablesPage } from './ReceivablesPage.js';
import { TABS, type TabId } from './route.js';
import { useHashRoute } from './useHashRoute.js';

type SessionState =
  { kind: 'loading' } | { kind: 'anonymous'; notice?: string } | { kind: 'ready'; session: Session };

export function App() {
  const [state, setState] = useState<SessionState>({ kind: 'loading' });

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

  const onExpired = useCallback(() => {
    setState({ kind: 'anonymous', notice: 'Sua sessão expirou. Entre novamente.' });
  }, []);

  if (state.kind === 'loading')
    return (
      <div className="boot" role="status">
        Carregando…
      </div>
    );
  if (state.kind === 'anonymous')
    return <LoginScreen notice={state.notice} onLogin={(session) => setState({ kind: 'ready', session })} />;
  return (
    <Shell session={state.session} onExpired={onExpired} onLogout={() => setState({ kind: 'anonymous' })} />
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

const ROLE_LABELS: Record<string, string> = {
  admin: 'Administrador',
  operator: 'Operador',
  viewer: 'Leitura',
};

interface ShellProps {
  session: Session;
  onExpired: () => void;
  onLogout: () => void;
}

function Shell({ session, onExpired, onLogout }: ShellProps) {
  const [route, navigate] = useHashRoute();
  const [loggingOut, setLoggingOut] = useState(false);
  const companies = orderedCompanies(session.companies);
  const requested = route.params.get('companyId');
  const company =
    companies.find((c) => c.id === requested) ??
    companies.find((c) => c.id === session.homeCompanyId) ??
    companies[0];

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
    navigate(route.tab, params);
  };

  const goTab = (tab: TabId) => {
    const params = new URLSearchParams();
    if (company) params.set('companyId', company.id);
    navigate(tab, params);
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
  const tabLabel = TABS.find((t) => t.id === route.tab)?.label ?? '';
  useEffect(() => {
    document.title = `${tabLabel} — ${company?.name ?? 'finconsole'} · finconsole`;
  }, [tabLabel, company]);

  return (
    <div className="shell">
      <header className="topbar">
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
        <div className="topbar-user">
          <span className="user-name" title={session.user.email}>
            {session.user.name}
          </span>
          <span className="user-role">{ROLE_LABELS[session.user.role] ?? session.user.role}</span>
          <button type="button" className="btn btn-ghost" onClick={logout} disabled={loggingOut}>
            Sair
          </button>
        </div>
      </header>
      <nav className="sidenav" aria-label="Abas do console">
        <ul>
          {TABS.map((tab) => (
            <li key={tab.id}>
              <a
                href={`#/${tab.id}${company ? `?companyId=${encodeURIComponent(company.id)}` : ''}`}
                aria-current={route.tab === tab.id ? 'page' : undefined}
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
      <main className="content" aria-label={tabLabel}>
        {!company ? (
          <p className="state state-error" role="alert">
            Seu usuário não tem acesso a nenhuma empresa. Fale com o administrador.
          </p>
        ) : route.tab === 'titulos' ? (
          <ReceivablesPage
            company={company}
            canWrite={session.user.role !== 'viewer'}
            me={session.user}
            params={route.params}
            onParams={(params, replace) => navigate('titulos', params, replace)}
            onExpired={onExpired}
          />
        ) : route.tab === 'contas' ? (
          <BankingPage
            company={company}
            companies={companies}
            canWrite={session.user.role !== 'viewer'}
            onExpired={onExpired}
          />
        ) : (
          <Placeholder tab={route.tab} />
        )}
      </main>
    </div>
  );
}
