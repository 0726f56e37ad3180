import { useT } from '../i18n/useT.ts';
import type { Meta } from '../lib/useMeta.ts';
import { lowerFirst } from '../lib/text.ts';

export function Footer({ meta }: { meta: Meta | null }) {
  const { lang, t } = useT();
  // "Tỉnh An Giang" reads "tỉnh An Giang" mid-sentence in Vietnamese; English keeps the proper name.
  const province = meta ? (lang === 'vi' ? lowerFirst(meta.provinceName) : meta.provinceName) : t('footer.defaultProvince');
  return (
    <footer className="footer">
      <div className="width-container">
        <p className="footer__portal">{t('footer.portal', { province })}</p>
      </div>
    </footer>
  );
}
