import solid from 'vite-plugin-solid';
import { exampleConfig } from '../vite.shared.js';

export default exampleConfig(import.meta.url, { plugins: [solid()] });
