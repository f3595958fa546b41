// Fails loudly when the tests would run on an old Node instead of the Node 24 that `npm ci` installs.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `The tests need Node.js >= 24, found ${process.version}. Run \`npm ci\` first: it installs Node 24 (the \`node\` devDependency) and \`npm test\` then uses it.`,
  );
  process.exit(2);
}
