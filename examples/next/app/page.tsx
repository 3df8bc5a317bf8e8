// A server component: it reads the session with the request's cookies and renders the provider
// with it, so the signed-in branch is the first thing the browser shows (no signed-out flash).
// The kit's React components (session-elements/react) are client components: here they take
// serializable props; event handlers live in ./account.tsx.
import { cookies, headers } from 'next/headers';
import { SessionProvider, SignedIn, SignedOut } from 'session-elements/react';
import type { Session } from 'session-elements';
import { Account } from './account';

const api = process.env.SESSION_API_ORIGIN ?? 'http://127.0.0.1:5173';

/** What `GET /api/session/` answers for this request's cookies: the session, or null. */
async function currentSession(): Promise<Session | null> {
  const response = await fetch(`${api}/api/session/`, {
    headers: {
      cookie: (await cookies()).toString(),
      'user-agent': (await headers()).get('user-agent') ?? '',
    },
    cache: 'no-store',
  });
  // Signed out is 200 null; a revoked session (401) or an outage renders signed out, and the
  // browser revalidates.
  return response.ok ? ((await response.json()) as Session | null) : null;
}

export default async function Page() {
  const session = await currentSession();
  return (
    <SessionProvider initial-session={JSON.stringify(session)}>
      <h1>Your account</h1>
      <SignedIn>
        <p id="signed-in">You are signed in.</p>
        <Account />
      </SignedIn>
      <SignedOut>
        <p id="signed-out">You are signed out.</p>
      </SignedOut>
    </SessionProvider>
  );
}
