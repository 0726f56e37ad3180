import type { DossierStatus } from '@motcua/contracts';
import { useT } from '../../i18n/useT.ts';

/** A shape per stage, so the status never rests on colour alone: waiting, working, decided, closed. */
const MARK: Record<DossierStatus, string> = {
  draft: '○',
  submitted: '○',
  received: '◔',
  in_progress: '◑',
  supplement_requested: '⏸',
  awaiting_payment: '⏸',
  approved: '◕',
  refused: '✕',
  result_issued: '◕',
  returned: '●',
  rejected_at_intake: '✕',
  withdrawn: '✕',
};

/** The dossier's status in words, with its mark. */
export function StatusTag({ status }: { status: DossierStatus }) {
  const { t } = useT();
  return (
    <strong className={`tag tag--status tag--status-${status}`} data-status={status}>
      <span aria-hidden="true">{MARK[status]} </span>
      {t(`status.${status}`)}
    </strong>
  );
}
