// Host telemetry for the EC2 tiers (WordPress, WebSocket, Nginx): a cloud-init
// fragment that every compute tier merges into its own user data.
//
// - Metrics: Ubuntu's `prometheus-node-exporter`, listening on 127.0.0.1:9100
//   only, scraped by Ubuntu's `prometheus` running as an agent (no local
//   queries, a write-ahead log only) that remote-writes to Amazon Managed
//   Service for Prometheus, signing with SigV4 and the instance role. Both come
//   from the Ubuntu archive (signed, patched by Ubuntu's security team). Agent
//   mode needs Prometheus 2.32+: Ubuntu 24.04 ships 2.45; on 22.04 (2.31) the
//   setup script falls back to server mode with one day of local retention,
//   which remote-writes the same way.
// - Logs: Fluent Bit from its own signed apt repository (Ubuntu does not ship
//   it for the supported LTS releases). The setup script downloads the signing
//   key and refuses it unless its fingerprint is the pinned one. Fluent Bit
//   tails the given files and posts them as JSON over HTTPS, SigV4-signed for
//   `osis`, to the OpenSearch Ingestion pipeline (the managed Logstash).
//
// The instance role needs the managed policy `hostTelemetryPolicyArn` of the
// Monitoring tier (aps:RemoteWrite + osis:Ingest). Pure functions only.

/** What a compute tier merges into its cloud-init (see templates/cloud-init.ts). */
export interface TelemetrySnippet {
    /** Ubuntu packages (installed by cloud-init before `runcmd`). */
    packages: string[];
    /** Files to write (cloud-init `write_files`), before the packages are installed. */
    writeFiles: Array<{ path: string; content: string; permissions: string }>;
    /** Commands to run once, in order, after the packages are installed (exec form). */
    runcmd: string[][];
}

export interface TelemetryArgs {
    /** AWS region of the Prometheus workspace and the ingestion pipeline (SigV4 signing region). */
    region: string;
    /**
     * The Prometheus workspace endpoint (Monitoring's `prometheusEndpoint`,
     * `https://aps-workspaces.<region>.amazonaws.com/workspaces/<id>/`) or its
     * full remote-write URL; `api/v1/remote_write` is appended when missing.
     */
    remoteWriteUrl: string;
    /**
     * The ingestion pipeline URL (Monitoring's `logsIngestEndpoint`,
     * `https://<pipeline host>/<path>`). A bare host name gets LOGS_INGEST_PATH.
     */
    logsIngestEndpoint: string;
    /** The server's tier, added to every metric and log record. */
    role: "app" | "websocket" | "nginx";
    /** The environment (production, staging, ...), added to every metric and log record. */
    environment: string;
    /** Absolute paths (glob patterns allowed) of the log files to ship. */
    logFiles: string[];
}

/** HTTP path of the ingestion pipeline's source; Monitoring configures the pipeline with it. */
export const LOGS_INGEST_PATH = "/logs/ingest";

/** Fluent Bit's package signing key (https://packages.fluentbit.io/fluentbit.key, in use since 1.9.0). */
export const FLUENT_BIT_KEY_URL = "https://packages.fluentbit.io/fluentbit.key";
export const FLUENT_BIT_KEY_FINGERPRINT = "C3C0A28534B9293EAF51FABD9F9DDC083888C1CD";

export const NODE_EXPORTER_ADDRESS = "127.0.0.1:9100";
export const PROMETHEUS_ADDRESS = "127.0.0.1:9090";

/** Paths of the files the snippet writes (tests and the compute tiers refer to them). */
export const TELEMETRY_PATHS = {
    nodeExporterDefaults: "/etc/default/prometheus-node-exporter",
    prometheusConfig: "/etc/prometheus/prometheus.yml",
    prometheusDropIn: "/etc/systemd/system/prometheus.service.d/hms-agent.conf",
    fluentBitConfig: "/etc/fluent-bit/fluent-bit.conf",
    fluentBitDropIn: "/etc/systemd/system/fluent-bit.service.d/hms.conf",
    setupScript: "/usr/local/sbin/hms-telemetry-setup",
    /** Written by the setup script: host identity and the Prometheus mode. */
    environmentFile: "/etc/hms/telemetry.env",
} as const;

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const LABEL_VALUE = /^[A-Za-z0-9_.-]+$/;
// Absolute path without whitespace, commas (Fluent Bit's path separator) or quotes.
const LOG_PATH = /^\/[A-Za-z0-9_.\-/*?[\]]+$/;

function httpsUrl(what: string, value: string): URL {
    let url: URL;
    try {
        url = new URL(value.includes("://") ? value : `https://${value}`);
    } catch {
        throw new Error(`renderTelemetry: ${what} = ${JSON.stringify(value)}: must be an https URL`);
    }
    if (url.protocol !== "https:" || url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "") {
        throw new Error(`renderTelemetry: ${what} = ${JSON.stringify(value)}: must be an https URL without credentials, query or fragment`);
    }
    return url;
}

/** The remote-write URL of a workspace endpoint (or the URL itself when it is one). */
export function remoteWriteEndpoint(remoteWriteUrl: string): string {
    const url = httpsUrl("remoteWriteUrl", remoteWriteUrl);
    const path = url.pathname.endsWith("/api/v1/remote_write")
        ? url.pathname
        : `${url.pathname.replace(/\/+$/, "")}/api/v1/remote_write`;
    return `${url.origin}${path}`;
}

/** Host, port and path Fluent Bit posts to. */
export function ingestTarget(logsIngestEndpoint: string): { host: string; port: number; path: string } {
    const url = httpsUrl("logsIngestEndpoint", logsIngestEndpoint);
    return {
        host: url.hostname,
        port: url.port === "" ? 443 : Number(url.port),
        path: url.pathname === "/" || url.pathname === "" ? LOGS_INGEST_PATH : url.pathname,
    };
}

function check(args: TelemetryArgs): void {
    if (!REGION.test(args.region)) {
        throw new Error(`renderTelemetry: region = ${JSON.stringify(args.region)}: must be an AWS region, e.g. sa-east-1`);
    }
    if (!LABEL_VALUE.test(args.environment)) {
        throw new Error(`renderTelemetry: environment = ${JSON.stringify(args.environment)}: letters, digits, "_", "." and "-" only`);
    }
    if (args.logFiles.length === 0) {
        throw new Error("renderTelemetry: logFiles is empty: list the log files this server writes");
    }
    for (const f of args.logFiles) {
        if (!LOG_PATH.test(f)) {
            throw new Error(
                `renderTelemetry: logFiles entry ${JSON.stringify(f)}: must be an absolute path (globs allowed) without spaces, commas or quotes`,
            );
        }
    }
}

/** Prometheus configuration: scrape the local node_exporter, remote-write with SigV4. */
export function renderPrometheusConfig(args: TelemetryArgs): string {
    // The file is YAML; JSON strings are valid YAML scalars, so values are
    // written with JSON.stringify and cannot break the document.
    const q = JSON.stringify;
    return [
        "# Generated by templates/telemetry.ts: node_exporter -> Amazon Managed Prometheus (SigV4).",
        "global:",
        "  scrape_interval: 30s",
        "  scrape_timeout: 10s",
        "  external_labels:",
        `    environment: ${q(args.environment)}`,
        `    role: ${q(args.role)}`,
        "    # expand-external-labels: set by the setup script",
        '    instance_id: "${HMS_INSTANCE_ID}"',
        '    host: "${HMS_HOSTNAME}"',
        "scrape_configs:",
        "  - job_name: node",
        "    static_configs:",
        `      - targets: [${q(NODE_EXPORTER_ADDRESS)}]`,
        "remote_write:",
        `  - url: ${q(remoteWriteEndpoint(args.remoteWriteUrl))}`,
        "    sigv4:",
        `      region: ${q(args.region)}`,
        "    queue_config:",
        "      max_samples_per_send: 1000",
        "      max_shards: 200",
        "      capacity: 2500",
        "",
    ].join("\n");
}

/** Fluent Bit configuration (classic format): tail the log files, post them to the pipeline with SigV4. */
export function renderFluentBitConfig(args: TelemetryArgs): string {
    const target = ingestTarget(args.logsIngestEndpoint);
    return [
        "# Generated by templates/telemetry.ts: logs -> OpenSearch Ingestion (HTTPS, SigV4).",
        "[SERVICE]",
        "    Flush 5",
        "    Daemon Off",
        "    Log_Level info",
        "    HTTP_Server Off",
        "    storage.path /var/lib/fluent-bit/buffer",
        "    storage.sync normal",
        "    storage.backlog.mem_limit 16M",
        "",
        "[INPUT]",
        "    Name tail",
        `    Tag hms.${args.role}`,
        `    Path ${args.logFiles.join(",")}`,
        "    Path_Key log_file",
        "    DB /var/lib/fluent-bit/tail.db",
        "    DB.locking true",
        "    Mem_Buf_Limit 32MB",
        "    Skip_Long_Lines On",
        "    Refresh_Interval 10",
        "    storage.type filesystem",
        "",
        "[FILTER]",
        "    Name record_modifier",
        "    Match hms.*",
        `    Record environment ${args.environment}`,
        `    Record role ${args.role}`,
        "    Record instance_id ${HMS_INSTANCE_ID}",
        "    Record host ${HMS_HOSTNAME}",
        "",
        "[OUTPUT]",
        "    Name http",
        "    Match hms.*",
        `    Host ${target.host}`,
        `    Port ${target.port}`,
        `    URI ${target.path}`,
        "    Format json",
        "    json_date_key @timestamp",
        "    json_date_format iso8601",
        "    tls On",
        "    tls.verify On",
        "    aws_auth On",
        `    aws_region ${args.region}`,
        "    aws_service osis",
        "    Retry_Limit no_limits",
        "",
    ].join("\n");
}

/**
 * First-boot script (bash): records the host identity, picks the Prometheus
 * mode the installed version supports and restarts the metric agents, then
 * installs Fluent Bit from its signed repository after checking the key's
 * fingerprint and starts it.
 */
export function renderSetupScript(): string {
    const p = TELEMETRY_PATHS;
    return `#!/bin/bash
# Generated by templates/telemetry.ts: host telemetry, first boot.
set -euo pipefail
umask 022

readonly KEY_URL="${FLUENT_BIT_KEY_URL}"
readonly KEY_FINGERPRINT="${FLUENT_BIT_KEY_FINGERPRINT}"
readonly KEYRING=/usr/share/keyrings/fluentbit-keyring.gpg
readonly ENV_FILE=${p.environmentFile}
readonly IMDS=http://169.254.169.254/latest

# 1. Host identity (IMDSv2).
token=$(curl -fsS --retry 5 -X PUT "$IMDS/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 300")
instance_id=$(curl -fsS --retry 5 -H "X-aws-ec2-metadata-token: $token" "$IMDS/meta-data/instance-id")

# 2. Metrics. Agent mode: a flag from 3.0, a feature from 2.32; else a server keeping 1 day.
version=$(prometheus --version 2>&1 | awk 'NR == 1 { print $3 }')
if dpkg --compare-versions "$version" ge 3; then
    mode="--agent --storage.agent.path=/var/lib/prometheus/agent"
elif dpkg --compare-versions "$version" ge 2.32; then
    mode="--enable-feature=agent --storage.agent.path=/var/lib/prometheus/agent"
else
    mode="--storage.tsdb.path=/var/lib/prometheus/metrics2 --storage.tsdb.retention.time=1d"
fi

install -d -m 0755 "$(dirname "$ENV_FILE")"
printf 'HMS_INSTANCE_ID=%s\\nHMS_HOSTNAME=%s\\nHMS_PROMETHEUS_MODE="%s"\\n' "$instance_id" "$(hostname)" "$mode" > "$ENV_FILE"
chmod 0644 "$ENV_FILE"
systemctl daemon-reload
systemctl enable prometheus-node-exporter prometheus
systemctl restart prometheus-node-exporter prometheus

# 3. Fluent Bit from its signed repository, key fingerprint pinned.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GNUPGHOME="$work/gnupg"
install -d -m 0700 "$GNUPGHOME"
curl -fsSL --retry 5 --proto '=https' --tlsv1.2 -o "$work/fluentbit.key" "$KEY_URL"
keys=$(gpg --batch --with-colons --show-keys "$work/fluentbit.key")
primary_keys=$(printf '%s\\n' "$keys" | awk -F: '$1 == "pub"' | wc -l)
fingerprint=$(printf '%s\\n' "$keys" | awk -F: '$1 == "fpr" { print $10; exit }')
if [ "$primary_keys" -ne 1 ] || [ "$fingerprint" != "$KEY_FINGERPRINT" ]; then
    echo "hms-telemetry: $KEY_URL: fingerprint $fingerprint ($primary_keys keys), expected $KEY_FINGERPRINT" >&2
    exit 1
fi
gpg --batch --yes --dearmor -o "$KEYRING" "$work/fluentbit.key"
chmod 0644 "$KEYRING"
codename=$(awk -F= '$1 == "VERSION_CODENAME" { print $2 }' /etc/os-release)
echo "deb [signed-by=$KEYRING] https://packages.fluentbit.io/ubuntu/$codename $codename main" > /etc/apt/sources.list.d/fluent-bit.list
for attempt in 1 2 3 4 5; do
    if apt-get -q -o DPkg::Lock::Timeout=600 update; then
        break
    fi
    [ "$attempt" -lt 5 ] || exit 1
    sleep 15
done
# confold: keep the configuration cloud-init wrote.
DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=600 \\
    -o Dpkg::Options::=--force-confold fluent-bit
install -d -m 0750 /var/lib/fluent-bit
systemctl enable fluent-bit
systemctl restart fluent-bit
`;
}

/** The cloud-init fragment of a server's telemetry (the contract the compute tiers merge). */
export function renderTelemetry(args: TelemetryArgs): TelemetrySnippet {
    check(args);
    const p = TELEMETRY_PATHS;
    return {
        packages: ["prometheus-node-exporter", "prometheus", "curl", "gnupg", "ca-certificates"],
        writeFiles: [
            {
                // Read by the Ubuntu package's unit; kept on install (cloud-init installs with --force-confold).
                path: p.nodeExporterDefaults,
                content: `# Generated by templates/telemetry.ts: node_exporter answers on localhost only.\nARGS="--web.listen-address=${NODE_EXPORTER_ADDRESS}"\n`,
                permissions: "0644",
            },
            {
                path: p.prometheusConfig,
                content: renderPrometheusConfig(args),
                permissions: "0644",
            },
            {
                // Replaces the package's command line: localhost only, external labels
                // from the environment, agent mode chosen by the setup script. The
                // environment file is optional so that the service the package starts
                // on install (before the script runs) listens on localhost as well.
                path: p.prometheusDropIn,
                content: [
                    "# Generated by templates/telemetry.ts",
                    "[Service]",
                    `EnvironmentFile=-${p.environmentFile}`,
                    "ExecStart=",
                    `ExecStart=/usr/bin/prometheus $HMS_PROMETHEUS_MODE --config.file=${p.prometheusConfig} --web.listen-address=${PROMETHEUS_ADDRESS} --enable-feature=expand-external-labels`,
                    "",
                ].join("\n"),
                permissions: "0644",
            },
            {
                path: p.fluentBitConfig,
                content: renderFluentBitConfig(args),
                permissions: "0644",
            },
            {
                path: p.fluentBitDropIn,
                content: ["# Generated by templates/telemetry.ts", "[Service]", `EnvironmentFile=-${p.environmentFile}`, ""].join("\n"),
                permissions: "0644",
            },
            {
                path: p.setupScript,
                content: renderSetupScript(),
                permissions: "0755",
            },
        ],
        runcmd: [[p.setupScript]],
    };
}
