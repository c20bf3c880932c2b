// Preloaded with `node -r`: prints the CPU time of the whole process (every thread, native ones included)
// when it exits. Unlike wall time, it hardly moves when other work shares the machine.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\ncpu-ms=${((user + system) / 1000).toFixed(0)}\n`);
});
