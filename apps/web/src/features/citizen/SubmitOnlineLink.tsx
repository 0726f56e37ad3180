import { Link } from '../../router/Link.tsx';
import './citizen-nav.ts';
import { useCitizenT } from './useCitizenT.ts';

/**
 * "Nộp trực tuyến" on a procedure that takes online dossiers: opens the submission form, which asks
 * for a VNeID sign-in first when there is none.
 */
export function SubmitOnlineLink({ code, identityLevel }: { code: string; identityLevel: 1 | 2 }) {
  const { t } = useCitizenT();
  return (
    <div className="submit-online">
      <Link to={`/cong-dan/nop-ho-so/${encodeURIComponent(code)}`} className="button button--start" id="submit-online">
        {t('citizenNav.submitOnline')}
        <span aria-hidden="true"> ›</span>
      </Link>
      <p className="hint">
        {t('citizenNav.submitHint')}
        {identityLevel === 2 && ` ${t('citizenNav.submitHintLevel2')}`}
      </p>
    </div>
  );
}
