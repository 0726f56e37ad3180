/**
 * The rules a campaign definition must follow before it is written (POST /api/v1/campaigns and the
 * shipped files alike), so a mistake comes back as a Vietnamese list of problems rather than a
 * database constraint error. Pure: units are checked by the service, which needs the database.
 */
import { KPI_RATE_INDICATORS, type CampaignDefinitionInput } from '@motcua/contracts';
import type { CampaignDefinition, TargetDefinition } from './campaigns.definition.ts';

export interface Problem {
  field: string;
  message: string;
}

/** Every problem of the definition (empty when it may be written). */
export function checkDefinition(def: CampaignDefinition): Problem[] {
  const out: Problem[] = [];
  const add = (field: string, message: string) => out.push({ field, message });
  if (def.windowEnd < def.windowStart) add('windowEnd', `ngày kết thúc ${def.windowEnd} trước ngày bắt đầu ${def.windowStart}`);

  const metrics = new Map(def.metrics.map((m) => [m.code, m]));
  if (metrics.size !== def.metrics.length) add('metrics', 'mã chỉ tiêu bị trùng');
  def.metrics.forEach((m, i) => {
    const f = `metrics[${i}]`;
    if (m.source === 'kpi') {
      if (m.kind !== 'rate') add(f, `chỉ tiêu ${m.code} lấy từ bộ chỉ số phải là tỷ lệ (kind rate)`);
      if (!m.kpiIndicator || !(KPI_RATE_INDICATORS as readonly string[]).includes(m.kpiIndicator))
        add(f, `chỉ tiêu ${m.code}: kpiIndicator phải là một trong ${KPI_RATE_INDICATORS.join(', ')}`);
    } else if (m.kpiIndicator) add(f, `chỉ tiêu ${m.code}: chỉ chỉ tiêu nguồn kpi mới có kpiIndicator`);
    // A rate of reported, desk or baseline figures is numerator ÷ denominator; field and self-check
    // rates are computed by their modules (done ÷ (listed − ineligible); staff who self-checked ÷ staff).
    const computedRate = m.source === 'kpi' || m.source === 'field' || m.source === 'selfcheck';
    if (m.kind === 'rate' && !computedRate) {
      for (const [key, code] of [
        ['numeratorCode', m.numeratorCode],
        ['denominatorCode', m.denominatorCode],
      ] as const) {
        const ref = code ? metrics.get(code) : undefined;
        if (!code) add(f, `tỷ lệ ${m.code} cần ${key}`);
        else if (!ref) add(f, `tỷ lệ ${m.code}: không có chỉ tiêu "${code}"`);
        else if (ref.kind !== 'count') add(f, `tỷ lệ ${m.code}: "${code}" phải là chỉ tiêu đếm (count)`);
      }
    }
  });

  const seenTargets = new Set<string>();
  (def.targets ?? []).forEach((t, i) => {
    const f = `targets[${i}]`;
    const m = metrics.get(t.metric);
    if (!m) return add(f, `không có chỉ tiêu "${t.metric}"`);
    if (m.source === 'baseline') add(f, `${t.metric} là số liệu nền, không đặt chỉ tiêu`);
    if (m.kind === 'rate' && t.value > 1) add(f, `chỉ tiêu tỷ lệ ${t.metric} phải từ 0 đến 1 (100%)`);
    if (m.kind === 'count' && !Number.isInteger(t.value)) add(f, `chỉ tiêu ${t.metric} phải là số nguyên`);
    const key = `${t.metric}|${'unitCode' in t ? `u:${t.unitCode}` : `l:${t.level}`}`;
    if (seenTargets.has(key)) add(f, `chỉ tiêu ${t.metric} bị đặt hai lần cho cùng đơn vị/cấp`);
    seenTargets.add(key);
  });
  const seenBaselines = new Set<string>();
  (def.baselines ?? []).forEach((b, i) => {
    const m = metrics.get(b.metric);
    if (!m || m.source !== 'baseline') add(`baselines[${i}]`, `"${b.metric}" không phải chỉ tiêu số liệu nền (source baseline)`);
    if (seenBaselines.has(`${b.metric}|${b.unitCode}`))
      add(`baselines[${i}]`, `số liệu nền ${b.metric} của ${b.unitCode} bị trùng`);
    seenBaselines.add(`${b.metric}|${b.unitCode}`);
  });
  const seqs = new Set<number>();
  (def.rounds ?? []).forEach((r, i) => {
    const f = `rounds[${i}]`;
    if (seqs.has(r.seq)) add(f, `đợt ${r.seq} bị trùng`);
    seqs.add(r.seq);
    if (r.statsTo < r.statsFrom) add(f, `đợt ${r.seq}: ngày cuối số liệu trước ngày đầu`);
    if (r.dueDate < r.statsTo) add(f, `đợt ${r.seq}: hạn báo cáo trước ngày cuối số liệu`);
  });
  const partnerUnits = new Set<string>();
  (def.partners ?? []).forEach((p, i) => {
    const f = `partners[${i}]`;
    if (partnerUnits.has(p.unitCode)) add(f, `đối tác ${p.unitCode} bị trùng`);
    partnerUnits.add(p.unitCode);
    for (const code of p.metrics) {
      const m = metrics.get(code);
      if (!m || m.source !== 'report' || m.kind !== 'count')
        add(f, `đối tác ${p.unitCode}: "${code}" không phải chỉ tiêu đếm do đối tác báo cáo (source report)`);
    }
    if (p.cadence === 'round' && !(def.rounds ?? []).length)
      add(f, `đối tác ${p.unitCode} báo cáo theo đợt nhưng chiến dịch chưa có đợt`);
  });
  return out;
}

/** The API's input (optional fields, unit-or-level targets) as a definition. */
export function definitionFromInput(input: CampaignDefinitionInput): { def: CampaignDefinition; problems: Problem[] } {
  const problems: Problem[] = [];
  const targets: TargetDefinition[] = [];
  (input.targets ?? []).forEach((t, i) => {
    if ((t.unitCode === undefined) === (t.level === undefined)) {
      problems.push({ field: `targets[${i}]`, message: 'ghi đúng một trong unitCode (theo đơn vị) hoặc level (theo cấp)' });
      return;
    }
    const common = { metric: t.metric, value: t.value, source: t.source };
    targets.push(t.unitCode !== undefined ? { ...common, unitCode: t.unitCode.toUpperCase() } : { ...common, level: t.level! });
  });
  const def: CampaignDefinition = {
    ...input,
    scopeUnitCode: input.scopeUnitCode.toUpperCase(),
    coordinatorUnitCode: input.coordinatorUnitCode.toUpperCase(),
    targets,
    baselines: input.baselines?.map((b) => ({ ...b, unitCode: b.unitCode.toUpperCase() })),
    partners: input.partners?.map((p) => ({ ...p, unitCode: p.unitCode.toUpperCase() })),
  };
  return { def, problems: [...problems, ...checkDefinition(def)] };
}
