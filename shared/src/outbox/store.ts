// The outbox's copy in localStorage: one key, a JSON array of the calls not yet answered, oldest
// first, shared by the site's tabs. Every change is a read-modify-write of that key, so that tabs
// add and remove their own entries without dropping each other's.
import type { Fields, Op, Who } from '../schemas/calls';
import { REQUEST_ID } from '../schemas/formats';
import { isObj } from '../schemas/guards';

/** A call as it is kept until answered. */
export interface Entry {
  /** The `request_id`: the server applies a call once, however often it is sent. */
  id: string;
  op: Op;
  /** The operation's fields, as sent. */
  f: Fields;
  /** Unchecked: `f` is the page's raw argument, for the lazily loaded checks (outbox.ts). */
  u?: 1;
  /**
   * Who made it; absent for a call made before the first hit answer (it takes that answer's);
   * `{}` for a lead sent without a visitor, which stays so (outbox.ts).
   */
  who?: Who | Nobody;
}

/** No identity: a lead that went out without a visitor because no hit answered (contracts.md). */
export type Nobody = Record<string, never>;

export const KEY = 'leadtrail_outbox';
/** At most this many calls are kept; older ones are dropped (a site cannot fill the storage). */
export const CAP = 500;

/** What is kept longest when there is no room: a person's lead (`request`), callback order and contacts (`visitor_info`). */
const KEPT = /^[rcv]/;

/** The entry of `list` that makes room: the oldest event or property call, else the oldest; never `busy`. */
export const victim = <T extends { op: Op }>(list: T[], busy?: T): T => list.find((e) => e != busy && !KEPT.test(e.op)) || list.find((e) => e != busy)!;

/** Only writes are kept: a read's answer is for the page that asked. */
const WRITES: unknown[] = ['event', 'visitor_info', 'property_set', 'property_delete', 'request', 'callback'];

/**
 * Whether `e` can be sent (the storage is the page's to change). Its values are the server's to
 * check: a bad one is refused, which ends the entry, where a malformed entry would block the line.
 */
const isEntry = (e: unknown): e is Entry =>
  isObj(e) && REQUEST_ID.test(e.id as string) && WRITES.includes(e.op) && isObj(e.f) && (e.who === undefined || isObj(e.who));

/** The stored entries that are well-formed; none when the storage cannot be read. */
export function read(): Entry[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(KEY) || '[]');
    return Array.isArray(list) ? list.filter(isEntry) : [];
  } catch {
    return [];
  }
}

/**
 * An unchecked entry's raw values that JSON has no form for (a function, NaN, a BigInt...) are
 * stored as an object, which every check refuses where the value was, as it refuses the value.
 */
const keep = (_: string, v: unknown) => ((typeof v == 'number' ? isFinite(v) : 'object boolean string undefined'.includes(typeof v)) ? v : { '\0': 0 });

/** Replaces the stored list with `change(list)`, cut to CAP (`victim`); false if the storage failed (unavailable or full). */
export function write(change: (list: Entry[]) => Entry[]): boolean {
  try {
    const list = change(read());
    while (list.length > CAP) list.splice(list.indexOf(victim(list)), 1);
    if (list.length) localStorage.setItem(KEY, JSON.stringify(list, keep));
    else localStorage.removeItem(KEY);
    return true;
  } catch {
    return false;
  }
}
