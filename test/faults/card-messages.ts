import type { FaultCluster } from "./fault-cluster.ts";
import type { FaultBrand } from "./fault-fixtures.ts";

/**
 * Draft cards as the owners' chats in the fake Telegram show them, against the message ids the service recorded
 * for each draft. A card is a photo then a text message; both repeat the story's marker (`ds-<brand>-<n>`), which
 * is how a message is matched to its draft.
 */
export interface CardState {
  /** Card messages Telegram delivered whose id no draft records: sent, then the sender died before recording. */
  unrecordedMessageIds: number[];
  /** Photos or texts of one draft's card delivered more than once (each extra one counted). */
  cardsSentTwice: number;
  /** Drafts waiting for review whose card is not (fully) recorded as delivered. */
  draftsWithoutCard: number;
}

const MARKER = /ds-\d+-\d+/;

export async function cardState(cluster: FaultCluster, brands: FaultBrand[]): Promise<CardState> {
  const drafts = await cluster.sql<
    {
      status: string;
      image_key: string | null;
      telegram_photo_message_id: number | null;
      telegram_text_message_id: number | null;
    }[]
  >`select status, image_key, telegram_photo_message_id, telegram_text_message_id from drafts`;
  const recorded = new Set<number>();
  for (const draft of drafts) {
    if (draft.telegram_photo_message_id !== null) recorded.add(draft.telegram_photo_message_id);
    if (draft.telegram_text_message_id !== null) recorded.add(draft.telegram_text_message_id);
  }
  const chats = new Set(brands.map((brand) => brand.ownerChatId));
  const perCard = new Map<string, { photos: number; texts: number }>();
  const unrecordedMessageIds: number[] = [];
  for (const message of cluster.telegram.messages.values()) {
    if (!chats.has(message.chat_id)) continue;
    const marker = MARKER.exec(message.caption ?? message.text ?? "")?.[0];
    if (!marker) continue;
    const card = perCard.get(marker) ?? { photos: 0, texts: 0 };
    if (message.photo) card.photos++;
    else card.texts++;
    perCard.set(marker, card);
    if (!recorded.has(message.message_id)) unrecordedMessageIds.push(message.message_id);
  }
  let cardsSentTwice = 0;
  for (const card of perCard.values())
    cardsSentTwice += Math.max(0, card.photos - 1) + Math.max(0, card.texts - 1);
  const draftsWithoutCard = drafts.filter(
    (draft) =>
      draft.status === "pending_review" &&
      (draft.telegram_text_message_id === null ||
        (draft.image_key !== null && draft.telegram_photo_message_id === null)),
  ).length;
  return { unrecordedMessageIds, cardsSentTwice, draftsWithoutCard };
}
