import type { FormField } from '@motcua/contracts';
import { useT } from '../../i18n/useT.ts';

/** The e-form's fields, marking those the applicant will find already filled in (DESIGN §3.2, data reuse). */
export function FormFields({ fields }: { fields: FormField[] }) {
  const { t } = useT();
  return (
    <ul className="form-fields">
      {fields.map((f) => {
        const source = f.prefill?.split(':')[0];
        return (
          <li key={f.name} className="form-fields__item">
            <span className="form-fields__label">{f.label}</span>{' '}
            <span className="secondary">
              ({t(`proc.type.${f.type}`)}, {f.required ? t('proc.fieldRequired') : t('proc.fieldOptional')})
            </span>
            {(source === 'registry' || source === 'results') && (
              <>
                {' '}
                <strong className="tag tag--prefill">
                  <span aria-hidden="true">↺ </span>
                  {t(`proc.prefill.${source}`)}
                </strong>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
