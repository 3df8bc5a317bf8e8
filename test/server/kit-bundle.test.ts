import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createKitBundle } from '../../demo/kit-bundle.js';

/**
 * The demo's kit bundle lives in a temporary directory that the server removes when it stops;
 * a server killed outright (SIGKILL, a crash) cannot, so the next one removes it.
 */

let scratch: string;
const savedTmp = process.env.TMPDIR;

before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'session-elements-kit-test-'));
  process.env.TMPDIR = scratch;
});

after(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  rmSync(scratch, { recursive: true, force: true });
});

function planted(pid: number, suffix: string): string {
  const dir = join(scratch, `session-elements-kit-${pid}-${suffix}`);
  mkdirSync(join(dir, '1', 'cdn'), { recursive: true });
  writeFileSync(join(dir, '1', 'session-elements.js'), 'export {};');
  return dir;
}

test('a new bundle removes the build directories of killed demo servers, and only theirs', () => {
  const gone = spawnSync(process.execPath, ['-e', '']).pid!;
  const orphan = planted(gone, 'abc123');
  const running = planted(process.pid, 'def456');
  const unrelated = join(scratch, 'session-elements-kit-notes');
  mkdirSync(unrelated);

  const kit = createKitBundle();
  try {
    assert.equal(existsSync(orphan), false, 'the dead server’s directory is removed');
    assert.equal(existsSync(running), true, 'a running server’s directory stays');
    assert.equal(existsSync(unrelated), true, 'a directory not named by a server stays');
    const own = readdirSync(scratch).filter((name) =>
      name.startsWith(`session-elements-kit-${process.pid}-`),
    );
    assert.equal(own.length, 2, 'the new bundle’s directory is named by its server');
  } finally {
    kit.close();
  }
  assert.deepEqual(
    readdirSync(scratch).sort(),
    ['session-elements-kit-notes', `session-elements-kit-${process.pid}-def456`].sort(),
    'close removes the bundle’s own directory',
  );
});
