import type { ActiveSessionsStrings } from './active-sessions.strings.js';
import type { RowModel } from './row-model.js';

/**
 * What tells a row apart, most telling first: where and how recently, then the
 * address, then the first sign-in; rows still alike after all that get "2 of 4".
 */
function clues(row: RowModel, t: ActiveSessionsStrings): string[][] {
  const place = row.locationParts[0];
  // "Active now" is a phrase of its own in every language, not "active" + a relative "now".
  const activity = row.expiredAt
    ? t.expiredWhen(row.expiredAt.text)
    : row.activeNow
      ? t.activeNow
      : row.lastActive && t.activeWhen(row.lastActive.text);
  return [
    [place, activity].filter((clue): clue is string => !!clue),
    row.ip ? [t.fromAddress(row.ip)] : [],
    row.created ? [t.signedInWhen(row.created.text)] : [],
  ];
}

/**
 * The accessible name of each row's button on one page, by sign-in id: four
 * "Sign out of Firefox on Linux" would leave a screen reader user guessing, so
 * each name adds only as many clues as it takes to differ from the others.
 */
export function buttonNames(
  rows: readonly RowModel[],
  t: ActiveSessionsStrings,
): Map<string, string> {
  const join = (parts: string[]) => parts.join(t.detailSeparator);
  const others = rows.filter((row) => !row.current);
  const all = new Map(others.map((row) => [row.id, clues(row, t)]));
  const context = new Map(others.map((row) => [row.id, [...all.get(row.id)![0]]]));
  const name = (row: RowModel) => {
    const details = context.get(row.id)!;
    if (details.length === 0) return (row.expired ? t.removeLabel : t.revokeLabel)(row.title);
    return (row.expired ? t.removeLabelWith : t.revokeLabelWith)(row.title, join(details));
  };
  for (const level of [1, 2]) {
    for (const group of alike(others, name)) {
      for (const row of group) context.get(row.id)!.push(...all.get(row.id)![level]);
    }
  }
  for (const group of alike(others, name)) {
    group.forEach((row, i) => context.get(row.id)!.push(t.nthOf(i + 1, group.length)));
  }
  return new Map(others.map((row) => [row.id, name(row)]));
}

/** The groups of two or more rows that share a name. */
function alike(rows: readonly RowModel[], name: (row: RowModel) => string): RowModel[][] {
  const byName = new Map<string, RowModel[]>();
  for (const row of rows) {
    const key = name(row);
    const group = byName.get(key);
    if (group) group.push(row);
    else byName.set(key, [row]);
  }
  return [...byName.values()].filter((group) => group.length > 1);
}
