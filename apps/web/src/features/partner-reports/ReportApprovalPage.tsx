import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CampaignDetail, PartnerReportList, PartnerReportView } from '@motcua/contracts';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { describeError } from '../../i18n/describe-error.ts';
import { apiPost, toApiError } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { formatCount } from '../../lib/numbers.ts';
import { useApi } from '../../lib/useApi.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { CampaignNav } from '../campaigns/CampaignNav.tsx';
import { CAMPAIGN_READ } from '../staff/staff-roles.ts';
import { StaffGate } from '../staff/StaffGate.tsx';
import { ReportTable, Warnings } from './PartnerReportsPage.tsx';
import { campaignBase, useReportsT, type ReportsT } from './reports-api.ts';
import './partner-reports.css';

/** /can-bo/chien-dich/:code/duyet: the coordinator's queue of pending partner reports. */
export function ReportApprovalPage({ code }: { code: string }) {
  return <StaffGate roles={CAMPAIGN_READ}>{() => <Queue code={code} />}</StaffGate>;
}

function Queue({ code }: { code: string }) {
  const { t } = useReportsT();
  const campaign = useApi<CampaignDetail>(campaignBase(code));
  const queue = useApi<PartnerReportList>(`${campaignBase(code)}/reports?status=pending`);
  const [open, setOpen] = useState<number | null>(null);
  const [done, setDone] = useState<string | null>(null);
  usePageTitle(campaign.status === 'ok' ? `${t('prep.queue.title')} — ${campaign.data.name}` : t('prep.queue.title'));
  if (campaign.status === 'error')
    return <ApiErrorNotice title={t('prep.upload.errorTitle')} error={campaign.error} onRetry={campaign.retry} />;
  if (campaign.status !== 'ok') return <Loading />;
  const c = campaign.data;
  return (
    <>
      <CampaignNav code={c.code} current="approve" can={c.can} />
      <span className="caption">{c.name}</span>
      <h1 className="heading-l">{t('prep.queue.title')}</h1>
      <p className="lead">{t('prep.queue.lead')}</p>
      {done && (
        <div className="banner" role="status">
          <p className="banner__text">{done}</p>
        </div>
      )}
      {queue.status === 'error' && (
        <ApiErrorNotice title={t('prep.upload.errorTitle')} error={queue.error} onRetry={queue.retry} />
      )}
      {queue.status === 'ok' ? (
        <>
          <p className="filter-count">{t('prep.queue.count', { n: queue.data.total })}</p>
          {queue.data.total === 0 ? (
            <p>{t('prep.queue.empty')}</p>
          ) : (
            <ReportTable
              t={t}
              reports={queue.data}
              onOpen={(id) => {
                setDone(null);
                setOpen(id);
              }}
            />
          )}
        </>
      ) : (
        queue.status !== 'error' && <Loading />
      )}
      {open !== null && (
        <ReportDetail
          key={open}
          code={c.code}
          id={open}
          onDecided={(message) => {
            setOpen(null);
            setDone(message);
            queue.retry();
          }}
        />
      )}
    </>
  );
}

function ReportDetail({ code, id, onDecided }: { code: string; id: number; onDecided: (message: string) => void }) {
  const { t, lang } = useReportsT();
  const state = useApi<PartnerReportView>(`${campaignBase(code)}/reports/${id}`);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (state.status === 'ok') ref.current?.focus();
  }, [state.status]);
  if (state.status === 'error')
    return <ApiErrorNotice title={t('prep.upload.errorTitle')} error={state.error} onRetry={state.retry} />;
  if (state.status !== 'ok') return <Loading />;
  const r = state.data;
  return (
    <section className="panel" aria-labelledby="report-detail-title" ref={ref} tabIndex={-1}>
      <h2 className="heading-m" id="report-detail-title">
        {t('prep.detail.title', {
          partner: r.partner.unitName,
          from: formatDate(r.periodStart),
          to: formatDate(r.periodEnd),
          revision: r.revision,
        })}
      </h2>
      <p>
        {t('prep.detail.received', { at: formatDateTime(r.receivedAt), late: r.late ? 'x' : '', due: formatDate(r.dueDate) })}
      </p>
      {r.warnings.length > 0 && (
        <Warnings title={t('prep.detail.warningsTitle', { n: r.warnings.length })} warnings={r.warnings} />
      )}
      <h3 className="heading-s">{t('prep.detail.values')}</h3>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('prep.col.unit')}</th>
              {r.metrics.map((m) => (
                <th scope="col" key={m.code} className="table__num">
                  {m.nameVi}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {r.rows.map((row) => (
              <tr key={row.unitCode}>
                <th scope="row" className="table__name">
                  {row.unitName} <span className="secondary">({row.unitCode})</span>
                </th>
                {r.metrics.map((m) => (
                  <td key={m.code} className="table__num">
                    {row.values[m.code] === undefined ? '—' : formatCount(row.values[m.code]!, lang)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="heading-s">{t('prep.detail.history')}</h3>
      <ul className="list">
        {r.history.map((h) => (
          <li key={h.id}>
            {t('prep.col.revision')} {h.revision}: {t(`prep.status.${h.status}`)} · {formatDateTime(h.receivedAt)}
            {h.late ? ` · ${t('prep.late')}` : ''}
          </li>
        ))}
      </ul>
      {r.decision && (
        <p>
          {t('prep.detail.decision', {
            status: t(`prep.status.${r.status}`),
            at: formatDateTime(r.decision.at),
            by: r.decision.by ?? '',
            note: r.decision.note ?? '',
          })}
        </p>
      )}
      {r.canDecide ? (
        <DecisionForms t={t} code={code} report={r} onDecided={onDecided} />
      ) : (
        r.status === 'pending' && <p className="notice">{t('prep.detail.cannotDecide')}</p>
      )}
    </section>
  );
}

function DecisionForms({
  t,
  code,
  report,
  onDecided,
}: {
  t: ReportsT;
  code: string;
  report: PartnerReportView;
  onDecided: (message: string) => void;
}) {
  const i18n = useReportsT();
  const [ack, setAck] = useState(false);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const flagged = report.warnings.length > 0;

  async function decide(e: FormEvent, decision: 'approve' | 'reject') {
    e.preventDefault();
    if (busy) return;
    const found: FieldError[] = [];
    if (decision === 'approve' && flagged && !ack) found.push({ field: 'report-ack', text: t('prep.decide.errAck') });
    if (decision === 'reject' && !note.trim()) found.push({ field: 'report-note', text: t('prep.decide.errNote') });
    setErrors(found);
    if (found.length) return;
    setBusy(true);
    try {
      await apiPost(`${campaignBase(code)}/reports/${report.id}/${decision}`, {
        acknowledgeWarnings: ack,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      onDecided(t(decision === 'approve' ? 'prep.decide.approved' : 'prep.decide.rejected'));
    } catch (err) {
      setErrors([{ field: decision === 'approve' ? 'report-ack' : 'report-note', text: describeError(toApiError(err), i18n) }]);
    } finally {
      setBusy(false);
    }
  }

  const err = (field: string) => errors.find((x) => x.field === field)?.text;
  return (
    <>
      <ErrorSummary errors={errors} />
      <div className="report-actions">
        <form onSubmit={(e) => decide(e, 'approve')} noValidate>
          {flagged && (
            <div className={err('report-ack') ? 'form-group form-group--error' : 'form-group'}>
              {err('report-ack') && (
                <p className="error-message" id="report-ack-error">
                  {err('report-ack')}
                </p>
              )}
              <div className="report-check">
                <input
                  id="report-ack"
                  type="checkbox"
                  checked={ack}
                  aria-describedby={err('report-ack') ? 'report-ack-error' : undefined}
                  onChange={(e) => setAck(e.target.checked)}
                />
                <label htmlFor="report-ack">{t('prep.decide.ack')}</label>
              </div>
            </div>
          )}
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('prep.decide.busy') : t('prep.decide.approve')}
          </button>
        </form>
        <form onSubmit={(e) => decide(e, 'reject')} noValidate>
          <TextAreaField
            id="report-note"
            label={t('prep.decide.note')}
            error={err('report-note')}
            value={note}
            rows={3}
            onChange={setNote}
          />
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t('prep.decide.reject')}
          </button>
        </form>
      </div>
    </>
  );
}
