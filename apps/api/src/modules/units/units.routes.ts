import { Type } from '@sinclair/typebox';
import { StringEnum, UnitContactUpdate, UnitDetail, UnitList, UnitView, UNIT_KINDS } from '@motcua/contracts';
import type { App } from '../../app.ts';
import { errorResponses, STAFF_SECURITY } from '../../http/openapi.ts';
import { presentUnit, presentUnitDetail } from './units.presenter.ts';
import * as units from './units.service.ts';

const DateParam = Type.String({ format: 'date', description: 'Ngày hiệu lực (YYYY-MM-DD), mặc định hôm nay' });
const KindParam = StringEnum([...UNIT_KINDS, 'administrative', 'all'] as const, {
  description: 'Loại đơn vị; mặc định "administrative" (tỉnh, huyện, xã), "agency" cho cơ quan, "all" cho tất cả',
});

export function unitsRoutes(app: App): void {
  app.get(
    '/api/v1/units',
    {
      schema: {
        tags: ['units'],
        summary: 'Danh sách đơn vị / list units',
        querystring: Type.Object({
          parent: Type.Optional(Type.String({ maxLength: 30, description: 'Mã đơn vị cấp trên' })),
          kind: Type.Optional(KindParam),
          at: Type.Optional(DateParam),
          q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Tìm theo tên (không phân biệt dấu)' })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 500 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
        }),
        response: { 200: UnitList, ...errorResponses(400, 404) },
      },
    },
    async (req) => {
      const { rows, total } = await units.listUnits(app.deps.db, req.query);
      return { items: rows.map(presentUnit), total };
    },
  );

  app.get(
    '/api/v1/units/:code',
    {
      schema: {
        tags: ['units'],
        summary: 'Một đơn vị và các cấp trên / one unit with its ancestors',
        params: Type.Object({ code: Type.String({ maxLength: 30 }) }),
        querystring: Type.Object({ at: Type.Optional(DateParam) }),
        response: { 200: UnitDetail, ...errorResponses(400, 404) },
      },
    },
    async (req) => {
      const { row, ancestors } = await units.getUnitWithAncestors(app.deps.db, req.params.code, req.query.at);
      return presentUnitDetail(row, ancestors);
    },
  );

  app.patch(
    '/api/v1/units/:code',
    {
      schema: {
        tags: ['units'],
        summary: 'Cập nhật thông tin liên hệ của đơn vị / update a unit’s contact details',
        description: 'Vai trò: admin hoặc approver, trong phạm vi đơn vị của mình.',
        security: STAFF_SECURITY,
        params: Type.Object({ code: Type.String({ maxLength: 30 }) }),
        body: UnitContactUpdate,
        response: { 200: UnitView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => presentUnit(await units.updateUnitContact(app.deps.db, req.actor, req.params.code, req.body)),
  );
}
