import { exampleConfig } from '../vite.shared.js';

// Nothing to bundle but the page's own script: the kit comes from the CDN build.
export default exampleConfig(import.meta.url);
