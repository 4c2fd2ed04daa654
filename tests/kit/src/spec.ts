import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { expect } from "vitest";
import { parse } from "yaml";

/** The contract, read from the repository's single source of truth. */
export const spec = parse(readFileSync(new URL("../../../openapi/openapi.yaml", import.meta.url), "utf8")) as {
  components: { schemas: Record<string, unknown> };
};

const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema({ components: spec.components }, "spec");

/** Why `value` does not match `#/components/schemas/<name>`, or undefined when it does. */
export function schemaErrors(name: string, value: unknown): string | undefined {
  const validate = ajv.getSchema(`spec#/components/schemas/${name}`);
  if (!validate) throw new Error(`The spec has no schema ${name}`);
  return validate(value) ? undefined : ajv.errorsText(validate.errors);
}

/** Asserts `value` matches `#/components/schemas/<name>` of the spec. */
export function expectSchema(name: string, value: unknown): void {
  const errors = schemaErrors(name, value);
  expect(errors, `${name}: ${errors}\n${JSON.stringify(value)?.slice(0, 2000)}`).toBeUndefined();
}
