/** Queued faults: each applies to the next `times` matching requests, the oldest first. */
import type { MockFault, RecordedRequest } from './types.js';

interface Pending {
  fault: MockFault;
  remaining: number;
}

export class FaultQueue {
  private pending: Pending[] = [];

  add(fault: MockFault): void {
    this.pending.push({ fault, remaining: fault.times ?? 1 });
  }

  clear(): void {
    this.pending = [];
  }

  /** The fault for this request, used up by one; undefined when none matches. */
  take(request: RecordedRequest): MockFault | undefined {
    const index = this.pending.findIndex(
      ({ fault }) =>
        fault.path === request.path &&
        (fault.method === undefined || fault.method.toUpperCase() === request.method),
    );
    const entry = this.pending[index];
    if (entry === undefined) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.pending.splice(index, 1);
    return entry.fault;
  }
}
