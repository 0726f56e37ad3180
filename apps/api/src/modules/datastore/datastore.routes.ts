import { Type } from '@sinclair/typebox';
import { AccessLog } from '@motcua/contracts';
import type { App } from '../../app.ts';
import { requireCitizen } from '../../http/auth.ts';
import { CITIZEN_SECURITY, errorResponses } from '../../http/openapi.ts';
import { accessLogFor } from './datastore.service.ts';

/** The citizen's side of the access log: "who accessed my data and when". */
export function datastoreRoutes(app: App): void {
  const { db } = app.deps;

  app.get(
    '/api/v1/me/access-log',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Ai đã truy cập dữ liệu của tôi / who accessed my data',
        description:
          'Nhật ký truy cập dữ liệu cá nhân (Nghị định 13/2023/NĐ-CP): cán bộ nào, thuộc đơn vị nào, xem hồ sơ hoặc tải giấy tờ nào của công dân, khi nào, với mục đích gì; gồm cả các lần công dân tự tải giấy tờ. Mới nhất trước; chỉ nhật ký của chính công dân đăng nhập.',
        security: CITIZEN_SECURITY,
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
        }),
        response: { 200: AccessLog, ...errorResponses(400, 401) },
      },
    },
    async (req) => accessLogFor(db, requireCitizen(req), { limit: req.query.limit ?? 50, offset: req.query.offset ?? 0 }),
  );
}
