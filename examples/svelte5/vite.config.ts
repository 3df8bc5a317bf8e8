import { svelte } from '@sveltejs/vite-plugin-svelte';
import { exampleConfig } from '../vite.shared.js';

export default exampleConfig(import.meta.url, { plugins: [svelte()] });
