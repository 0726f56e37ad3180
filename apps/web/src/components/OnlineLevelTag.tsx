import type { OnlineLevel } from '@motcua/contracts';
import { useT } from '../i18n/useT.ts';

const MARK: Record<OnlineLevel, string> = { full: '●', partial: '◐', none: '○' };

/** The online level as words and a shape, so it never rests on colour alone. */
export function OnlineLevelTag({ level }: { level: OnlineLevel }) {
  const { t } = useT();
  return (
    <strong className={`tag tag--online-${level}`}>
      <span aria-hidden="true">{MARK[level]} </span>
      {t(`online.${level}`)}
    </strong>
  );
}
