#!/usr/bin/env node
// One connection, one request at a time, for a while: each request's latency from writing it to
// reading its answer's last byte. Prints one JSON line: requests, seconds, and the mean, p50 and
// p99 latency in ms.
// run.mjs measures one connection with this instead of wrk: at one connection, the latencies
// wrk 4.1 reports add up to more than its run's wall-clock time, which one request at a time
// cannot do (docs/benchmarks.md, "Latency at one connection").
//
//   node sequential.mjs <url> <seconds> <body> <bearer token>
import { connect } from "node:net";

const [url, seconds, body, token] = process.argv.slice(2);
const { hostname, port, pathname, host } = new URL(url);
const request = Buffer.from(
  `POST ${pathname} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\n` +
    `Authorization: Bearer ${token}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
);
// Preallocated: the client's own collections would otherwise count as server latency.
const latencies = new Float64Array(4_000_000);
let count = 0;
let pending = Buffer.alloc(0);
let sentAt = 0;
const started = performance.now();
const until = started + Number(seconds) * 1000;

const socket = connect({ host: hostname, port: Number(port), noDelay: true });
const send = () => {
  sentAt = performance.now();
  socket.write(request);
};
socket.on("connect", send);
socket.on("error", (error) => {
  console.error(error.message);
  process.exit(1);
});
socket.on("data", (chunk) => {
  pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
  const end = pending.indexOf("\r\n\r\n");
  if (end === -1) return;
  const head = pending.toString("latin1", 0, end);
  const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1]);
  if (!Number.isInteger(length)) throw new Error(`no Content-Length in ${head}`);
  if (pending.length < end + 4 + length) return;
  const now = performance.now();
  if (!head.startsWith("HTTP/1.1 200 ")) throw new Error(`answered ${head.slice(0, head.indexOf("\r\n"))}`);
  latencies[count++] = now - sentAt;
  pending = pending.subarray(end + 4 + length);
  if (now < until && count < latencies.length) return send();
  socket.destroy();
  const sorted = latencies.subarray(0, count).sort();
  const at = (p) => sorted[Math.min(count - 1, Math.floor((count * p) / 100))];
  const mean = sorted.reduce((sum, ms) => sum + ms, 0) / count;
  console.log(JSON.stringify({ requests: count, seconds: (now - started) / 1000, mean, p50: at(50), p99: at(99) }));
});
