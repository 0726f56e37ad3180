import { useState } from 'react';
import type { StaffView } from '@motcua/contracts';
import { useT } from '../../i18n/useT.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ANY_STAFF, DESK_READ, DESK_RECORD, hasAnyRole } from '../staff/staff-roles.ts';
import { StaffGate } from '../staff/StaffGate.tsx';
import { ComplianceTable } from './ComplianceTable.tsx';
import { DeskRecordForm } from './DeskRecordForm.tsx';
import { PayoutRates } from './PayoutRates.tsx';
import { PayoutTable } from './PayoutTable.tsx';
import { SelfCheckCard } from './SelfCheckCard.tsx';
import { TodayRecords } from './TodayRecords.tsx';
// The strings of this page load with it, not with the public bundle.
import '../../i18n/messages-desk.ts';

/**
 * /can-bo/ho-tro-tttb: the desk record form and today's records for intake officers (seed 000), the
 * self-check card for every official (seed 002), the payout table and the carriers' rates (with the
 * form to set one for a carrier's reporter or a province administrator) and compliance for those who
 * follow them. Each part shows only to the roles the API would serve.
 */
export function DeskPage() {
  return <StaffGate roles={ANY_STAFF}>{(staff) => <Desk staff={staff} />}</StaffGate>;
}

function Desk({ staff }: { staff: StaffView }) {
  const { t } = useT();
  usePageTitle(t('desk.title'));
  const [version, setVersion] = useState(0);
  // A new rate changes the month's amounts: the payout table reloads.
  const [rateVersion, setRateVersion] = useState(0);
  const records = hasAnyRole(staff, DESK_RECORD);
  const reads = hasAnyRole(staff, DESK_READ);
  // A carrier's reporter reads the payout of its own carrier (the API decides which).
  const payouts = reads || hasAnyRole(staff, ['partner_reporter']);
  return (
    <>
      <span className="caption">{staff.unitName}</span>
      <h1 className="heading-l">{t('desk.title')}</h1>
      <p className="lead">{t('desk.lead')}</p>
      {records && (
        <>
          <DeskRecordForm staff={staff} onSaved={() => setVersion((n) => n + 1)} />
          <TodayRecords version={version} />
        </>
      )}
      <SelfCheckCard />
      {payouts && <PayoutTable key={rateVersion} />}
      {payouts && <PayoutRates onSaved={() => setRateVersion((n) => n + 1)} />}
      {reads && <ComplianceTable />}
    </>
  );
}
