import type { DocumentComponent, DocumentView } from '@motcua/contracts';
import { formatDate } from '../../lib/format.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { ACCEPT, docFileId, docModeId, docStoreId, type DocChoice, type DocMode } from './submit-check.ts';
import { useCitizenT } from './useCitizenT.ts';
import { LabelledField } from '../../components/LabelledField.tsx';

interface Props {
  index: number;
  component: DocumentComponent;
  choice: DocChoice;
  stored: DocumentView[];
  errors: Record<string, string | undefined>;
  onChange: (c: DocChoice) => void;
}

/** "a.pdf — Giấy khai sinh (lưu ngày 03/03/2026)": enough to recognise a stored paper in a list. */
function docLabel(d: DocumentView, t: ReturnType<typeof useCitizenT>['t']): string {
  return `${d.title} — ${t(`citizen.docs.kind.${d.kind}`)}, ${formatDate(d.createdAt)}`;
}

/**
 * One component of the dossier: reuse a document already in my store (tái sử dụng: the state does
 * not ask again for what it holds), upload a new file, or, for an optional component, nothing.
 */
export function ComponentChoice({ index, component, choice, stored, errors, onChange }: Props) {
  const { t } = useCitizenT();
  const id = `doc-${index}`;
  const options: { value: Exclude<DocMode, ''>; label: string }[] = [
    ...(stored.length ? [{ value: 'store' as const, label: t('citizen.submit.doc.store') }] : []),
    { value: 'upload', label: t('citizen.submit.doc.upload') },
    ...(component.required ? [] : [{ value: 'none' as const, label: t('citizen.submit.doc.none') }]),
  ];
  // The question's error is keyed by its first radio, where the error summary moves focus.
  const modeError = errors[docModeId(index, options[0]!.value)];
  const hintId = `${id}-hint`;
  const describedBy = [hintId, modeError && `${id}-error`].filter(Boolean).join(' ');
  const set = (patch: Partial<DocChoice>) => onChange({ ...choice, ...patch });

  return (
    <div
      className={modeError ? 'form-group form-group--error component-choice' : 'form-group component-choice'}
      data-component={component.name}
    >
      <fieldset className="fieldset" aria-describedby={describedBy}>
        <legend className="fieldset__legend">{component.name}</legend>
        <div className="hint" id={hintId}>
          {component.required ? t('citizen.submit.doc.required') : t('citizen.submit.doc.optional')}
          {component.note ? ` — ${component.note}` : ''}
        </div>
        {modeError && (
          <p className="error-message" id={`${id}-error`}>
            <span className="visually-hidden">{t('common.errorPrefix')} </span>
            {modeError}
          </p>
        )}
        <div className="radios">
          {options.map((o) => {
            const radioId = docModeId(index, o.value);
            return (
              <div key={o.value}>
                <div className="radios__item">
                  <input
                    className="radios__input"
                    type="radio"
                    id={radioId}
                    name={id}
                    value={o.value}
                    checked={choice.mode === o.value}
                    onChange={() => set({ mode: o.value })}
                  />
                  <label className="radios__label" htmlFor={radioId}>
                    {o.label}
                  </label>
                </div>
                {choice.mode === 'store' && o.value === 'store' && (
                  <div className="conditional">
                    <SelectField
                      id={docStoreId(index)}
                      label={t('citizen.submit.doc.storeLabel')}
                      error={errors[docStoreId(index)]}
                      value={choice.documentId}
                      onChange={(documentId) => set({ documentId })}
                      options={stored.map((d) => ({ value: d.id, label: docLabel(d, t) }))}
                      placeholder={t('citizen.submit.choose')}
                    />
                  </div>
                )}
                {choice.mode === 'upload' && o.value === 'upload' && (
                  <div className="conditional">
                    <FileInput
                      id={docFileId(index)}
                      label={t('citizen.submit.doc.fileLabel')}
                      hint={
                        choice.uploadedId && !choice.file ? t('citizen.submit.doc.uploaded') : t('citizen.submit.doc.fileHint')
                      }
                      error={errors[docFileId(index)]}
                      onChange={(file) => set({ file, uploadedId: null })}
                    />
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

interface FileProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  onChange: (file: File | null) => void;
}

/** A file picker with label, hint and error (GOV.UK file upload). */
export function FileInput({ id, label, hint, error, onChange }: FileProps) {
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      {(aria) => (
        <input
          id={id}
          name={id}
          type="file"
          accept={ACCEPT}
          className={error ? 'file-input input--error' : 'file-input'}
          {...aria}
          onChange={(e) => onChange(e.target.files?.[0] ?? null)}
        />
      )}
    </LabelledField>
  );
}
