import vue from '@vitejs/plugin-vue';
import { exampleConfig } from '../vite.shared.js';

const KIT_TAGS =
  /^(session-provider|signed-(in|out)|active-sessions|(account|organization|workspace)-switcher|sign-out-button)$/;

export default exampleConfig(import.meta.url, {
  plugins: [
    // The kit's tags are custom elements, not Vue components: Vue renders them as they are.
    vue({ template: { compilerOptions: { isCustomElement: (tag) => KIT_TAGS.test(tag) } } }),
  ],
});
