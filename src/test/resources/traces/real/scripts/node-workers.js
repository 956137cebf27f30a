// Two worker threads hashing buffers while the main thread waits: events on several threads of one pid.
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');
const crypto = require('crypto');

if (isMainThread) {
  const runs = [1, 2].map((id) => new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: { id, rounds: 200 } });
    worker.on('message', resolve);
    worker.on('error', reject);
  }));
  Promise.all(runs).then((digests) => console.log(digests.length));
} else {
  let digest = Buffer.alloc(32);
  for (let i = 0; i < workerData.rounds; i++) {
    digest = crypto.createHash('sha256').update(digest).update(Buffer.alloc(16384, i)).digest();
  }
  parentPort.postMessage(digest.toString('hex'));
}
