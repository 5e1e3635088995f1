// The employee groups for the request form's choice (A4 `group_id`; docs/contracts.md, "Widgets"):
// `GET {rest}groups`, the only call the widgets make on their own.
import { isObj, isStr } from '../schemas/guards';
import { MAX_GROUP_ID } from '../schemas/formats';

export interface Group {
  id: number;
  name: string;
}

const isGroup = (g: unknown): g is Group =>
  isObj(g) && Number.isInteger(g.id) && (g.id as number) >= 1 && (g.id as number) <= MAX_GROUP_ID && isStr(g.name) && g.name != '';

/** The site's groups; none when there are none or the answer is not usable (the choice is then hidden). */
export async function loadGroups(rest: string): Promise<Group[]> {
  try {
    const res = await fetch(rest + 'groups', { credentials: 'same-origin' });
    const body: unknown = await res.json();
    if (res.ok && isObj(body) && body.success === true && Array.isArray(body.result)) return body.result.filter(isGroup);
  } catch {
    // offline, not JSON: no choice
  }
  return [];
}
