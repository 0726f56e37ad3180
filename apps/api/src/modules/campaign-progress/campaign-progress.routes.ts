/**
 * Campaign progress over HTTP (docs/campaign-progress.md): the tree, series, ranking, forecast,
 * partner timeliness, the daily / weekly XLSX and the chairman's PDF; and the staff's own in-app
 * notices (reminders). Scope: campaignAccess(…, 'campaign.read') in the service — an invisible campaign
 * answers 404, a partner reporter 403.
 */
import { Type } from '@sinclair/typebox';
import {
  CampaignProgress,
  CampaignTimeliness,
  ProgressForecast,
  ProgressRanking,
  ProgressSeries,
  SERIES_STEPS,
  StaffNotice,
  StaffNoticeList,
  StringEnum,
} from '@motcua/contracts';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app.ts';
import { errors } from '../../errors.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, STAFF_SECURITY } from '../../http/openapi.ts';
import { vnToday } from '../../shared/dates.ts';
import { reportData, summaryData } from './campaign-progress.files.ts';
import { summaryPdf } from './campaign-progress.pdf.ts';
import { presentNotice } from './campaign-progress.presenter.ts';
import * as repo from './campaign-progress.repo.ts';
import * as progress from './campaign-progress.service.ts';
import { reportXlsx } from './campaign-progress.xlsx.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Ref = Type.String({ pattern: '^[A-Za-z0-9._-]{1,64}$', description: 'Mã chiến dịch hoặc số định danh' });
const RefParam = Type.Object({ ref: Ref });
const AsOf = Type.Optional(
  Type.String({ format: 'date', description: 'Số liệu tính đến hết ngày (giờ Việt Nam), mặc định hôm nay' }),
);
const UnitCode = Type.Optional(
  Type.String({ minLength: 1, maxLength: 30, description: 'Mã đơn vị trong phạm vi; mặc định đơn vị gốc của người xem' }),
);
const Metric = Type.String({ pattern: '^[a-z][a-z0-9_]{1,63}$', description: 'Mã chỉ tiêu của chiến dịch' });
const SCOPE_NOTE =
  'Vai trò: campaign_coordinator, monitor, approver, admin; cán bộ đơn vị chủ trì xem cả địa bàn, người khác xem phần địa bàn trong cây đơn vị của mình. Tài khoản đối tác (nhà mạng) bị từ chối (403): số liệu gộp báo cáo của mọi đối tác.';
const authenticated = async (req: FastifyRequest) => void requireActor(req);
const fileName = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '_');

export function campaignProgressRoutes(app: App): void {
  const { db, config } = app.deps;

  app.get(
    '/api/v1/campaigns/:ref/progress',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Tiến độ chiến dịch theo đơn vị / campaign progress tree',
        description: `Đơn vị (mặc định: đơn vị gốc của người xem) và các đơn vị con: kết quả, chỉ tiêu, tỷ lệ hoàn thành của từng chỉ tiêu, cộng dồn theo cây đơn vị; tỷ lệ = tử số cộng dồn ÷ mẫu số cộng dồn. round: số liệu của một đợt báo cáo (chỉ số DVC trong khoảng thống kê của đợt). ${SCOPE_NOTE}`,
        security: STAFF_SECURITY,
        params: RefParam,
        querystring: Type.Object({
          asOf: AsOf,
          unit: UnitCode,
          round: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'Số thứ tự đợt báo cáo' })),
        }),
        response: { 200: CampaignProgress, ...errorResponses(400, 401, 403, 404) },
      },
      preValidation: authenticated,
    },
    async (req) => progress.progress(db, req.actor, req.params.ref, req.query),
  );

  app.get(
    '/api/v1/campaigns/:ref/series',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Diễn biến một chỉ tiêu theo ngày / tuần / series by day or week',
        description: `Giá trị của một chỉ tiêu cho một đơn vị vào cuối mỗi ngày (by=day) hoặc cuối mỗi tuần ISO (by=week, thứ Hai – Chủ nhật, cắt theo thời gian chiến dịch), từ ngày bắt đầu đến asOf. ${SCOPE_NOTE}`,
        security: STAFF_SECURITY,
        params: RefParam,
        querystring: Type.Object({
          metric: Metric,
          unit: UnitCode,
          by: Type.Optional(StringEnum(SERIES_STEPS, { default: 'day' })),
          asOf: AsOf,
        }),
        response: { 200: ProgressSeries, ...errorResponses(400, 401, 403, 404) },
      },
      preValidation: authenticated,
    },
    async (req) => progress.series(db, req.actor, req.params.ref, req.query),
  );

  app.get(
    '/api/v1/campaigns/:ref/ranking',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Xếp hạng xã, phường theo tỷ lệ hoàn thành / ranking of communes',
        description: `Các xã, phường, đặc khu trong phạm vi của người xem, xếp theo tỷ lệ hoàn thành chỉ tiêu (cao trước); bằng nhau thì cùng hạng, theo tên; chưa có số liệu xếp cuối. ${SCOPE_NOTE}`,
        security: STAFF_SECURITY,
        params: RefParam,
        querystring: Type.Object({ metric: Metric, asOf: AsOf }),
        response: { 200: ProgressRanking, ...errorResponses(400, 401, 403, 404) },
      },
      preValidation: authenticated,
    },
    async (req) => progress.ranking(db, req.actor, req.params.ref, req.query),
  );

  app.get(
    '/api/v1/campaigns/:ref/forecast',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Dự báo đạt chỉ tiêu / forecast per metric',
        description: `Theo tốc độ 7 ngày gần nhất (hoặc từ ngày bắt đầu nếu chiến dịch chưa đủ 7 ngày): ngày dự kiến đạt chỉ tiêu, hoặc phần còn thiếu vào ngày kết thúc. ${SCOPE_NOTE}`,
        security: STAFF_SECURITY,
        params: RefParam,
        querystring: Type.Object({ unit: UnitCode, asOf: AsOf }),
        response: { 200: ProgressForecast, ...errorResponses(400, 401, 403, 404) },
      },
      preValidation: authenticated,
    },
    async (req) => progress.forecast(db, req.actor, req.params.ref, req.query),
  );

  app.get(
    '/api/v1/campaigns/:ref/timeliness',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Tình hình nộp báo cáo của đối tác / partner reporting timeliness',
        description: `Theo cách của DHIS2: số báo cáo phải nộp (kỳ đã đến hạn tính đến asOf), đã nộp, đúng hạn; tỷ lệ đầy đủ và tỷ lệ đúng hạn; các kỳ chưa nộp và nộp trễ. ${SCOPE_NOTE}`,
        security: STAFF_SECURITY,
        params: RefParam,
        querystring: Type.Object({ asOf: AsOf }),
        response: { 200: CampaignTimeliness, ...errorResponses(400, 401, 403, 404) },
      },
      preValidation: authenticated,
    },
    async (req) => progress.timeliness(db, req.actor, req.params.ref, req.query),
  );

  app.get(
    '/api/v1/campaigns/:ref/report.xlsx',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Tệp báo cáo ngày / tuần (XLSX) / daily or weekly report file',
        description: `period=day: số liệu hết ngày date theo từng xã (KH 60 ngày đêm, mục VII.2.a: "Định kỳ hàng ngày"); period=week: tuần ISO chứa date ("Định kỳ thứ Hai hàng tuần"; KH 30 ngày: nhà mạng "Định kỳ hằng tuần tổng hợp kết quả"). Trang Tổng hợp, Đối tác báo cáo và mỗi nhóm chỉ tiêu một trang. ${SCOPE_NOTE}`,
        security: STAFF_SECURITY,
        params: RefParam,
        querystring: Type.Object({
          period: Type.Optional(
            StringEnum(SERIES_STEPS, { default: 'day', description: 'day: báo cáo ngày; week: báo cáo tuần' }),
          ),
          date: AsOf,
        }),
        response: {
          200: {
            description: 'Tệp XLSX',
            content: { [XLSX]: { schema: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) } },
          },
          ...errorResponses(400, 401, 403, 404),
        },
      },
      preValidation: authenticated,
    },
    async (req, reply) => {
      const date = req.query.date ?? vnToday();
      const period = req.query.period ?? 'day';
      const s = await progress.readScope(db, req.actor, req.params.ref, date);
      const data = await reportData(s, period, date);
      const name = fileName(`bao-cao-${period === 'day' ? 'ngay' : 'tuan'}-${data.campaign.code}-${data.asOf}.xlsx`);
      return reply
        .header('content-disposition', `attachment; filename="${name}"`)
        .type(XLSX)
        .send(await reportXlsx(data));
    },
  );

  app.get(
    '/api/v1/campaigns/:ref/summary.pdf',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Báo cáo tóm tắt tiến độ gửi Chủ tịch (PDF) / summary for the chairman',
        description: `Một đến hai trang: chiến dịch, căn cứ, ngày số liệu, kết quả so với chỉ tiêu và dự báo, xã dẫn đầu và thấp nhất, đối tác chưa nộp hoặc nộp trễ. ${SCOPE_NOTE}`,
        security: STAFF_SECURITY,
        params: RefParam,
        querystring: Type.Object({ asOf: AsOf }),
        response: {
          200: {
            description: 'Tệp PDF',
            content: { 'application/pdf': { schema: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) } },
          },
          ...errorResponses(400, 401, 403, 404),
        },
      },
      preValidation: authenticated,
    },
    async (req, reply) => {
      const asOf = req.query.asOf ?? vnToday();
      const s = await progress.readScope(db, req.actor, req.params.ref, asOf);
      const pdf = await summaryPdf(await summaryData(s, asOf), { provinceName: config.provinceName, generatedAt: new Date() });
      const name = fileName(`tien-do-${s.access.campaign.code}-${asOf}.pdf`);
      return reply.header('content-disposition', `attachment; filename="${name}"`).type('application/pdf').send(pdf);
    },
  );

  app.get(
    '/api/v1/me/notices',
    {
      schema: {
        tags: ['staff'],
        summary: 'Thông báo của tôi (cán bộ) / my in-app notices',
        description:
          'Nhắc việc trong hệ thống: báo cáo đến hạn hoặc quá hạn của đối tác, hộ dân còn phải đến của tổ công tác. Mới nhất trước.',
        security: STAFF_SECURITY,
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) }),
        response: { 200: StaffNoticeList, ...errorResponses(400, 401) },
      },
      preValidation: authenticated,
    },
    async (req) => {
      const r = await repo.noticesOf(db, requireActor(req).staffId, req.query.limit ?? 50);
      return { unread: r.unread, items: r.items.map(presentNotice) };
    },
  );

  app.post(
    '/api/v1/me/notices/:id/read',
    {
      schema: {
        tags: ['staff'],
        summary: 'Đánh dấu đã đọc / mark a notice read',
        security: STAFF_SECURITY,
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        response: { 200: StaffNotice, ...errorResponses(400, 401, 404) },
      },
      preValidation: authenticated,
    },
    async (req) => {
      const staffId = requireActor(req).staffId;
      if (!(await repo.markNoticeRead(db, staffId, req.params.id, new Date())))
        throw errors.notFound(`thông báo ${req.params.id}`, `Notice ${req.params.id}`);
      return presentNotice((await repo.noticeOf(db, staffId, req.params.id))!);
    },
  );
}
