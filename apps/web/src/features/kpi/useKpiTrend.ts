import { useEffect, useState } from 'react';
import type { KpiReport, KpiRow } from '@motcua/contracts';
import { apiGet, toApiError, type ApiError } from '../../lib/api.ts';
import { withQuery } from '../../router/history.ts';
import { TOTAL } from './indicators.ts';
import type { MonthSpan } from './period.ts';

export interface TrendPoint {
  month: string;
  rate: number | null;
  target: number | null;
}

type State =
  { status: 'loading' } | { status: 'ok'; key: string; points: TrendPoint[] } | { status: 'error'; key: string; error: ApiError };

/**
 * The online rate of one unit's subtree month by month, with the target of each month (targets are
 * per year). One request per month, in parallel: the API answers a period, not a series, and its
 * day aggregates make each answer cheap. `unit` null means the officer's own unit, asked without a
 * code (the `total` row, one row per province at most), which also works for months before the 2025
 * reform; a unit asked by code that did not exist in a month (codes were reused or created on
 * 1/7/2025) has no figure for that month.
 */
export function useKpiTrend(unit: string | null, months: MonthSpan[]): State {
  const key = `${unit ?? ''}|${months.map((m) => `${m.from}:${m.to}`).join(',')}`;
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    const ctl = new AbortController();
    const month = async (m: MonthSpan): Promise<KpiRow | null> => {
      const path = withQuery(
        '/api/v1/kpi',
        unit ? { from: m.from, to: m.to, unit } : { from: m.from, to: m.to, level: 'province' },
      );
      try {
        const report = await apiGet<KpiReport>(path, ctl.signal);
        return (unit ? report.rows[0] : report.rows.find((r) => r.unit_code === TOTAL)) ?? null;
      } catch (e) {
        const err = toApiError(e);
        if (unit && (err.status === 404 || err.status === 403)) return null;
        throw e;
      }
    };
    Promise.all(months.map(month)).then(
      (rows) =>
        setState({
          status: 'ok',
          key,
          points: rows.map((row, i) => ({
            month: months[i]!.month,
            rate: row?.online_rate ?? null,
            target: row?.targets.online_rate?.target ?? null,
          })),
        }),
      (e: unknown) => {
        if (!ctl.signal.aborted) setState({ status: 'error', key, error: toApiError(e) });
      },
    );
    return () => ctl.abort();
    // `key` stands for `unit` and `months`, whose arrays are new on every render.
  }, [key]);

  return state.status !== 'loading' && state.key !== key ? { status: 'loading' } : state;
}
