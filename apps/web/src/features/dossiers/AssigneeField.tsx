import type { AssigneeList, Role } from '@motcua/contracts';
import { ChoiceField } from '../../components/ChoiceField.tsx';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { useT } from '../../i18n/useT.ts';
import { useApi } from '../../lib/useApi.ts';

interface Props {
  id: string;
  code: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
}

/** The officers a dossier can go to, from the API (it knows the unit subtree and the roles). */
export function AssigneeField({ id, code, error, value, onChange }: Props) {
  const { t } = useT();
  const state = useApi<AssigneeList>(`/api/v1/dossiers/${encodeURIComponent(code)}/assignees`);
  if (state.status === 'loading' || state.status === 'idle') return <p className="hint">{t('action.assignees.loading')}</p>;
  if (state.status === 'error') return <ApiErrorNotice title={t('action.field.staffId')} error={state.error} onRetry={state.retry} />;
  if (state.data.items.length === 0) return <p className="hint">{t('action.assignees.none')}</p>;
  return (
    <ChoiceField
      id={id}
      legend={t('action.field.staffId')}
      error={error}
      value={value}
      onChange={onChange}
      inline={false}
      options={state.data.items.map((s) => ({
        value: String(s.id),
        label: `${s.fullName} — ${s.roles.map((r) => t(`role.${r as Role}`)).join(', ')} (${s.unitName})`,
      }))}
    />
  );
}
