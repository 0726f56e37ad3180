/**
 * A small subscriber-verification campaign for tests (imported by *.test.ts only): the province of An
 * Giang, Sở KH&CN coordinating, the three carriers reporting weekly, a window in May 2026.
 */
import type { Db } from '../../db/client.ts';
import { insertCampaign, type CampaignDefinition } from './campaigns.definition.ts';

export const LONG_XUYEN = '30307';
export const MY_HOA_HUNG = '30313';
export const PHU_QUOC = '31078';
export const CARRIERS = ['91.VIETTEL', '91.VNPT', '91.MOBIFONE'] as const;

export function testCampaign(overrides: Partial<CampaignDefinition> = {}): CampaignDefinition {
  return {
    code: 'TEST-TTTB',
    kind: 'subscriber_verification',
    name: 'Chiến dịch thử nghiệm xác thực thuê bao',
    scopeUnitCode: '91',
    coordinatorUnitCode: '91.SKHCN',
    windowStart: '2026-04-28',
    windowEnd: '2026-05-28',
    metrics: [
      { code: 'to_verify', nameVi: 'Thuê bao phải xác thực', nameEn: 'Subscribers to verify', kind: 'count', source: 'baseline' },
      { code: 'verified', nameVi: 'Thuê bao đã xác thực', nameEn: 'Verified', kind: 'count', source: 'report' },
      { code: 'locked', nameVi: 'Thuê bao bị khóa', nameEn: 'Locked', kind: 'count', source: 'report' },
      { code: 'verified_rate', nameVi: 'Tỷ lệ đã xác thực', nameEn: 'Verified rate', kind: 'rate', source: 'report', numeratorCode: 'verified', denominatorCode: 'to_verify' },
    ],
    targets: [{ metric: 'verified_rate', level: 'commune', value: 1 }],
    baselines: [
      { metric: 'to_verify', unitCode: LONG_XUYEN, value: 1000 },
      { metric: 'to_verify', unitCode: MY_HOA_HUNG, value: 400 },
    ],
    partners: CARRIERS.map((unitCode) => ({ unitCode, kind: 'carrier' as const, cadence: 'weekly' as const, dueOffsetDays: 1, metrics: ['verified', 'locked'] })),
    ...overrides,
  };
}

export async function createTestCampaign(db: Db, overrides: Partial<CampaignDefinition> = {}): Promise<number> {
  return insertCampaign(db, testCampaign(overrides));
}
