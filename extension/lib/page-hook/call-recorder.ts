import type { CallRecord } from '../messages/call-record';
import { describeError, toJsonSafe } from './to-json-safe';

export interface RecorderOptions {
  /** Receives the record each time it changes (start, return, answer). */
  emit(call: CallRecord): void;
  /** A monotonic clock in ms, for durations. */
  now(): number;
  /** The wall clock in ms since the epoch, for timestamps. */
  wallClock(): number;
  /** Makes ids unique across documents, so a log kept over navigations has no clashes. */
  idPrefix: string;
}

export interface CallRecorder {
  /** Calls `fn` as the page asked, recording the call, its answer and how long it took. */
  invoke(path: string, fn: (...args: unknown[]) => unknown, thisArg: unknown, args: unknown[]): unknown;
  /**
   * Runs `start`, marking the first call it makes as the inspector's; resolves with that call's
   * record once it has settled (or at once with undefined if `start` made no recorded call).
   */
  runAsInspector(start: () => void): Promise<CallRecord | undefined>;
}

type Settled = (call: CallRecord) => void;

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as PromiseLike<unknown>).then === 'function';
}

export function createCallRecorder({ emit, now, wallClock, idPrefix }: RecorderOptions): CallRecorder {
  let counter = 0;
  // Calls made while a recorded call runs are the runtime's own business, not the page's.
  let depth = 0;
  let inspectorWaiting: Settled | undefined;

  function invoke(path: string, fn: (...args: unknown[]) => unknown, thisArg: unknown, args: unknown[]): unknown {
    if (depth > 0) return Reflect.apply(fn, thisArg, args);
    const settledFor = inspectorWaiting;
    inspectorWaiting = undefined;
    const record: CallRecord = {
      id: `${idPrefix}:${++counter}`,
      at: wallClock(),
      path,
      origin: settledFor ? 'inspector' : 'page',
      args: args.map(toJsonSafe),
      status: 'returned',
    };
    const started = now();
    let hasReturned = false;
    let hasAnswer = false;

    const publish = () => {
      const snapshot = { ...record };
      emit(snapshot);
      if (record.status !== 'waiting') settledFor?.(snapshot);
    };
    const settle = (status: 'answered' | 'rejected', value: unknown) => {
      if (hasAnswer) return;
      hasAnswer = true;
      record.status = status;
      record.ms = now() - started;
      if (status === 'answered') record.answer = toJsonSafe(value);
      else record.error = describeError(value);
      // An answer given before the call returned is published with the return.
      if (hasReturned) publish();
    };

    // The documented callback is always the last argument (A4, A8, A10, A14, A17, A18).
    const last = args[args.length - 1];
    const hasCallback = typeof last === 'function';
    const callArgs = hasCallback
      ? [
          ...args.slice(0, -1),
          function (this: unknown, ...answer: unknown[]) {
            settle('answered', answer.length > 1 ? answer : answer[0]);
            return Reflect.apply(last, this, answer);
          },
        ]
      : args;

    let result: unknown;
    depth++;
    try {
      result = Reflect.apply(fn, thisArg, callArgs);
    } catch (error) {
      record.status = 'threw';
      record.error = describeError(error);
      record.ms = now() - started;
      publish();
      throw error;
    } finally {
      depth--;
    }
    hasReturned = true;
    record.returned = toJsonSafe(result);
    if (!hasAnswer) {
      // R8: a runtime may answer through a promise; with a callback given, the callback is the answer.
      const answersLater = hasCallback || isThenable(result);
      if (answersLater) record.status = 'waiting';
      else record.ms = now() - started;
      if (!hasCallback && isThenable(result)) {
        result.then(
          (value) => settle('answered', value),
          (error: unknown) => settle('rejected', error),
        );
      }
    }
    publish();
    return result;
  }

  function runAsInspector(start: () => void): Promise<CallRecord | undefined> {
    return new Promise((resolve) => {
      inspectorWaiting = resolve;
      try {
        start();
      } finally {
        // Nothing was recorded (e.g. the method is a plain value): nothing will settle.
        if (inspectorWaiting === resolve) {
          inspectorWaiting = undefined;
          resolve(undefined);
        }
      }
    });
  }

  return { invoke, runAsInspector };
}
