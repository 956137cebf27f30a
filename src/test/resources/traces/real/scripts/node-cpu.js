// A CPU-bound loop with a few garbage-collection cycles: v8 compile, GC and execution events.
function work(n) {
  let acc = 0;
  for (let i = 0; i < n; i++) {
    acc = (acc + Math.sqrt(i) * 31) % 1000003;
  }
  return acc;
}

const chunks = [];
for (let round = 0; round < 20; round++) {
  chunks.push(new Array(20000).fill(round).map((v, i) => ({ v, i })));
  if (chunks.length > 4) {
    chunks.shift();
  }
  work(200000);
}
console.log(chunks.length);
