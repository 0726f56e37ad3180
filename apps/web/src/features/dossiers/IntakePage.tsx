import { useState } from 'react';
import type { DossierView, ProcedureView, StaffView } from '@motcua/contracts';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useT } from '../../i18n/useT.ts';
import { useApi } from '../../lib/useApi.ts';
import { Link } from '../../router/Link.tsx';
import { useLocation } from '../../router/useLocation.ts';
import { DOSSIER_INTAKE } from '../staff/staff-roles.ts';
import { StaffGate } from '../staff/StaffGate.tsx';
import { IntakeForm } from './IntakeForm.tsx';
import { IntakeReceipt } from './IntakeReceipt.tsx';
import { ProcedurePicker } from './ProcedurePicker.tsx';
// The strings of these pages load with them, not with the public bundle.
import '../../i18n/messages-dossiers.ts';
import '../../i18n/messages-intake.ts';

/** Counter intake: pick the procedure, fill in its e-form with the applicant, hand over the receipt. */
export function IntakePage() {
  return <StaffGate roles={DOSSIER_INTAKE}>{(staff) => <Intake staff={staff} />}</StaffGate>;
}

function Intake({ staff }: { staff: StaffView }) {
  const { query } = useLocation();
  const code = query.get('thu-tuc');
  const [received, setReceived] = useState<DossierView | null>(null);
  if (received) return <IntakeReceipt d={received} onAnother={() => setReceived(null)} />;
  return code ? <IntakeProcedure code={code} staff={staff} onReceived={setReceived} /> : <ProcedurePicker />;
}

function IntakeProcedure({ code, staff, onReceived }: { code: string; staff: StaffView; onReceived: (d: DossierView) => void }) {
  const { t } = useT();
  const procedure = useApi<ProcedureView>(`/api/v1/procedures/${encodeURIComponent(code)}`);
  return (
    <>
      <p>
        <Link to="/can-bo/tiep-nhan" className="back-link">
          {t('intake.change')}
        </Link>
      </p>
      {procedure.status === 'loading' && <Loading />}
      {procedure.status === 'error' && (
        <ApiErrorNotice title={t('proc.errorTitle')} error={procedure.error} onRetry={procedure.retry} />
      )}
      {procedure.status === 'ok' && <IntakeForm procedure={procedure.data} staff={staff} onReceived={onReceived} />}
    </>
  );
}
