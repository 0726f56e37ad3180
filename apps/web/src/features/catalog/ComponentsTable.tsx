import type { DocumentComponent } from '@motcua/contracts';
import { useT } from '../../i18n/useT.ts';

/** Required documents. On a narrow phone each row becomes a card, labelled from data-label (see styles.css). */
export function ComponentsTable({ components }: { components: DocumentComponent[] }) {
  const { t } = useT();
  const cols = {
    name: t('proc.col.name'),
    originals: t('proc.col.originals'),
    copies: t('proc.col.copies'),
    required: t('proc.col.required'),
  };
  return (
    <table className="table table--stack">
      <caption className="visually-hidden">{t('proc.components')}</caption>
      <thead>
        <tr>
          <th scope="col">{cols.name}</th>
          <th scope="col" className="table__num">
            {cols.originals}
          </th>
          <th scope="col" className="table__num">
            {cols.copies}
          </th>
          <th scope="col">{cols.required}</th>
        </tr>
      </thead>
      <tbody>
        {components.map((c, i) => (
          <tr key={i}>
            <th scope="row" className="table__name">
              {c.name}
              {c.note && <span className="hint table__note">{c.note}</span>}
            </th>
            <td className="table__num" data-label={cols.originals}>
              {c.originals}
            </td>
            <td className="table__num" data-label={cols.copies}>
              {c.copies}
            </td>
            <td data-label={cols.required}>{c.required ? t('common.yes') : t('common.no')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
