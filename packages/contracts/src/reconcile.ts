import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from './schema.ts';

/** Subscriber reconciliation jobs over the API (issue 6 §4, docs/reconcile.md). */
export const RECONCILE_JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ReconcileJobStatus = (typeof RECONCILE_JOB_STATUSES)[number];
export const RECONCILE_RESULT_FILES = ['results.csv', 'outreach.csv', 'rejected.csv', 'over_limit.csv', 'summary.json'] as const;

export const ReconcileJobView = Type.Object({
  id: Type.Integer(),
  status: StringEnum(RECONCILE_JOB_STATUSES),
  unitCode: Type.String(),
  campaignCode: Type.Union([Type.String(), Type.Null()]),
  maxPerId: Type.Union([Type.Integer(), Type.Null()]),
  deadline: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  progress: Type.Union([
    Type.Object({
      phase: StringEnum(['registry', 'subscribers'] as const),
      rows: Type.Integer({ description: 'Số dòng đã xử lý trong giai đoạn' }),
      rowsPerSecond: Type.Integer(),
      etaSeconds: Type.Union([Type.Integer(), Type.Null()], { description: 'Ước tính số giây còn lại' }),
      percent: Type.Integer({ minimum: 0, maximum: 100 }),
    }),
    Type.Null(),
  ]),
  summary: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], { description: 'summary.json khi xong' }),
  handoff: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], { description: 'Kết quả chuyển sang chiến dịch' }),
  error: Type.Union([Type.String(), Type.Null()]),
  files: Type.Array(Type.String(), { description: 'Tệp kết quả tải được' }),
  createdAt: Type.String({ format: 'date-time' }),
  startedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type ReconcileJobView = Static<typeof ReconcileJobView>;
