// @ts-nocheck
// 
// Clinical files are served only to a session the application authorised:
// the app servers' generated nginx site runs under the real nginx on
// loopback, with the real PHP (php-cgi as the FastCGI server) playing the
// application's authorisation and a local HTTP server playing the bucket.

import * as assert from "assert";
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import {
    CLINICAL_INTERNAL_PREFIX,
    CLINICAL_OBJECT_PREFIX,
    CLINICAL_URL_PREFIX,
    clinicalFilesLocations,
} from "../templates/clinical-files";
import { WORDPRESS_ROOT, wordpressNginxSite } from "../templates/wordpress";
import { requireTool } from "./support/tools";
import { freePort, waitForListening } from "./support/ports";

const SIGNATURE = "X-Amz-Signature=0123abcd";
const IMAGE = "DICM patient-0001 chest x-ray";
const IMAGE_KEY = "patients/0001/chest.dcm";

/** The application's stand-in: grants a clinical file only to the session cookie "authorised", like the WordPress plugin the README describes. */
const APP_PHP = `<?php
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if (($_COOKIE['hms_session'] ?? '') !== 'authorised') {
    http_response_code(403);
    echo "login required\\n";
    exit;
}
$key = substr($path, strlen('${CLINICAL_URL_PREFIX}'));
header('Cache-Control: public, max-age=86400');
header('X-Accel-Redirect: ${CLINICAL_INTERNAL_PREFIX}' . $key . '?${SIGNATURE}');
`;

interface Answer {
    status: number;
    headers: http.IncomingHttpHeaders;
    body: string;
}

function request(port: number, urlPath: string, opts: { cookie?: string; method?: string } = {}): Promise<Answer> {
    return new Promise((res, rej) => {
        const req = http.request(
            {
                host: "127.0.0.1",
                port,
                path: urlPath,
                method: opts.method ?? "GET",
                agent: false,
                headers: { "X-Forwarded-Proto": "https", ...(opts.cookie ? { Cookie: opts.cookie } : {}) },
            },
            (resp) => {
                let body = "";
                resp.on("data", (d) => (body += d));
                resp.on("end", () => res({ status: resp.statusCode ?? 0, headers: resp.headers, body }));
            },
        );
        req.on("error", rej);
        req.end();
    });
}

describe("Clinical files (templates/clinical-files.ts on the app servers' nginx)", () => {
    describe("the rendered locations", () => {
        const args = {
            origin: "https://hms-production-media-1a2b3c4.s3.sa-east-1.amazonaws.com",
            fastcgiPass: "hms_php_fpm",
            frontController: "/var/www/wordpress/index.php",
            resolver: "169.254.169.253",
            trustedCaFile: "/etc/ssl/certs/ca-certificates.crt",
        };
        it("refuse values nginx would misread (the origin is scheme and host only)", () => {
            assert.throws(
                () => clinicalFilesLocations({ ...args, origin: "https://bucket.s3.amazonaws.com/clinical" }),
                /origin/,
            );
            assert.throws(() => clinicalFilesLocations({ ...args, origin: "https://x; return 200" }), /origin/);
            assert.throws(() => clinicalFilesLocations({ ...args, fastcgiPass: "a b" }), /fastcgiPass/);
            assert.throws(
                () => clinicalFilesLocations({ ...args, fastcgiParams: [["X", "a;b"]] }),
                /FastCGI parameter/,
            );
        });
        it("verify the bucket's TLS certificate and never forward the visitor's cookies to it", () => {
            const text = clinicalFilesLocations(args);
            assert.match(text, /proxy_ssl_verify on;/);
            assert.match(text, /proxy_pass_request_headers off;/);
            assert.match(
                text,
                new RegExp(`internal;[\\s\\S]*proxy_pass \\$hms_clinical_origin/${CLINICAL_OBJECT_PREFIX}`),
            );
        });
    });

    describe("under the real nginx and PHP on loopback", function () {
        this.timeout(30_000);
        let dir = "";
        let nginxPort = 0;
        const children: ChildProcess[] = [];
        let bucket: http.Server | undefined;
        const bucketSeen: Array<{ url: string; headers: http.IncomingHttpHeaders; method: string }> = [];

        before(async function () {
            requireTool(this, "nginx");
            requireTool(this, "php-cgi");
            dir = fs.mkdtempSync(path.join(os.tmpdir(), "hms-clinical-"));
            const root = path.join(dir, "wordpress");
            fs.mkdirSync(path.join(root, "wp-content/uploads/2026/01"), { recursive: true });
            fs.writeFileSync(path.join(root, "index.php"), APP_PHP);
            fs.writeFileSync(path.join(root, "wp-content/uploads/2026/01/logo.png"), "public logo");

            const [bucketPort, fcgiPort] = [await freePort(), await freePort()];
            nginxPort = await freePort();
            // The bucket's stand-in: answers the object only to the presigned query, with S3's own headers.
            bucket = http.createServer((req, res) => {
                bucketSeen.push({ url: req.url ?? "", headers: req.headers, method: req.method ?? "" });
                res.setHeader("x-amz-request-id", "R1");
                res.setHeader("x-amz-server-side-encryption", "aws:kms");
                res.setHeader("Cache-Control", "max-age=3600");
                if (req.url === `/${CLINICAL_OBJECT_PREFIX}${IMAGE_KEY}?${SIGNATURE}`) {
                    res.setHeader("Content-Type", "application/dicom");
                    res.end(IMAGE);
                } else {
                    res.statusCode = 403;
                    res.end("<Error><Code>AccessDenied</Code></Error>");
                }
            });
            await new Promise((r) => bucket?.listen(bucketPort, "127.0.0.1", () => r(null)));
            children.push(
                spawn("php-cgi", ["-b", `127.0.0.1:${fcgiPort}`], {
                    stdio: "ignore",
                    env: { ...process.env, PHP_FCGI_CHILDREN: "2" },
                }),
            );

            const site = wordpressNginxSite({
                vpcCidr: "127.0.0.0/8",
                httpPort: nginxPort,
                maxUploadMiB: 8,
                phpVersion: "8.3",
                clinicalOrigin: `http://127.0.0.1:${bucketPort}`,
            })
                .split("/var/log/nginx/")
                .join(`${dir}/`)
                .split(WORDPRESS_ROOT)
                .join(root)
                .replace(/server unix:\/run\/php\/[^;]+;/, `server 127.0.0.1:${fcgiPort};`)
                .replace(/listen (\d+) default_server;/, "listen 127.0.0.1:$1 default_server;");
            fs.writeFileSync(path.join(dir, "site.conf"), site);
            const params = "/etc/nginx/fastcgi_params";
            fs.writeFileSync(
                path.join(dir, "fastcgi_params"),
                fs.existsSync(params)
                    ? fs.readFileSync(params, "utf8")
                    : "fastcgi_param REQUEST_METHOD $request_method;\nfastcgi_param REQUEST_URI $request_uri;\nfastcgi_param REDIRECT_STATUS 200;\n",
            );
            const conf = path.join(dir, "nginx.conf");
            fs.writeFileSync(
                conf,
                `${process.getuid?.() === 0 ? "user root;\n" : ""}daemon off;\nmaster_process off;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\n` +
                    `http {\n    client_body_temp_path ${dir}/body;\n    fastcgi_temp_path ${dir}/fastcgi;\n    proxy_temp_path ${dir}/proxy;\n    include ${dir}/site.conf;\n}\n`,
            );
            children.push(spawn("nginx", ["-c", conf, "-p", `${dir}/`], { stdio: "ignore" }));
            await waitForListening(fcgiPort);
            await waitForListening(nginxPort);
        });

        after(async () => {
            for (const c of children.reverse()) {
                if (c.exitCode === null) {
                    c.kill("SIGTERM");
                    await new Promise((res) => (c.exitCode !== null ? res(null) : c.once("exit", res)));
                }
            }
            bucket?.close();
            if (dir) fs.rmSync(dir, { recursive: true, force: true });
        });

        const url = `${CLINICAL_URL_PREFIX}${IMAGE_KEY}`;

        it("does not serve a clinical file without the application's authorisation, and never asks the bucket", async () => {
            const before = bucketSeen.length;
            const r = await request(nginxPort, url);
            assert.strictEqual(r.status, 403);
            assert.ok(!r.body.includes(IMAGE));
            assert.strictEqual(r.headers["cache-control"], "private, no-store");
            assert.strictEqual(bucketSeen.length, before, "the bucket was not asked");
        });

        it("serves it to an authorised session, private and uncacheable, without the bucket's headers or the visitor's cookies", async () => {
            const r = await request(nginxPort, url, { cookie: "hms_session=authorised" });
            assert.strictEqual(r.status, 200, r.body);
            assert.strictEqual(r.body, IMAGE);
            const cc = String(r.headers["cache-control"]);
            assert.match(cc, /\bprivate\b/);
            assert.match(cc, /\bno-store\b/);
            assert.doesNotMatch(cc, /public|max-age=[1-9]/, "the application's public caching is overridden");
            assert.strictEqual(r.headers["x-amz-request-id"], undefined);
            assert.strictEqual(r.headers["x-amz-server-side-encryption"], undefined);
            const asked = bucketSeen[bucketSeen.length - 1];
            assert.strictEqual(asked.url, `/${CLINICAL_OBJECT_PREFIX}${IMAGE_KEY}?${SIGNATURE}`);
            assert.strictEqual(asked.method, "GET");
            assert.strictEqual(asked.headers.cookie, undefined, "the session cookie stays on the app server");
        });

        it("hands image-looking names to the application too (the static-file location does not serve them)", async () => {
            const r = await request(nginxPort, `${CLINICAL_URL_PREFIX}patients/0001/photo.png`);
            assert.strictEqual(r.status, 403);
            assert.match(r.body, /login required/);
        });

        it("answers 404 to a direct request of the internal location, even with a valid session", async () => {
            const before = bucketSeen.length;
            const r = await request(nginxPort, `${CLINICAL_INTERNAL_PREFIX}${IMAGE_KEY}?${SIGNATURE}`, {
                cookie: "hms_session=authorised",
            });
            assert.strictEqual(r.status, 404);
            assert.ok(!r.body.includes(IMAGE));
            assert.strictEqual(bucketSeen.length, before);
        });

        it("turns the bucket's refusal (an expired or wrong signature) into a plain 404", async () => {
            const r = await request(nginxPort, `${CLINICAL_URL_PREFIX}patients/0002/missing.pdf`, {
                cookie: "hms_session=authorised",
            });
            assert.strictEqual(r.status, 404);
            assert.doesNotMatch(r.body, /AccessDenied/);
            assert.match(String(r.headers["cache-control"]), /\bno-store\b/);
        });

        it("accepts only GET and HEAD on clinical files", async () => {
            const r = await request(nginxPort, url, { cookie: "hms_session=authorised", method: "DELETE" });
            assert.strictEqual(r.status, 403);
        });

        it("keeps serving public media from disk with browser caching", async () => {
            const r = await request(nginxPort, "/wp-content/uploads/2026/01/logo.png");
            assert.strictEqual(r.status, 200);
            assert.strictEqual(r.body, "public logo");
            assert.match(String(r.headers["cache-control"]), /max-age=\d+/);
        });
    });
});
