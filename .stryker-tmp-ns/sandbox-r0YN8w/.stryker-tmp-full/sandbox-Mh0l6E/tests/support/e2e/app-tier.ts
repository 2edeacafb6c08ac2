// @ts-nocheck
// 
// The app tier of one stack, run for real on loopback for the end-to-end test:
// MariaDB (TLS required, certificate from a test "RDS" CA), the app server's
// generated files (settings.php, wp-config.php, db.php, healthz.php,
// db-lock.php, hms-wp-secrets, hms-wp-setup, the PHP-FPM pool, php.ini
// additions, the nginx site), PHP-FPM and nginx running them, the WebSocket
// server's built-in service, and the load balancer's generated nginx.conf and
// site with a client CA made the way the origin-pull CA is.
//
// Adaptations for the Debian test host (and only these):
// - every absolute path of the generated files is moved under a temp dir (ROOTED);
// - WordPress is Debian's package copied to the docroot, standing in for the
//   pinned wordpress.org download hms-wp-setup makes (no network here); the
//   drop-in and the removal of fingerprinting files are the setup script's own
//   lines, run on that copy;
// - `aws` is a stand-in answering get-secret-value from the secrets given here
//   (the real JSON shapes) and recording sesv2 send-email calls; `install`
//   drops -o/-g, `systemctl` is recorded, `runuser` runs its command as root;
//   WP-CLI is tests/support/e2e/wp-cli-standin.php;
// - PHP-FPM and nginx run as root (the pool's user/group lines are dropped,
//   php-fpm -R), listen on loopback high ports, and use Debian's PHP (the
//   generated paths name Ubuntu's); the RDS bundle is the test CA;
// - the WebSocket service listens on 127.0.0.1 instead of 0.0.0.0;
// - the instance metadata service and the SES API endpoint are a local
//   stand-in (aws-standin.ts) that checks the IMDSv2 token and the SigV4
//   signature; their URLs in the generated files are replaced by its URL.

import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { SHELL_LIB, shellLib } from "../../../templates/host";
import { NGINX_PATHS, renderNginxConf, renderNginxSite } from "../../../templates/nginx";
import { builtinServerJs, websocketEnvironment } from "../../../templates/websocket";
import {
    IMDS_URL,
    renderWordPressUserData,
    RDS_CA_FILE,
    sesEndpoint,
    WordPressHostArgs,
    WORDPRESS_ROOT,
    WORDPRESS_SALT_NAMES,
} from "../../../templates/wordpress";
import { AwsStandin, startAwsStandin } from "./aws-standin";
import { makeSandbox, relocate, removeSandbox, Sandbox } from "../nginx-sandbox";
import { docOf } from "../servers";
import { freePort, listening, must, Service, start, stop, tail, waitUntil } from "./processes";

export const DOMAIN = "hms.example.org";
export const SITE_TITLE = "Hospital Management System";
export const MAIL_CONFIGURATION_SET = "hms-production-mail-config";
export const ADMIN_EMAIL = "platform-team@example.org";
const REGION = "sa-east-1";
const arn = (n: string) => `arn:aws:secretsmanager:${REGION}:123456789012:secret:${n}`;

/** Prefixes of every absolute path the app server's files use; moved under the temp dir. */
const ROOTED = [
    "/etc/hms/",
    "/usr/local/lib/hms/",
    "/usr/local/sbin/hms-",
    "/usr/local/bin/wp",
    "/var/www/",
    "/var/cache/wp-cli",
    "/run/php/",
    "/var/log/nginx/",
    "/etc/php/",
    "/etc/nginx/sites-",
];

export interface AppTier {
    dir: string;
    /** The app server's filesystem root (generated paths live under it). */
    root: string;
    args: WordPressHostArgs;
    admin: { username: string; password: string };
    sandbox: Sandbox;
    /** IMDS and SES: what the mail transport sent. */
    aws: AwsStandin;
    lbPort: number;
    appPort: number;
    /** Calls to the stand-in commands (aws, systemctl, wp). */
    calls: () => string[];
    /** Output of the install (db-lock.php running hms-wp-setup --install-site). */
    installOutput: string;
    /** Puts MariaDB on a certificate from another CA (same name), as a machine in the path would. */
    useRogueDatabaseCertificate: () => void;
    stopAll: () => Promise<void>;
}

/** A CA and a server certificate for 127.0.0.1 it signs (MariaDB's). */
function databasePki(dir: string, who: string): { ca: string; cert: string; key: string } {
    const f = (n: string) => path.join(dir, `${who}-${n}`);
    must("openssl", [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        f("ca.key"),
        "-out",
        f("ca.pem"),
        "-subj",
        `/CN=${who} test CA`,
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign",
        "-days",
        "2",
    ]);
    must("openssl", [
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        f("server.key"),
        "-out",
        f("server.csr"),
        "-subj",
        "/CN=127.0.0.1",
    ]);
    fs.writeFileSync(
        f("server.ext"),
        "basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1\n",
    );
    must("openssl", [
        "x509",
        "-req",
        "-in",
        f("server.csr"),
        "-CA",
        f("ca.pem"),
        "-CAkey",
        f("ca.key"),
        "-CAcreateserial",
        "-out",
        f("server.crt"),
        "-extfile",
        f("server.ext"),
        "-days",
        "2",
    ]);
    return { ca: f("ca.pem"), cert: f("server.crt"), key: f("server.key") };
}

/** Replaces the generated absolute paths by their place under `root`, each occurrence once. */
function rooted(text: string, root: string): string {
    const re = new RegExp(ROOTED.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|"), "g");
    return text.replace(re, (m) => `${root}${m}`);
}

function standins(bin: string, dir: string, secrets: Record<string, string>): void {
    const secretDir = path.join(dir, "secrets");
    fs.mkdirSync(secretDir);
    const sha = (s: string) => crypto.createHash("sha256").update(s).digest("hex");
    for (const [id, value] of Object.entries(secrets)) {
        fs.writeFileSync(path.join(secretDir, sha(id)), value);
    }
    const calls = path.join(dir, "calls");
    const cmd = (name: string, body: string) =>
        fs.writeFileSync(path.join(bin, name), `#!/bin/bash\n${body}\n`, { mode: 0o755 });
    cmd(
        "aws",
        `echo "aws $1 $2" >> ${calls}
case "$1 $2" in
"secretsmanager get-secret-value")
    while [ $# -gt 0 ]; do [ "$1" = --secret-id ] && id=$2; shift; done
    f="${secretDir}/$(printf %s "$id" | sha256sum | cut -c1-64)"
    [ -f "$f" ] || { echo "ResourceNotFoundException: $id" >&2; exit 254; }
    cat "$f"; echo;;
"sesv2 send-email")
    while [ $# -gt 0 ]; do [ "$1" = --cli-input-json ] && in=\${2#file://}; shift; done
    cp "$in" "${dir}/mail-$(date +%s%N).json"; echo '{"MessageId": "stand-in"}';;
*) echo "stand-in aws: unexpected $*" >&2; exit 252;;
esac`,
    );
    const realInstall = must("sh", ["-c", "command -v install"]).trim();
    cmd(
        "install",
        `a=(); while [ $# -gt 0 ]; do case $1 in -o|-g) shift 2;; *) a+=("$1"); shift;; esac; done; exec ${realInstall} "\${a[@]}"`,
    );
    cmd("systemctl", `echo "systemctl $*" >> ${calls}`);
    cmd("runuser", `[ "$1" = -u ] && shift 2; [ "$1" = -- ] && shift; exec "$@"`);
}

function phpFpmBinary(): string {
    const found = fs
        .readdirSync("/usr/sbin")
        .filter((f) => /^php-fpm\d+\.\d+$/.test(f))
        .sort();
    if (found.length === 0) {
        throw new Error("no /usr/sbin/php-fpmX.Y (apt-get install php-fpm)");
    }
    return path.join("/usr/sbin", found[found.length - 1]);
}

/** MariaDB with TLS required (as Aurora with require_secure_transport), a certificate from the test "RDS" CA, and the app's user. */
async function startDatabase(dir: string, logs: string, port: number, services: Service[]) {
    const rds = databasePki(dir, "rds");
    const rogue = databasePki(dir, "rogue");
    const dbCert = path.join(dir, "db-server.crt");
    const dbKey = path.join(dir, "db-server.key");
    fs.copyFileSync(rds.cert, dbCert);
    fs.copyFileSync(rds.key, dbKey);
    const data = path.join(dir, "mysql");
    const socket = path.join(dir, "mysql.sock");
    must("mariadb-install-db", [
        "--no-defaults",
        `--datadir=${data}`,
        "--user=root",
        "--auth-root-authentication-method=socket",
        "--skip-test-db",
    ]);
    const db = start(
        "mariadbd",
        "mariadbd",
        [
            "--no-defaults",
            `--datadir=${data}`,
            `--socket=${socket}`,
            `--port=${port}`,
            "--bind-address=127.0.0.1",
            "--user=root",
            `--pid-file=${dir}/mysql.pid`,
            `--ssl-ca=${rds.ca}`,
            `--ssl-cert=${dbCert}`,
            `--ssl-key=${dbKey}`,
            "--require-secure-transport=ON",
            "--skip-log-bin",
            "--innodb-buffer-pool-size=32M",
        ],
        path.join(logs, "mariadb.log"),
    );
    services.push(db);
    await waitUntil(db, () => listening(port), 60);
    const sql = (q: string) => must("mariadb", ["--no-defaults", "-S", socket, "-uroot", "-e", q]);
    const user = { username: "hms_app", password: `Db-${crypto.randomBytes(12).toString("hex")}!#%&*()-_=+[]{}<>:?` };
    sql(
        `CREATE USER '${user.username}'@'127.0.0.1' IDENTIFIED BY '${user.password}'; GRANT ALL ON \`hms_wordpress\`.* TO '${user.username}'@'127.0.0.1';`,
    );
    return {
        user,
        rdsCa: rds.ca,
        useRogueCertificate: () => {
            fs.copyFileSync(rogue.cert, dbCert);
            fs.copyFileSync(rogue.key, dbKey);
            sql("FLUSH SSL");
        },
    };
}

/** The WebSocket server's built-in service with its generated environment, and the load balancer's generated nginx in front. */
async function startFront(
    dir: string,
    logs: string,
    sandbox: Sandbox,
    services: Service[],
    p: { appPort: number; wsPort: number; lbPort: number; lbHealthPort: number },
) {
    // --- the WebSocket server's built-in service with its generated environment ---
    const wsEnv = Object.fromEntries(
        websocketEnvironment({
            environment: "production",
            region: REGION,
            port: p.wsPort,
            nodeMajor: 24,
            bucket: "hms-production-media",
            cache: { host: "127.0.0.1", port: 6379, authSecretArn: arn("cache") },
            wordpressUrls: [`http://127.0.0.1:${p.appPort}`],
        })
            .trim()
            .split("\n")
            .map((l) => /^(\w+)="(.*)"$/.exec(l)!)
            .map((m) => [m[1], m[2]]),
    );
    fs.writeFileSync(path.join(dir, "websocket.js"), builtinServerJs());
    const ws = start(
        "websocket",
        process.execPath,
        [path.join(dir, "websocket.js")],
        path.join(logs, "websocket.log"),
        { ...wsEnv, HOST: "127.0.0.1" },
    );
    services.push(ws);
    await waitUntil(ws, () => listening(p.wsPort));

    // --- the load balancer: generated nginx.conf and site, test PKI ---
    fs.writeFileSync(
        sandbox.paths.mainConf,
        relocate(renderNginxConf({ paths: NGINX_PATHS, user: "www-data" }), sandbox),
    );
    fs.writeFileSync(
        sandbox.paths.siteConf,
        relocate(
            renderNginxSite({
                paths: NGINX_PATHS,
                domain: DOMAIN,
                cloudflareCidrs: ["173.245.48.0/20", "2400:cb00::/32"],
                vpcCidr: "127.0.0.0/8",
                appServers: ["127.0.0.1"],
                appPort: p.appPort,
                websocket: { address: "127.0.0.1", port: p.wsPort },
                maxUploadMiB: 64,
                httpsPort: p.lbPort,
                healthPort: p.lbHealthPort,
            }),
            sandbox,
        ).replace(/listen (\d+)/g, "listen 127.0.0.1:$1"),
    );
    const lb = start(
        "load balancer",
        "nginx",
        ["-c", sandbox.paths.mainConf, "-p", `${sandbox.dir}/`, "-g", "daemon off;"],
        path.join(logs, "lb.out"),
    );
    services.push(lb);
    await waitUntil(lb, () => listening(p.lbPort));
}

export async function startAppTier(): Promise<AppTier> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hms-e2e-"));
    const root = path.join(dir, "root");
    const bin = path.join(dir, "bin");
    const logs = path.join(dir, "logs");
    for (const d of [root, bin, logs]) fs.mkdirSync(d);
    const services: Service[] = [];
    const sandbox = makeSandbox(DOMAIN);
    const aws = await startAwsStandin(REGION);
    const stopAll = async () => {
        for (const s of services.reverse()) await stop(s);
        await aws.close();
    };
    try {
        const [dbPort, appPort, wsPort, lbPort, lbHealthPort] = await Promise.all([
            freePort(),
            freePort(),
            freePort(),
            freePort(),
            freePort(),
        ]);
        const db = await startDatabase(dir, logs, dbPort, services);
        const dbUser = db.user;

        // --- the app server's generated files, from its real user data ---
        const args: WordPressHostArgs = {
            environment: "production",
            region: REGION,
            domain: DOMAIN,
            siteTitle: SITE_TITLE,
            adminEmail: ADMIN_EMAIL,
            index: 0,
            vpcCidr: "127.0.0.0/8",
            httpPort: appPort,
            vcpus: 2,
            memoryGiB: 8,
            maxUploadMiB: 64,
            ubuntuRelease: "24.04",
            phpVersion: "8.3",
            wordpress: { version: "6.8.3", sha1: "0".repeat(40) },
            wpCli: { version: "2.12.0", sha512: "0".repeat(128) },
            plugins: { redisCache: "2.6.5", offloadMedia: "3.2.11" },
            database: { host: "127.0.0.1", port: dbPort, name: "hms_wordpress", secretArn: arn("db") },
            cache: { host: "127.0.0.1", port: 6379, authSecretArn: arn("cache") },
            saltsSecretArn: arn("salts"),
            adminSecretArn: arn("admin"),
            mediaBucket: "hms-production-media",
            mail: { configurationSet: MAIL_CONFIGURATION_SET },
        };
        const admin = {
            username: "hms-admin",
            password: `Adm-${crypto.randomBytes(12).toString("hex")}!#%&*()-_=+[]{}<>:?`,
        };
        standins(bin, dir, {
            [arn("db")]: JSON.stringify(dbUser),
            [arn("cache")]: JSON.stringify({ token: "cache-token-not-used-here" }),
            [arn("salts")]: JSON.stringify(
                Object.fromEntries(WORDPRESS_SALT_NAMES.map((k) => [k, crypto.randomBytes(32).toString("base64")])),
            ),
            [arn("admin")]: JSON.stringify(admin),
        });
        const doc = docOf(renderWordPressUserData(args));
        for (const f of doc.write_files) {
            if (f.path === SHELL_LIB || !ROOTED.some((p) => f.path.startsWith(p))) continue;
            const target = `${root}${f.path}`;
            fs.mkdirSync(path.dirname(target), { recursive: true });
            const content = rooted(f.content, root)
                .split(IMDS_URL)
                .join(aws.url)
                .split(sesEndpoint(REGION))
                .join(aws.url);
            fs.writeFileSync(target, content, { mode: parseInt(f.permissions ?? "0644", 8) });
        }
        fs.mkdirSync(`${root}${path.dirname(SHELL_LIB)}`, { recursive: true });
        fs.writeFileSync(`${root}${SHELL_LIB}`, `${shellLib()}export AWS=${bin}/aws\n`);
        for (const d of ["/run/php", "/var/log/nginx", "/var/cache/wp-cli", "/usr/local/bin"])
            fs.mkdirSync(`${root}${d}`, { recursive: true });
        const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, HMS_WP_CALLS: path.join(dir, "calls") };
        // shellcheck-clean scripts of the user data, run with bash as on the server.
        const runScript = (p: string, a: string[] = []) => must("bash", [`${root}${p}`, ...a], { env });
        // Scripts refer to the shared library by its absolute path.
        const rootedScript = (p: string) =>
            fs.writeFileSync(
                `${root}${p}`,
                fs.readFileSync(`${root}${p}`, "utf8").split(`. ${SHELL_LIB}`).join(`. ${root}${SHELL_LIB}`),
            );
        rootedScript("/usr/local/sbin/hms-wp-secrets");
        rootedScript("/usr/local/sbin/hms-wp-setup");
        runScript("/usr/local/sbin/hms-wp-secrets");
        fs.copyFileSync(db.rdsCa, `${root}${RDS_CA_FILE}`);

        // --- WordPress: Debian's, then hms-wp-setup's own docroot lines (drop-in, fingerprinting files) ---
        const docroot = `${root}${WORDPRESS_ROOT}`;
        must("cp", ["-rL", "/usr/share/wordpress", docroot]);
        fs.rmSync(path.join(docroot, "wp-config.php"));
        fs.writeFileSync(path.join(docroot, "license.txt"), "WordPress - Web publishing software\n");
        const setup = fs.readFileSync(`${root}/usr/local/sbin/hms-wp-setup`, "utf8");
        const docrootLines = setup
            .split("\n")
            .filter((l) => /^install .*"\$DOCROOT\/wp-content\/db\.php"$/.test(l) || /^rm -f "\$DOCROOT\//.test(l));
        must("bash", ["-euc", `DOCROOT=${docroot}\n${docrootLines.join("\n")}`], { env });
        fs.writeFileSync(
            `${root}/usr/local/bin/wp`,
            `#!/bin/bash\nexec php ${path.join(__dirname, "wp-cli-standin.php")} "$@"\n`,
            { mode: 0o755 },
        );

        // --- install: under the database lock, as the setup script runs it ---
        const installOutput = must(
            "php",
            [
                `${root}/usr/local/lib/hms/db-lock.php`,
                "hms_wordpress_install",
                `${root}/usr/local/sbin/hms-wp-setup`,
                "--install-site",
            ],
            { env },
        );

        // --- PHP-FPM with the generated pool and php.ini additions ---
        const fpmBin = phpFpmBinary();
        const debianPhp = /php-fpm(\d+\.\d+)$/.exec(fpmBin)![1];
        const pool = fs
            .readFileSync(`${root}/etc/php/8.3/fpm/pool.d/hms-wordpress.conf`, "utf8")
            .replace(/^(user|group|listen\.owner|listen\.group) = .*\n/gm, "");
        fs.writeFileSync(path.join(dir, "fpm-pool.conf"), pool);
        fs.writeFileSync(
            path.join(dir, "php-fpm.conf"),
            `[global]\npid = ${dir}/php-fpm.pid\nerror_log = ${logs}/php-fpm.log\ndaemonize = no\ninclude = ${dir}/fpm-pool.conf\n`,
        );
        const fpmSocket = `${root}/run/php/php8.3-fpm-wordpress.sock`;
        const fpm = start(
            "php-fpm",
            fpmBin,
            ["-F", "-R", "-y", path.join(dir, "php-fpm.conf")],
            path.join(logs, "php-fpm.out"),
            {
                ...env,
                PHP_INI_SCAN_DIR: `/etc/php/${debianPhp}/fpm/conf.d:${root}/etc/php/8.3/fpm/conf.d`,
            },
        );
        services.push(fpm);
        await waitUntil(fpm, () => fs.existsSync(fpmSocket));

        // --- the app server's nginx site ---
        const appConf = path.join(dir, "app-nginx");
        fs.mkdirSync(appConf);
        fs.copyFileSync("/etc/nginx/fastcgi_params", path.join(appConf, "fastcgi_params"));
        const site = fs
            .readFileSync(`${root}/etc/nginx/sites-available/hms-wordpress.conf`, "utf8")
            .replace(/listen (\d+) default_server;/, "listen 127.0.0.1:$1 default_server;");
        fs.writeFileSync(path.join(appConf, "site.conf"), site);
        fs.writeFileSync(
            path.join(appConf, "nginx.conf"),
            [
                ...(process.getuid?.() === 0 ? ["user root;"] : []),
                "worker_processes 1;",
                `pid ${appConf}/nginx.pid;`,
                `error_log ${logs}/app-nginx.log;`,
                "events {}",
                "http {",
                "    include /etc/nginx/mime.types;",
                "    default_type application/octet-stream;",
                ...["client_body", "fastcgi", "proxy", "uwsgi", "scgi"].map(
                    (t) => `    ${t}_temp_path ${appConf}/${t};`,
                ),
                `    include ${appConf}/site.conf;`,
                "}",
                "",
            ].join("\n"),
        );
        const appNginx = start(
            "app nginx",
            "nginx",
            ["-c", path.join(appConf, "nginx.conf"), "-p", `${appConf}/`, "-g", "daemon off;"],
            path.join(logs, "app-nginx.out"),
        );
        services.push(appNginx);
        await waitUntil(appNginx, () => listening(appPort));

        await startFront(dir, logs, sandbox, services, { appPort, wsPort, lbPort, lbHealthPort });

        return {
            dir,
            root,
            args,
            admin,
            sandbox,
            aws,
            lbPort,
            appPort,
            installOutput,
            calls: () =>
                fs.existsSync(path.join(dir, "calls"))
                    ? fs.readFileSync(path.join(dir, "calls"), "utf8").split("\n").filter(Boolean)
                    : [],
            useRogueDatabaseCertificate: db.useRogueCertificate,
            stopAll,
        };
    } catch (e) {
        await stopAll();
        const logText = fs
            .readdirSync(logs)
            .map((f) => `--- ${f}\n${tail(path.join(logs, f))}`)
            .join("\n");
        removeSandbox(sandbox);
        fs.rmSync(dir, { recursive: true, force: true });
        throw new Error(`${(e as Error).message}\n${logText}`, { cause: e });
    }
}

export async function stopAppTier(t: AppTier | undefined): Promise<void> {
    if (!t) return;
    await t.stopAll();
    removeSandbox(t.sandbox);
    fs.rmSync(t.dir, { recursive: true, force: true });
}
