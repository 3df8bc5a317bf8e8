/**
 * The slices of better-auth the handler relies on, by shape: any better-auth
 * 1.x instance fits, whatever plugins it was configured with.
 */

type Stamp = Date | string;

export interface AuthSessionRecord {
  id: string;
  token: string;
  userId: string;
  createdAt: Stamp;
  updatedAt?: Stamp;
  expiresAt: Stamp;
  ipAddress?: string | null;
  userAgent?: string | null;
  city?: string | null;
  region?: string | null;
  regionCode?: string | null;
  country?: string | null;
  countryCode?: string | null;
  lastActiveAt?: Stamp | null;
  impersonatedBy?: string | null;
  activeOrganizationId?: string | null;
  activeTeamId?: string | null;
}

export interface AuthUserRecord {
  id: string;
  name?: string | null;
  email?: string | null;
  emailVerified?: boolean | null;
  image?: string | null;
  username?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  phoneNumber?: string | null;
  phoneNumberVerified?: boolean | null;
}

export interface AuthSessionWithUser {
  session: AuthSessionRecord;
  user: AuthUserRecord;
}

export interface Where {
  field: string;
  value: string | number | boolean | Date | null | string[];
  operator?: 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'in';
  /** better-auth ANDs the AND clauses with the OR of the OR clauses. */
  connector?: 'AND' | 'OR';
}

export interface AuthContextLike {
  baseURL: string;
  options: {
    basePath?: string;
    trustedOrigins?: unknown;
    plugins?: { id: string; options?: unknown; onRequest?: unknown; onResponse?: unknown }[];
    /** Set when sessions live in Redis or another key-value store. */
    secondaryStorage?: unknown;
    session?: { storeSessionInDatabase?: boolean };
  };
  /** The cookies better-auth sets; the session cookie's name carries any prefix. */
  authCookies?: { sessionToken: { name: string } };
  /** better-auth's limiter settings (absent in versions that keep them elsewhere). */
  rateLimit?: { enabled?: boolean };
  /** Seconds after which a session is no longer fresh (0: always fresh). */
  sessionConfig?: { freshAge?: number };
  internalAdapter: {
    /** The user's live sessions, from secondary storage when better-auth keeps them there. */
    listSessions(userId: string): Promise<AuthSessionRecord[]>;
  };
  adapter: {
    findOne<T>(args: { model: string; where: Where[] }): Promise<T | null>;
    /** Without a `limit`, better-auth returns at most 100 rows. */
    findMany<T>(args: {
      model: string;
      where?: Where[];
      limit?: number;
      offset?: number;
      sortBy?: { field: string; direction: 'asc' | 'desc' };
    }): Promise<T[]>;
    count(args: { model: string; where?: Where[] }): Promise<number>;
  };
}

/** What `betterAuth({...})` returns, reduced to what the kit touches. */
export interface SessionAuth {
  handler(request: Request): Promise<Response>;
  api: object;
  $context: Promise<object>;
}

export function toDate(value: Stamp | null | undefined): Date | undefined {
  if (value === null || value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
