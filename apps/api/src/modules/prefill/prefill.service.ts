/**
 * Prefill (issue 4 point 4; seed 001: "cắt giảm tối thiểu 20% thông tin phải khai báo trên cơ sở tái
 * sử dụng dữ liệu"): a citizen's e-form with what the state already knows filled in, and the count of
 * fields that really reached a dossier prefilled. A field counts only when the submission says it was
 * kept AND its value equals what motcua offered (compared by hash; see prefill_offers), so a client
 * cannot inflate the figure by claiming fields. Knows no HTTP.
 */
import crypto from 'node:crypto';
import { PREFILL_TARGET_SHARE, type PrefillReport, type PrefillView } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { errors, isAppError } from '../../errors.ts';
import { recordAudit } from '../../shared/audit.ts';
import { vnToday } from '../../shared/dates.ts';
import { authorize, type Actor, type CitizenActor } from '../../shared/policy.ts';
import { getProcedure, type ProcedureRow } from '../catalog/catalog.service.ts';
import type { PopulationRegistry, RegistryHousehold, RegistryPerson } from '../registry/registry.adapter.ts';
import { findUnitById, getUnit } from '../units/units.service.ts';
import * as repo from './prefill.repo.ts';
import { APPLICANT_FIELDS, fillApplicant, fillField, registryFacts, vneidFacts } from './prefill.values.ts';

/** The form asks about the household: the member list is worth fetching (and only then, Decree 13). */
const HOUSEHOLD_KEYS = new Set(['registry:household', 'registry:householdHeadName', 'registry:relationshipToHead']);

const canonical = (v: unknown) => String(v).normalize('NFC').trim();

/** SHA-256 of field name and value: what an offer keeps instead of the value. */
export function offerHash(name: string, value: unknown): string {
  return crypto.createHash('sha256').update(`${name}\u0000${canonical(value)}`).digest('hex');
}

async function askRegistry(registry: PopulationRegistry, idNumber: string, wantHousehold: boolean, notices: string[]) {
  try {
    const person = await registry.lookupByIdNumber(idNumber);
    const household = person && wantHousehold ? await registry.householdMembers(idNumber) : null;
    if (!person) notices.push('Cơ sở dữ liệu quốc gia về dân cư chưa có thông tin của bạn: chỉ điền sẵn họ tên, số định danh và ngày sinh từ VNeID.');
    return { person, household, outcome: person ? 'found' : 'not_found' };
  } catch (e) {
    if (!isAppError(e) || e.code !== 'EXTERNAL_UNAVAILABLE') throw e;
    notices.push('Tạm thời không kết nối được Cơ sở dữ liệu quốc gia về dân cư: chỉ điền sẵn thông tin từ VNeID, các trường còn lại vui lòng tự nhập.');
    return { person: null, household: null, outcome: 'unavailable' };
  }
}

function householdView(h: RegistryHousehold | null): PrefillView['household'] {
  if (!h) return null;
  return {
    code: h.code,
    address: h.address,
    members: h.members.filter((m) => m.status === 'alive').map((m) => ({ fullName: m.fullName, relationshipToHead: m.relationshipToHead, birthDate: m.birthDate })),
  };
}

/**
 * The e-form of `procedureCode` for the logged-in citizen, filled from the registry (through the
 * adapter) and the VNeID identity. Remembers what was offered (hashes) and audits the registry read.
 * Takes the database itself, not a transaction: the registry is asked with no transaction open (the
 * embedded database has one connection, and the simulator answering the call needs it).
 */
export async function prefillFor(
  db: Db,
  registry: PopulationRegistry,
  citizen: CitizenActor,
  procedureCode: string,
  opts: { requestId?: string } = {},
): Promise<PrefillView> {
  const procedure = await getProcedure(db, procedureCode);
  const notices: string[] = [];
  const wantHousehold = procedure.form.some((f) => f.prefill !== undefined && HOUSEHOLD_KEYS.has(f.prefill));
  const asked = await askRegistry(registry, citizen.idNumber, wantHousehold, notices);
  // The registry must describe the person VNeID logged in; anything else is not theirs to see.
  const person: RegistryPerson | null = asked.person?.idNumber === citizen.idNumber ? asked.person : null;
  const facts = { registry: person ? registryFacts(person) : new Map<string, string>(), vneid: vneidFacts(citizen) };

  const fields = procedure.form.map((f) => fillField(f, facts));
  const applicant = fillApplicant(person, citizen);
  const prefilled = new Map<string, unknown>();
  for (const k of APPLICANT_FIELDS) if (applicant[k].prefilled) prefilled.set(`applicant.${k}`, applicant[k].value);
  for (const f of fields) if (f.prefilled) prefilled.set(f.name, f.value);

  await db.transaction().execute(async (trx) => {
    await repo.upsertOffer(trx, {
      citizenId: citizen.citizenId,
      procedureCode: procedure.code,
      hashes: Object.fromEntries([...prefilled].map(([name, value]) => [name, offerHash(name, value)])),
    });
    await recordAudit(trx, {
      actor: citizen,
      action: 'registry.prefill',
      target: `citizen:${citizen.citizenId}`,
      requestId: opts.requestId,
      details: { procedure: procedure.code, registry: asked.outcome, prefilled: prefilled.size },
    });
  });
  return {
    procedureCode: procedure.code,
    procedureName: procedure.name,
    identityLevel: procedure.identity_level === 2 ? 2 : 1,
    applicant,
    fields,
    household: person ? householdView(asked.household) : null,
    suggestedUnitCode: procedure.level === 'commune' ? (person?.communeCode ?? null) : null,
    fromResults: [],
    prefilledFields: [...prefilled.keys()],
    fieldCount: APPLICANT_FIELDS.length + procedure.form.length,
    notices,
  };
}

export interface SubmissionFacts {
  citizenId: number;
  procedure: Pick<ProcedureRow, 'code'>;
  unitId: number;
  /** Business date of the submission (Asia/Ho_Chi_Minh). */
  day: string;
  applicant: Record<string, unknown>;
  formData: Record<string, unknown>;
  prefilledFields?: string[];
}

const present = (v: unknown) => v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '');

/**
 * Counts an online submission: its declared fields (applicant block + e-form fields with a value) and
 * those confirmed prefilled. Call inside the submission's transaction.
 */
export async function recordSubmission(db: Db, s: SubmissionFacts): Promise<{ declared: number; prefilled: number }> {
  const values = new Map<string, unknown>();
  for (const k of APPLICANT_FIELDS) if (present(s.applicant[k])) values.set(`applicant.${k}`, s.applicant[k]);
  for (const [k, v] of Object.entries(s.formData)) if (present(v)) values.set(k, v);
  let prefilled = 0;
  const claimed = new Set(s.prefilledFields ?? []);
  if (claimed.size) {
    const offer = (await repo.findOffer(db, s.citizenId, s.procedure.code)) ?? {};
    for (const name of claimed) {
      const v = values.get(name);
      if (v !== undefined && offer[name] !== undefined && offer[name] === offerHash(name, v)) prefilled++;
    }
  }
  await repo.addSubmission(db, { day: s.day, procedureCode: s.procedure.code, unitId: s.unitId, declared: values.size, prefilled });
  return { declared: values.size, prefilled };
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function figures(t: { submissions: number; fields_total: number; fields_prefilled: number }) {
  const n = t.submissions;
  const share = t.fields_total ? t.fields_prefilled / t.fields_total : 0;
  return {
    submissions: n,
    fieldsDeclared: t.fields_total,
    fieldsPrefilled: t.fields_prefilled,
    avgDeclared: n ? round(t.fields_total / n, 2) : 0,
    avgPrefilled: n ? round(t.fields_prefilled / n, 2) : 0,
    avgTyped: n ? round((t.fields_total - t.fields_prefilled) / n, 2) : 0,
    sharePrefilled: round(share, 4),
    meetsTarget: n > 0 && share >= PREFILL_TARGET_SHARE,
  };
}

/** GET /api/v1/kpi/prefill: per procedure over the period, in the actor's subtree (or `unit`'s). kpi.read. */
export async function prefillReport(db: Db, actor: Actor | null, q: { from: string; to: string; unit?: string }): Promise<PrefillReport> {
  if (!actor) throw errors.unauthenticated();
  if (q.from > q.to) throw errors.validation([{ field: 'from', message: 'sau ngày cuối kỳ' }], 'Ngày đầu kỳ phải trước hoặc bằng ngày cuối kỳ.');
  const today = vnToday();
  const scope = q.unit ? await getUnit(db, q.unit, q.to < today ? q.to : today) : await findUnitById(db, actor.unitId);
  if (!scope) throw errors.notFound('đơn vị của cán bộ', 'Actor unit');
  authorize(actor, 'kpi.read', { unitPath: scope.path });
  const rows = await repo.totalsByProcedure(db, { from: q.from, to: q.to, unitPath: scope.path });
  const sum = rows.reduce(
    (a, r) => ({ submissions: a.submissions + r.submissions, fields_total: a.fields_total + r.fields_total, fields_prefilled: a.fields_prefilled + r.fields_prefilled }),
    { submissions: 0, fields_total: 0, fields_prefilled: 0 },
  );
  return {
    from: q.from,
    to: q.to,
    unit: { code: scope.code, name: scope.name },
    targetShare: PREFILL_TARGET_SHARE,
    items: rows.map((r) => ({ procedureCode: r.procedure_code, procedureName: r.procedure_name, ...figures(r) })),
    total: figures(sum),
  };
}
