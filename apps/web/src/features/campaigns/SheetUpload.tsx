import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CampaignSheetReport } from '@motcua/contracts';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary.tsx';
import { LabelledField } from '../../components/LabelledField.tsx';
import { describeError } from '../../i18n/describe-error.ts';
import { useT } from '../../i18n/useT.ts';
import { toApiError } from '../../lib/api.ts';
import { putFile } from './campaigns-api.ts';

const MAX_BYTES = 5 * 1024 * 1024;
const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

interface Props {
  code: string;
  kind: 'targets' | 'baselines';
  onSaved: () => void;
}

/**
 * Download the template, upload it back: targets or baselines per unit. A rejected file is reported
 * row by row (the server writes nothing), so the coordinator can fix those lines in Excel.
 */
export function SheetUpload({ code, kind, onSaved }: Props) {
  const i18n = useT();
  const { t } = i18n;
  const id = `${kind}-file`;
  const base = `/api/v1/campaigns/${encodeURIComponent(code)}/${kind}`;
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [report, setReport] = useState<CampaignSheetReport | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A new <input type=file> after a successful upload: the browser keeps the picked file otherwise.
  const [round, setRound] = useState(0);
  const reportRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (report?.rejected.length) reportRef.current?.focus();
  }, [report]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setDone(null);
    setReport(null);
    const found: FieldError[] = [];
    if (!file) found.push({ field: id, text: t('camp.upload.errNoFile') });
    else if (file.size > MAX_BYTES) found.push({ field: id, text: t('camp.upload.errTooLarge') });
    setErrors(found);
    if (found.length || !file) return;
    setBusy(true);
    try {
      const r = await putFile<CampaignSheetReport>(base, file);
      setDone(t('camp.upload.done', { n: r.accepted, metrics: r.metrics.join(', ') }));
      setFile(null);
      setRound((n) => n + 1);
      onSaved();
    } catch (err) {
      const apiError = toApiError(err);
      const details = apiError.details as CampaignSheetReport | undefined;
      if (apiError.code === 'IMPORT_REJECTED' && details?.rejected) setReport(details);
      else setErrors([{ field: id, text: describeError(apiError, i18n) }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="upload-panel" aria-labelledby={`${kind}-upload-title`}>
      <h3 className="heading-m" id={`${kind}-upload-title`}>
        {t(kind === 'targets' ? 'camp.upload.targetsTitle' : 'camp.upload.baselinesTitle')}
      </h3>
      <p>{t('camp.upload.steps')}</p>
      <p>
        <a href={`${base}/template.xlsx`} download>
          {t('camp.upload.template')}
        </a>
      </p>
      <ErrorSummary errors={errors} />
      {done && (
        <div className="banner" role="status">
          <p className="banner__text">{done}</p>
        </div>
      )}
      {report && report.rejected.length > 0 && (
        <div className="upload-report" ref={reportRef} tabIndex={-1} role="alert" aria-labelledby={`${kind}-report-title`}>
          <h4 className="heading-s" id={`${kind}-report-title`}>
            {t('camp.upload.rejectedTitle', { n: report.rejected.length })}
          </h4>
          <p>{t('camp.upload.rejectedLead')}</p>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('camp.upload.line')}</th>
                <th scope="col">{t('camp.upload.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {report.rejected.map((r) => (
                <tr key={`${r.line}-${r.reason}`}>
                  <td>{r.line}</td>
                  <td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form onSubmit={submit} noValidate>
        <LabelledField
          id={id}
          label={t('camp.upload.file')}
          hint={t('camp.upload.fileHint')}
          error={errors.find((x) => x.field === id)?.text}
        >
          {(aria) => (
            <input
              key={round}
              id={id}
              name="file"
              type="file"
              accept={ACCEPT}
              className={errors.length ? 'file-input input--error' : 'file-input'}
              {...aria}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          )}
        </LabelledField>
        <button type="submit" className="button" disabled={busy} aria-disabled={busy || undefined}>
          {busy ? t('camp.upload.busy') : t('camp.upload.submit')}
        </button>
      </form>
    </section>
  );
}
