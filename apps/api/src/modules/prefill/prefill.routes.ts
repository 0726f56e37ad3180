/** The prefilled e-form for citizens, and the prefill indicator for staff (docs/prefill.md). */
import { Type } from '@sinclair/typebox';
import { PREFILL_TARGET_SHARE, PrefillReport, PrefillView, PROCEDURE_CODE_PATTERN } from '@motcua/contracts';
import type { App } from '../../app.ts';
import { requireActor, requireCitizen } from '../../http/auth.ts';
import { CITIZEN_SECURITY, errorResponses, STAFF_SECURITY } from '../../http/openapi.ts';
import { registryFromConfig } from '../registry/registry.adapter.ts';
import { prefillFor, prefillReport } from './prefill.service.ts';

export function prefillRoutes(app: App): void {
  const { db, config } = app.deps;

  app.get(
    '/api/v1/me/prefill',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Tờ khai điền sẵn / prefilled e-form',
        description:
          'Tờ khai điện tử của thủ tục với các trường điền sẵn từ Cơ sở dữ liệu quốc gia về dân cư (qua bộ kết nối) và thông tin VNeID, cùng khối thông tin người nộp. Khi nộp hồ sơ, gửi lại `prefilledFields` (bỏ các trường đã sửa). Kết quả giải quyết trước đây (`fromResults`) chưa được nối. Mỗi lần gọi được ghi nhật ký truy cập.',
        security: CITIZEN_SECURITY,
        querystring: Type.Object({ procedure: Type.String({ pattern: PROCEDURE_CODE_PATTERN, description: 'Mã thủ tục, ví dụ 1.004194' }) }),
        response: { 200: PrefillView, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => {
      const citizen = requireCitizen(req);
      return prefillFor(db, registryFromConfig(config), citizen, req.query.procedure, { requestId: req.id });
    },
  );

  app.get(
    '/api/v1/kpi/prefill',
    {
      schema: {
        tags: ['kpi'],
        summary: 'Tỷ lệ trường điền sẵn khi nộp trực tuyến / prefilled-field share',
        description: `Theo từng thủ tục trong kỳ: số hồ sơ nộp trực tuyến, số trường khai trung bình, số trường điền sẵn trung bình (chỉ tính trường máy chủ xác nhận giữ nguyên giá trị điền sẵn) và tỷ lệ; mục tiêu ≥ ${PREFILL_TARGET_SHARE * 100}% (cắt giảm thông tin phải khai báo). Vai trò: monitor, approver, admin; trong cây đơn vị của mình, hoặc của \`unit\`.`,
        security: STAFF_SECURITY,
        querystring: Type.Object({
          from: Type.String({ format: 'date', description: 'Ngày đầu kỳ (giờ Việt Nam)' }),
          to: Type.String({ format: 'date', description: 'Ngày cuối kỳ (tính cả ngày này)' }),
          unit: Type.Optional(Type.String({ minLength: 1, maxLength: 30, description: 'Mã đơn vị giải quyết (cả cây đơn vị)' })),
        }),
        response: { 200: PrefillReport, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => prefillReport(db, requireActor(req), req.query),
  );
}
