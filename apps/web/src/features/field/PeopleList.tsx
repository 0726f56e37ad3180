/**
 * The coordinators' people list of a campaign (seed 003 V.2.d: "lập danh sách xác nhận sau khi đã kích
 * hoạt thành công và danh sách không có mặt, danh sách công dân không đủ điều kiện"): filters by
 * commune, hamlet and outcome, pages of 50, and the CSV of the whole filtered list for the police.
 * ID and phone numbers arrive masked; the API logs every read.
 */
import { useState, type FormEvent } from 'react';
import { FIELD_OUTCOMES, type FieldPeopleList, type FieldPersonRow, type FieldProgress } from '@motcua/contracts';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { formatCount } from '../../lib/numbers.ts';
import { useApi } from '../../lib/useApi.ts';
import { withQuery } from '../../router/history.ts';
import { useFieldT, type FieldT } from './useFieldT.ts';

const PAGE = 50;

interface Filter {
  unit: string;
  hamlet: string;
  outcome: string;
}

export function PeopleList({ base, progress }: { base: string; progress: FieldProgress }) {
  const { t, lang } = useFieldT();
  const [typed, setTyped] = useState<Filter>({ unit: progress.communes.length === 1 ? progress.communes[0]!.unitCode : '', hamlet: '', outcome: '' });
  const [filter, setFilter] = useState<Filter>(typed);
  const [offset, setOffset] = useState(0);
  const query = { unit: filter.unit || undefined, hamlet: filter.hamlet || undefined, outcome: filter.outcome || undefined };
  const state = useApi<FieldPeopleList>(withQuery(`${base}/households/people`, { ...query, limit: PAGE, offset }));
  const hamlets = progress.communes.filter((c) => !typed.unit || c.unitCode === typed.unit).flatMap((c) => c.hamlets.map((h) => h.hamlet));

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilter(typed);
    setOffset(0);
  };

  return (
    <section aria-labelledby="people-title">
      <h2 className="heading-m" id="people-title">
        {t('field.people.title')}
      </h2>
      <p className="secondary">{t('field.people.lead')}</p>
      <form onSubmit={apply} className="field-form field-filter" noValidate>
        <SelectField
          id="people-unit"
          label={t('field.people.unit')}
          value={typed.unit}
          placeholder={t('field.people.all')}
          options={progress.communes.map((c) => ({ value: c.unitCode, label: c.unitName }))}
          onChange={(unit) => setTyped({ ...typed, unit, hamlet: '' })}
        />
        <SelectField
          id="people-hamlet"
          label={t('field.people.hamlet')}
          value={typed.hamlet}
          placeholder={t('field.people.all')}
          options={[...new Set(hamlets)].map((h) => ({ value: h, label: h }))}
          onChange={(hamlet) => setTyped({ ...typed, hamlet })}
        />
        <SelectField
          id="people-outcome"
          label={t('field.people.outcome')}
          value={typed.outcome}
          placeholder={t('field.people.all')}
          options={[...FIELD_OUTCOMES.map((o) => ({ value: o, label: t(`field.outcome.${o}`) })), { value: 'pending', label: t('field.people.pending') }]}
          onChange={(outcome) => setTyped({ ...typed, outcome })}
        />
        <button type="submit" className="button button--secondary">
          {t('field.people.show')}
        </button>
      </form>
      <p>
        <a href={withQuery(`${base}/households/people`, { ...query, format: 'csv' })} download>
          {t('field.people.csv')}
        </a>
      </p>
      {(state.status === 'loading' || state.status === 'idle') && <Loading />}
      {state.status === 'error' && <ApiErrorNotice title={t('field.people.error')} error={state.error} onRetry={state.retry} />}
      {state.status === 'ok' && state.data.total === 0 && <p>{t('field.people.none')}</p>}
      {state.status === 'ok' && state.data.total > 0 && (
        <>
          <div className="table-wrap">
            <table className="table table--stack field-people" id="people-table">
              <caption className="table__caption">
                {t('field.people.caption', {
                  from: formatCount(offset + 1, lang),
                  to: formatCount(offset + state.data.items.length, lang),
                  total: formatCount(state.data.total, lang),
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('field.people.col.name')}</th>
                  <th scope="col">{t('field.col.hamlet')}</th>
                  <th scope="col">{t('field.people.col.household')}</th>
                  <th scope="col">{t('field.people.col.id')}</th>
                  <th scope="col">{t('field.people.col.phone')}</th>
                  <th scope="col">{t('field.people.col.subscriber')}</th>
                  <th scope="col">{t('field.people.col.outcome')}</th>
                  <th scope="col">{t('field.people.col.when')}</th>
                  <th scope="col">{t('field.people.col.note')}</th>
                </tr>
              </thead>
              <tbody>
                {state.data.items.map((p) => (
                  <PersonRow key={p.id} p={p} t={t} />
                ))}
              </tbody>
            </table>
          </div>
          <nav className="field-pager" aria-label={t('field.people.title')}>
            <button type="button" className="button button--secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              {t('field.people.prev')}
            </button>
            <button type="button" className="button button--secondary" disabled={offset + PAGE >= state.data.total} onClick={() => setOffset(offset + PAGE)}>
              {t('field.people.next')}
            </button>
          </nav>
        </>
      )}
    </section>
  );
}

function PersonRow({ p, t }: { p: FieldPersonRow; t: FieldT }) {
  const outcome =
    p.outcome === null ? t('field.people.pending') : p.outcome === 'done' ? t(p.listKind === 'to_verify' ? 'field.outcome.done.verify' : 'field.outcome.done.activate') : t(`field.outcome.${p.outcome}`);
  return (
    <tr data-person={p.id} data-outcome={p.outcome ?? 'pending'}>
      <th scope="row" className="table__name">
        {p.fullName}
        {p.birthYear !== null && <span className="secondary"> ({p.birthYear})</span>}
      </th>
      <td data-label={t('field.col.hamlet')}>
        {p.hamlet}, {p.unitName}
      </td>
      <td data-label={t('field.people.col.household')}>{p.householdCode}</td>
      <td data-label={t('field.people.col.id')}>
        {p.idType === 'cmnd' ? 'CMND' : 'CCCD'} {p.idMasked}
      </td>
      <td data-label={t('field.people.col.phone')}>{p.phoneMasked ?? '—'}</td>
      <td data-label={t('field.people.col.subscriber')}>{p.msisdnMasked ? `${p.msisdnMasked}${p.carrier ? ` (${p.carrier})` : ''}` : '—'}</td>
      <td data-label={t('field.people.col.outcome')}>{outcome}</td>
      <td data-label={t('field.people.col.when')}>{p.outcomeAt ? t('field.people.when', { at: formatDateTime(p.outcomeAt), by: p.outcomeBy ?? '—' }) : '—'}</td>
      <td data-label={t('field.people.col.note')}>{p.note || '—'}</td>
    </tr>
  );
}
