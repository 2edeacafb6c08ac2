// The WebSocket service's own metrics endpoint (templates/websocket.ts
// websocketMetricsJs), run for real: node loads it into the built-in service
// and into a release-like echo server, a WebSocket client connects, and the
// scraped values must move; `promtool check metrics` judges the exposition.

import * as assert from "assert";
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import { PROMETHEUS_ALERTS, renderPrometheusRules, runbookUrl } from "../templates/alerts";
import { PROMETHEUS_PRODUCERS } from "../templates/metrics-catalog";
import { renderPrometheusConfig, WEBSOCKET_METRICS_ADDRESS } from "../templates/telemetry";
import {
    builtinServerJs,
    websocketCloudConfig,
    websocketEnvironment,
    websocketMetricsJs,
    websocketUnit,
    WebSocketHostArgs,
    WS_METRICS_JS,
} from "../templates/websocket";
import { freePort, waitForListening } from "./support/ports";
import { requireTool, run } from "./support/tools";
import { parse } from "yaml";
import { ConfigError } from "../config";
import { parseStack } from "./support/resources";

/**
 * A release as a hospital would ship it, reduced to what the test needs: the
 * RFC 6455 handshake (401 without `token=good`), echo of text messages (header
 * and payload in two writes, as the `ws` library writes them), "frag" answered
 * in two fragments, "big" answered with 300 bytes (16-bit length), close echoed.
 */
const RELEASE_JS = String.raw`"use strict";
const http = require("node:http");
const crypto = require("node:crypto");
const server = http.createServer((req, res) => { res.writeHead(200); res.end("ok\n"); });
server.on("upgrade", (req, socket) => {
    if (!(req.url || "").includes("token=good")) {
        socket.end("HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        return;
    }
    const accept = crypto.createHash("sha1").update(req.headers["sec-websocket-key"] + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").digest("base64");
    socket.write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " + accept + "\r\n\r\n");
    let buf = Buffer.alloc(0);
    socket.on("data", (d) => {
        buf = Buffer.concat([buf, d]);
        while (buf.length >= 6 && buf.length >= 6 + (buf[1] & 0x7f)) {
            const op = buf[0] & 0x0f, len = buf[1] & 0x7f, mask = buf.subarray(2, 6);
            const text = Buffer.from(buf.subarray(6, 6 + len).map((b, i) => b ^ mask[i % 4])).toString();
            buf = buf.subarray(6 + len);
            if (op === 8) { socket.end(Buffer.from([0x88, 0])); return; }
            if (text === "frag") { socket.write(Buffer.from([0x01, 2])); socket.write("fr"); socket.write(Buffer.from([0x80, 2])); socket.write("ag"); }
            else if (text === "big") { socket.write(Buffer.concat([Buffer.from([0x81, 126, 1, 44]), Buffer.alloc(300, 120)])); }
            else { socket.write(Buffer.from([0x81, len])); socket.write(text); }
        }
    });
});
server.listen(Number(process.env.PORT), process.env.HOST);
`;

type Samples = Map<string, number>;

/** `name{labels} value` lines of a text exposition, keyed by `name{labels}` as written. */
function samples(text: string): Samples {
    const out: Samples = new Map();
    for (const line of text.split("\n")) {
        const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{[^}]*\})?) (\S+)$/.exec(line);
        if (m) out.set(m[1], Number(m[2]));
    }
    return out;
}

async function scrape(port: number): Promise<{ text: string; values: Samples }> {
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    assert.strictEqual(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    return { text, values: samples(text) };
}

function promtoolAccepts(text: string): void {
    const r = run("promtool", ["check", "metrics"], text);
    assert.strictEqual(r.status, 0, `promtool check metrics: ${r.stdout}${r.stderr}`);
}

/**
 * Sends exactly one WebSocket handshake request (a browser-like client may
 * retry a refused one) and resolves with the status of the answer.
 */
function handshake(port: number, urlPath: string): Promise<number> {
    return new Promise((resolve, reject) => {
        const req = http.request({
            host: "127.0.0.1",
            port,
            path: urlPath,
            agent: false,
            headers: {
                Connection: "Upgrade",
                Upgrade: "websocket",
                "Sec-WebSocket-Version": "13",
                "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
            },
        });
        req.on("response", (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
        });
        req.on("upgrade", (res, socket) => {
            socket.destroy();
            resolve(res.statusCode ?? 0);
        });
        req.on("error", reject);
        req.end();
    });
}

describe("the WebSocket service's own metrics endpoint", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hms-ws-metrics-"));
    const children: ChildProcess[] = [];
    fs.writeFileSync(path.join(dir, "hms-metrics.js"), websocketMetricsJs());
    fs.writeFileSync(path.join(dir, "builtin.js"), builtinServerJs());
    fs.writeFileSync(path.join(dir, "release.js"), RELEASE_JS);

    /** Starts `script` the way the unit does (node --require the metrics module), on loopback. */
    async function start(script: string): Promise<{ port: number; metrics: number }> {
        const port = await freePort();
        const metrics = await freePort();
        const child = spawn(process.execPath, ["--require", path.join(dir, "hms-metrics.js"), path.join(dir, script)], {
            env: {
                PATH: process.env.PATH,
                PORT: String(port),
                HOST: "127.0.0.1",
                HMS_METRICS_ADDRESS: `127.0.0.1:${metrics}`,
            },
            stdio: ["ignore", "inherit", "inherit"],
        });
        children.push(child);
        await waitForListening(port);
        await waitForListening(metrics);
        return { port, metrics };
    }

    after(() => {
        for (const c of children) c.kill("SIGTERM");
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it("counts connections, messages in both directions and closes of a release", async function () {
        this.timeout(20_000);
        requireTool(this, "promtool");
        const { port, metrics } = await start("release.js");
        const before = await scrape(metrics);
        promtoolAccepts(before.text);
        assert.strictEqual(before.values.get("hms_websocket_connections_open"), 0);

        // Open one connection and hold it while scraping.
        const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=good`);
        const received: string[] = [];
        await new Promise<void>((resolve, reject) => {
            ws.onopen = () => {
                for (const m of ["hello", "frag", "big"]) ws.send(m);
            };
            ws.onmessage = (e) => {
                received.push(String(e.data));
                if (received.length === 3) resolve();
            };
            ws.onerror = () => reject(new Error("the release refused the connection"));
        });
        assert.deepStrictEqual(received.slice(0, 2), ["hello", "frag"]);
        assert.strictEqual(received[2].length, 300);
        const during = (await scrape(metrics)).values;
        assert.strictEqual(during.get("hms_websocket_connections_open"), 1, "one connection open");
        assert.strictEqual(during.get("hms_websocket_connections_total"), 1);
        assert.strictEqual(during.get('hms_websocket_messages_total{direction="received"}'), 3);
        assert.strictEqual(
            during.get('hms_websocket_messages_total{direction="sent"}'),
            3,
            "fragments are one message",
        );

        await new Promise<void>((resolve) => {
            ws.onclose = () => resolve();
            ws.close();
        });
        // The server sees the close a moment after the client.
        let after = (await scrape(metrics)).values;
        for (let i = 0; i < 20 && after.get("hms_websocket_connections_open") !== 0; i++) {
            await new Promise((r) => setTimeout(r, 50));
            after = (await scrape(metrics)).values;
        }
        assert.strictEqual(after.get("hms_websocket_connections_open"), 0, "closed connections are not open");
        assert.strictEqual(after.get("hms_websocket_connections_total"), 1);
        assert.strictEqual(
            after.get('hms_websocket_messages_total{direction="sent"}'),
            3,
            "a close frame is no message",
        );

        // A client without a valid token: an authentication failure, not a connection.
        assert.strictEqual(await handshake(port, "/ws?token=bad"), 401);
        const last = await scrape(metrics);
        assert.strictEqual(last.values.get("hms_websocket_auth_failures_total"), 1);
        assert.strictEqual(last.values.get("hms_websocket_connections_total"), 1);
        promtoolAccepts(last.text);

        // The process: memory, heap, CPU, start time and event-loop lag are there and plausible.
        assert.ok(last.values.get("process_resident_memory_bytes")! > 1e6);
        assert.ok(last.values.get("nodejs_heap_size_used_bytes")! > 0);
        assert.ok(last.values.get("process_cpu_user_seconds_total")! > 0);
        assert.ok(Math.abs(last.values.get("process_start_time_seconds")! - Date.now() / 1000) < 60);
        for (const q of ["mean", "p99", "max"]) {
            const v = last.values.get(`nodejs_eventloop_lag_${q}_seconds`);
            assert.ok(v !== undefined && v >= 0 && v < 10, `event-loop lag ${q}: ${v}`);
        }
    });

    it("the built-in service: upgrades refused with 503 are counted; /metrics is not on the service's port", async function () {
        this.timeout(20_000);
        requireTool(this, "promtool");
        const { port, metrics } = await start("builtin.js");
        assert.strictEqual(await handshake(port, "/ws"), 503);
        const m = await scrape(metrics);
        assert.strictEqual(m.values.get('hms_websocket_rejected_upgrades_total{status="503"}'), 1);
        assert.strictEqual(m.values.get("hms_websocket_connections_total"), 0);
        promtoolAccepts(m.text);
        const publicPort = await fetch(`http://127.0.0.1:${port}/metrics`);
        assert.strictEqual(publicPort.status, 503, "the service's own port does not serve metrics");
        assert.doesNotMatch(await publicPort.text(), /hms_websocket/);
    });

    it("every metric the endpoint exposes is in the catalogue, and the catalogue names nothing it lacks", async function () {
        this.timeout(20_000);
        const { metrics } = await start("builtin.js");
        const { text } = await scrape(metrics);
        const exposed = new Set([...text.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]));
        const catalogued = new Set(PROMETHEUS_PRODUCERS.find((p) => p.job === "websocket")!.metrics);
        assert.deepStrictEqual([...exposed].sort(), [...catalogued].sort());
    });

    it("the host runs it on loopback only, preloaded into the service, and its Prometheus agent scrapes it", () => {
        const a: WebSocketHostArgs = {
            environment: "production",
            region: "sa-east-1",
            port: 8081,
            nodeMajor: 24,
            bucket: "hms-production-media",
            cache: { host: "cache.internal", port: 6379, authSecretArn: "arn:aws:secretsmanager:sa-east-1:1:secret:x" },
            wordpressAddresses: { parameter: "/hms-production-ws/wordpress-addresses", port: 8080 },
        };
        const [host, port] = WEBSOCKET_METRICS_ADDRESS.split(":");
        assert.strictEqual(host, "127.0.0.1", "metrics never listen beyond loopback");
        assert.notStrictEqual(Number(port), a.port);
        assert.match(websocketEnvironment(a), new RegExp(`^HMS_METRICS_ADDRESS="${WEBSOCKET_METRICS_ADDRESS}"$`, "m"));
        assert.match(websocketUnit(), new RegExp(`^ExecStart=/usr/bin/node --require ${WS_METRICS_JS} `, "m"));
        const files = websocketCloudConfig(a).write_files ?? [];
        assert.strictEqual(files.find((f) => f.path === WS_METRICS_JS)?.content, websocketMetricsJs());
        const config = parse(
            renderPrometheusConfig({
                region: "sa-east-1",
                remoteWriteUrl: "https://aps-workspaces.sa-east-1.amazonaws.com/workspaces/ws-1/",
                logsIngestEndpoint: "https://x.sa-east-1.osis.amazonaws.com/logs/ingest",
                role: "websocket",
                environment: "production",
                logFiles: ["/var/log/hms-websocket/websocket.log"],
            }),
        ) as { scrape_configs: Array<{ job_name: string; static_configs: Array<{ targets: string[] }> }> };
        const job = config.scrape_configs.find((j) => j.job_name === "websocket");
        assert.deepStrictEqual(job?.static_configs[0].targets, [WEBSOCKET_METRICS_ADDRESS]);
    });
});

describe("the WebSocket port and the metrics port", () => {
    it("a websocketPort the host's telemetry uses is refused at config time, naming the key and the ports", () => {
        assert.throws(
            () => parseStack("production", { websocketPort: Number(WEBSOCKET_METRICS_ADDRESS.split(":")[1]) }),
            (e: unknown) =>
                e instanceof ConfigError &&
                e.problems.some((p) => /hms:websocketPort .*must not be one of .*9464.*telemetry/.test(p)),
        );
        assert.doesNotThrow(() => parseStack("production", { websocketPort: 8081 }));
    });
});

describe("the WebSocket alerts", () => {
    it("page when the service refuses most handshakes itself, not when clients fail authentication; ticket on event-loop lag", function () {
        requireTool(this, "promtool");
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hms-ws-rules-"));
        const rules = path.join(dir, "rules.yml");
        fs.writeFileSync(rules, renderPrometheusRules("production"));
        const labels = (host: string) => `job="websocket",host="${host}"`;
        const test = {
            rule_files: [rules],
            evaluation_interval: "1m",
            tests: [
                {
                    interval: "1m",
                    input_series: [
                        // ws-a: 9 of 10 handshakes answered 503 by the service.
                        { series: `hms_websocket_connections_total{${labels("ws-a")}}`, values: "0+1x40" },
                        {
                            series: `hms_websocket_rejected_upgrades_total{${labels("ws-a")},status="503"}`,
                            values: "0+9x40",
                        },
                        { series: `hms_websocket_auth_failures_total{${labels("ws-a")}}`, values: "0x40" },
                        // ws-b: as many refused, but by authentication (a client problem, not the service's).
                        { series: `hms_websocket_connections_total{${labels("ws-b")}}`, values: "0+1x40" },
                        { series: `hms_websocket_auth_failures_total{${labels("ws-b")}}`, values: "0+9x40" },
                        { series: `nodejs_eventloop_lag_p99_seconds{${labels("ws-a")}}`, values: "0.9x40" },
                        { series: `nodejs_eventloop_lag_p99_seconds{${labels("ws-b")}}`, values: "0.01x40" },
                    ],
                    alert_rule_test: [
                        {
                            eval_time: "30m",
                            alertname: "WebSocketHandshakesFailing",
                            exp_alerts: [
                                {
                                    exp_labels: { severity: "page", environment: "production", host: "ws-a" },
                                    exp_annotations: annotations("WebSocketHandshakesFailing", "ws-a"),
                                },
                            ],
                        },
                        {
                            eval_time: "30m",
                            alertname: "WebSocketEventLoopLag",
                            exp_alerts: [
                                {
                                    exp_labels: { severity: "ticket", environment: "production", host: "ws-a" },
                                    exp_annotations: annotations("WebSocketEventLoopLag", "ws-a"),
                                },
                            ],
                        },
                    ],
                },
            ],
        };
        const file = path.join(dir, "rules.test.yml");
        fs.writeFileSync(file, JSON.stringify(test));
        const r = run("promtool", ["test", "rules", file]);
        fs.rmSync(dir, { recursive: true, force: true });
        assert.strictEqual(r.status, 0, r.stdout + r.stderr);
    });
});

function annotations(alert: string, host: string): { summary: string; runbook_url: string } {
    const a = PROMETHEUS_ALERTS.find((x) => x.alert === alert)!;
    return { summary: a.summary.replace("{{ $labels.host }}", host), runbook_url: runbookUrl(a.runbook) };
}
