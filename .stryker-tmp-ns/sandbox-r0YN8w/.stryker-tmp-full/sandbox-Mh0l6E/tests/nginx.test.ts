// @ts-nocheck
// 
import * as assert from "assert";
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as https from "https";
import { parse } from "yaml";
import {
    NginxSiteArgs,
    NGINX_HEALTH_PATH,
    NGINX_PATHS,
    ORIGIN_CERT_PATHS,
    renderNginxConf,
    renderNginxSite,
    renderNginxUserData,
    renderOriginCertScript,
    SECURITY_HEADERS,
} from "../templates/nginx";
import { renderTelemetry } from "../templates/telemetry";
import { CLOUDFLARE_IPV4, CLOUDFLARE_IPV6 } from "../tools/mocks";
import { makeSandbox, nginxTest, removeSandbox, Sandbox } from "./support/nginx-sandbox";
import { requireTool, run } from "./support/tools";
import { freePort, waitForListening } from "./support/ports";

const DOMAIN = "hms.example.org";
const CLOUDFLARE = [...CLOUDFLARE_IPV4, ...CLOUDFLARE_IPV6];
const SECRET_ARN = "arn:aws:secretsmanager:sa-east-1:123456789012:secret:hms-production-lb-origin-tls-a1b2c3";
const CA_PEM = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2E=\n-----END CERTIFICATE-----\n";

const site = (s: Sandbox, over: Partial<NginxSiteArgs> = {}): NginxSiteArgs => ({
    paths: s.paths,
    domain: DOMAIN,
    cloudflareCidrs: CLOUDFLARE,
    vpcCidr: "10.20.0.0/16",
    appServers: ["10.20.64.10", "10.20.80.11", "10.20.96.12"],
    appPort: 80,
    websocket: { address: "10.20.64.20", port: 8080 },
    maxUploadMiB: 512,
    ...over,
});

function writeConfig(s: Sandbox, args: NginxSiteArgs): string {
    fs.writeFileSync(s.paths.mainConf, renderNginxConf({ paths: s.paths, user: s.user }));
    const text = renderNginxSite(args);
    fs.writeFileSync(s.paths.siteConf, text);
    return text;
}

describe("Nginx configuration (templates/nginx.ts)", () => {
    let sandbox: Sandbox | undefined;
    const box = (): Sandbox => {
        assert.ok(sandbox, "sandbox");
        return sandbox;
    };
    before(function () {
        if (run("sh", ["-c", "command -v openssl"]).status === 0) {
            sandbox = makeSandbox(DOMAIN);
        }
    });
    after(() => removeSandbox(sandbox));

    describe("passes the real nginx -t", () => {
        for (const [label, over] of [
            ["with the WebSocket route and three app servers", {}],
            [
                "without the WebSocket route and one app server",
                { websocket: undefined, appServers: ["10.30.64.10"], vpcCidr: "10.30.0.0/16" },
            ],
        ] as Array<[string, Partial<NginxSiteArgs>]>) {
            it(label, function () {
                requireTool(this, "openssl");
                requireTool(this, "nginx");
                writeConfig(box(), site(box(), over));
                const r = nginxTest(box());
                assert.ok(r.ok, r.output);
                assert.match(r.output, /test is successful/);
            });
        }

        it("and nginx -t catches a broken site (the check can fail)", function () {
            requireTool(this, "openssl");
            requireTool(this, "nginx");
            const s = box();
            writeConfig(s, site(s));
            fs.appendFileSync(s.paths.siteConf, "\nssl_protocols TLSv1.2 TLSv1.3\n");
            assert.strictEqual(nginxTest(s).ok, false);
        });
    });

    describe("site", () => {
        const text = renderNginxSite(site({ paths: NGINX_PATHS } as Sandbox));
        const directives = (name: string): string[] =>
            text
                .split("\n")
                .map((l) => l.trim())
                .filter((l) => l.startsWith(`${name} `))
                .map((l) => l.slice(name.length + 1).replace(/;$/, ""));

        it("trusts CF-Connecting-IP from exactly Cloudflare's ranges", () => {
            assert.deepStrictEqual(directives("set_real_ip_from").sort(), [...CLOUDFLARE].sort());
            assert.deepStrictEqual(directives("real_ip_header"), ["CF-Connecting-IP"]);
        });

        it("TLS 1.2/1.3 only, ECDHE AEAD ciphers, no session tickets, client certificates required", () => {
            assert.deepStrictEqual(directives("ssl_protocols"), ["TLSv1.2 TLSv1.3"]);
            for (const c of directives("ssl_ciphers")[0].split(":")) {
                assert.match(c, /^ECDHE-(ECDSA|RSA)-(AES(128|256)-GCM-SHA(256|384)|CHACHA20-POLY1305)$/);
            }
            assert.deepStrictEqual(directives("ssl_session_tickets"), ["off"]);
            assert.deepStrictEqual(directives("ssl_verify_client"), ["on"]);
            assert.deepStrictEqual(directives("ssl_client_certificate"), [NGINX_PATHS.clientCa]);
            assert.deepStrictEqual(directives("ssl_certificate"), [NGINX_PATHS.certificate]);
        });

        it("balances across the app servers with keepalive and passive health checks", () => {
            const servers = /upstream wordpress \{([^}]*)\}/.exec(text)?.[1] ?? "";
            assert.deepStrictEqual(
                [...servers.matchAll(/server (\S+) max_fails=\d+ fail_timeout=\d+s;/g)].map((m) => m[1]),
                ["10.20.64.10:80", "10.20.80.11:80", "10.20.96.12:80"],
            );
            assert.match(servers, /keepalive \d+;/);
        });

        it("takes uploads up to hms:loadBalancerMaxUploadMiB and sends the security headers", () => {
            assert.deepStrictEqual(directives("client_max_body_size"), ["512m"]);
            const added = directives("add_header").map((d) => d.split(" ")[0]);
            for (const h of [
                "Strict-Transport-Security",
                "X-Content-Type-Options",
                "X-Frame-Options",
                "Referrer-Policy",
                "Permissions-Policy",
            ]) {
                assert.ok(added.includes(h), h);
            }
            assert.match(text, /Content-Security-Policy "frame-ancestors 'self'"/);
            assert.ok(directives("proxy_set_header").includes("X-Forwarded-Proto https"));
        });

        it("routes /ws to the WebSocket server only when there is one", () => {
            assert.match(text, /location ~ \^\/ws\(\/\|\$\) \{\s+proxy_pass http:\/\/websocket;/);
            assert.match(text, /server 10\.20\.64\.20:8080 /);
            const without = renderNginxSite(site({ paths: NGINX_PATHS } as Sandbox, { websocket: undefined }));
            assert.doesNotMatch(without, /websocket|\/ws/);
        });

        it("answers health checks on a plain port, from the VPC only", () => {
            const health = /server \{\s+listen 8081 default_server;[\s\S]*?\n\}/.exec(text)?.[0] ?? "";
            assert.match(text, /geo \$hms_health_allowed \{\s+default 0;\s+10\.20\.0\.0\/16 1;\s+\}/);
            assert.match(health, /if \(\$hms_health_allowed = 0\) \{\s+return 403;/);
            assert.match(health, new RegExp(`location = ${NGINX_HEALTH_PATH} `));
            assert.doesNotMatch(health, /ssl/);
        });

        it("refuses bad input instead of rendering it", () => {
            const base = site({ paths: NGINX_PATHS } as Sandbox);
            assert.throws(() => renderNginxSite({ ...base, appServers: [] }), /appServers is empty/);
            assert.throws(() => renderNginxSite({ ...base, appServers: ["10.0.0.1; include /etc/passwd"] }), /IPv4/);
            assert.throws(() => renderNginxSite({ ...base, cloudflareCidrs: [] }), /cloudflareCidrs is empty/);
        });
    });

    describe("nginx.conf", () => {
        const conf = renderNginxConf({ paths: NGINX_PATHS, user: "www-data" });

        it("hides the version and writes JSON access logs without the query string", () => {
            assert.match(conf, /^\s*server_tokens off;$/m);
            const format = /log_format hms_json escape=json '([^']+)';/.exec(conf)?.[1];
            assert.ok(format, "a JSON log format");
            assert.doesNotMatch(format, /\$request_uri|\$args|\$query_string|\$request\b/);
            // With every variable replaced by a value, the line is a JSON object.
            const line = format.replace(/\$[a-z_0-9]+/g, "1");
            const record = JSON.parse(line) as Record<string, unknown>;
            for (const k of ["time", "client_ip", "status", "path", "upstream_addr", "request_time"]) {
                assert.ok(k in record, k);
            }
            assert.match(conf, new RegExp(`access_log ${NGINX_PATHS.accessLog} hms_json;`));
        });
    });

    describe("behaves as intended under the real nginx", () => {
        interface Running {
            nginx: ChildProcess;
            httpsPort: number;
            healthPort: number;
            seen: http.IncomingHttpHeaders[];
            servers: http.Server[];
            sandbox: Sandbox;
        }
        const running: Running[] = [];
        after(async () => {
            for (const r of running) {
                r.nginx.kill("SIGTERM");
                await new Promise((res) => (r.nginx.exitCode !== null ? res(null) : r.nginx.once("exit", res)));
                r.servers.forEach((s) => s.close());
                removeSandbox(r.sandbox);
            }
        });

        /** Starts an app server stand-in, a WebSocket stand-in and nginx with the rendered config. */
        async function start(ctx: Mocha.Context, over: Partial<NginxSiteArgs>): Promise<Running> {
            requireTool(ctx, "openssl");
            requireTool(ctx, "nginx");
            const sandbox = makeSandbox(DOMAIN);
            const seen: http.IncomingHttpHeaders[] = [];
            const app = http.createServer((req, res) => {
                seen.push({ ...req.headers, "x-test-url": req.url });
                res.setHeader("X-Powered-By", "PHP/8.3");
                res.setHeader("X-Frame-Options", "ALLOWALL");
                res.end("wordpress");
            });
            const ws = http.createServer((_req, res) => res.end("not an upgrade"));
            ws.on("upgrade", (req, socket) => {
                socket.end(
                    "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
                        `X-Seen-Upgrade: ${req.headers.upgrade}\r\nX-Seen-Path: ${req.url}\r\n\r\n`,
                );
            });
            const [appPort, wsPort, httpsPort, healthPort] = [
                await freePort(),
                await freePort(),
                await freePort(),
                await freePort(),
            ];
            await Promise.all(
                [app, ws].map((s, i) => new Promise((r) => s.listen([appPort, wsPort][i], "127.0.0.1", () => r(null)))),
            );
            writeConfig(
                sandbox,
                site(sandbox, {
                    appServers: ["127.0.0.1"],
                    appPort,
                    websocket: { address: "127.0.0.1", port: wsPort },
                    httpsPort,
                    healthPort,
                    maxUploadMiB: 1,
                    ...over,
                }),
            );
            fs.writeFileSync(sandbox.paths.clientCa, sandbox.pki.caPem);
            const nginx = spawn("nginx", ["-c", sandbox.paths.mainConf, "-p", `${sandbox.dir}/`, "-g", "daemon off;"], {
                stdio: "ignore",
            });
            const r: Running = { nginx, httpsPort, healthPort, seen, servers: [app, ws], sandbox };
            running.push(r);
            await waitForListening(httpsPort);
            await waitForListening(healthPort);
            return r;
        }

        interface Answer {
            status: number;
            headers: http.IncomingHttpHeaders;
            body: string;
        }
        const get = (
            r: Running,
            path: string,
            opts: {
                client?: "pull" | "stranger" | "none";
                headers?: Record<string, string>;
                body?: Buffer;
                upgrade?: boolean;
            } = {},
        ): Promise<Answer> =>
            new Promise((res, rej) => {
                const client = opts.client ?? "pull";
                const cert =
                    client === "pull"
                        ? r.sandbox.pki.clientCert
                        : client === "stranger"
                          ? r.sandbox.pki.strangerCert
                          : undefined;
                const key =
                    client === "pull"
                        ? r.sandbox.pki.clientKey
                        : client === "stranger"
                          ? r.sandbox.pki.strangerKey
                          : undefined;
                const req = https.request({
                    host: "127.0.0.1",
                    port: r.httpsPort,
                    path,
                    method: opts.body ? "POST" : "GET",
                    servername: DOMAIN,
                    ca: r.sandbox.pki.serverCert,
                    cert,
                    key,
                    agent: false,
                    headers: {
                        Host: DOMAIN,
                        ...(opts.upgrade ? { Connection: "Upgrade", Upgrade: "websocket" } : {}),
                        ...(opts.headers ?? {}),
                    },
                });
                req.on("upgrade", (resp, socket) => {
                    socket.destroy();
                    res({ status: resp.statusCode ?? 0, headers: resp.headers, body: "" });
                });
                req.on("response", (resp) => {
                    let body = "";
                    resp.on("data", (d) => (body += d));
                    resp.on("end", () => res({ status: resp.statusCode ?? 0, headers: resp.headers, body }));
                });
                req.on("error", rej);
                req.end(opts.body);
            });
        const health = (r: Running): Promise<number> =>
            new Promise((res, rej) =>
                http
                    .get({ host: "127.0.0.1", port: r.healthPort, path: NGINX_HEALTH_PATH, agent: false }, (resp) => {
                        resp.resume();
                        res(resp.statusCode ?? 0);
                    })
                    .on("error", rej),
            );

        // In this sandbox 127.0.0.0/8 plays both Cloudflare and the VPC.
        let trusted: Running;
        before(async function () {
            this.timeout(30_000);
            if (run("sh", ["-c", "command -v nginx && command -v openssl"]).status !== 0) {
                return;
            }
            trusted = await start(this, { cloudflareCidrs: ["127.0.0.0/8", ...CLOUDFLARE], vpcCidr: "127.0.0.0/8" });
        });
        const need = (ctx: Mocha.Context): Running => {
            requireTool(ctx, "openssl");
            requireTool(ctx, "nginx");
            return trusted;
        };

        it("proxies to the app with the client IP from CF-Connecting-IP, HTTPS headers and security headers", async function () {
            const r = need(this);
            const a = await get(r, "/patients/?id=42", {
                headers: { "CF-Connecting-IP": "203.0.113.7", "X-Forwarded-For": "6.6.6.6" },
            });
            assert.strictEqual(a.status, 200, a.body);
            assert.strictEqual(a.body, "wordpress");
            const upstream = r.seen[r.seen.length - 1];
            assert.strictEqual(upstream["x-forwarded-for"], "203.0.113.7");
            assert.strictEqual(upstream["x-real-ip"], "203.0.113.7");
            assert.strictEqual(upstream["x-forwarded-proto"], "https");
            assert.strictEqual(upstream.host, DOMAIN);
            for (const [h, v] of SECURITY_HEADERS) {
                assert.strictEqual(a.headers[h.toLowerCase()], v, h);
            }
            assert.strictEqual(a.headers["x-powered-by"], undefined);
            assert.strictEqual(a.headers.server, "nginx");
        });

        it("refuses clients without the origin-pull certificate or with one from another CA", async function () {
            const r = need(this);
            const before = r.seen.length;
            assert.strictEqual((await get(r, "/", { client: "none" })).status, 400);
            assert.strictEqual((await get(r, "/", { client: "stranger" })).status, 400);
            assert.strictEqual(r.seen.length, before, "nothing reached the app");
        });

        it("routes /ws (and only /ws) to the WebSocket server with the Upgrade headers", async function () {
            const r = need(this);
            const a = await get(r, "/ws/updates", { upgrade: true });
            assert.strictEqual(a.status, 101);
            assert.strictEqual(a.headers["x-seen-upgrade"], "websocket");
            assert.strictEqual(a.headers["x-seen-path"], "/ws/updates");
            const b = await get(r, "/wsx");
            assert.strictEqual(b.body, "wordpress");
        });

        it("refuses bodies over the upload limit", async function () {
            const r = need(this);
            assert.strictEqual((await get(r, "/upload", { body: Buffer.alloc(1024 * 1024 + 1) })).status, 413);
            assert.strictEqual((await get(r, "/upload", { body: Buffer.alloc(1024) })).status, 200);
        });

        it("answers the health check from the VPC and logs requests as JSON without query strings", async function () {
            const r = need(this);
            assert.strictEqual(await health(r), 200);
            const lines = fs.readFileSync(r.sandbox.paths.accessLog, "utf8").trim().split("\n");
            const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
            const patient = records.find((x) => x.path === "/patients/");
            assert.ok(patient, lines.join("\n"));
            assert.strictEqual(patient.client_ip, "203.0.113.7");
            assert.strictEqual(patient.status, 200);
            assert.doesNotMatch(lines.join("\n"), /id=42/);
        });

        it("ignores CF-Connecting-IP from outside Cloudflare and health checks from outside the VPC", async function () {
            need(this);
            this.timeout(30_000);
            const r = await start(this, { cloudflareCidrs: CLOUDFLARE, vpcCidr: "10.20.0.0/16" });
            const a = await get(r, "/", { headers: { "CF-Connecting-IP": "203.0.113.7" } });
            assert.strictEqual(a.status, 200);
            assert.strictEqual(r.seen[r.seen.length - 1]["x-forwarded-for"], "127.0.0.1");
            assert.strictEqual(await health(r), 403);
        });

        it("fails the NLB health check when no app server answers (the target leaves the NLB)", async function () {
            need(this);
            this.timeout(30_000);
            const r = await start(this, {
                cloudflareCidrs: ["127.0.0.0/8", ...CLOUDFLARE],
                vpcCidr: "127.0.0.0/8",
                appPort: await freePort(),
            });
            assert.strictEqual(await health(r), 502);
        });

        it("the health check asks an app server's own /healthz", async function () {
            const r = need(this);
            const before = r.seen.length;
            assert.strictEqual(await health(r), 200);
            assert.strictEqual(
                r.seen.slice(before).some((h) => h["x-test-url"] === NGINX_HEALTH_PATH),
                true,
            );
        });
    });

    describe("certificate script", () => {
        const script = renderOriginCertScript({ secretArn: SECRET_ARN, region: "sa-east-1", paths: NGINX_PATHS });

        it("passes shellcheck", function () {
            requireTool(this, "shellcheck");
            const r = run("shellcheck", ["--shell=bash", "--severity=style", "-"], script);
            assert.strictEqual(r.status, 0, r.stdout + r.stderr);
        });

        it("runs as root only, retries, writes 0600 files, tests nginx before reloading", () => {
            assert.match(script, /^set -euo pipefail$/m);
            assert.match(script, /^umask 077$/m);
            assert.match(script, /id -u/);
            assert.match(script, /aws secretsmanager get-secret-value --region "\$REGION"/);
            assert.match(script, /ATTEMPTS=\d+/);
            assert.match(script, /chmod 0600 "\$work\/origin\.crt" "\$work\/origin\.key"/);
            assert.ok(script.indexOf("nginx -t") < script.indexOf("systemctl reload-or-restart nginx"));
            assert.doesNotMatch(script, /set -x|echo "\$secret/);
        });

        it("refuses a malformed ARN", () => {
            assert.throws(
                () => renderOriginCertScript({ secretArn: "x; rm -rf /", region: "sa-east-1", paths: NGINX_PATHS }),
                /ARN/,
            );
        });
    });

    describe("cloud-init", () => {
        const userData = (websocket: boolean, telemetry: boolean): string =>
            renderNginxUserData({
                region: "sa-east-1",
                index: 1,
                domain: DOMAIN,
                cloudflareCidrs: CLOUDFLARE,
                vpcCidr: "10.20.0.0/16",
                appServers: ["10.20.64.10", "10.20.80.11"],
                appPort: 80,
                websocket: websocket ? { address: "10.20.64.20", port: 8080 } : undefined,
                maxUploadMiB: 512,
                certificateSecretArn: SECRET_ARN,
                originPullCaPem: CA_PEM,
                telemetry: telemetry
                    ? renderTelemetry({
                          region: "sa-east-1",
                          remoteWriteUrl: "https://aps-workspaces.sa-east-1.amazonaws.com/workspaces/ws-1234/",
                          logsIngestEndpoint: "https://hms-logs-abc.sa-east-1.osis.amazonaws.com",
                          role: "nginx",
                          environment: "production",
                          logFiles: [NGINX_PATHS.accessLog, NGINX_PATHS.errorLog],
                      })
                    : undefined,
            });

        for (const [websocket, telemetry] of [
            [true, true],
            [false, false],
        ]) {
            it(`passes cloud-init schema (${websocket ? "with" : "without"} WebSocket, ${telemetry ? "with" : "without"} telemetry)`, function () {
                requireTool(this, "cloud-init");
                const file = `${fs.mkdtempSync("/tmp/hms-ci-")}/user-data`;
                fs.writeFileSync(file, userData(websocket, telemetry));
                const r = run("cloud-init", ["schema", "--config-file", file]);
                fs.rmSync(file.replace(/\/user-data$/, ""), { recursive: true, force: true });
                assert.strictEqual(r.status, 0, r.stdout + r.stderr);
                assert.match(r.stdout, /Valid/);
            });
        }

        it("writes the Nginx files after the packages and runs the certificate script before enabling nginx", () => {
            const doc = parse(userData(true, true)) as {
                packages: string[];
                write_files: Array<{ path: string; defer?: boolean; permissions: string; content: string }>;
                runcmd: string[][];
            };
            assert.ok(doc.packages.includes("nginx"));
            for (const p of [NGINX_PATHS.mainConf, NGINX_PATHS.siteConf, NGINX_PATHS.clientCa]) {
                const f = doc.write_files.find((w) => w.path === p);
                assert.ok(f?.defer, `${p} is written after the nginx package is installed`);
            }
            const script = doc.write_files.find((w) => w.path === ORIGIN_CERT_PATHS.script);
            assert.strictEqual(script?.permissions, "0700");
            const runs = doc.runcmd.map((c) => c.join(" "));
            assert.ok(runs.indexOf(ORIGIN_CERT_PATHS.script) < runs.indexOf("systemctl enable nginx"));
            assert.ok(runs.includes("systemctl enable --now hms-origin-cert.timer"));
            assert.ok(
                doc.write_files.some((w) => w.path.startsWith("/etc/fluent-bit/")),
                "telemetry merged",
            );
        });

        it("carries no private key", () => {
            assert.doesNotMatch(userData(true, true), /PRIVATE KEY/);
            assert.throws(
                () =>
                    renderNginxUserData({
                        ...{
                            region: "sa-east-1",
                            index: 0,
                            domain: DOMAIN,
                            cloudflareCidrs: CLOUDFLARE,
                            vpcCidr: "10.20.0.0/16",
                        },
                        ...{
                            appServers: ["10.20.64.10"],
                            appPort: 80,
                            maxUploadMiB: 512,
                            certificateSecretArn: SECRET_ARN,
                        },
                        originPullCaPem: `${CA_PEM}-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----\n`,
                    }),
                /originPullCaPem/,
            );
        });
    });
});
