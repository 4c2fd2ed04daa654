import { describe, expect, it } from "vitest";
import { redactUrl } from "./redact.js";

describe("redactUrl", () => {
  it.each([
    ["redis://127.0.0.1:6379", "redis://127.0.0.1:6379"],
    ["redis://:s3cret@127.0.0.1:6379", "redis://:***@127.0.0.1:6379"],
    ["redis://default:s3cret@cache:6379/0", "redis://***:***@cache:6379/0"],
    ["https://me:hunter2@llm.example/v1", "https://***:***@llm.example/v1"],
    ["https://token@llm.example/v1", "https://***@llm.example/v1"],
    ["not a url", "(invalid URL)"],
  ])("%s", (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});
