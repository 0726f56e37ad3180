import { useT } from '../../i18n/useT.ts';
import type { MessageKey, Params } from '../../i18n/messages.ts';
import type { NoticesKey } from '../../i18n/messages-notices.ts';
// Importing the strings here registers them wherever notices are shown.
import '../../i18n/messages-notices.ts';

export type NoticesT = (key: MessageKey | NoticesKey, params?: Params) => string;

/** The translate function with the notices' keys typed. */
export function useNoticesT() {
  const { lang, t } = useT();
  return { lang, t: t as NoticesT };
}
