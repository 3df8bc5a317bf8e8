import type { CurrentUser, Organization, SignIn, Workspace } from '../core/types.js';

/** The world a MemoryBackend starts from; every field is plain data you can build yourself. */
export interface MemorySeed {
  users: CurrentUser[];
  /** Every sign-in of every user on every device. */
  signins: SignIn[];
  /** Ids of the sign-ins held by this browser (the account switcher's list). */
  browser: string[];
  /** The browser's active sign-in id, or null when signed out. */
  active: string | null;
  organizations: (Organization & { user_id: string })[];
  workspaces: Workspace[];
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Real user agents of the demo's devices; the device parser's tests read them too. */
export const UA = {
  chromeMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36',
  firefoxWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:144.0) Gecko/20100101 Firefox/144.0',
  safariIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Mobile/15E148 Safari/604.1',
  chromeAndroid:
    'Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Mobile Safari/537.36',
  safariIpad:
    'Mozilla/5.0 (iPad; CPU OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Mobile/15E148 Safari/604.1',
  edgeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36 Edg/141.0.0.0',
  firefoxLinux: 'Mozilla/5.0 (X11; Linux x86_64; rv:144.0) Gecko/20100101 Firefox/144.0',
  samsungTablet:
    'Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/27.0 Chrome/125.0.0.0 Safari/537.36',
};

type Place = Pick<SignIn, 'city' | 'region' | 'country' | 'countryCode' | 'ipAddress'>;

/** Ada's and Alan's Mac: the browser both accounts are signed in on, so one place and one address. */
const LISBON_MAC: Place = {
  city: 'Lisbon',
  region: 'Lisbon',
  country: 'Portugal',
  countryCode: 'PT',
  ipAddress: '85.240.12.34',
};

const iso = (ms: number) => new Date(ms).toISOString();

function signIn(
  id: string,
  user: CurrentUser,
  userAgent: string,
  place: Place,
  ageDays: number,
  idleMinutes: number,
  now: number,
  extra: Partial<SignIn> = {},
): SignIn {
  return {
    id,
    user_id: user.id,
    userAgent,
    ...place,
    createdAt: iso(now - ageDays * DAY),
    lastActiveAt: iso(now - idleMinutes * MINUTE),
    expiresAt: iso(now - idleMinutes * MINUTE + 30 * DAY),
    user,
    ...extra,
  };
}

/** A believable account: one user on eight devices, a second account on this browser, two organizations. */
export function demoSeed(now = Date.now()): MemorySeed {
  const ada: CurrentUser = {
    id: 'user_ada',
    first_name: 'Ada',
    last_name: 'Lovelace',
    username: 'ada',
    primary_email_address: { email: 'ada@example.com', verified: true },
    has_password: true,
    has_passkeys: true,
  };
  const alan: CurrentUser = {
    id: 'user_alan',
    first_name: 'Alan',
    last_name: 'Turing',
    username: 'alan',
    primary_email_address: { email: 'alan@example.org', verified: true },
    has_password: true,
  };
  const grace: CurrentUser = {
    id: 'user_grace',
    first_name: 'Grace',
    last_name: 'Hopper',
    primary_email_address: { email: 'grace@example.net', verified: false },
  };
  const signins: SignIn[] = [
    signIn('si_ada_mac', ada, UA.chromeMac, LISBON_MAC, 40, 0, now, {
      active_organization_membership_id: 'mem_ada_acme',
      active_workspace_membership_id: 'wsm_ada_design',
    }),
    signIn(
      'si_ada_iphone',
      ada,
      UA.safariIphone,
      {
        city: 'Porto',
        region: 'Porto',
        country: 'Portugal',
        countryCode: 'PT',
        ipAddress: '2001:818:e2a1:1f00::12',
      },
      21,
      3,
      now,
    ),
    signIn(
      'si_ada_windows',
      ada,
      UA.firefoxWindows,
      {
        city: 'Berlin',
        region: 'Berlin',
        country: 'Germany',
        countryCode: 'DE',
        ipAddress: '91.64.200.7',
      },
      12,
      60 * 26,
      now,
    ),
    signIn(
      'si_ada_ipad',
      ada,
      UA.safariIpad,
      {
        city: 'Paris',
        region: 'Île-de-France',
        country: 'France',
        countryCode: 'FR',
        ipAddress: '82.64.33.19',
      },
      30,
      60 * 24 * 6,
      now,
    ),
    signIn(
      'si_ada_android',
      ada,
      UA.chromeAndroid,
      {
        city: 'São Paulo',
        region: 'São Paulo',
        country: 'Brazil',
        countryCode: 'BR',
        ipAddress: '177.92.10.201',
      },
      18,
      60 * 5,
      now,
    ),
    signIn(
      'si_ada_edge',
      ada,
      UA.edgeWindows,
      {
        city: 'Tokyo',
        region: 'Tokyo',
        country: 'Japan',
        countryCode: 'JP',
        ipAddress: '126.77.1.90',
      },
      9,
      60 * 24 * 2,
      now,
      { impersonated: true },
    ),
    signIn(
      'si_ada_linux',
      ada,
      UA.firefoxLinux,
      {
        city: 'Toronto',
        region: 'Ontario',
        country: 'Canada',
        countryCode: 'CA',
        ipAddress: '99.230.4.55',
      },
      50,
      60 * 24 * 35,
      now,
      { expiresAt: iso(now - 5 * DAY) },
    ),
    signIn(
      'si_ada_tablet',
      ada,
      UA.samsungTablet,
      {
        city: 'Nairobi',
        region: 'Nairobi',
        country: 'Kenya',
        countryCode: 'KE',
        ipAddress: '41.90.64.3',
      },
      3,
      45,
      now,
    ),
    signIn('si_alan_mac', alan, UA.chromeMac, LISBON_MAC, 5, 12, now),
    signIn(
      'si_alan_phone',
      alan,
      UA.chromeAndroid,
      {
        city: 'Manchester',
        region: 'England',
        country: 'United Kingdom',
        countryCode: 'GB',
        ipAddress: '86.12.5.77',
      },
      2,
      90,
      now,
    ),
    signIn(
      'si_grace_linux',
      grace,
      UA.firefoxLinux,
      {
        city: 'Arlington',
        region: 'Virginia',
        country: 'United States',
        countryCode: 'US',
        ipAddress: '71.191.3.4',
      },
      7,
      30,
      now,
    ),
  ];
  return {
    users: [ada, alan, grace],
    signins,
    browser: ['si_ada_mac', 'si_alan_mac'],
    active: 'si_ada_mac',
    organizations: [
      {
        id: 'org_acme',
        name: 'Acme Inc.',
        slug: 'acme',
        membership_id: 'mem_ada_acme',
        role: 'admin',
        user_id: ada.id,
      },
      {
        id: 'org_globex',
        name: 'Globex Research',
        slug: 'globex',
        membership_id: 'mem_ada_globex',
        role: 'member',
        user_id: ada.id,
      },
      {
        id: 'org_acme',
        name: 'Acme Inc.',
        slug: 'acme',
        membership_id: 'mem_alan_acme',
        role: 'member',
        user_id: alan.id,
      },
    ],
    workspaces: [
      {
        id: 'ws_design',
        name: 'Design',
        organization_id: 'org_acme',
        membership_id: 'wsm_ada_design',
      },
      {
        id: 'ws_engineering',
        name: 'Engineering',
        organization_id: 'org_acme',
        membership_id: 'wsm_ada_engineering',
      },
      { id: 'ws_lab', name: 'Lab', organization_id: 'org_globex', membership_id: 'wsm_ada_lab' },
    ],
  };
}
