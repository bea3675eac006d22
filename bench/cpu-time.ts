/**
 * Mean CPU time per call in ms (process.cpuUsage, user + system), after a short
 * warm-up, over at least `ms` of CPU time. CPU time rather than wall time: the
 * 2-core machine is shared, and waiting for a core is not cost.
 */
export function cpuPerCall(fn: () => void, ms = 400): number {
  for (let i = 0; i < 3; i++) fn();
  let calls = 0;
  const c0 = process.cpuUsage();
  let used = 0;
  while (used < ms * 1000) {
    fn();
    calls++;
    const c = process.cpuUsage(c0);
    used = c.user + c.system;
  }
  return used / 1000 / calls;
}
