/**
 * Achievement bands of the dashboard: each is shown with its colour AND a symbol and the percentage in
 * words, so colour never carries the meaning alone (WCAG 1.4.1). Thresholds in docs/campaign-progress.md.
 */
export const BANDS = ['met', 'near', 'mid', 'low', 'none'] as const;
export type Band = (typeof BANDS)[number];

export const BAND_SYMBOL: Record<Band, string> = { met: '✓', near: '▲', mid: '●', low: '▼', none: '–' };

/** progress = value ÷ target. */
export function bandOf(progress: number | null | undefined): Band {
  if (progress === null || progress === undefined) return 'none';
  if (progress >= 1) return 'met';
  if (progress >= 0.8) return 'near';
  if (progress >= 0.5) return 'mid';
  return 'low';
}
