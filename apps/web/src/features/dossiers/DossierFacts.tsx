import type { ReactNode } from 'react';
import type { DossierView, ProcedureView } from '@motcua/contracts';
import { useT } from '../../i18n/useT.ts';
import { formatDate, formatDateTime, formatVnd } from '../../lib/format.ts';
import type { WorkCalendar } from '../../lib/working-days.ts';
import { Link } from '../../router/Link.tsx';
import { DeadlineText } from './DeadlineText.tsx';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt className="summary-list__key">{label}</dt>
      <dd className="summary-list__value">{children}</dd>
    </div>
  );
}

const dossierLink = (code: string) => <Link to={`/can-bo/ho-so/${encodeURIComponent(code)}`}>{code}</Link>;

/** The dossier's facts: procedure, units, dates, fee, digitisation and chain links. */
export function DossierFacts({ d, calendar }: { d: DossierView; calendar: WorkCalendar | null }) {
  const { t } = useT();
  const dash = <span className="secondary">—</span>;
  return (
    <dl className="summary-list">
      <Row label={t('dossier.procedure')}>
        {d.procedureName} <span className="secondary">({d.procedureCode})</span>
      </Row>
      <Row label={t('dossier.handlingUnit')}>{d.handlingUnit.name}</Row>
      {d.receivingUnit.code !== d.handlingUnit.code && <Row label={t('dossier.receivingUnit')}>{d.receivingUnit.name}</Row>}
      <Row label={t('dossier.channel')}>{t(`channel.${d.channel}`)}</Row>
      <Row label={t('dossier.submittedAt')}>{formatDateTime(d.submittedAt)}</Row>
      <Row label={t('dossier.receivedAt')}>{d.receivedAt ? formatDateTime(d.receivedAt) : dash}</Row>
      <Row label={t('dossier.dueAt')}>
        <DeadlineText dossier={d} calendar={calendar} />
      </Row>
      {d.originalDueAt && d.originalDueAt !== d.dueAt && (
        <Row label={t('dossier.originalDueAt')}>{formatDateTime(d.originalDueAt)}</Row>
      )}
      {d.apologyDueAt && <Row label={t('dossier.apologyDueAt')}>{formatDateTime(d.apologyDueAt)}</Row>}
      {d.pausedSince && <Row label={t('dossier.pausedSince')}>{formatDateTime(d.pausedSince)}</Row>}
      <Row label={t('dossier.finishedAt')}>{d.finishedAt ? formatDateTime(d.finishedAt) : dash}</Row>
      <Row label={t('dossier.supplements')}>{d.supplementRequests}</Row>
      <Row label={t('dossier.fee')}>{d.feeVnd > 0 ? `${formatVnd(d.feeVnd)} — ${t(`paid.${d.paid}`)}` : t('proc.free')}</Row>
      <Row label={t('dossier.digitized')}>
        {t('dossier.digitizedValue', {
          dossier: d.digitizedDossier ? t('common.yes') : t('common.no'),
          result: d.digitizedResult ? t('common.yes') : t('common.no'),
        })}
      </Row>
      {d.rating && <Row label={t('dossier.rating')}>{t(`action.rating.${d.rating}`)}</Row>}
      {d.complaint && <Row label={t('dossier.complaint')}>{t('common.yes')}</Row>}
      {d.parentCode && <Row label={t('dossier.parent')}>{dossierLink(d.parentCode)}</Row>}
      {d.chainedCodes.length > 0 && (
        <Row label={t('dossier.chained')}>
          <ul className="plain-list">
            {d.chainedCodes.map((c) => (
              <li key={c}>{dossierLink(c)}</li>
            ))}
          </ul>
        </Row>
      )}
    </dl>
  );
}

/** The applicant and the e-form as submitted; field names from the procedure's form when it is known. */
export function ApplicantFacts({ d, procedure }: { d: DossierView; procedure: ProcedureView | null }) {
  const { t } = useT();
  const fields = new Map((procedure?.form ?? []).map((f) => [f.name, f]));
  const show = (k: string, v: unknown) => {
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    return fields.get(k)?.type === 'date' && typeof v === 'string' ? formatDate(v) : String(v);
  };
  const entries = Object.entries(d.formData);
  return (
    <>
      {d.applicant ? (
        <dl className="summary-list">
          <Row label={t('intake.fullName')}>{d.applicant.fullName}</Row>
          <Row label={t('intake.idNumber')}>{d.applicant.idNumber}</Row>
          <Row label={t('intake.phone')}>{d.applicant.phone}</Row>
          <Row label={t('intake.address')}>{d.applicant.address}</Row>
        </dl>
      ) : (
        <p className="secondary">{d.imported ? t('dossier.importedNoApplicant') : '—'}</p>
      )}
      {entries.length > 0 && (
        <details className="details">
          <summary className="details__summary">{t('dossier.formData', { n: entries.length })}</summary>
          <dl className="summary-list details__text">
            {entries.map(([k, v]) => (
              <Row key={k} label={fields.get(k)?.label ?? k}>
                {show(k, v)}
              </Row>
            ))}
          </dl>
        </details>
      )}
    </>
  );
}
