import * as assert from "assert";
import { spawn, spawnSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as http from "http";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { gunzipSync } from "zlib";
import { WP_CLI_DEFAULT } from "../config";
import { mergeCloudConfig, renderCloudConfig } from "../templates/cloud-init";
import { crc32, EC2_USER_DATA_LIMIT, gzipDeterministic, userDataBase64 } from "../templates/gzip";
import { addMinutes, shq } from "../templates/host";
import { renderTelemetry } from "../templates/telemetry";
import { builtinServerJs, renderWebSocketUserData, WebSocketHostArgs, websocketEnvironment } from "../templates/websocket";
import {
    fpmMaxChildren,
    phpForRelease,
    renderWordPressUserData,
    WordPressHostArgs,
    wordpressLogFiles,
    wordpressNginxSite,
} from "../templates/wordpress";
import { assertCloudInitValid, assertShellcheckClean, docOf, fileOf } from "./support/servers";
import { requireTool, run } from "./support/tools";

const REGION = "sa-east-1";
const ACCOUNT = "123456789012";
const secretArn = (n: string) => `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${n}`;
const telemetry = (role: "app" | "websocket", logFiles: string[]) =>
    renderTelemetry({
        region: REGION,
        remoteWriteUrl: `https://aps-workspaces.${REGION}.amazonaws.com/workspaces/ws-0123abcd/`,
        logsIngestEndpoint: `https://hms-logs-abc123.${REGION}.osis.amazonaws.com/logs/ingest`,
        role,
        environment: "production",
        logFiles,
    });

/** Realistic values of the production and staging app servers. */
const WORDPRESS: Record<"production" | "staging", WordPressHostArgs> = {
    production: {
        environment: "production",
        region: REGION,
        domain: "hms.example.org",
        siteTitle: "Hospital Management System",
        adminEmail: "platform-team@example.org",
        index: 1,
        vpcCidr: "10.20.0.0/16",
        httpPort: 8080,
        vcpus: 8,
        memoryGiB: 32,
        maxUploadMiB: 512,
        ubuntuRelease: "24.04",
        phpVersion: "8.3",
        wordpress: { version: "6.8.2", sha1: "03baad10b8f9a416a3e10b89010d811d9361e468" },
        wpCli: { version: WP_CLI_DEFAULT.version, sha512: WP_CLI_DEFAULT.sha512 },
        plugins: { redisCache: "2.6.5", offloadMedia: "3.2.11" },
        database: {
            host: "hms-production-database.cluster-c9akciq32.sa-east-1.rds.amazonaws.com",
            port: 3306,
            name: "wordpress",
            secretArn: secretArn("rds!cluster-4f6c2a1b-93e2-4d0a-b1d1-0f5e8c7a9b3d-AbCdEf"),
        },
        cache: { host: "master.hms-production-cache.x1y2z3.saeast1.cache.amazonaws.com", port: 6379, authSecretArn: secretArn("hms-production-cache/auth-token-QwErTy") },
        saltsSecretArn: secretArn("hms-production-app-salts-a1b2c3d-XyZ123"),
        adminSecretArn: secretArn("hms-production-app-admin-9f8e7d6-AbC456"),
        mediaBucket: "hms-production-storage-media-5c1e2f3",
        telemetry: telemetry("app", wordpressLogFiles("8.3")),
    },
    staging: {
        environment: "staging",
        region: REGION,
        domain: "hms-staging.example.org",
        siteTitle: "Hospital Management System (staging)",
        adminEmail: "platform-team@example.org",
        index: 0,
        vpcCidr: "10.30.0.0/16",
        httpPort: 8080,
        vcpus: 4,
        memoryGiB: 16,
        maxUploadMiB: 512,
        ubuntuRelease: "24.04",
        phpVersion: "8.3",
        wordpress: { version: "6.8.2", sha1: "03baad10b8f9a416a3e10b89010d811d9361e468" },
        wpCli: { version: WP_CLI_DEFAULT.version, sha512: WP_CLI_DEFAULT.sha512 },
        plugins: { redisCache: "2.6.5", offloadMedia: "3.2.11" },
        database: {
            host: "hms-staging-database.cluster-d0blr7w45.sa-east-1.rds.amazonaws.com",
            port: 3306,
            name: "wordpress",
            secretArn: secretArn("rds!cluster-77aa21b0-1c2d-4e5f-8a9b-0c1d2e3f4a5b-GhIjKl"),
        },
        cache: { host: "master.hms-staging-cache.a9b8c7.saeast1.cache.amazonaws.com", port: 6379, authSecretArn: secretArn("hms-staging-cache/auth-token-MnOpQr") },
        saltsSecretArn: secretArn("hms-staging-app-salts-0a1b2c3-StU789"),
        adminSecretArn: secretArn("hms-staging-app-admin-4d5e6f7-VwX012"),
        mediaBucket: "hms-staging-storage-media-8d9e0f1",
    },
};

const WEBSOCKET: WebSocketHostArgs = {
    environment: "production",
    region: REGION,
    port: 8080,
    nodeMajor: 22,
    bucket: "hms-production-storage-media-5c1e2f3",
    cache: { host: "master.hms-production-cache.x1y2z3.saeast1.cache.amazonaws.com", port: 6379, authSecretArn: secretArn("hms-production-cache/auth-token-QwErTy") },
    wordpressUrls: ["http://10.20.64.17:8080", "http://10.20.80.203:8080"],
    telemetry: telemetry("websocket", ["/var/log/hms-websocket/websocket.log"]),
};

function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const s = net.createServer();
        s.listen(0, "127.0.0.1", () => {
            const port = (s.address() as net.AddressInfo).port;
            s.close(() => resolve(port));
        });
        s.on("error", reject);
    });
}

function get(port: number, p: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
        const req = http.get({ host: "127.0.0.1", port, path: p, headers, timeout: 5000 }, (res) => {
            let body = "";
            res.on("data", (d: Buffer) => (body += d.toString()));
            res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on("error", reject);
        req.on("upgrade", (res, socket) => {
            socket.destroy();
            resolve({ status: res.statusCode ?? 0, body: "" });
        });
    });
}

async function waitFor(port: number): Promise<void> {
    for (let i = 0; i < 50; i++) {
        try {
            await get(port, "/healthz");
            return;
        } catch {
            await new Promise((r) => setTimeout(r, 100));
        }
    }
    throw new Error(`nothing answers on port ${port}`);
}

describe("templates: cloud-init renderer", () => {
    it("renders #cloud-config with literal blocks, without undefined keys or duplicate packages", () => {
        const text = renderCloudConfig({
            packages: ["nginx", "jq", "nginx"],
            write_files: [{ path: "/etc/a.conf", content: "line 1\n  line 2: with colon\n", permissions: "0644" }],
            runcmd: [["/usr/local/sbin/setup"]],
            final_message: undefined,
        });
        assert.ok(text.startsWith("#cloud-config\n"));
        assert.match(text, /content: \|\n {4}line 1\n {6}line 2: with colon\n/);
        assert.doesNotMatch(text, /final_message|null/);
        assert.deepStrictEqual(docOf(text).packages, ["nginx", "jq"]);
    });

    it("refuses two files at one path and relative paths", () => {
        assert.throws(() => renderCloudConfig({ write_files: [{ path: "/a", content: "1" }, { path: "/a", content: "2" }] }), /duplicate path \/a/);
        assert.throws(() => renderCloudConfig({ write_files: [{ path: "etc/a", content: "1" }] }), /must be absolute/);
    });

    it("merges fragments: lists concatenated in order, apt sources by name, later scalars win", () => {
        const m = mergeCloudConfig(
            { packages: ["a"], runcmd: [["one"]], apt: { sources: { x: { source: "deb x" } } }, final_message: "first" },
            { packages: ["b"], runcmd: [["two"]], apt: { sources: { y: { source: "deb y" } } }, final_message: "second" },
        );
        assert.deepStrictEqual(m.packages, ["a", "b"]);
        assert.deepStrictEqual(m.runcmd, [["one"], ["two"]]);
        assert.deepStrictEqual(Object.keys(m.apt?.sources ?? {}), ["x", "y"]);
        assert.strictEqual(m.final_message, "second");
    });
});

describe("templates: deterministic gzip", () => {
    it("round-trips through zlib for text, binary and long repeats", () => {
        const samples = [
            "",
            "a",
            "abc".repeat(40000),
            crypto.randomBytes(70000).toString("latin1"),
            renderWordPressUserData(WORDPRESS.production),
            "acentuação €😀\n".repeat(300),
        ];
        for (const s of samples) {
            assert.strictEqual(gunzipSync(gzipDeterministic(s)).toString("utf8"), Buffer.from(s, "utf8").toString("utf8"));
        }
    });

    it("gives the same bytes every time, with mtime 0 and OS unknown, and compresses", () => {
        const text = renderWordPressUserData(WORDPRESS.production);
        const a = gzipDeterministic(text);
        assert.ok(a.equals(gzipDeterministic(text)));
        assert.deepStrictEqual([...a.subarray(0, 10)], [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
        assert.ok(a.length < Buffer.byteLength(text) / 2, `${a.length} of ${Buffer.byteLength(text)}`);
        assert.strictEqual(crc32(Buffer.from("123456789")), 0xcbf43926);
    });

    it("keeps user data within EC2's 16 KB and refuses more", () => {
        for (const a of [WORDPRESS.production, WORDPRESS.staging]) {
            assert.ok(Buffer.from(userDataBase64(renderWordPressUserData(a), "app"), "base64").length <= EC2_USER_DATA_LIMIT);
        }
        const noise = crypto.randomBytes(20000).toString("hex");
        assert.throws(() => userDataBase64(noise, "big"), /big: user data is \d+ bytes gzipped .* EC2 accepts at most 16384/);
    });
});

describe("templates: WordPress app server", () => {
    for (const stack of ["production", "staging"] as const) {
        describe(stack, () => {
            const text = renderWordPressUserData(WORDPRESS[stack]);
            const doc = docOf(text);

            it("is a valid cloud-config document", function () {
                assertCloudInitValid(this, text, `${stack} app server`);
            });

            it("passes shellcheck on every script", function () {
                assertShellcheckClean(this, doc, `${stack} app server`, 3);
            });

            it("serves WordPress with nginx -t accepting the site", function () {
                requireTool(this, "nginx");
                const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hms-wp-nginx-"));
                try {
                    const site = fileOf(doc, "/etc/nginx/sites-available/hms-wordpress.conf").split("/var/log/nginx/").join(`${dir}/`);
                    fs.writeFileSync(path.join(dir, "site.conf"), site);
                    fs.writeFileSync(path.join(dir, "fastcgi_params"), "fastcgi_param QUERY_STRING $query_string;\n");
                    fs.writeFileSync(
                        path.join(dir, "nginx.conf"),
                        `pid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n    client_body_temp_path ${dir}/body;\n    fastcgi_temp_path ${dir}/fastcgi;\n    proxy_temp_path ${dir}/proxy;\n    include ${dir}/site.conf;\n}\n`,
                    );
                    const r = run("nginx", ["-t", "-c", path.join(dir, "nginx.conf"), "-p", `${dir}/`]);
                    assert.strictEqual(r.status, 0, r.stderr);
                } finally {
                    fs.rmSync(dir, { recursive: true, force: true });
                }
            });

            it("configures TLS to MySQL and Redis, HTTPS behind the proxy, S3 media with the role", () => {
                const wp = fileOf(doc, "/var/www/wp-config.php");
                for (const line of [
                    "define('MYSQL_CLIENT_FLAGS', MYSQLI_CLIENT_SSL);",
                    "define('WP_HOME', 'https://' . HMS_DOMAIN);",
                    "define('FORCE_SSL_ADMIN', true);",
                    "define('DISALLOW_FILE_EDIT', true);",
                    "define('WP_REDIS_SCHEME', 'tls');",
                    "define('WP_REDIS_PASSWORD', hms_secret('HMS_REDIS_PASSWORD'));",
                    "    'use-server-roles' => true,",
                    "    $_SERVER['HTTPS'] = 'on';",
                ]) {
                    assert.ok(wp.split("\n").includes(line), `wp-config.php has ${line}`);
                }
                assert.doesNotMatch(wp, /access-key-id|secret-access-key/);
                const settings = fileOf(doc, "/etc/hms/wordpress/settings.php");
                assert.ok(settings.includes(`define('HMS_DOMAIN', '${WORDPRESS[stack].domain}');`));
                assert.ok(settings.includes("$c->options(MYSQLI_OPT_SSL_VERIFY_SERVER_CERT, true);"));
                assert.match(fileOf(doc, "/usr/local/sbin/hms-wp-setup"), /fetch 'https:\/\/truststore\.pki\.rds\.amazonaws\.com\/global\/global-bundle\.pem'/);
                assert.ok(doc.write_files.find((f) => f.path === "/var/www/wp-config.php")?.permissions === "0640");
            });

            it("reads secrets at boot as root, into a file only PHP-FPM's group can read", () => {
                const script = doc.write_files.find((f) => f.path === "/usr/local/sbin/hms-wp-secrets");
                assert.strictEqual(script?.permissions, "0700");
                assert.match(script.content, /install -m 0640 -o root -g www-data "\$work\/secrets\.json" "\$OUT\.new"/);
                for (const arn of [WORDPRESS[stack].database.secretArn, WORDPRESS[stack].cache.authSecretArn, WORDPRESS[stack].saltsSecretArn]) {
                    assert.ok(script.content.includes(`get '${arn}'`), `fetches ${arn}`);
                }
                // Secret values pass through files, never through command-line arguments.
                assert.doesNotMatch(script.content, /--arg(json)? /);
                assert.match(fileOf(doc, "/etc/systemd/system/hms-wp-secrets.timer"), /OnUnitActiveSec=2min/);
            });

            it("enables unattended security upgrades with a reboot time staggered per server", () => {
                assert.match(fileOf(doc, "/etc/apt/apt.conf.d/20auto-upgrades"), /APT::Periodic::Unattended-Upgrade "1";/);
                const time = stack === "production" ? "03:20" : "03:00";
                assert.ok(fileOf(doc, "/etc/apt/apt.conf.d/52hms-unattended-upgrades").includes(`Automatic-Reboot-Time "${time}";`));
            });
        });
    }

    it("trusts X-Forwarded-Proto only from the VPC (real nginx on loopback)", async function () {
        requireTool(this, "nginx");
        this.timeout(20_000);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hms-wp-trust-"));
        const check = async (vpcCidr: string): Promise<string> => {
            const port = await freePort();
            const site = wordpressNginxSite({ vpcCidr, httpPort: port, maxUploadMiB: 64, phpVersion: "8.3" })
                .split("/var/log/nginx/")
                .join(`${dir}/`)
                .replace("    location = /healthz {", "    location = /healthz {\n        return 200 \"https=$hms_forwarded_https\";")
                .replace(/listen (\d+) default_server;/, "listen 127.0.0.1:$1 default_server;");
            fs.writeFileSync(path.join(dir, "site.conf"), site);
            fs.writeFileSync(path.join(dir, "fastcgi_params"), "");
            const conf = path.join(dir, "nginx.conf");
            fs.writeFileSync(
                conf,
                `${process.getuid?.() === 0 ? "user root;\n" : ""}daemon off;\nmaster_process off;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n    client_body_temp_path ${dir}/body;\n    fastcgi_temp_path ${dir}/fastcgi;\n    proxy_temp_path ${dir}/proxy;\n    include ${dir}/site.conf;\n}\n`,
            );
            const nginx = spawn("nginx", ["-c", conf, "-p", `${dir}/`], { stdio: "ignore" });
            try {
                await waitFor(port);
                return (await get(port, "/healthz", { "X-Forwarded-Proto": "https" })).body;
            } finally {
                nginx.kill("SIGTERM");
            }
        };
        try {
            assert.strictEqual(await check("127.0.0.0/8"), "https=on", "a proxy inside the VPC is trusted");
            assert.strictEqual(await check("10.20.0.0/16"), "https=", "a client outside the VPC cannot claim HTTPS");
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("installs only the PHP version the Ubuntu release ships", () => {
        assert.strictEqual(phpForRelease("24.04", "8.3"), "8.3");
        assert.strictEqual(phpForRelease("22.04", "8.1"), "8.1");
        assert.throws(() => phpForRelease("24.04", "8.2"), /Ubuntu 24.04 ships PHP 8.3, not 8.2/);
        const jammy = docOf(renderWordPressUserData({ ...WORDPRESS.staging, ubuntuRelease: "22.04", phpVersion: "8.1" }));
        assert.ok(jammy.packages?.includes("php8.1-fpm") && !jammy.packages.some((p) => p.startsWith("php8.3")));
        assert.ok(jammy.write_files.some((f) => f.path === "/etc/php/8.1/fpm/pool.d/hms-wordpress.conf"));
    });

    it("sizes PHP-FPM from the server's vCPUs and memory", () => {
        assert.strictEqual(fpmMaxChildren(8, 32), 64);
        assert.strictEqual(fpmMaxChildren(4, 16), 32);
        assert.strictEqual(fpmMaxChildren(2, 4), 16);
        assert.match(fileOf(docOf(renderWordPressUserData(WORDPRESS.production)), "/etc/php/8.3/fpm/pool.d/hms-wordpress.conf"), /^pm\.max_children = 64$/m);
    });
});

describe("templates: WebSocket server", () => {
    for (const [what, args] of [
        ["awaiting a release", WEBSOCKET],
        ["with a release", { ...WEBSOCKET, release: { key: "releases/hms-ws-2.0.1.tgz", sha256: "3a".repeat(32) } }],
    ] as const) {
        it(`is valid cloud-config with clean scripts (${what})`, function () {
            const text = renderWebSocketUserData(args);
            assertCloudInitValid(this, text, `WebSocket server ${what}`);
            assertShellcheckClean(this, docOf(text), `WebSocket server ${what}`, 3);
            assert.ok(Buffer.from(userDataBase64(text, "ws"), "base64").length <= EC2_USER_DATA_LIMIT);
        });
    }

    it("adds NodeSource to unattended-upgrades and pins nodejs to it", () => {
        const doc = docOf(renderWebSocketUserData(WEBSOCKET));
        assert.match(fileOf(doc, "/etc/apt/apt.conf.d/52hms-unattended-upgrades"), /"site=deb\.nodesource\.com";/);
        assert.match(fileOf(doc, "/etc/apt/preferences.d/nodesource"), /^Package: nodejs\nPin: origin deb\.nodesource\.com\n/);
    });

    it("refuses settings systemd would misread and privileged ports", () => {
        assert.throws(() => websocketEnvironment({ ...WEBSOCKET, bucket: 'x"y' }), /MEDIA_BUCKET has a character systemd would interpret/);
        assert.throws(() => renderWebSocketUserData({ ...WEBSOCKET, port: 443 }), /port 443 is not allowed/);
    });

    it("built-in service: /healthz says awaiting-release, everything else (WebSocket included) gets 503", async function () {
        this.timeout(20_000);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hms-ws-"));
        const file = path.join(dir, "server.js");
        fs.writeFileSync(file, builtinServerJs());
        assert.strictEqual(spawnSync(process.execPath, ["--check", file]).status, 0);
        const port = await freePort();
        const child = spawn(process.execPath, [file], { env: { PORT: String(port), HOST: "127.0.0.1" }, stdio: "ignore" });
        try {
            await waitFor(port);
            const health = await get(port, "/healthz");
            assert.strictEqual(health.status, 200);
            assert.strictEqual((JSON.parse(health.body) as { status: string }).status, "awaiting-release");
            assert.strictEqual((await get(port, "/ws")).status, 503);
            assert.strictEqual((await get(port, "/ws", { Connection: "Upgrade", Upgrade: "websocket" })).status, 503);
        } finally {
            child.kill("SIGTERM");
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe("templates: shared host pieces", () => {
    it("quotes values for bash whatever they contain", () => {
        for (const v of ["plain", "it's", "$(id) `id` $HOME", "a\\b\"c", "new\nline"]) {
            const r = spawnSync("bash", ["-c", `printf %s ${shq(v)}`], { encoding: "utf8" });
            assert.strictEqual(r.stdout, v);
        }
    });

    it("staggers reboot times across midnight", () => {
        assert.strictEqual(addMinutes("03:00", 20), "03:20");
        assert.strictEqual(addMinutes("23:50", 20), "00:10");
    });
});
