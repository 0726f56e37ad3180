import { useT } from '../../i18n/useT.ts';
import type { LangContextValue } from '../../i18n/LangProvider.tsx';
import type { MessageKey, Params } from '../../i18n/messages.ts';
import type { CitizenKey } from '../../i18n/messages-citizen.ts';
import type { CitizenNavKey } from './citizen-nav.ts';

export type CitizenKeyAny = MessageKey | CitizenKey | CitizenNavKey;
export type CitizenT = (key: CitizenKeyAny, params?: Params) => string;

/**
 * The translate function with the citizen keys typed. The base dictionary's key type cannot list
 * them without importing every page's strings; they are added at run time by citizen-nav.ts (header)
 * and i18n/messages-citizen.ts (pages, imported by each page module). Type-only imports here.
 */
export function useCitizenT(): Omit<LangContextValue, 't'> & { t: CitizenT } {
  const { lang, setLang, t } = useT();
  return { lang, setLang, t: t as CitizenT };
}
