// The bytes every server answers with: what the gateway's demo/echo agent answers to "hi", and
// for streams the same SSE chunks at the same pace (20 words, 50 ms apart).
export const completion = JSON.stringify({
  id: "chatcmpl-3fUvKZB4mQ9yU1nT0cA2xwAb",
  object: "chat.completion",
  created: 1795324991,
  model: "openclaw",
  choices: [
    {
      index: 0,
      message: { role: "assistant", content: "echo: hi", refusal: null },
      finish_reason: "stop",
      logprobs: null,
    },
  ],
  usage: { prompt_tokens: 6, completion_tokens: 2, total_tokens: 8 },
});

const chunk = (delta, finish = null) =>
  `data: ${JSON.stringify({
    id: "chatcmpl-3fUvKZB4mQ9yU1nT0cA2xwAb",
    object: "chat.completion.chunk",
    created: 1795324991,
    model: "openclaw",
    choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
  })}\n\n`;

/** Streams the SSE answer for `words` words, `delayMs` apart, as the gateway does. */
export async function streamCanned(res, words, delayMs) {
  res.writeHead(200, {
    "Content-Type": "text/event-stream; charset=utf-8",
    "Cache-Control": "no-cache",
    Connection: "keep-alive",
  });
  res.write(chunk({ role: "assistant", content: "" }));
  for (let i = 0; i < words; i++) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    res.write(chunk({ content: i === 0 ? "echo:" : ` w${i}` }));
  }
  res.write(chunk({}, "stop"));
  res.end("data: [DONE]\n\n");
}

/** Prints where it listens, the way `openclaw gateway` does, for the harness to pick up. */
export function announce(server) {
  server.listen(0, "127.0.0.1", () => process.stderr.write(`listening on http://127.0.0.1:${server.address().port}\n`));
}
