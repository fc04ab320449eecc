/**
 * The server's resident memory, sampled every second for the whole run, and whether it settled:
 * a leak shows as memory still climbing at the end of the load, well past the level it reached
 * once the caches had filled and the code had been compiled.
 */
import { residentMemory } from "../lib/memory";

export type MemorySample = { at: number; megabytes: number };

export type MemoryTrend = {
  pid: number;
  before: number;
  settled: number;
  peak: number;
  endOfLoad: number;
  afterChecks: number;
  growth: number;
  stable: boolean;
};

const SAMPLE_INTERVAL_MS = 1000;
// A level is the median of the samples in a window this long: one sample can catch a GC mid-way.
const LEVEL_WINDOW_MS = 5000;
// Caches, connection buffers and the newly published stories may add this much after the warm-up;
// a leak under 200 readers would add far more within a minute.
export const STABLE_GROWTH = 0.2;

/** Samples the process and its children until `stop`, which returns every sample. */
export function watchMemory(pid: number): { stop: () => MemorySample[] } {
  const samples: MemorySample[] = [];
  let sampling = false;
  const timer = setInterval(async () => {
    if (sampling) return;
    sampling = true;
    const { megabytes } = await residentMemory(pid);
    if (megabytes > 0) samples.push({ at: performance.now(), megabytes });
    sampling = false;
  }, SAMPLE_INTERVAL_MS);
  return {
    stop: () => {
      clearInterval(timer);
      return samples;
    },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** The median of the samples between two times, else the sample nearest to the end of that span. */
function levelBetween(samples: MemorySample[], from: number, to: number): number {
  const window = samples.filter((sample) => sample.at >= from && sample.at <= to);
  if (window.length > 0) return median(window.map((sample) => sample.megabytes));
  const distance = (sample: MemorySample) => Math.abs(sample.at - to);
  return samples.reduce((nearest, sample) => (distance(sample) < distance(nearest) ? sample : nearest)).megabytes;
}

/**
 * The load runs from `loadStart` to `loadEnd`; by `warmedUpAt` the caches had filled and every
 * code path had run once, the editor's included.
 */
export function memoryTrend(
  pid: number,
  samples: MemorySample[],
  { loadStart, warmedUpAt, loadEnd }: { loadStart: number; warmedUpAt: number; loadEnd: number },
): MemoryTrend | undefined {
  if (samples.length === 0) return undefined;
  const settled = levelBetween(samples, warmedUpAt, warmedUpAt + LEVEL_WINDOW_MS);
  const endOfLoad = levelBetween(samples, loadEnd - LEVEL_WINDOW_MS, loadEnd);
  const growth = endOfLoad / settled - 1;
  return {
    pid,
    before: levelBetween(samples, loadStart - LEVEL_WINDOW_MS, loadStart),
    settled,
    peak: Math.max(...samples.map((sample) => sample.megabytes)),
    endOfLoad,
    afterChecks: samples.at(-1)!.megabytes,
    growth,
    stable: growth <= STABLE_GROWTH,
  };
}
