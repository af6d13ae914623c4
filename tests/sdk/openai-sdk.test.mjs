// SPDX-License-Identifier: MIT
// The official `openai` npm SDK as a real client of the switchyard-gateway binary.
//
// A scripted fake upstream (node:http on loopback, a test double) stands in for an
// OpenAI-compatible provider; the real gateway binary sits between it and the SDK.
// Everything the SDK sees went over real sockets through `switchyard-gateway serve`.
//
// Run: cd tests/sdk && npm ci && SY_GATEWAY_BIN=.../switchyard-gateway node --test openai-sdk.test.mjs
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import OpenAI from 'openai';

const here = path.dirname(fileURLToPath(import.meta.url));
const GATEWAY_BIN =
    process.env.SY_GATEWAY_BIN || path.resolve(here, '../../build/app/switchyard-gateway/switchyard-gateway');
const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));
const UPSTREAM_KEY = 'sk-test-upstream-key';
const START_TIMEOUT_MS = Number(process.env.SY_START_TIMEOUT_MS) || 20_000;
const STOP_TIMEOUT_MS = 15_000;
const CHUNK_DELAY_MS = 5;
const TEST_TIMEOUT_MS = 30_000;

// ---------------------------------------------------------------------------------------
// The scripted fake upstream
// ---------------------------------------------------------------------------------------

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function completion(model, content, prompt = 1000, completionTokens = 200) {
    return {
        id: 'chatcmpl-fake-1',
        object: 'chat.completion',
        created: 1_700_000_000,
        model,
        choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop', logprobs: null }],
        usage: { prompt_tokens: prompt, completion_tokens: completionTokens, total_tokens: prompt + completionTokens },
    };
}

function chunk(model, delta, finishReason = null) {
    return { id: 'chatcmpl-fake-s', object: 'chat.completion.chunk', created: 1_700_000_000, model,
             choices: [{ index: 0, delta, finish_reason: finishReason }] };
}

const STREAM_USAGE = { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 };

/** The SSE events of a good stream: "Hel" "lo" "!", a finish chunk, the usage chunk if asked, [DONE]. */
function streamEvents(model, includeUsage) {
    const events = [
        chunk(model, { role: 'assistant', content: 'Hel' }),
        chunk(model, { content: 'lo' }),
        chunk(model, { content: '!' }),
        chunk(model, {}, 'stop'),
    ];
    if (includeUsage)
        events.push({ id: 'chatcmpl-fake-s', object: 'chat.completion.chunk', created: 1_700_000_000, model,
                      choices: [], usage: STREAM_USAGE });
    return events.map((e) => JSON.stringify(e)).concat('[DONE]');
}

const TOOL_CALL = { id: 'call_weather_1', type: 'function',
                    function: { name: 'get_weather', arguments: JSON.stringify({ city: 'Zürich', unit: 'celsius' }) } };

function sendJson(res, status, body, headers = {}) {
    const bytes = Buffer.from(JSON.stringify(body));
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': bytes.length, ...headers });
    res.end(bytes);
}

async function sendSse(res, events, { cutAfter = -1 } = {}) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    for (let i = 0; i < events.length; ++i) {
        if (i === cutAfter) {
            res.socket?.destroy(); // a provider that resets mid-stream
            return;
        }
        if (res.destroyed || res.socket?.destroyed)
            return;
        res.write(`data: ${events[i]}\n\n`);
        await delay(CHUNK_DELAY_MS);
    }
    res.end();
}

/**
 * Answers by the `model` in the JSON body:
 *   gpt-4o             a chat completion, or an SSE stream when `stream` is true
 *   tool-caller        a tool call (finish_reason "tool_calls")
 *   rate-limited       429 with Retry-After (the ladder's first rung)
 *   rate-limited-last  429 with Retry-After (the only rung of route/limited)
 *   always-500         500
 *   cut-stream         an SSE stream whose socket is destroyed after two chunks
 */
async function answer(req, res, body) {
    const model = body?.model;
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions')
        return sendJson(res, 404, { error: { message: `fake upstream: no route for ${req.method} ${req.url}`, type: 'invalid_request_error' } });
    switch (model) {
    case 'gpt-4o':
        if (body.stream)
            return sendSse(res, streamEvents(model, body.stream_options?.include_usage === true));
        return sendJson(res, 200, completion(model, 'Hi from the fake upstream!'));
    case 'tool-caller':
        return sendJson(res, 200, {
            id: 'chatcmpl-fake-tools', object: 'chat.completion', created: 1_700_000_000, model,
            choices: [{ index: 0, message: { role: 'assistant', content: null, tool_calls: [TOOL_CALL] },
                        finish_reason: 'tool_calls', logprobs: null }],
            usage: { prompt_tokens: 80, completion_tokens: 20, total_tokens: 100 },
        });
    case 'rate-limited':
        return sendJson(res, 429, { error: { message: 'slow down (first rung)', type: 'rate_limit_error', code: 'rate_limit_exceeded' } },
                        { 'retry-after': '30' });
    case 'rate-limited-last':
        return sendJson(res, 429, { error: { message: 'slow down (last rung)', type: 'rate_limit_error', code: 'rate_limit_exceeded' } },
                        { 'retry-after': '7' });
    case 'always-500':
        return sendJson(res, 500, { error: { message: 'the fake upstream is on fire', type: 'server_error' } });
    case 'cut-stream':
        return sendSse(res, streamEvents(model, true), { cutAfter: 2 });
    default:
        return sendJson(res, 404, { error: { message: `The model '${model}' does not exist`, type: 'invalid_request_error', code: 'model_not_found' } });
    }
}

class FakeUpstream {
    requests = []; // { method, url, headers, body }

    async start() {
        this.server = http.createServer((req, res) => {
            const parts = [];
            req.on('data', (d) => parts.push(d));
            req.on('end', () => {
                const raw = Buffer.concat(parts).toString('utf8');
                let body = null;
                try { body = raw ? JSON.parse(raw) : null; } catch { body = null; }
                this.requests.push({ method: req.method, url: req.url, headers: req.headers, body });
                answer(req, res, body).catch((e) => { res.destroy(e); });
            });
        });
        await new Promise((resolve, reject) => {
            this.server.once('error', reject);
            this.server.listen(0, '127.0.0.1', resolve);
        });
        this.baseUrl = `http://127.0.0.1:${this.server.address().port}/v1`;
    }

    requestsFor(model) { return this.requests.filter((r) => r.body?.model === model); }
    lastRequestFor(model) { return this.requestsFor(model).at(-1); }

    async close() {
        if (!this.server)
            return;
        this.server.closeAllConnections();
        await new Promise((resolve) => this.server.close(() => resolve()));
    }
}

// ---------------------------------------------------------------------------------------
// The gateway under test: the real binary
// ---------------------------------------------------------------------------------------

function configFor(upstream, { keys = [] } = {}) {
    return {
        version: 1,
        gateway: { listen: '127.0.0.1:4000', keys, maxBodyBytes: 1_048_576 },
        providers: [
            { id: 'fake', kind: 'openai', baseUrl: upstream.baseUrl, apiKey: 'env:SY_FAKE_KEY', catalogId: 'openai',
              models: ['gpt-4o', 'tool-caller', 'rate-limited', 'rate-limited-last', 'always-500', 'cut-stream'] },
            { id: 'sim', kind: 'simulated', models: ['sim-small'],
              simulated: { latencyMs: 20, firstTokenMs: 5, failureRate: 0, completionTokens: 16 } },
        ],
        prices: { 'sim/sim-small': { input: 1, output: 2 } },
        routes: [
            { name: 'ladder', aliases: ['auto'], ladder: [
                { target: 'fake/rate-limited', escalateOn: ['429', '5xx'] },
                { target: 'fake/gpt-4o' } ] },
            { name: 'limited', ladder: [ { target: 'fake/rate-limited-last', escalateOn: ['429', '5xx'] } ] },
            { name: 'broken', ladder: [ { target: 'fake/always-500', escalateOn: ['429', '5xx'] } ] },
        ],
        rules: [],
        pipelines: [],
    };
}

class Gateway {
    log = '';

    constructor(name) { this.name = name; }

    async start(config) {
        this.dir = await mkdtemp(path.join(tmpdir(), `sy-sdk-${this.name}-`));
        const configPath = path.join(this.dir, 'config.json');
        await writeFile(configPath, JSON.stringify(config, null, 2));
        const args = ['serve', '--config', configPath, '--db', path.join(this.dir, 'usage.sqlite3'), '--listen', '127.0.0.1:0'];
        // setpriv (util-linux) execs the gateway with PR_SET_PDEATHSIG, so a test process that is killed outright
        // (a ctest timeout, SIGKILL) does not leave a gateway behind; without setpriv the gateway is spawned directly.
        const [program, argv] = SETPRIV ? [SETPRIV, ['--pdeathsig', 'TERM', '--', GATEWAY_BIN, ...args]] : [GATEWAY_BIN, args];
        this.child = spawn(program, argv, {
            env: { ...process.env, SY_FAKE_KEY: UPSTREAM_KEY, QT_LOGGING_RULES: 'switchyard.*=true' },
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        // If this test process exits without running after() (an uncaught error), take the gateway along.
        const child = this.child;
        const reap = () => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL'); };
        process.once('exit', reap);
        this.exited = new Promise((resolve) => {
            this.child.once('exit', (code, signal) => { process.removeListener('exit', reap); resolve({ code, signal }); });
            this.child.once('error', (error) => resolve({ code: null, signal: null, error })); // e.g. ENOENT: no 'exit'
        });
        this.child.stderr.setEncoding('utf8');
        this.child.stderr.on('data', (d) => { this.log += d; });
        this.child.stdout.setEncoding('utf8');
        const serving = new Promise((resolve, reject) => {
            let pending = '';
            this.child.stdout.on('data', (d) => {
                this.log += d;
                pending += d;
                const m = /^switchyard-gateway: serving (http:\/\/127\.0\.0\.1:\d+)\/v1\b/m.exec(pending);
                if (m)
                    resolve(m[1]);
            });
            this.child.once('error', (e) => reject(new Error(`cannot start ${program}: ${e.message}`)));
            this.exited.then(({ code, signal }) =>
                reject(new Error(`gateway exited before serving (code ${code}, signal ${signal}):\n${this.log}`)));
        });
        let timer;
        const timeout = new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`gateway did not print its serving line within ${START_TIMEOUT_MS} ms:\n${this.log}`)),
                               START_TIMEOUT_MS);
        });
        try {
            this.origin = await Promise.race([serving, timeout]);
        } catch (e) {
            await this.kill();
            throw e;
        } finally {
            clearTimeout(timer);
        }
        this.baseURL = `${this.origin}/v1`;
    }

    /** SIGTERM, then the exit status (SIGKILL and a failure if it does not exit in time). */
    async stop() {
        if (!this.child)
            return { code: 0, signal: null };
        const child = this.child;
        this.child = undefined;
        if (child.exitCode !== null || child.signalCode !== null)
            return this.exited;
        child.kill('SIGTERM');
        let timer;
        const result = await Promise.race([
            this.exited,
            new Promise((resolve) => { timer = setTimeout(() => resolve(null), STOP_TIMEOUT_MS); }),
        ]);
        clearTimeout(timer);
        if (result === null) {
            child.kill('SIGKILL');
            await this.exited;
            return { code: null, signal: 'SIGKILL (did not exit on SIGTERM)' };
        }
        return result;
    }

    async kill() {
        if (this.child && this.child.exitCode === null && this.child.signalCode === null) {
            this.child.kill('SIGKILL');
            await this.exited;
        }
        this.child = undefined;
    }

    async cleanup() {
        await this.kill();
        if (this.dir)
            await rm(this.dir, { recursive: true, force: true });
    }
}

/** Runs `fn`, which must reject; returns the error for further checks. */
async function rejection(fn) {
    try {
        await fn();
    } catch (e) {
        return e;
    }
    assert.fail('expected the call to throw');
}

function describeError(e) {
    return `${e?.constructor?.name} status=${e?.status} message=${e?.message} body=${JSON.stringify(e?.error)}`;
}

const hi = [{ role: 'user', content: 'Say hi' }];

// ---------------------------------------------------------------------------------------
// The suite
// ---------------------------------------------------------------------------------------

describe('openai npm SDK against switchyard-gateway', () => {
    const upstream = new FakeUpstream();
    const gateway = new Gateway('open');
    /** @type {OpenAI} */
    let client;

    before(async () => {
        await upstream.start();
        await gateway.start(configFor(upstream));
        client = new OpenAI({ baseURL: gateway.baseURL, apiKey: 'unused', maxRetries: 0, timeout: 20_000 });
    });

    after(async () => {
        try {
            const { code, signal } = await gateway.stop();
            assert.equal(code, 0, `gateway exit: code ${code}, signal ${signal}\n${gateway.log}`);
            assert.ok(!gateway.log.includes(UPSTREAM_KEY), 'the provider key must never be logged');
        } finally {
            await gateway.cleanup();
            await upstream.close();
        }
    });

    it('chat.completions.create: content, usage and the Switchyard headers', { timeout: TEST_TIMEOUT_MS }, async () => {
        const { data, response, request_id } = await client.chat.completions
            .create({ model: 'fake/gpt-4o', messages: hi }, { headers: { 'X-Switchyard-Task': 'sdk-test' } })
            .withResponse();
        assert.equal(data.choices[0].message.content, 'Hi from the fake upstream!');
        assert.equal(data.choices[0].finish_reason, 'stop');
        assert.deepEqual(data.usage, { prompt_tokens: 1000, completion_tokens: 200, total_tokens: 1200 });
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('x-switchyard-served-by'), 'fake/gpt-4o');
        assert.equal(response.headers.get('x-switchyard-attempts'), '1');
        // gpt-4o from the built-in catalog: $2.50 in, $10 out per MTok: 1000 × 2.5e-6 + 200 × 1e-5.
        assert.equal(response.headers.get('x-switchyard-cost-usd'), '0.004500000');
        assert.match(request_id ?? '', /^req_/, 'the SDK exposes X-Request-Id as request_id');

        const up = upstream.lastRequestFor('gpt-4o');
        assert.ok(up, 'the fake upstream saw the request');
        assert.equal(up.url, '/v1/chat/completions');
        assert.equal(up.headers.authorization, `Bearer ${UPSTREAM_KEY}`);
        assert.deepEqual(up.body.messages, hi);
    });

    it('streaming with include_usage: text from deltas and a final usage chunk', { timeout: TEST_TIMEOUT_MS }, async () => {
        const { data: stream, response } = await client.chat.completions
            .create({ model: 'fake/gpt-4o', messages: hi, stream: true, stream_options: { include_usage: true } })
            .withResponse();
        assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
        assert.equal(response.headers.get('x-switchyard-served-by'), 'fake/gpt-4o');
        assert.equal(response.headers.get('x-switchyard-attempts'), '1');
        const chunks = [];
        for await (const c of stream)
            chunks.push(c);
        const text = chunks.map((c) => c.choices[0]?.delta?.content ?? '').join('');
        assert.equal(text, 'Hello!');
        assert.ok(chunks.some((c) => c.choices[0]?.finish_reason === 'stop'), 'a finish chunk arrived');
        const last = chunks.at(-1);
        assert.deepEqual(last.choices, [], 'the usage chunk comes last and has no choices');
        assert.deepEqual(last.usage, STREAM_USAGE);
        assert.equal(upstream.lastRequestFor('gpt-4o').body.stream_options?.include_usage, true);
    });

    it('streaming without include_usage: no usage chunk reaches the SDK, but the upstream was asked for it',
       { timeout: TEST_TIMEOUT_MS }, async () => {
           const stream = await client.chat.completions.create({ model: 'fake/gpt-4o', messages: hi, stream: true });
           const chunks = [];
           for await (const c of stream)
               chunks.push(c);
           assert.equal(chunks.map((c) => c.choices[0]?.delta?.content ?? '').join(''), 'Hello!');
           assert.ok(chunks.length >= 4, `got ${chunks.length} chunks`);
           for (const c of chunks) {
               assert.ok(c.usage === undefined || c.usage === null, `unexpected usage in ${JSON.stringify(c)}`);
               assert.ok(c.choices.length > 0, `unexpected usage-only chunk ${JSON.stringify(c)}`);
           }
           // Switchyard always asks the provider for usage so that streamed calls are priced.
           const up = upstream.lastRequestFor('gpt-4o');
           assert.equal(up.body.stream, true);
           assert.equal(up.body.stream_options?.include_usage, true);
       });

    it('tools: tool_calls parsed by the SDK, tools passed through', { timeout: TEST_TIMEOUT_MS }, async () => {
        const tools = [{ type: 'function', function: {
            name: 'get_weather', description: 'Weather for a city',
            parameters: { type: 'object', properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
                          required: ['city'] } } }];
        const res = await client.chat.completions.create({
            model: 'fake/tool-caller', messages: [{ role: 'user', content: 'Weather in Zürich?' }], tools, tool_choice: 'auto' });
        const choice = res.choices[0];
        assert.equal(choice.finish_reason, 'tool_calls');
        assert.equal(choice.message.tool_calls?.length, 1);
        const call = choice.message.tool_calls[0];
        assert.equal(call.id, 'call_weather_1');
        assert.equal(call.type, 'function');
        assert.equal(call.function.name, 'get_weather');
        assert.deepEqual(JSON.parse(call.function.arguments), { city: 'Zürich', unit: 'celsius' });
        const up = upstream.lastRequestFor('tool-caller');
        assert.deepEqual(up.body.tools, tools);
        assert.equal(up.body.tool_choice, 'auto');
    });

    it('ladder: a 429 on the first rung is served by the second', { timeout: TEST_TIMEOUT_MS }, async () => {
        const before = upstream.requestsFor('rate-limited').length;
        const { data, response } = await client.chat.completions.create({ model: 'route/ladder', messages: hi }).withResponse();
        assert.equal(data.choices[0].message.content, 'Hi from the fake upstream!');
        assert.equal(response.headers.get('x-switchyard-served-by'), 'fake/gpt-4o');
        assert.equal(response.headers.get('x-switchyard-attempts'), '2');
        assert.equal(upstream.requestsFor('rate-limited').length, before + 1, 'the first rung was tried');
    });

    it('models.list() has the route names, aliases and configured models', { timeout: TEST_TIMEOUT_MS }, async () => {
        const ids = [];
        for await (const m of client.models.list()) {
            assert.equal(m.object, 'model');
            ids.push(m.id);
        }
        for (const id of ['route/ladder', 'route/limited', 'route/broken', 'auto', 'sim/sim-small', 'fake/gpt-4o'])
            assert.ok(ids.includes(id), `${id} missing from ${ids.join(', ')}`);
    });

    it('embeddings.create through the simulated provider (encoding_format "float")', { timeout: TEST_TIMEOUT_MS }, async () => {
        const res = await client.embeddings.create({ model: 'sim/sim-small', input: ['hello', 'world'], encoding_format: 'float' });
        assert.equal(res.object, 'list');
        assert.equal(res.data.length, 2);
        for (const [i, e] of res.data.entries()) {
            assert.equal(e.index, i);
            assert.equal(e.embedding.length, 16);
            const norm = Math.hypot(...e.embedding);
            assert.ok(Math.abs(norm - 1) < 1e-6, `unit vector expected, norm ${norm}`);
        }
        assert.notDeepEqual(res.data[0].embedding, res.data[1].embedding);
        assert.ok(res.usage.prompt_tokens > 0);
        // Deterministic: the same input gives the same vector.
        const again = await client.embeddings.create({ model: 'sim/sim-small', input: 'hello', encoding_format: 'float' });
        assert.deepEqual(again.data[0].embedding, res.data[0].embedding);
    });

    // The SDK (v4.9x and v5) sends encoding_format "base64" when the caller gives none and decodes the
    // answer as base64 little-endian float32.
    it('embeddings.create with the SDK default encoding (base64) through the simulated provider',
       { timeout: TEST_TIMEOUT_MS }, async () => {
           const floats = await client.embeddings.create({ model: 'sim/sim-small', input: 'hello', encoding_format: 'float' });
           const res = await client.embeddings.create({ model: 'sim/sim-small', input: 'hello' });
           assert.equal(res.data[0].embedding.length, 16);
           for (let i = 0; i < 16; ++i)
               assert.ok(Math.abs(res.data[0].embedding[i] - floats.data[0].embedding[i]) < 1e-6,
                         `component ${i}: ${res.data[0].embedding[i]} vs ${floats.data[0].embedding[i]}`);
       });

    it('unknown model → NotFoundError (404)', { timeout: TEST_TIMEOUT_MS }, async () => {
        const e = await rejection(() => client.chat.completions.create({ model: 'nope/gpt-9', messages: hi }));
        assert.ok(e instanceof OpenAI.NotFoundError, describeError(e));
        assert.equal(e.status, 404);
        assert.equal(e.code, 'model_not_found');
        assert.ok(e.message.length > 0);
    });

    it('missing model → BadRequestError (400)', { timeout: TEST_TIMEOUT_MS }, async () => {
        const e = await rejection(() => client.chat.completions.create({ messages: hi }));
        assert.ok(e instanceof OpenAI.BadRequestError, describeError(e));
        assert.equal(e.status, 400);
        assert.equal(e.code, 'missing_model');
        assert.equal(e.type, 'invalid_request_error');
    });

    it('malformed JSON body → BadRequestError (400)', { timeout: TEST_TIMEOUT_MS }, async () => {
        const e = await rejection(() => client.post('/chat/completions', {
            body: '{"model": "fake/gpt-4o", "messages": ', headers: { 'Content-Type': 'application/json' } }));
        assert.ok(e instanceof OpenAI.BadRequestError, describeError(e));
        assert.equal(e.status, 400);
        assert.equal(e.code, 'invalid_json');
    });

    it('a route whose last rung is rate limited → RateLimitError (429) with Retry-After', { timeout: TEST_TIMEOUT_MS }, async () => {
        const e = await rejection(() => client.chat.completions.create({ model: 'route/limited', messages: hi }));
        assert.ok(e instanceof OpenAI.RateLimitError, describeError(e));
        assert.equal(e.status, 429);
        assert.equal(e.type, 'rate_limit_error');
        assert.match(e.message, /slow down \(last rung\)/);
        assert.equal(e.headers.get('retry-after'), '7');
        assert.equal(e.headers.get('x-switchyard-attempts'), '1');
        assert.equal(upstream.requestsFor('rate-limited-last').length, 1, 'maxRetries 0: exactly one upstream call');
    });

    it('a route that always fails with 500 → InternalServerError (502)', { timeout: TEST_TIMEOUT_MS }, async () => {
        const e = await rejection(() => client.chat.completions.create({ model: 'route/broken', messages: hi }));
        assert.ok(e instanceof OpenAI.InternalServerError, describeError(e));
        assert.ok(e instanceof OpenAI.APIError);
        assert.equal(e.status, 502);
        assert.equal(e.type, 'api_error');
        assert.match(e.message, /the fake upstream is on fire/);
        assert.equal(e.headers.get('x-switchyard-attempts'), '1');
    });

    it('a stream cut after its first bytes throws while iterating, never ends as a success', { timeout: TEST_TIMEOUT_MS }, async () => {
        const stream = await client.chat.completions.create({
            model: 'fake/cut-stream', messages: hi, stream: true, stream_options: { include_usage: true } });
        let text = '';
        let ended = false;
        const e = await rejection(async () => {
            for await (const c of stream)
                text += c.choices[0]?.delta?.content ?? '';
            ended = true;
        });
        assert.equal(ended, false);
        assert.ok(e instanceof OpenAI.APIError, describeError(e));
        assert.match(e.message, /cut-stream|mid-stream|broke off/i);
        assert.equal(text, 'Hello', 'the two chunks before the cut arrived');
    });
});

describe('openai npm SDK against a gateway with local keys', () => {
    const upstream = new FakeUpstream();
    const gateway = new Gateway('keyed');
    const key = 'sy-' + randomBytes(32).toString('base64url'); // 43 base64url characters
    const sha256 = createHash('sha256').update(key).digest('hex');

    before(async () => {
        assert.match(key, /^sy-[A-Za-z0-9_-]{43}$/);
        await upstream.start();
        await gateway.start(configFor(upstream, { keys: [{ name: 'sdk-ci', sha256 }] }));
    });

    after(async () => {
        try {
            const { code, signal } = await gateway.stop();
            assert.equal(code, 0, `gateway exit: code ${code}, signal ${signal}\n${gateway.log}`);
            assert.ok(!gateway.log.includes(key), 'the client key must never be logged');
        } finally {
            await gateway.cleanup();
            await upstream.close();
        }
    });

    it('no Authorization header → AuthenticationError (401)', { timeout: TEST_TIMEOUT_MS }, async () => {
        // A null default header makes the SDK drop the Authorization header it would send.
        const anonymous = new OpenAI({ baseURL: gateway.baseURL, apiKey: 'unused', maxRetries: 0, timeout: 20_000,
                                       defaultHeaders: { Authorization: null } });
        const e = await rejection(() => anonymous.chat.completions.create({ model: 'sim/sim-small', messages: hi }));
        assert.ok(e instanceof OpenAI.AuthenticationError, describeError(e));
        assert.equal(e.status, 401);
        assert.equal(e.type, 'authentication_error');
        assert.match(e.message, /didn't provide an API key/);
    });

    it('a wrong key → AuthenticationError (401)', { timeout: TEST_TIMEOUT_MS }, async () => {
        const wrong = 'sy-' + randomBytes(32).toString('base64url');
        const bad = new OpenAI({ baseURL: gateway.baseURL, apiKey: wrong, maxRetries: 0, timeout: 20_000 });
        const e = await rejection(() => bad.chat.completions.create({ model: 'sim/sim-small', messages: hi }));
        assert.ok(e instanceof OpenAI.AuthenticationError, describeError(e));
        assert.equal(e.status, 401);
        assert.equal(e.code, 'invalid_api_key');
        const e2 = await rejection(() => bad.models.list());
        assert.ok(e2 instanceof OpenAI.AuthenticationError, describeError(e2));
        assert.equal(upstream.requests.length, 0, 'nothing reached the upstream');
    });

    it('the right key works; the upstream sees the provider key, never the client key', { timeout: TEST_TIMEOUT_MS }, async () => {
        const good = new OpenAI({ baseURL: gateway.baseURL, apiKey: key, maxRetries: 0, timeout: 20_000 });
        const sim = await good.chat.completions.create({ model: 'sim/sim-small', messages: hi });
        assert.ok(sim.choices[0].message.content.length > 0);
        assert.ok(sim.usage.completion_tokens > 0);
        const res = await good.chat.completions.create({ model: 'fake/gpt-4o', messages: hi });
        assert.equal(res.choices[0].message.content, 'Hi from the fake upstream!');
        const up = upstream.lastRequestFor('gpt-4o');
        assert.equal(up.headers.authorization, `Bearer ${UPSTREAM_KEY}`);
        assert.ok(!JSON.stringify(up.headers).includes(key), 'the client key must not be forwarded');
    });
});
