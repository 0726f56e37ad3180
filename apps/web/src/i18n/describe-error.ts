import { NETWORK, type ApiError } from '../lib/api.ts';
import type { LangContextValue } from './LangProvider.tsx';

/** The sentence to show for an API error: the server's own message in the reader's language, never a bare code. */
export function describeError(error: ApiError, { lang, t }: Pick<LangContextValue, 'lang' | 't'>): string {
  if (error.code === NETWORK) return t('common.network');
  const server = lang === 'en' ? (error.messageEn ?? error.message) : error.message;
  return server || t('common.badResponse');
}
