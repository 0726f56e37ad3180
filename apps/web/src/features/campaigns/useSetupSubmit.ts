import { useState } from 'react';
import type { FieldError } from '../../components/ErrorSummary.tsx';
import { describeError } from '../../i18n/describe-error.ts';
import { useT } from '../../i18n/useT.ts';
import { toApiError } from '../../lib/api.ts';
import { problemsOf } from './campaigns-api.ts';

/**
 * The submit cycle of a set-up form: the page's own checks first, then the request; the server's
 * list of problems (400) or its message lands in the error summary, pointing at `serverField`. What
 * was typed stays in the form (the caller owns it) until the change is saved.
 */
export function useSetupSubmit(serverField: string) {
  const i18n = useT();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(found: FieldError[], call: () => Promise<unknown>, success: string): Promise<boolean> {
    if (busy) return false;
    setDone(null);
    setErrors(found);
    if (found.length) return false;
    setBusy(true);
    try {
      await call();
      setDone(success);
      return true;
    } catch (e) {
      const err = toApiError(e);
      const problems = err.code === 'VALIDATION_FAILED' ? problemsOf(err.details) : null;
      setErrors(
        problems
          ? problems.map((text) => ({ field: serverField, text }))
          : [{ field: serverField, text: describeError(err, i18n) }],
      );
      return false;
    } finally {
      setBusy(false);
    }
  }

  const errorOf = (id: string) =>
    errors
      .filter((e) => e.field === id)
      .map((e) => e.text)
      .join('; ') || undefined;
  return { errors, done, busy, submit, errorOf, clearDone: () => setDone(null) };
}
