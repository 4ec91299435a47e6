/**
 * A clock that never goes backwards and never repeats: two writes in the same millisecond still get ordered
 * timestamps, so "last edited" and "saved at" always sort edits in the order they happened.
 */
export function makeClock(now: () => number = Date.now): () => number {
  let last = 0;
  return () => {
    const current = now();
    last = current > last ? current : last + 1;
    return last;
  };
}
