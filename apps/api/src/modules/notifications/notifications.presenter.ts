/** Outbox rows → API JSON; recipients are masked (staff need to see where it went, not the address). */
import { maskPhone, type DossierNotification } from '@motcua/contracts';
import { formatVn } from '../calendar/calendar.dates.ts';
import type { OutboxRow } from './notifications.repo.ts';

/** "nguyen.van.a@gmail.com" → "n***@gmail.com"; "84912345678" → "091****678". */
export function maskRecipient(channel: OutboxRow['channel'], recipient: string): string {
  if (channel === 'email') {
    const at = recipient.lastIndexOf('@');
    return at > 0 ? `${recipient[0]}***${recipient.slice(at)}` : '***';
  }
  return maskPhone(recipient.startsWith('84') ? `0${recipient.slice(2)}` : recipient);
}

export function presentNotification(r: OutboxRow): DossierNotification {
  const open = r.status === 'pending' || r.status === 'sending';
  return {
    id: Number(r.id),
    channel: r.channel,
    recipient: maskRecipient(r.channel, r.recipient),
    template: r.template,
    status: r.status,
    attempts: r.attempts,
    createdAt: formatVn(new Date(r.created_at)),
    nextAttemptAt: open ? formatVn(new Date(r.next_attempt_at)) : null,
    sentAt: r.sent_at ? formatVn(new Date(r.sent_at)) : null,
    lastError: r.last_error,
  };
}
