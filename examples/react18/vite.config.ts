import { exampleConfig } from '../vite.shared.js';

// React comes from this example's own node_modules (React 18), also for the kit's wrappers,
// which would otherwise find the repository's React 19.
export default exampleConfig(import.meta.url, { resolve: { dedupe: ['react', 'react-dom'] } });
