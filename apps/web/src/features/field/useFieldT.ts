import { useT } from '../../i18n/useT.ts';
import type { MessageKey, Params } from '../../i18n/messages.ts';
import type { FieldKey } from '../../i18n/messages-field.ts';
// Importing the page's strings adds them to the dictionary.
import '../../i18n/messages-field.ts';

export type FieldT = (key: MessageKey | FieldKey, params?: Params) => string;

/** The translate function with the field pages' keys typed (they join the dictionary when messages-field.ts loads). */
export function useFieldT() {
  const { lang, setLang, t } = useT();
  return { lang, setLang, t: t as FieldT };
}
