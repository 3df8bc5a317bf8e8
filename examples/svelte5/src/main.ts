// Svelte 5 sets a prop on a custom element as a property when the element has one, so the tags
// are registered before the first render. session-elements/types/svelte types the tags for
// svelte-check: a misspelt attribute or a wrong handler fails the check.
import { mount } from 'svelte';
import 'session-elements/define';
import type {} from 'session-elements/types/svelte';
import AccountPage from './AccountPage.svelte';

mount(AccountPage, { target: document.getElementById('app')! });
