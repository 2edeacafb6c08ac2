import * as assert from "assert";
import { ChildProcess, spawn, spawnSync } from "child_process";
import { X509Certificate } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as http from "http";
import * as https from "https";
import { TLSSocket } from "tls";
import { parse } from "yaml";
import {
    NginxSiteArgs,
    NGINX_HEALTH_PATH,
    NGINX_HEALTH_PORT,
    NGINX_PATHS,
    NGINX_TLS_HEALTH_PORT,
    ORIGIN_CERT_PATHS,
    renderNginxConf,
    renderNginxSite,
    renderNginxUserData,
    renderOriginCertScript,
    renderUpstreamScript,
    SECURITY_HEADERS,
    UPSTREAM_PATHS,
    UPSTREAM_PLACEHOLDER,
} from "../templates/nginx";
import { renderTelemetry } from "../templates/telemetry";
import { CLOUDFLARE_IPV4, CLOUDFLARE_IPV6 } from "../tools/mocks";
import { makeSandbox, nginxTest, removeSandbox, Sandbox } from "./support/nginx-sandbox";
import { requireTool, run } from "./support/tools";
import { assertCloudInitValid } from "./support/cloud-init";
import { freePort, waitForListening } from "./support/ports";

const DOMAIN = "hms.example.org";
const CLOUDFLARE = [...CLOUDFLARE_IPV4, ...CLOUDFLARE_IPV6];
const SECRET_ARN = "arn:aws:secretsmanager:sa-east-1:123456789012:secret:hms-production-lb-origin-tls-a1b2c3";
const CA_PEM = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2E=\n-----END CERTIFICATE-----\n";
const PARAMETERS = {
    wordpress: "/hms-production-lb/upstreams/wordpress",
    websocket: "/hms-production-lb/upstreams/websocket",
};

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
            tlsHealthPort: number;
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
            const [appPort, wsPort, httpsPort, healthPort, tlsHealthPort] = [
                await freePort(),
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
                    tlsHealthPort,
                    maxUploadMiB: 1,
                    ...over,
                }),
            );
            fs.writeFileSync(sandbox.paths.clientCa, sandbox.pki.caPem);
            const nginx = spawn("nginx", ["-c", sandbox.paths.mainConf, "-p", `${sandbox.dir}/`, "-g", "daemon off;"], {
                stdio: "ignore",
            });
            const r: Running = { nginx, httpsPort, healthPort, tlsHealthPort, seen, servers: [app, ws], sandbox };
            running.push(r);
            await waitForListening(httpsPort);
            await waitForListening(healthPort);
            await waitForListening(tlsHealthPort);
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

        /**
         * The NLB's HTTPS health check: TLS 1.2 (what an NLB requires of the target), no
         * client certificate, no SNI, certificate not validated; returns the status and the
         * certificate the server presented.
         */
        const tlsHealth = (r: Running): Promise<{ status: number; certificate: string }> =>
            new Promise((res, rej) =>
                https
                    .get(
                        {
                            host: "127.0.0.1",
                            port: r.tlsHealthPort,
                            path: NGINX_HEALTH_PATH,
                            agent: false,
                            rejectUnauthorized: false,
                            minVersion: "TLSv1.2",
                            maxVersion: "TLSv1.2",
                        },
                        (resp) => {
                            const peer = (resp.socket as TLSSocket).getPeerX509Certificate();
                            resp.resume();
                            res({ status: resp.statusCode ?? 0, certificate: peer?.toString() ?? "" });
                        },
                    )
                    .on("error", rej),
            );
        const pemOf = (pem: string): string => new X509Certificate(pem).toString();

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
        it("the NLB's HTTPS health check goes through the site's TLS (TLS 1.2, its certificate, no client certificate)", async function () {
            const r = need(this);
            const before = r.seen.length;
            const a = await tlsHealth(r);
            assert.strictEqual(a.status, 200);
            assert.strictEqual(a.certificate, pemOf(r.sandbox.pki.serverCert), "the Origin CA certificate's stand-in");
            assert.ok(
                r.seen.slice(before).some((h) => h["x-test-url"] === NGINX_HEALTH_PATH),
                "asked an app server's own /healthz",
            );
        });

        it("the HTTPS health check fails when no app server answers, and outside the VPC", async function () {
            need(this);
            this.timeout(30_000);
            const down = await start(this, {
                cloudflareCidrs: ["127.0.0.0/8", ...CLOUDFLARE],
                vpcCidr: "127.0.0.0/8",
                appPort: await freePort(),
            });
            assert.strictEqual((await tlsHealth(down)).status, 502);
            const outside = await start(this, { cloudflareCidrs: CLOUDFLARE, vpcCidr: "10.20.0.0/16" });
            assert.strictEqual((await tlsHealth(outside)).status, 403);
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

    describe("upstream resolver (hms-upstreams)", () => {
        const upstreams = [
            { upstream: "wordpress" as const, parameter: PARAMETERS.wordpress, port: 8080 },
            { upstream: "websocket" as const, parameter: PARAMETERS.websocket, port: 8088 },
        ];

        it("passes shellcheck", function () {
            requireTool(this, "shellcheck");
            const text = renderUpstreamScript({ region: "sa-east-1", paths: NGINX_PATHS, upstreams });
            const r = run("shellcheck", ["--shell=bash", "-"], text);
            assert.strictEqual(r.status, 0, r.stdout + r.stderr);
        });

        it("refuses a parameter name or port that could inject shell or configuration", () => {
            const bad = (over: Partial<(typeof upstreams)[0]>) => () =>
                renderUpstreamScript({
                    region: "sa-east-1",
                    paths: NGINX_PATHS,
                    upstreams: [{ ...upstreams[0], ...over }],
                });
            assert.throws(bad({ parameter: '/x"; rm -rf / #' }), /parameter/);
            assert.throws(bad({ port: 0 }), /port/);
            assert.throws(
                () => renderUpstreamScript({ region: "sa-east-1", paths: NGINX_PATHS, upstreams: [] }),
                /no upstream/,
            );
        });

        describe("run by bash on sample parameters; its output checked by the real nginx -t", () => {
            let s: Sandbox;
            let stubs: string;
            let script: string;
            const values = (v: Record<string, string>) => {
                for (const [name, value] of Object.entries(v)) {
                    fs.writeFileSync(`${stubs}/value-${name}`, value);
                }
            };
            const resolve = () =>
                spawnSync("bash", [script], {
                    encoding: "utf8",
                    timeout: 60_000,
                    env: {
                        ...process.env,
                        PATH: `${stubs}:${process.env.PATH}`,
                        HMS_UPSTREAMS_TEST: "1",
                        STUBS: stubs,
                    },
                });
            const listOf = (u: string) =>
                fs
                    .readFileSync(`${s.paths.upstreamDir}/${u}.conf`, "utf8")
                    .split("\n")
                    .filter((l) => l.startsWith("server "));
            const reloads = () =>
                fs.existsSync(`${stubs}/systemctl.log`)
                    ? fs.readFileSync(`${stubs}/systemctl.log`, "utf8").trim().split("\n")
                    : [];

            before(function () {
                requireTool(this, "openssl");
                requireTool(this, "nginx");
                s = makeSandbox(DOMAIN);
                const nginx = run("sh", ["-c", "command -v nginx"]).stdout.trim();
                stubs = fs.mkdtempSync(path.join(os.tmpdir(), "hms-upstream-stubs-"));
                // aws ssm get-parameter --name N: prints value-<last path segment>, fails without one.
                fs.writeFileSync(
                    `${stubs}/aws`,
                    '#!/bin/bash\nwhile [ $# -gt 0 ]; do if [ "$1" = --name ]; then name=$2; fi; shift; done\n' +
                        'f="$STUBS/value-${name##*/}"\n[ -f "$f" ] || { echo "ParameterNotFound" >&2; exit 254; }\ncat "$f"\n',
                );
                // The real nginx -t on the sandbox's configuration (fails on demand).
                fs.writeFileSync(
                    `${stubs}/nginx`,
                    `#!/bin/bash\n[ -f "$STUBS/nginx-fails" ] && exit 1\nexec ${nginx} -t -q -c ${s.paths.mainConf} -p ${s.dir}/\n`,
                );
                fs.writeFileSync(`${stubs}/systemctl`, '#!/bin/bash\necho "$*" >> "$STUBS/systemctl.log"\n');
                for (const f of ["aws", "nginx", "systemctl"]) {
                    fs.chmodSync(`${stubs}/${f}`, 0o755);
                }
                fs.writeFileSync(s.paths.mainConf, renderNginxConf({ paths: s.paths, user: s.user }));
                fs.writeFileSync(
                    s.paths.siteConf,
                    renderNginxSite({
                        ...site(s),
                        appServers: [],
                        websocket: { port: 8088 },
                        resolvedUpstreams: true,
                        plainHealth: false,
                        tlsHealthPort: NGINX_TLS_HEALTH_PORT,
                    }),
                );
                for (const u of ["wordpress", "websocket"]) {
                    fs.writeFileSync(`${s.paths.upstreamDir}/${u}.conf`, UPSTREAM_PLACEHOLDER);
                }
                script = `${stubs}/hms-upstreams`;
                fs.writeFileSync(script, renderUpstreamScript({ region: "sa-east-1", paths: s.paths, upstreams }));
            });
            after(() => {
                removeSandbox(s);
                if (stubs) {
                    fs.rmSync(stubs, { recursive: true, force: true });
                }
            });

            it("the placeholders pass nginx -t (a new server boots with a valid configuration)", function () {
                requireTool(this, "nginx");
                const r = nginxTest(s);
                assert.ok(r.ok, r.output);
            });

            it("writes each tier's addresses, nginx -t passes on them, and reloads nginx once", function () {
                requireTool(this, "nginx");
                values({ wordpress: "10.20.64.10,10.20.80.11", websocket: "10.20.96.12" });
                const r = resolve();
                assert.strictEqual(r.status, 0, r.stdout + r.stderr);
                assert.deepStrictEqual(listOf("wordpress"), [
                    "server 10.20.64.10:8080 max_fails=3 fail_timeout=10s;",
                    "server 10.20.80.11:8080 max_fails=3 fail_timeout=10s;",
                ]);
                assert.deepStrictEqual(listOf("websocket"), ["server 10.20.96.12:8088 max_fails=3 fail_timeout=10s;"]);
                assert.ok(nginxTest(s).ok, nginxTest(s).output);
                assert.deepStrictEqual(reloads(), ["reload-or-restart nginx"]);
                // Unchanged parameters: no reload.
                assert.strictEqual(resolve().status, 0);
                assert.strictEqual(reloads().length, 1);
            });

            it("a replaced app server: the new address replaces the old one", function () {
                requireTool(this, "nginx");
                values({ wordpress: "10.20.64.10,10.20.81.99", websocket: "10.20.96.12" });
                assert.strictEqual(resolve().status, 0);
                assert.deepStrictEqual(
                    listOf("wordpress").map((l) => l.split(" ")[1]),
                    ["10.20.64.10:8080", "10.20.81.99:8080"],
                );
            });

            for (const [label, value] of [
                ["an unreadable parameter", undefined],
                ["an empty parameter", ""],
                ["a value that is not IPv4 addresses", "10.20.64.10; include /etc/passwd"],
            ] as Array<[string, string | undefined]>) {
                it(`${label} changes nothing and fails`, function () {
                    requireTool(this, "nginx");
                    const before = listOf("wordpress");
                    fs.rmSync(`${stubs}/value-wordpress`, { force: true });
                    if (value !== undefined) {
                        values({ wordpress: value });
                    }
                    const r = resolve();
                    assert.notStrictEqual(r.status, 0);
                    assert.deepStrictEqual(listOf("wordpress"), before);
                });
            }

            it("puts the previous lists back when nginx -t fails", function () {
                requireTool(this, "nginx");
                values({ wordpress: "10.20.64.10,10.20.81.99", websocket: "10.20.96.12" });
                assert.strictEqual(resolve().status, 0);
                const before = listOf("wordpress");
                const reloaded = reloads().length;
                values({ wordpress: "10.20.70.70" });
                fs.writeFileSync(`${stubs}/nginx-fails`, "");
                try {
                    const r = resolve();
                    assert.notStrictEqual(r.status, 0);
                    assert.match(r.stderr, /nginx -t failed/);
                } finally {
                    fs.rmSync(`${stubs}/nginx-fails`);
                }
                assert.deepStrictEqual(listOf("wordpress"), before);
                assert.strictEqual(reloads().length, reloaded);
            });
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
                upstreams: {
                    wordpress: { parameter: PARAMETERS.wordpress, port: 80 },
                    websocket: websocket ? { parameter: PARAMETERS.websocket, port: 8080 } : undefined,
                },
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
            it(`passes cloud-init schema (${websocket ? "with" : "without"} WebSocket, ${telemetry ? "with" : "without"} telemetry)`, async function () {
                await assertCloudInitValid(this, userData(websocket, telemetry), "the Nginx user data");
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
            // Upstreams: placeholders valid for nginx -t until the resolver's first run (after the
            // certificate is installed, so its nginx -t can pass), then the timer.
            for (const u of ["wordpress", "websocket"]) {
                const f = doc.write_files.find((w) => w.path === `${NGINX_PATHS.upstreamDir}/${u}.conf`);
                assert.ok(
                    f?.defer,
                    `${u}: its initial list (valid for nginx -t before the resolver's first run) is written after the packages`,
                );
            }
            assert.ok(runs.indexOf(ORIGIN_CERT_PATHS.script) < runs.indexOf(UPSTREAM_PATHS.script));
            assert.ok(runs.indexOf(UPSTREAM_PATHS.script) < runs.indexOf("systemctl enable nginx"));
            assert.ok(runs.includes("systemctl enable --now hms-upstreams.timer"));
            const site = doc.write_files.find((w) => w.path === NGINX_PATHS.siteConf)?.content ?? "";
            assert.doesNotMatch(site, /server \d+\.\d+\.\d+\.\d+:/, "no upstream address baked in");
            assert.match(site, new RegExp(`include ${NGINX_PATHS.upstreamDir}/wordpress.conf;`));
            assert.match(site, new RegExp(`listen ${NGINX_TLS_HEALTH_PORT} ssl default_server;`));
            assert.doesNotMatch(
                site,
                new RegExp(`listen ${NGINX_HEALTH_PORT} `),
                "no plain health port on the servers",
            );
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
                            upstreams: { wordpress: { parameter: PARAMETERS.wordpress, port: 80 } },
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
