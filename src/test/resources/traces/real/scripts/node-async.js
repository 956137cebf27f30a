// Timers, promises and file-system callbacks: async_hooks events across the event loop.
const fs = require('fs');
const os = require('os');
const path = require('path');

const file = path.join(os.tmpdir(), 'flarescope-node-async.txt');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  await fs.promises.writeFile(file, 'x'.repeat(4096));
  for (let i = 0; i < 5; i++) {
    await sleep(10);
    const data = await fs.promises.readFile(file);
    fs.stat(file, () => {});
    setImmediate(() => data.length);
  }
  await Promise.all([sleep(5), sleep(15), fs.promises.readFile(file)]);
  await fs.promises.unlink(file);
}

main();
