import { type MemorySeed, demoSeed } from '../src/backends/memory.js';
import type { CurrentUser, SignIn } from '../src/core/types.js';

/**
 * The worlds stories start from: the demo seed, changed the way a story needs.
 * Every function returns fresh data, so stories never share state.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const iso = (ms: number) => new Date(ms).toISOString();

/** A world derived from the demo seed; `edit` changes it in place. */
function world(edit: (seed: MemorySeed, now: number) => void): () => MemorySeed {
  return () => {
    const now = Date.now();
    const seed = demoSeed(now);
    edit(seed, now);
    return seed;
  };
}

const ada = (seed: MemorySeed) => seed.users.find((user) => user.id === 'user_ada')!;
const adaSignIn = (seed: MemorySeed) => seed.signins.find((s) => s.id === 'si_ada_mac')!;

/** The demo world: Ada on eight devices, Alan as a second account here, two organizations. */
export const demoWorld = world(() => {});

/** Nobody is signed in on this browser. */
export const signedOutWorld = world((seed) => {
  seed.browser = [];
  seed.active = null;
});

/** Only Ada on this browser (no second account). */
export const oneAccountWorld = world((seed) => {
  seed.browser = ['si_ada_mac'];
});

/** Ada has never signed in anywhere else. */
export const onlyThisDeviceWorld = world((seed) => {
  seed.signins = seed.signins.filter((s) => s.user_id !== 'user_ada' || s.id === 'si_ada_mac');
});

/** Alan is the active account; Ada waits in the switcher. */
export const alanActiveWorld = world((seed) => {
  seed.active = 'si_alan_mac';
});

function leaveOrganization(seed: MemorySeed): void {
  const signIn = adaSignIn(seed);
  delete signIn.active_organization_membership_id;
  delete signIn.active_workspace_membership_id;
}

/** Ada on the personal account: no organization, so no workspaces. */
export const personalWorld = world(leaveOrganization);

/** Ada belongs to no organization at all. */
export const noOrganizationsWorld = world((seed) => {
  leaveOrganization(seed);
  seed.organizations = seed.organizations.filter((org) => org.user_id !== 'user_ada');
  seed.workspaces = [];
});

const AGENTS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:143.0) Gecko/20100101 Firefox/143.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36',
];
const PLACES: Pick<SignIn, 'city' | 'country' | 'countryCode'>[] = [
  { city: 'Reykjavík', country: 'Iceland', countryCode: 'IS' },
  { city: 'Zürich', country: 'Switzerland', countryCode: 'CH' },
  { city: 'Seoul', country: 'South Korea', countryCode: 'KR' },
  { city: 'Mexico City', country: 'Mexico', countryCode: 'MX' },
  { city: 'Cape Town', country: 'South Africa', countryCode: 'ZA' },
  { city: 'Auckland', country: 'New Zealand', countryCode: 'NZ' },
  {},
];

/** Ada on `count` more devices: several pages, every status, some without a place. */
export function manyDevicesWorld(count = 40): () => MemorySeed {
  return world((seed, now) => {
    const user = ada(seed);
    for (let i = 0; i < count; i++) {
      const idle = i % 3 === 0 ? i : i * 9 * 60;
      seed.signins.push({
        id: `si_ada_extra_${i}`,
        user_id: user.id,
        user,
        userAgent: AGENTS[i % AGENTS.length],
        ...PLACES[i % PLACES.length],
        ipAddress: i % 4 === 0 ? `2a02:8070:${i.toString(16)}::1` : `10.${i}.${i * 3}.${i * 7}`,
        createdAt: iso(now - (i + 1) * 3 * DAY),
        lastActiveAt: iso(now - idle * MINUTE),
        expiresAt: iso(now + (i % 5 === 4 ? -DAY : 20 * DAY)),
      });
    }
  });
}

/** Five accounts on this browser: one with a picture, one without a name, one expired. */
export const manyAccountsWorld = world((seed, now) => {
  const extra: [string, CurrentUser, Partial<SignIn>][] = [
    [
      'si_grace_here',
      {
        ...seed.users.find((user) => user.id === 'user_grace')!,
        profile_picture_url:
          'data:image/svg+xml,' +
          encodeURIComponent(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" fill="#0f766e"/><circle cx="20" cy="16" r="7" fill="#ccfbf1"/><rect x="8" y="27" width="24" height="13" rx="6" fill="#ccfbf1"/></svg>',
          ),
      },
      {},
    ],
    [
      'si_nameless_here',
      { id: 'user_nameless', primary_email_address: { email: 'ops@example.com', verified: true } },
      {},
    ],
    [
      'si_expired_here',
      {
        id: 'user_expired',
        first_name: 'Edsger',
        last_name: 'Dijkstra',
        primary_email_address: { email: 'edsger@example.nl', verified: true },
      },
      { expiresAt: iso(now - DAY) },
    ],
  ];
  for (const [id, user, fields] of extra) {
    seed.users.push(user);
    seed.signins.push({
      id,
      user_id: user.id,
      user,
      userAgent: AGENTS[0],
      createdAt: iso(now - 10 * DAY),
      lastActiveAt: iso(now - 2 * DAY),
      expiresAt: iso(now + 20 * DAY),
      ...fields,
    });
    seed.browser.push(id);
  }
});

/** Ada in twelve organizations, the active one with fifteen workspaces. */
export const manyMembershipsWorld = world((seed) => {
  const names = ['Initech', 'Umbrella Labs', 'Hooli', 'Stark Industries', 'Wayne Enterprises'];
  for (let i = 0; i < 10; i++) {
    const id = `org_extra_${i}`;
    seed.organizations.push({
      id,
      name: `${names[i % names.length]} ${Math.floor(i / names.length) + 1}`,
      membership_id: `mem_ada_${id}`,
      role: i % 3 === 0 ? 'owner' : 'member',
      user_id: 'user_ada',
    });
  }
  for (let i = 0; i < 13; i++) {
    seed.workspaces.push({
      id: `ws_extra_${i}`,
      name: `Squad ${String.fromCharCode(65 + i)}`,
      organization_id: 'org_acme',
      membership_id: `wsm_ada_extra_${i}`,
    });
  }
});

/**
 * Markup where a server would put names: rendered as text it is harmless; were it
 * ever parsed, it would set `window.__hostile` (the smoke test checks) and request `x`.
 */
export const MARKUP = `<img src=x onerror="window.__hostile=1"><script>window.__hostile=1</script>"'><b>bold</b>`;
/** 10 KB without a break opportunity: a name that must not push the layout apart. */
export const LONG = 'Wolfeschlegelsteinhausenbergerdorff'.repeat(293);

/**
 * Every name a server controls is hostile: markup, 10 KB, bidi overrides. Picture and
 * logo URLs are left alone: the avatar puts them into <img src> as they come, and a
 * `javascript:` one makes Chromium log ERR_UNKNOWN_URL_SCHEME (inert, but noise).
 */
export const hostileWorld = world((seed) => {
  const hostile = (label: string) => `${MARKUP} ${label} \u202Eevil\u202C ${LONG}`;
  for (const user of seed.users) {
    user.first_name = MARKUP;
    user.last_name = LONG;
    user.username = hostile('username');
    user.primary_email_address = { email: `${LONG}@${MARKUP}.example`, verified: true };
  }
  for (const signIn of seed.signins) {
    signIn.user = seed.users.find((user) => user.id === signIn.user_id);
    signIn.userAgent = hostile('agent');
    signIn.browser = hostile('browser');
    signIn.device = hostile('device');
    signIn.city = hostile('city');
    signIn.region = MARKUP;
    signIn.country = LONG;
    signIn.countryCode = '<b>';
    signIn.ipAddress = MARKUP;
  }
  for (const org of seed.organizations) {
    org.name = hostile('organization');
    org.role = MARKUP;
  }
  for (const workspace of seed.workspaces) workspace.name = hostile('workspace');
});
