/** SQL of prefill offers and statistics; every function takes the db or a transaction first. */
import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';

/** Replaces the citizen's last offer for the procedure. */
export async function upsertOffer(db: Db, o: { citizenId: number; procedureCode: string; hashes: Record<string, string> }): Promise<void> {
  await db
    .insertInto('prefill_offers')
    .values({ citizen_id: o.citizenId, procedure_code: o.procedureCode, field_hashes: JSON.stringify(o.hashes) })
    .onConflict((oc) =>
      oc.columns(['citizen_id', 'procedure_code']).doUpdateSet((eb) => ({ field_hashes: eb.ref('excluded.field_hashes'), offered_at: sql<Date>`now()` })),
    )
    .execute();
}

export async function findOffer(db: Db, citizenId: number, procedureCode: string): Promise<Record<string, string> | undefined> {
  const r = await db
    .selectFrom('prefill_offers')
    .select('field_hashes')
    .where('citizen_id', '=', citizenId)
    .where('procedure_code', '=', procedureCode)
    .executeTakeFirst();
  return r?.field_hashes;
}

/** Adds one submission to its day, procedure and unit. */
export async function addSubmission(db: Db, s: { day: string; procedureCode: string; unitId: number; declared: number; prefilled: number }): Promise<void> {
  await db
    .insertInto('prefill_stats')
    .values({ day: s.day, procedure_code: s.procedureCode, unit_id: s.unitId, submissions: 1, fields_total: s.declared, fields_prefilled: s.prefilled })
    .onConflict((oc) =>
      oc.columns(['day', 'procedure_code', 'unit_id']).doUpdateSet({
        submissions: sql<number>`prefill_stats.submissions + 1`,
        fields_total: sql<number>`prefill_stats.fields_total + excluded.fields_total`,
        fields_prefilled: sql<number>`prefill_stats.fields_prefilled + excluded.fields_prefilled`,
      }),
    )
    .execute();
}

export interface ProcedureTotals {
  procedure_code: string;
  procedure_name: string;
  submissions: number;
  fields_total: number;
  fields_prefilled: number;
}

/** Sums per procedure over [from, to] for handling units in the subtree at `unitPath`. */
export async function totalsByProcedure(db: Db, q: { from: string; to: string; unitPath: string }): Promise<ProcedureTotals[]> {
  const rows = await db
    .selectFrom('prefill_stats as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .innerJoin('procedures as p', 'p.code', 's.procedure_code')
    .select((eb) => [
      's.procedure_code',
      'p.name as procedure_name',
      eb.fn.sum<number>('s.submissions').as('submissions'),
      eb.fn.sum<number>('s.fields_total').as('fields_total'),
      eb.fn.sum<number>('s.fields_prefilled').as('fields_prefilled'),
    ])
    .where('s.day', '>=', q.from)
    .where('s.day', '<=', q.to)
    .where('u.path', 'like', `${q.unitPath.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
    .groupBy(['s.procedure_code', 'p.name'])
    .orderBy('s.procedure_code')
    .execute();
  return rows.map((r) => ({ ...r, submissions: Number(r.submissions), fields_total: Number(r.fields_total), fields_prefilled: Number(r.fields_prefilled) }));
}
