// Drives one scenario with autocannon in a worker thread, so the load generator does not share the
// server's event loop. Plain JS (workers do not inherit tsx). Posts back autocannon's summary and
// every response time (ms) for exact percentiles.
import { parentPort, workerData } from "node:worker_threads";
import autocannon from "autocannon";

const { url, paths, headers, connections, duration, amount, method = "GET", bodies } = workerData;
let next = 0;
const times = [];
const statuses = {};
const instance = autocannon({
  url,
  connections,
  duration,
  ...(amount ? { amount } : {}),
  headers,
  requests: [
    {
      method,
      setupRequest: (request) => {
        const index = next;
        next += 1;
        const path = paths[index % paths.length];
        if (!bodies) {
          return { ...request, path };
        }
        // Writes: a JSON body per request and a fresh Idempotency-Key, as a phone would send.
        return {
          ...request,
          path,
          body: bodies[index % bodies.length],
          headers: { ...request.headers, "content-type": "application/json", "idempotency-key": `bench-${process.pid}-${index}` },
        };
      },
    },
  ],
});
instance.on("response", (_client, statusCode, _bytes, responseTime) => {
  times.push(responseTime);
  statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
});
instance.on("done", (result) => {
  parentPort.postMessage({
    total: result.requests.total,
    durationSeconds: result.duration,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statuses,
    times,
  });
});
