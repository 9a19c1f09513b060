// Drives one scenario with autocannon in a worker thread, so the load generator does not share the
// server's event loop. Plain JS (workers do not inherit tsx). Posts back autocannon's summary and
// every response time (ms) for exact percentiles.
import { parentPort, workerData } from "node:worker_threads";
import autocannon from "autocannon";

const { url, paths, headers, connections, duration, amount } = workerData;
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
      method: "GET",
      setupRequest: (request) => {
        const path = paths[next % paths.length];
        next += 1;
        return { ...request, path };
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
