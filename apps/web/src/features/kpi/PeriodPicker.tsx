import { useState, type FormEvent } from 'react';
import { ChoiceField } from '../../components/ChoiceField.tsx';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary.tsx';
import { DateField } from '../../components/DateField.tsx';
import { useT } from '../../i18n/useT.ts';
import { isIsoDate, PERIOD_KINDS, type Period, type PeriodKind } from './period.ts';

interface Props {
  period: Period;
  today: string;
  onChange: (p: { kind: PeriodKind; from?: string; to?: string }) => void;
}

/** This month, quarter or year, or two dates; the custom dates are asked only when chosen (GOV.UK conditional reveal). */
export function PeriodPicker({ period, today, onChange }: Props) {
  const { t } = useT();
  const [kind, setKind] = useState<PeriodKind>(period.kind);
  const [from, setFrom] = useState(period.kind === 'tuy-chon' ? period.from : '');
  const [to, setTo] = useState(period.kind === 'tuy-chon' ? period.to : '');
  const [errors, setErrors] = useState<FieldError[]>([]);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (kind !== 'tuy-chon') {
      setErrors([]);
      onChange({ kind });
      return;
    }
    const found: FieldError[] = [];
    if (!isIsoDate(from)) found.push({ field: 'period-from', text: t('kpi.err.from') });
    if (!isIsoDate(to)) found.push({ field: 'period-to', text: t('kpi.err.to') });
    else if (to > today) found.push({ field: 'period-to', text: t('kpi.err.future') });
    if (!found.length && from > to) found.push({ field: 'period-to', text: t('kpi.err.order') });
    setErrors(found);
    if (!found.length) onChange({ kind, from, to });
  }

  const errorFor = (id: string) => errors.find((e) => e.field === id)?.text;
  return (
    <form onSubmit={submit} noValidate className="period-picker">
      <ErrorSummary errors={errors} />
      <ChoiceField
        id="period-kind"
        legend={t('kpi.period')}
        value={kind}
        onChange={(v) => setKind(v as PeriodKind)}
        inline
        options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`kpi.period.${k}`) }))}
      />
      {kind === 'tuy-chon' && (
        <div className="conditional">
          <DateField id="period-from" legend={t('kpi.from')} error={errorFor('period-from')} value={from} onChange={setFrom} />
          <DateField id="period-to" legend={t('kpi.to')} error={errorFor('period-to')} value={to} onChange={setTo} />
        </div>
      )}
      <button type="submit" className="button">
        {t('kpi.show')}
      </button>
    </form>
  );
}
