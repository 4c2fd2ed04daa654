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
    "/v1/responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run one agent turn as a response (the Responses API)
         * @description Runs one turn of the selected agent (the same agent forms as chat completions, and the
         *     same auth, body limits and session selection). `input` is a string or a list of input
         *     items; `instructions` and `system`/`developer` messages become the agent's system
         *     text; `function_call_output` items answer the agent's earlier function calls.
         *     `previous_response_id` continues from a stored response's whole chain (the chain is the
         *     turn's conversation; a persistent session named by `user` or `x-openclaw-session-key`
         *     only scopes it); an unknown, deleted, expired or unstored id, or one made by another
         *     agent or in another session, is 404 `previous_response_not_found`. `input` may be left
         *     out when `previous_response_id` is given.
         *
         *     Unknown top-level fields are accepted and ignored; tools of a type other than
         *     `function` (hosted tools the gateway does not run) are accepted and not offered to
         *     the agent. `background: true` is refused.
         *
         *     `input_image` and `input_file` parts of the current turn (the items after the last
         *     assistant message or `function_call`) are checked by the same media policy as chat
         *     completions' image and file parts, and refused with 400 naming the part (see
         *     `ResponseInputImage`, `ResponseInputFile`); earlier turns' media and a
         *     `previous_response_id` chain's reach the agent as placeholders (`[image/png 68 B]`).
         *     A stored response keeps no media bytes.
         *
         *     Without `stream` the answer is one `Response`. With `stream: true` it is
         *     `text/event-stream`: each event is `event: <type>` and `data: <JSON>` (a
         *     `ResponseStreamEvent` whose `type` equals the event line) followed by a blank line,
         *     with `sequence_number` rising from 0: `response.created`, `response.in_progress`,
         *     per output item `response.output_item.added`, its content or argument events,
         *     `response.output_item.done`, then exactly one terminal event —
         *     `response.completed`, `response.incomplete` or `response.failed` (an agent failure
         *     after the stream began; the response's `error` says what failed). There is no
         *     `[DONE]`. Lines that start with `:` are keep-alive comments.
         */
        post: operations["createResponse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/responses/{response_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A response id (`resp_…`). */
                response_id: components["parameters"]["ResponseIdPath"];
            };
            cookie?: never;
        };
        /** Retrieve a stored response */
        get: operations["getResponse"];
        put?: never;
        post?: never;
        /**
         * Delete a stored response
         * @description Later `previous_response_id` references to it are 404 `previous_response_not_found`.
         */
        delete: operations["deleteResponse"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/responses/{response_id}/input_items": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A response id (`resp_…`). */
                response_id: components["parameters"]["ResponseIdPath"];
            };
            cookie?: never;
        };
        /**
         * List a stored response's input items
         * @description The items this request sent (not those of earlier responses in its chain), newest
         *     first by default, a page at a time: pass the last id seen as `after`.
         */
        get: operations["listResponseInputItems"];
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
         * @description A file of the current turn, given to the agent as text inside untrusted-content markers: PDF, or UTF-8 text (plain, markdown, CSV, JSON, HTML). Refused with 400, `param` naming the part (`messages[0].content[1].file`) and `code` one of `too_many_files`, `file_too_large`, `unsupported_file_type`, `invalid_file_data`; a PDF while too many wait to be read is 503 `server_busy`.
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
        /**
         * @description A Responses API request. Fields not listed here are accepted and ignored (clients send
         *     fields newer than any spec).
         */
        CreateResponseRequest: {
            /**
             * @description The agent, in the same forms as chat completions' `model`. Echoed.
             * @example openclaw/main
             */
            model: string;
            /**
             * @description A user message as a string, or a list of input items. Required unless
             *     `previous_response_id` is given (then the agent answers the chain as it stands).
             */
            input?: string | components["schemas"]["ResponseInputItem"][];
            /** @description System text for this turn, before any `system`/`developer` input. */
            instructions?: string | null;
            /** @description A stored response to continue from; the agent sees its whole chain as history. */
            previous_response_id?: string | null;
            /**
             * @description Keep the response, so it can be retrieved and continued. `false` keeps nothing.
             * @default true
             */
            store?: boolean | null;
            /**
             * @description Answer with server-sent events.
             * @default false
             */
            stream?: boolean | null;
            /** @description Accepted for compatibility; events carry no obfuscation field. */
            stream_options?: {
                include_obfuscation?: boolean;
            } | null;
            /**
             * @description `function` tools are offered to the agent; other tool types (hosted tools such as
             *     `web_search`) are accepted and not offered.
             */
            tools?: components["schemas"]["ResponseTool"][];
            tool_choice?: components["schemas"]["ResponseToolChoice"];
            /** @default true */
            parallel_tool_calls?: boolean | null;
            /** @default 1 */
            temperature?: number | null;
            /** @default 1 */
            top_p?: number | null;
            /** @description An upper bound for the number of tokens generated. */
            max_output_tokens?: number | null;
            text?: components["schemas"]["ResponseTextConfig"];
            metadata?: components["schemas"]["Metadata"];
            /** @description A stable end-user id; it keys a persistent agent session. */
            user?: string;
            /**
             * @description Background runs are not supported; `true` is refused.
             * @default false
             * @enum {boolean|null}
             */
            background?: false | null;
            /** @description Accepted and not acted on. */
            reasoning?: {
                [key: string]: unknown;
            } | null;
            /** @description Accepted and not acted on. */
            truncation?: ("auto" | "disabled") | null;
            /** @description Accepted and not acted on. */
            include?: string[] | null;
            service_tier?: components["schemas"]["ServiceTier"];
            /** @description Accepted and not acted on. */
            prompt_cache_key?: string | null;
            /** @description Accepted and not acted on. */
            safety_identifier?: string | null;
            /** @description Accepted and not acted on. */
            max_tool_calls?: number | null;
        };
        /**
         * @description An input item: a message (with or without `type: "message"`), a `function_call` the
         *     model made earlier, or a `function_call_output` answering one. Other item types
         *     (e.g. `reasoning`) are accepted and ignored.
         */
        ResponseInputItem: components["schemas"]["ResponseInputMessage"] | components["schemas"]["ResponseFunctionCall"] | components["schemas"]["ResponseFunctionCallOutput"] | components["schemas"]["ResponseOtherInputItem"];
        /** Message */
        ResponseInputMessage: {
            /** @enum {string} */
            type?: "message";
            id?: string;
            /** @enum {string} */
            role: "user" | "assistant" | "system" | "developer";
            content: string | components["schemas"]["ResponseInputContent"][];
            /** @enum {string} */
            status?: "in_progress" | "completed" | "incomplete";
        };
        /**
         * Other item
         * @description An item type the gateway does not act on; ignored.
         */
        ResponseOtherInputItem: {
            type: string;
        } & {
            [key: string]: unknown;
        };
        ResponseInputContent: components["schemas"]["ResponseInputText"] | components["schemas"]["ResponseOutputText"] | components["schemas"]["ResponseRefusal"] | components["schemas"]["ResponseInputImage"] | components["schemas"]["ResponseInputFile"];
        /** Input text */
        ResponseInputText: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "input_text";
            text: string;
        };
        /**
         * Input image
         * @description An image of the current turn, checked as a chat completions image part is (its type sniffed from its bytes); the agent gets it as one. Refused with 400, `param` naming its `image_url` (`input[1].content[0].image_url`) and `code` one of `too_many_images`, `image_too_large`, `unsupported_image_type`, `invalid_image_data` (also for an image given by `file_id` alone: file ids are not supported), `image_url_not_allowed`, `image_fetch_failed`. A stored item lists a `data:` image with `image_url: null`.
         */
        ResponseInputImage: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "input_image";
            /** @description A `data:` URI with base64 image data, or an `http(s)` URL, refused unless the gateway allows remote images. */
            image_url?: string | null;
            /** @description Not supported by the gateway (400 `invalid_image_data`); send `image_url`. */
            file_id?: string | null;
            /**
             * @description `original` reaches the agent as `high`.
             * @enum {string}
             */
            detail?: "low" | "high" | "auto" | "original";
        };
        /**
         * Input file
         * @description A file of the current turn, given to the agent as text inside untrusted-content markers: PDF, or UTF-8 text (plain, markdown, CSV, JSON, HTML). Refused with 400, `param` naming the part (`input[1].content[0]`) and `code` one of `too_many_files`, `file_too_large`, `unsupported_file_type`, `invalid_file_data` (also for a file given by `file_id` or `file_url` alone). A stored item lists it without its `file_data`.
         */
        ResponseInputFile: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "input_file";
            /** @description The file's content as base64, bare or as a `data:` URI. */
            file_data?: string;
            /** @description Not supported by the gateway (400 `invalid_file_data`); send `file_data`. */
            file_id?: string | null;
            /** @description Not fetched by the gateway (400 `invalid_file_data`); send `file_data`. */
            file_url?: string;
            filename?: string;
        };
        /** Output text */
        ResponseOutputText: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "output_text";
            text: string;
            /** @description Always empty in answers; accepted (and ignored) in input. */
            annotations: {
                [key: string]: unknown;
            }[];
            logprobs?: {
                [key: string]: unknown;
            }[];
        };
        /** Refusal */
        ResponseRefusal: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "refusal";
            refusal: string;
        };
        /** Function call */
        ResponseFunctionCall: {
            /** @enum {string} */
            type: "function_call";
            id?: string;
            call_id: string;
            name: string;
            /** @description The arguments as JSON text. */
            arguments: string;
            /** @enum {string} */
            status?: "in_progress" | "completed" | "incomplete";
        };
        /** Function call output */
        ResponseFunctionCallOutput: {
            /** @enum {string} */
            type: "function_call_output";
            id?: string | null;
            call_id: string;
            /** @description The function's result, as text or content parts. */
            output: string | components["schemas"]["ResponseInputContent"][];
            status?: ("in_progress" | "completed" | "incomplete") | null;
        };
        /**
         * @description A `function` tool, offered to the agent, or a tool of another type (a hosted tool),
         *     accepted and not offered.
         */
        ResponseTool: components["schemas"]["ResponseFunctionTool"] | components["schemas"]["ResponseOtherTool"];
        /** Function tool */
        ResponseFunctionTool: {
            /** @enum {string} */
            type: "function";
            name: string;
            description?: string | null;
            /** @description The function's parameters as a JSON Schema object. */
            parameters?: {
                [key: string]: unknown;
            } | null;
            strict?: boolean | null;
        };
        /** @description A request's tool as a response echoes it; a `function` tool always has `parameters` and `strict` (null when not given). */
        ResponseEchoedTool: components["schemas"]["ResponseEchoedFunctionTool"] | components["schemas"]["ResponseOtherTool"];
        /** Echoed function tool */
        ResponseEchoedFunctionTool: components["schemas"]["ResponseFunctionTool"] & Record<string, never>;
        /**
         * Other tool
         * @description A tool type the gateway does not run (`web_search`, `namespace`, …).
         */
        ResponseOtherTool: {
            type: string;
        } & {
            [key: string]: unknown;
        };
        /** @description `none`, `auto`, `required`, a function by name, or another tool choice (accepted). */
        ResponseToolChoice: ("none" | "auto" | "required") | components["schemas"]["ResponseToolChoiceFunction"] | ({
            type: string;
        } & {
            [key: string]: unknown;
        });
        ResponseToolChoiceFunction: {
            /** @enum {string} */
            type: "function";
            name: string;
        };
        /** @description How the text output is formatted. */
        ResponseTextConfig: {
            format?: components["schemas"]["ResponseTextFormat"];
            verbosity?: ("low" | "medium" | "high") | null;
        };
        ResponseTextFormat: components["schemas"]["ResponseFormatText"] | components["schemas"]["ResponseTextFormatJsonSchema"] | components["schemas"]["ResponseFormatJsonObject"];
        ResponseTextFormatJsonSchema: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "json_schema";
            name: string;
            description?: string;
            schema: {
                [key: string]: unknown;
            };
            strict?: boolean | null;
        };
        /**
         * @description A response: the turn's output items and the request's settings echoed. `usage` is
         *     present once the turn ended; `user` when the request gave one.
         */
        Response: {
            /** @example resp_3fUvKZB4mQ9yU1nT0cA2xw3fUvKZB4mQ */
            id: string;
            /** @enum {string} */
            object: "response";
            /** @description Unix time in seconds. */
            created_at: number;
            /** @description Unix time in seconds, once the turn ended. */
            completed_at: number | null;
            /** @enum {string} */
            status: "completed" | "incomplete" | "failed" | "in_progress";
            error: components["schemas"]["ResponseError"] | null;
            incomplete_details: {
                /** @enum {string} */
                reason: "max_output_tokens" | "content_filter";
            } | null;
            /** @description The request's `model`, echoed. */
            model: string;
            previous_response_id: string | null;
            instructions: string | null;
            output: components["schemas"]["ResponseOutputItem"][];
            tools: components["schemas"]["ResponseEchoedTool"][];
            tool_choice: components["schemas"]["ResponseToolChoice"];
            /** @enum {string} */
            truncation: "auto" | "disabled";
            parallel_tool_calls: boolean;
            text: components["schemas"]["ResponseTextConfig"];
            temperature: number | null;
            top_p: number | null;
            presence_penalty: number;
            frequency_penalty: number;
            top_logprobs: number;
            reasoning: {
                [key: string]: unknown;
            } | null;
            max_output_tokens: number | null;
            max_tool_calls: number | null;
            store: boolean;
            background: boolean;
            service_tier: string;
            metadata: {
                [key: string]: string;
            };
            safety_identifier: string | null;
            prompt_cache_key: string | null;
            user?: string;
            usage?: components["schemas"]["ResponseUsage"];
        };
        /** @description Why a response failed. */
        ResponseError: {
            /**
             * @description What failed, as the same error's `code` before the stream would say; an agent error without a code of its own gets its status's (`bad_request`, `unauthorized`, `forbidden`, `not_found`, `rate_limit_exceeded`, …), else `server_error`. A client tells the error's class by it, since a failed response carries no HTTP status.
             * @example server_error
             */
            code: string;
            message: string;
        };
        ResponseUsage: {
            input_tokens: number;
            input_tokens_details: {
                cached_tokens: number;
            };
            output_tokens: number;
            output_tokens_details: {
                reasoning_tokens: number;
            };
            total_tokens: number;
        };
        ResponseOutputItem: components["schemas"]["ResponseOutputMessage"] | components["schemas"]["ResponseFunctionCallItem"];
        /** Output message */
        ResponseOutputMessage: {
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "message";
            /** @enum {string} */
            role: "assistant";
            content: components["schemas"]["ResponseOutputContent"][];
            /** @enum {string} */
            status: "in_progress" | "completed" | "incomplete";
        };
        ResponseOutputContent: components["schemas"]["ResponseOutputText"] | components["schemas"]["ResponseRefusal"];
        /**
         * Function call item
         * @description A call of a client-side tool; answer it with a `function_call_output` input item.
         */
        ResponseFunctionCallItem: {
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "function_call";
            call_id: string;
            name: string;
            /** @description The arguments as JSON text. */
            arguments: string;
            /** @enum {string} */
            status: "in_progress" | "completed" | "incomplete";
        };
        /** @description A stored item, as `input_items` lists it. */
        ResponseItem: components["schemas"]["ResponseMessageItem"] | components["schemas"]["ResponseFunctionCallItem"] | components["schemas"]["ResponseFunctionCallOutputItem"];
        /** Message item */
        ResponseMessageItem: {
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "message";
            /** @enum {string} */
            role: "user" | "assistant" | "system" | "developer";
            content: components["schemas"]["ResponseInputContent"][];
            /** @enum {string} */
            status: "in_progress" | "completed" | "incomplete";
        };
        /** Function call output item */
        ResponseFunctionCallOutputItem: {
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "function_call_output";
            call_id: string;
            output: string | components["schemas"]["ResponseInputContent"][];
            /** @enum {string} */
            status: "in_progress" | "completed" | "incomplete";
        };
        ResponseItemList: {
            /** @enum {string} */
            object: "list";
            data: components["schemas"]["ResponseItem"][];
            has_more: boolean;
            first_id: string | null;
            last_id: string | null;
        };
        ResponseDeleted: {
            id: string;
            /** @enum {string} */
            object: "response.deleted";
            /** @enum {boolean} */
            deleted: true;
        };
        /** @description One event of a streamed response; the SSE `event:` line equals `type`. */
        ResponseStreamEvent: components["schemas"]["ResponseCreatedEvent"] | components["schemas"]["ResponseInProgressEvent"] | components["schemas"]["ResponseCompletedEvent"] | components["schemas"]["ResponseIncompleteEvent"] | components["schemas"]["ResponseFailedEvent"] | components["schemas"]["ResponseOutputItemAddedEvent"] | components["schemas"]["ResponseOutputItemDoneEvent"] | components["schemas"]["ResponseContentPartAddedEvent"] | components["schemas"]["ResponseContentPartDoneEvent"] | components["schemas"]["ResponseOutputTextDeltaEvent"] | components["schemas"]["ResponseOutputTextDoneEvent"] | components["schemas"]["ResponseFunctionCallArgumentsDeltaEvent"] | components["schemas"]["ResponseFunctionCallArgumentsDoneEvent"];
        /** @description The first event: the response, `in_progress`. */
        ResponseCreatedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "response.created";
            sequence_number: components["schemas"]["SequenceNumber"];
            response: components["schemas"]["Response"];
        };
        /** @description The turn is running. */
        ResponseInProgressEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "response.in_progress";
            sequence_number: components["schemas"]["SequenceNumber"];
            response: components["schemas"]["Response"];
        };
        /** @description Terminal: the turn ended normally. */
        ResponseCompletedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "response.completed";
            sequence_number: components["schemas"]["SequenceNumber"];
            response: components["schemas"]["Response"];
        };
        /** @description Terminal: the turn stopped early (`incomplete_details` says why). */
        ResponseIncompleteEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "response.incomplete";
            sequence_number: components["schemas"]["SequenceNumber"];
            response: components["schemas"]["Response"];
        };
        /** @description Terminal: the agent failed; the response's `error` says how. */
        ResponseFailedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "response.failed";
            sequence_number: components["schemas"]["SequenceNumber"];
            response: components["schemas"]["Response"];
        };
        ResponseOutputItemAddedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "response.output_item.added";
            sequence_number: components["schemas"]["SequenceNumber"];
            output_index: number;
            item: components["schemas"]["ResponseOutputItem"];
        };
        ResponseOutputItemDoneEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "response.output_item.done";
            sequence_number: components["schemas"]["SequenceNumber"];
            output_index: number;
            item: components["schemas"]["ResponseOutputItem"];
        };
        ResponseContentPartAddedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "response.content_part.added";
            sequence_number: components["schemas"]["SequenceNumber"];
            item_id: string;
            output_index: number;
            content_index: number;
            part: components["schemas"]["ResponseOutputContent"];
        };
        ResponseContentPartDoneEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "response.content_part.done";
            sequence_number: components["schemas"]["SequenceNumber"];
            item_id: string;
            output_index: number;
            content_index: number;
            part: components["schemas"]["ResponseOutputContent"];
        };
        ResponseOutputTextDeltaEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "response.output_text.delta";
            sequence_number: components["schemas"]["SequenceNumber"];
            item_id: string;
            output_index: number;
            content_index: number;
            delta: string;
            logprobs: {
                [key: string]: unknown;
            }[];
        };
        ResponseOutputTextDoneEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "response.output_text.done";
            sequence_number: components["schemas"]["SequenceNumber"];
            item_id: string;
            output_index: number;
            content_index: number;
            text: string;
            logprobs: {
                [key: string]: unknown;
            }[];
        };
        ResponseFunctionCallArgumentsDeltaEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "response.function_call_arguments.delta";
            sequence_number: components["schemas"]["SequenceNumber"];
            item_id: string;
            output_index: number;
            delta: string;
        };
        ResponseFunctionCallArgumentsDoneEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "response.function_call_arguments.done";
            sequence_number: components["schemas"]["SequenceNumber"];
            item_id: string;
            output_index: number;
            name: string;
            arguments: string;
        };
        /** @description The event's place in its stream, from 0, each one more than the last. */
        SequenceNumber: number;
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
        /**
         * @description The request's `Host` is not a name the gateway answers (`host_not_allowed`): a gateway
         *     bound to loopback answers only `localhost`, `127.x.x.x` and `[::1]`, plus
         *     `gateway.http.allowedHosts` (a defence against DNS rebinding). Refused before auth, never
         *     counted toward the failed-auth lockout.
         */
        HostNotAllowed: {
            headers: {
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
        /**
         * @description The agent does not exist (`model_not_found`, as for chat completions); the response
         *     named by `previous_response_id` is unknown, deleted, expired, was not stored, or was
         *     made by another agent or in another session (`previous_response_not_found`, `param:
         *     previous_response_id`); or the response of the
         *     path is not stored (`response_not_found`).
         */
        ResponseNotFound: {
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
        /** @description The gateway is shutting down, the agent is unavailable, or the gateway is at a bound of work it takes at once (`server_busy`, e.g. PDFs waiting to be read, or a failed-auth limiter store too busy to count an attempt; `Retry-After` says when to come back). */
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
        /** @description A response id (`resp_…`). */
        ResponseIdPath: string;
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
            403: components["responses"]["HostNotAllowed"];
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
            403: components["responses"]["HostNotAllowed"];
            405: components["responses"]["MethodNotAllowed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
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
            403: components["responses"]["HostNotAllowed"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createResponse: {
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
        /** @description A JSON object, read exactly as the chat completions body is. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateResponseRequest"];
            };
        };
        responses: {
            /** @description The response, or a stream of response events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Response"];
                    "text/event-stream": components["schemas"]["ResponseStreamEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["HostNotAllowed"];
            404: components["responses"]["ResponseNotFound"];
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
    getResponse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A response id (`resp_…`). */
                response_id: components["parameters"]["ResponseIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The response. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Response"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["HostNotAllowed"];
            404: components["responses"]["ResponseNotFound"];
            405: components["responses"]["MethodNotAllowed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteResponse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A response id (`resp_…`). */
                response_id: components["parameters"]["ResponseIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The response was deleted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResponseDeleted"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["HostNotAllowed"];
            404: components["responses"]["ResponseNotFound"];
            405: components["responses"]["MethodNotAllowed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listResponseInputItems: {
        parameters: {
            query?: {
                /** @description An item id; the page starts after it. */
                after?: string;
                /** @description Items per page, 1 to 100. */
                limit?: number;
                order?: "asc" | "desc";
            };
            header?: never;
            path: {
                /** @description A response id (`resp_…`). */
                response_id: components["parameters"]["ResponseIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of items. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResponseItemList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["HostNotAllowed"];
            404: components["responses"]["ResponseNotFound"];
            405: components["responses"]["MethodNotAllowed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
