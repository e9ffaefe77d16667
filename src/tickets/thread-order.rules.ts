export interface ThreadPlace {
  id: string;
  ticketId: string;
  threadSeq: number;
  createdAt: Date;
}

/**
 * The order of two threads joined by a merge: by when each message was written; where two share a
 * millisecond, the surviving ticket's own message first; within one thread, the order it already had.
 * Returns the message ids, first to last.
 */
export function mergedThreadOrder(messages: ThreadPlace[], survivingTicketId: string): string[] {
  const fromDuplicate = (message: ThreadPlace) => (message.ticketId === survivingTicketId ? 0 : 1);
  return [...messages]
    .sort(
      (a, b) =>
        a.createdAt.getTime() - b.createdAt.getTime() ||
        fromDuplicate(a) - fromDuplicate(b) ||
        a.threadSeq - b.threadSeq,
    )
    .map((message) => message.id);
}
