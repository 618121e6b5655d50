import knexFactory, { type Knex } from 'knex';
import pg from 'pg';

// timestamptz as ISO strings stay Date objects; bigint (int8) columns hold sequence numbers and
// outbox ids that fit in 2^53: parse them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export interface DbOptions {
  url: string;
  schema: string;
  poolMax?: number;
}

/** A knex instance whose search_path is the application's schema. */
export function connect(opts: DbOptions): Knex {
  return knexFactory({
    client: 'pg',
    connection: opts.url,
    searchPath: [opts.schema],
    pool: { min: 0, max: opts.poolMax ?? 10 },
  });
}

/** The runtime role's connection string: the owner's URL with the runtime credentials. */
export function runtimeUrl(ownerUrl: string, role: string, password: string): string {
  const u = new URL(ownerUrl);
  u.username = role;
  u.password = password;
  return u.toString();
}
