import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from './schema.ts';

/** Channels a dossier notification goes out on (DESIGN §3.7). */
export const NOTIFICATION_CHANNELS = ['email', 'sms', 'zalo'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const NOTIFICATION_CHANNEL_LABELS: Record<NotificationChannel, string> = {
  email: 'Thư điện tử (email)',
  sms: 'Tin nhắn SMS',
  zalo: 'Zalo',
};

const Channels = Type.Array(StringEnum(NOTIFICATION_CHANNELS), {
  uniqueItems: true,
  maxItems: 3,
  description: 'Kênh nhận thông báo; danh sách rỗng = không nhận thông báo',
});

/** What a citizen sends on "Thông báo của tôi". */
export const NotificationPrefsInput = Type.Object(
  {
    channels: Channels,
    email: Type.Optional(
      Type.Union([
        Type.String({ maxLength: 254, description: 'Địa chỉ thư điện tử; bắt buộc khi chọn kênh email' }),
        Type.Null(),
      ]),
    ),
    phone: Type.Optional(
      Type.Union([
        Type.String({ maxLength: 20, description: 'Số di động nhận SMS/Zalo; bỏ trống = số khai trong từng hồ sơ' }),
        Type.Null(),
      ]),
    ),
  },
  { additionalProperties: false },
);
export type NotificationPrefsInput = Static<typeof NotificationPrefsInput>;

export const NotificationPrefs = Type.Object({
  channels: Channels,
  email: Type.Union([Type.String(), Type.Null()]),
  /** 10 digits with the leading 0; null = the phone written on each dossier. */
  phone: Type.Union([Type.String(), Type.Null()]),
  /** False while the citizen has never saved a choice (the defaults are shown). */
  saved: Type.Boolean(),
});
export type NotificationPrefs = Static<typeof NotificationPrefs>;

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** One notification of a dossier as staff see it: the recipient is masked. */
export const DossierNotification = Type.Object({
  id: Type.Integer(),
  channel: StringEnum(NOTIFICATION_CHANNELS),
  recipient: Type.String({ description: 'Địa chỉ nhận, đã che bớt' }),
  template: Type.String({ description: 'Mẫu thông báo (theo sự kiện hồ sơ)' }),
  status: StringEnum(OUTBOX_STATUSES),
  attempts: Type.Integer(),
  createdAt: Type.String(),
  nextAttemptAt: Type.Union([Type.String(), Type.Null()]),
  sentAt: Type.Union([Type.String(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
});
export type DossierNotification = Static<typeof DossierNotification>;
export const DossierNotificationList = Type.Object({ items: Type.Array(DossierNotification) });
export type DossierNotificationList = Static<typeof DossierNotificationList>;

/** Exchange between the officials and the applicant on a dossier. */
export const DossierMessageInput = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 4000, description: 'Nội dung tin nhắn' }) },
  { additionalProperties: false },
);
export type DossierMessageInput = Static<typeof DossierMessageInput>;

export const DossierMessage = Type.Object({
  id: Type.Integer(),
  author: Type.Object({
    kind: StringEnum(['staff', 'citizen'] as const),
    /** The official's name, or the citizen's own name. */
    name: Type.Union([Type.String(), Type.Null()]),
  }),
  body: Type.String(),
  createdAt: Type.String(),
  /** When the other side first read it. */
  readAt: Type.Union([Type.String(), Type.Null()]),
});
export type DossierMessage = Static<typeof DossierMessage>;
export const DossierMessageList = Type.Object({ items: Type.Array(DossierMessage) });
export type DossierMessageList = Static<typeof DossierMessageList>;
