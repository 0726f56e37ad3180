/** Engine results → API JSON (no engine structure leaves the module unshaped). */
import type { ProgressUnit, StaffNotice } from '@motcua/contracts';
import type { EngineMetric, EngineUnit, ProgressResult } from './campaign-progress.engine.ts';

export function presentUnit(result: ProgressResult, unit: EngineUnit, metrics: EngineMetric[]): ProgressUnit {
  const cells = result.values.get(unit.id)!;
  return {
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    hasChildren: (result.children.get(unit.id) ?? []).length > 0,
    metrics: metrics.map((m) => {
      const c = cells.get(m.code)!;
      return {
        code: m.code,
        value: c.value,
        numerator: c.numerator,
        denominator: c.denominator,
        target: c.target,
        targetOrigin: c.targetOrigin,
        progress: c.progress,
      };
    }),
  };
}

export function presentNotice(r: {
  id: number;
  kind: StaffNotice['kind'];
  campaign_code: string | null;
  title: string;
  body: string;
  link: string | null;
  created_at: Date;
  read_at: Date | null;
}): StaffNotice {
  return {
    id: Number(r.id),
    kind: r.kind,
    campaignCode: r.campaign_code,
    title: r.title,
    body: r.body,
    link: r.link,
    createdAt: new Date(r.created_at).toISOString(),
    readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
  };
}
