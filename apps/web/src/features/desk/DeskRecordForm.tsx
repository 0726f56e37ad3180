import { useRef, useState, type FormEvent } from 'react';
import { DESK_PLACE_KINDS, DESK_PLACE_LABELS, MOBILE_CARRIERS, type DeskRecordView, type StaffView } from '@motcua/contracts';
import { ChoiceField } from '../../components/ChoiceField.tsx';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary.tsx';
import { FieldMessages } from '../../components/FieldMessages.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { describeError } from '../../i18n/describe-error.ts';
import { useT } from '../../i18n/useT.ts';
import { apiPost, toApiError } from '../../lib/api.ts';
import { bodyOf, carrierOf, checkDesk, DESK_IDS, detectedOf, EMPTY_DESK, inputIdOf, newIdempotencyKey, type DeskValues } from './desk-form.ts';

interface Props {
  staff: StaffView;
  onSaved: (r: DeskRecordView) => void;
}

/**
 * One standardisation, typed at the desk on a phone or a PC. The carrier follows the number's prefix
 * until the officer picks another (a ported number), which then needs an explicit tick. Typed values
 * stay on error; after a save the person's fields clear and the place stays for the next citizen.
 */
export function DeskRecordForm({ staff, onSaved }: Props) {
  const i18n = useT();
  const { t, lang } = i18n;
  const [v, setV] = useState<DeskValues>(EMPTY_DESK);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<DeskRecordView | null>(null);
  // One key per intended record: a double tap or a retry after a lost answer stores it once.
  const key = useRef(newIdempotencyKey());
  const savedRef = useRef<HTMLDivElement>(null);

  const detected = detectedOf(v.phone);
  const carrier = carrierOf(v);
  const ported = detected !== null && carrier !== '' && carrier !== detected.carrier;
  const errorFor = (id: string) => errors.find((e) => e.field === id)?.text;
  const set = (patch: Partial<DeskValues>) => setV((old) => ({ ...old, ...patch }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const found = checkDesk(v, t);
    setErrors(found);
    setSaved(null);
    if (found.length) return;
    setBusy(true);
    try {
      const record = await apiPost<DeskRecordView>('/api/v1/desk/records', bodyOf(v, key.current));
      key.current = newIdempotencyKey();
      setV((old) => ({ ...EMPTY_DESK, placeKind: old.placeKind }));
      setSaved(record);
      onSaved(record);
      requestAnimationFrame(() => savedRef.current?.focus());
    } catch (err) {
      const apiError = toApiError(err);
      const details = Array.isArray(apiError.details) ? (apiError.details as { field?: unknown; message?: unknown }[]) : [];
      const mapped = details
        .filter((d) => typeof d.field === 'string' && typeof d.message === 'string')
        .map((d) => ({ field: inputIdOf(d.field as string), text: d.message as string }));
      setErrors(mapped.length ? mapped : [{ field: DESK_IDS.submit, text: describeError(apiError, i18n) }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="desk-form-title">
      <h2 className="heading-m" id="desk-form-title">
        {t('desk.form.title')}
      </h2>
      <p className="secondary">{t('desk.form.unit', { unit: staff.unitName })}</p>
      <ErrorSummary errors={errors} />
      {saved && (
        <div className="notice" role="status" tabIndex={-1} ref={savedRef} id="desk-saved">
          <p>{t('desk.saved', { phone: saved.phone, result: t(`desk.result.${saved.result}`) })}</p>
          {saved.campaignCodes.length > 0 && <p>{t('desk.savedCampaign', { codes: saved.campaignCodes.join(', ') })}</p>}
        </div>
      )}
      <form onSubmit={submit} noValidate>
        <TextField
          id={DESK_IDS.phone}
          label={t('desk.phone')}
          hint={t('desk.phoneHint')}
          error={errorFor(DESK_IDS.phone)}
          inputClassName="input--w20"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          value={v.phone}
          onChange={(e) => set({ phone: e.target.value })}
        />
        <p className="secondary" aria-live="polite" id="desk-detected">
          {detected ? t('desk.detected', { prefix: detected.prefix, carrier: detected.carrier }) : ''}
        </p>
        <SelectField
          id={DESK_IDS.carrier}
          label={t('desk.carrier')}
          hint={t('desk.carrierHint')}
          error={errorFor(DESK_IDS.carrier)}
          value={carrier}
          placeholder={t('desk.carrierPick')}
          options={MOBILE_CARRIERS.map((c) => ({ value: c, label: c }))}
          onChange={(c) => set({ carrier: c, override: false })}
        />
        {ported && (
          <div className={errorFor(DESK_IDS.override) ? 'form-group form-group--error conditional' : 'form-group conditional'}>
            <FieldMessages id={DESK_IDS.override} error={errorFor(DESK_IDS.override)} />
            <div className="checkboxes__item">
              <input
                className="checkboxes__input"
                type="checkbox"
                id={DESK_IDS.override}
                checked={v.override}
                aria-describedby={errorFor(DESK_IDS.override) ? `${DESK_IDS.override}-error` : undefined}
                onChange={(e) => set({ override: e.target.checked })}
              />
              <label className="checkboxes__label" htmlFor={DESK_IDS.override}>
                {t('desk.override')}
              </label>
            </div>
          </div>
        )}
        <TextField
          id={DESK_IDS.idNumber}
          label={t('desk.idNumber')}
          hint={t('desk.idHint')}
          error={errorFor(DESK_IDS.idNumber)}
          inputClassName="input--w20"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          value={v.idNumber}
          onChange={(e) => set({ idNumber: e.target.value })}
        />
        <SelectField
          id={DESK_IDS.placeKind}
          label={t('desk.place')}
          error={errorFor(DESK_IDS.placeKind)}
          value={v.placeKind}
          placeholder={t('desk.placePick')}
          options={DESK_PLACE_KINDS.map((k) => ({ value: k, label: DESK_PLACE_LABELS[k][lang] }))}
          onChange={(k) => set({ placeKind: k as DeskValues['placeKind'] })}
        />
        <ChoiceField
          id={DESK_IDS.result}
          legend={t('desk.result')}
          error={errorFor(DESK_IDS.result)}
          value={v.result}
          onChange={(r) => set({ result: r as DeskValues['result'] })}
          options={[
            { value: 'success', label: t('desk.result.success') },
            { value: 'failed', label: t('desk.result.failed') },
          ]}
        />
        {v.result === 'failed' && (
          <div className="conditional">
            <TextField
              id={DESK_IDS.failureReason}
              label={t('desk.reason')}
              hint={t('desk.reasonHint')}
              error={errorFor(DESK_IDS.failureReason)}
              maxLength={500}
              value={v.reason}
              onChange={(e) => set({ reason: e.target.value })}
            />
          </div>
        )}
        <button type="submit" className="button" id={DESK_IDS.submit} disabled={busy} aria-disabled={busy}>
          {busy ? t('desk.saving') : t('desk.submit')}
        </button>
      </form>
    </section>
  );
}
