import { useEffect, useRef, type ReactNode } from 'react';
import { Footer } from './components/Footer.tsx';
import { Header } from './components/Header.tsx';
import { NotFoundPage } from './components/NotFoundPage.tsx';
import { DueDatePage } from './features/calendar/DueDatePage.tsx';
import { ProcedurePage } from './features/catalog/ProcedurePage.tsx';
import { SearchPage } from './features/catalog/SearchPage.tsx';
import { LoginPage } from './features/staff/LoginPage.tsx';
import { SessionProvider } from './features/staff/SessionProvider.tsx';
import { StaffHomePage } from './features/staff/StaffHomePage.tsx';
import { UnitsPage } from './features/units/UnitsPage.tsx';
import { LangProvider } from './i18n/LangProvider.tsx';
import { useMeta } from './lib/useMeta.ts';
import { useLocation } from './router/useLocation.ts';

/** Path → page. Few enough routes that a list of patterns reads better than a router library. */
const ROUTES: { pattern: RegExp; page: (m: RegExpExecArray) => ReactNode }[] = [
  { pattern: /^\/(thu-tuc\/?)?$/, page: () => <SearchPage /> },
  { pattern: /^\/thu-tuc\/([^/]+)\/?$/, page: (m) => <ProcedurePage code={safeDecode(m[1] ?? '')} /> },
  { pattern: /^\/don-vi\/?$/, page: () => <UnitsPage /> },
  { pattern: /^\/han-xu-ly\/?$/, page: () => <DueDatePage /> },
  { pattern: /^\/dang-nhap\/?$/, page: () => <LoginPage /> },
  { pattern: /^\/can-bo\/?$/, page: () => <StaffHomePage /> },
];

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function renderPage(path: string): ReactNode {
  for (const route of ROUTES) {
    const m = route.pattern.exec(path);
    if (m) return route.page(m);
  }
  return <NotFoundPage />;
}

function Shell() {
  const { path } = useLocation();
  const meta = useMeta();
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(path);

  // After an in-app page change, move focus to the new content as a full page load would, so screen
  // reader and keyboard users start at the top of the page rather than on a link that has gone.
  useEffect(() => {
    if (path === firstPath.current) return;
    firstPath.current = '';
    mainRef.current?.focus({ preventScroll: true });
  }, [path]);

  return (
    <>
      <Header meta={meta} />
      <main id="main" className="main width-container" ref={mainRef} tabIndex={-1}>
        {/* key: a new page starts with fresh state (forms, filters), as a real navigation would */}
        <div key={path}>{renderPage(path)}</div>
      </main>
      <Footer meta={meta} />
    </>
  );
}

export function App() {
  return (
    <LangProvider>
      <SessionProvider>
        <Shell />
      </SessionProvider>
    </LangProvider>
  );
}
