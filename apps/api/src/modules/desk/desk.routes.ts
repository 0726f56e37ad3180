/**
 * Desk support records, the carriers' payout and officials' self-checks (docs/desk-support.md).
 * Order in each handler: actor → validated input → transaction → scope check in the service.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import {
  ComplianceReport,
  DESK_FORMATS,
  DESK_MONTH_PATTERN,
  DeskPayoutRate,
  DeskPayoutRateInput,
  DeskPayoutRateList,
  DeskPayoutReport,
  DeskRecordInput,
  DeskRecordList,
  DeskRecordView,
  MOBILE_CARRIERS,
  MySelfCheck,
  SelfCheckInput,
  SelfCheckView,
  StringEnum,
} from '@motcua/contracts';
import type { App } from '../../app.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, STAFF_SECURITY } from '../../http/openapi.ts';
import { payoutCsv, payoutXlsx } from './desk.presenter.ts';
import * as desk from './desk.service.ts';
import * as payout from './payout.service.ts';
import * as selfcheck from './selfcheck.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Month = Type.String({ pattern: DESK_MONTH_PATTERN, description: 'Tháng YYYY-MM' });
const UnitCode = Type.String({ minLength: 1, maxLength: 30, description: 'Mã đơn vị (mặc định: phạm vi của cán bộ)' });
const IsoDate = (description: string) => Type.String({ format: 'date', description });
// Anonymous callers are turned away before their query is looked at.
const authenticated = async (req: FastifyRequest) => void requireActor(req);

export function deskRoutes(app: App): void {
  const { db } = app.deps;
  const ctx = (req: FastifyRequest): desk.DeskContext => ({ actor: req.actor, now: new Date(), requestId: req.id });

  app.post(
    '/api/v1/desk/records',
    {
      schema: {
        tags: ['desk'],
        summary: 'Ghi nhận một lượt hỗ trợ chuẩn hóa TTTB / record a desk standardisation',
        description:
          'Vai trò: intake_officer (đơn vị của cán bộ). Số thuê bao được kiểm tra và nhận diện nhà mạng theo đầu số; nhà mạng chọn phải khớp đầu số, trừ khi carrierOverride = true (thuê bao chuyển mạng giữ số). Số giấy tờ: CCCD 12 số hoặc CMND 9 số. Tự gắn với chiến dịch xác thực thuê bao đang diễn ra tại đơn vị. Cùng idempotencyKey → trả lại bản ghi đã có (200) thay vì ghi thêm.',
        security: STAFF_SECURITY,
        body: DeskRecordInput,
        response: { 201: DeskRecordView, 200: DeskRecordView, ...errorResponses(400, 401, 403) },
      },
      preValidation: authenticated,
    },
    async (req, reply) => {
      const { view, created } = await db.transaction().execute((trx) => desk.recordStandardisation(trx, ctx(req), req.body));
      return reply.status(created ? 201 : 200).send(view);
    },
  );

  app.get(
    '/api/v1/desk/records',
    {
      schema: {
        tags: ['desk'],
        summary: 'Các lượt hỗ trợ chuẩn hóa TTTB / desk records',
        description:
          'Vai trò desk.read (campaign_coordinator, monitor, admin): trong cây đơn vị của mình (đơn vị chủ trì chiến dịch xác thực thuê bao: cả địa bàn chiến dịch). intake_officer: chỉ các lượt của chính mình. Số thuê bao và số giấy tờ được che.',
        security: STAFF_SECURITY,
        querystring: Type.Object({
          unit: Type.Optional(UnitCode),
          month: Type.Optional(Month),
          date: Type.Optional(IsoDate('Một ngày (giờ Việt Nam), YYYY-MM-DD')),
          staff: Type.Optional(Type.Integer({ minimum: 1, description: 'Mã cán bộ' })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
        }),
        response: { 200: DeskRecordList, ...errorResponses(400, 401, 403, 404) },
      },
      preValidation: authenticated,
    },
    async (req) => desk.listRecords(db, ctx(req), req.query),
  );

  app.get(
    '/api/v1/desk/records/:id',
    {
      schema: {
        tags: ['desk'],
        summary: 'Một lượt hỗ trợ, không che / one desk record in clear',
        description: 'Người ghi nhận, hoặc vai trò desk.read có phạm vi chứa đơn vị. Mỗi lần xem được ghi nhật ký (NĐ 13/2023). Ngoài phạm vi: 404.',
        security: STAFF_SECURITY,
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        response: { 200: DeskRecordView, ...errorResponses(401, 404) },
      },
      preValidation: authenticated,
    },
    async (req) => db.transaction().execute((trx) => desk.getRecord(trx, ctx(req), req.params.id)),
  );

  app.get(
    '/api/v1/desk/payouts',
    {
      schema: {
        tags: ['desk'],
        summary: 'Kinh phí hỗ trợ của nhà mạng theo tháng / carriers’ payout per month',
        description:
          'Số lượt chuẩn hóa thành công × mức hỗ trợ của nhà mạng (tối thiểu 10.000 đ/lượt, KH seed 000 mục V.2), theo đơn vị, nhà mạng, cán bộ; mỗi nhóm đơn vị–nhà mạng có dòng cộng. Vai trò desk.read trong phạm vi; partner_reporter của nhà mạng: chỉ nhà mạng của mình, toàn tỉnh. format=csv (có BOM) | xlsx, tiêu đề tiếng Việt, tiền là số nguyên đồng.',
        security: STAFF_SECURITY,
        querystring: Type.Object({
          month: Month,
          carrier: Type.Optional(StringEnum(MOBILE_CARRIERS, { description: 'Nhà mạng' })),
          unit: Type.Optional(UnitCode),
          format: Type.Optional(StringEnum(DESK_FORMATS, { default: 'json' })),
        }),
        response: {
          200: {
            description: 'Bảng kinh phí (JSON), hoặc tệp CSV/XLSX khi có format',
            content: {
              'application/json': { schema: DeskPayoutReport },
              'text/csv': { schema: Type.String({ description: 'CSV UTF-8 có BOM, tiêu đề tiếng Việt' }) },
              [XLSX]: { schema: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'Tệp XLSX' }) },
            },
          },
          ...errorResponses(400, 401, 403, 404),
        },
      },
      preValidation: authenticated,
    },
    async (req, reply) => {
      const report = await payout.payoutReport(db, ctx(req), req.query);
      const format = req.query.format ?? 'json';
      if (format === 'json') return report;
      const name = `ho-tro-chuan-hoa-tttb-${report.month}${report.carrier ? `-${report.carrier.toLowerCase().replace(/\s+/g, '-')}` : ''}`;
      reply.header('content-disposition', `attachment; filename="${name}.${format}"`);
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(payoutCsv(report));
      return reply.type(XLSX).send(await payoutXlsx(report));
    },
  );

  app.get(
    '/api/v1/desk/payout-rates',
    {
      schema: {
        tags: ['desk'],
        summary: 'Mức hỗ trợ của các nhà mạng / payout rates',
        description:
          'Các mức đã lưu (cả lịch sử), theo nhà mạng và ngày áp dụng, mức đang áp dụng hôm nay, người đặt. Không có mức nào: áp dụng mức tối thiểu 10.000 đ/lượt. Vai trò desk.read: mọi nhà mạng; partner_reporter của nhà mạng: chỉ nhà mạng của mình. settable: nhà mạng người gọi được đặt mức.',
        security: STAFF_SECURITY,
        response: { 200: DeskPayoutRateList, ...errorResponses(401, 403) },
      },
      preValidation: authenticated,
    },
    async (req) => payout.listRates(db, ctx(req)),
  );

  app.put(
    '/api/v1/desk/payout-rates',
    {
      schema: {
        tags: ['desk'],
        summary: 'Đặt mức hỗ trợ của một nhà mạng / set a carrier’s payout rate',
        description: 'Nhà mạng tự quyết mức hỗ trợ ("chủ động bố trí kinh phí", seed 000 V.2): partner_reporter của nhà mạng đặt mức của mình; quản trị cấp tỉnh đặt mức bất kỳ. Không thấp hơn 10.000 đ/lượt.',
        security: STAFF_SECURITY,
        body: DeskPayoutRateInput,
        response: { 200: DeskPayoutRate, ...errorResponses(400, 401, 403) },
      },
      preValidation: authenticated,
    },
    async (req) => db.transaction().execute((trx) => payout.setRate(trx, ctx(req), req.body)),
  );

  app.post(
    '/api/v1/selfchecks',
    {
      schema: {
        tags: ['desk'],
        summary: 'Ghi nhận tự kiểm tra TTTB (TTTB <CCCD> gửi 1414) / record my self-check',
        description: 'Mọi cán bộ ghi nhận kết quả tự kiểm tra của chính mình (KH seed 002: 100% CBCCVC-NLĐ). Lần gần nhất được tính.',
        security: STAFF_SECURITY,
        body: SelfCheckInput,
        response: { 201: SelfCheckView, ...errorResponses(400, 401) },
      },
      preValidation: authenticated,
    },
    async (req, reply) => reply.status(201).send(await db.transaction().execute((trx) => selfcheck.recordSelfCheck(trx, ctx(req), req.body))),
  );

  app.get(
    '/api/v1/selfchecks/me',
    {
      schema: {
        tags: ['desk'],
        summary: 'Tình trạng tự kiểm tra của tôi / my self-check status',
        security: STAFF_SECURITY,
        response: { 200: MySelfCheck, ...errorResponses(401) },
      },
      preValidation: authenticated,
    },
    async (req) => selfcheck.mySelfCheck(db, ctx(req)),
  );

  app.get(
    '/api/v1/selfchecks/compliance',
    {
      schema: {
        tags: ['desk'],
        summary: 'Tỷ lệ cán bộ đã tự kiểm tra TTTB theo đơn vị / self-check compliance per unit',
        description:
          'Cán bộ đang hoạt động có lần tự kiểm tra gần nhất là "khớp" hoặc "đã xác thực lại" ÷ cán bộ đang hoạt động (không tính tài khoản tình nguyện viên, đối tác). Chỉ tiêu 100% (KH seed 002). Vai trò desk.read trong phạm vi.',
        security: STAFF_SECURITY,
        querystring: Type.Object({ unit: Type.Optional(UnitCode), asOf: Type.Optional(IsoDate('Tính đến ngày (mặc định hôm nay)')) }),
        response: { 200: ComplianceReport, ...errorResponses(400, 401, 403, 404) },
      },
      preValidation: authenticated,
    },
    async (req) => selfcheck.complianceReport(db, ctx(req), req.query),
  );
}
