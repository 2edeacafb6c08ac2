// @ts-nocheck
// 
// dev/compose.yaml, as data. Rendered by `npm run dev:render` and committed
// (a test fails when the committed file differs from this render). It holds
// no secret: passwords, keys and certificates are files in dev/generated/
// (git-ignored), mounted read-only or passed as Compose secrets.

import { stringify } from "yaml";
import { HmsConfig } from "../config";
import { NGINX_HEALTH_PATH, NGINX_HEALTH_PORT, NGINX_PATHS } from "../templates/nginx";
import { HEALTHZ_PHP, RDS_CA_FILE, WORDPRESS_ROOT, WP_SECRETS, WP_SETTINGS } from "../templates/wordpress";
import { websocketEnvironment, WS_HOME } from "../templates/websocket";
import { APP_HTTP_PORT, DEV_BUCKET, DEV_IPS, DEV_PORTS, DEV_SUBNET } from "./dev-env";
import { devWebSocketArgs, MYSQL_TLS_DIR, parseEnvironmentFile } from "./dev-files";

/**
 * Images, pinned by exact version tag (no digest: digests could not be
 * verified without access to the registries; see the README). Versions follow
 * production where production has one: MySQL 8.0.42 is what Aurora MySQL
 * 3.10 is compatible with, Redis 7.2 answers the Redis OSS 7.1 protocol of
 * ElastiCache, Node.js and PHP majors come from the production stack.
 * MinIO publishes its images on quay.io (its Docker Hub repository is no longer updated).
 */
/** Exact PHP and Node.js releases of each major the production stack may name. */
export const PHP_IMAGE_RELEASES: Readonly<Record<string, string>> = { "8.1": "8.1.31", "8.3": "8.3.14" };
export const NODE_IMAGE_RELEASES: Readonly<Record<number, string>> = { 20: "20.18.1", 22: "22.12.0", 24: "24.11.1" };

export function devImages(prod: HmsConfig) {
    const php = PHP_IMAGE_RELEASES[prod.app?.phpVersion ?? "8.3"];
    const node = NODE_IMAGE_RELEASES[prod.websocket?.nodeMajor ?? 22];
    if (!php || !node) {
        throw new Error(
            `dev render: no pinned image for PHP ${prod.app?.phpVersion} / Node.js ${prod.websocket?.nodeMajor}: ` +
                "add the release to PHP_IMAGE_RELEASES / NODE_IMAGE_RELEASES in tools/dev-compose.ts",
        );
    }
    return {
        nginx: "nginx:1.28.0",
        php: `php:${php}-fpm-bookworm`,
        mysql: "mysql:8.0.42",
        redis: "redis:7.2.7",
        node: `node:${node}-bookworm-slim`,
        minio: "quay.io/minio/minio:RELEASE.2025-04-22T22-12-26Z",
        mc: "quay.io/minio/mc:RELEASE.2025-04-16T18-13-26Z",
        mailpit: "axllent/mailpit:v1.22.3",
        prometheus: "prom/prometheus:v3.1.0",
        nodeExporter: "prom/node-exporter:v1.8.2",
        grafana: "grafana/grafana:11.4.0",
        opensearch: "opensearchproject/opensearch:2.19.1",
        dashboards: "opensearchproject/opensearch-dashboards:2.19.1",
        dataPrepper: "opensearchproject/data-prepper:2.12.0",
        fluentBit: "fluent/fluent-bit:3.2.4",
    };
}

const G = "./generated";
const healthy = { condition: "service_healthy" };
const completed = { condition: "service_completed_successfully" };
/** Services without a health check, and why; every other long-running service has one. */
export const NO_HEALTHCHECK: Readonly<Record<string, string>> = {
    "fluent-bit-nginx": "distroless image without a shell or HTTP client; Compose restarts it when it exits",
    "fluent-bit-app": "distroless image without a shell or HTTP client; Compose restarts it when it exits",
};

/** One-shot services: they run to completion and the others wait for `service_completed_successfully`. */
export const ONE_SHOT = ["wp-init", "minio-init"] as const;

const check = (test: string[], start = "20s") => ({
    test,
    interval: "10s",
    timeout: "5s",
    retries: 10,
    start_period: start,
});
/** Compose interpolates `$`; `$$` passes a literal `$` to the container's shell. */
const shell = (command: string) => command.replace(/\$/g, "$$$$");
const loopback = (host: number, container: number) => `127.0.0.1:${host}:${container}`;

function appServices(prod: HmsConfig, images: ReturnType<typeof devImages>): Record<string, unknown> {
    const app = prod.app;
    const php = app?.phpVersion ?? "8.3";
    const socket = `/run/php/php${php}-fpm-wordpress.sock`;
    const appImage = {
        build: {
            context: "./app",
            args: {
                PHP_IMAGE: images.php,
                WORDPRESS_VERSION: app?.wordpress.version,
                WORDPRESS_SHA1: app?.wordpress.sha1,
                WP_CLI_VERSION: app?.wpCli.version,
                WP_CLI_SHA512: app?.wpCli.sha512,
                REDIS_CACHE_VERSION: app?.plugins.redisCache,
                OFFLOAD_MEDIA_VERSION: app?.plugins.offloadMedia,
            },
        },
        image: `hms-dev-app:${app?.wordpress.version}-php${php}`,
    };
    const config = [
        `${G}/app/settings.php:${WP_SETTINGS}:ro`,
        `${G}/app/wp-config.php:/var/www/wp-config.php:ro`,
        `${G}/app/healthz.php:${HEALTHZ_PHP}:ro`,
        `${G}/secrets/wordpress.json:${WP_SECRETS}:ro`,
        `${G}/tls/ca.pem:${RDS_CA_FILE}:ro`,
        `${G}/app/hms-wordpress-pool.conf:/usr/local/etc/php-fpm.d/hms-wordpress.conf:ro`,
        `${G}/app/90-hms.ini:/usr/local/etc/php/conf.d/90-hms.ini:ro`,
        "./app/95-hms-development.ini:/usr/local/etc/php/conf.d/95-hms-development.ini:ro",
        `./app/hms-development.php:${WORDPRESS_ROOT}/wp-content/mu-plugins/hms-development.php:ro`,
    ];
    const out: Record<string, unknown> = {
        "wp-init": {
            ...appImage,
            command: ["/usr/local/bin/hms-dev-init"],
            volumes: [...config, `${G}/secrets/admin.json:/etc/hms/wordpress/admin.json:ro`, "./seed:/seed:ro"],
            networks: ["hms"],
            depends_on: { mysql: healthy, redis: healthy, "minio-init": completed },
        },
    };
    DEV_IPS.app.forEach((ip, i) => {
        const n = `app-${i + 1}`;
        out[n] = {
            ...appImage,
            // One uploads volume for both servers (on AWS each server keeps a copy, synced from the bucket).
            volumes: [
                ...config,
                `${n}-run:/run/php`,
                `${n}-code:${WORDPRESS_ROOT}`,
                `uploads:${WORDPRESS_ROOT}/wp-content/uploads`,
            ],
            networks: { hms: { ipv4_address: ip } },
            healthcheck: check(["CMD", "test", "-S", socket]),
            depends_on: { "wp-init": completed, mailpit: healthy },
            restart: "unless-stopped",
        };
        out[`${n}-web`] = {
            image: images.nginx,
            network_mode: `service:${n}`,
            volumes: [
                `${G}/app/nginx.conf:/etc/nginx/nginx.conf:ro`,
                `${G}/app/hms-wordpress.conf:/etc/nginx/conf.d/hms-wordpress.conf:ro`,
                `${n}-run:/run/php`,
                `${n}-code:${WORDPRESS_ROOT}:ro`,
                `uploads:${WORDPRESS_ROOT}/wp-content/uploads:ro`,
                `${n}-logs:/var/log/nginx`,
            ],
            tmpfs: ["/var/lib/nginx"],
            healthcheck: check(["CMD", "curl", "-fsS", `http://127.0.0.1:${APP_HTTP_PORT}/healthz`]),
            depends_on: { [n]: healthy },
            restart: "unless-stopped",
        };
    });
    return out;
}

function dataServices(images: ReturnType<typeof devImages>): Record<string, unknown> {
    return {
        mysql: {
            image: images.mysql,
            environment: {
                MYSQL_DATABASE: "wordpress",
                MYSQL_USER: "hms",
                MYSQL_PASSWORD_FILE: "/run/secrets/db_password",
                MYSQL_ROOT_PASSWORD_FILE: "/run/secrets/db_root_password",
            },
            secrets: ["db_password", "db_root_password"],
            volumes: [
                "mysql-data:/var/lib/mysql",
                `${G}/mysql/hms.cnf:/etc/mysql/conf.d/hms.cnf:ro`,
                `${G}/tls/mysql:${MYSQL_TLS_DIR}:ro`,
            ],
            networks: ["hms"],
            // Over TCP with TLS: the image's first-start initialisation runs a socket-only server that must not count.
            healthcheck: check(
                ["CMD", "mysqladmin", "ping", "--protocol=tcp", "-h", "127.0.0.1", "--ssl-mode=REQUIRED"],
                "60s",
            ),
            restart: "unless-stopped",
        },
        redis: {
            image: images.redis,
            command: ["redis-server", "/usr/local/etc/redis/redis.conf"],
            volumes: [
                "redis-data:/data",
                `${G}/secrets/redis.conf:/usr/local/etc/redis/redis.conf:ro`,
                `${G}/tls/redis:/tls:ro`,
            ],
            networks: ["hms"],
            healthcheck: check([
                "CMD-SHELL",
                shell(
                    'REDISCLI_AUTH="$(sed -n "s/^requirepass //p" /usr/local/etc/redis/redis.conf)" redis-cli --tls --cacert /tls/ca.pem -h 127.0.0.1 ping | grep -q PONG',
                ),
            ]),
            restart: "unless-stopped",
        },
        minio: {
            image: images.minio,
            command: ["server", "/data", "--console-address", ":9001"],
            // Secret names, not paths: MinIO reads /run/secrets/<value> (docker_secrets_env in
            // minio/minio's dockerscripts/docker-entrypoint.sh).
            environment: { MINIO_ROOT_USER_FILE: "s3_access_key", MINIO_ROOT_PASSWORD_FILE: "s3_secret_key" },
            secrets: ["s3_access_key", "s3_secret_key"],
            volumes: ["minio-data:/data"],
            networks: ["hms"],
            ports: [loopback(DEV_PORTS.minioApi, 9000), loopback(DEV_PORTS.minioConsole, 9001)],
            healthcheck: check(["CMD", "mc", "ready", "local"]),
            restart: "unless-stopped",
        },
        "minio-init": {
            image: images.mc,
            entrypoint: ["/bin/sh", "-c"],
            command: [
                shell(
                    'mc alias set local http://minio:9000 "$(cat /run/secrets/s3_access_key)" "$(cat /run/secrets/s3_secret_key)" && ' +
                        `mc mb --ignore-existing local/${DEV_BUCKET} && mc version enable local/${DEV_BUCKET} && mc anonymous set none local/${DEV_BUCKET}`,
                ),
            ],
            secrets: ["s3_access_key", "s3_secret_key"],
            networks: ["hms"],
            depends_on: { minio: healthy },
        },
        mailpit: {
            image: images.mailpit,
            networks: ["hms"],
            ports: [loopback(DEV_PORTS.mailpit, 8025)],
            healthcheck: check(["CMD", "/mailpit", "readyz"]),
            restart: "unless-stopped",
        },
    };
}

function edgeServices(prod: HmsConfig, images: ReturnType<typeof devImages>): Record<string, unknown> {
    const ws = devWebSocketArgs(prod);
    const appsReady = Object.fromEntries(DEV_IPS.app.map((_, i) => [`app-${i + 1}-web`, healthy]));
    return {
        nginx: {
            image: images.nginx,
            volumes: [
                `${G}/nginx/nginx.conf:${NGINX_PATHS.mainConf}:ro`,
                `${G}/nginx/hms.conf:${NGINX_PATHS.siteConf}:ro`,
                `${G}/tls/nginx:/etc/nginx/tls:ro`,
                "nginx-logs:/var/log/nginx",
            ],
            tmpfs: ["/var/lib/nginx"],
            networks: { hms: { ipv4_address: DEV_IPS.nginx } },
            ports: [loopback(DEV_PORTS.https, 443)],
            // The health endpoint answers the Compose network only, as production's answers the VPC only.
            healthcheck: check([
                "CMD",
                "curl",
                "-fsS",
                `http://${DEV_IPS.nginx}:${NGINX_HEALTH_PORT}${NGINX_HEALTH_PATH}`,
            ]),
            depends_on: { ...appsReady, websocket: healthy },
            restart: "unless-stopped",
        },
        websocket: {
            image: images.node,
            user: "node",
            command: ["node", `${WS_HOME}/server.js`],
            environment: parseEnvironmentFile(websocketEnvironment(ws)),
            volumes: [`${G}/websocket/server.js:${WS_HOME}/server.js:ro`],
            networks: { hms: { ipv4_address: DEV_IPS.websocket } },
            healthcheck: check([
                "CMD",
                "node",
                "-e",
                `fetch("http://127.0.0.1:${ws.port}/healthz").then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`,
            ]),
            depends_on: { redis: healthy },
            restart: "unless-stopped",
        },
    };
}

function monitoringServices(images: ReturnType<typeof devImages>): Record<string, unknown> {
    const profile = { profiles: ["monitoring"] };
    const agentEnv = (host: string) => ({ HMS_INSTANCE_ID: `dev-${host}`, HMS_HOSTNAME: host });
    const fluentBit = (role: string, logs: string) => ({
        ...profile,
        image: images.fluentBit,
        command: ["/fluent-bit/bin/fluent-bit", "-c", "/fluent-bit/etc/hms.conf"],
        environment: agentEnv(role),
        volumes: [
            `${G}/telemetry/fluent-bit-${role}.conf:/fluent-bit/etc/hms.conf:ro`,
            `${logs}:/var/log/nginx:ro`,
            `fluent-bit-${role}:/var/lib/fluent-bit`,
        ],
        networks: ["hms"],
        depends_on: { "data-prepper": healthy },
        restart: "unless-stopped",
    });
    return {
        "node-exporter": {
            ...profile,
            image: images.nodeExporter,
            networks: ["hms"],
            healthcheck: check(["CMD", "wget", "-qO", "/dev/null", "http://127.0.0.1:9100/metrics"]),
            restart: "unless-stopped",
        },
        "prometheus-agent": {
            ...profile,
            image: images.prometheus,
            // Shares node-exporter's network namespace: the agent scrapes 127.0.0.1:9100 as on a server.
            network_mode: "service:node-exporter",
            // Prometheus 3 expands ${VAR} in external labels without a feature flag
            // (https://prometheus.io/docs/prometheus/latest/migration/).
            command: ["--agent", "--config.file=/etc/prometheus/prometheus.yml", "--storage.agent.path=/prometheus"],
            environment: agentEnv("app"),
            volumes: [
                `${G}/telemetry/prometheus-agent.yml:/etc/prometheus/prometheus.yml:ro`,
                "prometheus-agent:/prometheus",
            ],
            healthcheck: check(["CMD", "wget", "-qO", "/dev/null", "http://127.0.0.1:9090/-/ready"]),
            depends_on: { prometheus: healthy, "node-exporter": healthy },
            restart: "unless-stopped",
        },
        prometheus: {
            ...profile,
            image: images.prometheus,
            command: [
                "--config.file=/etc/prometheus/prometheus.yml",
                "--web.enable-remote-write-receiver",
                "--storage.tsdb.path=/prometheus",
            ],
            volumes: ["prometheus-data:/prometheus"],
            networks: ["hms"],
            ports: [loopback(DEV_PORTS.prometheus, 9090)],
            healthcheck: check(["CMD", "wget", "-qO-", "http://127.0.0.1:9090/-/ready"]),
            restart: "unless-stopped",
        },
        grafana: {
            ...profile,
            image: images.grafana,
            environment: { GF_SECURITY_ADMIN_PASSWORD__FILE: "/run/secrets/grafana_admin_password" },
            secrets: ["grafana_admin_password"],
            volumes: [
                "./monitoring/grafana-datasources.yaml:/etc/grafana/provisioning/datasources/hms.yaml:ro",
                "grafana-data:/var/lib/grafana",
            ],
            networks: ["hms"],
            ports: [loopback(DEV_PORTS.grafana, 3000)],
            healthcheck: check(["CMD", "wget", "-qO", "/dev/null", "http://127.0.0.1:3000/api/health"]),
            depends_on: { prometheus: healthy },
            restart: "unless-stopped",
        },
        opensearch: {
            ...profile,
            image: images.opensearch,
            environment: {
                "discovery.type": "single-node",
                DISABLE_SECURITY_PLUGIN: "true",
                DISABLE_INSTALL_DEMO_CONFIG: "true",
                OPENSEARCH_JAVA_OPTS: "-Xms512m -Xmx512m",
            },
            volumes: ["opensearch-data:/usr/share/opensearch/data"],
            networks: ["hms"],
            healthcheck: check(
                ["CMD-SHELL", "curl -fsS http://127.0.0.1:9200/_cluster/health?wait_for_status=yellow&timeout=5s"],
                "90s",
            ),
            restart: "unless-stopped",
        },
        dashboards: {
            ...profile,
            image: images.dashboards,
            environment: { OPENSEARCH_HOSTS: '["http://opensearch:9200"]', DISABLE_SECURITY_DASHBOARDS_PLUGIN: "true" },
            networks: ["hms"],
            ports: [loopback(DEV_PORTS.dashboards, 5601)],
            healthcheck: check(["CMD", "curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:5601/api/status"], "90s"),
            depends_on: { opensearch: healthy },
            restart: "unless-stopped",
        },
        "data-prepper": {
            ...profile,
            image: images.dataPrepper,
            volumes: [
                `${G}/telemetry/data-prepper-pipelines.yaml:/usr/share/data-prepper/pipelines/pipelines.yaml:ro`,
                "./monitoring/data-prepper-config.yaml:/usr/share/data-prepper/config/data-prepper-config.yaml:ro",
            ],
            networks: ["hms"],
            // The pipeline's HTTP source accepts connections (bash's /dev/tcp: the image has no HTTP client).
            healthcheck: check(["CMD", "bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/2021"], "60s"),
            depends_on: { opensearch: healthy },
            restart: "unless-stopped",
        },
        "fluent-bit-nginx": fluentBit("nginx", "nginx-logs"),
        "fluent-bit-app": fluentBit("app", "app-1-logs"),
    };
}

/** The Compose project, as data. */
export function devCompose(prod: HmsConfig): Record<string, unknown> {
    const images = devImages(prod);
    const services = {
        ...edgeServices(prod, images),
        ...appServices(prod, images),
        ...dataServices(images),
        ...monitoringServices(images),
    };
    const volumes = [
        "mysql-data",
        "redis-data",
        "minio-data",
        "nginx-logs",
        "uploads",
        ...DEV_IPS.app.flatMap((_, i) => [`app-${i + 1}-run`, `app-${i + 1}-code`, `app-${i + 1}-logs`]),
        "prometheus-data",
        "prometheus-agent",
        "grafana-data",
        "opensearch-data",
        "fluent-bit-nginx",
        "fluent-bit-app",
    ];
    const secret = (f: string) => ({ file: `${G}/secrets/${f}` });
    return {
        services,
        networks: { hms: { ipam: { config: [{ subnet: DEV_SUBNET, gateway: DEV_IPS.gateway }] } } },
        volumes: Object.fromEntries(volumes.map((v) => [v, {}])),
        secrets: {
            db_password: secret("db-password"),
            db_root_password: secret("db-root-password"),
            s3_access_key: secret("s3-access-key"),
            s3_secret_key: secret("s3-secret-key"),
            grafana_admin_password: secret("grafana-admin-password"),
        },
    };
}

export const COMPOSE_HEADER =
    "# Generated by `npm run dev:render` (tools/dev-compose.ts); edit the code, not this file.\n";

export function renderCompose(prod: HmsConfig): string {
    return COMPOSE_HEADER + stringify(devCompose(prod), { lineWidth: 0, aliasDuplicateObjects: false });
}
