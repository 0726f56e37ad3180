import { useT } from '../i18n/useT.ts';
import { usePageTitle } from '../lib/usePageTitle.ts';
import { Link } from '../router/Link.tsx';

export function NotFoundPage() {
  const { t } = useT();
  usePageTitle(t('notFound.title'));
  return (
    <>
      <h1 className="heading-l">{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/thu-tuc">{t('notFound.home')}</Link>
      </p>
    </>
  );
}
