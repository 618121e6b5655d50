import type { Channel } from '../../core/application/index.js';
import type { MessageHeader } from '../../contract/messages.js';

/** What every builder of an outbound message gets besides its intent. */
export interface OutboundMeta {
  applicationId: string;
  channel: Channel;
  collegeBin: string;
  /** The header of this message: a fresh id, the chain id of its cause, the event's instant. */
  header: MessageHeader;
}
