import { useT } from '../i18n/useT.ts';

/** Announced politely, so a screen reader knows the page is still working on a slow link. */
export function Loading({ label }: { label?: string }) {
  const { t } = useT();
  return (
    <p className="loading" role="status">
      {label ?? t('common.loading')}
    </p>
  );
}
