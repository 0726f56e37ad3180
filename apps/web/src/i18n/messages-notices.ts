/**
 * Strings of the staff's in-app notices (reminders of campaign-progress.reminders.ts): the panel on
 * the staff home page and the unread count in the header. Small, and loaded with the header, since
 * the count sits there. English must have the same keys (the type checks it).
 */
import type { StaffNoticeKind } from '@motcua/contracts';
import { addMessages, type Message, type MessageKey } from './messages.ts';

type KindKey = `notices.kind.${StaffNoticeKind}`;

export const noticesVi = {
  'notices.title': 'Thông báo',
  'notices.empty': 'Không có thông báo mới.',
  'notices.errorTitle': 'Chưa tải được thông báo',
  'notices.markRead': 'Đã đọc',
  'notices.markReadOf': (p) => `Đã đọc: ${p.title}`,
  'notices.marked': (p) => `Đã đánh dấu đã đọc: ${p.title}`,
  'notices.markFailed': 'Chưa đánh dấu được thông báo là đã đọc. Hãy thử lại.',
  'notices.at': (p) => `Lúc ${p.at}`,
  'notices.open': (p) => `Mở chiến dịch ${p.code}`,
  'notices.openPage': 'Mở trang liên quan',
  'notices.unread': (p) => `${p.n} thông báo chưa đọc`,
  'notices.kind.report_due': 'Hạn nộp báo cáo',
  'notices.kind.field_pending': 'Công tác tại cơ sở',
} satisfies Record<string, Message> & Record<KindKey, Message>;

export type NoticesKey = keyof typeof noticesVi;

export const noticesEn: Record<NoticesKey, Message> = {
  'notices.title': 'Notices',
  'notices.empty': 'No new notices.',
  'notices.errorTitle': 'Could not load your notices',
  'notices.markRead': 'Mark as read',
  'notices.markReadOf': (p) => `Mark as read: ${p.title}`,
  'notices.marked': (p) => `Marked as read: ${p.title}`,
  'notices.markFailed': 'Could not mark the notice as read. Try again.',
  'notices.at': (p) => `At ${p.at}`,
  'notices.open': (p) => `Open campaign ${p.code}`,
  'notices.openPage': 'Open the related page',
  'notices.unread': (p) => `${p.n} unread notices`,
  'notices.kind.report_due': 'Report due',
  'notices.kind.field_pending': 'Field work',
};

addMessages(noticesVi as Partial<Record<MessageKey, Message>>, noticesEn as Partial<Record<MessageKey, Message>>);
