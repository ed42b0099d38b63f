import fs from 'node:fs';

const TICK = 100; // clock ticks per second on Linux
export function snap(): Map<string, number> {
  const out = new Map<string, number>();
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = ((Number(f[11]) + Number(f[12])) * 1000) / TICK;
      out.set(`${pid}:${comm}`, ms);
    } catch {}
  }
  return out;
}
export function diff(
  a: Map<string, number>,
  b: Map<string, number>,
  self: number,
  child: number | undefined,
): Record<string, number> {
  const g: Record<string, number> = {};
  for (const [k, v] of b) {
    const d = v - (a.get(k) ?? 0);
    if (d <= 0) continue;
    const [pid, comm] = k.split(':');
    const key =
      Number(pid) === self
        ? 'bench(server)'
        : Number(pid) === child
          ? 'load client'
          : comm === 'postgres'
            ? 'postgres'
            : `other:${comm}`;
    g[key] = (g[key] ?? 0) + d;
  }
  return g;
}
