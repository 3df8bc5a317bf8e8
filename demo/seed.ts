import type { DemoAuth } from './auth.js';
import { DEVICES, deviceHeaders } from './devices.js';

export const DEMO_PASSWORD = 'session-elements-demo';

export interface DemoUser {
  name: string;
  email: string;
  color: string;
}

export const DEMO_USERS: DemoUser[] = [
  { name: 'Ana Sousa', email: 'ana@demo.test', color: '#2563eb' },
  { name: 'Ben Okafor', email: 'ben@demo.test', color: '#16a34a' },
  { name: 'Chiyo Sato', email: 'chiyo@demo.test', color: '#db2777' },
  { name: 'Diego Álvarez', email: 'diego@demo.test', color: '#ea580c' },
];

/** An initials avatar as an inline SVG: no external host. */
export function avatar(name: string, color: string): string {
  const initials = name
    .split(/\s+/)
    .map((part) => part[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">` +
    `<rect width="64" height="64" rx="32" fill="${color}"/>` +
    `<text x="32" y="41" font-family="system-ui,sans-serif" font-size="26" font-weight="600" ` +
    `fill="#fff" text-anchor="middle">${initials}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Ana's other devices: how long ago each signed in and was last seen (ms). */
const ANA_DEVICES = [
  { device: 1, createdAgo: 3 * DAY, lastActiveAgo: 2 * 60_000 },
  { device: 2, createdAgo: 9 * DAY, lastActiveAgo: 5 * HOUR },
  { device: 3, createdAgo: 16 * DAY, lastActiveAgo: 2 * DAY },
  { device: 4, createdAgo: 21 * DAY, lastActiveAgo: 12 * DAY },
  { device: 5, createdAgo: 27 * DAY, lastActiveAgo: 19 * DAY },
  // Long gone: expired a week ago, still listed under "expired".
  { device: 6, createdAgo: 40 * DAY, lastActiveAgo: 37 * DAY, expiredAgo: 7 * DAY },
];

/**
 * Moves a seeded session back in time, wherever better-auth keeps it. In
 * secondary storage (Redis) an expired session no longer exists, so there it
 * is deleted, as its key's expiry would.
 */
async function setTimes(auth: DemoAuth, token: string, times: Record<string, number>) {
  const context = await auth.$context;
  const dates = Object.fromEntries(Object.entries(times).map(([key, ms]) => [key, new Date(ms)]));
  const storage = context.options.secondaryStorage;
  if (!storage) {
    await context.adapter.update({
      model: 'session',
      where: [{ field: 'token', value: token }],
      update: dates,
    });
    return;
  }
  const stored = JSON.parse(String(await storage.get(token))) as {
    session: { expiresAt: string };
  };
  stored.session = { ...stored.session, ...dates };
  const ttl = Math.floor((new Date(stored.session.expiresAt).getTime() - Date.now()) / 1000);
  if (ttl <= 0) await context.internalAdapter.deleteSession(token);
  else await storage.set(token, JSON.stringify(stored), ttl);
}

async function signInFrom(auth: DemoAuth, email: string, headers: Headers): Promise<string> {
  const result = await auth.api.signInEmail({ body: { email, password: DEMO_PASSWORD }, headers });
  return result.token;
}

/** A few users, Ana signed in on several devices across the world, two organizations with teams. */
export async function seedDemo(auth: DemoAuth): Promise<void> {
  const { adapter } = await auth.$context;
  const ids: Record<string, string> = {};
  for (const user of DEMO_USERS) {
    const { user: created } = await auth.api.signUpEmail({
      body: {
        name: user.name,
        email: user.email,
        password: DEMO_PASSWORD,
        image: avatar(user.name, user.color),
      },
    });
    ids[user.email] = created.id;
  }
  for (const id of Object.values(ids)) {
    await adapter.update({
      model: 'user',
      where: [{ field: 'id', value: id }],
      update: { emailVerified: true },
    });
  }

  const now = Date.now();
  for (const { device, createdAgo, lastActiveAgo, expiredAgo } of ANA_DEVICES) {
    const token = await signInFrom(auth, 'ana@demo.test', deviceHeaders(DEVICES[device]!));
    await setTimes(auth, token, {
      createdAt: now - createdAgo,
      updatedAt: now - lastActiveAgo,
      lastActiveAt: now - lastActiveAgo,
      ...(expiredAgo ? { expiresAt: now - expiredAgo } : {}),
    });
  }
  const benToken = await signInFrom(auth, 'ben@demo.test', deviceHeaders(DEVICES[5]!));
  await setTimes(auth, benToken, { lastActiveAt: now - 3 * HOUR });

  const created = new Date();
  const organizations = [
    {
      name: 'Acme Inc',
      slug: 'acme',
      members: [
        ['ana@demo.test', 'owner'],
        ['ben@demo.test', 'member'],
      ],
      teams: [
        ['Design', ['ana@demo.test']],
        ['Platform', ['ana@demo.test', 'ben@demo.test']],
        ['Marketing', ['ana@demo.test']],
      ],
    },
    {
      name: 'Globex Research',
      slug: 'globex',
      members: [
        ['ana@demo.test', 'admin'],
        ['ben@demo.test', 'owner'],
        ['chiyo@demo.test', 'member'],
      ],
      teams: [
        ['Lab', ['ana@demo.test', 'chiyo@demo.test']],
        ['Data', ['ana@demo.test', 'ben@demo.test']],
      ],
    },
  ] as const;
  for (const org of organizations) {
    const { id } = await adapter.create<Record<string, unknown>, { id: string }>({
      model: 'organization',
      data: { name: org.name, slug: org.slug, createdAt: created },
    });
    for (const [email, role] of org.members) {
      await adapter.create({
        model: 'member',
        data: { organizationId: id, userId: ids[email], role, createdAt: created },
      });
    }
    for (const [name, members] of org.teams) {
      const team = await adapter.create<Record<string, unknown>, { id: string }>({
        model: 'team',
        data: { name, organizationId: id, createdAt: created, updatedAt: created },
      });
      for (const email of members) {
        await adapter.create({
          model: 'teamMember',
          data: { teamId: team.id, userId: ids[email], createdAt: created },
        });
      }
    }
  }
}
