'use client';
// Event handlers are functions, so they live in a client component. The kit's React components
// set `strings` and add the listeners once React has hydrated the server-rendered tags: both
// survive hydration (React 19 itself does not apply them to hydrated custom elements).
import { useState } from 'react';
import { AccountSwitcher, ActiveSessions } from 'session-elements/react';

const switcherStrings = { accounts: 'Your accounts here' };
const sessionStrings = { thisDevice: 'You are here', signOut: 'End session' };

export function Account() {
  const [switchedTo, setSwitchedTo] = useState<string>();
  const [revoked, setRevoked] = useState(0);
  return (
    <>
      <AccountSwitcher
        strings={switcherStrings}
        onAccountSwitched={(event) => setSwitchedTo(event.detail.signin.user?.first_name)}
      />
      <p id="last-switch" role="status">
        {switchedTo ? `Switched to ${switchedTo}` : 'No switch yet'}
      </p>
      <ActiveSessions
        page-size="5"
        strings={sessionStrings}
        onSigninRevoked={(event) => setRevoked((count) => count + event.detail.signins.length)}
      />
      <p id="last-revoke" role="status">
        {revoked ? `Signed out ${revoked} device(s)` : 'No device signed out yet'}
      </p>
    </>
  );
}
