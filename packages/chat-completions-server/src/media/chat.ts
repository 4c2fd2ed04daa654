/** Chat completions' side of the media policy: which parts it checks, and what the agent gets. */
import type { ChatMessage } from "../types.js";
import { fileTextPart, placeholder } from "./placeholder.js";
import type { CheckedMedia, MediaPart } from "./policy.js";

type Part = Extract<ChatMessage, { role: "user" }>["content"] extends string | (infer P)[] ? P : never;

/**
 * Index of the first message of the current turn: the one after the last assistant message,
 * as the agent runtime counts the messages a session has not seen.
 */
function turnStart(messages: readonly ChatMessage[]): number {
  return messages.findLastIndex((m) => m.role === "assistant") + 1;
}

/**
 * The image and file parts of the current turn (the messages after the last assistant
 * message), each named by its `param`: `messages[2].content[1].image_url`, `….file`.
 * Earlier turns' media are history: the agent gets a placeholder for them, never their bytes.
 */
export function chatMediaParts(messages: readonly ChatMessage[]): MediaPart[] {
  const parts: MediaPart[] = [];
  for (let i = turnStart(messages); i < messages.length; i++) {
    const message = messages[i];
    if (message?.role !== "user" || !Array.isArray(message.content)) continue;
    message.content.forEach((part, j) => {
      if (part.type === "image_url") {
        const { url, detail } = part.image_url;
        parts.push({ kind: "image", param: `messages[${i}].content[${j}].image_url`, url, ...(detail && { detail }) });
      } else if (part.type === "file") {
        const { file_data: data, filename } = part.file;
        parts.push({
          kind: "file",
          param: `messages[${i}].content[${j}].file`,
          ...(data !== undefined && { data }),
          ...(filename !== undefined && { filename }),
        });
      }
    });
  }
  return parts;
}

/**
 * A checked image or file as the content part the agent runtime takes: an image as an
 * `image_url` part (its `data:` URI of the sniffed type), a file as a text part (its text in
 * untrusted-content markers, marked so a session keeps only `[file name]`: see
 * `sessionPlaceholder`). Other endpoints (the Responses API) build their turn with it too.
 */
export function chatPartOf(media: CheckedMedia): Part {
  if (media.kind === "file") return fileTextPart(media.text, media.filename);
  return { type: "image_url", image_url: { url: media.url, ...(media.detail && { detail: media.detail }) } };
}

/**
 * The messages with their media replaced by what the agent may see: the current turn's images
 * by their checked form (a `data:` URI of the sniffed type), its files by their text; earlier
 * turns' images and files by a short placeholder. Messages without media are kept as they are,
 * and `messages` itself is returned when none has any.
 */
export function withCheckedMedia(messages: readonly ChatMessage[], checked: readonly CheckedMedia[]): ChatMessage[] {
  const byParam = new Map(checked.map((media) => [media.param, media]));
  const start = turnStart(messages);
  let changed = false;
  const result = messages.map((message, i) => {
    if (message.role !== "user" || !Array.isArray(message.content)) return message;
    if (!message.content.some((part) => part.type === "image_url" || part.type === "file")) return message;
    changed = true;
    const content = message.content.map((part, j): Part => {
      if (part.type !== "image_url" && part.type !== "file") return part;
      const media = i >= start ? byParam.get(`messages[${i}].content[${j}].${part.type}`) : undefined;
      return media ? chatPartOf(media) : { type: "text", text: placeholder(part) };
    });
    return { ...message, content };
  });
  return changed ? result : (messages as ChatMessage[]);
}
