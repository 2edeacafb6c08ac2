// @ts-nocheck
// 
// The development environment (dev/): the committed compose.yaml is the
// current render and a valid Compose file (Compose Specification schema and
// the real `docker-compose config`); the rendered files are production's
// renders with only the documented differences; the development Nginx passes
// `nginx -t` and answers on loopback as production's does. No Docker daemon.

import { clinicalOrigin } from "../templates/clinical-files";
import * as assert from "assert";
import Ajv from "ajv";
import draft07 from "ajv/dist/refs/json-schema-draft-07.json";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "yaml";
import { auroraClusterParameters } from "../components/database";
import { HmsConfig } from "../config";
import { gunzipSync } from "zlib";
import { NGINX_PATHS, renderNginxSite } from "../templates/nginx";
import { renderFluentBitConfig, renderPrometheusConfig } from "../templates/telemetry";
import { fpmPool, settingsPhp, WORDPRESS_SALT_NAMES, wordpressNginxSite, WP_SECRETS_JQ } from "../templates/wordpress";
import { devCompose, NO_HEALTHCHECK, ONE_SHOT, renderCompose } from "../tools/dev-compose";
import { applyDifferences, devDifferences } from "../tools/dev-differences";
import { APP_HTTP_PORT, DEV_DOMAIN, DEV_IPS, DEV_SUBNET, productionConfig } from "../tools/dev-env";
import {
    AURORA_ONLY_PARAMETERS,
    AURORA_SLOW_QUERY_SECONDS,
    devNginxSiteArgs,
    devTelemetryArgs,
    devWordPressArgs,
    mysqlConf,
    renderDevFiles,
} from "../tools/dev-files";
import { DEV_DIR, renderDev } from "../tools/dev-render";
import { CLOUDFLARE_IPV4, CLOUDFLARE_IPV6 } from "../tools/mocks";
import { runStack } from "../tools/stack";
import { ofType } from "./support/resources";
import { hasTool, requireTool, run } from "./support/tools";

const COMPOSE = path.join(DEV_DIR, "compose.yaml");
const SCHEMA = path.join(__dirname, "schemas", "compose-spec.json");

interface Service {
    image?: string;
    build?: unknown;
    healthcheck?: { test: string[] };
    depends_on?: Record<string, { condition: string }>;
    volumes?: string[];
    ports?: string[];
    profiles?: string[];
}
interface Compose {
    services: Record<string, Service>;
    volumes: Record<string, unknown>;
}

/** Lines of `a` missing from `b`, and of `b` missing from `a` (multiset difference). */
function lineDiff(a: string, b: string): { removed: string[]; added: string[] } {
    const count = (text: string) =>
        text.split("\n").reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>());
    const [ca, cb] = [count(a), count(b)];
    const minus = (x: Map<string, number>, y: Map<string, number>) =>
        [...x].flatMap(([l, n]) => Array<string>(Math.max(0, n - (y.get(l) ?? 0))).fill(l));
    return { removed: minus(ca, cb), added: minus(cb, ca) };
}

describe("development environment (dev/)", () => {
    let prod: HmsConfig;
    let compose: Compose;
    before(() => {
        prod = productionConfig();
        compose = parse(fs.readFileSync(COMPOSE, "utf8")) as Compose;
    });

    describe("compose.yaml", () => {
        it("is the current render (run `npm run dev:render` after changing tools/dev-*.ts or the production stack)", () => {
            const committed = fs.readFileSync(COMPOSE, "utf8").split("\n");
            const current = renderCompose(prod).split("\n");
            const at = current.findIndex((l, i) => l !== committed[i]);
            assert.ok(
                at === -1 && committed.length === current.length,
                `dev/compose.yaml is stale: run \`npm run dev:render\` and commit it (line ${at + 1}: ` +
                    `committed ${JSON.stringify(committed[at])}, render ${JSON.stringify(current[at])})`,
            );
        });

        it("validates against the Compose Specification schema, which catches a broken file", () => {
            const ajv = new Ajv({ strict: false, allErrors: true });
            // The schema names draft-07 by its https URL; Ajv registers it under the http one.
            ajv.addMetaSchema({ ...draft07, $id: "https://json-schema.org/draft-07/schema" });
            const validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, "utf8")) as object);
            assert.ok(validate(compose), ajv.errorsText(validate.errors));
            const broken = structuredClone(compose) as unknown as { services: Record<string, Record<string, unknown>> };
            broken.services.nginx.healthcheck = { test: ["CMD", "true"], retries: "many" };
            broken.services.mysql.restrat = "always";
            assert.strictEqual(validate(broken), false);
        });

        it("passes the real `docker-compose config`, with and without the monitoring profile", function () {
            this.timeout(60_000);
            requireTool(this, "docker-compose");
            for (const profile of [[], ["--profile", "monitoring"]]) {
                const r = run("docker-compose", [
                    "--project-directory",
                    DEV_DIR,
                    "-f",
                    COMPOSE,
                    ...profile,
                    "config",
                    "--services",
                ]);
                assert.strictEqual(r.status, 0, r.stderr);
                // docker-compose 1.29 lists every service, whatever the profile.
                assert.deepStrictEqual(r.stdout.trim().split("\n").sort(), Object.keys(compose.services).sort());
            }
        });

        it("pins every image to an exact version", () => {
            for (const [name, s] of Object.entries(compose.services)) {
                const image = s.image ?? "";
                if (s.build) {
                    assert.match(image, /^hms-dev-app:\d+\.\d+(\.\d+)?-php\d+\.\d+$/, name);
                    continue;
                }
                // name:1.2.3..., name:v1.2.3..., or a dated MinIO release; never latest or a bare major.
                assert.match(
                    image,
                    /^[\w./-]+:(v?\d+\.\d+\.\d+[\w.-]*|RELEASE\.\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ)$/,
                    `${name}: ${image}`,
                );
            }
        });

        it("has health checks, and waits for healthy (or completed) dependencies", () => {
            for (const [name, s] of Object.entries(compose.services)) {
                if (!(ONE_SHOT as readonly string[]).includes(name)) {
                    assert.ok(s.healthcheck || name in NO_HEALTHCHECK, `${name} has no health check`);
                }
                for (const [dep, d] of Object.entries(s.depends_on ?? {})) {
                    assert.ok(dep in compose.services, `${name} depends on unknown ${dep}`);
                    const expected = (ONE_SHOT as readonly string[]).includes(dep)
                        ? "service_completed_successfully"
                        : dep in NO_HEALTHCHECK
                          ? "service_started"
                          : "service_healthy";
                    assert.strictEqual(d.condition, expected, `${name} -> ${dep}`);
                }
            }
        });

        it("keeps state in named volumes and publishes ports on loopback only", () => {
            const used = new Set<string>();
            for (const [name, s] of Object.entries(compose.services)) {
                for (const v of s.volumes ?? []) {
                    const source = v.split(":")[0];
                    if (!source.startsWith(".")) {
                        assert.ok(source in compose.volumes, `${name}: volume ${source} is not declared`);
                        used.add(source);
                    }
                }
                for (const p of s.ports ?? []) {
                    assert.match(p, /^127\.0\.0\.1:\d+:\d+$/, `${name}: ${p}`);
                }
            }
            assert.deepStrictEqual([...used].sort(), Object.keys(compose.volumes).sort());
            for (const stateful of ["mysql", "redis", "minio"]) {
                assert.ok(
                    compose.services[stateful].volumes?.some((v) => /^[a-z-]+-data:/.test(v)),
                    stateful,
                );
            }
        });

        it("holds no secret: passwords and keys are files in the git-ignored dev/generated/", () => {
            assert.doesNotMatch(fs.readFileSync(COMPOSE, "utf8"), /PRIVATE KEY/);
            for (const [name, s] of Object.entries(compose.services)) {
                const env = (s as { environment?: Record<string, string> }).environment ?? {};
                for (const k of Object.keys(env).filter((x) => /PASSWORD|SECRET|TOKEN|_KEY\b/.test(x))) {
                    assert.match(k, /_FILE$/, `${name}: ${k} must name a file (a Compose secret), not hold the value`);
                }
            }
            const ignored = run("git", ["-C", DEV_DIR, "check-ignore", "-q", "generated/tls/ca.key"]);
            assert.strictEqual(ignored.status, 0, "dev/generated/ must be git-ignored");
        });

        it("runs the production topology: two app servers, the WebSocket server, MySQL, Redis, S3, mail; monitoring as a profile", () => {
            const s = compose.services;
            assert.strictEqual(DEV_IPS.app.length, prod.app?.count);
            for (const n of [
                "nginx",
                "app-1",
                "app-2",
                "app-1-web",
                "app-2-web",
                "websocket",
                "mysql",
                "redis",
                "minio",
                "mailpit",
            ]) {
                assert.ok(s[n] && !s[n].profiles, n);
            }
            for (const n of [
                "prometheus",
                "grafana",
                "opensearch",
                "dashboards",
                "data-prepper",
                "fluent-bit-nginx",
                "prometheus-agent",
            ]) {
                assert.deepStrictEqual(s[n]?.profiles, ["monitoring"], n);
            }
            const build = devCompose(prod).services as Record<string, { build?: { args: Record<string, string> } }>;
            assert.strictEqual(build["app-1"].build?.args.WORDPRESS_VERSION, prod.app?.wordpress.version);
            assert.strictEqual(build["app-1"].build?.args.WORDPRESS_SHA1, prod.app?.wordpress.sha1);
            // Every build argument is one the Dockerfile declares without a default, and each of those is given.
            const dockerfile = fs.readFileSync(path.join(DEV_DIR, "app", "Dockerfile"), "utf8");
            const required = [...dockerfile.matchAll(/^ARG (\w+)$/gm)].map((m) => m[1]).sort();
            assert.deepStrictEqual(Object.keys(build["app-1"].build?.args ?? {}).sort(), required);
            for (const [k, v] of Object.entries(build["app-1"].build?.args ?? {})) {
                assert.match(String(v), /^[\w.:-]+$/, k);
            }
        });
    });

    describe("secrets and the development CA (dev/generated/)", () => {
        let out = "";
        before(function () {
            this.timeout(60_000);
            out = fs.mkdtempSync(path.join(os.tmpdir(), "hms-dev-secrets-"));
        });
        after(() => fs.rmSync(out, { recursive: true, force: true }));
        const read = (f: string) => fs.readFileSync(path.join(out, "generated", f), "utf8");

        it("are made once and kept by later renders (MySQL keeps its password in its volume)", function () {
            requireTool(this, "openssl");
            this.timeout(60_000);
            renderDev(out);
            const first = {
                wp: read("secrets/wordpress.json"),
                ca: read("tls/ca.pem"),
                db: read("secrets/db-password"),
            };
            renderDev(out);
            assert.deepStrictEqual(
                { wp: read("secrets/wordpress.json"), ca: read("tls/ca.pem"), db: read("secrets/db-password") },
                first,
            );
            assert.strictEqual(
                fs.statSync(path.join(out, "generated", "tls", "ca.key")).mode & 0o077,
                0,
                "the CA key is private to its owner",
            );
            const v = run("openssl", [
                "verify",
                "-CAfile",
                path.join(out, "generated", "tls", "ca.pem"),
                path.join(out, "generated", "tls", "nginx", "origin.crt"),
            ]);
            assert.strictEqual(v.status, 0, v.stderr);
            const san = run("openssl", [
                "x509",
                "-noout",
                "-ext",
                "subjectAltName",
                "-in",
                path.join(out, "generated", "tls", "mysql", "mysql.crt"),
            ]);
            assert.match(san.stdout, /DNS:mysql/);
        });

        it("WordPress's secrets file has the shape the servers' hms-wp-secrets writes (its own jq program)", function () {
            requireTool(this, "jq");
            requireTool(this, "openssl");
            if (!fs.existsSync(path.join(out, "generated", "secrets", "wordpress.json"))) {
                renderDev(out);
            }
            const dev = JSON.parse(read("secrets/wordpress.json")) as Record<string, string>;
            const dir = path.join(out, "jq");
            fs.mkdirSync(dir, { recursive: true });
            fs.writeFileSync(
                path.join(dir, "db"),
                JSON.stringify({ username: dev.HMS_DB_USER, password: dev.HMS_DB_PASSWORD }),
            );
            fs.writeFileSync(path.join(dir, "cache"), `${dev.HMS_REDIS_PASSWORD}\n`);
            fs.writeFileSync(
                path.join(dir, "salts"),
                JSON.stringify(Object.fromEntries(WORDPRESS_SALT_NAMES.map((k) => [k, dev[k]]))),
            );
            const r = run("jq", [
                "-n",
                "--rawfile",
                "db",
                path.join(dir, "db"),
                "--rawfile",
                "cache",
                path.join(dir, "cache"),
                "--rawfile",
                "salts",
                path.join(dir, "salts"),
                WP_SECRETS_JQ,
            ]);
            assert.strictEqual(r.status, 0, r.stderr);
            const production = JSON.parse(r.stdout) as Record<string, string>;
            const { HMS_DEV_S3_ACCESS_KEY, HMS_DEV_S3_SECRET_KEY, ...shared } = dev;
            assert.ok(HMS_DEV_S3_ACCESS_KEY && HMS_DEV_S3_SECRET_KEY, "MinIO's keys for the development plugin");
            assert.deepStrictEqual(shared, production);
            assert.strictEqual(dev.HMS_DB_PASSWORD, read("secrets/db-password"), "WordPress uses MySQL's password");
            const mysqlEnv = (devCompose(prod).services as Record<string, { environment: Record<string, string> }>)
                .mysql.environment;
            assert.strictEqual(dev.HMS_DB_USER, mysqlEnv.MYSQL_USER);
            assert.ok(
                read("secrets/redis.conf").includes(`requirepass ${dev.HMS_REDIS_PASSWORD}\n`),
                "Redis AUTH is WordPress's token",
            );
        });
    });

    describe("the renders are production's, with only the documented differences", () => {
        let files: Record<string, string>;
        before(() => {
            files = renderDevFiles(prod);
        });

        it("every documented difference is applied, and nothing else differs", () => {
            const differences = devDifferences(prod.region);
            const production: Record<string, string> = {
                "nginx/hms.conf": renderNginxSite(devNginxSiteArgs(prod)),
                "telemetry/prometheus-agent.yml": renderPrometheusConfig(devTelemetryArgs(prod, "app")),
                "telemetry/fluent-bit-nginx.conf": renderFluentBitConfig(devTelemetryArgs(prod, "nginx")),
                "telemetry/fluent-bit-app.conf": renderFluentBitConfig(devTelemetryArgs(prod, "app")),
            };
            for (const [file, text] of Object.entries(production)) {
                const diff = lineDiff(text, files[file]);
                const documented = differences.filter((d) => d.file === file);
                const expected = documented.reduce(
                    (acc, d) => {
                        const x = lineDiff(d.production, d.development);
                        return { removed: [...acc.removed, ...x.removed], added: [...acc.added, ...x.added] };
                    },
                    { removed: [] as string[], added: [] as string[] },
                );
                assert.ok(
                    documented.length > 0,
                    `${file} has no documented difference: it should be the production render as is`,
                );
                assert.deepStrictEqual(diff.removed.sort(), expected.removed.sort(), file);
                assert.deepStrictEqual(diff.added.sort(), expected.added.sort(), file);
            }
            // Files without documented differences are the production renderers' output as is.
            const wp = devWordPressArgs(prod, 0);
            assert.strictEqual(files["app/settings.php"], settingsPhp(wp));
            assert.strictEqual(files["app/hms-wordpress-pool.conf"], fpmPool(wp));
            assert.strictEqual(
                files["app/hms-wordpress.conf"],
                wordpressNginxSite({ ...wp, clinicalOrigin: clinicalOrigin(wp.mediaBucket, wp.region) }),
            );
            assert.doesNotMatch(files["app/settings.php"], /undefined/);
        });

        it("the development Nginx site is the production load balancer's, but for the documented inputs and differences", async function () {
            // Each run registers hundreds of resources; the run is shared with the other test files.
            this.timeout(300_000);
            const production = await runStack("production");
            const instance = ofType(production, "aws:ec2/instance:Instance").find((i) => /-nginx-1$/.test(i.name));
            assert.ok(instance, "a production Nginx instance");
            const userData = gunzipSync(Buffer.from(String(instance.inputs.userDataBase64), "base64")).toString("utf8");
            const doc = parse(userData) as { write_files: Array<{ path: string; content: string }> };
            const prodSite = doc.write_files.find((f) => f.path === NGINX_PATHS.siteConf)?.content ?? "";
            assert.match(prodSite, /upstream wordpress/);
            const privateIps = new Set(
                ofType(production, "aws:ec2/instance:Instance").map((i) => String(i.outputs.privateIp)),
            );
            const cloudflare = [...CLOUDFLARE_IPV4, ...CLOUDFLARE_IPV6];
            // A line may differ only where it carries an input DEV_INPUT_DIFFERENCES documents.
            const productionInput = (l: string) =>
                l.includes(prod.domain) ||
                l.includes(prod.network.cidr) ||
                cloudflare.some((c) => l === `set_real_ip_from ${c};`) ||
                [...privateIps].some((ip) => l.trim().startsWith(`server ${ip}:`));
            const developmentInput = (l: string) =>
                l.includes(DEV_DOMAIN) ||
                l.includes(DEV_SUBNET) ||
                [...DEV_IPS.app, DEV_IPS.websocket].some((ip) => l.trim().startsWith(`server ${ip}:`));
            const documented = devDifferences(prod.region).filter((d) => d.file === "nginx/hms.conf");
            const diff = lineDiff(prodSite, files["nginx/hms.conf"]);
            for (const l of diff.removed) {
                assert.ok(
                    productionInput(l) || documented.some((d) => d.production.includes(l)),
                    `undocumented production line: ${l}`,
                );
            }
            for (const l of diff.added) {
                assert.ok(
                    developmentInput(l) || documented.some((d) => d.development.includes(l)),
                    `undocumented development line: ${l}`,
                );
            }
            const upstreams = (t: string) =>
                (/upstream wordpress \{([^}]*)\}/.exec(t)?.[1].match(/ server /g) ?? []).length;
            assert.strictEqual(
                upstreams(files["nginx/hms.conf"]),
                upstreams(prodSite),
                "as many app servers as production",
            );
        });

        it("takes production's upload limit, ports and versions; differs only in the documented inputs", () => {
            const site = devNginxSiteArgs(prod);
            assert.strictEqual(site.maxUploadMiB, prod.loadBalancer?.maxUploadMiB);
            assert.strictEqual(site.websocket?.port, prod.websocket?.port);
            assert.strictEqual(site.appPort, APP_HTTP_PORT);
            assert.strictEqual(site.domain, DEV_DOMAIN);
            assert.deepStrictEqual(site.cloudflareCidrs, [DEV_SUBNET]);
            const wp = devWordPressArgs(prod, 0);
            assert.strictEqual(wp.maxUploadMiB, prod.loadBalancer?.maxUploadMiB);
            assert.strictEqual(wp.phpVersion, prod.app?.phpVersion);
            assert.match(
                files["app/hms-wordpress-pool.conf"],
                new RegExp(`upload_max_filesize\\] = ${prod.loadBalancer?.maxUploadMiB}M`),
            );
        });

        it("a production template change reaches the development render (and an undocumented one is refused)", () => {
            const differences = devDifferences(prod.region);
            const site = differences.find((d) => d.file === "nginx/hms.conf");
            assert.ok(site);
            // A production render whose replaced line moved: the render stops instead of diverging silently.
            assert.throws(
                () => applyDifferences("nginx/hms.conf", "ssl_verify_client optional;\n", differences),
                /0 occurrence/,
            );
        });

        it("MySQL gets every Aurora cluster parameter (or a documented reason why it cannot)", () => {
            const conf = mysqlConf();
            for (const p of auroraClusterParameters(AURORA_SLOW_QUERY_SECONDS)) {
                const name = String(p.name);
                if (name in AURORA_ONLY_PARAMETERS) {
                    assert.doesNotMatch(conf, new RegExp(`^${name} =`, "m"));
                } else {
                    assert.match(
                        conf,
                        new RegExp(`^${name} = ${String(p.value).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "m"),
                        name,
                    );
                }
            }
            assert.match(conf, /^require_secure_transport = ON$/m);
        });

        it("the Prometheus agent's configuration passes promtool (and a broken one does not)", function () {
            requireTool(this, "promtool");
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hms-dev-prom-"));
            try {
                const f = path.join(dir, "prometheus.yml");
                fs.writeFileSync(f, files["telemetry/prometheus-agent.yml"]);
                const ok = run("promtool", ["check", "config", "--agent", f]);
                assert.strictEqual(ok.status, 0, `${ok.stdout}${ok.stderr}`);
                fs.writeFileSync(
                    f,
                    files["telemetry/prometheus-agent.yml"].replace("scrape_interval: 30s", "scrape_interval: soon"),
                );
                assert.notStrictEqual(run("promtool", ["check", "config", "--agent", f]).status, 0);
            } finally {
                fs.rmSync(dir, { recursive: true, force: true });
            }
        });

        it("the PHP-FPM pool passes the real php-fpm -t (and a broken one does not)", function () {
            // Debian names the binary after the PHP version (php-fpm8.2); the official images call it php-fpm.
            const fpm = ["php-fpm", "php-fpm8.4", "php-fpm8.3", "php-fpm8.2", "php-fpm8.1"].find(hasTool);
            if (!fpm) {
                requireTool(this, "php-fpm");
                return;
            }
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hms-dev-fpm-"));
            try {
                const pool = path.join(dir, "pool.conf");
                const conf = path.join(dir, "php-fpm.conf");
                fs.writeFileSync(
                    conf,
                    `[global]\npid = ${dir}/fpm.pid\nerror_log = ${dir}/fpm.log\ninclude = ${pool}\n`,
                );
                const text = files["app/hms-wordpress-pool.conf"].replace(/^listen = .*$/m, `listen = ${dir}/fpm.sock`);
                fs.writeFileSync(pool, text);
                const ok = run(fpm, ["-t", "-y", conf]);
                assert.strictEqual(ok.status, 0, `${ok.stdout}${ok.stderr}`);
                fs.writeFileSync(pool, text.replace(/^pm\.max_children = \d+$/m, "pm.max_children = many"));
                assert.notStrictEqual(run(fpm, ["-t", "-y", conf]).status, 0);
            } finally {
                fs.rmSync(dir, { recursive: true, force: true });
            }
        });

        it("the PHP files pass php -l and the init script passes shellcheck", function () {
            requireTool(this, "php");
            requireTool(this, "shellcheck");
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hms-dev-php-"));
            try {
                const php = {
                    ...Object.fromEntries(Object.entries(files).filter(([f]) => f.endsWith(".php"))),
                    "hms-development.php": fs.readFileSync(path.join(DEV_DIR, "app", "hms-development.php"), "utf8"),
                    "synthetic-patients.php": fs.readFileSync(
                        path.join(DEV_DIR, "seed", "synthetic-patients.php"),
                        "utf8",
                    ),
                };
                for (const [name, text] of Object.entries(php)) {
                    const f = path.join(dir, path.basename(name));
                    fs.writeFileSync(f, text);
                    const r = run("php", ["-l", f]);
                    assert.strictEqual(r.status, 0, `${name}: ${r.stdout}${r.stderr}`);
                }
            } finally {
                fs.rmSync(dir, { recursive: true, force: true });
            }
            const sc = run("shellcheck", [path.join(DEV_DIR, "app", "hms-dev-init")]);
            assert.strictEqual(sc.status, 0, sc.stdout);
        });
    });
});
