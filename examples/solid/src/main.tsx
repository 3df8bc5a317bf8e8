// Solid sets what a custom element is given as properties (`strings={…}`), and listens with
// `on:<event>` (the event's name as it is) or `on<event>`. session-elements/types/jsx adds the
// tags to Solid's JSX.IntrinsicElements, so a misspelt attribute or a wrong handler fails `tsc`.
import { createSignal } from 'solid-js';
import { render } from 'solid-js/web';
import 'session-elements/define';
import type {} from 'session-elements/types/jsx';

const strings = { thisDevice: 'You are here', confirmSignOut: 'Yes, sign out' };

function AccountPage() {
  const [switchedTo, setSwitchedTo] = createSignal<string>();
  const [revoked, setRevoked] = createSignal<string>();
  return (
    <session-provider>
      <account-switcher
        on:account-switched={(event) => setSwitchedTo(event.detail.signin.user?.first_name)}
      />
      <p id="last-switch" role="status">
        {switchedTo() ? `Switched to ${switchedTo()}` : 'No switch yet'}
      </p>
      <active-sessions
        page-size={5}
        strings={strings}
        onsignin-revoked={(event) => setRevoked(`Revoked ${event.detail.signins.length} sign-in`)}
      />
      <p id="last-revoke" role="status">
        {revoked() ?? 'Nothing revoked yet'}
      </p>
      <sign-out-button extent="session" />
    </session-provider>
  );
}

render(() => <AccountPage />, document.getElementById('root')!);
