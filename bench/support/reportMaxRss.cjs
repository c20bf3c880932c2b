// Preloaded with `node -r`: prints the process's peak resident set size when it exits.
process.on('exit', () => {
  process.stderr.write(`\nmaxrss-kb=${process.resourceUsage().maxRSS}\n`);
});
