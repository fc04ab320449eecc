import net from "node:net";

// Benchmarks and their tests share machines with other servers; they keep to one known range.
const BENCH_PORTS = { first: 8300, last: 8399 };

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen({ port, host: "0.0.0.0", exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** A port in the benchmark range nobody listens on right now. */
export async function findFreePort(): Promise<number> {
  for (let port = BENCH_PORTS.first; port <= BENCH_PORTS.last; port++) {
    if (await isFree(port)) return port;
  }
  throw new Error(`No free port between ${BENCH_PORTS.first} and ${BENCH_PORTS.last}`);
}
