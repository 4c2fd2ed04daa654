// Type tests, checked by `tsc --noEmit`: the overloads pick the answer type from `stream`.
import {
  type ChatCompletion,
  type ChatCompletionStream,
  createChatCompletionsClient,
  type ResponseObject,
  type ResponseStream,
  type WithRequestID,
} from "../index.js";

const client = createChatCompletionsClient({ baseUrl: "http://127.0.0.1:18789", token: "t" });
const messages = [{ role: "user" as const, content: "hi" }];

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assert = <T extends true>(_: T) => {};

const streamed = client.chat.completions.create({ model: "openclaw", messages, stream: true });
const single = client.chat.completions.create({ model: "openclaw", messages });
assert<Equal<typeof streamed, Promise<ChatCompletionStream>>>(true);
assert<Equal<typeof single, Promise<WithRequestID<ChatCompletion>>>>(true);

// @ts-expect-error temperature is a number
client.chat.completions.create({ model: "openclaw", messages, temperature: "hot" });
// @ts-expect-error an unknown role
client.chat.completions.create({ model: "openclaw", messages: [{ role: "robot", content: "x" }] });
// @ts-expect-error model is required
client.chat.completions.create({ messages });

// The Responses API: the same overloads, and events narrowed by `type`.
const responseStream = client.responses.create({ model: "openclaw", input: "hi", stream: true });
const response = client.responses.create({ model: "openclaw", input: "hi" });
assert<Equal<typeof responseStream, Promise<ResponseStream>>>(true);
assert<Equal<typeof response, Promise<WithRequestID<ResponseObject>>>>(true);
async function narrowed(stream: ResponseStream) {
  for await (const event of stream) {
    if (event.type === "response.output_text.delta") assert<Equal<typeof event.delta, string>>(true);
  }
}
void narrowed;
// @ts-expect-error model is required (input is not: previous_response_id may stand alone)
client.responses.create({ input: "hi" });
// @ts-expect-error an unknown role
client.responses.create({ model: "openclaw", input: [{ role: "robot", content: "x" }] });
