import vue from '@vitejs/plugin-vue';
import { exampleConfig } from '../vite.shared.js';

export default exampleConfig(import.meta.url, {
  plugins: [
    // The kit's tags are custom elements, not Vue components: Vue renders them as they are.
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.includes('-') } } }),
  ],
});
