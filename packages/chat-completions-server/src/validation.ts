import type { ErrorRequestHandler, Request, RequestHandler } from "express";
import * as OpenApiValidator from "express-openapi-validator";
import type { OpenApiValidatorOpts } from "express-openapi-validator/dist/framework/types.js";
import { invalidRequest, OpenAIError, unsupportedMediaType } from "./errors.js";
import spec from "./generated/spec.js";
import { directValidator } from "./validator-direct.js";

type SchemaNode = Record<string, unknown>;

/** The tag values a union branch takes (`enum`), or refuses (`not.enum`: an open union's catch-all). */
function tagOf(branch: SchemaNode | undefined): { values: unknown[]; negated: boolean; required: boolean } | undefined {
  const tag = (branch?.properties as Record<string, SchemaNode> | undefined)?.type;
  const required = Array.isArray(branch?.required) && branch.required.includes("type");
  if (Array.isArray(tag?.enum)) return { values: tag.enum, negated: false, required };
  const refused = (tag?.not as SchemaNode | undefined)?.enum;
  if (Array.isArray(refused)) return { values: refused, negated: true, required };
  return undefined;
}

/**
 * A discriminated union (`oneOf` plus a `discriminator` mapping, which openapi-typescript needs
 * for literal types) as plain JSON Schema: the tag must be one of the mapped values, and `if`
 * the tag is X `then` X's schema applies. Undefined for any other node.
 */
function discriminatedAsConditionals(node: SchemaNode): SchemaNode | undefined {
  const discriminator = node.discriminator as { propertyName: string; mapping?: Record<string, string> } | undefined;
  if (!discriminator?.mapping || !Array.isArray(node.oneOf)) return undefined;
  const tag = discriminator.propertyName;
  return {
    type: "object",
    required: [tag],
    properties: { [tag]: { type: "string", enum: Object.keys(discriminator.mapping) } },
    allOf: Object.entries(discriminator.mapping).map(([option, $ref]) => ({
      if: { properties: { [tag]: { const: option } } },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, not a thenable.
      then: { $ref },
    })),
  };
}

/**
 * A union tagged by `type` without a `discriminator` (one branch may leave the tag out: an input
 * message without `type: "message"`) as conditionals: each branch applies `if` its tag values
 * match, the branch with an optional tag also when `type` is absent, a catch-all branch when
 * `type` is none of the others'; without such branches an absent or unknown tag is refused.
 * Undefined for any other node.
 */
function taggedAsConditionals(
  node: SchemaNode,
  target: (ref: unknown) => SchemaNode | undefined,
): SchemaNode | undefined {
  const branches = node.oneOf;
  if (!Array.isArray(branches) || node.discriminator || branches.length < 2) return undefined;
  const tags = branches.map((branch) => tagOf(target((branch as SchemaNode).$ref)));
  if (!tags.every((tag) => tag !== undefined)) return undefined;
  const optional = tags.filter((tag) => !tag.required && !tag.negated).length;
  if (optional > 1) return undefined;
  const { oneOf: _, ...rest } = node;
  return {
    ...rest,
    type: "object",
    ...(optional === 0 && { required: ["type"] }),
    ...(!tags.some((tag) => tag.negated) && {
      properties: { type: { enum: tags.flatMap((tag) => tag.values) } },
    }),
    allOf: branches.map((branch, i) => {
      const { values, negated, required } = tags[i] as NonNullable<(typeof tags)[number]>;
      const match = negated ? { not: { enum: values } } : { enum: values };
      const when =
        required || negated ? { required: ["type"], properties: { type: match } } : { properties: { type: match } };
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, not a thenable.
      return { if: when, then: branch };
    }),
  };
}

/**
 * The validator gets a copy of the spec in which each union of tagged objects is spelled as
 * `if`/`then` conditionals (discriminated ones, and ones tagged by `type` without a
 * discriminator). Ajv then reports one precise error, about the branch the client chose
 * (`messages[0].role` is not allowed, `input[0].call_id` of a `function_call_output` is
 * required), instead of one per branch, and express-openapi-validator's own discriminator
 * handling, which mistakes nested unions for a body-level one, stays out of it. What is accepted
 * is unchanged.
 */
function unionsAsConditionals<T extends SchemaNode>(document: T): T {
  const schemas = ((document.components as SchemaNode | undefined)?.schemas ?? {}) as Record<string, SchemaNode>;
  const prefix = "#/components/schemas/";
  const target = (ref: unknown) =>
    typeof ref === "string" && ref.startsWith(prefix) ? schemas[ref.slice(prefix.length)] : undefined;
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value === null || typeof value !== "object") return value;
    const node = value as SchemaNode;
    const union = discriminatedAsConditionals(node) ?? taggedAsConditionals(node, target);
    if (union) return union;
    const out: SchemaNode = {};
    for (const [key, child] of Object.entries(node)) out[key] = rewrite(child);
    return out;
  };
  return rewrite(document) as T;
}

/**
 * Only the operation with a body to validate: the validator looks the route up on every request
 * by compiling a path pattern for each path in its document, so fewer paths is less work. Each
 * endpoint with a body (chat completions, responses) gets its own validator over its own path.
 */
function onlyPath(document: Record<string, unknown>, path: string): Record<string, unknown> {
  const paths = document.paths as Record<string, unknown>;
  return { ...document, paths: { [path]: paths[path] } };
}

/**
 * The library's middlewares as one handler. Mounted as separate route handlers each costs an
 * Express layer and a promise on top of the library's own; called in series here, they don't.
 */
function inSeries(handlers: RequestHandler[]): RequestHandler {
  return (req, res, next) => {
    let index = 0;
    const step = (error?: unknown) => {
      const handler = handlers[index++];
      if (error !== undefined || handler === undefined) return next(error);
      handler(req, res, step);
    };
    step();
  };
}

/**
 * The library's middlewares that do work for this spec: route metadata and request validation.
 * Its path-parameter and security middlewares only pass the request on here (the chat path has
 * no parameters, security is ours), yet each costs promises per request. Should a release rename
 * them, all are run: slower, never unvalidated (a test watches the names).
 */
export const VALIDATING_MIDDLEWARES = ["metadataMiddleware", "requestMiddleware"] as const;

type WithRoute = Request & { openapi?: unknown };

const CHAT_PATH = "/v1/chat/completions";

/** The library's options for `path`'s operation: both validator paths are built from these. */
export function validatorOptions(path: string = CHAT_PATH): OpenApiValidatorOpts {
  return {
    apiSpec: unionsAsConditionals(onlyPath(spec, path)) as never,
    // The spec is linted in CI; checking it again costs start-up time.
    validateApiSpec: false,
    validateRequests: { allowUnknownQueryParameters: true },
    validateResponses: false,
    // Auth runs before the validator, with our own 401/429 semantics.
    validateSecurity: false,
    fileUploader: false,
    ignoreUndocumented: true,
  };
}

/**
 * The stock middleware (the library's own request path), as one handler: used when the spec has
 * something {@link directValidator} does not cover, and as the reference the differential test
 * compares the direct path with.
 */
export function createStockValidator(path: string = CHAT_PATH): RequestHandler {
  const all = OpenApiValidator.middleware(validatorOptions(path)) as RequestHandler[];
  const [metadata, validate] = VALIDATING_MIDDLEWARES.map((name) => all.find((m) => m.name === name));
  if (!metadata || !validate) return asSpecMediaType(inSeries(all));
  // Only one operation is ever routed here, so the route the metadata middleware looks up (its
  // `req.openapi`, compiling a path pattern per request to find it) is the same every time:
  // found once, by the warm-up, and handed to every later request.
  let route: unknown;
  return asSpecMediaType((req, res, next) => {
    if (route !== undefined) {
      (req as WithRoute).openapi = route;
      return validate(req, res, next);
    }
    metadata(req, res, (error?: unknown) => {
      if (error !== undefined) return next(error);
      route = (req as WithRoute).openapi;
      validate(req, res, next);
    });
  });
}

/**
 * The request validator, built from the spec the package ships: the library's compiled
 * validators driven directly ({@link directValidator}), or its stock middleware when the spec
 * needs what only that does. Requests that arrive before it is built wait for it; the router's
 * warm-up builds it before the host listens.
 */
export function createRequestValidator(path: string = CHAT_PATH): RequestHandler {
  let validator: RequestHandler | undefined;
  const built = directValidator(validatorOptions(path), "POST", path, SPEC_MEDIA_TYPE).then((direct) => {
    validator = direct ?? createStockValidator(path);
  });
  return (req, res, next) => {
    if (validator) return validator(req, res, next);
    built.then(() => validator?.(req, res, next), next);
  };
}

/** The one media type the spec declares for the chat body. */
const SPEC_MEDIA_TYPE = "application/json";

/**
 * Runs `validator` with the request's Content-Type replaced by the spec's media type, restored
 * before passing on. The library keys its compiled validators by the whole Content-Type,
 * parameters included, so each value a client made up (`application/json; v=1`, `v=2`, …)
 * compiled and kept a new pair of validators: ~0.35 MB of heap a request, without bound.
 * `jsonBody` has already admitted only `application/json` with a UTF-8 charset or none, and the
 * other parameters mean nothing for a JSON body, so every request is one case for the validator.
 */
function asSpecMediaType(validator: RequestHandler): RequestHandler {
  return (req, res, next) => {
    const contentType = req.headers["content-type"];
    req.headers["content-type"] = SPEC_MEDIA_TYPE;
    validator(req, res, (error?: unknown) => {
      req.headers["content-type"] = contentType;
      next(error);
    });
  };
}

/**
 * Compiles the validator for a route before the first real request arrives, by running one
 * valid request (`body`, posted to `path`) through it in-process. The library compiles lazily
 * per route, which would otherwise make the first client wait.
 */
export async function warmValidator(
  validator: RequestHandler,
  path: string = CHAT_PATH,
  body: unknown = { model: "openclaw", messages: [{ role: "user", content: "warm-up" }] },
): Promise<void> {
  const req = {
    method: "POST",
    url: path,
    originalUrl: path,
    path,
    baseUrl: "",
    headers: { "content-type": "application/json", "content-length": "60" },
    query: {},
    params: {},
    cookies: {},
    body,
    app: { param() {}, enabled: () => false },
    get(name: string) {
      return (this.headers as Record<string, string>)[name.toLowerCase()];
    },
    header(name: string) {
      return this.get(name);
    },
  };
  await new Promise<void>((resolve, reject) => {
    validator(req as never, {} as never, (error?: unknown) => (error ? reject(error) : resolve()));
  });
}

interface ValidatorErrorItem {
  path?: string;
  message?: string;
  errorCode?: string;
}

/** `/body/messages/0/role` -> `messages[0].role`; `/headers/x-openclaw-agent-id` -> the header name. */
export function toParam(path: string): string {
  const parts = path
    .replace(/^\.?\//, "")
    .split(/[/.]/)
    .filter(Boolean);
  const [where, ...rest] = parts;
  const names = where === "body" || where === "headers" || where === "query" || where === "params" ? rest : parts;
  return names.reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), "");
}

function valueAt(body: unknown, param: string): unknown {
  let node: unknown = body;
  for (const key of param.split(/[.[\]]/).filter(Boolean)) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * One readable error from the validator's list: the deepest path wins (it names the field the
 * client got wrong, not the union it sits in), and type mismatches at that path are merged
 * ("must be string or array").
 */
export function describeValidationErrors(errors: ValidatorErrorItem[], body: unknown): OpenAIError {
  if (errors.length === 0) return invalidRequest("Invalid request.");
  const depth = (e: ValidatorErrorItem) => (e.path ?? "").split(/[/.]/).length;
  const deepest = Math.max(...errors.map(depth));
  // `oneOf` says only that no branch fit; `not` is an open union's catch-all branch (any tool
  // type but `function`) refusing what another branch should have taken: neither names the fault.
  const atDeepest = errors.filter(
    (e) =>
      depth(e) === deepest && e.errorCode !== "oneOf.openapi.validation" && e.errorCode !== "not.openapi.validation",
  );
  // In a union, the branch whose type fits says what is wrong (five `stop` strings: too many
  // items); the other branches' type mismatches only matter when no branch's type fits.
  const TYPE = "type.openapi.validation";
  const chosen =
    atDeepest.find((e) => e.errorCode !== TYPE && e.errorCode !== "anyOf.openapi.validation") ??
    atDeepest[0] ??
    errors[0];
  if (chosen === undefined) return invalidRequest("Invalid request.");
  const param = toParam(chosen.path ?? "");
  let message = chosen.message ?? "is invalid";

  if (chosen.errorCode === "enum.openapi.validation") {
    message = `has an unsupported value ${JSON.stringify(valueAt(body, param))?.slice(0, 100)}`;
  } else if (chosen.errorCode === "required.openapi.validation") {
    message = "is required";
  } else if (chosen.errorCode === TYPE) {
    const types = atDeepest
      .filter((e) => e.errorCode === TYPE)
      .map((e) => /must be (\w+)/.exec(e.message ?? "")?.[1])
      .filter((t): t is string => t !== undefined);
    if (types.length > 1) message = `must be ${[...new Set(types)].join(" or ")}`;
  }
  const subject = param || "body";
  return invalidRequest(`Invalid request: '${subject}' ${message}.`, param || null);
}

/** Turns the validator's errors into one OpenAI error; anything else passes on. */
export const validationErrorHandler: ErrorRequestHandler = (error, req, _res, next) => {
  const { status, errors } = error as { status?: number; errors?: ValidatorErrorItem[] };
  if (error instanceof OpenAIError || !Array.isArray(errors)) return next(error);
  if (status === 400) return next(describeValidationErrors(errors, req.body));
  if (status === 415) return next(unsupportedMediaType(req.headers["content-type"]));
  next(error);
};
