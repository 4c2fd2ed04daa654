// Generated from openapi/openapi.yaml by `pnpm generate`. Do not edit.
const spec: Record<string, unknown> = {
  "openapi": "3.1.0",
  "info": {
    "title": "OpenClaw Chat Completions",
    "version": "0.1.0",
    "summary": "OpenAI-compatible Chat Completions in front of OpenClaw agents.",
    "description": "The wire contract of `@openclaw/chat-completions-server`. A request to\n`POST /v1/chat/completions` runs one turn of an OpenClaw agent; any client of the\nOpenAI API can call it. Shapes follow the OpenAI API; where OpenClaw adds something\n(agent and session selection) it is an optional header or a form of `model`.\n\nPick the agent with `model` (`openclaw`, `openclaw/default`, `openclaw:<id>`,\n`openclaw/<id>`, `agent:<id>`) or with the `x-openclaw-agent-id` header, which wins.\n",
    "license": {
      "name": "MIT",
      "identifier": "MIT"
    }
  },
  "servers": [
    {
      "url": "http://127.0.0.1:18789",
      "description": "A gateway on its default port."
    }
  ],
  "security": [
    {
      "bearerAuth": []
    }
  ],
  "tags": [
    {
      "name": "Chat",
      "description": "Chat completions served by OpenClaw agents."
    },
    {
      "name": "Models",
      "description": "The agents, listed as models."
    },
    {
      "name": "Responses",
      "description": "The Responses API (Open Responses) served by OpenClaw agents."
    }
  ],
  "paths": {
    "/v1/chat/completions": {
      "post": {
        "operationId": "createChatCompletion",
        "tags": [
          "Chat"
        ],
        "summary": "Run one agent turn as a chat completion",
        "description": "Runs one turn of the selected agent. Without `stream` the answer is one\n`chat.completion` object. With `stream: true` the answer is `text/event-stream`:\neach event is one line `data: <CreateChatCompletionStreamResponse JSON>` followed by a\nblank line. The first chunk carries `delta.role`, then content and tool-call deltas,\nthen one chunk with `finish_reason` set; with `stream_options.include_usage` one more\nchunk with `choices: []` and `usage`; the stream ends with `data: [DONE]`. Lines that\nstart with `:` (`: keep-alive`) are comments sent while the agent is silent. An error\nafter the stream began arrives as one `data: {\"error\": {...}}` event (an\n`ErrorResponse`), followed by `data: [DONE]`.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/AgentIdHeader"
          },
          {
            "$ref": "#/components/parameters/SessionKeyHeader"
          }
        ],
        "requestBody": {
          "description": "A JSON object, sent as `Content-Type: application/json` (any case). A `charset`\nparameter must name UTF-8 (`utf-8` or `utf8`, any case, quoted or not); any other\ncharset is 415. Other parameters (`application/json; v=1`) are ignored: every body\nis read and validated the same way, whatever they say.\n",
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateChatCompletionRequest"
              },
              "examples": {
                "nonStreaming": {
                  "summary": "The seed's non-streaming request",
                  "value": {
                    "model": "openclaw",
                    "messages": [
                      {
                        "role": "user",
                        "content": "hi"
                      }
                    ]
                  }
                },
                "streaming": {
                  "summary": "The seed's streaming request",
                  "value": {
                    "model": "openclaw",
                    "stream": true,
                    "messages": [
                      {
                        "role": "user",
                        "content": "hi"
                      }
                    ]
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The completion, or a stream of completion chunks.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CreateChatCompletionResponse"
                }
              },
              "text/event-stream": {
                "schema": {
                  "$ref": "#/components/schemas/CreateChatCompletionStreamResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/HostNotAllowed"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "405": {
            "$ref": "#/components/responses/MethodNotAllowed"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "502": {
            "$ref": "#/components/responses/BadGateway"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "504": {
            "$ref": "#/components/responses/GatewayTimeout"
          }
        }
      }
    },
    "/v1/models": {
      "get": {
        "operationId": "listModels",
        "tags": [
          "Models"
        ],
        "summary": "List the agents as models",
        "description": "`openclaw`, `openclaw/default` and `openclaw/<agentId>` for each agent.",
        "responses": {
          "200": {
            "description": "The models.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ListModelsResponse"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/HostNotAllowed"
          },
          "405": {
            "$ref": "#/components/responses/MethodNotAllowed"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/v1/models/{model}": {
      "get": {
        "operationId": "retrieveModel",
        "tags": [
          "Models"
        ],
        "summary": "Retrieve one model",
        "parameters": [
          {
            "in": "path",
            "name": "model",
            "required": true,
            "description": "A model id as listed by `GET /v1/models` (URL-encode the `/`).",
            "schema": {
              "type": "string",
              "example": "openclaw/main"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The model.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Model"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/HostNotAllowed"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "405": {
            "$ref": "#/components/responses/MethodNotAllowed"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/v1/responses": {
      "post": {
        "operationId": "createResponse",
        "tags": [
          "Responses"
        ],
        "summary": "Run one agent turn as a response (the Responses API)",
        "description": "Runs one turn of the selected agent (the same agent forms as chat completions, and the\nsame auth, body limits and session selection). `input` is a string or a list of input\nitems; `instructions` and `system`/`developer` messages become the agent's system\ntext; `function_call_output` items answer the agent's earlier function calls.\n`previous_response_id` continues from a stored response's whole chain (the chain is the\nturn's conversation; a persistent session named by `user` or `x-openclaw-session-key`\nonly scopes it); an unknown, deleted, expired or unstored id, or one made by another\nagent or in another session, is 404 `previous_response_not_found`. `input` may be left\nout when `previous_response_id` is given.\n\nUnknown top-level fields are accepted and ignored; tools of a type other than\n`function` (hosted tools the gateway does not run) are accepted and not offered to\nthe agent. `background: true` is refused.\n\n`input_image` and `input_file` parts of the current turn (the items after the last\nassistant message or `function_call`) are checked by the same media policy as chat\ncompletions' image and file parts, and refused with 400 naming the part (see\n`ResponseInputImage`, `ResponseInputFile`); earlier turns' media and a\n`previous_response_id` chain's reach the agent as placeholders (`[image/png 68 B]`).\nA stored response keeps no media bytes.\n\nWithout `stream` the answer is one `Response`. With `stream: true` it is\n`text/event-stream`: each event is `event: <type>` and `data: <JSON>` (a\n`ResponseStreamEvent` whose `type` equals the event line) followed by a blank line,\nwith `sequence_number` rising from 0: `response.created`, `response.in_progress`,\nper output item `response.output_item.added`, its content or argument events,\n`response.output_item.done`, then exactly one terminal event —\n`response.completed`, `response.incomplete` or `response.failed` (an agent failure\nafter the stream began; the response's `error` says what failed). There is no\n`[DONE]`. Lines that start with `:` are keep-alive comments.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/AgentIdHeader"
          },
          {
            "$ref": "#/components/parameters/SessionKeyHeader"
          }
        ],
        "requestBody": {
          "description": "A JSON object, read exactly as the chat completions body is.",
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateResponseRequest"
              },
              "examples": {
                "text": {
                  "summary": "A string input",
                  "value": {
                    "model": "openclaw",
                    "input": "hi"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The response, or a stream of response events.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Response"
                }
              },
              "text/event-stream": {
                "schema": {
                  "$ref": "#/components/schemas/ResponseStreamEvent"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/HostNotAllowed"
          },
          "404": {
            "$ref": "#/components/responses/ResponseNotFound"
          },
          "405": {
            "$ref": "#/components/responses/MethodNotAllowed"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "502": {
            "$ref": "#/components/responses/BadGateway"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "504": {
            "$ref": "#/components/responses/GatewayTimeout"
          }
        }
      }
    },
    "/v1/responses/{response_id}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ResponseIdPath"
        }
      ],
      "get": {
        "operationId": "getResponse",
        "tags": [
          "Responses"
        ],
        "summary": "Retrieve a stored response",
        "responses": {
          "200": {
            "description": "The response.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Response"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/HostNotAllowed"
          },
          "404": {
            "$ref": "#/components/responses/ResponseNotFound"
          },
          "405": {
            "$ref": "#/components/responses/MethodNotAllowed"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      },
      "delete": {
        "operationId": "deleteResponse",
        "tags": [
          "Responses"
        ],
        "summary": "Delete a stored response",
        "description": "Later `previous_response_id` references to it are 404 `previous_response_not_found`.",
        "responses": {
          "200": {
            "description": "The response was deleted.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ResponseDeleted"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/HostNotAllowed"
          },
          "404": {
            "$ref": "#/components/responses/ResponseNotFound"
          },
          "405": {
            "$ref": "#/components/responses/MethodNotAllowed"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/v1/responses/{response_id}/input_items": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ResponseIdPath"
        }
      ],
      "get": {
        "operationId": "listResponseInputItems",
        "tags": [
          "Responses"
        ],
        "summary": "List a stored response's input items",
        "description": "The items this request sent (not those of earlier responses in its chain), newest\nfirst by default, a page at a time: pass the last id seen as `after`.\n",
        "parameters": [
          {
            "in": "query",
            "name": "after",
            "required": false,
            "description": "An item id; the page starts after it.",
            "schema": {
              "type": "string",
              "maxLength": 128
            }
          },
          {
            "in": "query",
            "name": "limit",
            "required": false,
            "description": "Items per page, 1 to 100.",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100,
              "default": 20
            }
          },
          {
            "in": "query",
            "name": "order",
            "required": false,
            "schema": {
              "type": "string",
              "enum": [
                "asc",
                "desc"
              ],
              "default": "desc"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "One page of items.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ResponseItemList"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/HostNotAllowed"
          },
          "404": {
            "$ref": "#/components/responses/ResponseNotFound"
          },
          "405": {
            "$ref": "#/components/responses/MethodNotAllowed"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "bearerAuth": {
        "type": "http",
        "scheme": "bearer",
        "description": "The gateway's token (auth mode `token`) or password (auth mode `password`)."
      }
    },
    "parameters": {
      "AgentIdHeader": {
        "in": "header",
        "name": "x-openclaw-agent-id",
        "required": false,
        "description": "The agent to run. Beats `model`; when set, `model` is only echoed.",
        "schema": {
          "type": "string",
          "pattern": "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$",
          "example": "main"
        }
      },
      "SessionKeyHeader": {
        "in": "header",
        "name": "x-openclaw-session-key",
        "required": false,
        "description": "The session to continue, in the agent's own namespace for chosen keys\n(`agent:<agentId>:explicit:<key>`): the same key on two agents is two sessions, and no\nchosen key reaches a `user` session or the WebSocket's `agent:<agentId>:main`. Keys\nstarting with OpenClaw's reserved prefixes `subagent:`, `cron:` or `acp:` (any case)\nare refused with 400 `reserved_session_key`. Without it, an OpenAI `user` gives the\nstable session `agent:<agentId>:openai-user:<user>`, and otherwise every request is a\nnew, ephemeral session.\n",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 512,
          "pattern": "^[^\\x00-\\x1F\\x7F-\\x9F]+$",
          "description": "Printable text, at most 512 characters (no control characters)."
        }
      },
      "ResponseIdPath": {
        "in": "path",
        "name": "response_id",
        "required": true,
        "description": "A response id (`resp_…`).",
        "schema": {
          "type": "string",
          "maxLength": 128
        }
      }
    },
    "headers": {
      "RetryAfter": {
        "description": "Whole seconds to wait before trying again.",
        "schema": {
          "type": "integer",
          "minimum": 0
        }
      },
      "WWWAuthenticate": {
        "description": "Always `Bearer`.",
        "schema": {
          "type": "string"
        }
      },
      "Allow": {
        "description": "The methods the path accepts.",
        "schema": {
          "type": "string"
        }
      }
    },
    "responses": {
      "BadRequest": {
        "description": "The request is malformed or fails validation; `param` names the field.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            }
          }
        }
      },
      "Unauthorized": {
        "description": "The bearer secret is missing or wrong.",
        "headers": {
          "WWW-Authenticate": {
            "$ref": "#/components/headers/WWWAuthenticate"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            }
          }
        }
      },
      "HostNotAllowed": {
        "description": "The request's `Host` is not a name the gateway answers (`host_not_allowed`): a gateway\nbound to loopback answers only `localhost`, `127.x.x.x` and `[::1]`, plus\n`gateway.http.allowedHosts` (a defence against DNS rebinding). Refused before auth, never\ncounted toward the failed-auth lockout.\n",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            }
          }
        }
      },
      "NotFound": {
        "description": "The agent named by `model` or `x-openclaw-agent-id` does not exist.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            }
          }
        }
      },
      "ResponseNotFound": {
        "description": "The agent does not exist (`model_not_found`, as for chat completions); the response\nnamed by `previous_response_id` is unknown, deleted, expired, was not stored, or was\nmade by another agent or in another session (`previous_response_not_found`, `param:\nprevious_response_id`); or the response of the\npath is not stored (`response_not_found`).\n",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            }
          }
        }
      },
      "MethodNotAllowed": {
        "description": "The path does not accept this method.",
        "headers": {
          "Allow": {
            "$ref": "#/components/headers/Allow"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            }
          }
        }
      },
      "RequestTimeout": {
        "description": "The request body did not arrive in time.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            }
          }
        }
      },
      "PayloadTooLarge": {
        "description": "The body is larger than the server's `maxBodyBytes`.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            }
          }
        }
      },
      "UnsupportedMediaType": {
        "description": "The body is not `application/json`, its `charset` is not UTF-8, or it has a `Content-Encoding`.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            }
          }
        }
      },
      "TooManyRequests": {
        "description": "Too many failed authentication attempts from this client, or an upstream rate limit.",
        "headers": {
          "Retry-After": {
            "$ref": "#/components/headers/RetryAfter"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            }
          }
        }
      },
      "InternalServerError": {
        "description": "The agent failed.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            }
          }
        }
      },
      "BadGateway": {
        "description": "The agent's upstream model provider failed.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            }
          }
        }
      },
      "ServiceUnavailable": {
        "description": "The gateway is shutting down, the agent is unavailable, or the gateway is at a bound of work it takes at once (`server_busy`, e.g. PDFs waiting to be read, or a failed-auth limiter store too busy to count an attempt; `Retry-After` says when to come back).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            }
          }
        }
      },
      "GatewayTimeout": {
        "description": "The agent's upstream model provider timed out.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            }
          }
        }
      }
    },
    "schemas": {
      "CreateChatCompletionRequest": {
        "type": "object",
        "required": [
          "model",
          "messages"
        ],
        "properties": {
          "model": {
            "type": "string",
            "maxLength": 256,
            "description": "`openclaw` or `openclaw/default` (the default agent), `openclaw:<agentId>`,\n`openclaw/<agentId>` or `agent:<agentId>`. Echoed in the response (in every\nstream chunk), hence bounded.\n",
            "example": "openclaw:main"
          },
          "messages": {
            "type": "array",
            "minItems": 1,
            "description": "The conversation so far.",
            "items": {
              "$ref": "#/components/schemas/ChatCompletionRequestMessage"
            }
          },
          "stream": {
            "type": [
              "boolean",
              "null"
            ],
            "default": false,
            "description": "Answer with server-sent events."
          },
          "stream_options": {
            "$ref": "#/components/schemas/ChatCompletionStreamOptions"
          },
          "user": {
            "type": "string",
            "maxLength": 256,
            "description": "A stable end-user id; it keys a persistent agent session.",
            "example": "user-1234"
          },
          "max_tokens": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 1,
            "deprecated": true,
            "description": "Deprecated in favour of `max_completion_tokens`."
          },
          "max_completion_tokens": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 1,
            "description": "An upper bound for the number of tokens generated."
          },
          "temperature": {
            "type": [
              "number",
              "null"
            ],
            "minimum": 0,
            "maximum": 2,
            "default": 1
          },
          "top_p": {
            "type": [
              "number",
              "null"
            ],
            "minimum": 0,
            "maximum": 1,
            "default": 1
          },
          "frequency_penalty": {
            "type": [
              "number",
              "null"
            ],
            "minimum": -2,
            "maximum": 2,
            "default": 0
          },
          "presence_penalty": {
            "type": [
              "number",
              "null"
            ],
            "minimum": -2,
            "maximum": 2,
            "default": 0
          },
          "seed": {
            "type": [
              "integer",
              "null"
            ],
            "description": "Best-effort deterministic sampling."
          },
          "stop": {
            "$ref": "#/components/schemas/StopConfiguration"
          },
          "n": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 1,
            "maximum": 128,
            "default": 1,
            "description": "How many choices to generate. An agent turn yields one; values above 1 are refused."
          },
          "response_format": {
            "$ref": "#/components/schemas/ResponseFormat"
          },
          "tools": {
            "type": "array",
            "description": "Tools the model may call; calls come back to the client.",
            "items": {
              "$ref": "#/components/schemas/ChatCompletionTool"
            }
          },
          "tool_choice": {
            "$ref": "#/components/schemas/ChatCompletionToolChoiceOption"
          },
          "parallel_tool_calls": {
            "type": "boolean",
            "default": true
          },
          "logprobs": {
            "type": [
              "boolean",
              "null"
            ],
            "default": false,
            "description": "Accepted for compatibility; agents return no log probabilities."
          },
          "top_logprobs": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 0,
            "maximum": 20
          },
          "logit_bias": {
            "type": [
              "object",
              "null"
            ],
            "additionalProperties": {
              "type": "integer",
              "minimum": -100,
              "maximum": 100
            }
          },
          "metadata": {
            "$ref": "#/components/schemas/Metadata"
          },
          "store": {
            "type": [
              "boolean",
              "null"
            ],
            "default": false
          },
          "service_tier": {
            "$ref": "#/components/schemas/ServiceTier"
          },
          "reasoning_effort": {
            "$ref": "#/components/schemas/ReasoningEffort"
          }
        }
      },
      "ChatCompletionRequestMessage": {
        "oneOf": [
          {
            "$ref": "#/components/schemas/ChatCompletionRequestDeveloperMessage"
          },
          {
            "$ref": "#/components/schemas/ChatCompletionRequestSystemMessage"
          },
          {
            "$ref": "#/components/schemas/ChatCompletionRequestUserMessage"
          },
          {
            "$ref": "#/components/schemas/ChatCompletionRequestAssistantMessage"
          },
          {
            "$ref": "#/components/schemas/ChatCompletionRequestToolMessage"
          },
          {
            "$ref": "#/components/schemas/ChatCompletionRequestFunctionMessage"
          }
        ],
        "discriminator": {
          "propertyName": "role",
          "mapping": {
            "developer": "#/components/schemas/ChatCompletionRequestDeveloperMessage",
            "system": "#/components/schemas/ChatCompletionRequestSystemMessage",
            "user": "#/components/schemas/ChatCompletionRequestUserMessage",
            "assistant": "#/components/schemas/ChatCompletionRequestAssistantMessage",
            "tool": "#/components/schemas/ChatCompletionRequestToolMessage",
            "function": "#/components/schemas/ChatCompletionRequestFunctionMessage"
          }
        }
      },
      "ChatCompletionRequestDeveloperMessage": {
        "type": "object",
        "title": "Developer message",
        "required": [
          "role",
          "content"
        ],
        "properties": {
          "role": {
            "type": "string",
            "enum": [
              "developer"
            ]
          },
          "content": {
            "$ref": "#/components/schemas/TextOnlyContent"
          },
          "name": {
            "type": "string"
          }
        }
      },
      "ChatCompletionRequestSystemMessage": {
        "type": "object",
        "title": "System message",
        "required": [
          "role",
          "content"
        ],
        "properties": {
          "role": {
            "type": "string",
            "enum": [
              "system"
            ]
          },
          "content": {
            "$ref": "#/components/schemas/TextOnlyContent"
          },
          "name": {
            "type": "string"
          }
        }
      },
      "ChatCompletionRequestUserMessage": {
        "type": "object",
        "title": "User message",
        "required": [
          "role",
          "content"
        ],
        "properties": {
          "role": {
            "type": "string",
            "enum": [
              "user"
            ]
          },
          "content": {
            "oneOf": [
              {
                "type": "string",
                "title": "Text content"
              },
              {
                "type": "array",
                "title": "Array of content parts",
                "minItems": 1,
                "items": {
                  "$ref": "#/components/schemas/ChatCompletionRequestUserMessageContentPart"
                }
              }
            ]
          },
          "name": {
            "type": "string"
          }
        }
      },
      "ChatCompletionRequestAssistantMessage": {
        "type": "object",
        "title": "Assistant message",
        "required": [
          "role"
        ],
        "properties": {
          "role": {
            "type": "string",
            "enum": [
              "assistant"
            ]
          },
          "content": {
            "description": "Required unless `tool_calls` or `function_call` is set.",
            "anyOf": [
              {
                "type": "string",
                "title": "Text content"
              },
              {
                "type": "array",
                "title": "Array of content parts",
                "minItems": 1,
                "items": {
                  "$ref": "#/components/schemas/ChatCompletionRequestAssistantMessageContentPart"
                }
              },
              {
                "type": "null"
              }
            ]
          },
          "refusal": {
            "type": [
              "string",
              "null"
            ]
          },
          "name": {
            "type": "string"
          },
          "audio": {
            "anyOf": [
              {
                "type": "object",
                "required": [
                  "id"
                ],
                "properties": {
                  "id": {
                    "type": "string"
                  }
                }
              },
              {
                "type": "null"
              }
            ]
          },
          "tool_calls": {
            "$ref": "#/components/schemas/ChatCompletionMessageToolCalls"
          },
          "function_call": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/FunctionCall"
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "ChatCompletionRequestToolMessage": {
        "type": "object",
        "title": "Tool message",
        "required": [
          "role",
          "content",
          "tool_call_id"
        ],
        "properties": {
          "role": {
            "type": "string",
            "enum": [
              "tool"
            ]
          },
          "content": {
            "$ref": "#/components/schemas/TextOnlyContent"
          },
          "tool_call_id": {
            "type": "string"
          }
        }
      },
      "ChatCompletionRequestFunctionMessage": {
        "type": "object",
        "title": "Function message",
        "deprecated": true,
        "required": [
          "role",
          "content",
          "name"
        ],
        "properties": {
          "role": {
            "type": "string",
            "enum": [
              "function"
            ]
          },
          "content": {
            "type": [
              "string",
              "null"
            ]
          },
          "name": {
            "type": "string"
          }
        }
      },
      "TextOnlyContent": {
        "oneOf": [
          {
            "type": "string",
            "title": "Text content"
          },
          {
            "type": "array",
            "title": "Array of text parts",
            "minItems": 1,
            "items": {
              "$ref": "#/components/schemas/ChatCompletionRequestMessageContentPartText"
            }
          }
        ]
      },
      "ChatCompletionRequestUserMessageContentPart": {
        "oneOf": [
          {
            "$ref": "#/components/schemas/ChatCompletionRequestMessageContentPartText"
          },
          {
            "$ref": "#/components/schemas/ChatCompletionRequestMessageContentPartImage"
          },
          {
            "$ref": "#/components/schemas/ChatCompletionRequestMessageContentPartAudio"
          },
          {
            "$ref": "#/components/schemas/ChatCompletionRequestMessageContentPartFile"
          }
        ],
        "discriminator": {
          "propertyName": "type",
          "mapping": {
            "text": "#/components/schemas/ChatCompletionRequestMessageContentPartText",
            "image_url": "#/components/schemas/ChatCompletionRequestMessageContentPartImage",
            "input_audio": "#/components/schemas/ChatCompletionRequestMessageContentPartAudio",
            "file": "#/components/schemas/ChatCompletionRequestMessageContentPartFile"
          }
        }
      },
      "ChatCompletionRequestAssistantMessageContentPart": {
        "oneOf": [
          {
            "$ref": "#/components/schemas/ChatCompletionRequestMessageContentPartText"
          },
          {
            "$ref": "#/components/schemas/ChatCompletionRequestMessageContentPartRefusal"
          }
        ],
        "discriminator": {
          "propertyName": "type",
          "mapping": {
            "text": "#/components/schemas/ChatCompletionRequestMessageContentPartText",
            "refusal": "#/components/schemas/ChatCompletionRequestMessageContentPartRefusal"
          }
        }
      },
      "ChatCompletionRequestMessageContentPartText": {
        "type": "object",
        "title": "Text content part",
        "required": [
          "type",
          "text"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "text"
            ]
          },
          "text": {
            "type": "string"
          }
        }
      },
      "ChatCompletionRequestMessageContentPartImage": {
        "type": "object",
        "title": "Image content part",
        "description": "An image of the current turn (the messages after the last assistant message); earlier turns' images reach the agent as a placeholder (`[image/png 68 B]`). The gateway checks it and answers 400 with `param` naming the part (`messages[0].content[1].image_url`) and `code` one of `too_many_images`, `image_too_large`, `unsupported_image_type`, `invalid_image_data`, `image_url_not_allowed`, `image_fetch_failed`.",
        "required": [
          "type",
          "image_url"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "image_url"
            ]
          },
          "image_url": {
            "type": "object",
            "required": [
              "url"
            ],
            "properties": {
              "url": {
                "type": "string",
                "description": "A `data:` URI with base64 image data (its type is sniffed from the bytes, not taken from the URI), or an `http(s)` URL, refused unless the gateway allows remote images."
              },
              "detail": {
                "type": "string",
                "enum": [
                  "auto",
                  "low",
                  "high"
                ],
                "default": "auto"
              }
            }
          }
        }
      },
      "ChatCompletionRequestMessageContentPartAudio": {
        "type": "object",
        "title": "Audio content part",
        "required": [
          "type",
          "input_audio"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "input_audio"
            ]
          },
          "input_audio": {
            "type": "object",
            "required": [
              "data",
              "format"
            ],
            "properties": {
              "data": {
                "type": "string",
                "description": "Base64 encoded audio data."
              },
              "format": {
                "type": "string",
                "enum": [
                  "wav",
                  "mp3"
                ]
              }
            }
          }
        }
      },
      "ChatCompletionRequestMessageContentPartFile": {
        "type": "object",
        "title": "File content part",
        "description": "A file of the current turn, given to the agent as text inside untrusted-content markers: PDF, or UTF-8 text (plain, markdown, CSV, JSON, HTML). Refused with 400, `param` naming the part (`messages[0].content[1].file`) and `code` one of `too_many_files`, `file_too_large`, `unsupported_file_type`, `invalid_file_data`; a PDF while too many wait to be read is 503 `server_busy`.",
        "required": [
          "type",
          "file"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "file"
            ]
          },
          "file": {
            "type": "object",
            "properties": {
              "filename": {
                "type": "string"
              },
              "file_data": {
                "type": "string",
                "description": "Base64 encoded file data, bare or as a `data:` URI."
              },
              "file_id": {
                "type": "string",
                "description": "Not supported by the gateway (400 `invalid_file_data`); send `file_data`."
              }
            }
          }
        }
      },
      "ChatCompletionRequestMessageContentPartRefusal": {
        "type": "object",
        "title": "Refusal content part",
        "required": [
          "type",
          "refusal"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "refusal"
            ]
          },
          "refusal": {
            "type": "string"
          }
        }
      },
      "ChatCompletionStreamOptions": {
        "description": "Options for a streamed answer. Only set this with `stream: true`.",
        "type": [
          "object",
          "null"
        ],
        "properties": {
          "include_usage": {
            "type": "boolean",
            "description": "Send one more chunk before `[DONE]` with `choices: []` and the turn's `usage`."
          },
          "include_obfuscation": {
            "type": "boolean",
            "description": "Accepted for compatibility; chunks carry no obfuscation field."
          }
        }
      },
      "StopConfiguration": {
        "description": "Up to 4 sequences where generation stops.",
        "anyOf": [
          {
            "type": "string"
          },
          {
            "type": "array",
            "minItems": 1,
            "maxItems": 4,
            "items": {
              "type": "string"
            }
          },
          {
            "type": "null"
          }
        ]
      },
      "ResponseFormat": {
        "oneOf": [
          {
            "$ref": "#/components/schemas/ResponseFormatText"
          },
          {
            "$ref": "#/components/schemas/ResponseFormatJsonSchema"
          },
          {
            "$ref": "#/components/schemas/ResponseFormatJsonObject"
          }
        ],
        "discriminator": {
          "propertyName": "type",
          "mapping": {
            "text": "#/components/schemas/ResponseFormatText",
            "json_schema": "#/components/schemas/ResponseFormatJsonSchema",
            "json_object": "#/components/schemas/ResponseFormatJsonObject"
          }
        }
      },
      "ResponseFormatText": {
        "type": "object",
        "required": [
          "type"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "text"
            ]
          }
        }
      },
      "ResponseFormatJsonObject": {
        "type": "object",
        "required": [
          "type"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "json_object"
            ]
          }
        }
      },
      "ResponseFormatJsonSchema": {
        "type": "object",
        "required": [
          "type",
          "json_schema"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "json_schema"
            ]
          },
          "json_schema": {
            "type": "object",
            "required": [
              "name"
            ],
            "properties": {
              "name": {
                "type": "string",
                "pattern": "^[A-Za-z0-9_-]{1,64}$"
              },
              "description": {
                "type": "string"
              },
              "schema": {
                "type": "object",
                "additionalProperties": true
              },
              "strict": {
                "type": [
                  "boolean",
                  "null"
                ]
              }
            }
          }
        }
      },
      "ChatCompletionTool": {
        "oneOf": [
          {
            "$ref": "#/components/schemas/ChatCompletionFunctionTool"
          },
          {
            "$ref": "#/components/schemas/ChatCompletionCustomTool"
          }
        ],
        "discriminator": {
          "propertyName": "type",
          "mapping": {
            "function": "#/components/schemas/ChatCompletionFunctionTool",
            "custom": "#/components/schemas/ChatCompletionCustomTool"
          }
        }
      },
      "ChatCompletionFunctionTool": {
        "type": "object",
        "title": "Function tool",
        "required": [
          "type",
          "function"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "function"
            ]
          },
          "function": {
            "$ref": "#/components/schemas/FunctionObject"
          }
        }
      },
      "ChatCompletionCustomTool": {
        "type": "object",
        "title": "Custom tool",
        "required": [
          "type",
          "custom"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "custom"
            ]
          },
          "custom": {
            "type": "object",
            "required": [
              "name"
            ],
            "properties": {
              "name": {
                "type": "string"
              },
              "description": {
                "type": "string"
              },
              "format": {
                "oneOf": [
                  {
                    "type": "object",
                    "title": "Text format",
                    "required": [
                      "type"
                    ],
                    "properties": {
                      "type": {
                        "type": "string",
                        "enum": [
                          "text"
                        ]
                      }
                    }
                  },
                  {
                    "type": "object",
                    "title": "Grammar format",
                    "required": [
                      "type",
                      "grammar"
                    ],
                    "properties": {
                      "type": {
                        "type": "string",
                        "enum": [
                          "grammar"
                        ]
                      },
                      "grammar": {
                        "type": "object",
                        "required": [
                          "definition",
                          "syntax"
                        ],
                        "properties": {
                          "definition": {
                            "type": "string"
                          },
                          "syntax": {
                            "type": "string",
                            "enum": [
                              "lark",
                              "regex"
                            ]
                          }
                        }
                      }
                    }
                  }
                ]
              }
            }
          }
        }
      },
      "FunctionObject": {
        "type": "object",
        "required": [
          "name"
        ],
        "properties": {
          "name": {
            "type": "string",
            "pattern": "^[A-Za-z0-9_-]{1,64}$"
          },
          "description": {
            "type": "string"
          },
          "parameters": {
            "type": "object",
            "description": "The function's parameters as a JSON Schema object.",
            "additionalProperties": true
          },
          "strict": {
            "type": [
              "boolean",
              "null"
            ]
          }
        }
      },
      "ChatCompletionToolChoiceOption": {
        "oneOf": [
          {
            "type": "string",
            "title": "Tool choice mode",
            "enum": [
              "none",
              "auto",
              "required"
            ]
          },
          {
            "$ref": "#/components/schemas/ChatCompletionAllowedToolsChoice"
          },
          {
            "$ref": "#/components/schemas/ChatCompletionNamedToolChoice"
          },
          {
            "$ref": "#/components/schemas/ChatCompletionNamedToolChoiceCustom"
          }
        ]
      },
      "ChatCompletionAllowedToolsChoice": {
        "type": "object",
        "required": [
          "type",
          "allowed_tools"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "allowed_tools"
            ]
          },
          "allowed_tools": {
            "type": "object",
            "required": [
              "mode",
              "tools"
            ],
            "properties": {
              "mode": {
                "type": "string",
                "enum": [
                  "auto",
                  "required"
                ]
              },
              "tools": {
                "type": "array",
                "items": {
                  "type": "object",
                  "additionalProperties": true
                }
              }
            }
          }
        }
      },
      "ChatCompletionNamedToolChoice": {
        "type": "object",
        "required": [
          "type",
          "function"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "function"
            ]
          },
          "function": {
            "type": "object",
            "required": [
              "name"
            ],
            "properties": {
              "name": {
                "type": "string"
              }
            }
          }
        }
      },
      "ChatCompletionNamedToolChoiceCustom": {
        "type": "object",
        "required": [
          "type",
          "custom"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "custom"
            ]
          },
          "custom": {
            "type": "object",
            "required": [
              "name"
            ],
            "properties": {
              "name": {
                "type": "string"
              }
            }
          }
        }
      },
      "FunctionCall": {
        "type": "object",
        "required": [
          "name",
          "arguments"
        ],
        "properties": {
          "name": {
            "type": "string"
          },
          "arguments": {
            "type": "string",
            "description": "The arguments as JSON text."
          }
        }
      },
      "ChatCompletionMessageToolCalls": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/ChatCompletionMessageToolCall"
        }
      },
      "ChatCompletionMessageToolCall": {
        "oneOf": [
          {
            "$ref": "#/components/schemas/ChatCompletionMessageFunctionToolCall"
          },
          {
            "$ref": "#/components/schemas/ChatCompletionMessageCustomToolCall"
          }
        ],
        "discriminator": {
          "propertyName": "type",
          "mapping": {
            "function": "#/components/schemas/ChatCompletionMessageFunctionToolCall",
            "custom": "#/components/schemas/ChatCompletionMessageCustomToolCall"
          }
        }
      },
      "ChatCompletionMessageFunctionToolCall": {
        "type": "object",
        "title": "Function tool call",
        "required": [
          "id",
          "type",
          "function"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "type": {
            "type": "string",
            "enum": [
              "function"
            ]
          },
          "function": {
            "$ref": "#/components/schemas/FunctionCall"
          }
        }
      },
      "ChatCompletionMessageCustomToolCall": {
        "type": "object",
        "title": "Custom tool call",
        "required": [
          "id",
          "type",
          "custom"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "type": {
            "type": "string",
            "enum": [
              "custom"
            ]
          },
          "custom": {
            "type": "object",
            "required": [
              "name",
              "input"
            ],
            "properties": {
              "name": {
                "type": "string"
              },
              "input": {
                "type": "string"
              }
            }
          }
        }
      },
      "Metadata": {
        "description": "Up to 16 string key-value pairs.",
        "type": [
          "object",
          "null"
        ],
        "maxProperties": 16,
        "propertyNames": {
          "maxLength": 64
        },
        "additionalProperties": {
          "type": "string",
          "maxLength": 512
        }
      },
      "ServiceTier": {
        "anyOf": [
          {
            "type": "string",
            "enum": [
              "auto",
              "default",
              "flex",
              "scale",
              "priority"
            ]
          },
          {
            "type": "null"
          }
        ]
      },
      "ReasoningEffort": {
        "anyOf": [
          {
            "type": "string",
            "enum": [
              "none",
              "minimal",
              "low",
              "medium",
              "high",
              "xhigh"
            ]
          },
          {
            "type": "null"
          }
        ]
      },
      "CreateChatCompletionResponse": {
        "type": "object",
        "required": [
          "id",
          "object",
          "created",
          "model",
          "choices"
        ],
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^chatcmpl-",
            "example": "chatcmpl-3fUvKZB4mQ9yU1nT0cA2xw"
          },
          "object": {
            "type": "string",
            "enum": [
              "chat.completion"
            ]
          },
          "created": {
            "type": "integer",
            "description": "Unix time in seconds."
          },
          "model": {
            "type": "string",
            "description": "The request's `model`, echoed."
          },
          "choices": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "index",
                "message",
                "finish_reason",
                "logprobs"
              ],
              "properties": {
                "index": {
                  "type": "integer"
                },
                "message": {
                  "$ref": "#/components/schemas/ChatCompletionResponseMessage"
                },
                "finish_reason": {
                  "$ref": "#/components/schemas/FinishReason"
                },
                "logprobs": {
                  "anyOf": [
                    {
                      "$ref": "#/components/schemas/ChoiceLogprobs"
                    },
                    {
                      "type": "null"
                    }
                  ]
                }
              }
            }
          },
          "usage": {
            "$ref": "#/components/schemas/CompletionUsage"
          },
          "system_fingerprint": {
            "type": "string"
          }
        }
      },
      "ChatCompletionResponseMessage": {
        "type": "object",
        "required": [
          "role",
          "content",
          "refusal"
        ],
        "properties": {
          "role": {
            "type": "string",
            "enum": [
              "assistant"
            ]
          },
          "content": {
            "type": [
              "string",
              "null"
            ]
          },
          "refusal": {
            "type": [
              "string",
              "null"
            ]
          },
          "tool_calls": {
            "$ref": "#/components/schemas/ChatCompletionMessageToolCalls"
          }
        }
      },
      "FinishReason": {
        "type": "string",
        "enum": [
          "stop",
          "length",
          "tool_calls",
          "content_filter",
          "function_call"
        ]
      },
      "ChoiceLogprobs": {
        "type": "object",
        "required": [
          "content",
          "refusal"
        ],
        "properties": {
          "content": {
            "anyOf": [
              {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/ChatCompletionTokenLogprob"
                }
              },
              {
                "type": "null"
              }
            ]
          },
          "refusal": {
            "anyOf": [
              {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/ChatCompletionTokenLogprob"
                }
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "ChatCompletionTokenLogprob": {
        "type": "object",
        "required": [
          "token",
          "logprob",
          "bytes",
          "top_logprobs"
        ],
        "properties": {
          "token": {
            "type": "string"
          },
          "logprob": {
            "type": "number"
          },
          "bytes": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "type": "integer"
            }
          },
          "top_logprobs": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "token",
                "logprob",
                "bytes"
              ],
              "properties": {
                "token": {
                  "type": "string"
                },
                "logprob": {
                  "type": "number"
                },
                "bytes": {
                  "type": [
                    "array",
                    "null"
                  ],
                  "items": {
                    "type": "integer"
                  }
                }
              }
            }
          }
        }
      },
      "CompletionUsage": {
        "type": "object",
        "required": [
          "prompt_tokens",
          "completion_tokens",
          "total_tokens"
        ],
        "properties": {
          "prompt_tokens": {
            "type": "integer",
            "minimum": 0
          },
          "completion_tokens": {
            "type": "integer",
            "minimum": 0
          },
          "total_tokens": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "CreateChatCompletionStreamResponse": {
        "type": "object",
        "description": "One chunk of a streamed completion; every chunk of a stream has the same `id`, `created` and `model`.",
        "required": [
          "id",
          "object",
          "created",
          "model",
          "choices"
        ],
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^chatcmpl-"
          },
          "object": {
            "type": "string",
            "enum": [
              "chat.completion.chunk"
            ]
          },
          "created": {
            "type": "integer"
          },
          "model": {
            "type": "string"
          },
          "choices": {
            "type": "array",
            "description": "One choice, or none in the final usage chunk.",
            "maxItems": 1,
            "items": {
              "type": "object",
              "required": [
                "index",
                "delta",
                "finish_reason"
              ],
              "properties": {
                "index": {
                  "type": "integer"
                },
                "delta": {
                  "$ref": "#/components/schemas/ChatCompletionStreamResponseDelta"
                },
                "finish_reason": {
                  "anyOf": [
                    {
                      "$ref": "#/components/schemas/FinishReason"
                    },
                    {
                      "type": "null"
                    }
                  ]
                },
                "logprobs": {
                  "anyOf": [
                    {
                      "$ref": "#/components/schemas/ChoiceLogprobs"
                    },
                    {
                      "type": "null"
                    }
                  ]
                }
              }
            }
          },
          "usage": {
            "description": "With `stream_options.include_usage`, null on every chunk but the last, which has `choices: []`.",
            "anyOf": [
              {
                "$ref": "#/components/schemas/CompletionUsage"
              },
              {
                "type": "null"
              }
            ]
          },
          "system_fingerprint": {
            "type": "string"
          }
        }
      },
      "ChatCompletionStreamResponseDelta": {
        "type": "object",
        "properties": {
          "role": {
            "type": "string",
            "enum": [
              "assistant"
            ]
          },
          "content": {
            "type": [
              "string",
              "null"
            ]
          },
          "refusal": {
            "type": [
              "string",
              "null"
            ]
          },
          "tool_calls": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ChatCompletionMessageToolCallChunk"
            }
          }
        }
      },
      "ChatCompletionMessageToolCallChunk": {
        "type": "object",
        "required": [
          "index"
        ],
        "properties": {
          "index": {
            "type": "integer",
            "minimum": 0
          },
          "id": {
            "type": "string"
          },
          "type": {
            "type": "string",
            "enum": [
              "function"
            ]
          },
          "function": {
            "type": "object",
            "properties": {
              "name": {
                "type": "string"
              },
              "arguments": {
                "type": "string"
              }
            }
          }
        }
      },
      "ErrorResponse": {
        "type": "object",
        "required": [
          "error"
        ],
        "properties": {
          "error": {
            "$ref": "#/components/schemas/Error"
          }
        }
      },
      "Error": {
        "type": "object",
        "required": [
          "message",
          "type",
          "param",
          "code"
        ],
        "properties": {
          "message": {
            "type": "string"
          },
          "type": {
            "type": "string",
            "description": "`invalid_request_error`, `authentication_error`, `rate_limit_error`, `api_error`, …"
          },
          "param": {
            "type": [
              "string",
              "null"
            ],
            "description": "The offending request field, e.g. `messages[0].role`."
          },
          "code": {
            "type": [
              "string",
              "null"
            ],
            "description": "`invalid_api_key`, `model_not_found`, `rate_limit_exceeded`, …"
          }
        }
      },
      "Model": {
        "type": "object",
        "required": [
          "id",
          "object",
          "created",
          "owned_by"
        ],
        "properties": {
          "id": {
            "type": "string",
            "example": "openclaw/main"
          },
          "object": {
            "type": "string",
            "enum": [
              "model"
            ]
          },
          "created": {
            "type": "integer"
          },
          "owned_by": {
            "type": "string",
            "example": "openclaw"
          }
        }
      },
      "ListModelsResponse": {
        "type": "object",
        "required": [
          "object",
          "data"
        ],
        "properties": {
          "object": {
            "type": "string",
            "enum": [
              "list"
            ]
          },
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Model"
            }
          }
        }
      },
      "CreateResponseRequest": {
        "type": "object",
        "description": "A Responses API request. Fields not listed here are accepted and ignored (clients send\nfields newer than any spec).\n",
        "required": [
          "model"
        ],
        "properties": {
          "model": {
            "type": "string",
            "maxLength": 256,
            "description": "The agent, in the same forms as chat completions' `model`. Echoed.",
            "example": "openclaw/main"
          },
          "input": {
            "description": "A user message as a string, or a list of input items. Required unless\n`previous_response_id` is given (then the agent answers the chain as it stands).\n",
            "oneOf": [
              {
                "type": "string",
                "title": "Text input"
              },
              {
                "type": "array",
                "title": "Input items",
                "items": {
                  "$ref": "#/components/schemas/ResponseInputItem"
                }
              }
            ]
          },
          "instructions": {
            "type": [
              "string",
              "null"
            ],
            "description": "System text for this turn, before any `system`/`developer` input."
          },
          "previous_response_id": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 128,
            "description": "A stored response to continue from; the agent sees its whole chain as history."
          },
          "store": {
            "type": [
              "boolean",
              "null"
            ],
            "default": true,
            "description": "Keep the response, so it can be retrieved and continued. `false` keeps nothing."
          },
          "stream": {
            "type": [
              "boolean",
              "null"
            ],
            "default": false,
            "description": "Answer with server-sent events."
          },
          "stream_options": {
            "type": [
              "object",
              "null"
            ],
            "description": "Accepted for compatibility; events carry no obfuscation field.",
            "properties": {
              "include_obfuscation": {
                "type": "boolean"
              }
            }
          },
          "tools": {
            "type": "array",
            "description": "`function` tools are offered to the agent; other tool types (hosted tools such as\n`web_search`) are accepted and not offered.\n",
            "items": {
              "$ref": "#/components/schemas/ResponseTool"
            }
          },
          "tool_choice": {
            "$ref": "#/components/schemas/ResponseToolChoice"
          },
          "parallel_tool_calls": {
            "type": [
              "boolean",
              "null"
            ],
            "default": true
          },
          "temperature": {
            "type": [
              "number",
              "null"
            ],
            "minimum": 0,
            "maximum": 2,
            "default": 1
          },
          "top_p": {
            "type": [
              "number",
              "null"
            ],
            "minimum": 0,
            "maximum": 1,
            "default": 1
          },
          "max_output_tokens": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 1,
            "description": "An upper bound for the number of tokens generated."
          },
          "text": {
            "$ref": "#/components/schemas/ResponseTextConfig"
          },
          "metadata": {
            "$ref": "#/components/schemas/Metadata"
          },
          "user": {
            "type": "string",
            "maxLength": 256,
            "description": "A stable end-user id; it keys a persistent agent session."
          },
          "background": {
            "type": [
              "boolean",
              "null"
            ],
            "enum": [
              false,
              null
            ],
            "default": false,
            "description": "Background runs are not supported; `true` is refused."
          },
          "reasoning": {
            "type": [
              "object",
              "null"
            ],
            "description": "Accepted and not acted on.",
            "additionalProperties": true
          },
          "truncation": {
            "anyOf": [
              {
                "type": "string",
                "enum": [
                  "auto",
                  "disabled"
                ]
              },
              {
                "type": "null"
              }
            ],
            "description": "Accepted and not acted on."
          },
          "include": {
            "type": [
              "array",
              "null"
            ],
            "description": "Accepted and not acted on.",
            "items": {
              "type": "string"
            }
          },
          "service_tier": {
            "$ref": "#/components/schemas/ServiceTier"
          },
          "prompt_cache_key": {
            "type": [
              "string",
              "null"
            ],
            "description": "Accepted and not acted on."
          },
          "safety_identifier": {
            "type": [
              "string",
              "null"
            ],
            "description": "Accepted and not acted on."
          },
          "max_tool_calls": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 1,
            "description": "Accepted and not acted on."
          }
        }
      },
      "ResponseInputItem": {
        "description": "An input item: a message (with or without `type: \"message\"`), a `function_call` the\nmodel made earlier, or a `function_call_output` answering one. Other item types\n(e.g. `reasoning`) are accepted and ignored.\n",
        "oneOf": [
          {
            "$ref": "#/components/schemas/ResponseInputMessage"
          },
          {
            "$ref": "#/components/schemas/ResponseFunctionCall"
          },
          {
            "$ref": "#/components/schemas/ResponseFunctionCallOutput"
          },
          {
            "$ref": "#/components/schemas/ResponseOtherInputItem"
          }
        ]
      },
      "ResponseInputMessage": {
        "type": "object",
        "title": "Message",
        "required": [
          "role",
          "content"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "message"
            ]
          },
          "id": {
            "type": "string"
          },
          "role": {
            "type": "string",
            "enum": [
              "user",
              "assistant",
              "system",
              "developer"
            ]
          },
          "content": {
            "oneOf": [
              {
                "type": "string",
                "title": "Text content"
              },
              {
                "type": "array",
                "title": "Content parts",
                "items": {
                  "$ref": "#/components/schemas/ResponseInputContent"
                }
              }
            ]
          },
          "status": {
            "type": "string",
            "enum": [
              "in_progress",
              "completed",
              "incomplete"
            ]
          }
        }
      },
      "ResponseOtherInputItem": {
        "type": "object",
        "title": "Other item",
        "description": "An item type the gateway does not act on; ignored.",
        "required": [
          "type"
        ],
        "properties": {
          "type": {
            "type": "string",
            "not": {
              "enum": [
                "message",
                "function_call",
                "function_call_output"
              ]
            }
          }
        },
        "additionalProperties": true
      },
      "ResponseInputContent": {
        "oneOf": [
          {
            "$ref": "#/components/schemas/ResponseInputText"
          },
          {
            "$ref": "#/components/schemas/ResponseOutputText"
          },
          {
            "$ref": "#/components/schemas/ResponseRefusal"
          },
          {
            "$ref": "#/components/schemas/ResponseInputImage"
          },
          {
            "$ref": "#/components/schemas/ResponseInputFile"
          }
        ],
        "discriminator": {
          "propertyName": "type",
          "mapping": {
            "input_text": "#/components/schemas/ResponseInputText",
            "output_text": "#/components/schemas/ResponseOutputText",
            "refusal": "#/components/schemas/ResponseRefusal",
            "input_image": "#/components/schemas/ResponseInputImage",
            "input_file": "#/components/schemas/ResponseInputFile"
          }
        }
      },
      "ResponseInputText": {
        "type": "object",
        "title": "Input text",
        "required": [
          "type",
          "text"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "input_text"
            ]
          },
          "text": {
            "type": "string"
          }
        }
      },
      "ResponseInputImage": {
        "type": "object",
        "title": "Input image",
        "description": "An image of the current turn, checked as a chat completions image part is (its type sniffed from its bytes); the agent gets it as one. Refused with 400, `param` naming its `image_url` (`input[1].content[0].image_url`) and `code` one of `too_many_images`, `image_too_large`, `unsupported_image_type`, `invalid_image_data` (also for an image given by `file_id` alone: file ids are not supported), `image_url_not_allowed`, `image_fetch_failed`. A stored item lists a `data:` image with `image_url: null`.",
        "required": [
          "type"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "input_image"
            ]
          },
          "image_url": {
            "type": [
              "string",
              "null"
            ],
            "description": "A `data:` URI with base64 image data, or an `http(s)` URL, refused unless the gateway allows remote images."
          },
          "file_id": {
            "type": [
              "string",
              "null"
            ],
            "description": "Not supported by the gateway (400 `invalid_image_data`); send `image_url`."
          },
          "detail": {
            "type": "string",
            "enum": [
              "low",
              "high",
              "auto",
              "original"
            ],
            "description": "`original` reaches the agent as `high`."
          }
        }
      },
      "ResponseInputFile": {
        "type": "object",
        "title": "Input file",
        "description": "A file of the current turn, given to the agent as text inside untrusted-content markers: PDF, or UTF-8 text (plain, markdown, CSV, JSON, HTML). Refused with 400, `param` naming the part (`input[1].content[0]`) and `code` one of `too_many_files`, `file_too_large`, `unsupported_file_type`, `invalid_file_data` (also for a file given by `file_id` or `file_url` alone). A stored item lists it without its `file_data`.",
        "required": [
          "type"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "input_file"
            ]
          },
          "file_data": {
            "type": "string",
            "description": "The file's content as base64, bare or as a `data:` URI."
          },
          "file_id": {
            "type": [
              "string",
              "null"
            ],
            "description": "Not supported by the gateway (400 `invalid_file_data`); send `file_data`."
          },
          "file_url": {
            "type": "string",
            "description": "Not fetched by the gateway (400 `invalid_file_data`); send `file_data`."
          },
          "filename": {
            "type": "string"
          }
        }
      },
      "ResponseOutputText": {
        "type": "object",
        "title": "Output text",
        "required": [
          "type",
          "text",
          "annotations"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "output_text"
            ]
          },
          "text": {
            "type": "string"
          },
          "annotations": {
            "type": "array",
            "description": "Always empty in answers; accepted (and ignored) in input.",
            "items": {
              "type": "object",
              "additionalProperties": true
            }
          },
          "logprobs": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": true
            }
          }
        }
      },
      "ResponseRefusal": {
        "type": "object",
        "title": "Refusal",
        "required": [
          "type",
          "refusal"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "refusal"
            ]
          },
          "refusal": {
            "type": "string"
          }
        }
      },
      "ResponseFunctionCall": {
        "type": "object",
        "title": "Function call",
        "required": [
          "type",
          "call_id",
          "name",
          "arguments"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "function_call"
            ]
          },
          "id": {
            "type": "string"
          },
          "call_id": {
            "type": "string",
            "minLength": 1,
            "maxLength": 256
          },
          "name": {
            "type": "string"
          },
          "arguments": {
            "type": "string",
            "description": "The arguments as JSON text."
          },
          "status": {
            "type": "string",
            "enum": [
              "in_progress",
              "completed",
              "incomplete"
            ]
          }
        }
      },
      "ResponseFunctionCallOutput": {
        "type": "object",
        "title": "Function call output",
        "required": [
          "type",
          "call_id",
          "output"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "function_call_output"
            ]
          },
          "id": {
            "type": [
              "string",
              "null"
            ]
          },
          "call_id": {
            "type": "string",
            "minLength": 1,
            "maxLength": 256
          },
          "output": {
            "description": "The function's result, as text or content parts.",
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/ResponseInputContent"
                }
              }
            ]
          },
          "status": {
            "anyOf": [
              {
                "type": "string",
                "enum": [
                  "in_progress",
                  "completed",
                  "incomplete"
                ]
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "ResponseTool": {
        "description": "A `function` tool, offered to the agent, or a tool of another type (a hosted tool),\naccepted and not offered.\n",
        "oneOf": [
          {
            "$ref": "#/components/schemas/ResponseFunctionTool"
          },
          {
            "$ref": "#/components/schemas/ResponseOtherTool"
          }
        ]
      },
      "ResponseFunctionTool": {
        "type": "object",
        "title": "Function tool",
        "required": [
          "type",
          "name"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "function"
            ]
          },
          "name": {
            "type": "string",
            "pattern": "^[A-Za-z0-9_-]{1,64}$"
          },
          "description": {
            "type": [
              "string",
              "null"
            ]
          },
          "parameters": {
            "type": [
              "object",
              "null"
            ],
            "description": "The function's parameters as a JSON Schema object.",
            "additionalProperties": true
          },
          "strict": {
            "type": [
              "boolean",
              "null"
            ]
          }
        }
      },
      "ResponseEchoedTool": {
        "description": "A request's tool as a response echoes it; a `function` tool always has `parameters` and `strict` (null when not given).",
        "oneOf": [
          {
            "$ref": "#/components/schemas/ResponseEchoedFunctionTool"
          },
          {
            "$ref": "#/components/schemas/ResponseOtherTool"
          }
        ]
      },
      "ResponseEchoedFunctionTool": {
        "title": "Echoed function tool",
        "allOf": [
          {
            "$ref": "#/components/schemas/ResponseFunctionTool"
          },
          {
            "type": "object",
            "required": [
              "parameters",
              "strict"
            ]
          }
        ]
      },
      "ResponseOtherTool": {
        "type": "object",
        "title": "Other tool",
        "description": "A tool type the gateway does not run (`web_search`, `namespace`, …).",
        "required": [
          "type"
        ],
        "properties": {
          "type": {
            "type": "string",
            "maxLength": 128,
            "not": {
              "enum": [
                "function"
              ]
            }
          }
        },
        "additionalProperties": true
      },
      "ResponseToolChoice": {
        "description": "`none`, `auto`, `required`, a function by name, or another tool choice (accepted).",
        "anyOf": [
          {
            "type": "string",
            "title": "Tool choice mode",
            "enum": [
              "none",
              "auto",
              "required"
            ]
          },
          {
            "$ref": "#/components/schemas/ResponseToolChoiceFunction"
          },
          {
            "type": "object",
            "title": "Other tool choice",
            "required": [
              "type"
            ],
            "properties": {
              "type": {
                "type": "string"
              }
            },
            "additionalProperties": true
          }
        ]
      },
      "ResponseToolChoiceFunction": {
        "type": "object",
        "required": [
          "type",
          "name"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "function"
            ]
          },
          "name": {
            "type": "string"
          }
        }
      },
      "ResponseTextConfig": {
        "type": "object",
        "description": "How the text output is formatted.",
        "properties": {
          "format": {
            "$ref": "#/components/schemas/ResponseTextFormat"
          },
          "verbosity": {
            "anyOf": [
              {
                "type": "string",
                "enum": [
                  "low",
                  "medium",
                  "high"
                ]
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "ResponseTextFormat": {
        "oneOf": [
          {
            "$ref": "#/components/schemas/ResponseFormatText"
          },
          {
            "$ref": "#/components/schemas/ResponseTextFormatJsonSchema"
          },
          {
            "$ref": "#/components/schemas/ResponseFormatJsonObject"
          }
        ],
        "discriminator": {
          "propertyName": "type",
          "mapping": {
            "text": "#/components/schemas/ResponseFormatText",
            "json_schema": "#/components/schemas/ResponseTextFormatJsonSchema",
            "json_object": "#/components/schemas/ResponseFormatJsonObject"
          }
        }
      },
      "ResponseTextFormatJsonSchema": {
        "type": "object",
        "required": [
          "type",
          "name",
          "schema"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "json_schema"
            ]
          },
          "name": {
            "type": "string",
            "pattern": "^[A-Za-z0-9_-]{1,64}$"
          },
          "description": {
            "type": "string"
          },
          "schema": {
            "type": "object",
            "additionalProperties": true
          },
          "strict": {
            "type": [
              "boolean",
              "null"
            ]
          }
        }
      },
      "Response": {
        "type": "object",
        "description": "A response: the turn's output items and the request's settings echoed. `usage` is\npresent once the turn ended; `user` when the request gave one.\n",
        "required": [
          "id",
          "object",
          "created_at",
          "completed_at",
          "status",
          "error",
          "incomplete_details",
          "model",
          "previous_response_id",
          "instructions",
          "output",
          "tools",
          "tool_choice",
          "truncation",
          "parallel_tool_calls",
          "text",
          "temperature",
          "top_p",
          "presence_penalty",
          "frequency_penalty",
          "top_logprobs",
          "reasoning",
          "max_output_tokens",
          "max_tool_calls",
          "store",
          "background",
          "service_tier",
          "metadata",
          "safety_identifier",
          "prompt_cache_key"
        ],
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^resp_",
            "example": "resp_3fUvKZB4mQ9yU1nT0cA2xw3fUvKZB4mQ"
          },
          "object": {
            "type": "string",
            "enum": [
              "response"
            ]
          },
          "created_at": {
            "type": "integer",
            "description": "Unix time in seconds."
          },
          "completed_at": {
            "type": [
              "integer",
              "null"
            ],
            "description": "Unix time in seconds, once the turn ended."
          },
          "status": {
            "type": "string",
            "enum": [
              "completed",
              "incomplete",
              "failed",
              "in_progress"
            ]
          },
          "error": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/ResponseError"
              },
              {
                "type": "null"
              }
            ]
          },
          "incomplete_details": {
            "anyOf": [
              {
                "type": "object",
                "required": [
                  "reason"
                ],
                "properties": {
                  "reason": {
                    "type": "string",
                    "enum": [
                      "max_output_tokens",
                      "content_filter"
                    ]
                  }
                }
              },
              {
                "type": "null"
              }
            ]
          },
          "model": {
            "type": "string",
            "description": "The request's `model`, echoed."
          },
          "previous_response_id": {
            "type": [
              "string",
              "null"
            ]
          },
          "instructions": {
            "type": [
              "string",
              "null"
            ]
          },
          "output": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ResponseOutputItem"
            }
          },
          "tools": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ResponseEchoedTool"
            }
          },
          "tool_choice": {
            "$ref": "#/components/schemas/ResponseToolChoice"
          },
          "truncation": {
            "type": "string",
            "enum": [
              "auto",
              "disabled"
            ]
          },
          "parallel_tool_calls": {
            "type": "boolean"
          },
          "text": {
            "$ref": "#/components/schemas/ResponseTextConfig"
          },
          "temperature": {
            "type": [
              "number",
              "null"
            ]
          },
          "top_p": {
            "type": [
              "number",
              "null"
            ]
          },
          "presence_penalty": {
            "type": "number"
          },
          "frequency_penalty": {
            "type": "number"
          },
          "top_logprobs": {
            "type": "integer"
          },
          "reasoning": {
            "type": [
              "object",
              "null"
            ],
            "additionalProperties": true
          },
          "max_output_tokens": {
            "type": [
              "integer",
              "null"
            ]
          },
          "max_tool_calls": {
            "type": [
              "integer",
              "null"
            ]
          },
          "store": {
            "type": "boolean"
          },
          "background": {
            "type": "boolean"
          },
          "service_tier": {
            "type": "string"
          },
          "metadata": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            }
          },
          "safety_identifier": {
            "type": [
              "string",
              "null"
            ]
          },
          "prompt_cache_key": {
            "type": [
              "string",
              "null"
            ]
          },
          "user": {
            "type": "string"
          },
          "usage": {
            "$ref": "#/components/schemas/ResponseUsage"
          }
        }
      },
      "ResponseError": {
        "type": "object",
        "description": "Why a response failed.",
        "required": [
          "code",
          "message"
        ],
        "properties": {
          "code": {
            "type": "string",
            "description": "What failed, as the same error's `code` before the stream would say; an agent error without a code of its own gets its status's (`bad_request`, `unauthorized`, `forbidden`, `not_found`, `rate_limit_exceeded`, …), else `server_error`. A client tells the error's class by it, since a failed response carries no HTTP status.",
            "example": "server_error"
          },
          "message": {
            "type": "string"
          }
        }
      },
      "ResponseUsage": {
        "type": "object",
        "required": [
          "input_tokens",
          "input_tokens_details",
          "output_tokens",
          "output_tokens_details",
          "total_tokens"
        ],
        "properties": {
          "input_tokens": {
            "type": "integer",
            "minimum": 0
          },
          "input_tokens_details": {
            "type": "object",
            "required": [
              "cached_tokens"
            ],
            "properties": {
              "cached_tokens": {
                "type": "integer",
                "minimum": 0
              }
            }
          },
          "output_tokens": {
            "type": "integer",
            "minimum": 0
          },
          "output_tokens_details": {
            "type": "object",
            "required": [
              "reasoning_tokens"
            ],
            "properties": {
              "reasoning_tokens": {
                "type": "integer",
                "minimum": 0
              }
            }
          },
          "total_tokens": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "ResponseOutputItem": {
        "oneOf": [
          {
            "$ref": "#/components/schemas/ResponseOutputMessage"
          },
          {
            "$ref": "#/components/schemas/ResponseFunctionCallItem"
          }
        ],
        "discriminator": {
          "propertyName": "type",
          "mapping": {
            "message": "#/components/schemas/ResponseOutputMessage",
            "function_call": "#/components/schemas/ResponseFunctionCallItem"
          }
        }
      },
      "ResponseOutputMessage": {
        "type": "object",
        "title": "Output message",
        "required": [
          "id",
          "type",
          "role",
          "content",
          "status"
        ],
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^msg_"
          },
          "type": {
            "type": "string",
            "enum": [
              "message"
            ]
          },
          "role": {
            "type": "string",
            "enum": [
              "assistant"
            ]
          },
          "content": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ResponseOutputContent"
            }
          },
          "status": {
            "type": "string",
            "enum": [
              "in_progress",
              "completed",
              "incomplete"
            ]
          }
        }
      },
      "ResponseOutputContent": {
        "oneOf": [
          {
            "$ref": "#/components/schemas/ResponseOutputText"
          },
          {
            "$ref": "#/components/schemas/ResponseRefusal"
          }
        ],
        "discriminator": {
          "propertyName": "type",
          "mapping": {
            "output_text": "#/components/schemas/ResponseOutputText",
            "refusal": "#/components/schemas/ResponseRefusal"
          }
        }
      },
      "ResponseFunctionCallItem": {
        "type": "object",
        "title": "Function call item",
        "description": "A call of a client-side tool; answer it with a `function_call_output` input item.",
        "required": [
          "id",
          "type",
          "call_id",
          "name",
          "arguments",
          "status"
        ],
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^fc_"
          },
          "type": {
            "type": "string",
            "enum": [
              "function_call"
            ]
          },
          "call_id": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "arguments": {
            "type": "string",
            "description": "The arguments as JSON text."
          },
          "status": {
            "type": "string",
            "enum": [
              "in_progress",
              "completed",
              "incomplete"
            ]
          }
        }
      },
      "ResponseItem": {
        "description": "A stored item, as `input_items` lists it.",
        "oneOf": [
          {
            "$ref": "#/components/schemas/ResponseMessageItem"
          },
          {
            "$ref": "#/components/schemas/ResponseFunctionCallItem"
          },
          {
            "$ref": "#/components/schemas/ResponseFunctionCallOutputItem"
          }
        ],
        "discriminator": {
          "propertyName": "type",
          "mapping": {
            "message": "#/components/schemas/ResponseMessageItem",
            "function_call": "#/components/schemas/ResponseFunctionCallItem",
            "function_call_output": "#/components/schemas/ResponseFunctionCallOutputItem"
          }
        }
      },
      "ResponseMessageItem": {
        "type": "object",
        "title": "Message item",
        "required": [
          "id",
          "type",
          "role",
          "content",
          "status"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "type": {
            "type": "string",
            "enum": [
              "message"
            ]
          },
          "role": {
            "type": "string",
            "enum": [
              "user",
              "assistant",
              "system",
              "developer"
            ]
          },
          "content": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ResponseInputContent"
            }
          },
          "status": {
            "type": "string",
            "enum": [
              "in_progress",
              "completed",
              "incomplete"
            ]
          }
        }
      },
      "ResponseFunctionCallOutputItem": {
        "type": "object",
        "title": "Function call output item",
        "required": [
          "id",
          "type",
          "call_id",
          "output",
          "status"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "type": {
            "type": "string",
            "enum": [
              "function_call_output"
            ]
          },
          "call_id": {
            "type": "string"
          },
          "output": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/ResponseInputContent"
                }
              }
            ]
          },
          "status": {
            "type": "string",
            "enum": [
              "in_progress",
              "completed",
              "incomplete"
            ]
          }
        }
      },
      "ResponseItemList": {
        "type": "object",
        "required": [
          "object",
          "data",
          "has_more",
          "first_id",
          "last_id"
        ],
        "properties": {
          "object": {
            "type": "string",
            "enum": [
              "list"
            ]
          },
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ResponseItem"
            }
          },
          "has_more": {
            "type": "boolean"
          },
          "first_id": {
            "type": [
              "string",
              "null"
            ]
          },
          "last_id": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "ResponseDeleted": {
        "type": "object",
        "required": [
          "id",
          "object",
          "deleted"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "object": {
            "type": "string",
            "enum": [
              "response.deleted"
            ]
          },
          "deleted": {
            "type": "boolean",
            "enum": [
              true
            ]
          }
        }
      },
      "ResponseStreamEvent": {
        "description": "One event of a streamed response; the SSE `event:` line equals `type`.",
        "oneOf": [
          {
            "$ref": "#/components/schemas/ResponseCreatedEvent"
          },
          {
            "$ref": "#/components/schemas/ResponseInProgressEvent"
          },
          {
            "$ref": "#/components/schemas/ResponseCompletedEvent"
          },
          {
            "$ref": "#/components/schemas/ResponseIncompleteEvent"
          },
          {
            "$ref": "#/components/schemas/ResponseFailedEvent"
          },
          {
            "$ref": "#/components/schemas/ResponseOutputItemAddedEvent"
          },
          {
            "$ref": "#/components/schemas/ResponseOutputItemDoneEvent"
          },
          {
            "$ref": "#/components/schemas/ResponseContentPartAddedEvent"
          },
          {
            "$ref": "#/components/schemas/ResponseContentPartDoneEvent"
          },
          {
            "$ref": "#/components/schemas/ResponseOutputTextDeltaEvent"
          },
          {
            "$ref": "#/components/schemas/ResponseOutputTextDoneEvent"
          },
          {
            "$ref": "#/components/schemas/ResponseFunctionCallArgumentsDeltaEvent"
          },
          {
            "$ref": "#/components/schemas/ResponseFunctionCallArgumentsDoneEvent"
          }
        ],
        "discriminator": {
          "propertyName": "type",
          "mapping": {
            "response.created": "#/components/schemas/ResponseCreatedEvent",
            "response.in_progress": "#/components/schemas/ResponseInProgressEvent",
            "response.completed": "#/components/schemas/ResponseCompletedEvent",
            "response.incomplete": "#/components/schemas/ResponseIncompleteEvent",
            "response.failed": "#/components/schemas/ResponseFailedEvent",
            "response.output_item.added": "#/components/schemas/ResponseOutputItemAddedEvent",
            "response.output_item.done": "#/components/schemas/ResponseOutputItemDoneEvent",
            "response.content_part.added": "#/components/schemas/ResponseContentPartAddedEvent",
            "response.content_part.done": "#/components/schemas/ResponseContentPartDoneEvent",
            "response.output_text.delta": "#/components/schemas/ResponseOutputTextDeltaEvent",
            "response.output_text.done": "#/components/schemas/ResponseOutputTextDoneEvent",
            "response.function_call_arguments.delta": "#/components/schemas/ResponseFunctionCallArgumentsDeltaEvent",
            "response.function_call_arguments.done": "#/components/schemas/ResponseFunctionCallArgumentsDoneEvent"
          }
        }
      },
      "ResponseCreatedEvent": {
        "type": "object",
        "description": "The first event: the response, `in_progress`.",
        "required": [
          "type",
          "sequence_number",
          "response"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "response.created"
            ]
          },
          "sequence_number": {
            "$ref": "#/components/schemas/SequenceNumber"
          },
          "response": {
            "$ref": "#/components/schemas/Response"
          }
        }
      },
      "ResponseInProgressEvent": {
        "type": "object",
        "description": "The turn is running.",
        "required": [
          "type",
          "sequence_number",
          "response"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "response.in_progress"
            ]
          },
          "sequence_number": {
            "$ref": "#/components/schemas/SequenceNumber"
          },
          "response": {
            "$ref": "#/components/schemas/Response"
          }
        }
      },
      "ResponseCompletedEvent": {
        "type": "object",
        "description": "Terminal: the turn ended normally.",
        "required": [
          "type",
          "sequence_number",
          "response"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "response.completed"
            ]
          },
          "sequence_number": {
            "$ref": "#/components/schemas/SequenceNumber"
          },
          "response": {
            "$ref": "#/components/schemas/Response"
          }
        }
      },
      "ResponseIncompleteEvent": {
        "type": "object",
        "description": "Terminal: the turn stopped early (`incomplete_details` says why).",
        "required": [
          "type",
          "sequence_number",
          "response"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "response.incomplete"
            ]
          },
          "sequence_number": {
            "$ref": "#/components/schemas/SequenceNumber"
          },
          "response": {
            "$ref": "#/components/schemas/Response"
          }
        }
      },
      "ResponseFailedEvent": {
        "type": "object",
        "description": "Terminal: the agent failed; the response's `error` says how.",
        "required": [
          "type",
          "sequence_number",
          "response"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "response.failed"
            ]
          },
          "sequence_number": {
            "$ref": "#/components/schemas/SequenceNumber"
          },
          "response": {
            "$ref": "#/components/schemas/Response"
          }
        }
      },
      "ResponseOutputItemAddedEvent": {
        "type": "object",
        "required": [
          "type",
          "sequence_number",
          "output_index",
          "item"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "response.output_item.added"
            ]
          },
          "sequence_number": {
            "$ref": "#/components/schemas/SequenceNumber"
          },
          "output_index": {
            "type": "integer",
            "minimum": 0
          },
          "item": {
            "$ref": "#/components/schemas/ResponseOutputItem"
          }
        }
      },
      "ResponseOutputItemDoneEvent": {
        "type": "object",
        "required": [
          "type",
          "sequence_number",
          "output_index",
          "item"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "response.output_item.done"
            ]
          },
          "sequence_number": {
            "$ref": "#/components/schemas/SequenceNumber"
          },
          "output_index": {
            "type": "integer",
            "minimum": 0
          },
          "item": {
            "$ref": "#/components/schemas/ResponseOutputItem"
          }
        }
      },
      "ResponseContentPartAddedEvent": {
        "type": "object",
        "required": [
          "type",
          "sequence_number",
          "item_id",
          "output_index",
          "content_index",
          "part"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "response.content_part.added"
            ]
          },
          "sequence_number": {
            "$ref": "#/components/schemas/SequenceNumber"
          },
          "item_id": {
            "type": "string"
          },
          "output_index": {
            "type": "integer",
            "minimum": 0
          },
          "content_index": {
            "type": "integer",
            "minimum": 0
          },
          "part": {
            "$ref": "#/components/schemas/ResponseOutputContent"
          }
        }
      },
      "ResponseContentPartDoneEvent": {
        "type": "object",
        "required": [
          "type",
          "sequence_number",
          "item_id",
          "output_index",
          "content_index",
          "part"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "response.content_part.done"
            ]
          },
          "sequence_number": {
            "$ref": "#/components/schemas/SequenceNumber"
          },
          "item_id": {
            "type": "string"
          },
          "output_index": {
            "type": "integer",
            "minimum": 0
          },
          "content_index": {
            "type": "integer",
            "minimum": 0
          },
          "part": {
            "$ref": "#/components/schemas/ResponseOutputContent"
          }
        }
      },
      "ResponseOutputTextDeltaEvent": {
        "type": "object",
        "required": [
          "type",
          "sequence_number",
          "item_id",
          "output_index",
          "content_index",
          "delta",
          "logprobs"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "response.output_text.delta"
            ]
          },
          "sequence_number": {
            "$ref": "#/components/schemas/SequenceNumber"
          },
          "item_id": {
            "type": "string"
          },
          "output_index": {
            "type": "integer",
            "minimum": 0
          },
          "content_index": {
            "type": "integer",
            "minimum": 0
          },
          "delta": {
            "type": "string"
          },
          "logprobs": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": true
            }
          }
        }
      },
      "ResponseOutputTextDoneEvent": {
        "type": "object",
        "required": [
          "type",
          "sequence_number",
          "item_id",
          "output_index",
          "content_index",
          "text",
          "logprobs"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "response.output_text.done"
            ]
          },
          "sequence_number": {
            "$ref": "#/components/schemas/SequenceNumber"
          },
          "item_id": {
            "type": "string"
          },
          "output_index": {
            "type": "integer",
            "minimum": 0
          },
          "content_index": {
            "type": "integer",
            "minimum": 0
          },
          "text": {
            "type": "string"
          },
          "logprobs": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": true
            }
          }
        }
      },
      "ResponseFunctionCallArgumentsDeltaEvent": {
        "type": "object",
        "required": [
          "type",
          "sequence_number",
          "item_id",
          "output_index",
          "delta"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "response.function_call_arguments.delta"
            ]
          },
          "sequence_number": {
            "$ref": "#/components/schemas/SequenceNumber"
          },
          "item_id": {
            "type": "string"
          },
          "output_index": {
            "type": "integer",
            "minimum": 0
          },
          "delta": {
            "type": "string"
          }
        }
      },
      "ResponseFunctionCallArgumentsDoneEvent": {
        "type": "object",
        "required": [
          "type",
          "sequence_number",
          "item_id",
          "output_index",
          "name",
          "arguments"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "response.function_call_arguments.done"
            ]
          },
          "sequence_number": {
            "$ref": "#/components/schemas/SequenceNumber"
          },
          "item_id": {
            "type": "string"
          },
          "output_index": {
            "type": "integer",
            "minimum": 0
          },
          "name": {
            "type": "string"
          },
          "arguments": {
            "type": "string"
          }
        }
      },
      "SequenceNumber": {
        "type": "integer",
        "minimum": 0,
        "description": "The event's place in its stream, from 0, each one more than the last."
      }
    }
  }
};
export default spec;
