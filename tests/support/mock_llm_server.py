#!/usr/bin/python3
"""A mock LLM server on 127.0.0.1 that speaks each provider's wire format and answers as the
scripted model of core/llm/ScriptedProvider (same script file, same template rules).

Routes: POST /v1/chat/completions and /chat/completions (OpenAI Chat, also openai-compatible),
/v1/responses and /responses (OpenAI Responses), /v1/messages (Anthropic),
/v1beta/models/{model}:generateContent and :streamGenerateContent[?alt=sse] (Gemini),
/api/chat (Ollama, NDJSON unless "stream": false).

The turn answered is the number of assistant turns in the request; templates read the tool results
in the provider's own tool-result format. Streams split text into several deltas and tool-call
arguments into several fragments (inside JSON strings and escapes), interleave parallel tool calls
by index (--sequential: one after the other, as the real services do), and write each event as
its own HTTP chunk, splitting inside the first multi-byte UTF-8 character of an event (every SSE
stream opens with a comment line that has one). Misbehaviour on purpose: --fail N --fail-status S
[--retry-after SEC], --cut-stream N, --require-key KEY (401 in the provider's format; Gemini, like
the real service, answers a wrong key with 400 INVALID_ARGUMENT / API_KEY_INVALID and a missing one
with 403 PERMISSION_DENIED).

Prints "PORT <n>" on stdout once listening. Python 3 standard library only.
"""

import argparse
import hashlib
import json
import os
import re
import signal
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


class ApiError(Exception):
    """A refusal in the provider's error format: HTTP status, message, error type."""

    def __init__(self, status, message, kind="invalid_request_error", headers=None):
        super().__init__(message)
        self.status, self.message, self.kind, self.headers = status, message, kind, headers or {}


# --- the scripted model (a port of core/llm/ScriptedProvider.cpp) ---------------------------------

TEMPLATE = re.compile(r"\{\{([A-Za-z0-9_.-]+):(/[^}|]*|)(?:\|([^}]*))?\}\}")
INDEX = re.compile(r"0|[1-9][0-9]*")


def dump(value):
    """nlohmann::json::dump() of awb::Json: compact, sorted keys, UTF-8 kept."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, sort_keys=True)


def pointer_lookup(doc, pointer):
    """(found, value) at an RFC 6901 pointer, as nlohmann's contains()/at() decide it."""
    if re.search(r"~(?![01])", pointer):
        raise ValueError("invalid JSON pointer")
    if pointer == "":
        return True, doc
    for token in pointer[1:].split("/"):
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(doc, dict):
            if token not in doc:
                return False, None
            doc = doc[token]
        elif isinstance(doc, list):
            if not INDEX.fullmatch(token) or int(token) >= len(doc):
                return False, None
            doc = doc[int(token)]
        else:
            return False, None
    return True, doc


def lookup(latest, m):
    tool, pointer, fallback = m.group(1), m.group(2), m.group(3)
    where = "{{%s:%s}}" % (tool, pointer)
    if tool not in latest:
        problem = "script template %s: no result of %s in the conversation yet" % (where, tool)
    else:
        try:
            found, value = pointer_lookup(latest[tool], pointer)
        except ValueError:
            raise ApiError(400, "script template %s: invalid JSON pointer" % where)
        if found:
            return value
        problem = "script template %s: the result of %s has nothing at %s" % (where, tool, pointer)
    if fallback is not None:
        return fallback
    raise ApiError(400, problem)


def substitute(value, latest):
    if isinstance(value, str):
        if "{{" not in value:
            return value
        whole = TEMPLATE.search(value)
        if whole and whole.start() == 0 and whole.end() == len(value):
            return lookup(latest, whole)
        out, last = [], 0
        for m in TEMPLATE.finditer(value):
            out.append(value[last:m.start()])
            v = lookup(latest, m)
            out.append(v if isinstance(v, str) else dump(v))
            last = m.end()
        return "".join(out) + value[last:]
    if isinstance(value, list):
        return [substitute(v, latest) for v in value]
    if isinstance(value, dict):
        return {k: substitute(v, latest) for k, v in value.items()}
    return value


def load_script(path):
    with open(path, encoding="utf-8") as f:
        script = json.load(f)
    if not isinstance(script, dict) or script.get("schema_version") != 1:
        sys.exit("%s: expected a script with schema_version 1" % path)
    if not isinstance(script.get("turns"), list) or not script["turns"]:
        sys.exit("%s: at /turns: expected a non-empty array of turns" % path)
    return script


class Conversation:
    """What the scripted model reads from a request, whatever its wire format."""

    def __init__(self):
        self.turn = 0        # assistant turns so far
        self.results = []    # (tool name, result text or JSON value), in order
        self.chars = 0       # text length, for the token estimate when the script has no usage

    def add_text(self, text):
        self.chars += len(text or "")

    def add_result(self, name, content):
        self.add_text(content if isinstance(content, str) else dump(content))
        self.results.append((name, content))


def estimate_tokens(chars):
    return max(1, (chars + 3) // 4)


def answer(script, conv):
    """The turn's text, tool calls [(name, arguments)] and usage dict."""
    turns = script["turns"]
    if conv.turn >= len(turns):
        raise ApiError(400, "the scripted model has no turn %d (its script has %d turns)"
                       % (conv.turn + 1, len(turns)))
    turn = turns[conv.turn]
    latest = {}
    for name, content in conv.results:
        if isinstance(content, str):
            try:
                content = json.loads(content)
            except ValueError:
                pass
        latest[name] = content
    text = substitute(turn.get("text", ""), latest)
    text = text if isinstance(text, str) else dump(text)
    calls = [(c["name"], substitute(c.get("arguments", {}), latest))
             for c in turn.get("tool_calls", [])]
    usage = turn.get("usage")
    if usage is None:
        out = len(text) + sum(len(dump(a)) for _, a in calls)
        usage = {"input_tokens": estimate_tokens(conv.chars), "output_tokens": estimate_tokens(out)}
    return text, calls, {k: int(usage.get(k, 0)) for k in
                         ("input_tokens", "output_tokens", "cached_input_tokens")}


# --- helpers for streams ---------------------------------------------------------------------------

def ident(prefix, *parts, length=24):
    digest = hashlib.sha256("/".join(str(p) for p in parts).encode()).hexdigest()
    return prefix + digest[:length]


def text_deltas(text):
    """Several deltas of one to three words each (at least two when there are two characters)."""
    words = re.findall(r"\S*\s*", text)
    words = [w for w in words if w]
    pieces, i, sizes = [], 0, (1, 3, 2)
    while i < len(words):
        n = sizes[len(pieces) % len(sizes)]
        pieces.append("".join(words[i:i + n]))
        i += n
    if len(pieces) == 1 and len(text) > 1:
        pieces = [text[:len(text) // 2], text[len(text) // 2:]]
    return pieces


def fragments(arguments):
    """A JSON text cut into uneven fragments, one cut right after a backslash (inside an escape)
    and one inside a JSON string when there is one."""
    cuts = set()
    at = arguments.find("\\")
    if at >= 0:
        cuts.add(at + 1)
    at = arguments.find('":"')
    if at >= 0 and at + 5 < len(arguments):
        cuts.add(at + 5)
    step = max(3, len(arguments) // 12)
    pos, sizes = 0, (1, 2, 3)
    while pos < len(arguments):
        pos += step // sizes[len(cuts) % 3] + 1
        cuts.add(pos)
    bounds = [0] + sorted(c for c in cuts if 0 < c < len(arguments)) + [len(arguments)]
    return [arguments[a:b] for a, b in zip(bounds, bounds[1:])]


def interleave(lists, sequential):
    """Round-robin over several lists of events (parallel tool calls), or one after the other."""
    if sequential:
        return [e for lst in lists for e in lst]
    out, i = [], 0
    while any(i < len(lst) for lst in lists):
        out += [lst[i] for lst in lists if i < len(lst)]
        i += 1
    return out


def sse(data, event=None):
    head = ("event: %s\n" % event) if event else ""
    return (head + "data: " + json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n\n").encode()


KEEPALIVE = ": keep-alive \u00b7 mock \u2713\n\n".encode()  # a comment line with multi-byte text


def content_text(content, types=("text", "input_text", "output_text")):
    """Text of a message content that is a string or a list of typed parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(p.get("text", "") for p in content
                       if isinstance(p, dict) and p.get("type", "text") in types)
    return ""


# --- OpenAI Chat Completions -------------------------------------------------------------------------

class OpenAiChat:
    name = "openai"

    def auth(self, headers, query, key):
        return bearer_auth(headers, key)

    def error(self, e):
        return openai_error(e)

    def conversation(self, body):
        if not body.get("model"):
            raise ApiError(400, "you must provide a model parameter")
        msgs = body.get("messages")
        if not isinstance(msgs, list) or not msgs:
            raise ApiError(400, "Missing required parameter: 'messages'.")
        conv, names, pending = Conversation(), {}, []
        for i, m in enumerate(msgs):
            role = m.get("role")
            if role != "tool" and pending:
                raise ApiError(400, "An assistant message with 'tool_calls' must be followed by tool "
                               "messages responding to each 'tool_call_id'. The following "
                               "tool_call_ids did not have response messages: " + ", ".join(pending))
            if role == "assistant":
                conv.turn += 1
                for c in m.get("tool_calls") or []:
                    names[c["id"]] = c["function"]["name"]
                    pending.append(c["id"])
                    json.loads(c["function"]["arguments"])  # must be a JSON text
            if role == "tool":
                cid = m.get("tool_call_id")
                if cid not in pending:
                    raise ApiError(400, "Invalid parameter: messages with role 'tool' must be a "
                                   "response to a preceeding message with 'tool_calls'.")
                pending.remove(cid)
                conv.add_result(m.get("name") or names[cid], content_text(m.get("content")))
            else:
                conv.add_text(content_text(m.get("content")))
        if pending:
            raise ApiError(400, "An assistant message with 'tool_calls' must be followed by tool "
                           "messages responding to each 'tool_call_id'. The following tool_call_ids "
                           "did not have response messages: " + ", ".join(pending))
        return conv

    def _base(self, body, turn, obj):
        return {"id": ident("chatcmpl-", turn, body.get("model")), "object": obj,
                "created": 1767225600, "model": body.get("model"),
                "system_fingerprint": "fp_mock"}

    def _usage(self, u):
        return {"prompt_tokens": u["input_tokens"], "completion_tokens": u["output_tokens"],
                "total_tokens": u["input_tokens"] + u["output_tokens"],
                "prompt_tokens_details": {"cached_tokens": u["cached_input_tokens"], "audio_tokens": 0},
                "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0,
                                              "accepted_prediction_tokens": 0,
                                              "rejected_prediction_tokens": 0}}

    def _calls(self, turn, calls):
        return [(ident("call_", "openai", turn, k), name, dump(args))
                for k, (name, args) in enumerate(calls)]

    def reply(self, body, turn, answer_, opts):
        text, calls, usage = answer_
        message = {"role": "assistant", "content": text or None, "refusal": None, "annotations": []}
        if calls:
            message["tool_calls"] = [{"id": cid, "type": "function",
                                      "function": {"name": name, "arguments": args}}
                                     for cid, name, args in self._calls(turn, calls)]
        reply = self._base(body, turn, "chat.completion")
        reply.update({"choices": [{"index": 0, "message": message, "logprobs": None,
                                   "finish_reason": "tool_calls" if calls else "stop"}],
                      "usage": self._usage(usage), "service_tier": "default"})
        return reply

    def stream(self, body, turn, answer_, opts):
        text, calls, usage = answer_
        include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
        base = self._base(body, turn, "chat.completion.chunk")

        def chunk(delta, finish=None, usage_=None):
            c = dict(base, choices=[{"index": 0, "delta": delta, "logprobs": None,
                                     "finish_reason": finish}])
            if include_usage:
                c["usage"] = None
            if usage_ is not None:
                c["usage"] = usage_
            return sse(c)

        frames = [KEEPALIVE]
        ids = self._calls(turn, calls)
        if text or not calls:
            frames.append(chunk({"role": "assistant", "content": "", "refusal": None}))
            frames += [chunk({"content": t}) for t in text_deltas(text)]
        per_call = []
        for k, (cid, name, args) in enumerate(ids):
            head = {"index": k, "id": cid, "type": "function", "function": {"name": name, "arguments": ""}}
            events = [chunk({"tool_calls": [head]}) if text or k else
                      chunk({"role": "assistant", "content": None, "tool_calls": [head], "refusal": None})]
            events += [chunk({"tool_calls": [{"index": k, "function": {"arguments": f}}]})
                       for f in fragments(args)]
            per_call.append(events)
        frames += interleave(per_call, opts.sequential)
        # llama.cpp-style servers put usage on the last chunk when include_usage was not asked.
        frames.append(chunk({}, "tool_calls" if calls else "stop",
                            None if include_usage else self._usage(usage)))
        if include_usage:
            frames.append(sse(dict(base, choices=[], usage=self._usage(usage))))
        frames.append(b"data: [DONE]\n\n")
        return frames


def bearer_auth(headers, key):
    got = headers.get("Authorization", "")
    if not got.startswith("Bearer ") or not got[7:].strip():
        raise ApiError(401, "You didn't provide an API key. You need to provide your API key in an "
                       "Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), "
                       "or as the password field (with blank username) if you're accessing the API "
                       "from your browser and are prompted for a username and password. You can obtain "
                       "an API key from https://platform.openai.com/account/api-keys.")
    if got[7:].strip() != key:
        shown = got[7:].strip()
        raise ApiError(401, "Incorrect API key provided: %s****%s. You can find your API key at "
                       "https://platform.openai.com/account/api-keys." % (shown[:3], shown[-4:]),
                       "invalid_api_key")


OPENAI_ERRORS = {429: ("requests", "rate_limit_exceeded",
                       "Rate limit reached for requests. Please try again in 1s."),
                 500: ("server_error", None, "The server had an error while processing your "
                       "request. Sorry about that!"),
                 503: ("server_error", None, "The engine is currently overloaded, please try "
                       "again later")}


def openai_error(e):
    kind, code = e.kind, None
    if e.kind == "invalid_api_key":
        kind, code = "invalid_request_error", "invalid_api_key"
    elif e.kind == "injected":
        kind, code, _ = OPENAI_ERRORS.get(e.status, ("server_error", None, ""))
    return {"error": {"message": e.message, "type": kind, "param": None, "code": code}}


# --- OpenAI Responses ------------------------------------------------------------------------------

class OpenAiResponses(OpenAiChat):
    name = "openai-responses"

    def conversation(self, body):
        if not body.get("model"):
            raise ApiError(400, "Missing required parameter: 'model'.")
        items = body.get("input")
        conv = Conversation()
        conv.add_text(body.get("instructions"))
        if isinstance(items, str):
            items = [{"role": "user", "content": items}]
        names, answered, in_turn = {}, set(), False
        for item in items or []:
            kind = item.get("type", "message")
            if kind == "function_call" or (kind == "message" and item.get("role") == "assistant"):
                if not in_turn:
                    conv.turn += 1
                in_turn = True
                if kind == "function_call":
                    names[item["call_id"]] = item["name"]
                    json.loads(item["arguments"])
                else:
                    conv.add_text(content_text(item.get("content")))
                continue
            in_turn = False
            if kind == "function_call_output":
                cid = item.get("call_id")
                if cid not in names:
                    raise ApiError(400, "No tool call found for function call output with call_id %s." % cid)
                answered.add(cid)
                output = item.get("output")
                conv.add_result(names[cid], output if isinstance(output, str) else content_text(output))
            elif kind == "message":
                conv.add_text(content_text(item.get("content")))
        for cid in names:
            if cid not in answered:
                raise ApiError(400, "No tool output found for function call %s." % cid)
        return conv

    def _items(self, turn, answer_, done):
        text, calls, _ = answer_
        items = []
        if text:
            items.append({"id": ident("msg_", "resp", turn, length=40), "type": "message",
                          "status": "completed" if done else "in_progress", "role": "assistant",
                          "content": [{"type": "output_text", "text": text, "annotations": [],
                                       "logprobs": []}] if done else []})
        for k, (name, args) in enumerate(calls):
            items.append({"id": ident("fc_", "resp", turn, k, length=40), "type": "function_call",
                          "status": "completed" if done else "in_progress",
                          "call_id": ident("call_", "resp", turn, k),
                          "name": name, "arguments": dump(args) if done else ""})
        return items

    def _response(self, body, turn, answer_, done):
        usage = answer_[2]
        return {"id": ident("resp_", turn, length=48), "object": "response",
                "created_at": 1767225600, "status": "completed" if done else "in_progress",
                "error": None, "incomplete_details": None, "instructions": body.get("instructions"),
                "max_output_tokens": body.get("max_output_tokens"), "model": body.get("model"),
                "output": self._items(turn, answer_, True) if done else [],
                "parallel_tool_calls": True, "previous_response_id": None,
                "reasoning": {"effort": None, "summary": None}, "store": body.get("store", True),
                "temperature": 1.0, "text": {"format": {"type": "text"}}, "tool_choice": "auto",
                "tools": body.get("tools", []), "top_p": 1.0, "truncation": "disabled",
                "usage": {"input_tokens": usage["input_tokens"],
                          "input_tokens_details": {"cached_tokens": usage["cached_input_tokens"]},
                          "output_tokens": usage["output_tokens"],
                          "output_tokens_details": {"reasoning_tokens": 0},
                          "total_tokens": usage["input_tokens"] + usage["output_tokens"]}
                if done else None,
                "user": None, "metadata": {}}

    def reply(self, body, turn, answer_, opts):
        return self._response(body, turn, answer_, True)

    def stream(self, body, turn, answer_, opts):
        seq = iter(range(10 ** 6))

        def event(kind, **fields):
            return sse(dict(fields, type=kind, sequence_number=next(seq)), kind)

        frames = [KEEPALIVE]
        frames.append(event("response.created", response=self._response(body, turn, answer_, False)))
        frames.append(event("response.in_progress", response=self._response(body, turn, answer_, False)))
        started, finished = self._items(turn, answer_, False), self._items(turn, answer_, True)
        per_item = []
        for index, (item, final) in enumerate(zip(started, finished)):
            events = [lambda i=item, n=index: event("response.output_item.added", output_index=n, item=i)]
            if final["type"] == "message":
                text = final["content"][0]["text"]
                where = {"item_id": final["id"], "output_index": index, "content_index": 0}
                part = {"type": "output_text", "text": "", "annotations": [], "logprobs": []}
                events.append(lambda w=where, p=part: event("response.content_part.added", part=p, **w))
                events += [lambda w=where, t=t: event("response.output_text.delta", delta=t, logprobs=[], **w)
                           for t in text_deltas(text)]
                events.append(lambda w=where, t=text: event("response.output_text.done", text=t, logprobs=[], **w))
                events.append(lambda w=where, p=final["content"][0]:
                              event("response.content_part.done", part=p, **w))
            else:
                where = {"item_id": final["id"], "output_index": index}
                events += [lambda w=where, f=f: event("response.function_call_arguments.delta", delta=f, **w)
                           for f in fragments(final["arguments"])]
                events.append(lambda w=where, a=final["arguments"]:
                              event("response.function_call_arguments.done", arguments=a, **w))
            events.append(lambda f=final, n=index: event("response.output_item.done", output_index=n, item=f))
            per_item.append(events)
        # The text item first, then the tool calls interleaved; sequence numbers follow the order.
        if started and started[0]["type"] == "message":
            head, rest = per_item[0], per_item[1:]
        else:
            head, rest = [], per_item
        frames += [make() for make in head + interleave(rest, opts.sequential)]
        frames.append(event("response.completed", response=self._response(body, turn, answer_, True)))
        return frames


# --- Anthropic Messages ----------------------------------------------------------------------------

ANTHROPIC_TYPES = {400: "invalid_request_error", 401: "authentication_error", 403: "permission_error",
                   404: "not_found_error", 413: "request_too_large", 429: "rate_limit_error",
                   500: "api_error", 504: "timeout_error", 529: "overloaded_error"}
ANTHROPIC_MESSAGES = {429: "Number of request tokens has exceeded your per-minute rate limit",
                      500: "Internal server error", 529: "Overloaded"}
TOOL_ID = re.compile(r"^[a-zA-Z0-9_-]+$")


class Anthropic:
    name = "anthropic"

    def auth(self, headers, query, key):
        got = headers.get("x-api-key")
        if not got:
            raise ApiError(401, "x-api-key header is required", "authentication_error")
        if got != key:
            raise ApiError(401, "invalid x-api-key", "authentication_error")

    def preflight(self, headers):
        if not headers.get("anthropic-version"):
            raise ApiError(400, "anthropic-version: header is required")

    def error(self, e):
        kind = e.kind if e.kind in ANTHROPIC_TYPES.values() else ANTHROPIC_TYPES.get(e.status, "api_error")
        return {"type": "error", "error": {"type": kind, "message": e.message},
                "request_id": ident("req_", e.message, length=24)}

    def conversation(self, body):
        if not body.get("model"):
            raise ApiError(400, "model: Field required")
        if "max_tokens" not in body:
            raise ApiError(400, "max_tokens: Field required")
        msgs = body.get("messages")
        if not isinstance(msgs, list) or not msgs:
            raise ApiError(400, "messages: Field required")
        conv = Conversation()
        system = body.get("system")
        conv.add_text(system if isinstance(system, str) else content_text(system))
        names, pending = {}, []
        for i, m in enumerate(msgs):
            content = m.get("content")
            blocks = [{"type": "text", "text": content}] if isinstance(content, str) else content or []
            if not blocks and not (m.get("role") == "assistant" and i == len(msgs) - 1):
                raise ApiError(400, "messages.%d: all messages must have non-empty content except "
                               "for the optional final assistant message" % i)
            answered = []
            for j, b in enumerate(blocks):
                kind = b.get("type")
                if kind == "text":
                    if not b.get("text"):
                        raise ApiError(400, "messages.%d.content.%d.text: text content blocks must "
                                       "be non-empty" % (i, j))
                    conv.add_text(b["text"])
                elif kind == "tool_use":
                    if not TOOL_ID.match(b.get("id", "")):
                        raise ApiError(400, "messages.%d.content.%d.tool_use.id: String should match "
                                       "pattern '^[a-zA-Z0-9_-]+$'" % (i, j))
                    if not isinstance(b.get("input"), dict):
                        raise ApiError(400, "messages.%d.content.%d.tool_use.input: Input should be a "
                                       "valid dictionary" % (i, j))
                    names[b["id"]] = b["name"]
                elif kind == "tool_result":
                    cid = b.get("tool_use_id")
                    if cid not in pending:
                        raise ApiError(400, "messages.%d.content.%d: unexpected `tool_use_id` found in "
                                       "`tool_result` blocks: %s. Each `tool_result` block must have a "
                                       "corresponding `tool_use` block in the previous message." % (i, j, cid))
                    answered.append(cid)
                    conv.add_result(names[cid], content_text(b.get("content")))
            missing = [p for p in pending if p not in answered]
            if missing:
                raise ApiError(400, "messages.%d: `tool_use` ids were found without `tool_result` "
                               "blocks immediately after: %s. Each `tool_use` block must have a "
                               "corresponding `tool_result` block in the next message."
                               % (i - 1, ", ".join(missing)))
            pending = [b["id"] for b in blocks if b.get("type") == "tool_use"]
            if m.get("role") == "assistant":
                conv.turn += 1
        if pending:
            raise ApiError(400, "messages.%d: `tool_use` ids were found without `tool_result` blocks "
                           "immediately after: %s." % (len(msgs) - 1, ", ".join(pending)))
        return conv

    def _blocks(self, turn, answer_):
        text, calls, _ = answer_
        blocks = [{"type": "text", "text": text}] if text else []
        blocks += [{"type": "tool_use", "id": ident("toolu_01", "anthropic", turn, k, length=22),
                    "name": name, "input": args} for k, (name, args) in enumerate(calls)]
        return blocks

    def _usage(self, usage, output):
        return {"input_tokens": usage["input_tokens"] - usage["cached_input_tokens"],
                "cache_creation_input_tokens": 0,
                "cache_read_input_tokens": usage["cached_input_tokens"], "output_tokens": output}

    def _message(self, body, turn, answer_, content, stop, output):
        return {"id": ident("msg_01", "anthropic", turn, length=22), "type": "message",
                "role": "assistant", "model": body.get("model"), "content": content,
                "stop_reason": stop, "stop_sequence": None, "usage": self._usage(answer_[2], output)}

    def reply(self, body, turn, answer_, opts):
        stop = "tool_use" if answer_[1] else "end_turn"
        return self._message(body, turn, answer_, self._blocks(turn, answer_), stop,
                             answer_[2]["output_tokens"])

    def stream(self, body, turn, answer_, opts):
        frames = [KEEPALIVE, sse({"type": "message_start",
                       "message": self._message(body, turn, answer_, [], None, 1)}, "message_start")]
        per_block, pinged = [], False
        for index, block in enumerate(self._blocks(turn, answer_)):
            events = []
            if block["type"] == "text":
                events.append(sse({"type": "content_block_start", "index": index,
                                   "content_block": {"type": "text", "text": ""}}, "content_block_start"))
                if not pinged:
                    events.append(sse({"type": "ping"}, "ping"))
                    pinged = True
                events += [sse({"type": "content_block_delta", "index": index,
                                "delta": {"type": "text_delta", "text": t}}, "content_block_delta")
                           for t in text_deltas(block["text"])]
            else:
                start = dict(block, input={})
                events.append(sse({"type": "content_block_start", "index": index,
                                   "content_block": start}, "content_block_start"))
                events += [sse({"type": "content_block_delta", "index": index,
                                "delta": {"type": "input_json_delta", "partial_json": f}},
                               "content_block_delta")
                           for f in [""] + fragments(dump(block["input"]))]
            events.append(sse({"type": "content_block_stop", "index": index}, "content_block_stop"))
            per_block.append(events)
        if per_block and self._blocks(turn, answer_)[0]["type"] == "text":
            frames += per_block[0] + interleave(per_block[1:], opts.sequential)
        else:
            frames += interleave(per_block, opts.sequential)
        frames.append(sse({"type": "message_delta",
                           "delta": {"stop_reason": "tool_use" if answer_[1] else "end_turn",
                                     "stop_sequence": None},
                           "usage": {"output_tokens": answer_[2]["output_tokens"]}}, "message_delta"))
        frames.append(sse({"type": "message_stop"}, "message_stop"))
        return frames


# --- Google Gemini ----------------------------------------------------------------------------------

GEMINI_STATUS = {400: "INVALID_ARGUMENT", 401: "UNAUTHENTICATED", 403: "PERMISSION_DENIED",
                 404: "NOT_FOUND", 429: "RESOURCE_EXHAUSTED", 500: "INTERNAL", 503: "UNAVAILABLE",
                 504: "DEADLINE_EXCEEDED"}
GEMINI_MESSAGES = {429: "Resource has been exhausted (e.g. check quota).",
                   500: "An internal error has occurred. Please retry or report in "
                        "https://developers.generativeai.google/guide/troubleshooting",
                   503: "The model is overloaded. Please try again later."}


class Gemini:
    name = "gemini"

    def auth(self, headers, query, key):
        got = headers.get("x-goog-api-key") or (query.get("key") or [None])[0]
        if not got:
            raise ApiError(403, "Method doesn't allow unregistered callers (callers without established "
                           "identity). Please use API Key or other form of API consumer identity to "
                           "call this API.", "PERMISSION_DENIED")
        if got != key:
            # Gemini answers a wrong key with 400 INVALID_ARGUMENT, reason API_KEY_INVALID.
            raise ApiError(400, "API key not valid. Please pass a valid API key.", "API_KEY_INVALID")

    def error(self, e):
        status = GEMINI_STATUS.get(e.status, "UNKNOWN")
        err = {"code": e.status, "message": e.message, "status": status}
        if e.kind == "API_KEY_INVALID":
            err["details"] = [{"@type": "type.googleapis.com/google.rpc.ErrorInfo",
                               "reason": "API_KEY_INVALID", "domain": "googleapis.com",
                               "metadata": {"service": "generativelanguage.googleapis.com"}}]
        return {"error": err}

    def conversation(self, body):
        contents = body.get("contents")
        if not isinstance(contents, list) or not contents:
            raise ApiError(400, "* GenerateContentRequest.contents: contents is not specified\n")
        conv = Conversation()
        conv.add_text(content_text((body.get("systemInstruction") or {}).get("parts")))
        calls = 0
        for c in contents:
            parts = c.get("parts") or []
            responses = [p["functionResponse"] for p in parts if "functionResponse" in p]
            if calls and len(responses) != calls:
                raise ApiError(400, "Please ensure that the number of function response parts is equal "
                               "to the number of function call parts of the function call turn.")
            for r in responses:
                conv.add_result(r.get("name"), unwrap(r.get("response")))
            conv.add_text("".join(p.get("text", "") for p in parts))
            calls = sum(1 for p in parts if "functionCall" in p)
            if c.get("role") == "model":
                conv.turn += 1
        return conv

    def _chunk(self, body, turn, parts, finish, usage, output):
        cand = {"content": {"parts": parts, "role": "model"}, "index": 0}
        if finish:
            cand["finishReason"] = "STOP"
        meta = {"promptTokenCount": usage["input_tokens"], "candidatesTokenCount": output,
                "totalTokenCount": usage["input_tokens"] + output,
                "promptTokensDetails": [{"modality": "TEXT", "tokenCount": usage["input_tokens"]}]}
        if usage["cached_input_tokens"]:
            meta["cachedContentTokenCount"] = usage["cached_input_tokens"]
        return {"candidates": [cand], "usageMetadata": meta, "modelVersion": body["_model"],
                "responseId": ident("", "gemini", turn, length=22)}

    def _parts(self, answer_):
        text, calls, _ = answer_
        return ([{"text": text}] if text else []) + \
            [{"functionCall": {"name": name, "args": args}} for name, args in calls]

    def reply(self, body, turn, answer_, opts):
        return self._chunk(body, turn, self._parts(answer_), True, answer_[2], answer_[2]["output_tokens"])

    def stream(self, body, turn, answer_, opts):
        text, calls, usage = answer_
        pieces = [[{"text": t}] for t in text_deltas(text)]
        if calls:
            pieces.append([{"functionCall": {"name": n, "args": a}} for n, a in calls])
        # usageMetadata is cumulative: the last chunk's counts are the call's.
        chunks = [self._chunk(body, turn, parts, i == len(pieces) - 1, usage,
                              usage["output_tokens"] * (i + 1) // len(pieces))
                  for i, parts in enumerate(pieces)]
        if not body.get("_sse"):
            return [json.dumps(chunks, ensure_ascii=False).encode()]
        return [KEEPALIVE.replace(b"\n", b"\r\n")] + \
            [("data: " + json.dumps(c, ensure_ascii=False) + "\r\n\r\n").encode() for c in chunks]


def unwrap(response):
    """A functionResponse.response as the tool result the client wrapped into it."""
    if isinstance(response, dict) and len(response) == 1:
        (key, value), = response.items()
        if key in ("output", "result", "content", "response"):
            return value
    return response


# --- Ollama ------------------------------------------------------------------------------------------

class Ollama:
    name = "ollama"

    def auth(self, headers, query, key):
        got = headers.get("Authorization", "")
        if got != "Bearer " + key:
            raise ApiError(401, "unauthorized")

    def error(self, e):
        return {"error": e.message}

    def conversation(self, body):
        if not body.get("model"):
            raise ApiError(400, "model is required")
        conv, expected = Conversation(), []
        for m in body.get("messages") or []:
            if m.get("role") == "assistant":
                conv.turn += 1
                expected = [c["function"]["name"] for c in m.get("tool_calls") or []]
                for c in m.get("tool_calls") or []:
                    if not isinstance(c["function"].get("arguments"), dict):
                        raise ApiError(400, "json: cannot unmarshal string into Go struct field "
                                       "ChatRequest.messages.tool_calls.function.arguments of type "
                                       "api.ToolCallFunctionArguments")
            if m.get("role") == "tool":
                name = m.get("tool_name") or m.get("name") or (expected.pop(0) if expected else "")
                if name in expected:
                    expected.remove(name)
                conv.add_result(name, m.get("content", ""))
            else:
                conv.add_text(m.get("content"))
        return conv

    def _line(self, body, message, done, usage=None):
        line = {"model": body.get("model"), "created_at": "2026-01-01T00:00:00.000000Z",
                "message": message, "done": done}
        if done:
            line.update({"done_reason": "stop", "total_duration": 4883583458, "load_duration": 1334875,
                         "prompt_eval_count": usage["input_tokens"], "prompt_eval_duration": 342546000,
                         "eval_count": usage["output_tokens"], "eval_duration": 4535599000})
        return line

    def _calls(self, calls):
        return [{"function": {"name": n, "arguments": a}} for n, a in calls]

    def reply(self, body, turn, answer_, opts):
        text, calls, usage = answer_
        message = {"role": "assistant", "content": text}
        if calls:
            message["tool_calls"] = self._calls(calls)
        return self._line(body, message, True, usage)

    def stream(self, body, turn, answer_, opts):
        text, calls, usage = answer_
        lines = [self._line(body, {"role": "assistant", "content": t}, False) for t in text_deltas(text)]
        if calls:
            lines.append(self._line(body, {"role": "assistant", "content": "",
                                           "tool_calls": self._calls(calls)}, False))
        lines.append(self._line(body, {"role": "assistant", "content": ""}, True, usage))
        return [(json.dumps(line, ensure_ascii=False) + "\n").encode() for line in lines]


# --- the HTTP server -------------------------------------------------------------------------------

ADAPTERS = {"chat": OpenAiChat(), "responses": OpenAiResponses(), "anthropic": Anthropic(),
            "gemini": Gemini(), "ollama": Ollama()}
GEMINI_PATH = re.compile(r"^/v1beta/models/(.+):(generateContent|streamGenerateContent)$")


def route(path, query, body):
    """(adapter, streamed?, content type of the stream) for a request path, or None."""
    body = body if isinstance(body, dict) else {}
    if path in ("/v1/chat/completions", "/chat/completions"):
        return ADAPTERS["chat"], body.get("stream") is True, "text/event-stream; charset=utf-8"
    if path in ("/v1/responses", "/responses"):
        return ADAPTERS["responses"], body.get("stream") is True, "text/event-stream; charset=utf-8"
    if path == "/v1/messages":
        return ADAPTERS["anthropic"], body.get("stream") is True, "text/event-stream; charset=utf-8"
    if path == "/api/chat":
        return ADAPTERS["ollama"], body.get("stream") is not False, "application/x-ndjson"
    m = GEMINI_PATH.match(path)
    if m:
        body["_model"] = m.group(1)
        body["_sse"] = (query.get("alt") or [""])[0] == "sse"
        streamed = m.group(2) == "streamGenerateContent"
        return ADAPTERS["gemini"], streamed, \
            "text/event-stream" if body["_sse"] else "application/json; charset=UTF-8"
    return None


def injected(adapter, status):
    """The error a provider sends for a rate limit or an outage with that status."""
    messages = {"openai": {k: v[2] for k, v in OPENAI_ERRORS.items()},
                "openai-responses": {k: v[2] for k, v in OPENAI_ERRORS.items()},
                "anthropic": ANTHROPIC_MESSAGES, "gemini": GEMINI_MESSAGES}.get(adapter.name, {})
    default = "server busy" if adapter.name == "ollama" else "The service is temporarily unavailable."
    return messages.get(status, default)


class State:
    def __init__(self, args):
        self.args = args
        self.script = load_script(args.script)
        self.lock = threading.Lock()
        self.requests = 0
        self.fails_left = args.fail
        self.cuts_left = args.cut_stream

    def next_request(self):
        with self.lock:
            self.requests += 1
            return self.requests

    def take(self, counter):
        with self.lock:
            left = getattr(self, counter)
            if left > 0:
                setattr(self, counter, left - 1)
            return left > 0


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "mock-llm-server/1"

    def setup(self):
        super().setup()
        # Each write is its own TCP segment, so a split inside a UTF-8 sequence reaches the client.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, fmt, *args):  # quiet: the test reads only "PORT n" from stdout
        pass

    def do_GET(self):
        self.send_json(404, {"error": {"message": "no route for GET %s" % self.path,
                                       "type": "invalid_request_error"}})

    def do_POST(self):
        state = self.server.state
        n = state.next_request()
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            body = json.loads(raw)
        except ValueError:
            body = None
        if state.args.log:
            self.save_log(n, url, query, raw, body)
        routed = route(url.path, query, body)
        if routed is None:
            self.send_json(404, {"error": {"message": "no route for POST %s" % url.path,
                                           "type": "invalid_request_error"}})
            return
        adapter, streamed, content_type = routed
        try:
            if not isinstance(body, dict):
                raise ApiError(400, "We could not parse the JSON body of your request.")
            if hasattr(adapter, "preflight"):
                adapter.preflight(self.headers)
            if state.args.require_key:
                adapter.auth(self.headers, query, state.args.require_key)
            if state.take("fails_left"):
                status = state.args.fail_status
                extra = {"Retry-After": str(state.args.retry_after)} if state.args.retry_after is not None else {}
                raise ApiError(status, injected(adapter, status), "injected", extra)
            try:
                conv = adapter.conversation(body)
            except (KeyError, TypeError, ValueError, AttributeError) as e:
                raise ApiError(400, "invalid request body: %s: %s" % (type(e).__name__, e))
            reply = answer(state.script, conv)
            if streamed:
                self.send_stream(adapter.stream(body, conv.turn, reply, state.args), content_type,
                                 state.take("cuts_left"))
            else:
                self.send_json(200, adapter.reply(body, conv.turn, reply, state.args))
        except ApiError as e:
            self.send_json(e.status, adapter.error(e), e.headers)

    def save_log(self, n, url, query, raw, body):
        entry = {"method": self.command, "path": url.path,
                 "query": {k: v[0] if len(v) == 1 else v for k, v in query.items()},
                 "headers": dict(self.headers.items()),
                 "body": body if body is not None else raw.decode("utf-8", "replace")}
        path = os.path.join(self.server.state.args.log, "%d.json" % n)
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            json.dump(entry, f, indent=2, ensure_ascii=False)
        os.replace(path + ".tmp", path)

    def send_json(self, status, payload, headers=None):
        data = json.dumps(payload, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("x-request-id", ident("req_", time.time_ns(), length=16))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def write_chunk(self, data):
        if data:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            self.wfile.flush()

    def write_frame(self, frame):
        # Split inside the first multi-byte UTF-8 sequence, with a pause so the halves are read apart.
        lead = next((i for i, b in enumerate(frame) if b >= 0xC0), -1)
        if lead < 0:
            self.write_chunk(frame)
            return
        self.write_chunk(frame[:lead + 1])
        time.sleep(0.002)
        self.write_chunk(frame[lead + 1:])

    def send_stream(self, frames, content_type, cut):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Transfer-Encoding", "chunked")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        cut_at = len(frames) // 2 if cut else -1
        for i, frame in enumerate(frames):
            if i == cut_at:
                # Cut mid-way: half an event, then the connection drops without the last chunk.
                self.write_chunk(frame[:max(1, len(frame) // 2)])
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            self.write_frame(frame)
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--script", required=True, help="the scripted model's script (JSON)")
    parser.add_argument("--log", help="save each request as LOG/<n>.json")
    parser.add_argument("--require-key", help="refuse requests without this key (401 or the provider's equivalent)")
    parser.add_argument("--fail", type=int, default=0, help="the first N requests fail")
    parser.add_argument("--fail-status", type=int, default=503)
    parser.add_argument("--retry-after", type=int, help="Retry-After seconds on the failures")
    parser.add_argument("--cut-stream", type=int, default=0, help="cut the first N streamed replies")
    parser.add_argument("--sequential", action="store_true",
                        help="stream parallel tool calls one after the other instead of interleaved")
    args = parser.parse_args()
    if args.log:
        os.makedirs(args.log, exist_ok=True)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    server.state = State(args)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print("PORT %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except (KeyboardInterrupt, SystemExit):
        pass


if __name__ == "__main__":
    main()
