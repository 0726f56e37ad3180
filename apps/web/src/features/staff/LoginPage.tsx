import { useState, type FormEvent } from 'react';
import type { LoginResponse } from '@motcua/contracts';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/TextField.tsx';
import { describeError } from '../../i18n/describe-error.ts';
import { useT } from '../../i18n/useT.ts';
import { apiPost, toApiError } from '../../lib/api.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { navigate } from '../../router/history.ts';
import { useLocation } from '../../router/useLocation.ts';
import { useSession } from './useSession.ts';

/** Where to go after signing in: a path of this site only, so a crafted link cannot send the officer away. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/can-bo';
}

/** Staff sign-in. Wrong credentials show the API's own message, linked to the username field. */
export function LoginPage() {
  const i18n = useT();
  const { t } = i18n;
  const { setSession } = useSession();
  const { query } = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  usePageTitle(errors.length ? `${t('common.errorPrefix')} ${t('login.title')}` : t('login.title'));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const found: FieldError[] = [];
    if (!username.trim()) found.push({ field: 'username', text: t('login.errUsername') });
    if (!password) found.push({ field: 'password', text: t('login.errPassword') });
    setErrors(found);
    if (found.length) return;

    setBusy(true);
    try {
      const res = await apiPost<LoginResponse>('/api/v1/auth/login', { username: username.trim(), password });
      setSession({ status: 'in', staff: res.staff });
      navigate(safeNext(query.get('tiep')), { replace: true });
    } catch (err) {
      setPassword('');
      setErrors([{ field: 'username', text: describeError(toApiError(err), i18n) }]);
    } finally {
      setBusy(false);
    }
  }

  const errorFor = (field: string) => errors.find((e) => e.field === field)?.text;

  return (
    <div className="narrow">
      <ErrorSummary errors={errors} />
      <h1 className="heading-l">{t('login.title')}</h1>
      <p>{t('login.lead')}</p>
      <form onSubmit={submit} noValidate>
        <TextField
          id="username"
          label={t('login.username')}
          error={errorFor('username')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <TextField
          id="password"
          type="password"
          label={t('login.password')}
          error={errorFor('password')}
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" className="button" disabled={busy} aria-disabled={busy || undefined}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
      </form>
    </div>
  );
}
