// In-process CPU profiles for the bench servers (the inspector's Profiler, what `node --cpu-prof`
// writes), and the summary the bench prints: the top functions by self time.
import { Session } from "node:inspector/promises";
import path from "node:path";

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
export type CpuProfile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples?: number[]; timeDeltas?: number[] };
export type SelfTime = { fn: string; ms: number; pct: number };

let session: Session | undefined;

export async function startProfile(intervalMicros = 200) {
  session ??= new Session();
  try {
    session.connect();
  } catch {
    // already connected
  }
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: intervalMicros });
  await session.post("Profiler.start");
}

export async function stopProfile(): Promise<CpuProfile> {
  const { profile } = (await session!.post("Profiler.stop")) as unknown as { profile: CpuProfile };
  return profile;
}

/** Self time of a profile's busy samples summed by `keyOf(callFrame)`: the top rows and the busy time. */
function selfTimeBy(profile: CpuProfile, keyOf: (frame: CpuProfile["nodes"][number]["callFrame"]) => string, top: number): { rows: SelfTime[]; busyMs: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const micros = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let busy = 0;
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]!);
    const dt = deltas[i + 1] ?? deltas[i] ?? 0;
    if (!node || node.callFrame.functionName === "(idle)") continue;
    const key = keyOf(node.callFrame);
    micros.set(key, (micros.get(key) ?? 0) + dt);
    busy += dt;
  }
  const rows = [...micros.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, us]) => ({ fn, ms: us / 1000, pct: (100 * us) / Math.max(1, busy) }));
  return { rows, busyMs: busy / 1000 };
}

/** Self time per function (name, file, line), idle and the profiler's own nodes left out. */
export function topSelfTime(profile: CpuProfile, top = 10): { rows: SelfTime[]; busyMs: number } {
  return selfTimeBy(
    profile,
    ({ functionName, url, lineNumber }) => {
      const file = url ? path.relative(process.cwd(), url.replace(/^file:\/\//, "")) : "";
      return `${functionName || "(anonymous)"}${file ? ` ${file}:${lineNumber + 1}` : ""}`;
    },
    top,
  );
}

/** Self time by where the code lives: a package (node_modules/<name>), an app folder (lib/pki, lib/server/scan …), or the runtime. */
export function selfTimeByPlace(profile: CpuProfile, top = 8): SelfTime[] {
  return selfTimeBy(profile, ({ url, functionName }) => placeOf(url, functionName), top).rows;
}

function placeOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "native (node built-ins: sockets, crypto)";
  if (url.startsWith("node:")) return "node:internal";
  const file = path.relative(process.cwd(), url.replace(/^file:\/\//, ""));
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (pkg) return pkg[1]!;
  const parts = file.split("/");
  return parts.slice(0, parts[0] === "lib" && parts[1] === "server" ? 3 : 2).join("/");
}
