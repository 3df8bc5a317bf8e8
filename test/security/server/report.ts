import assert from 'node:assert/strict';
import { after } from 'node:test';
import type { App, Ignored, Snapshot } from '../../server/fixture.js';

/**
 * Shared pieces of the adversarial server suite: a whole-database snapshot to
 * prove an attack changed nothing, the error shape every refusal must have,
 * and the one summary line each file prints at its end.
 */

export type { Ignored, Snapshot } from '../../server/fixture.js';

/** Everything the app has stored, on any store (see `App.snapshot`); `ignore` drops columns. */
export function snapshot(app: App, ignore: Ignored = {}): Promise<Snapshot> {
  return app.snapshot(ignore);
}

export interface Answer {
  status: number;
  json: unknown;
  headers: Headers;
  text: string;
}

/** A refusal: a 4xx status from `allowed`, the `{ error: { code, message } }` body, no cookie set. */
export function assertRefused(answer: Answer, allowed: readonly number[], what: string): void {
  assert.ok(
    allowed.includes(answer.status),
    `${what}: expected one of ${allowed.join('/')}, got ${answer.status} ${answer.text.slice(0, 200)}`,
  );
  const error = (answer.json as { error?: { code?: unknown; message?: unknown } } | undefined)
    ?.error;
  assert.equal(typeof error?.code, 'string', `${what}: error.code in ${answer.text.slice(0, 200)}`);
  assert.equal(typeof error?.message, 'string', `${what}: error.message`);
  assert.match(answer.headers.get('content-type') ?? '', /^application\/json/, `${what}: JSON`);
  assert.deepEqual(answer.headers.getSetCookie(), [], `${what}: a refusal sets no cookie`);
}

/** Counts of one family of attacks, printed once when the file's tests are done. */
export class Tally {
  tried = 0;
  refused = 0;
  leaked = 0;
  readonly failures: string[] = [];

  constructor(readonly family: string) {
    after(() => console.log(this.line()));
  }

  /** Runs one attempt; a thrown assertion counts it as not refused and is rethrown. */
  async attempt(what: string, probe: () => Promise<void>): Promise<void> {
    this.tried++;
    try {
      await probe();
      this.refused++;
    } catch (error) {
      this.failures.push(what);
      throw error;
    }
  }

  /** Fails the attempt if any secret shows up in what an attacker got back. */
  checkLeaks(what: string, received: string, secrets: Iterable<string>): void {
    const found = findAll(received, secrets);
    if (found.length) this.leaked++;
    assert.deepEqual(found, [], `${what}: the answer carried a secret`);
  }

  line(): string {
    return `security ${this.family}: tried ${this.tried}, refused ${this.refused}, leaked ${this.leaked}`;
  }
}

/** Every needle found in the haystack, compared case-insensitively (cookie names lower-case tokens). */
export function findAll(haystack: string, needles: Iterable<string>): string[] {
  const lower = haystack.toLowerCase();
  return [...needles].filter((needle) => needle !== '' && lower.includes(needle.toLowerCase()));
}
