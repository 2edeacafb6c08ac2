// @ts-nocheck
// The development Nginx (dev/generated/nginx, rendered by `npm run dev:render`
// with the development CA) under the real nginx, on loopback: it passes
// `nginx -t`, and routes, upgrades /ws, limits uploads and guards its health
// endpoint as production's does. The Compose addresses are replaced by
// loopback stand-ins for the app servers and the WebSocket server.

import * as assert from "assert";
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as https from "https";
import * as os from "os";
import * as path from "path";
import { NGINX_HEALTH_PATH, NGINX_HEALTH_PORT, SECURITY_HEADERS } from "../templates/nginx";
import { DEV_DOMAIN, DEV_IPS, productionConfig } from "../tools/dev-env";
import { devNginxSiteArgs } from "../tools/dev-files";
import { renderDev } from "../tools/dev-render";
import { makeSandbox, nginxTest, relocate, removeSandbox, Sandbox } from "./support/nginx-sandbox";
import { hasTool, requireTool } from "./support/tools";
import { freePort, waitForListening } from "./support/ports";

interface Answer {
    status: number;
    headers: http.IncomingHttpHeaders;
    body: string;
}

describe("development Nginx (dev/generated/nginx) under the real nginx", () => {
    const maxUploadMiB = productionConfig().loadBalancer?.maxUploadMiB ?? 512;
    let out: string | undefined;
    let sandbox: Sandbox | undefined;
    let nginx: ChildProcess | undefined;
    const servers: http.Server[] = [];
    const seen: Array<{ app: number; headers: http.IncomingHttpHeaders }> = [];
    let ports = { https: 0, health: 0 };
    let caPem = "";

    before(async function () {
        this.timeout(60_000);
        if (!hasTool("nginx") || !hasTool("openssl")) {
            return;
        }
        out = fs.mkdtempSync(path.join(os.tmpdir(), "hms-dev-render-"));
        renderDev(out);
        const generated = path.join(out, "generated");
        const box = makeSandbox(DEV_DOMAIN);
        sandbox = box;
        // The development CA's files take the places of the sandbox's test PKI.
        const tls = path.join(generated, "tls", "nginx");
        fs.copyFileSync(path.join(tls, "origin.crt"), box.paths.certificate);
        fs.copyFileSync(path.join(tls, "origin.key"), box.paths.privateKey);
        fs.copyFileSync(path.join(tls, "origin-pull-ca.pem"), box.paths.clientCa);
        caPem = fs.readFileSync(path.join(generated, "tls", "ca.pem"), "utf8");

        const apps = DEV_IPS.app.map((_, i) =>
            http.createServer((req, res) => {
                seen.push({ app: i, headers: req.headers });
                req.resume();
                req.on("end", () => res.end(`wordpress-${i}`));
            }),
        );
        const ws = http.createServer((_req, res) => res.end("not an upgrade"));
        ws.on("upgrade", (req, socket) =>
            socket.end(
                `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nX-Seen-Path: ${req.url}\r\n\r\n`,
            ),
        );
        servers.push(...apps, ws);
        const backend: number[] = [];
        for (const s of servers) {
            const port = await freePort();
            backend.push(port);
            await new Promise((r) => s.listen(port, "127.0.0.1", () => r(null)));
        }
        ports = { https: await freePort(), health: await freePort() };

        // Compose addresses and container ports → loopback stand-ins and free ports.
        const site = devNginxSiteArgs(productionConfig());
        let text = fs.readFileSync(path.join(generated, "nginx", "hms.conf"), "utf8");
        DEV_IPS.app.forEach(
            (ip, i) => (text = text.split(`server ${ip}:${site.appPort} `).join(`server 127.0.0.1:${backend[i]} `)),
        );
        text = text
            .split(`server ${DEV_IPS.websocket}:${site.websocket?.port} `)
            .join(`server 127.0.0.1:${backend[apps.length]} `);
        text = text
            .split("listen 443 ")
            .join(`listen ${ports.https} `)
            .split(`listen ${NGINX_HEALTH_PORT} `)
            .join(`listen ${ports.health} `);
        fs.writeFileSync(box.paths.siteConf, relocate(text, box));
        fs.writeFileSync(
            box.paths.mainConf,
            relocate(fs.readFileSync(path.join(generated, "nginx", "nginx.conf"), "utf8"), box),
        );
        const t = nginxTest(box);
        assert.ok(t.ok, t.output);
        nginx = spawn("nginx", ["-c", box.paths.mainConf, "-p", `${box.dir}/`, "-g", "daemon off;"], {
            stdio: "ignore",
        });
        await waitForListening(ports.https);
        await waitForListening(ports.health);
    });

    after(async () => {
        if (nginx) {
            const n = nginx;
            n.kill("SIGTERM");
            await new Promise((res) => (n.exitCode !== null ? res(null) : n.once("exit", res)));
        }
        servers.forEach((s) => s.close());
        removeSandbox(sandbox);
        if (out) {
            fs.rmSync(out, { recursive: true, force: true });
        }
    });

    const need = (ctx: Mocha.Context) => {
        requireTool(ctx, "openssl");
        requireTool(ctx, "nginx");
    };

    const request = (
        p: string,
        opts: { headers?: Record<string, string | number>; body?: Buffer; upgrade?: boolean; host?: string } = {},
    ): Promise<Answer> =>
        new Promise((res, rej) => {
            const req = https.request({
                host: "127.0.0.1",
                port: ports.https,
                path: p,
                method: opts.body || opts.headers?.["Content-Length"] ? "POST" : "GET",
                servername: DEV_DOMAIN,
                // Verified against the development CA, as a browser that trusts it would.
                ca: caPem,
                agent: false,
                headers: {
                    Host: opts.host ?? DEV_DOMAIN,
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
            // A declared length without a body: nginx answers 413 from the header alone.
            if (opts.body) {
                req.end(opts.body);
            } else if (opts.headers?.["Content-Length"]) {
                req.flushHeaders();
            } else {
                req.end();
            }
        });

    it("passes nginx -t with the development CA's certificate (checked in before())", function () {
        need(this);
        assert.ok(nginx && nginx.exitCode === null, "nginx is running");
    });

    it("the app servers' nginx (renderNginxConf + wordpressNginxSite, as the web containers run them) passes nginx -t", function () {
        need(this);
        assert.ok(out, "rendered");
        const generated = path.join(out, "generated");
        const box = makeSandbox(DEV_DOMAIN);
        try {
            const main = relocate(fs.readFileSync(path.join(generated, "app", "nginx.conf"), "utf8"), box);
            fs.writeFileSync(
                box.paths.mainConf,
                main.replace(/include \/etc\/nginx\/conf\.d\/hms-wordpress\.conf;/, `include ${box.paths.siteConf};`),
            );
            const site = fs
                .readFileSync(path.join(generated, "app", "hms-wordpress.conf"), "utf8")
                .replace(/\/var\/log\/nginx\//g, `${box.dir}/`)
                .replace(/include fastcgi_params;/g, `include ${box.dir}/fastcgi_params;`);
            fs.writeFileSync(box.paths.siteConf, site);
            // The nginx package's fastcgi_params (the nginx image ships the same file).
            fs.copyFileSync("/etc/nginx/fastcgi_params", path.join(box.dir, "fastcgi_params"));
            const t = nginxTest(box);
            assert.ok(t.ok, t.output);
        } finally {
            removeSandbox(box);
        }
    });

    it("balances over both app servers with production's headers, without a client certificate", async function () {
        need(this);
        const answers = [];
        for (let i = 0; i < 4; i++) {
            answers.push(await request("/patients/?id=42"));
        }
        for (const a of answers) {
            assert.strictEqual(a.status, 200, a.body);
            for (const [h, v] of SECURITY_HEADERS) {
                assert.strictEqual(a.headers[h.toLowerCase()], v, h);
            }
        }
        assert.deepStrictEqual(
            new Set(answers.map((a) => a.body)),
            new Set(DEV_IPS.app.map((_, i) => `wordpress-${i}`)),
        );
        const last = seen[seen.length - 1].headers;
        assert.strictEqual(last["x-forwarded-proto"], "https");
        assert.strictEqual(last.host, DEV_DOMAIN);
    });

    it("upgrades /ws to the WebSocket server", async function () {
        need(this);
        const a = await request("/ws/chat", { upgrade: true });
        assert.strictEqual(a.status, 101);
        assert.strictEqual(a.headers["x-seen-path"], "/ws/chat");
        const plain = await request("/wsx");
        assert.match(plain.body, /^wordpress-/, "/wsx is WordPress, not the WebSocket route");
    });

    it(`takes uploads up to production's limit (${maxUploadMiB} MiB) and refuses larger ones`, async function () {
        need(this);
        const small = await request("/wp-admin/async-upload.php", { body: Buffer.alloc(2 * 1024 * 1024, 1) });
        assert.strictEqual(small.status, 200);
        const big = await request("/wp-admin/async-upload.php", {
            headers: { "Content-Length": maxUploadMiB * 1024 * 1024 + 1 },
        });
        assert.strictEqual(big.status, 413);
    });

    it("answers its health endpoint to the Compose network only (as production to the VPC only)", async function () {
        need(this);
        const status = await new Promise<number>((res, rej) =>
            http
                .get({ host: "127.0.0.1", port: ports.health, path: NGINX_HEALTH_PATH, agent: false }, (r) => {
                    r.resume();
                    res(r.statusCode ?? 0);
                })
                .on("error", rej),
        );
        assert.strictEqual(status, 403);
    });

    it("closes connections for any other Host", async function () {
        need(this);
        await assert.rejects(request("/", { host: "other.example.org" }), /socket hang up|ECONNRESET/);
    });
});
