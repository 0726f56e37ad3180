/** Message rows → API JSON, with the author's name beside each. */
import type { DossierMessage } from '@motcua/contracts';
import { formatVn } from '../calendar/calendar.dates.ts';
import type { MessageRow } from './messages.repo.ts';

export function presentMessage(r: MessageRow, authorName: string | null): DossierMessage {
  return {
    id: Number(r.id),
    author: { kind: r.author_kind, name: authorName },
    body: r.body,
    createdAt: formatVn(new Date(r.created_at)),
    readAt: r.read_at ? formatVn(new Date(r.read_at)) : null,
  };
}
