import type { CallRecorder } from './call-recorder';

/** Which properties of a global are API methods worth recording, and whether to look into namespaces. */
export interface ApiShape {
  records(key: string): boolean;
  /** Wrap plain objects under recorded keys too (e.g. `Comagic.Captcha.get_captcha`, A8). */
  nests: boolean;
}

/** `Comagic`, `ComagicWidget`: every public method (names starting with `_` are internals). */
export const API_SHAPE: ApiShape = { records: (key) => !key.startsWith('_'), nests: true };
/** `__cs`: only `push`; the runtime reading the queue (`forEach`, `length`…) is not a call of the API. */
export const QUEUE_SHAPE: ApiShape = { records: (key) => key === 'push', nests: false };

type AnyFunction = (...args: unknown[]) => unknown;

function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

// A proxy must report a non-configurable, read-only property exactly as it is (a Proxy invariant):
// such a method, e.g. on a frozen object, cannot be replaced by a recording wrapper.
function isPinned(target: object, key: string): boolean {
  const descriptor = Reflect.getOwnPropertyDescriptor(target, key);
  return descriptor !== undefined && !descriptor.configurable && descriptor.writable === false;
}

/**
 * Wraps API objects in proxies whose methods record each call. The page's object is not modified:
 * the runtime's own references to it stay unrecorded, and methods added later are recorded too.
 */
export function createApiProxies(recorder: CallRecorder) {
  const targets = new WeakMap<object, object>();
  const proxies = new WeakMap<object, object>();
  const wrappers = new Map<string, WeakMap<AnyFunction, AnyFunction>>();

  function wrapFunction(fn: AnyFunction, path: string): AnyFunction {
    let byFunction = wrappers.get(path);
    if (!byFunction) wrappers.set(path, (byFunction = new WeakMap()));
    const known = byFunction.get(fn);
    if (known) return known;
    const wrapper = function (this: unknown, ...args: unknown[]): unknown {
      if (new.target) return Reflect.construct(fn, args, new.target);
      // Called as `Comagic.x()`, `this` is the proxy: the method gets its real object, as before.
      const self = (typeof this === 'object' || typeof this === 'function') && this !== null ? (targets.get(this) ?? this) : this;
      return recorder.invoke(path, fn, self, args);
    };
    Object.defineProperty(wrapper, 'name', { value: fn.name });
    Object.defineProperty(wrapper, 'length', { value: fn.length });
    byFunction.set(fn, wrapper);
    return wrapper;
  }

  function wrap(value: unknown, path: string, shape: ApiShape): unknown {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return value;
    const target: object = value;
    const known = proxies.get(target);
    if (known) return known;
    const proxy = new Proxy(target, {
      get(object, key) {
        const member: unknown = Reflect.get(object, key);
        if (typeof key !== 'string' || !shape.records(key)) return member;
        try {
          if (isPinned(object, key)) return member;
          if (typeof member === 'function') return wrapFunction(member as AnyFunction, `${path}.${key}`);
          if (shape.nests && isPlainObject(member)) return wrap(member, `${path}.${key}`, shape);
        } catch {
          // A hostile object (throwing descriptor or prototype traps): hand the member over as is.
        }
        return member;
      },
    });
    targets.set(proxy, target);
    proxies.set(target, proxy);
    return proxy;
  }

  return { wrap };
}
