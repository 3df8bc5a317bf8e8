import { Redis } from 'ioredis';
import { SqliteDialect } from 'kysely';
import Database from 'libsql';
import pg from 'pg';

/** better-auth's `secondaryStorage`: a key-value store with expiry. */
export interface SecondaryStorage {
  get(key: string): Promise<string | null>;
  getAndDelete(key: string): Promise<string | null>;
  increment(key: string, ttl: number): Promise<number>;
  set(key: string, value: string, ttl?: number): Promise<void>;
  delete(key: string): Promise<void>;
}

/**
 * better-auth's secondary storage on Redis. `prefix` keeps apps sharing one
 * Redis apart (the tests give every app its own).
 */
export function redisStorage(redis: Redis, prefix = ''): SecondaryStorage {
  const k = (key: string) => prefix + key;
  return {
    get: (key) => redis.get(k(key)),
    getAndDelete: (key) => redis.getdel(k(key)),
    async increment(key, ttl) {
      // The expiry is set only when the counter is created, in the same transaction.
      const result = await redis
        .multi()
        .set(k(key), 0, 'EX', Math.max(1, Math.ceil(ttl)), 'NX')
        .incr(k(key))
        .exec();
      const [error, value] = result?.[1] ?? [new Error('Redis transaction aborted')];
      if (error) throw error;
      return Number(value);
    },
    async set(key, value, ttl) {
      if (ttl && ttl > 0) await redis.set(k(key), value, 'EX', Math.ceil(ttl));
      else await redis.set(k(key), value);
    },
    async delete(key) {
      await redis.del(k(key));
    },
  };
}

/** better-auth's `database` option for SQLite, as better-auth configures better-sqlite3 itself. */
interface SqliteConfig {
  dialect: SqliteDialect;
  type: 'sqlite';
  transaction: true;
}

/**
 * SQLite through libsql, whose API is better-sqlite3's but ships prebuilt (nothing to compile,
 * so `npm start` is quick). better-auth would take it for a Kysely instance (it has a `db`
 * property), so it gets the Kysely dialect it would build for better-sqlite3.
 */
function sqliteConfig(db: Database.Database): SqliteConfig {
  return { dialect: new SqliteDialect({ database: db }), type: 'sqlite', transaction: true };
}

/** Where a better-auth instance keeps its data. */
export interface AuthStore {
  kind: 'sqlite' | 'postgres' | 'postgres+redis';
  /** For better-auth's `database` option: a PostgreSQL pool, or SQLite through Kysely. */
  database: SqliteConfig | pg.Pool;
  secondaryStorage?: SecondaryStorage;
  /** The SQLite handle, when the store is SQLite. */
  sqlite?: Database.Database;
  /**
   * Runs `work` while holding a lock every process sharing this store respects
   * (a PostgreSQL advisory lock), so two instances starting together migrate
   * and seed once. SQLite belongs to one process: no lock is needed.
   */
  exclusively<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** An arbitrary, fixed key for the demo's setup lock. */
const SETUP_LOCK = 0x5e55_1017;

export interface AuthStoreOptions {
  /** A `postgres://` or `postgresql://` URL; without it, SQLite at `sqlitePath`. */
  databaseUrl?: string;
  /** A `redis://` URL: sessions then live in Redis (better-auth secondary storage). */
  redisUrl?: string;
  sqlitePath?: string;
  /** Prefix of every Redis key. */
  redisPrefix?: string;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** Opens the store: PostgreSQL (plus Redis) when URLs are given, SQLite otherwise. */
export function openAuthStore(options: AuthStoreOptions): AuthStore {
  if (!options.databaseUrl) {
    if (options.redisUrl) throw new Error('REDIS_URL needs DATABASE_URL (PostgreSQL) as well.');
    if (!options.sqlitePath) throw new Error('No database: give DATABASE_URL or a SQLite path.');
    const db = new Database(options.sqlitePath);
    db.pragma('journal_mode = WAL');
    return {
      kind: 'sqlite',
      database: sqliteConfig(db),
      sqlite: db,
      exclusively: (work) => work(),
      close: async () => void db.close(),
    };
  }
  if (!isPostgresUrl(options.databaseUrl)) {
    throw new Error('DATABASE_URL must be a postgres:// URL.');
  }
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
  // An idle connection the server ended (a restart, a failover) is replaced on next use;
  // unhandled, its error would end the process.
  pool.on('error', (error) => console.warn(`PostgreSQL connection lost: ${error.message}`));
  const redis = options.redisUrl
    ? new Redis(options.redisUrl, { maxRetriesPerRequest: 3, lazyConnect: false })
    : undefined;
  // ioredis reconnects by itself; unheard, each failed attempt prints a stack as unhandled.
  redis?.on('error', (error: Error) => console.warn(`Redis connection: ${error.message}`));
  return {
    kind: redis ? 'postgres+redis' : 'postgres',
    database: pool,
    ...(redis ? { secondaryStorage: redisStorage(redis, options.redisPrefix) } : {}),
    async exclusively(work) {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [SETUP_LOCK]);
        try {
          return await work();
        } finally {
          await client.query('select pg_advisory_unlock($1)', [SETUP_LOCK]);
        }
      } finally {
        client.release();
      }
    },
    async close() {
      redis?.disconnect();
      await pool.end();
    },
  };
}
