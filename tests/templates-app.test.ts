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
import { EC2_USER_DATA_LIMIT, gzipDeterministic, userDataBase64 } from "../templates/gzip";
import { addMinutes, SHELL_LIB, shellLib, shq } from "../templates/host";
import { renderTelemetry } from "../templates/telemetry";
import {
    builtinServerJs,
    credentialsScript,
    REDIS_TOKEN_JQ,
    renderWebSocketUserData,
    WebSocketHostArgs,
    websocketEnvironment,
    WS_CREDENTIALS,
} from "../templates/websocket";
import {
    ADMIN_SECRET_CHECK_JQ,
    DB_DROPIN,
    dbDropinPhp,
    FINGERPRINT_FILES,
    fpmMaxChildren,
    fpmPool,
    SENDMAIL_PHP,
    sesEndpoint,
    wpConfigPhp,
    phpForRelease,
    renderWordPressUserData,
    secretsScript,
    setupScript,
    WordPressHostArgs,
    WORDPRESS_SALT_NAMES,
    wordpressLogFiles,
    wordpressNginxSite,
    WP_SECRETS,
    WP_SECRETS_JQ,
    WP_SETTINGS,
} from "../templates/wordpress";
import { assertShellcheckClean, docOf, fileOf } from "./support/servers";
import { assertCloudInitValid } from "./support/cloud-init";
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
        cache: {
            host: "master.hms-production-cache.x1y2z3.saeast1.cache.amazonaws.com",
            port: 6379,
            authSecretArn: secretArn("hms-production-cache/auth-token-QwErTy"),
        },
        saltsSecretArn: secretArn("hms-production-app-salts-a1b2c3d-XyZ123"),
        adminSecretArn: secretArn("hms-production-app-admin-9f8e7d6-AbC456"),
        mediaBucket: "hms-production-storage-media-5c1e2f3",
        mail: { configurationSet: "hms-production-mail-config" },
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
        cache: {
            host: "master.hms-staging-cache.a9b8c7.saeast1.cache.amazonaws.com",
            port: 6379,
            authSecretArn: secretArn("hms-staging-cache/auth-token-MnOpQr"),
        },
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
    cache: {
        host: "master.hms-production-cache.x1y2z3.saeast1.cache.amazonaws.com",
        port: 6379,
        authSecretArn: secretArn("hms-production-cache/auth-token-QwErTy"),
    },
    wordpressAddresses: { parameter: "/hms-production-ws/wordpress-addresses", port: 8080 },
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
        assert.throws(
            () =>
                renderCloudConfig({
                    write_files: [
                        { path: "/a", content: "1" },
                        { path: "/a", content: "2" },
                    ],
                }),
            /duplicate path \/a/,
        );
        assert.throws(() => renderCloudConfig({ write_files: [{ path: "etc/a", content: "1" }] }), /must be absolute/);
    });

    it("merges fragments: lists concatenated in order, apt sources by name, later scalars win", () => {
        const m = mergeCloudConfig(
            {
                packages: ["a"],
                runcmd: [["one"]],
                apt: { sources: { x: { source: "deb x" } } },
                final_message: "first",
            },
            {
                packages: ["b"],
                runcmd: [["two"]],
                apt: { sources: { y: { source: "deb y" } } },
                final_message: "second",
            },
        );
        assert.deepStrictEqual(m.packages, ["a", "b"]);
        assert.deepStrictEqual(m.runcmd, [["one"], ["two"]]);
        assert.deepStrictEqual(Object.keys(m.apt?.sources ?? {}), ["x", "y"]);
        assert.strictEqual(m.final_message, "second");
    });
});

/** SHA-256 of the gzip of the fixed sample below, as fflate 0.8.3 (level 9, mtime 0) writes it. */
const GZIP_SAMPLE_SHA256 = "e8695dcda41d346a880356cf51f750aac775da7a50abf909c04fb039fa73b5d1";

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
            assert.strictEqual(
                gunzipSync(gzipDeterministic(s)).toString("utf8"),
                Buffer.from(s, "utf8").toString("utf8"),
            );
        }
    });

    it("gives the same bytes every time: no mtime, no file name, best compression", () => {
        const text = renderWordPressUserData(WORDPRESS.production);
        const a = gzipDeterministic(text);
        assert.ok(a.equals(gzipDeterministic(text)));
        // RFC 1952 2.3: ID1 ID2 CM=8 (deflate), FLG=0 (no name, no comment), MTIME=0, XFL=2 (best compression).
        assert.deepStrictEqual([...a.subarray(0, 9)], [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2]);
        assert.ok(a.length < Buffer.byteLength(text) / 3, `${a.length} of ${Buffer.byteLength(text)}`);
        // The real tool accepts it (gzip is part of every Debian and Ubuntu base system).
        const check = spawnSync("gzip", ["-t"], { input: a });
        assert.strictEqual(check.status, 0, String(check.stderr));
    });

    it("keeps the bytes of a fixed text across machines and upgrades (a change would restart every server)", () => {
        // A fixed sample, independent of the templates: if an encoder upgrade changes these bytes it
        // changes every server's user data, so the upgrade must be a deliberate, announced change.
        const sample = Array.from(
            { length: 400 },
            (_, i) => `line ${i} ${"acentuação €".repeat(i % 7)} ${(i * 7919) % 1000}\n`,
        ).join("");
        const digest = crypto.createHash("sha256").update(gzipDeterministic(sample)).digest("hex");
        assert.strictEqual(digest, GZIP_SAMPLE_SHA256);
    });

    it("keeps user data within EC2's 16 KB and refuses more", () => {
        for (const a of [WORDPRESS.production, WORDPRESS.staging]) {
            assert.ok(
                Buffer.from(userDataBase64(renderWordPressUserData(a), "app"), "base64").length <= EC2_USER_DATA_LIMIT,
            );
        }
        const noise = crypto.randomBytes(20000).toString("hex");
        assert.throws(
            () => userDataBase64(noise, "big"),
            /big: user data is \d+ bytes gzipped .* EC2 accepts at most 16384/,
        );
    });
});

describe("templates: WordPress app server", () => {
    for (const stack of ["production", "staging"] as const) {
        describe(stack, () => {
            const text = renderWordPressUserData(WORDPRESS[stack]);
            const doc = docOf(text);

            it("is a valid cloud-config document", async function () {
                await assertCloudInitValid(this, text, `${stack} app server`);
            });

            it("passes shellcheck on every script", function () {
                assertShellcheckClean(this, doc, `${stack} app server`, 3);
            });

            it("serves WordPress with nginx -t accepting the site", function () {
                requireTool(this, "nginx");
                const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hms-wp-nginx-"));
                try {
                    const site = fileOf(doc, "/etc/nginx/sites-available/hms-wordpress.conf")
                        .split("/var/log/nginx/")
                        .join(`${dir}/`);
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
                assert.match(
                    fileOf(doc, "/usr/local/sbin/hms-wp-setup"),
                    /fetch 'https:\/\/truststore\.pki\.rds\.amazonaws\.com\/global\/global-bundle\.pem'/,
                );
                assert.ok(doc.write_files.find((f) => f.path === "/var/www/wp-config.php")?.permissions === "0640");
            });

            it("reads secrets at boot as root, into a file only PHP-FPM's group can read", () => {
                const script = doc.write_files.find((f) => f.path === "/usr/local/sbin/hms-wp-secrets");
                assert.strictEqual(script?.permissions, "0700");
                assert.match(
                    script.content,
                    /install -m 0640 -o root -g www-data "\$work\/secrets\.json" "\$OUT\.new"/,
                );
                for (const arn of [
                    WORDPRESS[stack].database.secretArn,
                    WORDPRESS[stack].cache.authSecretArn,
                    WORDPRESS[stack].saltsSecretArn,
                ]) {
                    assert.ok(script.content.includes(`get '${arn}'`), `fetches ${arn}`);
                }
                // Secret values pass through files, never through command-line arguments.
                assert.doesNotMatch(script.content, /--arg(json)? /);
                assert.match(fileOf(doc, "/etc/systemd/system/hms-wp-secrets.timer"), /OnUnitActiveSec=2min/);
            });

            it("enables unattended security upgrades with a reboot time staggered per server", () => {
                assert.match(
                    fileOf(doc, "/etc/apt/apt.conf.d/20auto-upgrades"),
                    /APT::Periodic::Unattended-Upgrade "1";/,
                );
                const time = stack === "production" ? "03:20" : "03:00";
                assert.ok(
                    fileOf(doc, "/etc/apt/apt.conf.d/52hms-unattended-upgrades").includes(
                        `Automatic-Reboot-Time "${time}";`,
                    ),
                );
            });
        });
    }

    it("trusts X-Forwarded-Proto only from the VPC (real nginx on loopback)", async function () {
        requireTool(this, "nginx");
        this.timeout(20_000);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hms-wp-trust-"));
        const check = async (vpcCidr: string): Promise<string> => {
            const port = await freePort();
            const site = wordpressNginxSite({
                vpcCidr,
                httpPort: port,
                maxUploadMiB: 64,
                phpVersion: "8.3",
                clinicalOrigin: "http://127.0.0.1:9",
            })
                .split("/var/log/nginx/")
                .join(`${dir}/`)
                .replace(
                    "    location = /healthz {",
                    '    location = /healthz {\n        return 200 "https=$hms_forwarded_https";',
                )
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

    it("connects WordPress through the verifying db.php drop-in and removes the fingerprinting files at install", () => {
        const setup = setupScript(WORDPRESS.production);
        const lines = setup.split("\n");
        assert.ok(
            lines.includes(`install -m 0644 '${DB_DROPIN}' "$DOCROOT/wp-content/db.php"`),
            "the drop-in is installed",
        );
        assert.ok(
            lines.includes(`rm -f${FINGERPRINT_FILES.map((f) => ` "$DOCROOT/${f}"`).join("")}`),
            "fingerprinting files removed",
        );
        // After the download branch (which replaces the docroot), so every run applies them.
        assert.ok(setup.indexOf("wp-content/db.php") > setup.indexOf('mv "$work/wordpress" "$DOCROOT"'));
        const wp = wpConfigPhp();
        assert.ok(!wp.includes("MYSQL_CLIENT_FLAGS"), "no half-measure: TLS without verification");
        const dropin = dbDropinPhp();
        assert.match(dropin, /\$this->dbh = hms_db\(null, \d+\);/);
        assert.match(dropin, /^\$wpdb = new hms_wpdb\(DB_USER, DB_PASSWORD, DB_NAME, DB_HOST\);$/m);
    });

    it("has no mail transport without SES, and PHP's mail() goes to SES with it", () => {
        const pool = (mail: boolean) => fpmPool({ phpVersion: "8.3", vcpus: 2, memoryGiB: 8, maxUploadMiB: 64, mail });
        assert.doesNotMatch(pool(false), /sendmail_path/);
        assert.match(
            pool(true),
            new RegExp(`^php_admin_value\\[sendmail_path\\] = /usr/bin/php ${SENDMAIL_PHP}$`, "m"),
        );
        assert.strictEqual(sesEndpoint("sa-east-1"), "https://email.sa-east-1.amazonaws.com");
        const doc = docOf(renderWordPressUserData(WORDPRESS.staging));
        assert.ok(!doc.write_files.some((f) => f.path === SENDMAIL_PHP), "staging fixture has no mail");
    });

    it("installs only the PHP version the Ubuntu release ships", () => {
        assert.strictEqual(phpForRelease("24.04", "8.3"), "8.3");
        assert.strictEqual(phpForRelease("22.04", "8.1"), "8.1");
        assert.throws(() => phpForRelease("24.04", "8.2"), /Ubuntu 24.04 ships PHP 8.3, not 8.2/);
        const jammy = docOf(
            renderWordPressUserData({ ...WORDPRESS.staging, ubuntuRelease: "22.04", phpVersion: "8.1" }),
        );
        assert.ok(jammy.packages?.includes("php8.1-fpm") && !jammy.packages.some((p) => p.startsWith("php8.3")));
        assert.ok(jammy.write_files.some((f) => f.path === "/etc/php/8.1/fpm/pool.d/hms-wordpress.conf"));
    });

    it("sizes PHP-FPM from the server's vCPUs and memory", () => {
        assert.strictEqual(fpmMaxChildren(8, 32), 64);
        assert.strictEqual(fpmMaxChildren(4, 16), 32);
        assert.strictEqual(fpmMaxChildren(2, 4), 16);
        assert.match(
            fileOf(docOf(renderWordPressUserData(WORDPRESS.production)), "/etc/php/8.3/fpm/pool.d/hms-wordpress.conf"),
            /^pm\.max_children = 64$/m,
        );
    });
});

describe("templates: WebSocket server", () => {
    for (const [what, args] of [
        ["awaiting a release", WEBSOCKET],
        ["with a release", { ...WEBSOCKET, release: { key: "releases/hms-ws-2.0.1.tgz", sha256: "3a".repeat(32) } }],
    ] as const) {
        it(`is valid cloud-config with clean scripts (${what})`, async function () {
            const text = renderWebSocketUserData(args);
            await assertCloudInitValid(this, text, `WebSocket server ${what}`);
            assertShellcheckClean(this, docOf(text), `WebSocket server ${what}`, 4);
            assert.ok(Buffer.from(userDataBase64(text, "ws"), "base64").length <= EC2_USER_DATA_LIMIT);
        });
    }

    it("adds NodeSource to unattended-upgrades and pins nodejs to it", () => {
        const doc = docOf(renderWebSocketUserData(WEBSOCKET));
        assert.match(fileOf(doc, "/etc/apt/apt.conf.d/52hms-unattended-upgrades"), /"site=deb\.nodesource\.com";/);
        assert.match(
            fileOf(doc, "/etc/apt/preferences.d/nodesource"),
            /^Package: nodejs\nPin: origin deb\.nodesource\.com\n/,
        );
    });

    it("refuses settings systemd would misread and privileged ports", () => {
        assert.throws(
            () => websocketEnvironment({ ...WEBSOCKET, bucket: 'x"y' }),
            /MEDIA_BUCKET has a character systemd would interpret/,
        );
        assert.throws(() => renderWebSocketUserData({ ...WEBSOCKET, port: 443 }), /port 443 is not allowed/);
        // Servers never bake the app servers' addresses into their user data.
        assert.throws(
            () => renderWebSocketUserData({ ...WEBSOCKET, wordpressUrls: ["http://10.20.64.17:8080"] }),
            /wordpressAddresses\.parameter/,
        );
    });

    it("built-in service: /healthz says awaiting-release, everything else (WebSocket included) gets 503", async function () {
        this.timeout(20_000);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hms-ws-"));
        const file = path.join(dir, "server.js");
        fs.writeFileSync(file, builtinServerJs());
        assert.strictEqual(spawnSync(process.execPath, ["--check", file]).status, 0);
        const port = await freePort();
        const child = spawn(process.execPath, [file], {
            env: { PORT: String(port), HOST: "127.0.0.1" },
            stdio: "ignore",
        });
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
        for (const v of ["plain", "it's", "$(id) `id` $HOME", 'a\\b"c', "new\nline"]) {
            const r = spawnSync("bash", ["-c", `printf %s ${shq(v)}`], { encoding: "utf8" });
            assert.strictEqual(r.stdout, v);
        }
    });

    it("staggers reboot times across midnight", () => {
        assert.strictEqual(addMinutes("03:00", 20), "03:20");
        assert.strictEqual(addMinutes("23:50", 20), "00:10");
    });
});

/**
 * Runs a boot script with real bash and jq in a scratch directory: the shared
 * library, the AWS CLI (answers get-secret-value from `secrets`, with the text
 * output's trailing newline), `install` (without -o/-g), `systemctl` and
 * `runuser` (WP-CLI) are stand-ins; `paths` moves the script's files into the
 * directory. Calls to the stand-ins are recorded.
 */
function runBootScript(
    script: string,
    paths: Record<string, string>,
    secrets: Record<string, string>,
    args: string[] = [],
    existing: Record<string, string> = {},
): {
    status: number | null;
    stderr: string;
    calls: string[];
    dir: string;
    read: (rel: string) => string | undefined;
    cleanup: () => void;
} {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hms-boot-"));
    const bin = path.join(dir, "bin");
    fs.mkdirSync(bin);
    fs.mkdirSync(path.join(dir, "secrets"));
    const sha = (s: string) => crypto.createHash("sha256").update(s).digest("hex");
    for (const [id, value] of Object.entries(secrets)) {
        fs.writeFileSync(path.join(dir, "secrets", sha(id)), value);
    }
    const realInstall = spawnSync("sh", ["-c", "command -v install"], { encoding: "utf8" }).stdout.trim();
    const fakeCommand = (name: string, body: string) =>
        fs.writeFileSync(path.join(bin, name), `#!/bin/bash\n${body}\n`, { mode: 0o755 });
    fakeCommand(
        "aws",
        `while [ $# -gt 0 ]; do [ "$1" = --secret-id ] && id=$2; shift; done
f="${dir}/secrets/$(printf %s "$id" | sha256sum | cut -c1-64)"
[ -f "$f" ] || { echo "ResourceNotFoundException: $id" >&2; exit 254; }
cat "$f"; echo`,
    );
    fakeCommand(
        "install",
        `a=(); while [ $# -gt 0 ]; do case $1 in -o|-g) shift 2;; *) a+=("$1"); shift;; esac; done; exec ${realInstall} "\${a[@]}"`,
    );
    fakeCommand("systemctl", `echo "systemctl $*" >> "${dir}/calls"`);
    fakeCommand(
        "runuser",
        `echo "runuser $*" >> "${dir}/calls"
case "$*" in *"core is-installed"*) exit 1;; *"core install"*) cat > "${dir}/admin-stdin";; esac`,
    );
    fs.writeFileSync(path.join(dir, "lib.sh"), `${shellLib()}export AWS=${bin}/aws\n`);
    let text = script;
    for (const [from, to] of Object.entries({ [SHELL_LIB]: "lib.sh", ...paths })) {
        assert.ok(text.includes(from), `the script uses ${from}`);
        text = text.split(from).join(path.join(dir, to));
        // On the server, write_files creates these folders (e.g. /etc/hms/wordpress for settings.php).
        fs.mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
    }
    for (const [rel, content] of Object.entries(existing)) {
        fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        fs.writeFileSync(path.join(dir, rel), content);
    }
    fs.writeFileSync(path.join(dir, "script"), text);
    const r = spawnSync("bash", [path.join(dir, "script"), ...args], {
        encoding: "utf8",
        timeout: 30_000,
        env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
    });
    const read = (rel: string) =>
        fs.existsSync(path.join(dir, rel)) ? fs.readFileSync(path.join(dir, rel), "utf8") : undefined;
    return {
        status: r.status,
        stderr: r.stderr,
        calls: (read("calls") ?? "").split("\n").filter(Boolean),
        dir,
        read,
        cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
    };
}

describe("templates: PHP and jq of the app servers (php -l, jq)", () => {
    const a = WORDPRESS.production;
    const salts = Object.fromEntries(
        WORDPRESS_SALT_NAMES.map((k, i) => [k, `${k.toLowerCase()}-${i}-!#%&*()-_=+[]{}<>:?'"\\$x`]),
    );
    const db = { username: "hms_app", password: "p'a\"s$s\\w{o}rd`x`" };
    const cache = { host: a.cache.host, port: 6379, token: "tok-!&#$^<>-1234567890", tls: true };
    const expected = {
        HMS_DB_USER: db.username,
        HMS_DB_PASSWORD: db.password,
        HMS_REDIS_PASSWORD: cache.token,
        ...salts,
    };
    const secretsFor = (over: { db?: string; cache?: string; salts?: string } = {}) => ({
        [a.database.secretArn]: over.db ?? JSON.stringify(db),
        [a.cache.authSecretArn]: over.cache ?? JSON.stringify(cache),
        [a.saltsSecretArn]: over.salts ?? JSON.stringify(salts),
    });
    const runSecrets = (
        over: { db?: string; cache?: string; salts?: string } = {},
        existing: Record<string, string> = {},
    ) => runBootScript(secretsScript(a), { [WP_SECRETS]: "out/secrets.json" }, secretsFor(over), [], existing);

    for (const stack of ["production", "staging"] as const) {
        it(`every PHP file of the ${stack} app server passes php -l`, function () {
            requireTool(this, "php");
            const doc = docOf(renderWordPressUserData(WORDPRESS[stack]));
            const files = doc.write_files
                .filter((f) => f.content.startsWith("<?php"))
                .map((f) => ({ name: f.path, code: f.content }));
            assert.deepStrictEqual(files.map((f) => f.name).sort(), [
                "/etc/hms/wordpress/settings.php",
                "/usr/local/lib/hms/db-lock.php",
                "/usr/local/lib/hms/db.php",
                "/usr/local/lib/hms/healthz.php",
                ...(WORDPRESS[stack].mail ? ["/usr/local/lib/hms/sendmail.php"] : []),
                "/var/www/wp-config.php",
            ]);
            // The one-liner of the setup script that reads the installed WordPress version.
            const inline = /php -r '([^']+)'/.exec(fileOf(doc, "/usr/local/sbin/hms-wp-setup"));
            assert.ok(inline, "the setup script runs php -r");
            files.push({ name: "hms-wp-setup php -r", code: `<?php ${inline[1]}\n` });
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hms-php-"));
            try {
                for (const f of files) {
                    const file = path.join(dir, `${path.basename(f.name).replace(/\W/g, "_")}.php`);
                    fs.writeFileSync(file, f.code);
                    const r = run("php", ["-n", "-l", file]);
                    assert.strictEqual(r.status, 0, `php -l ${f.name}:\n${r.stdout}${r.stderr}`);
                }
            } finally {
                fs.rmSync(dir, { recursive: true, force: true });
            }
        });
    }

    it("hms-wp-secrets writes every secret from valid JSON, and PHP's hms_secret() reads them", function () {
        requireTool(this, "jq");
        requireTool(this, "php");
        const r = runSecrets();
        try {
            assert.strictEqual(r.status, 0, r.stderr);
            const out = r.read("out/secrets.json");
            assert.ok(out, "secrets.json written");
            assert.deepStrictEqual(JSON.parse(out), expected);
            assert.deepStrictEqual(r.calls, ["systemctl try-reload-or-restart php8.3-fpm.service"]);
            // The consumer: settings.php's hms_secret() on the file, for every name wp-config.php asks for.
            const settings = fileOf(docOf(renderWordPressUserData(a)), WP_SETTINGS)
                .split(WP_SECRETS)
                .join(path.join(r.dir, "out/secrets.json"));
            fs.writeFileSync(path.join(r.dir, "settings.php"), settings);
            const names = ["HMS_DB_USER", "HMS_DB_PASSWORD", "HMS_REDIS_PASSWORD", ...WORDPRESS_SALT_NAMES];
            for (const n of names) {
                assert.ok(
                    fileOf(docOf(renderWordPressUserData(a)), "/var/www/wp-config.php").includes(n),
                    `wp-config.php uses ${n}`,
                );
            }
            const php = run("php", [
                "-n",
                "-r",
                "require $argv[1]; $o = []; foreach (array_slice($argv, 2) as $n) { $o[$n] = hms_secret($n); } echo json_encode($o);",
                path.join(r.dir, "settings.php"),
                ...names,
            ]);
            assert.strictEqual(php.status, 0, php.stderr + php.stdout);
            assert.deepStrictEqual(JSON.parse(php.stdout), expected);
            // Same secrets again: the file is left alone and PHP-FPM not reloaded.
            const again = runSecrets({}, { "out/secrets.json": out });
            try {
                assert.strictEqual(again.status, 0, again.stderr);
                assert.deepStrictEqual(again.calls, []);
            } finally {
                again.cleanup();
            }
        } finally {
            r.cleanup();
        }
    });

    it("hms-wp-secrets takes the Redis token as a plain string too (without the text output's newline)", function () {
        requireTool(this, "jq");
        const r = runSecrets({ cache: "plain-token-value" });
        try {
            assert.strictEqual(r.status, 0, r.stderr);
            assert.strictEqual(
                (JSON.parse(r.read("out/secrets.json") ?? "{}") as Record<string, string>).HMS_REDIS_PASSWORD,
                "plain-token-value",
            );
        } finally {
            r.cleanup();
        }
    });

    const { NONCE_SALT: _dropped, ...saltsWithoutOne } = salts;
    const broken: Array<[string, { db?: string; cache?: string; salts?: string }]> = [
        ["a database secret without password", { db: JSON.stringify({ username: "hms_app" }) }],
        ["a database secret without username", { db: JSON.stringify({ password: "x" }) }],
        ["an empty database password", { db: JSON.stringify({ username: "hms_app", password: "" }) }],
        ["a numeric database user name", { db: JSON.stringify({ username: 7, password: "x" }) }],
        ["a database secret that is not JSON", { db: "username=hms_app password=x" }],
        ["an empty database secret", { db: "" }],
        [
            "a cache secret object without token",
            { cache: JSON.stringify({ host: a.cache.host, port: 6379, tls: true }) },
        ],
        ["a cache secret with an empty token", { cache: JSON.stringify({ ...cache, token: "" }) }],
        ["a cache secret that is truncated JSON", { cache: '{"host":"x","token":"abc"' }],
        ["an empty cache secret", { cache: "" }],
        ["a salts secret missing NONCE_SALT", { salts: JSON.stringify(saltsWithoutOne) }],
        ["a salts secret with an empty salt", { salts: JSON.stringify({ ...salts, AUTH_KEY: "" }) }],
        ["a salts secret that is a list", { salts: JSON.stringify(Object.values(salts)) }],
        ["a salts secret that is not JSON", { salts: "AUTH_KEY=x" }],
    ];
    for (const [what, over] of broken) {
        it(`hms-wp-secrets fails and keeps the previous file on ${what}`, function () {
            requireTool(this, "jq");
            const previous = `${JSON.stringify(expected)}\n`;
            const r = runSecrets(over, { "out/secrets.json": previous });
            try {
                assert.notStrictEqual(r.status, 0, `exit status ${r.status}; wrote ${r.read("out/secrets.json")}`);
                assert.strictEqual(r.read("out/secrets.json"), previous);
                assert.strictEqual(r.read("out/secrets.json.new"), undefined);
                assert.deepStrictEqual(r.calls, [], "PHP-FPM not reloaded");
            } finally {
                r.cleanup();
            }
        });
    }

    it("the script runs the exported jq programs", () => {
        assert.ok(secretsScript(a).includes(`'${WP_SECRETS_JQ}'`));
        assert.ok(setupScript(a).includes(`jq ${shq(ADMIN_SECRET_CHECK_JQ)} "$admin"`));
        assert.ok(credentialsScript(WEBSOCKET).includes(`jq -j -R -s '${REDIS_TOKEN_JQ}'`));
        for (const p of [WP_SECRETS_JQ, REDIS_TOKEN_JQ]) {
            assert.ok(!p.includes("'"), "single-quoted in the script");
        }
    });

    const runInstallSite = (admin: string) =>
        runBootScript(setupScript(a), {}, { [a.adminSecretArn]: admin }, ["--install-site"]);

    it("hms-wp-setup --install-site gives WP-CLI the admin user name and, on stdin, the password", function () {
        requireTool(this, "jq");
        const r = runInstallSite(JSON.stringify({ username: "hms-admin", password: "pa'ss w$rd" }));
        try {
            assert.strictEqual(r.status, 0, r.stderr);
            const install = r.calls.find((c) => c.includes(" core install "));
            assert.ok(install, r.calls.join("\n"));
            assert.match(install, / --admin_user=hms-admin /);
            assert.doesNotMatch(install, /pa'ss/);
            assert.strictEqual(r.read("admin-stdin"), "pa'ss w$rd\n");
        } finally {
            r.cleanup();
        }
    });

    for (const [what, admin] of [
        ["without password", JSON.stringify({ username: "hms-admin" })],
        ["without username", JSON.stringify({ password: "x" })],
        ["with an empty password", JSON.stringify({ username: "hms-admin", password: "" })],
        ["that is not JSON", "hms-admin:x"],
        ["that is a JSON string", JSON.stringify("hms-admin")],
    ] as const) {
        it(`hms-wp-setup --install-site fails before installing WordPress on an admin secret ${what}`, function () {
            requireTool(this, "jq");
            const r = runInstallSite(admin);
            try {
                assert.notStrictEqual(r.status, 0);
                assert.ok(!r.calls.some((c) => c.includes(" core install ")), r.calls.join("\n"));
            } finally {
                r.cleanup();
            }
        });
    }

    const runCredentials = (secret: string, previous?: string) =>
        runBootScript(
            credentialsScript(WEBSOCKET),
            { [WS_CREDENTIALS]: "credentials" },
            { [WEBSOCKET.cache.authSecretArn]: secret },
            [],
            previous === undefined ? {} : { "credentials/redis-password": previous },
        );

    for (const [what, secret] of [
        ["the cache secret object {host, port, token, tls}", JSON.stringify(cache)],
        ["a plain token", cache.token],
    ] as const) {
        it(`hms-websocket-credentials writes the token, without newline, from ${what}`, function () {
            requireTool(this, "jq");
            const r = runCredentials(secret);
            try {
                assert.strictEqual(r.status, 0, r.stderr);
                assert.strictEqual(r.read("credentials/redis-password"), cache.token);
            } finally {
                r.cleanup();
            }
        });
    }

    for (const [what, secret] of [
        ["an object without token", JSON.stringify({ host: "h", port: 6379, tls: true })],
        ["an empty token", JSON.stringify({ ...cache, token: "" })],
        ["truncated JSON", '{"token":"abc"'],
        ["an empty secret", ""],
    ] as const) {
        it(`hms-websocket-credentials fails and keeps the previous token on ${what}`, function () {
            requireTool(this, "jq");
            const r = runCredentials(secret, "previous-token");
            try {
                assert.notStrictEqual(r.status, 0);
                assert.strictEqual(r.read("credentials/redis-password"), "previous-token");
            } finally {
                r.cleanup();
            }
        });
    }
});
