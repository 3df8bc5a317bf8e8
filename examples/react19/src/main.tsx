// React 19 renders custom elements natively: `page-size` stays an attribute, `strings` (an
// object) is set as a property because the element has one, and `onaccount-switched` listens to
// the kit's `account-switched` event. session-elements/types/jsx adds the tags to
// JSX.IntrinsicElements, so a misspelt attribute or a wrong handler fails `tsc`.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'session-elements/define';
import type {} from 'session-elements/types/jsx';

const strings = { thisDevice: 'You are here' };

function AccountPage() {
  const [switchedTo, setSwitchedTo] = useState<string>();
  return (
    <session-provider>
      <account-switcher
        onaccount-switched={(event) => setSwitchedTo(event.detail.signin.user?.first_name)}
      />
      <p id="last-switch" role="status">
        {switchedTo ? `Switched to ${switchedTo}` : 'No switch yet'}
      </p>
      <active-sessions page-size="5" strings={strings} />
    </session-provider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AccountPage />
  </StrictMode>,
);
