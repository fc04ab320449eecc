import net from "node:net";

export type PortRange = { first: number; last: number };

// Benchmarks and their tests share machines with other servers; they keep to one known range.
const BENCH_PORTS: PortRange = { first: 8300, last: 8399 };

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen({ port, host: "0.0.0.0", exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** A port in the range (the benchmark's by default) nobody listens on right now. */
export async function findFreePort({ first, last }: PortRange = BENCH_PORTS): Promise<number> {
  for (let port = first; port <= last; port++) {
    if (await isFree(port)) return port;
  }
  throw new Error(`No free port between ${first} and ${last}`);
}
