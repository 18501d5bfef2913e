// What the domain needs from the outside world, as interfaces: the jobs layer implements them.

/** Deferred work (review requests, broadcasts); `uniqueKey` makes scheduling the same thing twice a no-op. */
export interface JobQueue {
  schedule<D extends object>(name: string, at: Date, data: D, uniqueKey?: Record<string, unknown>): Promise<string>;
  cancel(query: { name?: string; data?: Record<string, unknown>; id?: string }): Promise<number>;
}
