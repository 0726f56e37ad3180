/**
 * The intake benchmark's baseline server, run as its own process like `motcua serve`: a bare Fastify
 * route that inserts one row (the request body as jsonb) into a bench table of the same database and
 * answers 201 with the new id. HTTP + JSON + one INSERT and nothing else: no auth, no validation, no
 * logging, the same pool size as the app (10). Prints "listening <url>" when ready.
 *   DATABASE_URL=… node --import tsx intake-bare-server.ts
 */
import Fastify from 'fastify';
import pg from 'pg';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const pool = new pg.Pool({ connectionString: url, max: 10 });
pool.on('error', () => undefined);
await pool.query(`CREATE TABLE IF NOT EXISTS bench_bare (
  id bigserial PRIMARY KEY,
  body jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
)`);

const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
app.post('/bare', async (req, reply) => {
  const r = await pool.query<{ id: string }>('INSERT INTO bench_bare (body) VALUES ($1) RETURNING id', [
    JSON.stringify(req.body),
  ]);
  return reply.status(201).send({ id: Number(r.rows[0]!.id) });
});

// Calibration: the same insert inside a transaction of `statements` round trips (BEGIN, indexed
// reads of units, the INSERT, COMMIT), to show what each extra round trip costs on this machine.
app.post<{ Querystring: { statements?: string } }>('/bare-tx', async (req, reply) => {
  const statements = Math.max(3, Number(req.query.statements ?? 3));
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    for (let i = 0; i < statements - 3; i++)
      await client.query('SELECT id, code, path FROM units WHERE id = $1', [1 + (i % 100)]);
    const r = await client.query<{ id: string }>('INSERT INTO bench_bare (body) VALUES ($1) RETURNING id', [
      JSON.stringify(req.body),
    ]);
    await client.query('COMMIT');
    return await reply.status(201).send({ id: Number(r.rows[0]!.id) });
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
});

const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`listening ${address}\n`);

const stop = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
