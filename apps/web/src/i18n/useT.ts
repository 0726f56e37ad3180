import { useContext } from 'react';
import { LangContext, type LangContextValue } from './LangProvider.tsx';

/** The current language and its translate function. */
export function useT(): LangContextValue {
  const ctx = useContext(LangContext);
  if (!ctx) throw new Error('useT needs a <LangProvider> above it');
  return ctx;
}
