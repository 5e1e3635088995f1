// The `__cs` command queue (R3, F4; contracts.md, "Runtime globals").
import { error, warn } from '../util/log';

// Commands take whatever the page passes; each handler checks its own arguments.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (...args: any[]) => void;
export type Commands = Record<string, Handler>;

export interface Queue {
  /** Runs or queues one `[name, ...args]` command. Never throws. */
  push(command: unknown): void;
  /** Runs the waiting commands in order; from then on commands run at once. */
  open(): void;
}

type Call = [name: string, fn: Handler, args: unknown[]];

/** The table's own function `name` (a table may hold other values too). */
const lookup = (table: Commands, name: string) => ({}).hasOwnProperty.call(table, name) && typeof table[name] == 'function' && table[name];

function run([name, fn, args]: Call) {
  try {
    fn(...args);
  } catch (e) {
    error(`__cs command "${name}" failed:`, e);
  }
}

/**
 * `config` commands run at once, `commands` wait until `open()` and then run in the order they
 * were pushed. Unknown or malformed commands are reported once per name and dropped.
 */
export function createQueue(config: Commands, commands: Commands): Queue {
  const waiting: Call[] = [];
  const warned = new Set<string>();
  let isOpen = false;

  return {
    push(command) {
      const ok = Array.isArray(command) && typeof command[0] == 'string';
      const name: string = ok ? command[0] : '';
      const now = lookup(config, name);
      const call: Call = [name, now || (lookup(commands, name) as Handler), ok ? command.slice(1) : []];
      if (!call[1]) {
        // The command itself goes along, so the console shows what the page pushed.
        if (!warned.has(name)) warn(ok ? `unknown __cs command "${name}" ignored.` : 'bad __cs command:', command);
        warned.add(name);
      } else if (now || isOpen) run(call);
      else waiting.push(call);
    },
    open() {
      // A command may push more: they join the end of the line, so the order holds.
      for (let next; (next = waiting.shift());) run(next);
      isOpen = true;
    },
  };
}
