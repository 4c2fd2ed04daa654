// Reads a Prometheus text exposition (format 0.0.4) strictly, as a scraper would, and fails on
// anything that is not valid: line syntax, family order, duplicates, histogram invariants.
// parse-prometheus-text-format (a port of Prometheus's own parser) reads it too, as a second opinion.
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { expect } from "vitest";

const NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
const LABEL = '[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\\\\n]|\\\\[\\\\"n])*"';
// Go's ParseFloat, as Prometheus reads values: `NaN` and `Inf` in any case (prom-client writes `Nan`).
const VALUE =
  "(?:[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?|[+-]?[Ii][Nn][Ff](?:[Ii][Nn][Ii][Tt][Yy])?|[Nn][Aa][Nn])";
const SAMPLE = new RegExp(`^(${NAME})(?:\\{((?:${LABEL})(?:,${LABEL})*,?)?\\})? (${VALUE})(?: -?\\d+)?$`);
const HELP = new RegExp(`^# HELP (${NAME}) (?:[^\\\\\\n]|\\\\[\\\\n])*$`);
const TYPE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);
const LABEL_PAIR = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** One series: its sample name, labels (sorted, as `a="x",b="y"`) and value. */
export interface Series {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const key = (name: string, labels: Record<string, string>) =>
  `${name}{${Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}="${v}"`)
    .join(",")}}`;

const SUFFIXES: Record<string, string[]> = {
  histogram: ["_bucket", "_sum", "_count"],
  summary: ["", "_sum", "_count"],
};

/** Parses `text` strictly; throws (through expect) on the first thing a scraper would refuse. */
export function parseExposition(text: string): Map<string, Series> {
  expect(text.endsWith("\n"), "the exposition ends with a newline").toBe(true);
  expect(() => parsePrometheusTextFormat(text)).not.toThrow();
  const types = new Map<string, string>();
  const helps = new Set<string>();
  const finished = new Set<string>();
  const series = new Map<string, Series>();
  let current: string | undefined;
  const familyOf = (name: string) => {
    for (const [family, type] of types) {
      if ((SUFFIXES[type] ?? [""]).some((suffix) => `${family}${suffix}` === name)) return family;
    }
    return undefined;
  };
  const enter = (family: string) => {
    if (current === family) return;
    expect(finished.has(family), `the samples of ${family} are together`).toBe(false);
    if (current) finished.add(current);
    current = family;
  };
  for (const line of text.slice(0, -1).split("\n")) {
    if (line === "") continue;
    const help = HELP.exec(line);
    const type = TYPE.exec(line);
    if (help?.[1]) {
      expect(helps.has(help[1]), `one HELP for ${help[1]}`).toBe(false);
      helps.add(help[1]);
      enter(help[1]);
    } else if (type?.[1] && type[2]) {
      expect(types.has(type[1]), `one TYPE for ${type[1]}, before its samples`).toBe(false);
      types.set(type[1], type[2]);
      enter(type[1]);
    } else if (line.startsWith("#")) {
    } else {
      const sample = SAMPLE.exec(line);
      expect(sample, `a valid sample line: ${line}`).not.toBeNull();
      const [, name = "", labelText = "", value = ""] = sample ?? [];
      const family = familyOf(name) ?? name;
      enter(family);
      const labels: Record<string, string> = {};
      for (const [, label = "", raw = ""] of labelText.matchAll(LABEL_PAIR)) {
        expect(label in labels, `label ${label} once in ${line}`).toBe(false);
        labels[label] = raw.replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c));
      }
      const id = key(name, labels);
      expect(series.has(id), `one sample of ${id}`).toBe(false);
      const lower = value.toLowerCase().replace(/^\+/, "");
      const number = /inf/.test(lower)
        ? (lower.startsWith("-") ? -1 : 1) * Infinity
        : lower === "nan"
          ? Number.NaN
          : Number(value);
      if (types.get(family) === "counter") expect(number, `counter ${id} is not negative`).toBeGreaterThanOrEqual(0);
      series.set(id, { name, labels, value: number });
    }
  }
  for (const [family, type] of types) if (type === "histogram") checkHistogram(family, series);
  return series;
}

/** Buckets ascending and cumulative, `+Inf` equal to `_count`, a `_sum`, per label set. */
function checkHistogram(family: string, series: Map<string, Series>) {
  const groups = new Map<string, { le: number; value: number }[]>();
  for (const s of series.values()) {
    if (s.name !== `${family}_bucket`) continue;
    const { le, ...rest } = s.labels;
    expect(le, `${family}_bucket has le`).toBeDefined();
    const group = key(family, rest);
    groups.set(group, [...(groups.get(group) ?? []), { le: le === "+Inf" ? Infinity : Number(le), value: s.value }]);
  }
  for (const [group, buckets] of groups) {
    for (let i = 1; i < buckets.length; i++) {
      expect(buckets[i]?.le, `${group} buckets ascend`).toBeGreaterThan(buckets[i - 1]?.le ?? -Infinity);
      expect(buckets[i]?.value, `${group} buckets are cumulative`).toBeGreaterThanOrEqual(buckets[i - 1]?.value ?? 0);
    }
    const last = buckets.at(-1);
    expect(last?.le, `${group} ends with +Inf`).toBe(Infinity);
    const rest = group.slice(family.length);
    expect(series.get(`${family}_count${rest}`)?.value, `${group} +Inf equals _count`).toBe(last?.value);
    expect(series.has(`${family}_sum${rest}`), `${group} has _sum`).toBe(true);
  }
}

/** The value of one series, 0 when absent (a counter never incremented with those labels). */
export function sampleValue(series: Map<string, Series>, name: string, labels: Record<string, string> = {}): number {
  return series.get(key(name, labels))?.value ?? 0;
}
