// @ts-nocheck
// The development environment's settings, and the production ones it mirrors.
//
// The Docker Compose project in dev/ simulates production on one laptop. Its
// files are rendered by the production renderers (templates/) from the
// production stack's configuration (Pulumi.production.yaml): the same
// versions, upload limit and ports. What must differ on a laptop (addresses,
// domain, TLS issuer, sizing, the AWS-only parts) is listed here, once, with
// the reason; the tests allow exactly these differences and no other.

import { HmsConfig, parseConfig } from "../config";
import { readStackConfig } from "./stack";

/** The production configuration the development environment mirrors. */
export function productionConfig(): HmsConfig {
    const config = readStackConfig("production");
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(config)) {
        if (k.startsWith("hms:")) {
            values[k.slice(4)] = v;
        }
    }
    return parseConfig("hms", values, config["aws:region"]);
}

/** The Compose network: fixed addresses, because the production renderers take IPv4 upstreams. */
export const DEV_SUBNET = "172.30.13.0/24";
export const DEV_IPS = {
    gateway: "172.30.13.1",
    nginx: "172.30.13.10",
    app: ["172.30.13.21", "172.30.13.22"],
    websocket: "172.30.13.30",
} as const;

/** Browsers resolve every *.localhost name to the loopback interface (RFC 6761), so no hosts file is needed. */
export const DEV_DOMAIN = "hms.localhost";

/**
 * Ports published on the laptop's loopback interface only. The site is on 443:
 * the production wp-config sets WP_HOME to https://<domain> without a port.
 */
export const DEV_PORTS = {
    https: 443,
    mailpit: 8025,
    minioConsole: 9001,
    minioApi: 9000,
    prometheus: 9090,
    grafana: 3000,
    dashboards: 5601,
} as const;

/** PHP-FPM pool sizing for a laptop (production sizes it from an 8 vCPU / 32 GiB server). */
export const DEV_APP_SIZE = { vcpus: 2, memoryGiB: 4 } as const;

/** Port of the app servers' WordPress site: AppServersArgs.httpPort's default (components/app-servers.ts). */
export const APP_HTTP_PORT = 8080;

/** Bucket of the S3-compatible store (MinIO) standing in for the environment bucket. */
export const DEV_BUCKET = "hms-development-media";

/**
 * Inputs of the production renderers that take another value in development,
 * with the reason. Every other input is the production stack's value.
 */
export const DEV_INPUT_DIFFERENCES: ReadonlyArray<{ input: string; development: string; why: string }> = [
    {
        input: "domain",
        development: DEV_DOMAIN,
        why: "*.localhost resolves to the laptop; the hospital's zone is served by Cloudflare",
    },
    {
        input: "cloudflareCidrs",
        development: DEV_SUBNET,
        why: "no Cloudflare in front: CF-Connecting-IP is trusted from the Compose network (the published port's gateway)",
    },
    { input: "vpcCidr", development: DEV_SUBNET, why: "the Compose network plays the VPC" },
    {
        input: "appServers / websocket address",
        development: `${DEV_IPS.app.join(", ")} / ${DEV_IPS.websocket}`,
        why: "fixed addresses on the Compose network instead of EC2 private IPs",
    },
    {
        input: "vcpus / memoryGiB of the PHP-FPM pool",
        development: `${DEV_APP_SIZE.vcpus} / ${DEV_APP_SIZE.memoryGiB}`,
        why: "a laptop, not an 8 vCPU / 32 GiB server",
    },
    {
        input: "database / cache host",
        development: "mysql / redis",
        why: "Compose service names; their TLS certificates name them",
    },
    { input: "mediaBucket", development: DEV_BUCKET, why: "a MinIO bucket; no AWS credentials needed" },
    {
        input: "telemetry agents",
        development: "Fluent Bit for nginx and app-1, one Prometheus agent with one node_exporter",
        why: "one set of agents per tier is enough on a laptop; production runs them on every server",
    },
    {
        input: "telemetry endpoints",
        development: "prometheus:9090 / data-prepper:2021",
        why: "a local Prometheus and Data Prepper (the engine of OpenSearch Ingestion) stand in for the AWS services",
    },
];
