import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { dictionaries, type Lang, type MessageKey, type Params } from './messages.ts';

const STORAGE_KEY = 'motcua.lang';

export interface LangContextValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: Params) => string;
}

export const LangContext = createContext<LangContextValue | null>(null);

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    // Private browsing or blocked storage: Vietnamese, the default, is always right.
    return 'vi';
  }
}

/** Holds the interface language, remembers it across visits and keeps <html lang> in step for screen readers. */
export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // The choice then lasts for this visit only.
    }
  }, []);

  const value = useMemo<LangContextValue>(() => {
    const dict = dictionaries[lang];
    return {
      lang,
      setLang,
      t: (key, params) => {
        const m = dict[key];
        // A key of a page whose strings have not loaded: the key beats an empty label.
        if (m === undefined) return key;
        return typeof m === 'function' ? m(params ?? {}) : m;
      },
    };
  }, [lang, setLang]);

  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}
