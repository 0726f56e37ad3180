/**
 * A citizen's notification channels ("Thông báo của tôi") and, for staff, the delivery status of a
 * dossier's notifications.
 */
import { Type } from '@sinclair/typebox';
import { DossierNotificationList, NotificationPrefs, NotificationPrefsInput } from '@motcua/contracts';
import type { App } from '../../app.ts';
import { requireCitizen } from '../../http/auth.ts';
import { CITIZEN_SECURITY, errorResponses, STAFF_SECURITY } from '../../http/openapi.ts';
import { presentNotification } from './notifications.presenter.ts';
import * as notifications from './notifications.service.ts';

const CodeParam = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64, description: 'Mã hồ sơ (mã biên nhận)' }) });

export function notificationsRoutes(app: App): void {
  const { db, config } = app.deps;

  app.get(
    '/api/v1/me/notifications',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Kênh nhận thông báo của tôi / my notification channels',
        description: 'Chưa lưu lựa chọn (saved=false): nhận SMS qua số điện thoại khai trong từng hồ sơ.',
        security: CITIZEN_SECURITY,
        response: { 200: NotificationPrefs, ...errorResponses(401) },
      },
    },
    async (req) => notifications.getPrefs(db, requireCitizen(req)),
  );

  app.put(
    '/api/v1/me/notifications',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Chọn kênh nhận thông báo / choose notification channels',
        description: `Kênh: email (cần địa chỉ email), sms, zalo (qua số di động; bỏ trống số = dùng số khai trong hồ sơ). Danh sách rỗng: không nhận thông báo. Kênh đang cung cấp: ${config.notifyChannels.join(', ')}.`,
        security: CITIZEN_SECURITY,
        body: NotificationPrefsInput,
        response: { 200: NotificationPrefs, ...errorResponses(400, 401) },
      },
    },
    async (req) =>
      notifications.savePrefs(db, requireCitizen(req), req.body, {
        enabledChannels: config.notifyChannels,
        now: new Date(),
        requestId: req.id,
      }),
  );

  app.get(
    '/api/v1/dossiers/:code/notifications',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Thông báo đã gửi cho người nộp / notifications of a dossier',
        description:
          'Vai trò: intake_officer, processor, approver, monitor, admin, trong phạm vi xem hồ sơ. Trạng thái gửi từng kênh (pending, sending, sent, failed), số lần thử, lỗi gần nhất; địa chỉ nhận được che bớt.',
        security: STAFF_SECURITY,
        params: CodeParam,
        response: { 200: DossierNotificationList, ...errorResponses(401, 404) },
      },
    },
    async (req) => ({
      items: (await notifications.dossierNotifications(db, req.actor, req.params.code)).map(presentNotification),
    }),
  );
}
