/** OpenAPI document at /api/openapi.json and human docs at /api/docs (served locally, no CDN). */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { ErrorBody } from '@motcua/contracts';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Dữ liệu không hợp lệ (VALIDATION_FAILED)',
  401: 'Chưa đăng nhập (UNAUTHENTICATED, INVALID_CREDENTIALS)',
  403: 'Không có quyền (FORBIDDEN)',
  404: 'Không tìm thấy (NOT_FOUND)',
  409: 'Xung đột (CONFLICT)',
  413: 'Quá lớn (PAYLOAD_TOO_LARGE)',
  422: 'Tệp nhập bị từ chối (IMPORT_REJECTED)',
};

/** Response schemas for the error codes a route can return. */
/** Security requirements for the docs: staff routes and citizen routes. */
export const STAFF_SECURITY: { [label: string]: string[] }[] = [{ bearer: [] }, { cookie: [] }];
export const CITIZEN_SECURITY: { [label: string]: string[] }[] = [{ bearer: [] }, { citizenCookie: [] }];
/** A campaign partner's system (carrier, police): `Authorization: Bearer pt_…` (docs/partner-reports.md). */
export const PARTNER_SECURITY: { [label: string]: string[] }[] = [{ partnerToken: [] }];

export function errorResponses(...statuses: number[]): Record<number, typeof ErrorBody> {
  const out: Record<number, typeof ErrorBody> = {};
  for (const s of statuses) out[s] = { ...ErrorBody, description: DESCRIPTIONS[s] ?? 'Lỗi' } as typeof ErrorBody;
  return out;
}

export async function registerOpenApi(app: FastifyInstance, provinceName: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'motcua API',
        version: '0.1.0',
        description: `Hệ thống thông tin giải quyết TTHC và Trung tâm điều hành Đề án 06 — ${provinceName}. Lỗi trả về dạng { "error": { "code", "message", "details" } }.`,
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'motcua_session' },
          citizenCookie: { type: 'apiKey', in: 'cookie', name: 'motcua_citizen', description: 'Phiên công dân (đăng nhập VNeID); Bearer cz_… cũng được' },
          partnerToken: { type: 'http', scheme: 'bearer', description: 'Mã truy cập của đối tác chiến dịch (pt_…), do đơn vị điều phối cấp; gắn với một chiến dịch và một đối tác' },
        },
      },
      tags: [
        { name: 'system', description: 'Tình trạng hệ thống' },
        { name: 'auth', description: 'Đăng nhập cán bộ' },
        { name: 'citizen', description: 'Công dân: phiên VNeID, hồ sơ của tôi' },
        { name: 'staff', description: 'Cán bộ, vai trò' },
        { name: 'units', description: 'Đơn vị hành chính và cơ quan' },
        { name: 'calendar', description: 'Lịch làm việc, hạn xử lý' },
        { name: 'procedures', description: 'Danh mục thủ tục hành chính' },
        { name: 'dossiers', description: 'Hồ sơ thủ tục hành chính: tiếp nhận, xử lý, trả kết quả, tra cứu' },
        { name: 'kpi', description: 'Chỉ số 766' },
        { name: 'payments', description: 'Thanh toán trực tuyến phí, lệ phí' },
        { name: 'results', description: 'Kết quả điện tử có chữ ký số, xác thực' },
        { name: 'feedback', description: 'Phản ánh, kiến nghị, đánh giá' },
        { name: 'campaigns', description: 'Chiến dịch Đề án 06: chỉ tiêu, báo cáo đối tác, tiến độ' },
        { name: 'field', description: 'Danh sách hộ gia đình, tổ công nghệ số cộng đồng làm việc thực địa' },
        { name: 'desk', description: 'Hỗ trợ chuẩn hóa thông tin thuê bao tại quầy, tự kiểm tra TTTB' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
