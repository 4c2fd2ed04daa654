// express-openapi-validator's request validation for one operation, driven from its own building
// blocks: its spec loader and schema preprocessor, its RequestValidator's compiled Ajv functions
// (its Ajv configuration), its error list and its BadRequest. What the stock middleware adds per
// request, and this operation does not need, is left out: the promise around each middleware,
// parsing the Content-Type and building a cache key from it, redefining `req.query`, and a
// RequestParameterMutator (a legacy `url.parse`, a rebuilt query map, each parameter
// dereferenced) that has nothing to mutate when every parameter is a plain header.
import type { Request, RequestHandler } from "express";
import * as OpenApiValidator from "express-openapi-validator";
import { OpenApiSpecLoader } from "express-openapi-validator/dist/framework/openapi.spec.loader.js";
import type { OpenApiValidatorOpts } from "express-openapi-validator/dist/framework/types.js";
import { RequestValidator } from "express-openapi-validator/dist/middlewares/openapi.request.validator.js";
import { SchemaPreprocessor } from "express-openapi-validator/dist/middlewares/parsers/schema.preprocessor.js";
import { dereferenceParameter } from "express-openapi-validator/dist/middlewares/parsers/util.js";
import { ajvErrorsToValidatorError, augmentAjvErrors } from "express-openapi-validator/dist/middlewares/util.js";
import { OpenApiValidator as Validator } from "express-openapi-validator/dist/openapi.validator.js";

/** An Ajv validate function, as the library compiles it. */
interface Compiled {
  (data: unknown): boolean;
  errors?: unknown[] | null;
}
interface Ajv {
  getSchema(key: string): Compiled | undefined;
  errorsText(errors: unknown[], options: { dataVar: string }): string;
}
/** The RequestValidator's Ajv instances: private in its types, read once at start-up. */
interface RequestValidatorInternals {
  ajv?: Ajv;
  ajvBody?: Ajv;
}

type Operation = {
  parameters?: unknown[];
  requestBody?: { content?: Record<string, { schema?: Record<string, unknown> }> };
};

const SCALAR = new Set(["string", "number", "integer", "boolean"]);

/**
 * Why the stock middleware must validate this operation instead, or undefined when driving the
 * compiled functions gives the same outcome: the library's parameter mutator changes nothing
 * only when every parameter is a header with a scalar schema (no `content`, arrays or objects),
 * and its body-level discriminator path is only taken for a `_discriminator` on the body schema.
 */
export function needsStockMiddleware(
  apiDoc: Parameters<typeof dereferenceParameter>[0],
  operation: Operation,
  mediaType: string,
): string | undefined {
  for (const reference of operation.parameters ?? []) {
    const parameter = dereferenceParameter(apiDoc, reference as never) as {
      in?: string;
      content?: unknown;
      schema?: { type?: unknown };
    };
    const type = parameter.schema?.type;
    if (parameter.in !== "header" || parameter.content !== undefined || typeof type !== "string" || !SCALAR.has(type))
      return `parameter ${JSON.stringify((parameter as { name?: string }).name)} may need mutation`;
  }
  const content = operation.requestBody?.content;
  if (!content || Object.keys(content).join() !== mediaType) return `the body is not only ${mediaType}`;
  if (content[mediaType]?.schema?._discriminator !== undefined) return "the body has a top-level discriminator";
  return undefined;
}

/**
 * Builds the validator for `method path` with body `mediaType` from `options` (those the stock
 * middleware would get), compiling it now. Resolves to undefined when the operation needs the
 * stock middleware (see {@link needsStockMiddleware}) or the library's internals are not where
 * this pinned version keeps them: the caller then uses the stock middleware.
 */
export async function directValidator(
  options: OpenApiValidatorOpts,
  method: string,
  path: string,
  mediaType: string,
): Promise<RequestHandler | undefined> {
  const validator = new Validator({ ...options });
  const { apiDoc, routes } = await new OpenApiSpecLoader({
    apiDoc: options.apiSpec as never,
    validateApiSpec: false,
    $refParser: validator.options.$refParser,
  }).load();
  new SchemaPreprocessor(
    apiDoc,
    validator.ajvOpts.preprocessor,
    validator.options.validateResponses as never,
  ).preProcess();
  const route = routes.find((r) => r.method === method && r.openApiRoute === path);
  const operation = (apiDoc.paths?.[path] as Record<string, Operation> | undefined)?.[method.toLowerCase()];
  if (!route || !operation || needsStockMiddleware(apiDoc, operation, mediaType)) return undefined;

  // The library compiles on the first request it sees for a method, route and media type, under
  // that key; one such request here, then its compiled functions are used directly.
  const requestValidator = new RequestValidator(apiDoc, validator.ajvOpts.request);
  const openapi = {
    expressRoute: route.expressRoute,
    openApiRoute: path,
    pathParams: {},
    schema: operation,
    serial: -1,
  };
  const sample = {
    method,
    url: path,
    originalUrl: path,
    path,
    headers: { "content-type": mediaType },
    query: {},
    params: {},
    body: {},
    openapi,
  };
  try {
    await requestValidator.validate(sample as never, {} as never, () => {});
  } catch {
    // An empty body is invalid; compiling is all this request was for.
  }
  const key = `${method}-${route.expressRoute}-${mediaType}`;
  const { ajv, ajvBody } = requestValidator as unknown as RequestValidatorInternals;
  const general = ajv?.getSchema?.(key);
  const body = ajvBody?.getSchema?.(key);
  if (!ajv || !general || !body) return undefined;
  return validateWith(ajv, general, body);
}

type WithCookies = Request & { cookies?: Record<string, unknown>; signedCookies?: Record<string, unknown> };

/** What the library's per-request function does for such an operation, and nothing more. */
function validateWith(ajv: Ajv, general: Compiled, body: Compiled): RequestHandler {
  return (req, _res, next) => {
    const { cookies, signedCookies } = req as WithCookies;
    const data = {
      // Express parses `req.query` on each read; a URL without a query has nothing to parse.
      query: req.url.includes("?") ? (req.query ?? {}) : {},
      headers: req.headers,
      params: req.params,
      cookies: cookies ? { ...cookies, ...signedCookies } : undefined,
      body: req.body,
    };
    // Both run, as in the library: the error list is both validators' errors.
    const valid = general(data);
    const validBody = body(data);
    if (valid && validBody) return next();
    const errors = augmentAjvErrors([...(general.errors ?? []), ...(body.errors ?? [])] as never);
    const error = new OpenApiValidator.error.BadRequest({
      path: req.path,
      message: ajv.errorsText(errors, { dataVar: "request" }),
    });
    error.errors = ajvErrorsToValidatorError(400, errors).errors;
    next(error);
  };
}
