import { expect } from '@open-wc/testing';
import { mount, part, rows } from './active-sessions.helpers.js';
import { waitUntil } from '../helpers/wait-until.js';

/**
 * `<active-sessions>` loads what draws its rows (listing-view.ts) with
 * `import()` beside the first list request. Here that load fails: this file
 * has the page to itself, since the browser remembers a failed module for the
 * page's lifetime.
 */
describe('<active-sessions>: the rows’ code cannot be loaded', () => {
  after(() => fetch('/__test/fail-next?path='));

  it('says so with "Try again" instead of a skeleton forever, and tries again on it', async () => {
    await fetch('/__test/fail-next?path=/listing-view.');
    const { element } = await mount({ settle: false });
    await waitUntil(() => part(element, 'error'), 'no error after the code failed to load');
    expect(rows(element)).to.have.length(0);
    part(element, 'retry-button')!.click();
    await element.updateComplete;
    expect(part(element, 'error'), 'the retry did not start').to.equal(null);
    // Chromium keeps a failed module failed for the page's life; elsewhere the rows come.
    await waitUntil(
      () => rows(element).length > 0 || part(element, 'error'),
      'the retry never settled',
    );
  });
});
