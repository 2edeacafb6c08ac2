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
// - Exporters by tier: Nginx's stub_status through Ubuntu's
//   `prometheus-nginx-exporter` (Nginx tier); PHP-FPM's own status page in
//   OpenMetrics format (app tier, PHP 8.1+, no exporter needed); the parsed
//   access logs turned into request counters and a latency histogram by
//   Fluent Bit's `log_to_metrics` filter (all tiers); the WebSocket service's
//   own endpoint (WebSocket tier, templates/websocket.ts); the blackbox exporter's
//   probes of the public site (Grafana server). templates/metrics-catalog.ts
//   lists what each produces.
// - Logs are parsed on the host (LOG_FORMATS: Nginx JSON and combined access
//   logs, Nginx and PHP-FPM error logs, which carry WordPress' PHP errors,
//   syslog, the WebSocket log), so OpenSearch receives fields, not lines.
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
    role: "app" | "websocket" | "nginx" | "grafana";
    /** The environment (production, staging, ...), added to every metric and log record. */
    environment: string;
    /**
     * Absolute paths (glob patterns allowed) of the log files to ship; each must
     * match a LOG_FORMATS entry (its parser). The system log is always shipped.
     */
    logFiles: string[];
    /** URLs the blackbox exporter probes (Grafana server only): the public site through Cloudflare. */
    probeUrls?: string[];
}

/** HTTP path of the ingestion pipeline's source; Monitoring configures the pipeline with it. */
export const LOGS_INGEST_PATH = "/logs/ingest";

/** Fluent Bit's package signing key (https://packages.fluentbit.io/fluentbit.key, in use since 1.9.0). */
export const FLUENT_BIT_KEY_URL = "https://packages.fluentbit.io/fluentbit.key";
export const FLUENT_BIT_KEY_FINGERPRINT = "C3C0A28534B9293EAF51FABD9F9DDC083888C1CD";

export const NODE_EXPORTER_ADDRESS = "127.0.0.1:9100";
export const PROMETHEUS_ADDRESS = "127.0.0.1:9090";
/** Ubuntu's prometheus-nginx-exporter (Nginx tier), reading STUB_STATUS_URL. */
export const NGINX_EXPORTER_ADDRESS = "127.0.0.1:9113";
/** Fluent Bit's prometheus_exporter output: the metrics derived from logs. */
export const FLUENT_BIT_METRICS_ADDRESS = "127.0.0.1:2021";
/** The local status server (see renderStatusServer): stub_status and PHP-FPM status, localhost only. */
export const STATUS_ADDRESS = "127.0.0.1:8080";
export const STUB_STATUS_PATH = "/stub_status";
export const FPM_STATUS_PATH = "/fpm-status";
/** The blackbox exporter on the Grafana server (see templates/grafana.ts). */
export const BLACKBOX_EXPORTER_ADDRESS = "127.0.0.1:9115";
/**
 * The WebSocket service's own metrics endpoint (templates/websocket.ts
 * websocketMetricsJs), on loopback: only the host's Prometheus agent reads it.
 */
export const WEBSOCKET_METRICS_ADDRESS = "127.0.0.1:9464";
/** Loopback ports the telemetry of a host of `role` listens on: a service of that host must not take them. */
export function telemetryPorts(role: TelemetryArgs["role"]): number[] {
    const byRole: Record<TelemetryArgs["role"], string[]> = {
        nginx: [NGINX_EXPORTER_ADDRESS, STATUS_ADDRESS],
        app: [STATUS_ADDRESS],
        websocket: [WEBSOCKET_METRICS_ADDRESS],
        grafana: [BLACKBOX_EXPORTER_ADDRESS],
    };
    return [NODE_EXPORTER_ADDRESS, PROMETHEUS_ADDRESS, FLUENT_BIT_METRICS_ADDRESS, ...byRole[role]].map((a) =>
        Number(a.split(":")[1]),
    );
}
/** The system log (rsyslog), shipped from every host. */
export const SYSLOG_FILE = "/var/log/syslog";

/** Latency histogram buckets (seconds) of the access logs' request_time. */
export const LATENCY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10] as const;

/** A Fluent Bit regex parser (Onigmo syntax; the tests run the same patterns on real sample lines). */
export interface LogParser {
    name: string;
    format: "json" | "regex" | "logfmt";
    regex?: string;
    timeKey: string;
    timeFormat: string;
    types?: string;
}

/**
 * Parsers of the log formats the servers write. Query strings are never
 * captured (they can carry patient identifiers): paths and referers stop at
 * "?", and the raw line is dropped once parsed.
 */
export const LOG_PARSERS: readonly LogParser[] = [
    // templates/nginx.ts JSON_LOG_FORMAT ($time_iso8601, numbers unquoted).
    { name: "hms_nginx_json", format: "json", timeKey: "time", timeFormat: "%Y-%m-%dT%H:%M:%S%z" },
    {
        // Nginx's predefined "combined" format (app servers).
        name: "hms_nginx_combined",
        format: "regex",
        regex: '^(?<client_ip>[^ ]+) - (?<remote_user>[^ ]+) \\[(?<time>[^\\]]+)\\] "(?<method>[A-Z]+) (?<path>[^ ?"]*)(?:\\?[^ "]*)? (?<protocol>[^"]*)" (?<status>\\d{3}) (?<bytes_sent>\\d+) "(?<referer>[^"?]*)(?:\\?[^"]*)?" "(?<user_agent>[^"]*)"',
        timeKey: "time",
        timeFormat: "%d/%b/%Y:%H:%M:%S %z",
        types: "status:integer bytes_sent:integer",
    },
    {
        // ngx_log_error_core: "YYYY/MM/DD HH:MM:SS [level] pid#tid: *cid message, client: ..., request: ...".
        // PHP (WordPress) errors reach it as `FastCGI sent in stderr: "PHP message: PHP Warning: ..."`.
        name: "hms_nginx_error",
        format: "regex",
        regex: '^(?<time>\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}) \\[(?<level>[a-z]+)\\] (?<pid>\\d+)#(?<tid>\\d+): (?:\\*(?<connection_id>\\d+) )?(?<message>.*?)(?:, client: (?<client_ip>[^,]+))?(?:, server: (?<server>[^,]*))?(?:, request: "(?<method>[A-Z]+) (?<path>[^ ?"]*)(?:\\?[^ "]*)? (?<protocol>[^"]*)")?(?:, upstream: "(?<upstream>[^"?]*)(?:\\?[^"]*)?")?(?:, host: "(?<request_host>[^"]*)")?(?:, referrer: "(?<referer>[^"?]*)(?:\\?[^"]*)?")?$',
        timeKey: "time",
        timeFormat: "%Y/%m/%d %H:%M:%S",
    },
    {
        // PHP-FPM's error log: "[02-Dec-2026 04:31:55] WARNING: [pool wordpress] child 12 said into stderr: ...".
        name: "hms_php_fpm",
        format: "regex",
        regex: "^\\[(?<time>\\d{2}-[A-Za-z]{3}-\\d{4} \\d{2}:\\d{2}:\\d{2})(?:\\.\\d+)?\\] (?<level>[A-Z]+): (?:\\[pool (?<pool>[^\\]]+)\\] )?(?<message>.*)$",
        timeKey: "time",
        timeFormat: "%d-%b-%Y %H:%M:%S",
    },
    {
        // rsyslog on Ubuntu 23.10+: RFC 3339 timestamps with microseconds.
        name: "hms_syslog_rfc3339",
        format: "regex",
        regex: "^(?<time>\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:\\d{2})) (?<hostname>[^ ]+) (?<ident>[^\\[: ]+)(?:\\[(?<pid>\\d+)\\])?: (?<message>.*)$",
        timeKey: "time",
        timeFormat: "%Y-%m-%dT%H:%M:%S.%L%z",
    },
    {
        // rsyslog's traditional format (Ubuntu 22.04).
        name: "hms_syslog_bsd",
        format: "regex",
        regex: "^(?<time>[A-Z][a-z]{2} [ \\d]\\d \\d{2}:\\d{2}:\\d{2}) (?<hostname>[^ ]+) (?<ident>[^\\[: ]+)(?:\\[(?<pid>\\d+)\\])?: (?<message>.*)$",
        timeKey: "time",
        timeFormat: "%b %d %H:%M:%S",
    },
    // Grafana's own log (logfmt: t=... level=... msg=...).
    { name: "hms_grafana", format: "logfmt", timeKey: "t", timeFormat: "%Y-%m-%dT%H:%M:%S.%L%z" },
    // The WebSocket service logs one JSON object per line (time, level, message); other lines stay as `log`.
    { name: "hms_json", format: "json", timeKey: "time", timeFormat: "%Y-%m-%dT%H:%M:%S.%L%z" },
];

/** Which parsers read which log files, and what kind of log each is (the tag: hms.<kind>.<n>). */
export const LOG_FORMATS: ReadonlyArray<{
    test: RegExp;
    kind: "access" | "error" | "system" | "app";
    parsers: string[];
}> = [
    { test: /^\/var\/log\/nginx\/[^/]*\.json\.log$/, kind: "access", parsers: ["hms_nginx_json"] },
    { test: /^\/var\/log\/nginx\/[^/]*access\.log$/, kind: "access", parsers: ["hms_nginx_combined"] },
    { test: /^\/var\/log\/nginx\/[^/]*error\.log$/, kind: "error", parsers: ["hms_nginx_error"] },
    { test: /^\/var\/log\/php[\d.]*-fpm\.log$/, kind: "error", parsers: ["hms_php_fpm"] },
    { test: /^\/var\/log\/syslog$/, kind: "system", parsers: ["hms_syslog_rfc3339", "hms_syslog_bsd"] },
    { test: /^\/var\/log\/hms-websocket\/[^/]*\.log$/, kind: "app", parsers: ["hms_json"] },
    { test: /^\/var\/log\/grafana\/grafana\.log$/, kind: "app", parsers: ["hms_grafana"] },
];

/** The format entry of a log file; throws for a file no parser reads. */
export function logFormatOf(path: string): (typeof LOG_FORMATS)[number] {
    const f = LOG_FORMATS.find((x) => x.test.test(path));
    if (!f) {
        throw new Error(
            `renderTelemetry: logFiles entry ${JSON.stringify(path)}: no parser for this log (add one to LOG_FORMATS)`,
        );
    }
    return f;
}

/** Paths of the files the snippet writes (tests and the compute tiers refer to them). */
export const TELEMETRY_PATHS = {
    nodeExporterDefaults: "/etc/default/prometheus-node-exporter",
    prometheusConfig: "/etc/prometheus/prometheus.yml",
    prometheusDropIn: "/etc/systemd/system/prometheus.service.d/hms-agent.conf",
    fluentBitConfig: "/etc/fluent-bit/fluent-bit.conf",
    fluentBitParsers: "/etc/fluent-bit/hms-parsers.conf",
    nginxExporterDefaults: "/etc/default/prometheus-nginx-exporter",
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
    if (
        url.protocol !== "https:" ||
        url.username !== "" ||
        url.password !== "" ||
        url.search !== "" ||
        url.hash !== ""
    ) {
        throw new Error(
            `renderTelemetry: ${what} = ${JSON.stringify(value)}: must be an https URL without credentials, query or fragment`,
        );
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
        throw new Error(
            `renderTelemetry: region = ${JSON.stringify(args.region)}: must be an AWS region, e.g. sa-east-1`,
        );
    }
    if (!LABEL_VALUE.test(args.environment)) {
        throw new Error(
            `renderTelemetry: environment = ${JSON.stringify(args.environment)}: letters, digits, "_", "." and "-" only`,
        );
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
        logFormatOf(f);
    }
    for (const u of args.probeUrls ?? []) {
        if (args.role !== "grafana") {
            throw new Error(
                `renderTelemetry: probeUrls are probed from the Grafana server only, not from role ${args.role}`,
            );
        }
        httpsUrl("probeUrls entry", u);
    }
}

/** Scrape jobs of a tier: the node exporter everywhere, log-derived metrics, and the tier's own exporters. */
export function scrapeJobs(args: Pick<TelemetryArgs, "role" | "probeUrls">): object[] {
    const jobs: object[] = [
        { job_name: "node", static_configs: [{ targets: [NODE_EXPORTER_ADDRESS] }] },
        { job_name: "logs", metrics_path: "/metrics", static_configs: [{ targets: [FLUENT_BIT_METRICS_ADDRESS] }] },
    ];
    if (args.role === "nginx") {
        jobs.push({ job_name: "nginx", static_configs: [{ targets: [NGINX_EXPORTER_ADDRESS] }] });
    }
    if (args.role === "app") {
        // PHP-FPM answers in OpenMetrics itself (PHP 8.1+); the status server proxies it on localhost.
        jobs.push({
            job_name: "php-fpm",
            metrics_path: FPM_STATUS_PATH,
            params: { openmetrics: [""] },
            static_configs: [{ targets: [STATUS_ADDRESS] }],
        });
    }
    if (args.role === "websocket") {
        jobs.push({ job_name: "websocket", static_configs: [{ targets: [WEBSOCKET_METRICS_ADDRESS] }] });
    }
    if (args.role === "grafana" && (args.probeUrls ?? []).length > 0) {
        // The blackbox exporter's multi-target pattern: the probed URL becomes `instance`.
        jobs.push({
            job_name: "edge",
            metrics_path: "/probe",
            params: { module: ["https_2xx"] },
            scrape_interval: "60s",
            static_configs: [{ targets: args.probeUrls }],
            relabel_configs: [
                { source_labels: ["__address__"], target_label: "__param_target" },
                { source_labels: ["__param_target"], target_label: "instance" },
                { target_label: "__address__", replacement: BLACKBOX_EXPORTER_ADDRESS },
            ],
        });
    }
    return jobs;
}

/** Prometheus configuration: scrape the local exporters, remote-write with SigV4. */
export function renderPrometheusConfig(args: TelemetryArgs): string {
    // The file is YAML; JSON is valid YAML, so values are written with
    // JSON.stringify and cannot break the document.
    const q = JSON.stringify;
    return [
        "# Generated by templates/telemetry.ts: local exporters -> Amazon Managed Prometheus (SigV4).",
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
        ...scrapeJobs(args).map((j) => `  - ${q(j)}`),
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

/** Fluent Bit parsers file (classic format). */
export function renderFluentBitParsers(): string {
    const out = ["# Generated by templates/telemetry.ts: parsers of the HMS log formats."];
    for (const p of LOG_PARSERS) {
        out.push(
            "",
            "[PARSER]",
            `    Name ${p.name}`,
            `    Format ${p.format}`,
            ...(p.regex ? [`    Regex ${p.regex}`] : []),
            `    Time_Key ${p.timeKey}`,
            `    Time_Format ${p.timeFormat}`,
            "    Time_Keep On",
            ...(p.types ? [`    Types ${p.types}`] : []),
        );
    }
    return out.join("\n") + "\n";
}

/** The log files a host ships: its own plus the system log. */
export function shippedLogFiles(args: Pick<TelemetryArgs, "logFiles">): string[] {
    return [...new Set([...args.logFiles, SYSLOG_FILE])];
}

/**
 * Fluent Bit configuration (classic format): tail each log file, parse it
 * (LOG_FORMATS), add the host's identity, derive request and error metrics
 * from the parsed records (log_to_metrics, exposed to Prometheus on
 * localhost) and post the records to the pipeline with SigV4.
 */
export function renderFluentBitConfig(args: TelemetryArgs): string {
    const target = ingestTarget(args.logsIngestEndpoint);
    const out: string[] = [
        "# Generated by templates/telemetry.ts: logs -> OpenSearch Ingestion (HTTPS, SigV4).",
        "[SERVICE]",
        "    Flush 5",
        "    Daemon Off",
        "    Log_Level info",
        "    HTTP_Server Off",
        `    Parsers_File ${TELEMETRY_PATHS.fluentBitParsers}`,
        "    storage.path /var/lib/fluent-bit/buffer",
        "    storage.sync normal",
        "    storage.backlog.mem_limit 16M",
    ];
    shippedLogFiles(args).forEach((path, i) => {
        const f = logFormatOf(path);
        const tag = `hms.${f.kind}.${i + 1}`;
        out.push(
            "",
            "[INPUT]",
            "    Name tail",
            `    Tag ${tag}`,
            `    Path ${path}`,
            "    Path_Key log_file",
            `    DB /var/lib/fluent-bit/tail-${i + 1}.db`,
            "    DB.locking true",
            "    Mem_Buf_Limit 32MB",
            "    Skip_Long_Lines On",
            "    Refresh_Interval 10",
            "    storage.type filesystem",
            "",
            "[FILTER]",
            "    Name parser",
            `    Match ${tag}`,
            "    Key_Name log",
            ...f.parsers.map((p) => `    Parser ${p}`),
            "    Reserve_Data On",
            "    Preserve_Key Off",
        );
    });
    out.push(
        "",
        "# The request's Host header (JSON access log) must not collide with the server's name.",
        "[FILTER]",
        "    Name modify",
        "    Match hms.*",
        "    Rename host request_host",
        "",
        "[FILTER]",
        "    Name record_modifier",
        "    Match hms.*",
        `    Record environment ${args.environment}`,
        `    Record role ${args.role}`,
        "    Record instance_id ${HMS_INSTANCE_ID}",
        "    Record host ${HMS_HOSTNAME}",
        "",
        "# Requests by status, from the parsed access logs.",
        "[FILTER]",
        "    Name log_to_metrics",
        "    Match hms.access.*",
        "    Tag hms_metrics",
        "    Metric_Mode counter",
        "    Metric_Namespace hms",
        "    Metric_Subsystem http",
        "    Metric_Name requests_total",
        "    Metric_Description Requests answered, by HTTP status",
        "    Label_Field status",
        "    Regex status ^[0-9]{3}$",
        "",
        "# Request duration, from the JSON access log's request_time (seconds).",
        "[FILTER]",
        "    Name log_to_metrics",
        "    Match hms.access.*",
        "    Tag hms_metrics",
        "    Metric_Mode histogram",
        "    Metric_Namespace hms",
        "    Metric_Subsystem http",
        "    Metric_Name request_duration_seconds",
        "    Metric_Description Time to answer a request (Nginx request_time)",
        "    Value_Field request_time",
        "    Regex request_time ^[0-9.]+$",
        ...LATENCY_BUCKETS.map((b) => `    Bucket ${b}`),
        "",
        "# Errors logged (Nginx/PHP-FPM error logs and the WebSocket log).",
        "[FILTER]",
        "    Name log_to_metrics",
        "    Match_Regex ^hms\\.(error|app)\\.",
        "    Tag hms_metrics",
        "    Metric_Mode counter",
        "    Metric_Namespace hms",
        "    Metric_Subsystem log",
        "    Metric_Name errors_total",
        "    Metric_Description Log records of level error or worse",
        "    Regex level ^(?i)(error|err|crit|critical|alert|emerg|fatal)$",
        "",
        "[OUTPUT]",
        "    Name prometheus_exporter",
        "    Match hms_metrics",
        `    Host ${FLUENT_BIT_METRICS_ADDRESS.split(":")[0]}`,
        `    Port ${FLUENT_BIT_METRICS_ADDRESS.split(":")[1]}`,
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
    );
    return out.join("\n");
}

/**
 * The local status server, for the tiers' Nginx site configuration: stub_status
 * (read by the Nginx exporter) and, on app servers, PHP-FPM's status page
 * (`pm.status_path` = FPM_STATUS_PATH in the pool). Localhost only.
 */
export function renderStatusServer(opts: { phpFpmSocket?: string; listen?: string } = {}): string {
    return [
        "# Generated by templates/telemetry.ts: status pages for the local metric exporters, localhost only.",
        "server {",
        `    listen ${opts.listen ?? STATUS_ADDRESS};`,
        "    server_name localhost;",
        "    access_log off;",
        "    allow 127.0.0.1;",
        "    allow unix:;",
        "    deny all;",
        `    location = ${STUB_STATUS_PATH} {`,
        "        stub_status;",
        "    }",
        ...(opts.phpFpmSocket
            ? [
                  `    location = ${FPM_STATUS_PATH} {`,
                  "        include fastcgi_params;",
                  `        fastcgi_param SCRIPT_NAME ${FPM_STATUS_PATH};`,
                  `        fastcgi_param SCRIPT_FILENAME ${FPM_STATUS_PATH};`,
                  `        fastcgi_pass unix:${opts.phpFpmSocket};`,
                  "    }",
              ]
            : []),
        "}",
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
# The Nginx tier's exporter (installed there only) picks up its defaults file.
if [ -f ${p.nginxExporterDefaults} ] && systemctl cat prometheus-nginx-exporter.service > /dev/null 2>&1; then
    systemctl enable prometheus-nginx-exporter
    systemctl restart prometheus-nginx-exporter
fi

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
        packages: [
            "prometheus-node-exporter",
            "prometheus",
            ...(args.role === "nginx" ? ["prometheus-nginx-exporter"] : []),
            "curl",
            "gnupg",
            "ca-certificates",
        ],
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
                path: p.fluentBitParsers,
                content: renderFluentBitParsers(),
                permissions: "0644",
            },
            ...(args.role === "nginx"
                ? [
                      {
                          // Read by the Ubuntu package's unit; double-dash flags are accepted by 0.x (Go flag) and 1.x (kingpin).
                          path: p.nginxExporterDefaults,
                          content: `# Generated by templates/telemetry.ts: stub_status -> metrics, on localhost only.\nARGS="--nginx.scrape-uri=http://${STATUS_ADDRESS}${STUB_STATUS_PATH} --web.listen-address=${NGINX_EXPORTER_ADDRESS}"\n`,
                          permissions: "0644",
                      },
                  ]
                : []),
            {
                path: p.fluentBitDropIn,
                content: [
                    "# Generated by templates/telemetry.ts",
                    "[Service]",
                    `EnvironmentFile=-${p.environmentFile}`,
                    "",
                ].join("\n"),
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
