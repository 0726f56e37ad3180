/**
 * Named (server-side prepared) statements for the statements this process sends again and again.
 * Kysely sends every query as an unnamed statement, which PostgreSQL parses and plans each time;
 * for the short statements of an intake that is most of the server's work (docs/performance.md §4).
 * A text is prepared on its second use on a connection (one-off statements such as bulk inserts with
 * a variable number of rows stay unnamed), and at most `MAX_PER_CONNECTION` texts per connection,
 * so a connection's memory on the server stays bounded.
 */
import crypto from 'node:crypto';
import type pg from 'pg';

const MAX_PER_CONNECTION = 300;
/** Texts longer than this are rare, bulk statements: never prepared. */
const MAX_TEXT = 8_000;

interface Tracked {
  seen: Map<string, number>;
  prepared: number;
}

const state = new WeakMap<pg.PoolClient, Tracked>();

function nameFor(client: pg.PoolClient, text: string): string | undefined {
  if (text.length > MAX_TEXT) return undefined;
  let t = state.get(client);
  if (!t) state.set(client, (t = { seen: new Map(), prepared: 0 }));
  const n = t.seen.get(text) ?? 0;
  if (n < 0) return nameOf(text); // already prepared on this connection
  if (n === 0) {
    if (t.seen.size < MAX_PER_CONNECTION * 4) t.seen.set(text, 1);
    return undefined;
  }
  if (t.prepared >= MAX_PER_CONNECTION) return undefined;
  t.prepared++;
  t.seen.set(text, -1);
  return nameOf(text);
}

/** Names by text, shared by all connections (hashing every call showed in the profile). */
const names = new Map<string, string>();
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `m_${crypto.createHash('sha1').update(text).digest('base64url')}`;
    if (names.size >= MAX_PER_CONNECTION * 4) names.clear();
    names.set(text, name);
  }
  return name;
}

/** Makes the pool's clients send repeated parameterised queries as named statements. */
export function preparePooledQueries(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const original = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const [text, values] = args;
      if (typeof text === 'string' && Array.isArray(values) && args.length === 2) {
        const name = nameFor(client, text);
        if (name) return original({ name, text, values });
      }
      return original(...args);
    };
  });
}
