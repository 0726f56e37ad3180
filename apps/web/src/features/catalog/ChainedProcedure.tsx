import type { ProcedureView } from '@motcua/contracts';
import { useApi } from '../../lib/useApi.ts';
import { Link } from '../../router/Link.tsx';

/**
 * A linked procedure by name. The detail only carries codes, so each name is fetched; until it arrives
 * (or if it fails) the code alone still makes a working link.
 */
export function ChainedProcedure({ code }: { code: string }) {
  const next = useApi<ProcedureView>(`/api/v1/procedures/${encodeURIComponent(code)}`);
  return (
    <Link to={`/thu-tuc/${encodeURIComponent(code)}`}>
      {next.status === 'ok' ? `${next.data.name} (${code})` : code}
    </Link>
  );
}
