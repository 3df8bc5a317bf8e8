import { expect } from '@open-wc/testing';
import { parseOrigins, safeHref, safeImageSrc, safeRedirect } from '../../src/internal/safe-url.js';
import { FOREIGN_URLS, SCRIPT_URLS } from '../security/browser/hostile-urls.js';

describe('URL policy', () => {
  describe('safeHref', () => {
    for (const url of SCRIPT_URLS) {
      it(`refuses ${JSON.stringify(url)}`, () => {
        expect(safeHref(url)).to.equal(undefined);
      });
    }

    for (const url of ['/bye', 'bye', '?page=2', '#top', 'https://app.example/x', 'HTTP://A.B/']) {
      it(`keeps ${JSON.stringify(url)} unchanged`, () => {
        expect(safeHref(url)).to.equal(url);
      });
    }

    it('refuses nothing at all and non-strings', () => {
      expect(safeHref(undefined)).to.equal(undefined);
      expect(safeHref('')).to.equal(undefined);
      expect(safeHref(42 as unknown as string)).to.equal(undefined);
    });

    it('refuses URLs that do not parse', () => {
      expect(safeHref('http://[::1')).to.equal(undefined);
      expect(safeHref('https://exa%mple.com/')).to.equal(undefined);
    });
  });

  describe('safeRedirect', () => {
    const allowed = ['https://app.example'];

    for (const url of [...SCRIPT_URLS, ...FOREIGN_URLS]) {
      it(`refuses ${JSON.stringify(url)}`, () => {
        expect(safeRedirect(url, allowed)).to.equal(undefined);
      });
    }

    it('follows relative and same-origin URLs', () => {
      expect(safeRedirect('/bye')).to.equal('/bye');
      expect(safeRedirect('bye?x=1')).to.equal('bye?x=1');
      expect(safeRedirect(`${location.origin}/bye`)).to.equal(`${location.origin}/bye`);
    });

    it('follows allow-listed origins, however the list spells them', () => {
      expect(safeRedirect('https://app.example/x', allowed)).to.equal('https://app.example/x');
      expect(safeRedirect('https://APP.example:443/x', ['https://app.example/'])).to.equal(
        'https://APP.example:443/x',
      );
      expect(safeRedirect('https://app.example/x')).to.equal(undefined);
      expect(safeRedirect('http://app.example/x', allowed)).to.equal(undefined);
      expect(safeRedirect('https://app.example:8443/x', allowed)).to.equal(undefined);
    });
  });

  describe('parseOrigins', () => {
    it('normalizes origins and drops what is not an http(s) origin', () => {
      expect(
        parseOrigins('  https://Id.Example/logout  http://localhost:8080 javascript:x /rel null '),
      ).to.deep.equal(['https://id.example', 'http://localhost:8080']);
      expect(parseOrigins(['https://a.example', 'https://a.example/'])).to.deep.equal([
        'https://a.example',
      ]);
      expect(parseOrigins(undefined)).to.deep.equal([]);
    });
  });

  describe('safeImageSrc', () => {
    it('loads http(s), relative, blob and data:image only', () => {
      expect(safeImageSrc('/a.png')).to.equal('/a.png');
      expect(safeImageSrc('data:image/png;base64,AAAA')).to.equal('data:image/png;base64,AAAA');
      expect(safeImageSrc('blob:https://app.example/1')).to.equal('blob:https://app.example/1');
      for (const url of SCRIPT_URLS.filter((u) => !u.startsWith('blob:'))) {
        expect(safeImageSrc(url), url).to.equal(undefined);
      }
    });
  });
});
