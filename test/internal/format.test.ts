import { expect } from '@open-wc/testing';
import {
  countryName,
  flagEmoji,
  formatDate,
  formatDateTime,
  maskIp,
  parseDate,
  relativeTime,
  truncate,
} from '../../src/internal/format.js';

const NOW = Date.UTC(2026, 10, 22, 12);
const ago = (ms: number) => new Date(NOW - ms);
const MIN = 60_000;

describe('format', () => {
  it('relativeTime: now, minutes, hours, yesterday, weeks, months, future', () => {
    expect(relativeTime(ago(20_000), NOW, 'en')).to.equal('now');
    expect(relativeTime(ago(5 * MIN), NOW, 'en')).to.equal('5 minutes ago');
    expect(relativeTime(ago(59 * MIN), NOW, 'en')).to.equal('59 minutes ago');
    expect(relativeTime(ago(3 * 60 * MIN), NOW, 'en')).to.equal('3 hours ago');
    expect(relativeTime(ago(26 * 60 * MIN), NOW, 'en')).to.equal('yesterday');
    expect(relativeTime(ago(15 * 1440 * MIN), NOW, 'en')).to.equal('2 weeks ago');
    expect(relativeTime(ago(70 * 1440 * MIN), NOW, 'en')).to.equal('2 months ago');
    expect(relativeTime(ago(-3 * 1440 * MIN), NOW, 'en')).to.equal('in 3 days');
    expect(relativeTime(ago(5 * MIN), NOW, 'de')).to.equal('vor 5 Minuten');
    expect(relativeTime(ago(5 * MIN), NOW, 'not a locale!!')).to.equal('5 minutes ago');
  });

  it('parseDate: ISO strings only, nothing invalid', () => {
    expect(parseDate('2026-11-22T12:00:00Z')!.getTime()).to.equal(NOW);
    for (const bad of [undefined, null, '', 'not a date', 42, {}]) {
      expect(parseDate(bad)).to.equal(undefined);
    }
  });

  it('formatDate and formatDateTime follow the language', () => {
    const date = new Date(NOW);
    expect(formatDate(date, 'en')).to.equal('Nov 22, 2026');
    expect(formatDate(date, 'de')).to.equal('22.11.2026');
    expect(formatDateTime(date, 'en')).to.contain('November 22, 2026');
  });

  it('flagEmoji and countryName from alpha-2 codes only', () => {
    expect(flagEmoji('PT')).to.equal('🇵🇹');
    expect(flagEmoji('de')).to.equal('🇩🇪');
    for (const bad of ['', 'ZZZ', '<b>', 'P1', undefined, 7]) expect(flagEmoji(bad)).to.equal('');
    expect(countryName('PT', 'en')).to.equal('Portugal');
    expect(countryName('DE', 'de')).to.equal('Deutschland');
    expect(countryName('12', 'en')).to.equal(undefined);
  });

  it('maskIp keeps only the network part and never leaks a non-address', () => {
    expect(maskIp('85.240.12.34')).to.equal('85.240.12.0/24');
    expect(maskIp('2001:818:e2a1:1f00::12')).to.equal('2001:818:e2a1::/48');
    expect(maskIp('::1')).to.equal('0:0:0::/48');
    expect(maskIp('2001:0db8:0000:0042:0000:8a2e:0370:7334')).to.equal('2001:db8:0::/48');
    for (const bad of ['999.1.1.1', '1.2.3', 'hello', '<svg onload=x>', '1::2::3', undefined]) {
      expect(maskIp(bad), String(bad)).to.equal(undefined);
    }
  });

  it('truncate cuts with an ellipsis and never splits an emoji', () => {
    expect(truncate('short', 10)).to.equal('short');
    expect(truncate('abcdefghij', 5)).to.equal('abcd…');
    const cut = truncate('abc😀def', 5);
    expect(cut).to.equal('abc…');
    expect(truncate('x'.repeat(10_000), 80).length).to.equal(80);
  });
});
