import { useT } from '../../i18n/useT.ts';
import type { MessageKey, Params } from '../../i18n/messages.ts';
import type { VerifyKey } from './messages-verify.ts';

export type VerifyT = (key: MessageKey | VerifyKey, params?: Params) => string;

/** The translate function with this page's keys typed (they join the dictionary when messages-verify.ts loads). */
export function useVerifyT() {
  const { lang, setLang, t } = useT();
  return { lang, setLang, t: t as VerifyT };
}
