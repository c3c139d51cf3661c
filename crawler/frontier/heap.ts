// A binary heap ordered by `before(a, b)` (true: a comes out first). The frontier's per-origin
// queues and the dispatcher's host schedule are both heaps.
export class Heap<T> {
  private a: T[] = [];

  constructor(private before: (x: T, y: T) => boolean) {}

  get size(): number {
    return this.a.length;
  }

  push(x: T): void {
    const a = this.a;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(a[i], a[p])) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }

  peek(): T | undefined {
    return this.a[0];
  }

  pop(): T | undefined {
    const a = this.a;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.before(a[l], a[m])) m = l;
        if (r < a.length && this.before(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }

  /** Empties the heap and returns its items (in no order). */
  drain(): T[] {
    const all = this.a;
    this.a = [];
    return all;
  }
}
