import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

// Whether another process used the CPU while a run was being timed: the CPU time of every process
// that is neither this one nor one of its descendants (Chromium, preview servers), read from /proc
// before and after the run, as a share of one core over the run's wall time.

/** A run during which other processes used more than this share of one core counts as busy. */
export const busyShareOfCore = 0.25;

interface ProcessTimes {
  readonly ppid: number;
  /** Its command name, as /proc/<pid>/stat gives it. */
  readonly name: string;
  /** When it started, in clock ticks since boot: with the pid, it names one process. */
  readonly start: number;
  /** utime + stime, in clock ticks. */
  readonly own: number;
  /** cutime + cstime: what its children used that it has waited for, in clock ticks. */
  readonly reaped: number;
}

interface Snapshot {
  readonly at: number;
  readonly processes: ReadonlyMap<number, ProcessTimes>;
  /** Every CPU's busy ticks from /proc/stat (all but idle and iowait), for the whole machine. */
  readonly machineBusy: number | undefined;
}

/** Clock ticks per second of /proc's CPU times (USER_HZ): 100 on every Linux the bench runs on. */
const ticksPerSecond = 100;

/** `/proc/<pid>/stat`, or undefined when the process has gone or cannot be read. */
function readProcess(pid: number): ProcessTimes | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name is in parentheses and may contain spaces and parentheses: split after it.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // Fields from the state (field 3): ppid 4, utime 14, stime 15, cutime 16, cstime 17, start 22.
  const field = (number: number) => Number(fields[number - 3]);
  const times = {
    name: text.slice(text.indexOf('(') + 1, text.lastIndexOf(')')),
    ppid: field(4),
    start: field(22),
    own: field(14) + field(15),
    reaped: field(16) + field(17),
  };
  const { name, ...numbers } = times;
  return Object.values(numbers).every(Number.isFinite) ? times : undefined;
}

function readMachineBusy(): number | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const [label, ...values] = line.trim().split(/\s+/);
    if (label !== 'cpu') return undefined;
    // user nice system idle iowait irq softirq steal (guest time is already in user and nice).
    const ticks = values.slice(0, 8).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = ticks;
    const busy = [user, nice, system, irq, softirq, steal].reduce<number>(
      (sum, value) => sum + (value ?? 0),
      0,
    );
    return Number.isFinite(busy) ? busy : undefined;
  } catch {
    return undefined;
  }
}

/** Every process /proc lists; undefined where there is no /proc. */
function snapshot(): Snapshot | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  const processes = new Map<number, ProcessTimes>();
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const times = readProcess(Number(entry));
    if (times) processes.set(Number(entry), times);
  }
  if (!processes.has(process.pid)) return undefined;
  return { at: performance.now(), processes, machineBusy: readMachineBusy() };
}

/**
 * Processes that were ever this one or below it, as `pid:start`: a process stays the bench's own
 * after its parent has gone and it has been handed to init (Chromium's renderers, as a browser
 * closes), so what it uses while it winds down is not taken for another process's load.
 */
const everOwn = new Set<string>();

const processKey = (pid: number, times: ProcessTimes) => `${pid}:${times.start}`;

/** This process and every process below it, by parent links, in either snapshot, or ever so. */
function ownTree(...snapshots: readonly Snapshot[]): Set<number> {
  const children = new Map<number, number[]>();
  for (const { processes } of snapshots) {
    for (const [pid, { ppid }] of processes) {
      const list = children.get(ppid) ?? [];
      if (!list.includes(pid)) list.push(pid);
      children.set(ppid, list);
    }
  }
  const tree = new Set<number>();
  const stack = [process.pid];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    if (tree.has(pid)) continue;
    tree.add(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  for (const { processes } of snapshots) {
    for (const [pid, times] of processes) {
      const key = processKey(pid, times);
      if (tree.has(pid)) everOwn.add(key);
      else if (everOwn.has(key)) tree.add(pid);
    }
  }
  return tree;
}

/** This process's ancestors: init among them, which waits for orphans, the bench's included. */
function ancestors(snapshot: Snapshot): Set<number> {
  const found = new Set<number>([1]);
  let pid = snapshot.processes.get(process.pid)?.ppid;
  while (pid !== undefined && pid > 0 && !found.has(pid)) {
    found.add(pid);
    pid = snapshot.processes.get(pid)?.ppid;
  }
  return found;
}

/**
 * Ticks a set of processes used between two snapshots, with what their children used that they
 * waited for meanwhile, except for the processes in `notReaped`: init and the bench's ancestors
 * wait for the bench's orphans, whose whole lifetime would show up as theirs.
 */
function ticksUsed(
  before: Snapshot,
  after: Snapshot,
  pids: Iterable<number>,
  notReaped: ReadonlySet<number> = new Set(),
): { ticks: number; busiest: string | undefined } {
  let ticks = 0;
  let busiest: { name: string; ticks: number } | undefined;
  for (const pid of pids) {
    const end = after.processes.get(pid);
    if (!end) continue; // Gone before the end: what it used cannot be read any more.
    const found = before.processes.get(pid);
    // A process seen only at the end, or under a reused pid, started during the run.
    const start = found && found.start === end.start ? found : undefined;
    const used =
      end.own - (start?.own ?? 0) + (notReaped.has(pid) ? 0 : end.reaped - (start?.reaped ?? 0));
    ticks += used;
    if (used > (busiest?.ticks ?? 0)) busiest = { name: `${end.name} (pid ${pid})`, ticks: used };
  }
  return { ticks, busiest: busiest?.name };
}

export interface MachineLoad {
  /** CPU time of other processes over the run's wall time, in cores; undefined without /proc. */
  readonly othersCpuShare: number | undefined;
  /** The other process that used the most CPU time, e.g. "node (pid 1234)". */
  readonly busiest: string | undefined;
  /** CPU time of this process and its descendants, the same way. */
  readonly ownCpuShare: number | undefined;
  /** The same CPU time in milliseconds: the work the run's own processes did, however long it took. */
  readonly ownCpuMs: number | undefined;
  /** Busy CPU time of the whole machine, from /proc/stat, the same way. */
  readonly machineCpuShare: number | undefined;
  readonly wallMs: number;
  /** Whether `othersCpuShare` is over `busyShareOfCore`: false when it is unknown. */
  readonly busy: boolean;
}

/**
 * Runs `run` and reports, beside its result, how much CPU other processes used meanwhile.
 * Processes that start during the run count from zero; those that end count through their parent
 * once it has waited for them, else not at all. Without /proc the load is unknown, never busy.
 */
export async function measureWhileWatching<T>(
  run: () => Promise<T>,
): Promise<{ result: T } & MachineLoad> {
  const before = snapshot();
  const started = performance.now();
  const result = await run();
  const wallMs = performance.now() - started;
  const after = before ? snapshot() : undefined;
  if (!before || !after || after.at <= before.at) {
    return {
      result,
      othersCpuShare: undefined,
      ownCpuShare: undefined,
      ownCpuMs: undefined,
      machineCpuShare: undefined,
      busiest: undefined,
      wallMs,
      busy: false,
    };
  }
  const tree = ownTree(before, after);
  const others = [...after.processes.keys()].filter((pid) => !tree.has(pid));
  const cores = (ticks: number) => ticks / ticksPerSecond / ((after.at - before.at) / 1000);
  const othersUsed = ticksUsed(before, after, others, ancestors(after));
  const othersCpuShare = cores(othersUsed.ticks);
  const ownUsed = ticksUsed(before, after, tree);
  const machineCpuShare =
    before.machineBusy === undefined || after.machineBusy === undefined
      ? undefined
      : cores(after.machineBusy - before.machineBusy);
  return {
    result,
    othersCpuShare,
    busiest: othersUsed.busiest,
    ownCpuShare: cores(ownUsed.ticks),
    ownCpuMs: (ownUsed.ticks / ticksPerSecond) * 1000,
    machineCpuShare,
    wallMs,
    busy: othersCpuShare > busyShareOfCore,
  };
}

/** "0.8 of a core" */
export function describeShare(share: number): string {
  return `${share.toFixed(1)} of a core`;
}
