import { type ConversationMessage, placeholder } from "@openclaw/chat-completions-server";

/** What a text-only model gets for a user message made only of images. */
export const IMAGES_WITHOUT_TEXT = "User sent image(s) with no text.";

type UserMessage = Extract<ConversationMessage, { role: "user" }>;

const hasImage = (message: ConversationMessage): message is UserMessage =>
  message.role === "user" && Array.isArray(message.content) && message.content.some((p) => p.type === "image_url");

/**
 * The messages as a text-only model can take them: a user message's image parts are left out
 * (its text is sent), and a message of images alone becomes {@link IMAGES_WITHOUT_TEXT}.
 * Messages without images are kept as they are.
 */
export function withoutImages(messages: ConversationMessage[]): ConversationMessage[] {
  if (!messages.some(hasImage)) return messages;
  return messages.map((message) => {
    if (!hasImage(message)) return message;
    const rest = (message.content as Exclude<UserMessage["content"], string>).filter((p) => p.type !== "image_url");
    return {
      ...message,
      content: rest.some((p) => p.type === "text" && p.text.trim()) ? rest : IMAGES_WITHOUT_TEXT,
    } as UserMessage;
  });
}

/**
 * A message's text with its media named, as the demo agent echoes it: `what is this [image/png 68 B]`.
 */
export function textWithMedia(message: ConversationMessage): string {
  const { content } = message;
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.map((part) => placeholder(part as Parameters<typeof placeholder>[0])).join("\n");
}
