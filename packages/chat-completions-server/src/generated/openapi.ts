// Generated from openapi/openapi.yaml by `pnpm generate`. Do not edit.
export interface paths {
    "/v1/chat/completions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run one agent turn as a chat completion
         * @description Runs one turn of the selected agent. Without `stream` the answer is one
         *     `chat.completion` object. With `stream: true` the answer is `text/event-stream`:
         *     each event is one line `data: <CreateChatCompletionStreamResponse JSON>` followed by a
         *     blank line. The first chunk carries `delta.role`, then content and tool-call deltas,
         *     then one chunk with `finish_reason` set; with `stream_options.include_usage` one more
         *     chunk with `choices: []` and `usage`; the stream ends with `data: [DONE]`. Lines that
         *     start with `:` (`: keep-alive`) are comments sent while the agent is silent. An error
         *     after the stream began arrives as one `data: {"error": {...}}` event (an
         *     `ErrorResponse`), followed by `data: [DONE]`.
         */
        post: operations["createChatCompletion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the agents as models
         * @description `openclaw`, `openclaw/default` and `openclaw/<agentId>` for each agent.
         */
        get: operations["listModels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{model}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve one model */
        get: operations["retrieveModel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        CreateChatCompletionRequest: {
            /**
             * @description `openclaw` or `openclaw/default` (the default agent), `openclaw:<agentId>`,
             *     `openclaw/<agentId>` or `agent:<agentId>`. Echoed in the response (in every
             *     stream chunk), hence bounded.
             * @example openclaw:main
             */
            model: string;
            /** @description The conversation so far. */
            messages: components["schemas"]["ChatCompletionRequestMessage"][];
            /**
             * @description Answer with server-sent events.
             * @default false
             */
            stream?: boolean | null;
            stream_options?: components["schemas"]["ChatCompletionStreamOptions"];
            /**
             * @description A stable end-user id; it keys a persistent agent session.
             * @example user-1234
             */
            user?: string;
            /**
             * @deprecated
             * @description Deprecated in favour of `max_completion_tokens`.
             */
            max_tokens?: number | null;
            /** @description An upper bound for the number of tokens generated. */
            max_completion_tokens?: number | null;
            /** @default 1 */
            temperature?: number | null;
            /** @default 1 */
            top_p?: number | null;
            /** @default 0 */
            frequency_penalty?: number | null;
            /** @default 0 */
            presence_penalty?: number | null;
            /** @description Best-effort deterministic sampling. */
            seed?: number | null;
            stop?: components["schemas"]["StopConfiguration"];
            /**
             * @description How many choices to generate. An agent turn yields one; values above 1 are refused.
             * @default 1
             */
            n?: number | null;
            response_format?: components["schemas"]["ResponseFormat"];
            /** @description Tools the model may call; calls come back to the client. */
            tools?: components["schemas"]["ChatCompletionTool"][];
            tool_choice?: components["schemas"]["ChatCompletionToolChoiceOption"];
            /** @default true */
            parallel_tool_calls?: boolean;
            /**
             * @description Accepted for compatibility; agents return no log probabilities.
             * @default false
             */
            logprobs?: boolean | null;
            top_logprobs?: number | null;
            logit_bias?: {
                [key: string]: number;
            } | null;
            metadata?: components["schemas"]["Metadata"];
            /** @default false */
            store?: boolean | null;
            service_tier?: components["schemas"]["ServiceTier"];
            reasoning_effort?: components["schemas"]["ReasoningEffort"];
        };
        ChatCompletionRequestMessage: components["schemas"]["ChatCompletionRequestDeveloperMessage"] | components["schemas"]["ChatCompletionRequestSystemMessage"] | components["schemas"]["ChatCompletionRequestUserMessage"] | components["schemas"]["ChatCompletionRequestAssistantMessage"] | components["schemas"]["ChatCompletionRequestToolMessage"] | components["schemas"]["ChatCompletionRequestFunctionMessage"];
        /** Developer message */
        ChatCompletionRequestDeveloperMessage: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            role: "developer";
            content: components["schemas"]["TextOnlyContent"];
            name?: string;
        };
        /** System message */
        ChatCompletionRequestSystemMessage: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            role: "system";
            content: components["schemas"]["TextOnlyContent"];
            name?: string;
        };
        /** User message */
        ChatCompletionRequestUserMessage: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            role: "user";
            content: string | components["schemas"]["ChatCompletionRequestUserMessageContentPart"][];
            name?: string;
        };
        /** Assistant message */
        ChatCompletionRequestAssistantMessage: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            role: "assistant";
            /** @description Required unless `tool_calls` or `function_call` is set. */
            content?: string | components["schemas"]["ChatCompletionRequestAssistantMessageContentPart"][] | null;
            refusal?: string | null;
            name?: string;
            audio?: {
                id: string;
            } | null;
            tool_calls?: components["schemas"]["ChatCompletionMessageToolCalls"];
            function_call?: components["schemas"]["FunctionCall"] | null;
        };
        /** Tool message */
        ChatCompletionRequestToolMessage: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            role: "tool";
            content: components["schemas"]["TextOnlyContent"];
            tool_call_id: string;
        };
        /**
         * Function message
         * @deprecated
         */
        ChatCompletionRequestFunctionMessage: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            role: "function";
            content: string | null;
            name: string;
        };
        TextOnlyContent: string | components["schemas"]["ChatCompletionRequestMessageContentPartText"][];
        ChatCompletionRequestUserMessageContentPart: components["schemas"]["ChatCompletionRequestMessageContentPartText"] | components["schemas"]["ChatCompletionRequestMessageContentPartImage"] | components["schemas"]["ChatCompletionRequestMessageContentPartAudio"] | components["schemas"]["ChatCompletionRequestMessageContentPartFile"];
        ChatCompletionRequestAssistantMessageContentPart: components["schemas"]["ChatCompletionRequestMessageContentPartText"] | components["schemas"]["ChatCompletionRequestMessageContentPartRefusal"];
        /** Text content part */
        ChatCompletionRequestMessageContentPartText: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "text";
            text: string;
        };
        /**
         * Image content part
         * @description An image of the current turn (the messages after the last assistant message); earlier turns' images reach the agent as a placeholder (`[image/png 68 B]`). The gateway checks it and answers 400 with `param` naming the part (`messages[0].content[1].image_url`) and `code` one of `too_many_images`, `image_too_large`, `unsupported_image_type`, `invalid_image_data`, `image_url_not_allowed`, `image_fetch_failed`.
         */
        ChatCompletionRequestMessageContentPartImage: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "image_url";
            image_url: {
                /** @description A `data:` URI with base64 image data (its type is sniffed from the bytes, not taken from the URI), or an `http(s)` URL, refused unless the gateway allows remote images. */
                url: string;
                /**
                 * @default auto
                 * @enum {string}
                 */
                detail?: "auto" | "low" | "high";
            };
        };
        /** Audio content part */
        ChatCompletionRequestMessageContentPartAudio: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "input_audio";
            input_audio: {
                /** @description Base64 encoded audio data. */
                data: string;
                /** @enum {string} */
                format: "wav" | "mp3";
            };
        };
        /**
         * File content part
         * @description A file of the current turn, given to the agent as text inside untrusted-content markers: PDF, or UTF-8 text (plain, markdown, CSV, JSON, HTML). Refused with 400, `param` naming the part (`messages[0].content[1].file`) and `code` one of `too_many_files`, `file_too_large`, `unsupported_file_type`, `invalid_file_data`.
         */
        ChatCompletionRequestMessageContentPartFile: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "file";
            file: {
                filename?: string;
                /** @description Base64 encoded file data, bare or as a `data:` URI. */
                file_data?: string;
                /** @description Not supported by the gateway (400 `invalid_file_data`); send `file_data`. */
                file_id?: string;
            };
        };
        /** Refusal content part */
        ChatCompletionRequestMessageContentPartRefusal: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "refusal";
            refusal: string;
        };
        /** @description Options for a streamed answer. Only set this with `stream: true`. */
        ChatCompletionStreamOptions: {
            /** @description Send one more chunk before `[DONE]` with `choices: []` and the turn's `usage`. */
            include_usage?: boolean;
            /** @description Accepted for compatibility; chunks carry no obfuscation field. */
            include_obfuscation?: boolean;
        } | null;
        /** @description Up to 4 sequences where generation stops. */
        StopConfiguration: string | string[] | null;
        ResponseFormat: components["schemas"]["ResponseFormatText"] | components["schemas"]["ResponseFormatJsonSchema"] | components["schemas"]["ResponseFormatJsonObject"];
        ResponseFormatText: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "text";
        };
        ResponseFormatJsonObject: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "json_object";
        };
        ResponseFormatJsonSchema: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "json_schema";
            json_schema: {
                name: string;
                description?: string;
                schema?: {
                    [key: string]: unknown;
                };
                strict?: boolean | null;
            };
        };
        ChatCompletionTool: components["schemas"]["ChatCompletionFunctionTool"] | components["schemas"]["ChatCompletionCustomTool"];
        /** Function tool */
        ChatCompletionFunctionTool: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "function";
            function: components["schemas"]["FunctionObject"];
        };
        /** Custom tool */
        ChatCompletionCustomTool: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "custom";
            custom: {
                name: string;
                description?: string;
                format?: {
                    /** @enum {string} */
                    type: "text";
                } | {
                    /** @enum {string} */
                    type: "grammar";
                    grammar: {
                        definition: string;
                        /** @enum {string} */
                        syntax: "lark" | "regex";
                    };
                };
            };
        };
        FunctionObject: {
            name: string;
            description?: string;
            /** @description The function's parameters as a JSON Schema object. */
            parameters?: {
                [key: string]: unknown;
            };
            strict?: boolean | null;
        };
        ChatCompletionToolChoiceOption: ("none" | "auto" | "required") | components["schemas"]["ChatCompletionAllowedToolsChoice"] | components["schemas"]["ChatCompletionNamedToolChoice"] | components["schemas"]["ChatCompletionNamedToolChoiceCustom"];
        ChatCompletionAllowedToolsChoice: {
            /** @enum {string} */
            type: "allowed_tools";
            allowed_tools: {
                /** @enum {string} */
                mode: "auto" | "required";
                tools: {
                    [key: string]: unknown;
                }[];
            };
        };
        ChatCompletionNamedToolChoice: {
            /** @enum {string} */
            type: "function";
            function: {
                name: string;
            };
        };
        ChatCompletionNamedToolChoiceCustom: {
            /** @enum {string} */
            type: "custom";
            custom: {
                name: string;
            };
        };
        FunctionCall: {
            name: string;
            /** @description The arguments as JSON text. */
            arguments: string;
        };
        ChatCompletionMessageToolCalls: components["schemas"]["ChatCompletionMessageToolCall"][];
        ChatCompletionMessageToolCall: components["schemas"]["ChatCompletionMessageFunctionToolCall"] | components["schemas"]["ChatCompletionMessageCustomToolCall"];
        /** Function tool call */
        ChatCompletionMessageFunctionToolCall: {
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "function";
            function: components["schemas"]["FunctionCall"];
        };
        /** Custom tool call */
        ChatCompletionMessageCustomToolCall: {
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "custom";
            custom: {
                name: string;
                input: string;
            };
        };
        /** @description Up to 16 string key-value pairs. */
        Metadata: {
            [key: string]: string;
        } | null;
        ServiceTier: ("auto" | "default" | "flex" | "scale" | "priority") | null;
        ReasoningEffort: ("none" | "minimal" | "low" | "medium" | "high" | "xhigh") | null;
        CreateChatCompletionResponse: {
            /** @example chatcmpl-3fUvKZB4mQ9yU1nT0cA2xw */
            id: string;
            /** @enum {string} */
            object: "chat.completion";
            /** @description Unix time in seconds. */
            created: number;
            /** @description The request's `model`, echoed. */
            model: string;
            choices: {
                index: number;
                message: components["schemas"]["ChatCompletionResponseMessage"];
                finish_reason: components["schemas"]["FinishReason"];
                logprobs: components["schemas"]["ChoiceLogprobs"] | null;
            }[];
            usage?: components["schemas"]["CompletionUsage"];
            system_fingerprint?: string;
        };
        ChatCompletionResponseMessage: {
            /** @enum {string} */
            role: "assistant";
            content: string | null;
            refusal: string | null;
            tool_calls?: components["schemas"]["ChatCompletionMessageToolCalls"];
        };
        /** @enum {string} */
        FinishReason: "stop" | "length" | "tool_calls" | "content_filter" | "function_call";
        ChoiceLogprobs: {
            content: components["schemas"]["ChatCompletionTokenLogprob"][] | null;
            refusal: components["schemas"]["ChatCompletionTokenLogprob"][] | null;
        };
        ChatCompletionTokenLogprob: {
            token: string;
            logprob: number;
            bytes: number[] | null;
            top_logprobs: {
                token: string;
                logprob: number;
                bytes: number[] | null;
            }[];
        };
        CompletionUsage: {
            prompt_tokens: number;
            completion_tokens: number;
            total_tokens: number;
        };
        /** @description One chunk of a streamed completion; every chunk of a stream has the same `id`, `created` and `model`. */
        CreateChatCompletionStreamResponse: {
            id: string;
            /** @enum {string} */
            object: "chat.completion.chunk";
            created: number;
            model: string;
            /** @description One choice, or none in the final usage chunk. */
            choices: {
                index: number;
                delta: components["schemas"]["ChatCompletionStreamResponseDelta"];
                finish_reason: components["schemas"]["FinishReason"] | null;
                logprobs?: components["schemas"]["ChoiceLogprobs"] | null;
            }[];
            /** @description With `stream_options.include_usage`, null on every chunk but the last, which has `choices: []`. */
            usage?: components["schemas"]["CompletionUsage"] | null;
            system_fingerprint?: string;
        };
        ChatCompletionStreamResponseDelta: {
            /** @enum {string} */
            role?: "assistant";
            content?: string | null;
            refusal?: string | null;
            tool_calls?: components["schemas"]["ChatCompletionMessageToolCallChunk"][];
        };
        ChatCompletionMessageToolCallChunk: {
            index: number;
            id?: string;
            /** @enum {string} */
            type?: "function";
            function?: {
                name?: string;
                arguments?: string;
            };
        };
        ErrorResponse: {
            error: components["schemas"]["Error"];
        };
        Error: {
            message: string;
            /** @description `invalid_request_error`, `authentication_error`, `rate_limit_error`, `api_error`, … */
            type: string;
            /** @description The offending request field, e.g. `messages[0].role`. */
            param: string | null;
            /** @description `invalid_api_key`, `model_not_found`, `rate_limit_exceeded`, … */
            code: string | null;
        };
        Model: {
            /** @example openclaw/main */
            id: string;
            /** @enum {string} */
            object: "model";
            created: number;
            /** @example openclaw */
            owned_by: string;
        };
        ListModelsResponse: {
            /** @enum {string} */
            object: "list";
            data: components["schemas"]["Model"][];
        };
    };
    responses: {
        /** @description The request is malformed or fails validation; `param` names the field. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The bearer secret is missing or wrong. */
        Unauthorized: {
            headers: {
                "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The agent named by `model` or `x-openclaw-agent-id` does not exist. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The path does not accept this method. */
        MethodNotAllowed: {
            headers: {
                Allow: components["headers"]["Allow"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The request body did not arrive in time. */
        RequestTimeout: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The body is larger than the server's `maxBodyBytes`. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The body is not `application/json`, its `charset` is not UTF-8, or it has a `Content-Encoding`. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Too many failed authentication attempts from this client, or an upstream rate limit. */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The agent failed. */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The agent's upstream model provider failed. */
        BadGateway: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The gateway is shutting down or the agent is unavailable. */
        ServiceUnavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The agent's upstream model provider timed out. */
        GatewayTimeout: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: {
        /** @description The agent to run. Beats `model`; when set, `model` is only echoed. */
        AgentIdHeader: string;
        /**
         * @description The session to continue, in the agent's own namespace for chosen keys
         *     (`agent:<agentId>:explicit:<key>`): the same key on two agents is two sessions, and no
         *     chosen key reaches a `user` session or the WebSocket's `agent:<agentId>:main`. Keys
         *     starting with OpenClaw's reserved prefixes `subagent:`, `cron:` or `acp:` (any case)
         *     are refused with 400 `reserved_session_key`. Without it, an OpenAI `user` gives the
         *     stable session `agent:<agentId>:openai-user:<user>`, and otherwise every request is a
         *     new, ephemeral session.
         */
        SessionKeyHeader: string;
    };
    requestBodies: never;
    headers: {
        /** @description Whole seconds to wait before trying again. */
        RetryAfter: number;
        /** @description Always `Bearer`. */
        WWWAuthenticate: string;
        /** @description The methods the path accepts. */
        Allow: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createChatCompletion: {
        parameters: {
            query?: never;
            header?: {
                /** @description The agent to run. Beats `model`; when set, `model` is only echoed. */
                "x-openclaw-agent-id"?: components["parameters"]["AgentIdHeader"];
                /**
                 * @description The session to continue, in the agent's own namespace for chosen keys
                 *     (`agent:<agentId>:explicit:<key>`): the same key on two agents is two sessions, and no
                 *     chosen key reaches a `user` session or the WebSocket's `agent:<agentId>:main`. Keys
                 *     starting with OpenClaw's reserved prefixes `subagent:`, `cron:` or `acp:` (any case)
                 *     are refused with 400 `reserved_session_key`. Without it, an OpenAI `user` gives the
                 *     stable session `agent:<agentId>:openai-user:<user>`, and otherwise every request is a
                 *     new, ephemeral session.
                 */
                "x-openclaw-session-key"?: components["parameters"]["SessionKeyHeader"];
            };
            path?: never;
            cookie?: never;
        };
        /**
         * @description A JSON object, sent as `Content-Type: application/json` (any case). A `charset`
         *     parameter must name UTF-8 (`utf-8` or `utf8`, any case, quoted or not); any other
         *     charset is 415. Other parameters (`application/json; v=1`) are ignored: every body
         *     is read and validated the same way, whatever they say.
         */
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateChatCompletionRequest"];
            };
        };
        responses: {
            /** @description The completion, or a stream of completion chunks. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateChatCompletionResponse"];
                    "text/event-stream": components["schemas"]["CreateChatCompletionStreamResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            408: components["responses"]["RequestTimeout"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    listModels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The models. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListModelsResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            405: components["responses"]["MethodNotAllowed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    retrieveModel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A model id as listed by `GET /v1/models` (URL-encode the `/`). */
                model: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The model. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Model"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
}
