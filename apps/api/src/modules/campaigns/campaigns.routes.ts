/**
 * Campaign set-up over HTTP (DESIGN §3.9, docs/campaigns.md): list, read, create, change; targets and
 * baselines per unit from XLSX/CSV; the figures of a reporting round. Scope is decided by
 * campaigns.access.ts in the service: an invisible campaign answers 404, a visible one 403.
 */
import { Type } from '@sinclair/typebox';
import {
  CampaignDefinitionInput,
  CampaignDetail,
  CampaignPatch,
  CampaignRoundReport,
  CampaignSheetReport,
  CampaignSummary,
  KPI_LEVELS,
  StringEnum,
} from '@motcua/contracts';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app.ts';
import { AppError, errors } from '../../errors.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, STAFF_SECURITY } from '../../http/openapi.ts';
import { readTabularBuffer } from '../../shared/tabular.ts';
import { roundReport } from './campaigns.rounds.ts';
import * as campaigns from './campaigns.service.ts';
import { campaignSetupRoutes } from './campaigns.setup.routes.ts';
import type { SheetKind } from './campaigns.sheets.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A targets table of 102 communes is a few KB; anything near this is not one. */
const MAX_SHEET = 5 * 1024 * 1024;
const Ref = Type.String({
  pattern: '^[A-Za-z0-9._-]{1,64}$',
  description: 'Mã chiến dịch (ví dụ AG-XTTB-2026) hoặc số định danh',
});
const RefParam = Type.Object({ ref: Ref });
const XLSX_RESPONSE = {
  description: 'Tệp XLSX: unit_code, unit_name, mỗi chỉ tiêu một cột; các xã, phường, đặc khu của địa bàn điền sẵn',
  content: { [XLSX]: { schema: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) } },
};
const authenticated = async (req: FastifyRequest) => void requireActor(req);

/** The one file of a multipart form, as bytes. */
async function uploadedSheet(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart())
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Gửi tệp XLSX hoặc CSV trong biểu mẫu multipart/form-data (trường "file").',
      'Send the XLSX or CSV file as multipart/form-data (field "file").',
    );
  const part = await req.file({ limits: { fileSize: MAX_SHEET, files: 1 } });
  if (!part) throw errors.validation([{ field: 'file', message: 'bắt buộc' }], 'Chưa chọn tệp XLSX hoặc CSV.');
  const bytes = await part.toBuffer().catch((e: { code?: string }) => {
    throw e.code === 'FST_REQ_FILE_TOO_LARGE'
      ? new AppError('PAYLOAD_TOO_LARGE', 'Tệp quá lớn (tối đa 5 MB).', 'File too large (5 MB at most).')
      : e;
  });
  if (bytes.length === 0) throw errors.validation([{ field: 'file', message: 'tệp rỗng' }], 'Tệp tải lên không có nội dung.');
  return bytes;
}

export function campaignsRoutes(app: App): void {
  const { db } = app.deps;
  const ctx = (req: FastifyRequest): campaigns.Ctx => ({ actor: req.actor, requestId: req.id });

  app.get(
    '/api/v1/campaigns',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Các chiến dịch cán bộ được xem / campaigns visible to me',
        description:
          'Chiến dịch mà đơn vị của cán bộ là đơn vị chủ trì (hoặc cấp trên), thuộc địa bàn, hoặc là đối tác báo cáo. Vai trò: campaign_coordinator, monitor, approver, admin; partner_reporter của đối tác; field_volunteer, intake_officer trong địa bàn.',
        security: STAFF_SECURITY,
        response: { 200: Type.Array(CampaignSummary), ...errorResponses(401) },
      },
      preValidation: authenticated,
    },
    async (req) => campaigns.listCampaigns(db, req.actor),
  );

  app.get(
    '/api/v1/campaigns/:ref',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Một chiến dịch: chỉ tiêu, số liệu nền, đợt báo cáo, đối tác / one campaign',
        description:
          'Chỉ tiêu và số liệu nền theo đơn vị chỉ gồm các đơn vị trong phạm vi của cán bộ (chỉ tiêu theo cấp luôn có). `can` cho biết cán bộ được cấu hình, duyệt, báo cáo hay không. Ngoài phạm vi: 404.',
        security: STAFF_SECURITY,
        params: RefParam,
        response: { 200: CampaignDetail, ...errorResponses(400, 401, 403, 404) },
      },
      preValidation: authenticated,
    },
    async (req) => campaigns.getCampaign(db, req.actor, req.params.ref),
  );

  app.post(
    '/api/v1/campaigns',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Tạo chiến dịch từ cấu hình / create a campaign',
        description:
          'Vai trò: campaign_coordinator, admin của đơn vị chủ trì hoặc cấp trên. Cấu hình như các tệp data/product/campaigns/*.json. Lỗi cấu hình: 400 kèm danh sách; trùng mã: 409.',
        security: STAFF_SECURITY,
        body: CampaignDefinitionInput,
        response: { 201: CampaignDetail, ...errorResponses(400, 401, 403, 409) },
      },
      preValidation: authenticated,
    },
    async (req, reply) =>
      reply.status(201).send(await db.transaction().execute((trx) => campaigns.createCampaign(trx, ctx(req), req.body))),
  );

  app.patch(
    '/api/v1/campaigns/:ref',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Sửa tên, căn cứ, thời gian, trạng thái chiến dịch / update a campaign',
        description: 'Vai trò: campaign_coordinator, admin của đơn vị chủ trì hoặc cấp trên.',
        security: STAFF_SECURITY,
        params: RefParam,
        body: CampaignPatch,
        response: { 200: CampaignDetail, ...errorResponses(400, 401, 403, 404) },
      },
      preValidation: authenticated,
    },
    async (req) => db.transaction().execute((trx) => campaigns.updateCampaign(trx, ctx(req), req.params.ref, req.body)),
  );

  const sheet = (kind: SheetKind, label: string) => {
    app.get(
      `/api/v1/campaigns/:ref/${kind}/template.xlsx`,
      {
        schema: {
          tags: ['campaigns'],
          summary: `Tải mẫu ${label} (XLSX) / ${kind} template`,
          description:
            'Vai trò: campaign_coordinator, admin của đơn vị chủ trì hoặc cấp trên. Giá trị hiện có được điền sẵn; tỷ lệ ghi dạng phần trăm.',
          security: STAFF_SECURITY,
          params: RefParam,
          response: { 200: XLSX_RESPONSE, ...errorResponses(400, 401, 403, 404) },
        },
        preValidation: authenticated,
      },
      async (req, reply) => {
        const { name, body } = await campaigns.sheetTemplate(db, req.actor, req.params.ref, kind);
        return reply.header('content-disposition', `attachment; filename="${name}.xlsx"`).type(XLSX).send(body);
      },
    );
    app.put(
      `/api/v1/campaigns/:ref/${kind}`,
      {
        schema: {
          tags: ['campaigns'],
          summary: `Tải lên ${label} theo đơn vị (XLSX/CSV) / upload ${kind}`,
          description:
            'multipart/form-data, trường "file". Cột unit_code, unit_name, mỗi chỉ tiêu một cột. Tất cả hoặc không: có dòng sai (đơn vị không có, ngoài địa bàn, số âm, không phải số, tỷ lệ vượt 100%, đơn vị trùng) thì không ghi gì, 422 kèm danh sách dòng sai. Mỗi cột chỉ tiêu có trong tệp thay toàn bộ giá trị theo đơn vị của chỉ tiêu đó; ô trống = không đặt.',
          security: STAFF_SECURITY,
          params: RefParam,
          consumes: ['multipart/form-data'],
          response: { 200: CampaignSheetReport, ...errorResponses(400, 401, 403, 404, 413, 415, 422) },
        },
        preValidation: authenticated,
      },
      async (req) => {
        // Turned away before the file is read.
        await campaigns.manageAccess(db, req.actor, req.params.ref);
        const bytes = await uploadedSheet(req);
        const rows = await readTabularBuffer(bytes).catch(() => {
          throw errors.validation(
            [{ field: 'file', message: 'không đọc được' }],
            'Không đọc được tệp: cần XLSX hoặc CSV (UTF-8).',
          );
        });
        return db.transaction().execute((trx) => campaigns.importSheet(trx, ctx(req), req.params.ref, kind, rows));
      },
    );
  };
  sheet('targets', 'chỉ tiêu');
  sheet('baselines', 'số liệu nền');

  app.get(
    '/api/v1/campaigns/:ref/rounds/:seq',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Số liệu một đợt báo cáo từ bộ chỉ số / figures of a reporting round',
        description:
          'Số liệu của các chỉ tiêu nguồn kpi trong khoảng thống kê của đợt, tính bằng bộ chỉ số như `motcua kpi --from --to [--unit] [--level]`, kèm chỉ tiêu của chiến dịch áp dụng cho từng đơn vị (theo đơn vị, nếu không thì theo cấp) và mức chênh lệch. Mặc định: phạm vi của cán bộ trong địa bàn chiến dịch.',
        security: STAFF_SECURITY,
        params: Type.Object({ ref: Ref, seq: Type.Integer({ minimum: 1, maximum: 1000, description: 'Số thứ tự đợt' }) }),
        querystring: Type.Object({
          unit: Type.Optional(
            Type.String({ minLength: 1, maxLength: 30, description: 'Mã đơn vị: một dòng cho cả cây đơn vị đó' }),
          ),
          level: Type.Optional(StringEnum(KPI_LEVELS, { description: 'Một dòng cho mỗi đơn vị cấp này' })),
        }),
        response: { 200: CampaignRoundReport, ...errorResponses(400, 401, 403, 404) },
      },
      preValidation: authenticated,
    },
    async (req) => roundReport(db, req.actor, req.params.ref, req.params.seq, req.query),
  );

  // Partners, rounds, metrics and per-level targets after creation.
  campaignSetupRoutes(app);
}
