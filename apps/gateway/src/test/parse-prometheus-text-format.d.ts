// The package ships no types; only what the exposition check uses.
declare module "parse-prometheus-text-format" {
  /** Parses a Prometheus text exposition into metric families; throws on an invalid line. */
  export default function parsePrometheusTextFormat(text: string): { name: string; type: string }[];
}
