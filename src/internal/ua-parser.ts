/**
 * ua-parser-js behind an ES module of our own, loaded only by `import()`: the
 * bundler's CommonJS interop then travels in the lazy chunk with the parser
 * instead of in the file every page loads.
 */
export { default as UAParser } from 'ua-parser-js';
