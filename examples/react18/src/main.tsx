// React 18 sets every prop of a custom element as a string attribute and cannot listen to custom
// events, so it uses the kit's @lit/react wrappers from session-elements/react: `pageSize` and
// `strings` are set as properties and `onAccountSwitched` listens to `account-switched`.
// Importing the wrappers registers the tags.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { AccountSwitcher, ActiveSessions, SessionProvider } from 'session-elements/react';

const strings = { thisDevice: 'You are here' };

function AccountPage() {
  const [status, setStatus] = useState('No switch yet');
  return (
    <SessionProvider>
      <AccountSwitcher
        onAccountSwitched={(event) =>
          setStatus(`Switched to ${event.detail.signin.user?.first_name}`)
        }
      />
      <p id="last-switch" role="status">
        {status}
      </p>
      <ActiveSessions pageSize={5} strings={strings} />
    </SessionProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AccountPage />
  </StrictMode>,
);
