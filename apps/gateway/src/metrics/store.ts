/** What a store wrapped by {@link instrumentStore} reports. */
export interface StoreObserver {
  /** One asynchronous operation of `store` (its kind, e.g. `session`) ended. */
  storeOperation(event: { store: string; operation: string; failed: boolean }): void;
}

/**
 * Wraps `store` (a session store, a response store: any object whose operations return
 * promises) so each operation is reported to `observer` when it settles, labelled by `kind`
 * and the method's name; synchronous methods pass through uncounted. Every other property is
 * the store's own (the wrapper inherits from it).
 *
 * @example
 * const sessions = instrumentStore("session", new FileSessionStore(dir, limits), metrics.stores);
 */
export function instrumentStore<T extends object>(kind: string, store: T, observer: StoreObserver): T {
  const wrapper = Object.create(store) as Record<string, unknown>;
  const names = new Set<string>();
  for (let proto: object | null = store; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) if (name !== "constructor") names.add(name);
  }
  for (const name of names) {
    const method = (store as Record<string, unknown>)[name];
    if (typeof method !== "function") continue;
    wrapper[name] = (...args: unknown[]) => {
      const result: unknown = method.apply(store, args);
      if (!(result instanceof Promise)) return result;
      return result.then(
        (value) => {
          observer.storeOperation({ store: kind, operation: name, failed: false });
          return value;
        },
        (error: unknown) => {
          observer.storeOperation({ store: kind, operation: name, failed: true });
          throw error;
        },
      );
    };
  }
  return wrapper as T;
}
