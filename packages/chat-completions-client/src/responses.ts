import type { RequestOptions } from "./options.js";
import { CursorPage } from "./page.js";
import type { WithRequestID } from "./request.js";
import { ResponseStream } from "./response-stream.js";
import type { Transport } from "./transport.js";
import type {
  ResponseCreateParams,
  ResponseCreateParamsNonStreaming,
  ResponseCreateParamsStreaming,
  ResponseDeleted,
  ResponseItem,
  ResponseItemList,
  ResponseObject,
} from "./types.js";

/** The query of `GET /v1/responses/{id}/input_items`. */
export interface InputItemsQuery {
  /** An item id: the page starts after it. */
  after?: string;
  /** Items per page, 1 to 100 (default 20). */
  limit?: number;
  /** `desc` (default: newest first) or `asc`. */
  order?: "asc" | "desc";
}

/**
 * The Responses API (`/v1/responses`), with the same options, retries, timeouts and error
 * classes as chat completions.
 */
export interface Responses {
  /**
   * Streams the response as typed events: resolves once the gateway accepted the request.
   *
   * @example
   * const stream = await client.responses.create({ model: "openclaw", input: "hi", stream: true });
   * for await (const event of stream) {
   *   if (event.type === "response.output_text.delta") process.stdout.write(event.delta);
   * }
   */
  create(body: ResponseCreateParamsStreaming, options?: RequestOptions): Promise<ResponseStream>;
  /**
   * Runs the turn and answers with one `response`.
   *
   * @example
   * const response = await client.responses.create({ model: agentModel("main"), input: "hi" });
   * const next = await client.responses.create({ model: "openclaw", input: "and?", previous_response_id: response.id });
   */
  create(body: ResponseCreateParamsNonStreaming, options?: RequestOptions): Promise<WithRequestID<ResponseObject>>;
  create(body: ResponseCreateParams, options?: RequestOptions): Promise<WithRequestID<ResponseObject> | ResponseStream>;
  /**
   * A stored response (`NotFoundError` once deleted, expired, or never stored).
   *
   * @example
   * const response = await client.responses.retrieve("resp_…");
   */
  retrieve(id: string, options?: RequestOptions): Promise<WithRequestID<ResponseObject>>;
  /**
   * Deletes a stored response; later `previous_response_id` references to it are 404.
   *
   * @example
   * await client.responses.delete("resp_…"); // { id, object: "response.deleted", deleted: true }
   */
  delete(id: string, options?: RequestOptions): Promise<WithRequestID<ResponseDeleted>>;
  inputItems: {
    /**
     * The input items a stored response was sent, a page at a time (newest first unless
     * `order: "asc"`); `for await` over the page walks every page.
     *
     * @example
     * for await (const item of await client.responses.inputItems.list("resp_…", { order: "asc" })) {
     *   console.log(item.type);
     * }
     */
    list(id: string, query?: InputItemsQuery, options?: RequestOptions): Promise<CursorPage<ResponseItem>>;
  };
}

/** The Responses resource of a client, sending through `transport`. */
export function responsesOf(transport: Transport): Responses {
  const { api, headersFor } = transport;
  const path = (id: string) => ({ path: { response_id: id } });

  async function create(body: ResponseCreateParams, call: RequestOptions = {}) {
    const headers = headersFor(call);
    if (!body.stream) {
      return transport.json<ResponseObject>((signal) => api.POST("/v1/responses", { body, headers, signal }), call);
    }
    return transport.stream(
      (signal) => api.POST("/v1/responses", { body, headers, signal, parseAs: "stream" }),
      call,
      ResponseStream,
    );
  }

  async function list(
    id: string,
    query: InputItemsQuery = {},
    call?: RequestOptions,
  ): Promise<CursorPage<ResponseItem>> {
    const page = await transport.json<ResponseItemList>(
      (signal) =>
        api.GET("/v1/responses/{response_id}/input_items", {
          params: { ...path(id), query },
          headers: headersFor(call),
          signal,
        }),
      call,
    );
    return new CursorPage(page, page.requestID, (after) => list(id, { ...query, after }, call));
  }

  return {
    create: create as Responses["create"],
    retrieve: (id, call) =>
      transport.json<ResponseObject>(
        (signal) => api.GET("/v1/responses/{response_id}", { params: path(id), headers: headersFor(call), signal }),
        call,
      ),
    delete: (id, call) =>
      transport.json<ResponseDeleted>(
        (signal) => api.DELETE("/v1/responses/{response_id}", { params: path(id), headers: headersFor(call), signal }),
        call,
      ),
    inputItems: { list },
  };
}
