import { useT } from '../../i18n/useT.ts';
import type { MessageKey, Params } from '../../i18n/messages.ts';
import type { CampaignDashboardKey } from '../../i18n/messages-campaign-dashboard.ts';

export type DashboardT = (key: MessageKey | CampaignDashboardKey, params?: Params) => string;

/** The translate function with the dashboard's keys typed (they join the dictionary when its messages load). */
export function useDashboardT() {
  const { lang, setLang, t } = useT();
  return { lang, setLang, t: t as DashboardT };
}
