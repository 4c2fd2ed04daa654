// The gateway's chat page: asks for the secret, lists the agents, and streams replies through
// @openclaw/chat-completions-client. DOM text only (textContent), never markup from a reply.
import {
  APIConnectionError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  type ChatCompletionsClient,
  createChatCompletionsClient,
  RateLimitError,
} from "@openclaw/chat-completions-client";

/** Where the secret is kept: this tab only, gone when it closes; never in the URL. */
const SECRET_KEY = "openclaw.gatewaySecret";

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The page has no #${id}.`);
  return element as T;
}

const ui = {
  unlock: byId<HTMLFormElement>("unlock"),
  secret: byId<HTMLInputElement>("secret"),
  unlockButton: byId<HTMLButtonElement>("unlock-button"),
  forget: byId<HTMLButtonElement>("forget"),
  chat: byId<HTMLElement>("chat"),
  agent: byId<HTMLSelectElement>("agent"),
  newChat: byId<HTMLButtonElement>("new-chat"),
  log: byId<HTMLOListElement>("log"),
  compose: byId<HTMLFormElement>("compose"),
  message: byId<HTMLTextAreaElement>("message"),
  send: byId<HTMLButtonElement>("send"),
  stop: byId<HTMLButtonElement>("stop"),
  status: byId<HTMLParagraphElement>("status"),
};

/** Where the page was served from: the gateway, also when a proxy serves it under a path. */
const gatewayUrl = new URL(".", location.href).href;

let client: ChatCompletionsClient | undefined;
/** The conversation's session (`x-openclaw-session-key`): a new one per conversation. */
let sessionKey = newSessionKey();
/** The reply being streamed, to stop it. */
let running: AbortController | undefined;

/** `chat:` and 128 random bits. getRandomValues, unlike randomUUID, works on plain http too. */
function newSessionKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `chat:${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

function say(text: string): void {
  ui.status.textContent = text;
}

/** "5 minutes", "1 minute", "40 seconds". */
function duration(seconds: number): string {
  if (seconds >= 90) {
    const minutes = Math.ceil(seconds / 60);
    return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  }
  return `${seconds} second${seconds === 1 ? "" : "s"}`;
}

/** What went wrong, in words. */
function describe(error: unknown): string {
  if (error instanceof AuthenticationError) return "Wrong secret: the gateway refused it. Enter it again.";
  if (error instanceof RateLimitError) {
    const wait = error.retryAfter === undefined ? "later" : `in ${duration(error.retryAfter)}`;
    return error.code === "rate_limit_exceeded" && /authentication/i.test(error.message)
      ? `Locked out: too many wrong secrets from this address. Try again ${wait}.`
      : `The gateway is rate limited: ${error.message} Try again ${wait}.`;
  }
  if (error instanceof APIConnectionError) return "Could not reach the gateway. Is it still running?";
  if (error instanceof APIError) {
    return error.status === undefined
      ? `The agent failed in the middle of its reply: ${error.message}`
      : `The gateway answered ${error.status}: ${error.message}`;
  }
  return `Something went wrong: ${error instanceof Error ? error.message : String(error)}`;
}

function showUnlock(): void {
  client = undefined;
  ui.chat.hidden = true;
  ui.forget.hidden = true;
  ui.unlock.hidden = false;
  ui.secret.value = "";
  ui.secret.focus();
}

/** Checks `secret` by listing the agents; shows the chat when the gateway takes it. */
async function unlock(secret: string): Promise<void> {
  const candidate = createChatCompletionsClient({ baseUrl: gatewayUrl, token: secret });
  ui.unlockButton.disabled = true;
  say("Checking the secret…");
  try {
    const models = await candidate.models.list();
    const agents = models.data.map((m) => m.id).filter((id) => id.startsWith("openclaw/"));
    ui.agent.replaceChildren(
      ...agents.map((id) => {
        const agent = id.slice("openclaw/".length);
        return new Option(agent === "default" ? "default agent" : agent, id);
      }),
    );
    sessionStorage.setItem(SECRET_KEY, secret);
    client = candidate;
    ui.unlock.hidden = true;
    ui.chat.hidden = false;
    ui.forget.hidden = false;
    say("");
    newChat();
  } catch (error) {
    // Only a refusal of the secret itself makes it wrong: a gateway that is down, failing or
    // locking this address out (after a reload) has said nothing about the saved secret.
    if (error instanceof AuthenticationError) sessionStorage.removeItem(SECRET_KEY);
    showUnlock();
    say(describe(error));
  } finally {
    ui.unlockButton.disabled = false;
  }
}

function addMessage(role: "user" | "assistant" | "note", text: string): HTMLLIElement {
  const item = document.createElement("li");
  item.className = role;
  const who = document.createElement("span");
  who.className = "who";
  who.textContent = role === "user" ? "You" : role === "assistant" ? ui.agent.selectedOptions[0]?.text || "Agent" : "";
  const body = document.createElement("p");
  body.className = "text";
  body.textContent = text;
  item.append(who, body);
  ui.log.append(item);
  item.scrollIntoView({ block: "end" });
  return item;
}

function newChat(): void {
  running?.abort();
  sessionKey = newSessionKey();
  ui.log.replaceChildren();
  say("");
  ui.message.focus();
}

function setRunning(controller: AbortController | undefined): void {
  running = controller;
  ui.send.disabled = controller !== undefined;
  ui.stop.disabled = controller === undefined;
}

/** Sends `text` as the next turn of this conversation and streams the reply into the log. */
async function send(text: string): Promise<void> {
  if (!client || running) return;
  const controller = new AbortController();
  setRunning(controller);
  addMessage("user", text);
  const reply = addMessage("assistant", "");
  // One Text node grown in place: `textContent +=` would copy the whole reply and replace the
  // node on every delta, quadratic in the reply's length (a 40k-word reply froze the tab).
  const grown = (reply.querySelector(".text") as HTMLElement).appendChild(document.createTextNode(""));
  // Screen readers announce the reply once it is complete, not word by word.
  reply.setAttribute("aria-busy", "true");
  say("");
  try {
    // The session keeps the history: only the new message is sent.
    const stream = await client.chat.completions.create(
      { model: ui.agent.value, stream: true, messages: [{ role: "user", content: text }] },
      { sessionKey, signal: controller.signal },
    );
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta.content;
      if (delta) grown.appendData(delta);
    }
  } catch (error) {
    if (error instanceof APIUserAbortError) {
      reply.classList.add("stopped");
      reply.append(note("Stopped."));
    } else {
      reply.classList.add("failed");
      reply.append(note(describe(error)));
      say(describe(error));
      if (error instanceof AuthenticationError) {
        sessionStorage.removeItem(SECRET_KEY);
        showUnlock();
      }
    }
  } finally {
    reply.setAttribute("aria-busy", "false");
    setRunning(undefined);
    // Send or Stop, just disabled, dropped the focus: give it back to the message box.
    const focused = document.activeElement;
    if (!ui.chat.hidden && (!focused || focused === document.body || (focused as HTMLButtonElement).disabled)) {
      ui.message.focus();
    }
  }
}

function note(text: string): HTMLElement {
  const element = document.createElement("p");
  element.className = "note";
  element.textContent = text;
  return element;
}

ui.unlock.addEventListener("submit", (event) => {
  event.preventDefault();
  void unlock(ui.secret.value);
});
ui.forget.addEventListener("click", () => {
  running?.abort();
  sessionStorage.removeItem(SECRET_KEY);
  ui.log.replaceChildren();
  say("");
  showUnlock();
});
ui.compose.addEventListener("submit", (event) => {
  event.preventDefault();
  const text = ui.message.value.trim();
  if (!text || running) return;
  ui.message.value = "";
  void send(text);
});
ui.message.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    ui.compose.requestSubmit();
  } else if (event.key === "Escape") running?.abort();
});
ui.stop.addEventListener("click", () => running?.abort());
ui.newChat.addEventListener("click", newChat);
ui.agent.addEventListener("change", newChat);

const saved = sessionStorage.getItem(SECRET_KEY);
if (saved) void unlock(saved);
else showUnlock();
