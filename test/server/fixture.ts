import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { betterAuth, type BetterAuthOptions } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';
import { admin, jwt, multiSession, oneTimeToken, organization } from 'better-auth/plugins';
import {
  createSessionHandler,
  sessionElements,
  type SessionHandlerOptions,
} from '../../src/server/index.js';

export const ORIGIN = 'http://127.0.0.1:3000';
export const PASSWORD = 'correct horse battery staple';

function authOptions(db: Database.Database, extra: Partial<BetterAuthOptions>) {
  return {
    database: db,
    baseURL: ORIGIN,
    secret: 'test-secret-test-secret-test-secret-0123456789',
    emailAndPassword: { enabled: true, autoSignIn: false },
    rateLimit: { enabled: false },
    advanced: { ipAddress: { ipAddressHeaders: ['x-forwarded-for'] } },
    logger: { disabled: true },
    telemetry: { enabled: false },
    plugins: [
      multiSession(),
      organization({ teams: { enabled: true } }),
      jwt(),
      oneTimeToken(),
      admin(),
      sessionElements({ trustProxy: true }),
    ],
    ...extra,
  } satisfies BetterAuthOptions;
}

export function makeAuth(db: Database.Database, extra: Partial<BetterAuthOptions> = {}) {
  return betterAuth(authOptions(db, extra));
}

export type TestAuth = ReturnType<typeof makeAuth>;

export interface App {
  auth: TestAuth;
  db: Database.Database;
  handle: (request: Request) => Promise<Response>;
  browser: (init?: { userAgent?: string; headers?: Record<string, string> }) => Browser;
  signUp: (name: string, email: string) => Promise<string>;
  /** Every session token in the database, to prove none ever leaves the server. */
  tokens: () => string[];
  close: () => void;
}

export async function createApp(
  options: { auth?: Partial<BetterAuthOptions>; handler?: Partial<SessionHandlerOptions> } = {},
): Promise<App> {
  const dir = mkdtempSync(join(tmpdir(), 'session-elements-'));
  const db = new Database(join(dir, 'auth.db'));
  const auth = makeAuth(db, options.auth);
  const { runMigrations } = await getMigrations(auth.options);
  await runMigrations();
  const sessionHandler = createSessionHandler({
    auth,
    tokenTemplates: {
      convex: {
        audience: 'convex',
        expiresIn: 120,
        claims: ({ user }) => ({ email: user.primary_email_address?.email }),
      },
    },
    ...options.handler,
  });
  const handle = (request: Request) =>
    new URL(request.url).pathname.startsWith('/api/auth')
      ? auth.handler(request)
      : sessionHandler(request);
  const app: App = {
    auth,
    db,
    handle,
    browser: (init) => new Browser(handle, init),
    async signUp(name, email) {
      const result = await auth.api.signUpEmail({ body: { name, email, password: PASSWORD } });
      return result.user.id;
    },
    tokens: () =>
      (db.prepare('select token from session').all() as { token: string }[]).map((r) => r.token),
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return app;
}

/** A fresh app where Ana Sousa and Ben Okafor have signed up (signed in nowhere yet); their user ids. */
export async function createAppWithAnaAndBen(): Promise<{ app: App; ana: string; ben: string }> {
  const app = await createApp();
  try {
    const ana = await app.signUp('Ana Sousa', 'ana@example.com');
    const ben = await app.signUp('Ben Okafor', 'ben@example.com');
    return { app, ana, ben };
  } catch (error) {
    app.close();
    throw error;
  }
}

/** A cookie jar with a user agent: one browser on one device. */
export class Browser {
  readonly cookies = new Map<string, string>();
  readonly responses: { path: string; status: number; headers: string; body: string }[] = [];

  constructor(
    private readonly handle: (request: Request) => Promise<Response>,
    private readonly init: { userAgent?: string; headers?: Record<string, string> } = {},
  ) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string | null> = {},
  ): Promise<{ status: number; json: unknown; headers: Headers; text: string }> {
    const merged: Record<string, string> = {
      'user-agent':
        this.init.userAgent ?? 'Mozilla/5.0 (X11; Linux x86_64) Chrome/141.0 Safari/537.36',
      origin: ORIGIN,
      ...this.init.headers,
    };
    if (method !== 'GET') {
      merged['content-type'] = 'application/json';
      merged['x-session-elements'] = '1';
    }
    for (const [name, value] of Object.entries(headers)) {
      if (value === null) delete merged[name];
      else merged[name] = value;
    }
    if (this.cookies.size)
      merged.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await this.handle(
      new Request(ORIGIN + path, {
        method,
        headers: merged,
        body:
          body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (!value || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    const dump: string[] = [];
    response.headers.forEach((v, k) => dump.push(`${k}: ${v}`));
    const headerDump = dump.join('\n');
    this.responses.push({ path, status: response.status, headers: headerDump, body: text });
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, json, headers: response.headers, text };
  }

  cookieHeader(): Headers {
    return new Headers({ cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') });
  }

  get(path: string, headers?: Record<string, string | null>) {
    return this.request('GET', `/api/session${path}`, undefined, headers);
  }

  post(path: string, body: unknown = {}, headers?: Record<string, string | null>) {
    return this.request('POST', `/api/session${path}`, body, headers);
  }

  delete(path: string, headers?: Record<string, string | null>) {
    return this.request('DELETE', `/api/session${path}`, undefined, headers);
  }

  async signIn(email: string): Promise<void> {
    const response = await this.request(
      'POST',
      '/api/auth/sign-in/email',
      { email, password: PASSWORD },
      {
        'x-session-elements': null,
      },
    );
    if (response.status !== 200)
      throw new Error(`sign-in failed: ${response.status} ${response.text}`);
  }
}

/** Organizations and teams straight through better-auth's adapter, as an admin tool would. */
export async function createOrganization(
  app: App,
  input: {
    name: string;
    slug: string;
    members: { userId: string; role: string }[];
    teams: { name: string; members: string[] }[];
  },
): Promise<{ id: string; teams: string[] }> {
  const { adapter } = await app.auth.$context;
  const now = new Date();
  const org = await adapter.create<Record<string, unknown>, { id: string }>({
    model: 'organization',
    data: { name: input.name, slug: input.slug, createdAt: now },
  });
  for (const member of input.members) {
    await adapter.create({
      model: 'member',
      data: { organizationId: org.id, userId: member.userId, role: member.role, createdAt: now },
    });
  }
  const teams: string[] = [];
  for (const team of input.teams) {
    const created = await adapter.create<Record<string, unknown>, { id: string }>({
      model: 'team',
      data: { name: team.name, organizationId: org.id, createdAt: now, updatedAt: now },
    });
    teams.push(created.id);
    for (const userId of team.members) {
      await adapter.create({
        model: 'teamMember',
        data: { teamId: created.id, userId, createdAt: now },
      });
    }
  }
  return { id: org.id, teams };
}

/** Rewrites a session row, to age it, expire it or move its last activity. */
export function updateSession(app: App, id: string, fields: Record<string, number | string>): void {
  const sets = Object.keys(fields)
    .map((k) => `"${k}" = @${k}`)
    .join(', ');
  app.db.prepare(`update session set ${sets} where id = @id`).run({ ...fields, id });
}

export function sessionCount(app: App): number {
  return (app.db.prepare('select count(*) as n from session').get() as { n: number }).n;
}
