import { useEffect } from 'react';
import { useT } from '../i18n/useT.ts';
import { useMeta } from './useMeta.ts';

/** Sets the tab title to "<page> — Một cửa điện tử — Tỉnh An Giang": the first thing a screen reader says after a page change. */
export function usePageTitle(page: string | null): void {
  const { t } = useT();
  const meta = useMeta();
  useEffect(() => {
    const parts = [page, t('app.name'), meta?.provinceName].filter(Boolean);
    document.title = parts.join(' — ');
  }, [page, t, meta]);
}
