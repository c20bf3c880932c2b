/**
 * How long a first lint of a file may rely on what an earlier lint found on disk. A look at a project costs
 * a few milliseconds (a stat per watched file and folder); once a second, a whole-tree `eslint .` pays it
 * for well under 1 % of its time, while a person switching to another file in the editor rarely does so
 * within a second of another program's change, and the file's next lint sees it anyway.
 */
export const LOOK_WINDOW_MS = 1000;

/**
 * Decides, before each lint, whether what was learnt from the disk (files' stamps, folders' listings,
 * pg-boss manifests) is looked at again or reused. A lint looks again when its file has been linted
 * before in this process (an editor's re-lint, a `--fix` pass, a watch mode, a test that writes a file
 * and lints again), or when the last look is older than the window; a first lint of a file within the
 * window reuses the last look, so a whole-tree lint looks about once a window instead of before every
 * file. What another program changed is therefore missed only by a first lint, only within the window,
 * and never by the next lint of that file. One instance per body of knowledge: each project, the manifests.
 */
export class DiskLook {
  private readonly linted = new Set<string>();
  private lastLookAt: number | undefined;

  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly windowMs = LOOK_WINDOW_MS,
  ) {}

  /**
   * Records a look made now by other means than a lint: the listing of a scan started before any lint
   * asked for one. The window runs from this look, not from when a lint takes the scan up.
   */
  looked(): void {
    this.lastLookAt = this.now();
  }

  /** Whether the last look is within the window: a first lint now would reuse it. */
  isRecent(): boolean {
    return this.lastLookAt !== undefined && this.now() - this.lastLookAt < this.windowMs;
  }

  /** Whether the lint of `file` looks at the disk again; when it does, the window starts again from now. */
  due(file: string): boolean {
    const relint = this.linted.has(file);
    if (!relint) this.linted.add(file);
    const now = this.now();
    if (!relint && this.lastLookAt !== undefined && now - this.lastLookAt < this.windowMs) return false;
    this.lastLookAt = now;
    return true;
  }
}
