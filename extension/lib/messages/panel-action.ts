import * as z from 'zod/mini';
import { JsonValue } from './json-value';

/** The methods the panel may call on the page. The runtime judges the arguments itself (R4). */
const ACTION_METHODS = ['trackEvent', 'setProperty', 'addVisitorInfo', 'addOfflineRequest', 'hasProperty', 'getProperty'] as const;

export const PanelAction = z.object({
  method: z.enum(ACTION_METHODS),
  args: z.array(JsonValue),
});
export type PanelAction = z.infer<typeof PanelAction>;
export type ActionMethod = PanelAction['method'];
