import * as z from 'zod/mini';
import type { JsonValue, ReadResult } from '../messages/json-value';
import type { PhoneMethods } from '../messages/page-snapshot';

/** LeadTrail's hit answer `phones`: the site's numbers, this visit's, and why it got it. */
const LeadTrailAnswer = z.object({
  site: z.array(z.string()),
  number: z.nullable(z.string()),
  dynamic: z.boolean(),
  kind: z.optional(z.string()),
  label: z.optional(z.string()),
});
type LeadTrailAnswer = z.infer<typeof LeadTrailAnswer>;

/** N4: what `getPhones()` answers, as far as the panel needs it. */
const Targets = z.array(z.object({ id: z.string(), text: z.string() }));
const Replaced = z.record(z.string(), z.string());
const ReplacedByNumber = z.record(z.string(), z.array(z.string()));

/** One number found on the page: what it showed, what it shows now, and why. */
export interface TargetRow {
  id: string;
  text: string;
  replacedWith: string | null;
  why: string;
}

function valueOf<T>(read: ReadResult, schema: z.ZodMiniType<T>): T | undefined {
  if (!read.ok) return undefined;
  const parsed = schema.safeParse(read.value);
  return parsed.success ? parsed.data : undefined;
}

export function leadTrailAnswer(answer: JsonValue | null): LeadTrailAnswer | undefined {
  const parsed = LeadTrailAnswer.safeParse(answer);
  return parsed.success ? parsed.data : undefined;
}

/** Why LeadTrail's server gave this visit its number (the `kind` and `label` of the answer). */
export function leadTrailReason(answer: LeadTrailAnswer): string {
  if (answer.number === null) return 'no number for this visit: no rule or pool matched its source, the site’s own number stays';
  const label = answer.label ? ` “${answer.label}”` : '';
  switch (answer.kind ?? (answer.dynamic ? 'pool' : 'static')) {
    case 'pool':
      return `pool number${label}, held by this visit`;
    case 'fallback':
      return `pool fallback${label}: every number of the pool was held by other visits`;
    default:
      return `static number of the rule${label}`;
  }
}

/** The vendor's runtime says only which type (N7) each replacement was. */
function vendorReason(id: string, methods: PhoneMethods): string {
  const byNumber = valueOf(methods.replacedDynamic, ReplacedByNumber) ?? {};
  if (Object.values(byNumber).some((ids) => ids.includes(id))) return 'dynamic number (getReplacedPhones("dynamic"))';
  if (valueOf(methods.replacedStatic, Replaced)?.[id] !== undefined) return 'static number (getReplacedPhones("static"))';
  return 'replaced (type not reported)';
}

/**
 * Each target `getPhones()` reports, joined with `getReplacedPhones()` and the reason; undefined
 * when `getPhones()` did not answer a list of targets.
 */
export function explainTargets(methods: PhoneMethods, answer: JsonValue | null): TargetRow[] | undefined {
  const targets = valueOf(methods.getPhones, Targets);
  if (!targets) return undefined;
  const replaced = valueOf(methods.replaced, Replaced) ?? {};
  const ours = leadTrailAnswer(answer);
  return targets.map(({ id, text }) => {
    const replacedWith = replaced[id] ?? null;
    let why: string;
    if (replacedWith === null) why = ours?.number === null ? leadTrailReason(ours) : 'not replaced (cancelled by __cs_onReplacePhones, or not yet)';
    else why = ours ? leadTrailReason(ours) : vendorReason(id, methods);
    return { id, text, replacedWith, why };
  });
}
