// A fake LeadTrail server for the unit tests of the visitor calls: the hit, and the calls applied
// once per request_id, as docs/contracts.md says (the real server is tested end to end).
import type { Call, Reply } from './fetch';
import { CONFIG, json, REST_HIT, result, stubFetch, success } from './fetch';

const REST_OPS: Record<string, string> = {
  event: 'event',
  'visitor-info': 'visitor_info',
  'property/set': 'property_set',
  'property/delete': 'property_delete',
  'property/has': 'property_has',
  'property/get': 'property_get',
  properties: 'properties',
  request: 'request',
  callback: 'callback',
  captcha: 'captcha',
};

/** The op of a call to `{collect}?op=` or `{rest}<route>`; 'hit' for the hit. */
export function opOf(url: string): string {
  if (url == CONFIG.collect || url == REST_HIT) return 'hit';
  if (url.startsWith(CONFIG.collect + '?op=')) return url.slice(CONFIG.collect.length + 4);
  return REST_OPS[url.slice(CONFIG.rest.length)] ?? 'unknown';
}

interface Applied {
  op: string;
  body: Record<string, unknown>;
}

/**
 * Answers the hit with `hit` and applies each call once per request_id (a repeat gets the first
 * answer again). `before` may answer a call instead (a failure); undefined lets the server answer.
 */
export function fakeServer(hit = result(), before?: (call: Call, op: string, index: number) => Reply | undefined | Promise<Reply | undefined>) {
  const applied: Applied[] = [];
  const answers = new Map<string, unknown>();
  const props = new Map<string, string | true>();

  function apply(op: string, b: Record<string, unknown>): unknown {
    const name = b.name as string;
    switch (op) {
      case 'property_set':
        props.set(name, (b.value as string | undefined) ?? true);
        return { success: true };
      case 'property_delete':
        props.delete(name);
        return { success: true };
      case 'property_has':
        return { success: true, result: props.has(name) };
      case 'property_get':
        return { success: true, result: props.get(name) ?? false };
      case 'properties':
        return { success: true, result: Object.fromEntries(props) };
      case 'request':
        return { success: true, result: null };
      case 'callback':
        return { success: true, result: { status: 0, code: 'ok', message: 'The call is ordered.' } };
      default:
        return { success: true };
    }
  }

  const calls = stubFetch(async (call, i) => {
    const op = opOf(call.url);
    const failure = await before?.(call, op, i);
    if (failure) return failure;
    if (op == 'hit') return success(hit);
    const id = call.body.request_id as string;
    if (!answers.has(id)) {
      applied.push({ op, body: call.body });
      answers.set(id, apply(op, call.body));
    }
    return json(200, answers.get(id));
  });
  return { calls, applied, props, visitorCalls: () => calls.filter((c) => opOf(c.url) != 'hit') };
}
