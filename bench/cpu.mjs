// CPU time per request, split by who spent it: the web server's processes, the database server,
// and the load generator (this process). On a machine where all three share the cores, req/s only
// says how much the sum costs; this says which part a change moved. Linux /proc only.
import fs from 'node:fs';

const TICKS_PER_SECOND = 100;

function stat(pid) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: the fields start after the last ")".
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), seconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

/** CPU seconds of `root` and every live descendant (php -S forks its workers). */
function treeSeconds(root) {
  const all = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const s = stat(entry);
    if (s) all.set(Number(entry), s);
  }
  const inTree = (pid) => {
    for (let p = pid; p > 1; p = all.get(p)?.ppid ?? 0) if (p === root) return true;
    return false;
  };
  let seconds = 0;
  for (const [pid, s] of all) if (inTree(pid)) seconds += s.seconds;
  return seconds;
}

const loadSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/**
 * Starts counting for the processes `{ web: pid, db: pid }`; the returned function gives, for
 * `requests` requests since, the CPU microseconds per request of each and of the load generator.
 * Null when /proc cannot be read (not Linux).
 */
export function cpuMeter(pids) {
  if (!fs.existsSync('/proc/self/stat')) return null;
  const before = { web: treeSeconds(pids.web), db: treeSeconds(pids.db), load: loadSeconds() };
  return (requests) => {
    const per = (seconds, key) => ((seconds - before[key]) / requests) * 1e6;
    return {
      web: per(treeSeconds(pids.web), 'web'),
      db: per(treeSeconds(pids.db), 'db'),
      load: per(loadSeconds(), 'load'),
    };
  };
}

/** "web 780 + db 610 + load 450 = 1840 µs" */
export function formatCpu({ web, db, load }) {
  const n = (v) => v.toFixed(0);
  return `CPU/req: web ${n(web)} + db ${n(db)} + load ${n(load)} = ${n(web + db + load)} µs`;
}
