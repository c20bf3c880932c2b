import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/** What a run with nothing to parse need not load: the parsers and the scope manager. */
const HEAVY_MODULE =
  /node_modules[\\/](oxc-parser|typescript|@typescript-eslint[\\/](parser|typescript-estree|scope-manager))[\\/]/;

/** Ends the CLI's stderr with the heavy modules it loaded. */
const MARKER = '\n<heavy modules> ';

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The parsers and the analysis the run loaded, by package. */
  readonly heavy: readonly string[];
}

/**
 * A built CLI, `bin` (relative to the package), run with `args` in `cwd` in a fresh Node process, with the
 * parsers and the analysis it loaded, read from the modules it required.
 */
export function runCliWatchingModules(bin: string, args: readonly string[], cwd: string): CliRun {
  const script = `process.argv.splice(1, process.argv.length, ${JSON.stringify(path.join(root, bin))}, ...${JSON.stringify(args)});
    process.on('exit', () => {
      const heavy = Object.keys(require.cache).flatMap((file) => ${HEAVY_MODULE}.exec(file)?.[1].replace(/\\\\/g, '/') ?? []);
      process.stderr.write(${JSON.stringify(MARKER)} + JSON.stringify([...new Set(heavy)].sort()));
    });
    require(process.argv[1]);`;
  const { status, stdout, stderr } = spawnSync(process.execPath, ['-e', script], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const marker = stderr.lastIndexOf(MARKER);
  if (marker === -1) throw new Error(`the CLI ended without reporting its modules:\n${stderr}`);
  return {
    status,
    stdout,
    stderr: stderr.slice(0, marker),
    heavy: JSON.parse(stderr.slice(marker + MARKER.length)) as string[],
  };
}
