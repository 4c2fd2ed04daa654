/** One page of a cursor list (`{ object: "list", data, has_more, first_id, last_id }`). */
interface CursorList<T> {
  data: T[];
  has_more: boolean;
  first_id: string | null;
  last_id: string | null;
}

/**
 * One page of a cursor-paginated list, as openai-node's `CursorPage`: its `data`, whether
 * more follows, and the next page on request. Iterating it with `for await` yields every item
 * from this page on, fetching the next pages (`after` = the last id seen) as it goes.
 *
 * @example
 * const page = await client.responses.inputItems.list("resp_…", { limit: 20 });
 * for await (const item of page) console.log(item.type, item.id);
 */
export class CursorPage<T> implements AsyncIterable<T> {
  readonly data: T[];
  readonly has_more: boolean;
  readonly first_id: string | null;
  readonly last_id: string | null;

  constructor(
    list: CursorList<T>,
    /** The gateway's `x-request-id` for this page. */
    readonly requestID: string | null,
    private readonly fetchAfter: (after: string) => Promise<CursorPage<T>>,
  ) {
    this.data = list.data;
    this.has_more = list.has_more;
    this.first_id = list.first_id;
    this.last_id = list.last_id;
  }

  /** Whether another page follows this one. */
  hasNextPage(): boolean {
    return this.has_more && this.last_id !== null;
  }

  /** Fetches the page after this one (with the same query and options). */
  getNextPage(): Promise<CursorPage<T>> {
    if (!this.hasNextPage() || this.last_id === null) return Promise.reject(new Error("There is no next page."));
    return this.fetchAfter(this.last_id);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (let page: CursorPage<T> = this; ; page = await page.getNextPage()) {
      yield* page.data;
      if (!page.hasNextPage()) return;
    }
  }
}
