-- wrk: the seed's non-streaming request.
wrk.method = "POST"
wrk.body = '{"model":"openclaw","messages":[{"role":"user","content":"hi"}]}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer bench-token"
