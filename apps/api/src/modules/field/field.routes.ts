/**
 * Field work over HTTP (docs/field-work.md): household list import, teams and assignment for
 * coordinators; the volunteer's next households and outcome sync; progress per commune and hamlet.
 */
import { Type } from '@sinclair/typebox';
import {
  FieldAssignmentBody,
  FieldAssignmentResult,
  FieldAssignments,
  FieldOutcomeBatch,
  FieldOutcomeBatchResult,
  FIELD_PEOPLE_FORMATS,
  FIELD_PEOPLE_OUTCOME_FILTERS,
  FieldPeopleList,
  FieldProgress,
  FieldTeamCreate,
  FieldTeamList,
  FieldTeamUpdate,
  FieldTeamView,
  HOUSEHOLD_COLUMNS,
  HouseholdImportReport,
  StringEnum,
} from '@motcua/contracts';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app.ts';
import { AppError, errors } from '../../errors.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, STAFF_SECURITY } from '../../http/openapi.ts';
import { toCsv } from '../../shared/csv.ts';
import { readTabularBuffer } from '../../shared/tabular.ts';
import { closeIfBodyUnread } from '../documents/documents.multipart.ts';
import { importHouseholdRows } from './field.import.ts';
import { peopleCsv } from './field.presenter.ts';
import * as field from './field.service.ts';

const MAX_LIST_BYTES = 10 * 1024 * 1024;
const Ref = Type.Object({ ref: Type.String({ minLength: 1, maxLength: 64, description: 'Mã hoặc số chiến dịch' }) });
const TeamParams = Type.Composite([Ref, Type.Object({ id: Type.Integer({ minimum: 1, description: 'Số tổ' }) })]);
const UnitQuery = Type.Optional(Type.String({ minLength: 1, maxLength: 30, description: 'Mã đơn vị (xã hoặc cấp trên)' }));
const authenticated = async (req: FastifyRequest) => void requireActor(req);

/**
 * Template rows (fictitious numbers): a VNeID list row (seed 003, CCCD), and a subscriber to verify
 * registered with an old 9-digit CMND, with its number and carrier (seed 002 II.1).
 */
const TEMPLATE_ROWS = [
  ['30307', 'Khóm Bình Thới 1', 'BT1-001', '12 Trần Hưng Đạo', 'Nguyễn Văn An', '089085001234', '1985', '0912345678', 'approved_not_activated', '', ''],
  ['30307', 'Khóm Bình Thới 1', 'BT1-002', '14 Trần Hưng Đạo', 'Trần Thị Bình', '351234567', '1962', '', 'to_verify', '0961234567', 'Viettel'],
];

/** The one file of a multipart form (field "file"), read whole: a list is at most a few MB. */
async function uploadedList(req: FastifyRequest): Promise<{ bytes: Buffer; fileName: string }> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Gửi tệp bằng biểu mẫu multipart/form-data (trường "file").', 'Send the file as multipart/form-data (field "file").');
  const part = await req.file({ limits: { fileSize: MAX_LIST_BYTES, files: 1 } }).catch((e: { code?: string }) => {
    throw e.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' ? new AppError('UNSUPPORTED_MEDIA_TYPE', 'Biểu mẫu không hợp lệ.', 'Bad multipart form.') : e;
  });
  if (!part) throw errors.validation([{ field: 'file', message: 'bắt buộc' }], 'Chưa chọn tệp danh sách (CSV hoặc XLSX).');
  const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', 'Tệp quá lớn (tối đa 10 MB).', 'File too large (10 MB at most).');
  const bytes = await part.toBuffer().catch((e: { code?: string }) => {
    throw e.code === 'FST_REQ_FILE_TOO_LARGE' ? tooLarge() : e;
  });
  if (part.file.truncated) throw tooLarge();
  if (bytes.length === 0) throw errors.validation([{ field: 'file', message: 'tệp rỗng' }], 'Tệp danh sách rỗng.');
  return { bytes, fileName: (part.filename ?? '').normalize('NFC') };
}

export function fieldRoutes(app: App): void {
  const { db } = app.deps;
  const ctx = (req: FastifyRequest): field.FieldContext => ({ actor: req.actor, now: new Date(), requestId: req.id });

  app.post(
    '/api/v1/campaigns/:ref/households',
    {
      schema: {
        tags: ['field'],
        summary: 'Nhập danh sách hộ, người dân cho tổ thực địa / import a household list',
        description: `Vai trò: campaign_coordinator (field.manage) của chiến dịch; xã phải thuộc địa bàn chiến dịch và phạm vi của cán bộ. multipart/form-data, trường "file": CSV (UTF-8) hoặc XLSX, tối đa 10 MB. Cột: ${HOUSEHOLD_COLUMNS.join(', ')}. Mỗi người một lần trong chiến dịch (trùng CCCD → dòng bị từ chối). Có dòng sai thì không ghi gì (422, details.rejected liệt kê từng dòng).`,
        security: STAFF_SECURITY,
        params: Ref,
        consumes: ['multipart/form-data'],
        response: { 200: HouseholdImportReport, ...errorResponses(400, 401, 403, 404, 413, 415, 422) },
      },
      preValidation: authenticated,
      onSend: closeIfBodyUnread,
    },
    async (req) => {
      const { bytes, fileName } = await uploadedList(req);
      const rows = await readTabularBuffer(bytes).catch(() => {
        throw errors.validation([{ field: 'file', message: 'không đọc được' }], 'Không đọc được tệp: cần CSV (UTF-8) hoặc XLSX.');
      });
      return db.transaction().execute((trx) => importHouseholdRows(trx, ctx(req), req.params.ref, rows, fileName));
    },
  );

  app.get(
    '/api/v1/campaigns/:ref/households/template',
    {
      schema: {
        tags: ['field'],
        summary: 'Tệp mẫu danh sách hộ (CSV) / household list template',
        description: 'Công khai cho cán bộ đã đăng nhập. CSV UTF-8 có BOM với một dòng ví dụ (số CCCD hư cấu).',
        security: STAFF_SECURITY,
        params: Ref,
        response: {
          200: { description: 'Tệp CSV', content: { 'text/csv': { schema: Type.String() } } },
          ...errorResponses(401),
        },
      },
      preValidation: authenticated,
    },
    async (_req, reply) =>
      reply
        .header('content-disposition', 'attachment; filename="danh-sach-ho-mau.csv"')
        .type('text/csv; charset=utf-8')
        .send(toCsv([...HOUSEHOLD_COLUMNS], TEMPLATE_ROWS)),
  );

  app.get(
    '/api/v1/campaigns/:ref/households/people',
    {
      schema: {
        tags: ['field'],
        summary: 'Danh sách người dân trong danh sách hộ, theo kết quả / people of the household lists',
        description:
          'Vai trò: campaign_coordinator (field.manage) của chiến dịch; chỉ các xã trong phạm vi (đơn vị ngoài phạm vi → 404). Lọc theo đơn vị, ấp và kết quả (pending: chưa đến) — ví dụ danh sách không có mặt, không đủ điều kiện cho Công an xã (KH 60 ngày đêm, mục V.2.d). Số CCCD/CMND chỉ hiện 3 số cuối, số điện thoại được che. Mỗi lần xem hoặc tải được ghi nhật ký. format=csv: toàn bộ danh sách đã lọc (UTF-8 có BOM, tiêu đề tiếng Việt), không phân trang.',
        security: STAFF_SECURITY,
        params: Ref,
        querystring: Type.Object({
          unit: UnitQuery,
          hamlet: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Ấp, khóm, khu phố (đúng tên trong danh sách)' })),
          outcome: Type.Optional(StringEnum(FIELD_PEOPLE_OUTCOME_FILTERS, { description: 'Kết quả hiện tại; pending = chưa có kết quả' })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
          format: Type.Optional(StringEnum(FIELD_PEOPLE_FORMATS, { default: 'json' })),
        }),
        response: {
          200: {
            description: 'Một trang danh sách (JSON), hoặc tệp CSV khi format=csv',
            content: {
              'application/json': { schema: FieldPeopleList },
              'text/csv': { schema: Type.String({ description: 'CSV UTF-8 có BOM, tiêu đề tiếng Việt, đã che số giấy tờ và số điện thoại' }) },
            },
          },
          ...errorResponses(400, 401, 403, 404),
        },
      },
      preValidation: authenticated,
    },
    async (req, reply) => {
      const csv = req.query.format === 'csv';
      const list = await db.transaction().execute((trx) => field.listPeople(trx, ctx(req), req.params.ref, req.query, csv));
      if (!csv) return list;
      const name = ['danh-sach', req.query.unit, req.query.outcome ?? 'tat-ca'].filter(Boolean).join('-').replace(/[^A-Za-z0-9.-]/g, '');
      return reply.header('content-disposition', `attachment; filename="${name}.csv"`).type('text/csv; charset=utf-8').send(peopleCsv(list.items));
    },
  );

  app.get(
    '/api/v1/campaigns/:ref/teams',
    {
      schema: {
        tags: ['field'],
        summary: 'Các tổ thực địa của chiến dịch / field teams',
        description: 'Vai trò: campaign.read; chỉ các xã trong phạm vi của cán bộ.',
        security: STAFF_SECURITY,
        params: Ref,
        querystring: Type.Object({ unit: UnitQuery }),
        response: { 200: FieldTeamList, ...errorResponses(400, 401, 403, 404) },
      },
      preValidation: authenticated,
    },
    async (req) => field.listTeams(db, ctx(req), req.params.ref, req.query.unit),
  );

  app.post(
    '/api/v1/campaigns/:ref/teams',
    {
      schema: {
        tags: ['field'],
        summary: 'Lập tổ thực địa của một xã / create a field team',
        description: 'Vai trò: campaign_coordinator (field.manage). Thành viên: tài khoản field_volunteer đang hoạt động của xã đó. Trùng tên trong xã → 409.',
        security: STAFF_SECURITY,
        params: Ref,
        body: FieldTeamCreate,
        response: { 201: FieldTeamView, ...errorResponses(400, 401, 403, 404, 409) },
      },
      preValidation: authenticated,
    },
    async (req, reply) => reply.status(201).send(await db.transaction().execute((trx) => field.createTeam(trx, ctx(req), req.params.ref, req.body))),
  );

  app.patch(
    '/api/v1/campaigns/:ref/teams/:id',
    {
      schema: {
        tags: ['field'],
        summary: 'Đổi tên, thành viên của tổ / update a field team',
        description: 'Vai trò: campaign_coordinator (field.manage) có phạm vi gồm xã của tổ. memberUsernames thay toàn bộ danh sách thành viên.',
        security: STAFF_SECURITY,
        params: TeamParams,
        body: FieldTeamUpdate,
        response: { 200: FieldTeamView, ...errorResponses(400, 401, 403, 404, 409) },
      },
      preValidation: authenticated,
    },
    async (req) => db.transaction().execute((trx) => field.updateTeam(trx, ctx(req), req.params.ref, req.params.id, req.body)),
  );

  app.post(
    '/api/v1/campaigns/:ref/teams/:id/assignments',
    {
      schema: {
        tags: ['field'],
        summary: 'Giao ấp, hộ cho tổ / assign hamlets or households to a team',
        description: 'Vai trò: campaign_coordinator (field.manage). Giao cả ấp (gồm hộ nhập sau) hoặc từng hộ của xã của tổ; ấp/hộ đang thuộc tổ khác chuyển sang tổ này. Ấp hoặc hộ không có trong danh sách → 400.',
        security: STAFF_SECURITY,
        params: TeamParams,
        body: FieldAssignmentBody,
        response: { 200: FieldAssignmentResult, ...errorResponses(400, 401, 403, 404) },
      },
      preValidation: authenticated,
    },
    async (req) => db.transaction().execute((trx) => field.assignToTeam(trx, ctx(req), req.params.ref, req.params.id, req.body)),
  );

  app.get(
    '/api/v1/campaigns/:ref/field/progress',
    {
      schema: {
        tags: ['field'],
        summary: 'Tiến độ thực địa theo xã, ấp / field progress per commune and hamlet',
        description:
          'Vai trò: campaign.read; chỉ các xã trong phạm vi. Kết quả của mỗi người là kết quả ghi nhận mới nhất đến hết ngày asOf (giờ Việt Nam). ratio = done / (listed − ineligible): người không đủ điều kiện không tính vào tỷ lệ (KH 60 ngày đêm, mục V.2.d).',
        security: STAFF_SECURITY,
        params: Ref,
        querystring: Type.Object({
          unit: UnitQuery,
          asOf: Type.Optional(Type.String({ format: 'date', description: 'Đến hết ngày (YYYY-MM-DD), mặc định hôm nay' })),
        }),
        response: { 200: FieldProgress, ...errorResponses(400, 401, 403, 404) },
      },
      preValidation: authenticated,
    },
    async (req) => field.fieldProgress(db, ctx(req), req.params.ref, req.query),
  );

  app.get(
    '/api/v1/field/assignments',
    {
      schema: {
        tags: ['field'],
        summary: 'Các hộ tôi cần đến / my next households',
        description:
          'Vai trò: field_volunteer. Các hộ của tổ mình (theo ấp hoặc giao riêng) còn người chưa có kết quả hoặc vắng mặt, theo ấp rồi theo hộ. Chỉ hiện 4 số cuối CCCD và số điện thoại đã che. Mỗi lần tải được ghi nhật ký.',
        security: STAFF_SECURITY,
        response: { 200: FieldAssignments, ...errorResponses(401, 403) },
      },
      preValidation: authenticated,
    },
    async (req) => db.transaction().execute((trx) => field.myAssignments(trx, ctx(req))),
  );

  app.post(
    '/api/v1/field/outcomes',
    {
      schema: {
        tags: ['field'],
        summary: 'Gửi kết quả đến hộ (đồng bộ từ điện thoại) / sync recorded outcomes',
        description:
          'Vai trò: field_volunteer, người thuộc hộ được giao cho tổ mình. Gửi lại cùng clientId chỉ được tính một lần (status duplicate). recordedAt: không sau hiện tại quá 5 phút, không trước ngày bắt đầu chiến dịch. Cả lô ghi hoặc không ghi gì: người ngoài tổ → 404, clientId dùng cho bản ghi khác → 409, thời điểm sai → 400; details.rejected nêu từng bản ghi.',
        security: STAFF_SECURITY,
        body: FieldOutcomeBatch,
        response: { 200: FieldOutcomeBatchResult, ...errorResponses(400, 401, 403, 404, 409) },
      },
      preValidation: authenticated,
    },
    async (req) => db.transaction().execute((trx) => field.recordOutcomes(trx, ctx(req), req.body)),
  );
}
