/**
 * Splits a batch of mails into lanes that may be processed side by side: mails that share any key (the
 * sender, a Message-ID one of them names, a ticket number in the subject) land in one lane, in their
 * original order, so a reply never overtakes the mail it answers and one new customer is never created
 * twice. Returns the lanes as lists of indexes into `keysOf`, each lane in arrival order, lanes ordered by
 * their first mail.
 */
export function processingLanes(keysOf: readonly (readonly string[])[]): number[][] {
  const parent = keysOf.map((_, index) => index);
  const root = (index: number): number => {
    while (parent[index] !== index) {
      parent[index] = parent[parent[index]];
      index = parent[index];
    }
    return index;
  };
  const firstWithKey = new Map<string, number>();
  keysOf.forEach((keys, index) => {
    for (const key of keys) {
      const earlier = firstWithKey.get(key);
      if (earlier === undefined) firstWithKey.set(key, index);
      else parent[root(index)] = root(earlier);
    }
  });
  const lanes = new Map<number, number[]>();
  keysOf.forEach((_, index) => {
    const lane = lanes.get(root(index)) ?? [];
    lane.push(index);
    lanes.set(root(index), lane);
  });
  return [...lanes.values()].sort((a, b) => a[0] - b[0]);
}

/** Runs `work` over the lanes, at most `concurrency` lanes at a time, each lane's items one after another. */
export async function runLanes<T>(
  lanes: T[][],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < lanes.length) {
      const lane = lanes[next++];
      for (const item of lane) await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, lanes.length) }, worker));
}
