import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { Footer } from './components/Footer.tsx';
import { Header } from './components/Header.tsx';
import { Loading } from './components/Loading.tsx';
import { NotFoundPage } from './components/NotFoundPage.tsx';
import { DueDatePage } from './features/calendar/DueDatePage.tsx';
import { ProcedurePage } from './features/catalog/ProcedurePage.tsx';
import { TrackingPage } from './features/dossiers/TrackingPage.tsx';
import { PublicationPage } from './features/kpi/PublicationPage.tsx';
import { SearchPage } from './features/catalog/SearchPage.tsx';
import { LoginPage } from './features/staff/LoginPage.tsx';
import { SessionProvider } from './features/staff/SessionProvider.tsx';
import { StaffHomePage } from './features/staff/StaffHomePage.tsx';
import { UnitsPage } from './features/units/UnitsPage.tsx';
import { LangProvider } from './i18n/LangProvider.tsx';
import { useMeta } from './lib/useMeta.ts';
import { useLocation } from './router/useLocation.ts';

// Staff pages load when opened (the dashboard with its charts is the largest), so the public pages
// a citizen opens on a slow phone connection stay small.
const WorkQueuePage = lazy(() => import('./features/dossiers/WorkQueuePage.tsx').then((m) => ({ default: m.WorkQueuePage })));
const DossierPage = lazy(() => import('./features/dossiers/DossierPage.tsx').then((m) => ({ default: m.DossierPage })));
const IntakePage = lazy(() => import('./features/dossiers/IntakePage.tsx').then((m) => ({ default: m.IntakePage })));
const DashboardPage = lazy(() => import('./features/kpi/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })));

/** Path → page. Few enough routes that a list of patterns reads better than a router library. */
const ROUTES: { pattern: RegExp; page: (m: RegExpExecArray) => ReactNode }[] = [
  { pattern: /^\/(thu-tuc\/?)?$/, page: () => <SearchPage /> },
  { pattern: /^\/thu-tuc\/([^/]+)\/?$/, page: (m) => <ProcedurePage code={safeDecode(m[1] ?? '')} /> },
  { pattern: /^\/don-vi\/?$/, page: () => <UnitsPage /> },
  { pattern: /^\/han-xu-ly\/?$/, page: () => <DueDatePage /> },
  { pattern: /^\/dang-nhap\/?$/, page: () => <LoginPage /> },
  { pattern: /^\/can-bo\/?$/, page: () => <StaffHomePage /> },
  { pattern: /^\/can-bo\/ho-so\/?$/, page: () => <WorkQueuePage /> },
  { pattern: /^\/can-bo\/ho-so\/([^/]+)\/?$/, page: (m) => <DossierPage code={safeDecode(m[1] ?? '')} /> },
  { pattern: /^\/can-bo\/tiep-nhan\/?$/, page: () => <IntakePage /> },
  { pattern: /^\/tra-cuu-ho-so\/?$/, page: () => <TrackingPage /> },
  { pattern: /^\/chi-so\/?$/, page: () => <DashboardPage /> },
  { pattern: /^\/cong-khai\/chi-so\/?$/, page: () => <PublicationPage /> },
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
        <div key={path}>
          <Suspense fallback={<Loading />}>{renderPage(path)}</Suspense>
        </div>
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
