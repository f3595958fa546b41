#!/usr/bin/env node
// Plain JavaScript on purpose: this guard must run (and explain itself) on an old Node before any
// TypeScript is loaded. omarc relies on Node 24 (type stripping, Vitest 5, Astro 7).
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `omarc 需要 Node.js 24 或更高版本，当前为 ${process.version}。\n` +
      `omarc needs Node.js >= 24 (found ${process.version}). Run it through npm (\`npm run …\`, \`npx omarc …\`) ` +
      'after `npm ci`: the project installs Node 24 as a dependency and npm puts it first on PATH.\n',
  );
  process.exit(2);
}
// `omarc check | head`: a reader that stops early is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
