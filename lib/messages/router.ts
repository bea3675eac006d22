/**
 * One router for everything the background receives. It decides the channel from
 * the sender (never from the message), drops anything from another extension or a
 * web page, rejects a content script that sends a privileged type, and validates
 * every payload with its zod schema before a handler sees it.
 */
import { MESSAGES, parseMessage, type Channel, type Message, type MessageType, type MessagesFrom, type RequestOf, type ResponseOf } from './protocol';

/** The parts of `runtime.MessageSender` the router reads. */
export interface Sender {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export interface HandlerContext {
  channel: Channel;
  /** Set for content-script messages. */
  tabId: number | null;
  frameId: number | null;
  /** URL of the sending document, as the browser reports it. */
  senderUrl: string | null;
}

export type Handler<T extends MessageType> = (msg: RequestOf<T>, ctx: HandlerContext) => Promise<ResponseOf<T>> | ResponseOf<T>;

/** Every message a given side receives must have a handler: forgetting one is a compile error. */
export type Handlers<T extends MessageType> = { [K in T]: Handler<K> };

export class MessageRejected extends Error {
  override name = 'MessageRejected';
}

/** Which channel a sender speaks on, or null when it must be ignored entirely. */
export function channelOf(sender: Sender, ownId: string, ownOrigin: string): Channel | null {
  if (sender.id !== ownId) return null;
  const url = sender.url ?? sender.origin ?? '';
  if (url.startsWith(ownOrigin)) return 'ui';
  if (sender.tab && typeof sender.tab.id === 'number') return 'cs';
  return null;
}

export function createRouter<T extends MessagesFrom<'ui'> | MessagesFrom<'cs'>>(
  handlers: Handlers<T>,
  self: { id: string; origin: string },
  onError: (type: string, error: unknown) => void = () => {},
) {
  return async function route(raw: unknown, sender: Sender): Promise<unknown> {
    const channel = channelOf(sender, self.id, self.origin);
    if (!channel) throw new MessageRejected('sender is not this extension');
    const msg: Message | null = parseMessage(raw);
    if (!msg) throw new MessageRejected('unknown or malformed message');
    const spec = MESSAGES[msg.type];
    // diagnostics:* and ui:* are extension-page messages; cs:* may come from either side.
    if (spec.from === 'bg') throw new MessageRejected(`${msg.type} is not for the background`);
    if (spec.from === 'ui' && channel !== 'ui') throw new MessageRejected(`${msg.type} needs an extension page`);
    const handler = (handlers as Record<string, Handler<MessageType> | undefined>)[msg.type];
    if (!handler) throw new MessageRejected(`no handler for ${msg.type}`);
    const { type: _type, ...payload } = msg;
    const ctx: HandlerContext = {
      channel,
      tabId: sender.tab?.id ?? null,
      frameId: sender.frameId ?? null,
      senderUrl: sender.url ?? null,
    };
    try {
      return await handler(payload as RequestOf<MessageType>, ctx);
    } catch (error) {
      onError(msg.type, error);
      throw error;
    }
  };
}
