// The Express floor with the one change the gateway makes to Express itself: requests and
// responses are born with the app's prototypes (expressClasses, from the server package).
// Not a floor the issue asks for: it shows what our own stack costs on top of an Express
// that is set up the same way.
import { createServer } from "node:http";
import { expressClasses } from "@openclaw/chat-completions-server";
import express from "express";
import { announce, completion } from "./canned.mjs";

const app = express();
app.use(express.json());
app.post("/v1/chat/completions", (_req, res) => {
  res.type("application/json").send(completion);
});
announce(createServer(expressClasses(app), app));
