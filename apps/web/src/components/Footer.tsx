import { useT } from '../i18n/useT.ts';
import type { Meta } from '../lib/useMeta.ts';
import { lowerFirst } from '../lib/text.ts';
import { Link } from '../router/Link.tsx';

export function Footer({ meta }: { meta: Meta | null }) {
  const { lang, t } = useT();
  // "Tỉnh An Giang" reads "tỉnh An Giang" mid-sentence in Vietnamese; English keeps the proper name.
  const province = meta ? (lang === 'vi' ? lowerFirst(meta.provinceName) : meta.provinceName) : t('footer.defaultProvince');
  return (
    <footer className="footer">
      <div className="width-container">
        <ul className="footer__links">
          <li>
            <Link to="/cong-khai/chi-so">{t('footer.publication')}</Link>
          </li>
          <li>
            <Link to="/tra-cuu-ho-so">{t('nav.track')}</Link>
          </li>
        </ul>
        <p className="footer__portal">{t('footer.portal', { province })}</p>
      </div>
    </footer>
  );
}
