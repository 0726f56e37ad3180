import type { ProcedureView, UnitList } from '@motcua/contracts';
import { Loading } from '../../components/Loading.tsx';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { useApi } from '../../lib/useApi.ts';
import { withQuery } from '../../router/history.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { UNIT_ID } from './submit-check.ts';
import { useCitizenT } from './useCitizenT.ts';

/**
 * Where the dossier goes (dossiers.form.ts unitProblem): the agency the catalogue names, else for a
 * commune-level procedure the commune the citizen picks, else the province's own unit.
 */
export type UnitRule = { kind: 'fixed'; code: string; name: string } | { kind: 'commune' } | { kind: 'province'; code: string };

export function unitRuleOf(p: ProcedureView, provinceCode: string): UnitRule {
  if (p.agencyCode) return { kind: 'fixed', code: p.agencyCode, name: p.agencyName };
  if (p.level === 'commune') return { kind: 'commune' };
  return { kind: 'province', code: provinceCode };
}

interface Props {
  rule: UnitRule;
  provinceCode: string;
  provinceName: string;
  value: string;
  error?: string;
  onChange: (code: string) => void;
}

export function UnitChoice({ rule, provinceCode, provinceName, value, error, onChange }: Props) {
  const { t } = useCitizenT();
  const communes = useApi<UnitList>(
    rule.kind === 'commune' ? withQuery('/api/v1/units', { parent: provinceCode, kind: 'commune', limit: 500 }) : null,
  );
  if (rule.kind === 'fixed') return <p id={UNIT_ID}>{t('citizen.submit.unitFixed', { unit: rule.name })}</p>;
  if (rule.kind === 'province') return <p id={UNIT_ID}>{t('citizen.submit.unitFixed', { unit: provinceName })}</p>;
  if (communes.status === 'loading' || communes.status === 'idle') return <Loading />;
  if (communes.status === 'error')
    return <ApiErrorNotice title={t('citizen.submit.unitsError')} error={communes.error} onRetry={communes.retry} />;
  const options = [...communes.data.items]
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
    .map((u) => ({ value: u.code, label: u.name }));
  return (
    <SelectField
      id={UNIT_ID}
      label={t('citizen.submit.unit')}
      hint={t('citizen.submit.unitHint')}
      error={error}
      value={value}
      onChange={onChange}
      options={options}
      placeholder={t('citizen.submit.unitChoose')}
    />
  );
}
