import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { SESSION_EVENTS } from '../../src/events.js';

interface Manifest {
  modules: { declarations?: { customElement?: boolean; events?: { name: string }[] }[] }[];
}

test('SESSION_EVENTS names exactly the events the tags document in custom-elements.json', () => {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as Manifest;
  const documented = new Set(
    manifest.modules
      .flatMap((m) => m.declarations ?? [])
      .filter((d) => d.customElement)
      .flatMap((d) => d.events ?? [])
      .map((e) => e.name),
  );
  assert.deepEqual([...SESSION_EVENTS].sort(), [...documented].sort());
});
