import { useState, type FormEvent } from 'react';
import type { NotificationChannel, NotificationPrefs, NotificationPrefsInput } from '@motcua/contracts';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { TextField } from '../../components/TextField.tsx';
import { describeError } from '../../i18n/describe-error.ts';
import { toApiError } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { apiPut } from './citizen-api.ts';
import { CitizenApiError, CitizenGate } from './CitizenGate.tsx';
import { CitizenNav } from './CitizenNav.tsx';
import { useCitizenSession } from './useCitizenSession.ts';
import { useCitizenT } from './useCitizenT.ts';
// The strings of these pages load with them, not with the public bundle.
import '../../i18n/messages-citizen.ts';

const CHANNELS: readonly NotificationChannel[] = ['sms', 'email', 'zalo'];

/** "Thông báo của tôi": the channels news of my dossiers reach me on (SMS, email, Zalo). */
export function NotificationsPage() {
  return <CitizenGate>{() => <Notifications />}</CitizenGate>;
}

function Notifications() {
  const { t } = useCitizenT();
  const prefs = useApi<NotificationPrefs>('/api/v1/me/notifications');
  usePageTitle(t('citizen.notify.title'));
  return (
    <>
      <h1 className="heading-l">{t('citizen.notify.title')}</h1>
      <CitizenNav />
      <p className="lead">{t('citizen.notify.lead')}</p>
      {prefs.status === 'loading' && <Loading />}
      {prefs.status === 'error' && (
        <CitizenApiError title={t('citizen.notify.errorTitle')} error={prefs.error} onRetry={prefs.retry} />
      )}
      {prefs.status === 'ok' && <PrefsForm initial={prefs.data} />}
    </>
  );
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function PrefsForm({ initial }: { initial: NotificationPrefs }) {
  const i18n = useCitizenT();
  const { t } = i18n;
  const { setSession } = useCitizenSession();
  const [channels, setChannels] = useState<NotificationChannel[]>(initial.channels);
  const [email, setEmail] = useState(initial.email ?? '');
  const [phone, setPhone] = useState(initial.phone ?? '');
  const [saved, setSaved] = useState(initial.saved);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const errorFor = (id: string) => errors.find((e) => e.field === id)?.text;

  function toggle(c: NotificationChannel, on: boolean) {
    setChannels((old) => (on ? CHANNELS.filter((x) => x === c || old.includes(x)) : old.filter((x) => x !== c)));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setDone(false);
    const found: FieldError[] = [];
    if (channels.includes('email') && !EMAIL.test(email.trim()))
      found.push({ field: 'notify-email', text: t('citizen.notify.errEmail') });
    if (phone.trim() && !/^(0|\+84)\d{9}$/.test(phone.replace(/[\s.-]/g, '')))
      found.push({ field: 'notify-phone', text: t('citizen.notify.errPhone') });
    setErrors(found);
    if (found.length) return;
    const body: NotificationPrefsInput = {
      channels,
      email: email.trim() || null,
      phone: phone.replace(/[\s.-]/g, '') || null,
    };
    setBusy(true);
    try {
      const next = await apiPut<NotificationPrefs>('/api/v1/me/notifications', body);
      setChannels(next.channels);
      setEmail(next.email ?? '');
      setPhone(next.phone ?? '');
      setSaved(next.saved);
      setDone(true);
    } catch (err) {
      const apiError = toApiError(err);
      if (apiError.status === 401) return setSession({ status: 'out' });
      const details = Array.isArray(apiError.details) ? (apiError.details as { field?: unknown; message?: unknown }[]) : [];
      const mapped = details
        .filter((d) => typeof d.field === 'string' && typeof d.message === 'string')
        .map((d) => {
          const f = (d.field as string).replace(/^body[./]/, '');
          return {
            field: f === 'email' ? 'notify-email' : f === 'phone' ? 'notify-phone' : 'notify-channel',
            text: d.message as string,
          };
        });
      setErrors(mapped.length ? mapped : [{ field: 'notify-channel', text: describeError(apiError, i18n) }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <ErrorSummary errors={errors} />
      {done && (
        <div className="banner" role="status" id="notify-saved">
          <p className="banner__text">{channels.length ? t('citizen.notify.saved') : t('citizen.notify.savedNone')}</p>
        </div>
      )}
      {!saved && <p className="notice">{t('citizen.notify.defaults')}</p>}
      <form onSubmit={submit} noValidate>
        <div className={errorFor('notify-channel') ? 'form-group form-group--error' : 'form-group'}>
          <fieldset className="fieldset" aria-describedby="notify-channel-hint">
            <legend className="fieldset__legend">{t('citizen.notify.channels')}</legend>
            <div className="hint" id="notify-channel-hint">
              {t('citizen.notify.channelsHint')}
            </div>
            {errorFor('notify-channel') && (
              <p className="error-message" id="notify-channel-error">
                <span className="visually-hidden">{t('common.errorPrefix')} </span>
                {errorFor('notify-channel')}
              </p>
            )}
            {CHANNELS.map((c, i) => (
              <div key={c}>
                <div className="checkboxes__item">
                  <input
                    className="checkboxes__input"
                    type="checkbox"
                    id={i === 0 ? 'notify-channel' : `notify-channel-${c}`}
                    checked={channels.includes(c)}
                    onChange={(e) => toggle(c, e.target.checked)}
                  />
                  <label className="checkboxes__label" htmlFor={i === 0 ? 'notify-channel' : `notify-channel-${c}`}>
                    {t(`citizen.notify.channel.${c}`)}
                  </label>
                </div>
                {c === 'email' && channels.includes('email') && (
                  <div className="conditional">
                    <TextField
                      id="notify-email"
                      type="email"
                      label={t('citizen.notify.email')}
                      error={errorFor('notify-email')}
                      autoComplete="email"
                      spellCheck={false}
                      inputClassName="input--w30"
                      value={email}
                      onChange={(e) => setEmail(e.target.value)}
                    />
                  </div>
                )}
              </div>
            ))}
          </fieldset>
        </div>
        <TextField
          id="notify-phone"
          type="tel"
          label={t('citizen.notify.phone')}
          hint={t('citizen.notify.phoneHint')}
          error={errorFor('notify-phone')}
          autoComplete="tel"
          inputMode="tel"
          inputClassName="input--w20"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
        />
        <button type="submit" className="button" disabled={busy} aria-disabled={busy || undefined}>
          {busy ? t('citizen.busy') : t('citizen.notify.save')}
        </button>
      </form>
    </>
  );
}
