/**
 * Baselines set by another module (issue 6 §5: the reconciliation's "subscribers to verify" per
 * commune). Replaces the metric's baselines for the given units in one transaction; units not in
 * `rows` keep their value so a carrier-by-carrier hand-off does not wipe the others.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';

export interface BaselineRow {
  unitId: number;
  value: number;
}

export async function setBaselines(db: Db, campaignId: number, metricCode: string, rows: BaselineRow[], source: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      await tx
        .insertInto('campaign_baselines')
        .values(chunk.map((r) => ({ campaign_id: campaignId, metric_code: metricCode, unit_id: r.unitId, value: r.value, source })))
        .onConflict((oc) =>
          oc.columns(['campaign_id', 'metric_code', 'unit_id']).doUpdateSet((eb) => ({
            value: eb.ref('excluded.value'),
            source: eb.ref('excluded.source'),
            updated_at: sql`now()`,
          })),
        )
        .execute();
    }
  });
}
