import { useState, type FormEvent } from 'react';
import { ApiError, api } from './api.js';
import type { Session } from './contracts.js';

interface LoginScreenProps {
  notice?: string | undefined;
  onLogin: (session: Session) => void;
}

export function LoginScreen({ notice, onLogin }: LoginScreenProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    if (!email.trim() || !password) {
      setError('Informe o e-mail e a senha.');
      return;
    }
    setBusy(true);
    try {
      const session = await api.login(email.trim(), password);
      onLogin(session);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) setError('E-mail ou senha inválidos.');
      else if (caught instanceof ApiError) setError(caught.message);
      else setError('Não foi possível entrar. Tente de novo.');
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <form className="login-card" onSubmit={submit} noValidate aria-labelledby="login-title">
        <div className="login-brand">
          <span className="brand-mark" aria-hidden="true">
            f
          </span>
          <span className="brand-name">finconsole</span>
        </div>
        <h1 id="login-title">Entrar no console financeiro</h1>
        {notice && !error ? (
          <p className="login-notice" role="status">
            {notice}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="login-email">E-mail</label>
          <input
            id="login-email"
            type="email"
            autoComplete="username"
            autoFocus
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="login-password">Senha</label>
          <input
            id="login-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        {error ? (
          <p className="login-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? 'Entrando…' : 'Entrar'}
        </button>
      </form>
    </div>
  );
}
