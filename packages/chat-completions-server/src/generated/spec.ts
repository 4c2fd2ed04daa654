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
          "405": {
            "$ref": "#/components/responses/MethodNotAllowed"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
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
        "description": "The gateway is shutting down or the agent is unavailable.",
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
        "description": "A file of the current turn, given to the agent as text inside untrusted-content markers: PDF, or UTF-8 text (plain, markdown, CSV, JSON, HTML). Refused with 400, `param` naming the part (`messages[0].content[1].file`) and `code` one of `too_many_files`, `file_too_large`, `unsupported_file_type`, `invalid_file_data`.",
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
      }
    }
  }
};
export default spec;
