/** Polls `probe` until it returns a value (not undefined), or fails after `timeoutMs`. No fixed sleeps. */
export async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((tick) => setTimeout(tick, 100));
  }
}
