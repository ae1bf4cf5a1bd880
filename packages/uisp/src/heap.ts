/**
 * A binary min-heap of (priority, vertex) pairs in two parallel arrays, ordered by priority and
 * then by vertex number, so equal-cost paths are settled in a stable order. Dijkstra pushes a
 * vertex again when it finds a cheaper path and skips stale entries when they come out.
 */
export class VertexHeap {
  private priorities: number[] = [];
  private vertices: number[] = [];

  get size(): number {
    return this.vertices.length;
  }

  push(priority: number, vertex: number): void {
    this.priorities.push(priority);
    this.vertices.push(vertex);
    let i = this.vertices.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** Removes the smallest entry and returns its vertex (-1 when empty); `lastPriority` is its priority. */
  pop(): number {
    const n = this.vertices.length;
    if (n === 0) return -1;
    const top = this.vertices[0]!;
    this.lastPriority = this.priorities[0]!;
    const lastVertex = this.vertices.pop()!;
    const lastPriority = this.priorities.pop()!;
    if (n > 1) {
      this.vertices[0] = lastVertex;
      this.priorities[0] = lastPriority;
      this.siftDown(0);
    }
    return top;
  }

  lastPriority = 0;

  private siftDown(start: number): void {
    const n = this.vertices.length;
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) return;
      const right = left + 1;
      const child = right < n && this.less(right, left) ? right : left;
      if (!this.less(child, i)) return;
      this.swap(i, child);
      i = child;
    }
  }

  private less(a: number, b: number): boolean {
    const pa = this.priorities[a]!;
    const pb = this.priorities[b]!;
    return pa < pb || (pa === pb && this.vertices[a]! < this.vertices[b]!);
  }

  private swap(a: number, b: number): void {
    const p = this.priorities[a]!;
    this.priorities[a] = this.priorities[b]!;
    this.priorities[b] = p;
    const v = this.vertices[a]!;
    this.vertices[a] = this.vertices[b]!;
    this.vertices[b] = v;
  }
}
