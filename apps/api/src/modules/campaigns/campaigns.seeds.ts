/**
 * The campaigns shipped in data/product/campaigns (docs/campaigns.md, "shipped campaigns"):
 * - `*.json`: a province's own campaigns as configured — seed 002 (AG-XTTB-2026) and seed 000
 *   (AG-CHTTB-2023) for An Giang (91); loaded for the province they name, demo or not.
 * - `*.template.json`: another province's plan used as a template — seed 003 (Tiền Giang 2023),
 *   applied to this province's units and to a chosen year by `applyTemplate`; loaded in demo only.
 * Loading is idempotent: a code that exists is skipped, never changed. Demo-only figures (baselines
 * per commune, the quota split) are generated deterministically and marked "demo" in their source.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/client.ts';
import { Random } from '../../demo/random.ts';
import { vnToday } from '../../shared/dates.ts';
import { PRODUCT_DATA_DIR } from '../../shared/paths.ts';
import { getUnit } from '../units/units.service.ts';
import { insertCampaign, type CampaignDefinition } from './campaigns.definition.ts';
import { codeExists, unitsByCode, unitsUnder } from './campaigns.repo.ts';
import { checkDefinition } from './campaigns.validate.ts';

export const SHIPPED_CAMPAIGNS_DIR = path.join(PRODUCT_DATA_DIR, 'campaigns');

/** A total to split over the communes as a baseline per commune (seed 003's 903,203 accounts). */
export interface QuotaSplit {
  metric: string;
  total: number;
  source: string;
}

export interface CampaignTemplate {
  template: string;
  /** The year of the template's dates. */
  year: number;
  source: string;
  campaigns: (CampaignDefinition & { quota?: QuotaSplit })[];
}

export const DEMO_SOURCE = 'demo: số liệu trình diễn, sinh có định theo mã đơn vị — không phải số liệu thật';

/** Same day and month `years` later (29/2 becomes 28/2 in a common year). */
export function shiftDate(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${y}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/**
 * Splits `total` into equal shares over `codes` (sorted), the remainder one by one to the first
 * codes, so the shares add up to the total exactly. Equal shares because no population or area per
 * commune is in the reference data (docs/campaigns.md): a real quota comes from the police.
 */
export function equalShares(total: number, codes: string[]): { code: string; value: number }[] {
  const sorted = [...codes].sort();
  const base = Math.floor(total / sorted.length);
  const extra = total - base * sorted.length;
  return sorted.map((code, i) => ({ code, value: base + (i < extra ? 1 : 0) }));
}

/**
 * The template's campaigns for a province and year: {year} and {province} replaced, every date moved
 * to `year` (same day and month), a quota split over `communes` as baselines marked demo.
 */
export function applyTemplate(
  t: CampaignTemplate,
  opts: { year: number; provinceCode: string; communes: string[] },
): CampaignDefinition[] {
  const shift = opts.year - t.year;
  const fill = (s: string) => s.replaceAll('{year}', String(opts.year)).replaceAll('{province}', opts.provinceCode);
  return t.campaigns.map(({ quota, ...c }) => ({
    ...c,
    code: fill(c.code),
    scopeUnitCode: fill(c.scopeUnitCode),
    coordinatorUnitCode: fill(c.coordinatorUnitCode),
    source:
      `${c.source ?? ''} Áp dụng mẫu ${t.template} cho đơn vị ${opts.provinceCode}, năm ${opts.year} (dữ liệu trình diễn).`.trim(),
    windowStart: shiftDate(c.windowStart, shift),
    windowEnd: shiftDate(c.windowEnd, shift),
    rounds: c.rounds?.map((r) => ({
      ...r,
      statsFrom: shiftDate(r.statsFrom, shift),
      statsTo: shiftDate(r.statsTo, shift),
      dueDate: shiftDate(r.dueDate, shift),
    })),
    partners: c.partners?.map((p) => ({ ...p, unitCode: fill(p.unitCode) })),
    targets: c.targets?.map((x) => ('unitCode' in x ? { ...x, unitCode: fill(x.unitCode) } : x)),
    baselines: [
      ...(c.baselines ?? []).map((b) => ({ ...b, unitCode: fill(b.unitCode) })),
      ...(quota
        ? equalShares(quota.total, opts.communes).map((s) => ({
            metric: quota.metric,
            unitCode: s.code,
            value: s.value,
            source: `${DEMO_SOURCE}. ${quota.source}, chia đều cho ${opts.communes.length} xã, phường, đặc khu`,
          }))
        : []),
    ],
  }));
}

/** The latest year whose copy of the template has ended before `today` (so every round has data). */
export function demoTemplateYear(t: CampaignTemplate, today: string): number {
  const last = t.campaigns
    .flatMap((c) => [c.windowEnd, ...(c.rounds ?? []).map((r) => r.statsTo)])
    .sort()
    .at(-1)!;
  const y = Number(today.slice(0, 4));
  return shiftDate(last, y - t.year) < today ? y : y - 1;
}

/**
 * Demo baselines per commune for the metrics a coordinator would upload (residents aged ≥ 14 from
 * the population registry, subscribers to verify from the reconciliation): a commune of 15,000 to
 * 60,000 residents aged ≥ 14 (An Giang: about 4.9 million people in 102 communes), 2–8% of them to verify.
 */
export function demoBaselines(metrics: string[], communes: string[]): NonNullable<CampaignDefinition['baselines']> {
  const out: NonNullable<CampaignDefinition['baselines']> = [];
  for (const code of [...communes].sort()) {
    const rnd = new Random(Number(code.replace(/\D/g, '')) || 1);
    const population = rnd.int(15_000, 60_000);
    const toVerify = Math.round(population * (0.02 + rnd.next() * 0.06));
    if (metrics.includes('population_14plus'))
      out.push({ metric: 'population_14plus', unitCode: code, value: population, source: DEMO_SOURCE });
    if (metrics.includes('to_verify')) out.push({ metric: 'to_verify', unitCode: code, value: toVerify, source: DEMO_SOURCE });
  }
  return out;
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

/** Writes a shipped definition unless its code exists; shipped data breaking a rule is a bug here. */
async function loadOne(db: Db, def: CampaignDefinition, file: string): Promise<boolean> {
  const problems = checkDefinition(def);
  if (problems.length) throw new Error(`${file}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
  return db.transaction().execute(async (trx) => {
    if (await codeExists(trx, def.code)) return false;
    await insertCampaign(trx, def);
    return true;
  });
}

export interface LoadOptions {
  provinceCode: string;
  demo: boolean;
  /** Today's business date (tests pin it). */
  today?: string;
  dir?: string;
}

/** Loads the shipped campaigns of the province (and, in demo, the templates); returns the codes created. */
export async function loadShippedCampaigns(db: Db, opts: LoadOptions): Promise<string[]> {
  const dir = opts.dir ?? SHIPPED_CAMPAIGNS_DIR;
  if (!fs.existsSync(dir)) return [];
  const today = opts.today ?? vnToday();
  const province = await getUnit(db, opts.provinceCode);
  const communes = (await unitsUnder(db, province.path, today, ['commune'])).map((u) => u.code);
  const created: string[] = [];
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  for (const file of files.filter((f) => !f.endsWith('.template.json'))) {
    const def = readJson<CampaignDefinition>(path.join(dir, file));
    if (def.scopeUnitCode !== opts.provinceCode) continue;
    const baselineMetrics = def.metrics.filter((m) => m.source === 'baseline').map((m) => m.code);
    const withDemo = opts.demo && !def.baselines?.length ? { ...def, baselines: demoBaselines(baselineMetrics, communes) } : def;
    if (await loadOne(db, withDemo, file)) created.push(def.code);
  }
  if (!opts.demo) return created;
  for (const file of files.filter((f) => f.endsWith('.template.json'))) {
    const t = readJson<CampaignTemplate>(path.join(dir, file));
    for (const def of applyTemplate(t, { year: demoTemplateYear(t, today), provinceCode: opts.provinceCode, communes })) {
      // A province without the agencies the template names (its police, its office) gets no copy.
      const needed = [def.coordinatorUnitCode, ...(def.partners ?? []).map((p) => p.unitCode)];
      if ((await unitsByCode(db, needed, def.windowStart)).size < new Set(needed).size) continue;
      if (await loadOne(db, def, file)) created.push(def.code);
    }
  }
  return created;
}

/** For system.ts in demo mode: every shipped campaign and the seed 003 template for this year. */
export function seedDemoCampaigns(db: Db, opts: { provinceCode: string; today?: string }): Promise<string[]> {
  return loadShippedCampaigns(db, { ...opts, demo: true });
}
