import { expect } from '@open-wc/testing';
import { accountSwitcherStrings } from '../../src/elements/account-switcher/account-switcher.strings.js';
import { activeSessionsStrings } from '../../src/elements/active-sessions/active-sessions.strings.js';
import { organizationSwitcherStrings } from '../../src/elements/organization-switcher/organization-switcher.strings.js';
import { signOutButtonStrings } from '../../src/elements/sign-out-button/sign-out-button.strings.js';
import { workspaceSwitcherStrings } from '../../src/elements/workspace-switcher/workspace-switcher.strings.js';
import { commonStrings } from '../../src/internal/common-strings.js';
import {
  type Message,
  SHIPPED_LOCALES,
  formatMessage,
  placeholdersOf,
} from '../../src/internal/localize.js';

type Table = Record<string, Message>;

/** The English reference: each table's own keys (the shared ones under `common`). */
function englishTables(): Record<string, Table> {
  const common = commonStrings.en as Table;
  const own = (en: object) =>
    Object.fromEntries(Object.entries(en).filter(([key]) => !(key in common))) as Table;
  return {
    common,
    'account-switcher': own(accountSwitcherStrings.en),
    'active-sessions': own(activeSessionsStrings.en),
    'organization-switcher': own(organizationSwitcherStrings.en),
    'sign-out-button': own(signOutButtonStrings.en),
    'workspace-switcher': own(workspaceSwitcherStrings.en),
  };
}

const forms = (message: Message): [string, string][] =>
  typeof message === 'string' ? [['other', message]] : Object.entries(message);

/**
 * Every problem of one translated table against English: missing and unknown
 * keys; a placeholder missing from a form or not in English; `{count}`
 * missing from `other`; plural forms other than the language's categories.
 */
export function problemsOf(
  locale: string,
  english: Record<string, Table>,
  translated: Record<string, Table | undefined>,
): string[] {
  const problems: string[] = [];
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  for (const id of new Set([...Object.keys(english), ...Object.keys(translated)])) {
    const reference = english[id];
    const table = translated[id];
    if (!reference) problems.push(`${id}: unknown table`);
    if (!reference || !table) {
      if (!table) problems.push(`${id}: missing table`);
      continue;
    }
    for (const key of new Set([...Object.keys(reference), ...Object.keys(table)])) {
      const where = `${id}.${key}`;
      if (!(key in table)) problems.push(`${where}: missing`);
      else if (!(key in reference)) problems.push(`${where}: unknown key`);
      else problems.push(...messageProblems(where, reference[key], table[key], categories));
    }
  }
  return problems;
}

function messageProblems(
  where: string,
  reference: Message,
  message: Message,
  categories: string[],
): string[] {
  const problems: string[] = [];
  const expected = new Set(forms(reference).flatMap(([, text]) => placeholdersOf(text)));
  const plural = typeof reference !== 'string';
  if (!plural && typeof message !== 'string') problems.push(`${where}: plural forms on a string`);
  if (plural && categories.some((c) => c !== 'other')) {
    const got = typeof message === 'string' ? ['other'] : Object.keys(message);
    if (got.sort().join() !== [...categories].sort().join()) {
      problems.push(`${where}: plural forms ${got.join()} instead of ${categories.join()}`);
    }
  }
  for (const [form, text] of forms(message)) {
    const names = placeholdersOf(text);
    for (const name of names) {
      if (!expected.has(name)) problems.push(`${where}.${form}: unknown placeholder {${name}}`);
    }
    for (const name of expected) {
      // Only a plural form may leave the number out ("one device", "جهازين").
      const optional = name === 'count' && form !== 'other';
      if (!optional && !names.includes(name)) problems.push(`${where}.${form}: lacks {${name}}`);
    }
  }
  return problems;
}

describe('shipped locales', () => {
  const english = englishTables();

  it('ship the ten languages, English built in', () => {
    expect([...SHIPPED_LOCALES].sort()).to.deep.equal(
      ['ar', 'de', 'en', 'es', 'fr', 'he', 'ja', 'ko', 'pt-BR', 'zh-CN'].sort(),
    );
  });

  for (const locale of SHIPPED_LOCALES.filter((tag) => tag !== 'en')) {
    it(`${locale}: every key, placeholder and plural form, nothing extra`, async () => {
      const module = (await import(`../../src/locales/${locale}.ts`)) as {
        default: Record<string, Table>;
      };
      expect(problemsOf(locale, english, module.default)).to.deep.equal([]);
    });
  }

  it('the check itself catches a missing key, a lost or unknown placeholder and plural gaps', () => {
    const broken = {
      ...english,
      'active-sessions': {
        ...english['active-sessions'],
        listLabel: undefined as unknown as string,
        revokeLabel: 'Sign out',
        revoked: 'Signed out of {device} {when}.',
        revokedOthers: { other: 'Signed out.' },
        surprise: 'Hello',
      },
    };
    delete (broken['active-sessions'] as Partial<Table>).listLabel;
    expect(problemsOf('en', english, broken)).to.deep.equal([
      'active-sessions.listLabel: missing',
      'active-sessions.revokeLabel.other: lacks {device}',
      'active-sessions.revoked.other: unknown placeholder {when}',
      'active-sessions.revokedOthers: plural forms other instead of one,other',
      'active-sessions.revokedOthers.other: lacks {count}',
      'active-sessions.surprise: unknown key',
    ]);
  });
});

describe('formatMessage', () => {
  it('picks every Arabic plural form and formats the number in the locale', () => {
    const message = {
      zero: 'z',
      one: 'o',
      two: 't',
      few: 'f {count}',
      many: 'm {count}',
      other: 'x {count}',
    };
    const shown = [0, 1, 2, 3, 11, 100].map((count) => formatMessage(message, 'ar', { count }));
    const digits = (n: number) => new Intl.NumberFormat('ar').format(n);
    expect(shown).to.deep.equal([
      'z',
      'o',
      't',
      `f ${digits(3)}`,
      `m ${digits(11)}`,
      `x ${digits(100)}`,
    ]);
  });

  it('uses `other` for Japanese and groups digits for German', () => {
    expect(formatMessage({ other: '{count} 台' }, 'ja', { count: 1 })).to.equal('1 台');
    expect(
      formatMessage('{from}–{to} von {total}', 'de', { from: 1, to: 3, total: 1200 }),
    ).to.equal('1–3 von 1.200');
  });

  it('isolates inserted text in right-to-left languages only', () => {
    expect(formatMessage('ניתוק {device}', 'he', { device: 'Chrome on macOS' })).to.equal(
      'ניתוק \u2068Chrome on macOS\u2069',
    );
    expect(formatMessage('Sign out of {device}', 'en', { device: 'Chrome' })).to.equal(
      'Sign out of Chrome',
    );
  });
});
