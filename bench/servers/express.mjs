// The Express floor: express.json() and the canned completion. No Express handler can beat it.
import { createServer } from "node:http";
import express from "express";
import { announce, completion } from "./canned.mjs";

const app = express();
app.use(express.json());
app.post("/v1/chat/completions", (_req, res) => {
  res.type("application/json").send(completion);
});
announce(createServer(app));
