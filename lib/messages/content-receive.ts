/**
 * What the content script accepts from the runtime: a `bg:*` message from this
 * extension's own background (our runtime id, no tab: not another tab's content
 * script). The id check is the browser's word, so no zod schema is needed, which
 * keeps zod out of the content script (issue 4's 60 KB budget).
 */
import type { Message, MessagesFrom } from './protocol';

type BgType = MessagesFrom<'bg'>;

/** The parts of `runtime.MessageSender` read here. */
export interface ContentSender {
  id?: string;
  tab?: unknown;
}

export const BG_MESSAGE_TYPES = ['bg:page-state-request', 'bg:policy-changed'] as const;

// Compile-time: the list names every bg:* type of the protocol and nothing else.
type Missing = Exclude<BgType, (typeof BG_MESSAGE_TYPES)[number]>;
type Extra = Exclude<(typeof BG_MESSAGE_TYPES)[number], BgType>;
const exhaustive: [Missing, Extra] extends [never, never] ? true : { missing: Missing; extra: Extra } = true;
void exhaustive;

const known: ReadonlySet<string> = new Set(BG_MESSAGE_TYPES);

/** The message when it is a known `bg:*` type from our own background, else null. */
export function acceptFromBackground(raw: unknown, sender: ContentSender, ownId: string): Message<BgType> | null {
  if (sender.id !== ownId || sender.tab) return null;
  if (typeof raw !== 'object' || raw === null) return null;
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string' || !known.has(type)) return null;
  return raw as Message<BgType>;
}
