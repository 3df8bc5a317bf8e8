import { expect } from '@open-wc/testing';
import { BlockletBackend, type BlockletBackendOptions } from '../../src/backends/blocklet.js';
import type { SignIn } from '../../src/core/types.js';
import { clone, live, loadFixture, quietController, rejection } from './adapter-kit.js';

type Raw = Record<string, unknown>;
type Row = Raw & { id: string; visitorId: string; status: string };

/** The Blocklet SDK types as @blocklet/js-sdk declares them (status is a plain string there). */
interface SdkQuery {
  page: number;
  pageSize: number;
  status?: string;
}
interface SdkList {
  list: Raw[];
  paging: { page: number; pageSize: number; total: number };
}

const PHONE = '1b8f4c2e-6d3a-4f1b-9e7c-5a2d8c0b3f61';
const LAPTOP = '7e2a9d40-3c5b-4e8f-a1d6-0b9c4f7e2a13';
const PHONE_VISITOR = 'v-9c41e7a2f0';
const LAPTOP_VISITOR = 'v-3f0d6b81aa';
const DID = 'z1Tk3pFZj8Xq4cK2mN9rB5vW7sD1gH6aL0e';

/** What the recorded page must become with the laptop as this browser. */
const EXPECTED: SignIn[] = [
  {
    id: LAPTOP,
    user_id: DID,
    createdAt: '2025-05-08T14:20:00.000Z',
    lastActiveAt: '2025-05-10T07:45:31.000Z',
    ipAddress: '198.51.100.23',
    userAgent:
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36',
    current: true,
  },
  {
    id: PHONE,
    user_id: DID,
    createdAt: '2025-05-01T09:12:44.000Z',
    lastActiveAt: '2025-05-10T06:02:10.000Z',
    ipAddress: '203.0.113.51',
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) ArcWallet/5.2.1',
    current: false,
  },
];

let PAGE: SdkList;
let PROFILE: Raw;

before(async () => {
  PAGE = await loadFixture<SdkList>('blocklet-sessions.json');
  PROFILE = await loadFixture<Raw>('blocklet-profile.json');
});

/** An axios-style failure as the SDK rejects with it. */
function axiosError(status: number, data: unknown, headers: Record<string, string> = {}) {
  return Object.assign(new Error(`Request failed with status code ${status}`), {
    name: 'AxiosError',
    isAxiosError: true,
    code: status >= 500 ? 'ERR_BAD_RESPONSE' : 'ERR_BAD_REQUEST',
    response: { status, data, headers },
  });
}

/**
 * The two SDK services with blocklet-server's semantics: paging and status
 * filter on the list; logout by visitor id ends that device's sessions that are
 * not offline; logout by status 'online' with a visitor id ends the others.
 */
class FakeBlockletSdk {
  readonly listCalls: [{ appUrl?: string }, SdkQuery][] = [];
  readonly logoutCalls: Raw[] = [];
  answer: (() => unknown) | null = null;
  profile: unknown;

  constructor(public rows: Row[]) {
    this.profile = clone(PROFILE);
  }

  readonly userSession = {
    getMyLoginSessions: async (
      options: { appUrl?: string } = {},
      params: SdkQuery = { page: 1, pageSize: 10 },
    ): Promise<SdkList> => {
      this.listCalls.push([options, params]);
      if (this.answer) return this.answer() as SdkList;
      const rows = this.rows.filter((row) => !params.status || row.status === params.status);
      const start = (params.page - 1) * params.pageSize;
      return {
        list: clone(rows.slice(start, start + params.pageSize)),
        paging: { page: params.page, pageSize: params.pageSize, total: rows.length },
      };
    },
  };

  readonly auth = {
    getProfile: async (): Promise<unknown> => {
      if (this.profile instanceof Error) throw this.profile;
      return this.profile;
    },
    logout: async (options: {
      visitorId?: string;
      status?: string;
      includeFederated?: boolean;
    }): Promise<void> => {
      this.logoutCalls.push({ ...options });
      for (const row of this.rows) {
        const hit = options.status
          ? row.status === options.status && row.visitorId !== options.visitorId
          : row.status !== 'offline' && row.visitorId === options.visitorId;
        if (hit) row.status = 'offline';
      }
    },
  };

  options(extra: Partial<BlockletBackendOptions> = {}): BlockletBackendOptions {
    return { userSession: this.userSession, auth: this.auth, ...extra };
  }
}

function recordedSdk(): FakeBlockletSdk {
  const sdk = new FakeBlockletSdk([]);
  sdk.answer = () => clone(PAGE);
  return sdk;
}

/** Seven sessions over three devices: the laptop (this browser), the phone and a tablet. */
function deviceRows(): Row[] {
  const rows: Row[] = [];
  const devices = [LAPTOP_VISITOR, PHONE_VISITOR, 'v-tablet'];
  for (let n = 0; n < 7; n++) {
    rows.push({
      id: `s${n + 1}`,
      userDid: DID,
      visitorId: devices[n % 3],
      status: n === 5 ? 'expired' : n === 6 ? 'offline' : 'online',
      ua: `agent ${n + 1}`,
      updatedAt: new Date(Date.UTC(2025, 4, 20 - n)).toISOString(),
    });
  }
  return rows;
}

describe('BlockletBackend: listing sessions', () => {
  it('maps a recorded getMyLoginSessions page onto sign-ins, this browser first', async () => {
    const sdk = recordedSdk();
    const backend = new BlockletBackend(sdk.options({ visitorId: () => LAPTOP_VISITOR }));
    const page = await backend.listSignIns({ page: 1, pageSize: 2, status: 'all' }, live());
    expect(page).to.deep.equal({ items: EXPECTED, total: 5, page: 1, pageSize: 2 });
    expect(sdk.listCalls).to.deep.equal([[{}, { page: 1, pageSize: 2 }]]);
  });

  it('passes page, page size, each status and appUrl through to the SDK', async () => {
    const sdk = new FakeBlockletSdk(deviceRows());
    const backend = new BlockletBackend(sdk.options({ appUrl: 'https://notes.example.com' }));
    const totals: Record<string, number> = {};
    for (const status of ['online', 'expired', 'offline'] as const) {
      totals[status] = (await backend.listSignIns({ page: 1, pageSize: 25, status }, live())).total;
    }
    await backend.listSignIns({ page: 3, pageSize: 2 }, live());
    expect(totals).to.deep.equal({ online: 5, expired: 1, offline: 1 });
    expect(sdk.listCalls).to.deep.equal([
      [{ appUrl: 'https://notes.example.com' }, { page: 1, pageSize: 25, status: 'online' }],
      [{ appUrl: 'https://notes.example.com' }, { page: 1, pageSize: 25, status: 'expired' }],
      [{ appUrl: 'https://notes.example.com' }, { page: 1, pageSize: 25, status: 'offline' }],
      [{ appUrl: 'https://notes.example.com' }, { page: 3, pageSize: 2 }],
    ]);
  });

  it('pages with Blocklet: total from paging.total, page and size echoed, odd queries tidied', async () => {
    const sdk = new FakeBlockletSdk(deviceRows());
    const backend = new BlockletBackend(sdk.options());
    const third = await backend.listSignIns({ page: 3, pageSize: 3 }, live());
    expect(third.items.map((item) => item.id)).to.deep.equal(['s7']);
    expect([third.total, third.page, third.pageSize]).to.deep.equal([7, 3, 3]);
    const past = await backend.listSignIns({ page: 9, pageSize: 3 }, live());
    expect([past.items.length, past.total]).to.deep.equal([0, 7]);
    await backend.listSignIns({ page: -2, pageSize: 0 }, live());
    expect(sdk.listCalls.at(-1)![1]).to.deep.equal({ page: 1, pageSize: 10 });
    // A server that caps the page size and the page says so in paging; the page reports what it got.
    sdk.answer = () => ({ list: [], paging: { page: 2, pageSize: 50, total: 60 } });
    const capped = await backend.listSignIns({ page: 9, pageSize: 500 }, live());
    expect([capped.page, capped.pageSize, capped.total]).to.deep.equal([2, 50, 60]);
  });

  it('has the status filter and nothing Blocklet lacks', async () => {
    const sdk = recordedSdk();
    expect(new BlockletBackend(sdk.options()).capabilities).to.deep.equal({
      multiSession: false,
      organizations: false,
      workspaces: false,
      tokens: false,
      ticketExchange: false,
      revokeOthers: false,
      signOutEverywhere: false,
      statusFilter: true,
      liveUpdates: false,
      maxPageSize: 100,
    });
    const withVisitor = new BlockletBackend(sdk.options({ visitorId: LAPTOP_VISITOR }));
    expect(withVisitor.capabilities.revokeOthers).to.equal(true);
  });

  it('drops what SignIn has no room for: app, wallet, passport, status and the user record', async () => {
    const page = await new BlockletBackend(recordedSdk().options()).listSignIns({}, live());
    const text = JSON.stringify(page);
    for (const leak of [
      'appPid',
      'Team Notes',
      'walletOS',
      'z2qa7',
      '0x04a1',
      'visitorId',
      'online',
    ]) {
      expect(text, leak).to.not.contain(leak);
    }
  });

  it('rejects malformed SDK answers as invalid-response, never a TypeError', async () => {
    const answers: unknown[] = [
      undefined,
      null,
      'list',
      [],
      { list: [] },
      { list: 'nope', paging: { total: 1 } },
      { list: [], paging: null },
      { list: [], paging: { total: '5' } },
      { list: [], paging: { total: -1 } },
      { list: [], paging: { total: 1.5 } },
      { list: [null], paging: { total: 1 } },
      { list: [{ visitorId: 'v1' }], paging: { total: 1 } },
      { list: [{ id: true }], paging: { total: 1 } },
      { list: [{ id: '' }], paging: { total: 1 } },
    ];
    for (const answer of answers) {
      const sdk = recordedSdk();
      sdk.answer = () => answer;
      const error = await rejection(new BlockletBackend(sdk.options()).listSignIns({}, live()));
      expect(error.code, JSON.stringify(answer)).to.equal('invalid-response');
    }
  });

  it('keeps a session with wrong-typed fields, minus those fields, and hostile strings as text', async () => {
    const sdk = recordedSdk();
    sdk.answer = () => ({
      list: [
        { id: 'a', ua: 42, lastLoginIp: {}, updatedAt: 'soon', createdAt: null, visitorId: 7 },
        { id: 'b', ua: '<script>alert(1)</script>', userDid: '"><svg onload=alert(1)>' },
      ],
      paging: { page: 'one', pageSize: null, total: 2 },
    });
    const backend = new BlockletBackend(sdk.options({ visitorId: '7' }));
    expect(await backend.listSignIns({ page: 1, pageSize: 10 }, live())).to.deep.equal({
      items: [
        { id: 'a', current: false },
        {
          id: 'b',
          user_id: '"><svg onload=alert(1)>',
          userAgent: '<script>alert(1)</script>',
          current: false,
        },
      ],
      total: 2,
      page: 1,
      pageSize: 10,
    });
  });
});

describe('BlockletBackend: the signed-in user', () => {
  it('reads the profile as the one active sign-in, named by this browser’s visitor id', async () => {
    const sdk = recordedSdk();
    const session = await new BlockletBackend(
      sdk.options({ visitorId: LAPTOP_VISITOR }),
    ).getSession(live());
    const active: SignIn = {
      id: LAPTOP_VISITOR,
      user_id: DID,
      current: true,
      user: {
        id: DID,
        first_name: 'Ada Lovelace',
        primary_email_address: { email: 'ada@example.com', verified: true },
        profile_picture_url: `/.well-known/service/user/avatar/${DID}.png`,
      },
    };
    expect(session).to.deep.equal({
      active_signin: active,
      signins: [active],
      signin_attempts: [],
      signup_attempts: [],
    });
    expect(JSON.stringify(session)).to.not.match(/secret|0x04a1|passports|bio/);
  });

  it('names the active sign-in by the DID when no visitor id is known', async () => {
    const session = await new BlockletBackend(recordedSdk().options()).getSession(live());
    expect(session!.active_signin!.id).to.equal(DID);
  });

  it('treats a 401 or an empty profile as signed out, and a profile without DID as malformed', async () => {
    const sdk = recordedSdk();
    const backend = new BlockletBackend(sdk.options());
    for (const profile of [axiosError(401, { error: 'Unauthorized' }), null, undefined, '']) {
      sdk.profile = profile;
      expect(await backend.getSession(live())).to.equal(null);
    }
    for (const profile of [{ fullName: 'Ada' }, { did: {} }, ['did']]) {
      sdk.profile = profile;
      const error = await rejection(backend.getSession(live()));
      expect(error.code, JSON.stringify(profile)).to.equal('invalid-response');
    }
  });
});

describe('BlockletBackend: failures', () => {
  it('maps SDK failures: 429 with Retry-After, 401, 403, 5xx bodies, network, cancel, timeout', async () => {
    const cases: [unknown, string, number | undefined, number | undefined, string][] = [
      [
        axiosError(429, { error: 'Too many requests' }, { 'retry-after': '30' }),
        'rate-limited',
        429,
        30,
        'Too many requests',
      ],
      [axiosError(401, { error: 'Unauthorized' }), 'unauthorized', 401, undefined, 'Unauthorized'],
      [axiosError(403, { message: 'forbidden' }), 'forbidden', 403, undefined, 'forbidden'],
      [axiosError(502, '<html>'), 'server', 502, undefined, 'The server answered 502.'],
      [
        Object.assign(new Error('Network Error'), { isAxiosError: true, code: 'ERR_NETWORK' }),
        'network',
        undefined,
        undefined,
        'The network request failed.',
      ],
      [
        Object.assign(new Error('canceled'), { name: 'CanceledError', code: 'ERR_CANCELED' }),
        'aborted',
        undefined,
        undefined,
        'The request was aborted.',
      ],
      [
        Object.assign(new Error('timeout of 0ms exceeded'), { code: 'ECONNABORTED' }),
        'timeout',
        undefined,
        undefined,
        'The request timed out.',
      ],
    ];
    for (const [failure, code, status, retryAfter, message] of cases) {
      const sdk = recordedSdk();
      sdk.answer = () => {
        throw failure;
      };
      const error = await rejection(new BlockletBackend(sdk.options()).listSignIns({}, live()));
      expect([error.code, error.status, error.retryAfter, error.message]).to.deep.equal([
        code,
        status,
        retryAfter,
        message,
      ]);
    }
  });

  it('reads Retry-After from AxiosHeaders too', async () => {
    const headers = { get: (name: string) => (name === 'Retry-After' ? 12 : undefined) };
    const sdk = recordedSdk();
    sdk.answer = () => {
      throw Object.assign(axiosError(429, {}), { response: { status: 429, data: {}, headers } });
    };
    const error = await rejection(new BlockletBackend(sdk.options()).listSignIns({}, live()));
    expect([error.code, error.retryAfter]).to.deep.equal(['rate-limited', 12]);
  });

  it('does not call the SDK once the request is aborted', async () => {
    const sdk = recordedSdk();
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(
      new BlockletBackend(sdk.options()).listSignIns({}, { signal: controller.signal }),
    );
    expect(error.code).to.equal('aborted');
    expect(sdk.listCalls.length).to.equal(0);
  });

  it('rejects what Blocklet cannot do with unsupported, without an SDK call', async () => {
    const sdk = recordedSdk();
    const backend = new BlockletBackend(sdk.options());
    const calls = [
      backend.revokeOtherSignIns(live()),
      backend.switchSignIn('s1', live()),
      backend.switchOrganization(null, live()),
      backend.switchWorkspace('w1', live()),
      backend.listOrganizations(live()),
      backend.listWorkspaces('org', live()),
      backend.getToken('template', live()),
      backend.exchangeTicket('ticket', live()),
      backend.signOut({ everywhere: true }, live()),
    ];
    for (const call of calls) expect((await rejection(call)).code).to.equal('unsupported');
    expect([sdk.listCalls.length, sdk.logoutCalls.length]).to.deep.equal([0, 0]);
  });
});

describe('BlockletBackend: ending sessions', () => {
  it('removes a listed sign-in by logging its device out', async () => {
    const sdk = recordedSdk();
    const backend = new BlockletBackend(sdk.options({ visitorId: LAPTOP_VISITOR }));
    await backend.listSignIns({}, live());
    await backend.removeSignIn(PHONE, live());
    expect(sdk.logoutCalls).to.deep.equal([{ visitorId: PHONE_VISITOR, includeFederated: true }]);
  });

  it('only logs this app out when includeFederated is false', async () => {
    const sdk = recordedSdk();
    const backend = new BlockletBackend(sdk.options({ includeFederated: false }));
    await backend.listSignIns({}, live());
    await backend.removeSignIn(LAPTOP, live());
    expect(sdk.logoutCalls).to.deep.equal([{ visitorId: LAPTOP_VISITOR, includeFederated: false }]);
  });

  it('refuses an id it never listed and a session that is already offline', async () => {
    const sdk = new FakeBlockletSdk(deviceRows());
    const backend = new BlockletBackend(sdk.options());
    expect((await rejection(backend.removeSignIn('s1', live()))).code).to.equal('not-found');
    await backend.listSignIns({ status: 'offline' }, live());
    expect((await rejection(backend.removeSignIn('s7', live()))).code).to.equal('unsupported');
    expect(sdk.logoutCalls).to.deep.equal([]);
  });

  it('signs out every other device, counting them first', async () => {
    const sdk = new FakeBlockletSdk(deviceRows());
    const backend = new BlockletBackend(sdk.options({ visitorId: () => LAPTOP_VISITOR }));
    expect(await backend.revokeOtherSignIns(live())).to.deep.equal({ revoked: 3 });
    expect(sdk.listCalls).to.deep.equal([[{}, { page: 1, pageSize: 100, status: 'online' }]]);
    expect(sdk.logoutCalls).to.deep.equal([
      { status: 'online', visitorId: LAPTOP_VISITOR, includeFederated: true },
    ]);
    const online = await backend.listSignIns({ status: 'online' }, live());
    expect(online.items.map((item) => [item.id, item.current])).to.deep.equal([
      ['s1', true],
      ['s4', true],
    ]);
  });

  it('counts the online sessions beyond the first page as other devices', async () => {
    const sdk = recordedSdk();
    const backend = new BlockletBackend(sdk.options({ visitorId: LAPTOP_VISITOR }));
    // Two listed (one is this browser), five in total: 1 + 3 others.
    expect(await backend.revokeOtherSignIns(live())).to.deep.equal({ revoked: 4 });
  });

  it('signs this browser out, or another listed device', async () => {
    const sdk = recordedSdk();
    const backend = new BlockletBackend(sdk.options({ visitorId: LAPTOP_VISITOR }));
    await backend.getSession(live());
    await backend.listSignIns({}, live());
    expect(await backend.signOut({}, live())).to.deep.equal({});
    await backend.signOut({ signInId: LAPTOP_VISITOR }, live());
    await backend.signOut({ signInId: LAPTOP }, live());
    await backend.signOut({ signInId: PHONE }, live());
    await backend.signOut({ signInId: PHONE, all: true }, live());
    expect(sdk.logoutCalls.map((call) => call.visitorId)).to.deep.equal([
      LAPTOP_VISITOR,
      LAPTOP_VISITOR,
      LAPTOP_VISITOR,
      PHONE_VISITOR,
      LAPTOP_VISITOR,
    ]);
    expect((await rejection(backend.signOut({ signInId: 'nobody' }, live()))).code).to.equal(
      'not-found',
    );
  });

  it('leaves "which session" to the SDK when it does not know this browser', async () => {
    const sdk = recordedSdk();
    const backend = new BlockletBackend(sdk.options());
    await backend.signOut({}, live());
    expect(sdk.logoutCalls).to.deep.equal([{ includeFederated: true }]);
  });
});

describe('BlockletBackend behind a SessionController', () => {
  it('lists with the status filter and revokes end to end, bumping the revision once', async () => {
    const sdk = new FakeBlockletSdk(deviceRows());
    const controller = quietController(
      new BlockletBackend(sdk.options({ visitorId: () => LAPTOP_VISITOR })),
    );
    const unsubscribe = controller.subscribe(() => {});
    try {
      const state = await controller.refetch();
      expect(state.status).to.equal('signed-in');
      const before = state.status === 'signed-in' ? state.revision : -1;
      expect(controller.capabilities.statusFilter).to.equal(true);

      const online = await controller.listSignIns({ page: 1, pageSize: 10, status: 'online' });
      expect(online.items.map((item) => item.id)).to.deep.equal(['s1', 's4', 's2', 's3', 's5']);
      expect(online.total).to.equal(5);

      const result = await controller.removeSignIn('s2');
      expect(result).to.deep.equal({ ok: true, data: undefined });
      const after = controller.getSnapshot();
      expect(after.status === 'signed-in' ? after.revision : -1).to.equal(before + 1);

      const again = await controller.listSignIns({ page: 1, pageSize: 10, status: 'online' });
      expect(again.items.map((item) => item.id)).to.deep.equal(['s1', 's4', 's3']);
      const offline = await controller.listSignIns({ page: 1, pageSize: 10, status: 'offline' });
      // s7 is this browser's device, but signed out: not the sign-in in use.
      expect(offline.items.map((item) => [item.id, item.current])).to.deep.equal([
        ['s2', false],
        ['s5', false],
        ['s7', false],
      ]);

      const revoked = await controller.revokeOtherSignIns();
      expect(revoked).to.deep.equal({ ok: true, data: { revoked: 1 } });
    } finally {
      unsubscribe();
      controller.dispose();
    }
  });
});
