/** Desk calls lib/api.ts has no verb for: setting a carrier's payout rate is a PUT. */
import type { DeskPayoutRate, DeskPayoutRateInput, ErrorBody } from '@motcua/contracts';
import { ApiError, BAD_RESPONSE, NETWORK } from '../../lib/api.ts';

export async function putPayoutRate(input: DeskPayoutRateInput): Promise<DeskPayoutRate> {
  let res: Response;
  try {
    res = await fetch('/api/v1/desk/payout-rates', {
      method: 'PUT',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(input),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, NETWORK, '');
  }
  const json = (await res.json().catch(() => null)) as (DeskPayoutRate & Partial<ErrorBody>) | null;
  if (res.ok && json) return json;
  const err = json?.error;
  throw new ApiError(res.status, err?.code ?? BAD_RESPONSE, err?.message ?? '', { messageEn: err?.messageEn, requestId: err?.requestId, details: err?.details });
}
