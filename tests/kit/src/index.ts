/** Test helpers that judge every answer by the OpenAPI spec. */
export { expectCompletion, expectError, type Listening, listen, type OpenAIErrorFields } from "./http.js";
export { BMP, dataUri, JPEG, PNG, pdf, pdfBomb, pngOfSize } from "./media.js";
export {
  checkResponsesSse,
  type ResponsesEvent,
  type ResponsesSseResult,
  readResponsesSse,
} from "./responses-sse.js";
export { expectSchema, schemaErrors, spec } from "./spec.js";
export { checkSse, readSse, type SseExpectations, type SseResult, streamedText } from "./sse.js";
export { until } from "./until.js";
