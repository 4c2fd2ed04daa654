import type { Config } from "../../config/schema.js";
import { demoProvider } from "./demo.js";
import { openAiCompletionsProvider } from "./openai-completions.js";
import type { ModelProvider } from "./types.js";

export type { ModelProvider, ModelRequest } from "./types.js";

/** Every configured provider by name; `demo` is always there. */
export function createProviders(config: Config): Map<string, ModelProvider> {
  const providers = new Map<string, ModelProvider>([["demo", demoProvider({ tokenDelayMs: 0 })]]);
  for (const [name, provider] of Object.entries(config.models.providers)) {
    providers.set(
      name,
      provider.api === "demo"
        ? demoProvider(provider)
        : openAiCompletionsProvider({
            name,
            baseUrl: provider.baseUrl,
            apiKey: provider.apiKey,
            timeoutMs: provider.timeoutMs,
            maxReplyBytes: provider.maxReplyBytes,
            maxTurnMs: provider.maxTurnMs,
            imageModels: provider.models.filter((m) => m.input.includes("image")).map((m) => m.id),
          }),
    );
  }
  return providers;
}
