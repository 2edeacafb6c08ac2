// @ts-nocheck
// `npm run dev:render [-- --out DIR]`: renders the development environment.
//
// - dev/compose.yaml (committed; a test fails when it is stale);
// - dev/generated/ (git-ignored): the configuration files rendered by the
//   production templates (tools/dev-files.ts), a local development CA with
//   the certificates of Nginx, MySQL and Redis, and random passwords. The CA,
//   keys and passwords are made once and kept across renders (MySQL keeps its
//   password in its volume); delete dev/generated/ after `docker compose down -v`
//   to start afresh. Nothing here is ever committed.

import { spawnSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { WORDPRESS_SALT_NAMES } from "../templates/wordpress";
import { renderCompose } from "./dev-compose";
import { DEV_DOMAIN, productionConfig } from "./dev-env";
import { renderDevFiles } from "./dev-files";
import { ROOT } from "./stack";

export const DEV_DIR = path.join(ROOT, "dev");

function openssl(args: string[], cwd: string): void {
    const r = spawnSync("openssl", args, { cwd, encoding: "utf8" });
    if (r.status !== 0) {
        throw new Error(`dev render: openssl ${args.join(" ")} failed (is openssl installed?): ${r.stderr ?? r.error}`);
    }
}

/** Hex of `bytes` random bytes: letters and digits only, safe in every config format used here. */
export const randomSecret = (bytes = 24): string => crypto.randomBytes(bytes).toString("hex");

/** A server certificate signed by the development CA, for `names` (DNS names and IP addresses). */
function serverCertificate(tls: string, dir: string, cn: string, names: string[]): void {
    fs.mkdirSync(path.join(tls, dir), { recursive: true });
    const base = path.join(dir, dir);
    const san = names.map((n) => (/^[\d.]+$/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(",");
    fs.writeFileSync(
        path.join(tls, `${base}.ext`),
        `basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=${san}\n`,
    );
    openssl(
        [
            "req",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-keyout",
            `${base}.key`,
            "-out",
            `${base}.csr`,
            "-subj",
            `/CN=${cn}`,
        ],
        tls,
    );
    openssl(
        [
            "x509",
            "-req",
            "-in",
            `${base}.csr`,
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-days",
            "365",
            "-out",
            `${base}.crt`,
            "-extfile",
            `${base}.ext`,
        ],
        tls,
    );
    fs.rmSync(path.join(tls, `${base}.csr`));
    fs.rmSync(path.join(tls, `${base}.ext`));
    fs.copyFileSync(path.join(tls, "ca.pem"), path.join(tls, dir, "ca.pem"));
    // The containers' server processes run as their own users (mysql, redis): the key must be
    // readable in the bind mount. It is a development key for a development CA, on the laptop only.
    fs.chmodSync(path.join(tls, `${base}.key`), 0o644);
}

/** The development CA and the server certificates, made once. */
export function ensurePki(generated: string): void {
    const tls = path.join(generated, "tls");
    if (fs.existsSync(path.join(tls, "ca.pem"))) {
        return;
    }
    fs.mkdirSync(tls, { recursive: true, mode: 0o700 });
    openssl(
        [
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
            "-subj",
            "/CN=HMS development CA (this laptop only)",
            "-days",
            "365",
            "-addext",
            "basicConstraints=critical,CA:TRUE,pathlen:0",
            "-addext",
            "keyUsage=critical,keyCertSign,cRLSign",
        ],
        tls,
    );
    fs.chmodSync(path.join(tls, "ca.key"), 0o600);
    serverCertificate(tls, "nginx", DEV_DOMAIN, [DEV_DOMAIN, `*.${DEV_DOMAIN}`, "localhost", "127.0.0.1"]);
    // Nginx's file names are production's (NGINX_PATHS); the development CA plays the origin-pull CA.
    fs.renameSync(path.join(tls, "nginx", "nginx.crt"), path.join(tls, "nginx", "origin.crt"));
    fs.renameSync(path.join(tls, "nginx", "nginx.key"), path.join(tls, "nginx", "origin.key"));
    fs.renameSync(path.join(tls, "nginx", "ca.pem"), path.join(tls, "nginx", "origin-pull-ca.pem"));
    serverCertificate(tls, "mysql", "mysql", ["mysql", "localhost", "127.0.0.1"]);
    serverCertificate(tls, "redis", "redis", ["redis", "localhost", "127.0.0.1"]);
}

/** Random passwords and the WordPress secrets file, made once. */
export function ensureSecrets(generated: string): void {
    const dir = path.join(generated, "secrets");
    if (fs.existsSync(path.join(dir, "wordpress.json"))) {
        return;
    }
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const s = {
        db: randomSecret(),
        dbRoot: randomSecret(),
        redis: randomSecret(32),
        s3Access: `hms-dev-${randomSecret(6)}`,
        s3Secret: randomSecret(),
        grafana: randomSecret(12),
        admin: randomSecret(12),
    };
    // Readable by the containers' users (the files are bind-mounted); the directory stays 0700.
    const write = (name: string, content: string) => fs.writeFileSync(path.join(dir, name), content, { mode: 0o644 });
    write("db-password", s.db);
    write("db-root-password", s.dbRoot);
    write("s3-access-key", s.s3Access);
    write("s3-secret-key", s.s3Secret);
    write("grafana-admin-password", s.grafana);
    write("admin.json", `${JSON.stringify({ username: "hms-admin", password: s.admin }, null, 2)}\n`);
    // The same keys as hms-wp-secrets writes on the servers (WP_SECRETS_JQ), plus the S3 keys of MinIO.
    const wp: Record<string, string> = { HMS_DB_USER: "hms", HMS_DB_PASSWORD: s.db, HMS_REDIS_PASSWORD: s.redis };
    for (const salt of WORDPRESS_SALT_NAMES) {
        wp[salt] = crypto.randomBytes(48).toString("base64");
    }
    wp.HMS_DEV_S3_ACCESS_KEY = s.s3Access;
    wp.HMS_DEV_S3_SECRET_KEY = s.s3Secret;
    write("wordpress.json", `${JSON.stringify(wp, null, 2)}\n`);
    write(
        "redis.conf",
        [
            "# Generated by npm run dev:render: TLS only and AUTH, as ElastiCache with transit encryption and an AUTH token.",
            "port 0",
            "tls-port 6379",
            "tls-cert-file /tls/redis.crt",
            "tls-key-file /tls/redis.key",
            "tls-ca-cert-file /tls/ca.pem",
            "tls-auth-clients no",
            'tls-protocols "TLSv1.2 TLSv1.3"',
            `requirepass ${s.redis}`,
            "appendonly yes",
            "",
        ].join("\n"),
    );
}

/** Writes dev/compose.yaml and dev/generated/; returns the paths written. */
export function renderDev(devDir: string = DEV_DIR): string[] {
    const prod = productionConfig();
    const generated = path.join(devDir, "generated");
    const written: string[] = [];
    for (const [file, content] of Object.entries(renderDevFiles(prod))) {
        const target = path.join(generated, file);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, content);
        written.push(target);
    }
    ensurePki(generated);
    ensureSecrets(generated);
    const compose = path.join(devDir, "compose.yaml");
    fs.writeFileSync(compose, renderCompose(prod));
    written.push(compose);
    return written;
}

if (require.main === module) {
    const i = process.argv.indexOf("--out");
    const out = i > 0 ? path.resolve(process.argv[i + 1]) : DEV_DIR;
    const files = renderDev(out);
    console.log(`dev render: ${files.length} files written under ${out}`);
    console.log("next: cd dev && docker compose up --build   (https://hms.localhost/)");
}
