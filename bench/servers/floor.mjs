// The cost floor: a bare node:http server that reads the request and answers the same bytes.
import { createServer } from "node:http";
import { announce, completion, streamCanned } from "./canned.mjs";

const server = createServer((req, res) => {
  const parts = [];
  req.on("data", (part) => parts.push(part));
  req.on("end", () => {
    const stream = Buffer.concat(parts).includes('"stream":true');
    if (stream) return void streamCanned(res, 20, 50);
    res.writeHead(200, {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Length": Buffer.byteLength(completion),
    });
    res.end(completion);
  });
});
announce(server);
