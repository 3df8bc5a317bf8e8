// Vue 3 renders the kit's tags as custom elements (vite.config.ts: isCustomElement) and sets
// `:strings` as a property because the element has one. session-elements/types/vue types the
// tags for vue-tsc, so a misspelt attribute or a wrong handler fails the typecheck.
import { createApp } from 'vue';
import 'session-elements/define';
import type {} from 'session-elements/types/vue';
import AccountPage from './AccountPage.vue';

createApp(AccountPage).mount('#app');
