/** Document rows → API JSON, and the Content-Disposition header that keeps Vietnamese file names. */
import type { DocumentComponent, DocumentUse, DocumentView, DossierDocument, DossierDocuments } from '@motcua/contracts';
import { formatVn } from '../calendar/calendar.dates.ts';
import type { AttachedDocumentRow, DocumentRow } from './documents.repo.ts';

export const myDocumentUrl = (id: string) => `/api/v1/me/documents/${id}`;
export const dossierDocumentUrl = (code: string, id: string) => `/api/v1/dossiers/${encodeURIComponent(code)}/documents/${id}`;

function common(r: DocumentRow) {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    fileName: r.file_name,
    mediaType: r.media_type,
    sizeBytes: Number(r.size_bytes),
    sha256: r.sha256,
    digitized: r.digitized,
  };
}

export function presentDocument(r: DocumentRow, usedIn: DocumentUse[]): DocumentView {
  return { ...common(r), createdAt: formatVn(new Date(r.created_at)), downloadUrl: myDocumentUrl(r.id), usedIn };
}

export function presentAttached(code: string, r: AttachedDocumentRow): DossierDocument {
  return { ...common(r), reused: r.reused, attachedAt: formatVn(new Date(r.attached_at)), downloadUrl: dossierDocumentUrl(code, r.id) };
}

/** The dossier's papers grouped by the procedure's components; a component is digitised once it has a document. */
export function presentDossierDocuments(
  code: string,
  digitizedDossier: boolean,
  components: DocumentComponent[],
  attached: AttachedDocumentRow[],
): DossierDocuments {
  const names = new Set(components.map((c) => c.name));
  return {
    code,
    digitizedDossier,
    components: components.map((c) => {
      const documents = attached.filter((a) => a.component === c.name).map((a) => presentAttached(code, a));
      return { name: c.name, required: c.required, digitized: documents.length > 0, documents };
    }),
    results: attached.filter((a) => a.component === null).map((a) => presentAttached(code, a)),
    others: attached
      .filter((a) => a.component !== null && !names.has(a.component))
      .map((a) => ({ ...presentAttached(code, a), component: a.component! })),
  };
}

// RFC 5987 attr-char: what may stand unescaped in filename*.
const ATTR_CHAR = /[A-Za-z0-9!#$&+\-.^_`|~]/;

/**
 * `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266): browsers use the UTF-8 name with its
 * diacritics; old clients get an ASCII fallback ("Giấy khai sinh.pdf" → "Giay khai sinh.pdf").
 */
export function contentDisposition(fileName: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const name = fileName.normalize('NFC');
  const ascii = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  let encoded = '';
  for (const byte of Buffer.from(name, 'utf8')) {
    const ch = String.fromCharCode(byte);
    encoded += byte < 0x80 && ATTR_CHAR.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
