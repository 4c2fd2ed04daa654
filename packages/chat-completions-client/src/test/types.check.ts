// Type tests, checked by `tsc --noEmit`: the overloads pick the answer type from `stream`.
import {
  type ChatCompletion,
  type ChatCompletionStream,
  createChatCompletionsClient,
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
