import { useEffect, useState } from 'react';
import { apiGet } from './api.ts';

export interface Meta {
  provinceCode: string;
  provinceName: string;
  demo: boolean;
}

// One request per page load, shared by the header, the footer and the titles.
let cached: Meta | null = null;
let pending: Promise<Meta> | null = null;

function loadMeta(): Promise<Meta> {
  pending ??= apiGet<Meta>('/api/v1/meta').then(
    (m) => (cached = m),
    (e: unknown) => {
      pending = null; // let a later page try again
      throw e;
    },
  );
  return pending;
}

/** The province this installation serves; null until the API has answered. */
export function useMeta(): Meta | null {
  const [meta, setMeta] = useState<Meta | null>(cached);
  useEffect(() => {
    if (meta) return;
    let live = true;
    loadMeta().then(
      (m) => live && setMeta(m),
      () => undefined, // the shell still works without the province's name
    );
    return () => {
      live = false;
    };
  }, [meta]);
  return meta;
}
