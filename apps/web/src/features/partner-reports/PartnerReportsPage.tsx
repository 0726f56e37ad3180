import { useEffect, useRef, useState, type FormEvent } from 'react';
import type {
  CampaignDetail,
  PartnerPeriods,
  PartnerReportList,
  PartnerReportProblem,
  PartnerReportRejection,
  PartnerReportView,
} from '@motcua/contracts';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary.tsx';
import { LabelledField } from '../../components/LabelledField.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { describeError } from '../../i18n/describe-error.ts';
import { toApiError } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useApi, type ApiState } from '../../lib/useApi.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { CampaignNav } from '../campaigns/CampaignNav.tsx';
import { CAMPAIGN_READ } from '../staff/staff-roles.ts';
import { StaffGate } from '../staff/StaffGate.tsx';
import { campaignBase, postForm, useReportsT, type ReportsT } from './reports-api.ts';
import './partner-reports.css';

const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

/** /can-bo/chien-dich/:code/bao-cao: send a partner report, read its validation report, the reports sent. */
export function PartnerReportsPage({ code }: { code: string }) {
  return <StaffGate roles={CAMPAIGN_READ}>{() => <Reports code={code} />}</StaffGate>;
}

function Reports({ code }: { code: string }) {
  const { t } = useReportsT();
  const campaign = useApi<CampaignDetail>(campaignBase(code));
  const periods = useApi<PartnerPeriods>(`${campaignBase(code)}/reports/periods`);
  const [partnerCode, setPartnerCode] = useState('');
  const list = useApi<PartnerReportList>(
    `${campaignBase(code)}/reports${partnerCode ? `?partner=${encodeURIComponent(partnerCode)}` : ''}`,
  );
  // While the periods reload after a report is sent, the form (and its result) stays on the page.
  const shownPeriods = useLastOk(periods);
  usePageTitle(campaign.status === 'ok' ? `${t('prep.upload.title')} — ${campaign.data.name}` : t('prep.upload.title'));
  if (campaign.status === 'error')
    return <ApiErrorNotice title={t('prep.upload.errorTitle')} error={campaign.error} onRetry={campaign.retry} />;
  if (periods.status === 'error')
    return <ApiErrorNotice title={t('prep.upload.errorTitle')} error={periods.error} onRetry={periods.retry} />;
  if (campaign.status !== 'ok' || !shownPeriods) return <Loading />;
  const c = campaign.data;
  const partners = shownPeriods.partners;
  const onlyPartner = partners.length === 1 ? partners[0]!.unitCode : '';
  return (
    <>
      <CampaignNav code={c.code} current="reports" can={c.can} />
      <span className="caption">{c.name}</span>
      <h1 className="heading-l">{t('prep.upload.title')}</h1>
      <p className="lead">{t('prep.upload.lead')}</p>
      {c.can.report ? (
        <UploadForm
          code={c.code}
          partners={partners}
          partnerCode={partnerCode || onlyPartner}
          onPartner={setPartnerCode}
          onSent={() => {
            periods.retry();
            list.retry();
          }}
        />
      ) : (
        <p className="notice">{t('prep.upload.cannotSend')}</p>
      )}
      <h2 className="heading-m">{t('prep.list.title')}</h2>
      {list.status === 'ok' ? (
        <ReportTable t={t} reports={list.data} />
      ) : list.status === 'error' ? (
        <ApiErrorNotice title={t('prep.upload.errorTitle')} error={list.error} onRetry={list.retry} />
      ) : (
        <Loading />
      )}
    </>
  );
}

/** The data of the last successful load, kept while the same request reloads. */
function useLastOk<T>(state: ApiState<T>): T | null {
  const data = state.status === 'ok' ? state.data : null;
  const [last, setLast] = useState<T | null>(null);
  useEffect(() => {
    if (data !== null) setLast(data);
  }, [data]);
  return data ?? last;
}

interface UploadProps {
  code: string;
  partners: PartnerPeriods['partners'];
  partnerCode: string;
  onPartner: (code: string) => void;
  onSent: () => void;
}

function UploadForm({ code, partners, partnerCode, onPartner, onSent }: UploadProps) {
  const i18n = useReportsT();
  const { t } = i18n;
  const [periodEnd, setPeriodEnd] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [revision, setRevision] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problems, setProblems] = useState<PartnerReportRejection | null>(null);
  const [accepted, setAccepted] = useState<PartnerReportView | null>(null);
  const [busy, setBusy] = useState(false);
  const [round, setRound] = useState(0);
  const resultRef = useRef<HTMLDivElement>(null);
  const partner = partners.find((p) => p.unitCode === partnerCode);

  useEffect(() => {
    if (problems || accepted) resultRef.current?.focus();
  }, [problems, accepted]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setProblems(null);
    setAccepted(null);
    const found: FieldError[] = [];
    if (!partner) found.push({ field: 'report-partner', text: t('prep.upload.errPartner') });
    if (!periodEnd) found.push({ field: 'report-period', text: t('prep.upload.errPeriod') });
    if (!file) found.push({ field: 'report-file', text: t('prep.upload.errFile') });
    else if (file.size > MAX_BYTES) found.push({ field: 'report-file', text: t('prep.upload.errTooLarge') });
    setErrors(found);
    if (found.length || !file || !partner) return;
    const form = new FormData();
    form.append('partner', partner.unitCode);
    form.append('periodEnd', periodEnd);
    form.append('revision', revision ? 'true' : 'false');
    form.append('file', file, file.name);
    setBusy(true);
    try {
      setAccepted(await postForm<PartnerReportView>(`${campaignBase(code)}/reports`, form));
      setFile(null);
      setRevision(false);
      setRound((n) => n + 1);
      onSent();
    } catch (err) {
      const apiError = toApiError(err);
      const details = apiError.details as PartnerReportRejection | undefined;
      if (apiError.code === 'IMPORT_REJECTED' && details?.problems) setProblems(details);
      else
        setErrors([
          { field: apiError.code === 'CONFLICT' ? 'report-revision' : 'report-file', text: describeError(apiError, i18n) },
        ]);
    } finally {
      setBusy(false);
    }
  }

  const err = (field: string) => errors.find((x) => x.field === field)?.text;
  return (
    <section aria-labelledby="report-form-title">
      <h2 className="heading-m" id="report-form-title">
        {t('prep.upload.formTitle')}
      </h2>
      <ErrorSummary errors={errors} />
      <div ref={resultRef} tabIndex={-1}>
        {problems && <ProblemReport t={t} problems={problems.problems} />}
        {accepted && <Accepted t={t} report={accepted} />}
      </div>
      <form onSubmit={submit} noValidate>
        {partners.length > 1 && (
          <SelectField
            id="report-partner"
            label={t('prep.upload.partner')}
            hint={t('prep.upload.partnerHint')}
            error={err('report-partner')}
            value={partnerCode}
            placeholder={t('prep.upload.choose')}
            options={partners.map((p) => ({ value: p.unitCode, label: p.unitName }))}
            onChange={(v) => {
              onPartner(v);
              setPeriodEnd('');
            }}
          />
        )}
        {partner && (
          <p>
            <a href={`${campaignBase(code)}/reports/template.xlsx?partner=${encodeURIComponent(partner.unitCode)}`} download>
              {t('prep.upload.template', { partner: partner.unitName })}
            </a>
          </p>
        )}
        <SelectField
          id="report-period"
          label={t('prep.upload.period')}
          hint={t('prep.upload.periodHint')}
          error={err('report-period')}
          value={periodEnd}
          placeholder={t('prep.upload.choose')}
          options={(partner?.periods ?? []).map((p) => ({
            value: p.periodEnd,
            label: t('prep.upload.periodOption', {
              from: formatDate(p.periodStart),
              to: formatDate(p.periodEnd),
              due: formatDate(p.dueDate),
              sent: p.latest?.revision ?? '',
              status: p.latest ? t(`prep.status.${p.latest.status}`) : '',
            }),
          }))}
          onChange={setPeriodEnd}
        />
        <LabelledField id="report-file" label={t('prep.upload.file')} hint={t('prep.upload.fileHint')} error={err('report-file')}>
          {(aria) => (
            <input
              key={round}
              id="report-file"
              name="file"
              type="file"
              accept={ACCEPT}
              className={err('report-file') ? 'file-input input--error' : 'file-input'}
              {...aria}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          )}
        </LabelledField>
        <div className={err('report-revision') ? 'form-group form-group--error' : 'form-group'}>
          {err('report-revision') && (
            <p className="error-message" id="report-revision-error">
              {err('report-revision')}
            </p>
          )}
          <div className="report-check">
            <input
              id="report-revision"
              type="checkbox"
              checked={revision}
              aria-describedby={err('report-revision') ? 'report-revision-error' : undefined}
              onChange={(e) => setRevision(e.target.checked)}
            />
            <label htmlFor="report-revision">{t('prep.upload.revision')}</label>
          </div>
        </div>
        <button type="submit" className="button" disabled={busy} aria-disabled={busy || undefined}>
          {busy ? t('prep.upload.busy') : t('prep.upload.submit')}
        </button>
      </form>
    </section>
  );
}

/** Every problem of a refused report, by line, so it can be fixed in Excel. */
export function ProblemReport({ t, problems }: { t: ReportsT; problems: PartnerReportProblem[] }) {
  return (
    <div className="report-problems" role="alert" aria-labelledby="report-problems-title">
      <h3 className="heading-s" id="report-problems-title">
        {t('prep.result.rejectedTitle', { n: problems.length })}
      </h3>
      <p>{t('prep.result.rejectedLead')}</p>
      <div className="table-wrap">
        <table className="table report-problems__table">
          <thead>
            <tr>
              <th scope="col">{t('prep.col.line')}</th>
              <th scope="col">{t('prep.col.unit')}</th>
              <th scope="col">{t('prep.col.column')}</th>
              <th scope="col">{t('prep.col.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={i}>
                <td className="table__num">{p.line === 0 ? t('prep.wholeReport') : p.line}</td>
                <td>{p.unitCode ?? ''}</td>
                <td>{p.column ?? ''}</td>
                <td>{p.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Accepted({ t, report }: { t: ReportsT; report: PartnerReportView }) {
  return (
    <>
      <div className="banner" role="status">
        <p className="banner__text">{t('prep.result.accepted', { revision: report.revision, units: report.unitCount })}</p>
        {report.skippedLines > 0 && <p>{t('prep.result.skipped', { n: report.skippedLines })}</p>}
      </div>
      {report.warnings.length > 0 && (
        <Warnings title={t('prep.result.warningsTitle', { n: report.warnings.length })} warnings={report.warnings} />
      )}
    </>
  );
}

export function Warnings({ title, warnings }: { title: string; warnings: PartnerReportView['warnings'] }) {
  return (
    <div className="report-warnings" aria-labelledby="report-warnings-title">
      <h3 className="heading-s" id="report-warnings-title">
        {title}
      </h3>
      <ul className="report-warnings__list">
        {warnings.map((w, i) => (
          <li key={i}>{w.message}</li>
        ))}
      </ul>
    </div>
  );
}

export function ReportTable({ t, reports, onOpen }: { t: ReportsT; reports: PartnerReportList; onOpen?: (id: number) => void }) {
  if (reports.items.length === 0) return <p>{t('prep.list.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('prep.col.period')}</th>
            <th scope="col">{t('prep.col.partner')}</th>
            <th scope="col">{t('prep.col.revision')}</th>
            <th scope="col">{t('prep.col.status')}</th>
            <th scope="col">{t('prep.col.received')}</th>
            <th scope="col">{t('prep.col.warnings')}</th>
            {onOpen && <th scope="col">{t('prep.queue.open')}</th>}
          </tr>
        </thead>
        <tbody>
          {reports.items.map((r) => (
            <tr key={r.id} data-report={r.id}>
              <td className="nowrap">
                {formatDate(r.periodStart)} – {formatDate(r.periodEnd)}
              </td>
              <td>{r.partner.unitName}</td>
              <td className="table__num">{r.revision}</td>
              <td className="report-status">{t(`prep.status.${r.status}`)}</td>
              <td>
                {formatDateTime(r.receivedAt)}{' '}
                {r.late ? <span className="report-late">· {t('prep.late')}</span> : `· ${t('prep.onTime')}`}
              </td>
              <td className="table__num">{r.warningCount}</td>
              {onOpen && (
                <td>
                  <button type="button" className="button button--secondary" onClick={() => onOpen(r.id)}>
                    {t('prep.queue.open')}
                    <span className="visually-hidden">
                      {' '}
                      {r.partner.unitName} {formatDate(r.periodEnd)}
                    </span>
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
