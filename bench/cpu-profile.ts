// Reads a V8 .cpuprofile (from `node --cpu-prof`) and prints self time by package or file, and the hottest functions.
type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
export type CpuProfile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

/** Where a script lives: `pkg:<name>` for dependencies, the repo path for our own, `(native)` otherwise. */
function owner(url: string, root: string): string {
  if (!url) return "(native/idle/gc)";
  const p = url.replace(/^file:\/\//, "");
  const mod = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(p);
  if (mod) return `pkg:${mod[1]}`;
  if (p.startsWith("node:")) return p;
  return p.startsWith(root) ? p.slice(root.length) : p;
}

export function summarizeProfile(profile: CpuProfile, root: string, top = 25) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byOwner = new Map<string, number>();
  const byFn = new Map<string, number>();
  let total = 0;
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const fn = n.callFrame.functionName || "(anonymous)";
    if (fn === "(idle)" || fn === "(program)" && false) continue;
    total += us;
    const o = fn === "(garbage collector)" ? "(gc)" : owner(n.callFrame.url, root);
    byOwner.set(o, (byOwner.get(o) ?? 0) + us);
    const key = `${fn} ${owner(n.callFrame.url, root)}:${n.callFrame.lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + us);
  }
  const print = (title: string, m: Map<string, number>) => {
    console.info(`\n${title} (busy ${(total / 1000).toFixed(0)} ms):`);
    for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.info(`  ${((us / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
  };
  print("self time by package / file", byOwner);
  print("hottest functions (self time)", byFn);
}
