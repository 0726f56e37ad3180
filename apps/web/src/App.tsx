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
import { CitizenSessionProvider } from './features/citizen/CitizenSessionProvider.tsx';
import { LoginPage } from './features/staff/LoginPage.tsx';
import { SessionProvider } from './features/staff/SessionProvider.tsx';
import { StaffHomePage } from './features/staff/StaffHomePage.tsx';
import { UnitsPage } from './features/units/UnitsPage.tsx';
import { LangProvider } from './i18n/LangProvider.tsx';
import { useMeta } from './lib/useMeta.ts';
import { navigate, withQuery } from './router/history.ts';
import { useLocation } from './router/useLocation.ts';
import './citizen.css';

// Staff pages load when opened (the dashboard with its charts is the largest), so the public pages
// a citizen opens on a slow phone connection stay small.
const WorkQueuePage = lazy(() => import('./features/dossiers/WorkQueuePage.tsx').then((m) => ({ default: m.WorkQueuePage })));
const DossierPage = lazy(() => import('./features/dossiers/DossierPage.tsx').then((m) => ({ default: m.DossierPage })));
const IntakePage = lazy(() => import('./features/dossiers/IntakePage.tsx').then((m) => ({ default: m.IntakePage })));
const DashboardPage = lazy(() => import('./features/kpi/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })));
const DeskPage = lazy(() => import('./features/desk/DeskPage.tsx').then((m) => ({ default: m.DeskPage })));
// Citizen pages (VNeID) and the public verification page load when opened, like the staff pages.
const MyDossiersPage = lazy(() => import('./features/citizen/MyDossiersPage.tsx').then((m) => ({ default: m.MyDossiersPage })));
const MyDossierPage = lazy(() => import('./features/citizen/MyDossierPage.tsx').then((m) => ({ default: m.MyDossierPage })));
const SubmitPage = lazy(() => import('./features/citizen/SubmitPage.tsx').then((m) => ({ default: m.SubmitPage })));
const DocumentsPage = lazy(() => import('./features/citizen/DocumentsPage.tsx').then((m) => ({ default: m.DocumentsPage })));
const AccessLogPage = lazy(() => import('./features/citizen/AccessLogPage.tsx').then((m) => ({ default: m.AccessLogPage })));
const NotificationsPage = lazy(() =>
  import('./features/citizen/NotificationsPage.tsx').then((m) => ({ default: m.NotificationsPage })),
);
const PaymentsPage = lazy(() => import('./features/citizen/PaymentsPage.tsx').then((m) => ({ default: m.PaymentsPage })));
const PaymentPage = lazy(() => import('./features/citizen/PaymentsPage.tsx').then((m) => ({ default: m.PaymentPage })));
const VerifyPage = lazy(() => import('./features/verify/VerifyPage.tsx').then((m) => ({ default: m.VerifyPage })));
// Field work: the volunteer's offline phone page and the coordinators' field page of a campaign.
const VolunteerPage = lazy(() => import('./features/field/VolunteerPage.tsx').then((m) => ({ default: m.VolunteerPage })));
const FieldManagePage = lazy(() => import('./features/field/FieldManagePage.tsx').then((m) => ({ default: m.FieldManagePage })));
// Campaigns of Đề án 06 (list and set-up); the campaign's other tabs are their own pages.
const CampaignListPage = lazy(() => import('./features/campaigns/CampaignListPage.tsx').then((m) => ({ default: m.CampaignListPage })));
const CampaignSetupPage = lazy(() => import('./features/campaigns/CampaignSetupPage.tsx').then((m) => ({ default: m.CampaignSetupPage })));
// Partner reports of a campaign: upload with its validation report, and the approval queue.
const PartnerReportsPage = lazy(() => import('./features/partner-reports/PartnerReportsPage.tsx').then((m) => ({ default: m.PartnerReportsPage })));
const ReportApprovalPage = lazy(() => import('./features/partner-reports/ReportApprovalPage.tsx').then((m) => ({ default: m.ReportApprovalPage })));
const CampaignDashboardPage = lazy(() =>
  import('./features/campaign-dashboard/CampaignDashboardPage.tsx').then((m) => ({ default: m.CampaignDashboardPage })),
);

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
  { pattern: /^\/can-bo\/chien-dich\/?$/, page: () => <CampaignListPage /> },
  { pattern: /^\/can-bo\/chien-dich\/([^/]+)\/cau-hinh\/?$/, page: (m) => <CampaignSetupPage code={safeDecode(m[1] ?? '')} /> },
  { pattern: /^\/can-bo\/chien-dich\/([^/]+)\/bao-cao\/?$/, page: (m) => <PartnerReportsPage code={safeDecode(m[1] ?? '')} /> },
  { pattern: /^\/can-bo\/chien-dich\/([^/]+)\/duyet\/?$/, page: (m) => <ReportApprovalPage code={safeDecode(m[1] ?? '')} /> },
  { pattern: /^\/can-bo\/chien-dich\/([^/]+)\/?$/, page: (m) => <CampaignDashboardPage code={safeDecode(m[1] ?? '')} /> },
  { pattern: /^\/can-bo\/ho-tro-tttb\/?$/, page: () => <DeskPage /> },
  { pattern: /^\/tra-cuu-ho-so\/?$/, page: () => <TrackingPage /> },
  { pattern: /^\/chi-so\/?$/, page: () => <DashboardPage /> },
  { pattern: /^\/cong-khai\/chi-so\/?$/, page: () => <PublicationPage /> },
  // The notifications' tracking link (`${publicUrl}/tra-cuu/<code>`) opens the public tracking page.
  {
    pattern: /^\/tra-cuu\/([^/]+)\/?$/,
    page: (m) => <Redirect to={withQuery('/tra-cuu-ho-so', { ma: safeDecode(m[1] ?? '') })} />,
  },
  { pattern: /^\/cong-dan\/?$/, page: () => <MyDossiersPage /> },
  { pattern: /^\/cong-dan\/ho-so\/([^/]+)\/?$/, page: (m) => <MyDossierPage code={safeDecode(m[1] ?? '')} /> },
  { pattern: /^\/cong-dan\/nop-ho-so\/([^/]+)\/?$/, page: (m) => <SubmitPage procedureCode={safeDecode(m[1] ?? '')} /> },
  { pattern: /^\/cong-dan\/giay-to\/?$/, page: () => <DocumentsPage /> },
  { pattern: /^\/cong-dan\/truy-cap\/?$/, page: () => <AccessLogPage /> },
  { pattern: /^\/cong-dan\/thong-bao\/?$/, page: () => <NotificationsPage /> },
  { pattern: /^\/cong-dan\/thanh-toan\/?$/, page: () => <PaymentsPage /> },
  // Where a payment's result is shown (`?ref=`), and each payment with its receipt.
  { pattern: /^\/cong-dan\/thanh-toan\/ket-qua\/?$/, page: () => <PaymentResult /> },
  { pattern: /^\/cong-dan\/thanh-toan\/([^/]+)\/?$/, page: (m) => <PaymentPage reference={safeDecode(m[1] ?? '')} /> },
  // Public verification of a signed result: the QR code points to /verify/<id>.
  { pattern: /^\/(?:xac-thuc|verify)\/([^/]+)\/?$/, page: (m) => <VerifyPage id={safeDecode(m[1] ?? '')} /> },
  { pattern: /^\/(?:xac-thuc|verify)\/?$/, page: () => <VerifyPage id={null} /> },
  { pattern: /^\/tinh-nguyen\/?$/, page: () => <VolunteerPage /> },
  { pattern: /^\/can-bo\/chien-dich\/([^/]+)\/thuc-dia\/?$/, page: (m) => <FieldManagePage code={safeDecode(m[1] ?? '')} /> },
];

/** An old or short address that lives on elsewhere: replaced in the history, so Back skips it. */
function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function PaymentResult() {
  const { query } = useLocation();
  return <PaymentPage reference={query.get('ref') ?? ''} />;
}

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
        <CitizenSessionProvider>
          <Shell />
        </CitizenSessionProvider>
      </SessionProvider>
    </LangProvider>
  );
}
