// autocannon ships no types; these cover the part of its API the benchmark and the load test use.
declare module "autocannon" {
  type Histogram = { average: number; p50: number; p90: number; p99: number; max: number; total: number };

  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    headers?: Record<string, string>;
    timeout?: number;
    // Each connection asks for these paths in turn, over and over.
    requests?: Array<{ path: string }>;
  };

  export type Result = {
    requests: Histogram;
    latency: Histogram;
    throughput: Histogram;
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
  };

  /** A running load: a promise of its result that also reports each answer as it comes. */
  export type Instance = PromiseLike<Result> & {
    on(
      event: "response",
      listener: (client: unknown, statusCode: number, bytes: number, milliseconds: number) => void,
    ): Instance;
    on(event: "reqError", listener: (error: Error) => void): Instance;
    stop(): void;
  };

  export default function autocannon(options: Options): Instance;
}
