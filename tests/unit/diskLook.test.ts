import { describe, expect, it } from 'vitest';
import { DiskLook, LOOK_WINDOW_MS } from '../../src/util/diskLook';

/** A DiskLook on a clock the test moves by hand. */
function onFakeClock() {
  let now = 0;
  const looks = new DiskLook(() => now);
  return { looks, advance: (ms: number) => (now += ms) };
}

describe('DiskLook', () => {
  it('looks before the first lint of all', () => {
    expect(onFakeClock().looks.due('a.ts')).toBe(true);
  });

  it('lets first lints within the window reuse the last look, as a whole-tree lint does', () => {
    const { looks, advance } = onFakeClock();
    looks.due('a.ts');
    advance(LOOK_WINDOW_MS - 1);
    expect(looks.due('b.ts')).toBe(false);
    expect(looks.due('c.ts')).toBe(false);
  });

  it('looks again at the first lint once the window has passed, and the window starts again from that look', () => {
    const { looks, advance } = onFakeClock();
    looks.due('a.ts');
    advance(LOOK_WINDOW_MS);
    expect(looks.due('b.ts')).toBe(true);
    advance(LOOK_WINDOW_MS - 1);
    expect(looks.due('c.ts')).toBe(false);
    advance(1);
    expect(looks.due('d.ts')).toBe(true);
  });

  it('runs the window from a look made without a lint: the listing of a scan started ahead of the first lint', () => {
    const { looks, advance } = onFakeClock();
    expect(looks.isRecent()).toBe(false);
    looks.looked();
    advance(LOOK_WINDOW_MS - 1);
    expect(looks.isRecent()).toBe(true);
    expect(looks.due('a.ts')).toBe(false);
    advance(1);
    expect(looks.isRecent()).toBe(false);
    expect(looks.due('b.ts')).toBe(true);
  });

  // An editor's re-lint, a `--fix` pass, a test that writes a file and lints again: each must see the disk.
  it('always looks when a file is linted again, however soon', () => {
    const { looks, advance } = onFakeClock();
    looks.due('a.ts');
    expect(looks.due('a.ts')).toBe(true);
    advance(1);
    expect(looks.due('b.ts')).toBe(false);
    expect(looks.due('b.ts')).toBe(true);
    expect(looks.due('a.ts')).toBe(true);
  });

  it('counts the window from a re-lint look too', () => {
    const { looks, advance } = onFakeClock();
    looks.due('a.ts');
    advance(LOOK_WINDOW_MS - 1);
    looks.due('a.ts');
    advance(LOOK_WINDOW_MS - 1);
    expect(looks.due('b.ts')).toBe(false);
  });

  it('keeps a whole-tree lint to one look a window, whatever the number of files', () => {
    const { looks, advance } = onFakeClock();
    let looked = 0;
    // 2,000 files, 2 ms apart: 4 s of linting.
    for (let index = 0; index < 2000; index++) {
      if (looks.due(`file-${index}.ts`)) looked++;
      advance(2);
    }
    expect(looked).toBe(4);
  });
});
