// Grafana dashboards as code: one model per dashboard (rows of panels, each
// panel one or more queries against Prometheus or CloudWatch), rendered to
// the JSON Grafana provisions from files. Every query names a metric of
// templates/metrics-catalog.ts (enforced by tests/telemetry.test.ts). Pure.

/** Data source uids, fixed by the provisioning file (templates/grafana.ts). */
export const DATASOURCE_UIDS = {
    prometheus: "hms-prometheus",
    cloudwatch: "hms-cloudwatch",
    opensearch: "hms-opensearch",
} as const;

export type PanelQuery =
    | { kind: "prometheus"; expr: string; legend?: string }
    | {
          kind: "cloudwatch";
          namespace: string;
          metric: string;
          stat: "Average" | "Maximum" | "Minimum" | "Sum";
          dimensions: Record<string, string>;
      };

export interface PanelModel {
    title: string;
    unit?: string;
    queries: PanelQuery[];
}

export interface DashboardModel {
    uid: string;
    title: string;
    /** What it is for (shown as the dashboard description). */
    description: string;
    panels: PanelModel[];
}

const prom = (expr: string, legend?: string): PanelQuery => ({ kind: "prometheus", expr, legend });
/** A CloudWatch query over every resource of a namespace with the given dimension ("*" = all values). */
const cw = (
    namespace: string,
    metric: string,
    stat: "Average" | "Maximum" | "Minimum" | "Sum",
    dimension: string,
): PanelQuery => ({
    kind: "cloudwatch",
    namespace,
    metric,
    stat,
    dimensions: { [dimension]: "*" },
});
const envSel = 'environment="$environment"';

export const DASHBOARDS: readonly DashboardModel[] = [
    {
        uid: "hms-edge",
        title: "HMS / Edge and load balancer",
        description:
            "Is the site up for patients and staff? Probes through Cloudflare, then the NLB in front of Nginx.",
        panels: [
            {
                title: "Site answers through Cloudflare",
                unit: "bool_yes_no",
                queries: [prom('probe_success{job="edge"}', "{{instance}}")],
            },
            {
                title: "Time to answer through Cloudflare",
                unit: "s",
                queries: [prom('probe_duration_seconds{job="edge"}', "{{instance}}")],
            },
            { title: "HTTP status at the edge", queries: [prom('probe_http_status_code{job="edge"}', "{{instance}}")] },
            {
                title: "Days until the edge certificate expires",
                unit: "d",
                queries: [prom('(probe_ssl_earliest_cert_expiry{job="edge"} - time()) / 86400', "{{instance}}")],
            },
            {
                title: "NLB healthy / unhealthy Nginx servers",
                queries: [
                    cw("AWS/NetworkELB", "HealthyHostCount", "Minimum", "TargetGroup"),
                    cw("AWS/NetworkELB", "UnHealthyHostCount", "Maximum", "TargetGroup"),
                ],
            },
            {
                title: "NLB active and new flows",
                queries: [
                    cw("AWS/NetworkELB", "ActiveFlowCount", "Average", "LoadBalancer"),
                    cw("AWS/NetworkELB", "NewFlowCount", "Sum", "LoadBalancer"),
                ],
            },
            {
                title: "NLB bytes processed",
                unit: "bytes",
                queries: [cw("AWS/NetworkELB", "ProcessedBytes", "Sum", "LoadBalancer")],
            },
            {
                title: "NLB TCP resets (target, ELB, client)",
                queries: [
                    cw("AWS/NetworkELB", "TCP_Target_Reset_Count", "Sum", "LoadBalancer"),
                    cw("AWS/NetworkELB", "TCP_ELB_Reset_Count", "Sum", "LoadBalancer"),
                    cw("AWS/NetworkELB", "TCP_Client_Reset_Count", "Sum", "LoadBalancer"),
                ],
            },
        ],
    },
    {
        uid: "hms-nginx",
        title: "HMS / Nginx",
        description:
            "The reverse proxy tier: requests, errors and latency from its parsed access log; connections from stub_status.",
        panels: [
            {
                title: "Requests per second by status",
                unit: "reqps",
                queries: [
                    prom(`sum by (status) (rate(hms_http_requests_total{role="nginx",${envSel}}[5m]))`, "{{status}}"),
                ],
            },
            {
                title: "Share of 5xx responses",
                unit: "percentunit",
                queries: [
                    prom(
                        `sum(rate(hms_http_requests_total{role="nginx",${envSel},status=~"5.."}[5m])) / sum(rate(hms_http_requests_total{role="nginx",${envSel}}[5m]))`,
                        "5xx",
                    ),
                ],
            },
            {
                title: "Response time p50 / p95 / p99",
                unit: "s",
                queries: [0.5, 0.95, 0.99].map((q) =>
                    prom(
                        `histogram_quantile(${q}, sum by (le) (rate(hms_http_request_duration_seconds_bucket{role="nginx",${envSel}}[5m])))`,
                        `p${q * 100}`,
                    ),
                ),
            },
            {
                title: "Connections (active, reading, writing, waiting)",
                queries: ["active", "reading", "writing", "waiting"].map((s) =>
                    prom(`sum by (host) (nginx_connections_${s}{${envSel}})`, `{{host}} ${s}`),
                ),
            },
            {
                title: "Accepted vs handled connections",
                queries: [
                    prom(`sum(rate(nginx_connections_accepted{${envSel}}[5m]))`, "accepted"),
                    prom(`sum(rate(nginx_connections_handled{${envSel}}[5m]))`, "handled"),
                ],
            },
            { title: "Exporter up", unit: "bool_yes_no", queries: [prom(`nginx_up{${envSel}}`, "{{host}}")] },
        ],
    },
    {
        uid: "hms-wordpress",
        title: "HMS / WordPress and PHP-FPM",
        description: "The application: PHP-FPM workers and queue, slow requests, and the app servers' errors.",
        panels: [
            {
                title: "Active / idle PHP-FPM workers",
                queries: [
                    prom(`sum by (host) (phpfpm_active_processes{${envSel}})`, "{{host}} active"),
                    prom(`sum by (host) (phpfpm_idle_processes{${envSel}})`, "{{host}} idle"),
                ],
            },
            {
                title: "Requests waiting for a worker",
                queries: [prom(`max by (host) (phpfpm_listen_queue{${envSel}})`, "{{host}}")],
            },
            {
                title: "Requests accepted per second",
                unit: "reqps",
                queries: [prom(`sum by (host) (rate(phpfpm_accepted_connections{${envSel}}[5m]))`, "{{host}}")],
            },
            {
                title: "Max children reached / slow requests (15 min)",
                queries: [
                    prom(
                        `sum by (host) (increase(phpfpm_max_children_reached{${envSel}}[15m]))`,
                        "{{host}} max children",
                    ),
                    prom(`sum by (host) (increase(phpfpm_slow_requests{${envSel}}[15m]))`, "{{host}} slow"),
                ],
            },
            {
                title: "App server requests by status",
                unit: "reqps",
                queries: [
                    prom(`sum by (status) (rate(hms_http_requests_total{role="app",${envSel}}[5m]))`, "{{status}}"),
                ],
            },
            {
                title: "PHP and WordPress errors per minute",
                queries: [
                    prom(`sum by (host) (rate(hms_log_errors_total{role="app",${envSel}}[5m])) * 60`, "{{host}}"),
                ],
            },
        ],
    },
    {
        uid: "hms-aurora",
        title: "HMS / Aurora MySQL",
        description: "Patients' records: the Aurora cluster's load, connections, latency and replica lag.",
        panels: [
            {
                title: "CPU",
                unit: "percent",
                queries: [cw("AWS/RDS", "CPUUtilization", "Average", "DBInstanceIdentifier")],
            },
            { title: "Connections", queries: [cw("AWS/RDS", "DatabaseConnections", "Sum", "DBInstanceIdentifier")] },
            {
                title: "Freeable memory",
                unit: "bytes",
                queries: [cw("AWS/RDS", "FreeableMemory", "Minimum", "DBInstanceIdentifier")],
            },
            {
                title: "Read / write / commit latency",
                unit: "ms",
                queries: [
                    cw("AWS/RDS", "ReadLatency", "Average", "DBInstanceIdentifier"),
                    cw("AWS/RDS", "WriteLatency", "Average", "DBInstanceIdentifier"),
                    cw("AWS/RDS", "CommitLatency", "Average", "DBInstanceIdentifier"),
                ],
            },
            {
                title: "Replica lag",
                unit: "ms",
                queries: [
                    cw("AWS/RDS", "AuroraReplicaLagMaximum", "Maximum", "DBClusterIdentifier"),
                    cw("AWS/RDS", "AuroraReplicaLag", "Maximum", "DBInstanceIdentifier"),
                ],
            },
            {
                title: "Deadlocks and buffer cache hit ratio",
                queries: [
                    cw("AWS/RDS", "Deadlocks", "Sum", "DBInstanceIdentifier"),
                    cw("AWS/RDS", "BufferCacheHitRatio", "Average", "DBInstanceIdentifier"),
                ],
            },
            {
                title: "Cluster volume used",
                unit: "bytes",
                queries: [cw("AWS/RDS", "VolumeBytesUsed", "Maximum", "DBClusterIdentifier")],
            },
        ],
    },
    {
        uid: "hms-redis",
        title: "HMS / Redis (ElastiCache)",
        description: "Sessions and object cache: memory, evictions, hit rate, replication.",
        panels: [
            {
                title: "Engine CPU",
                unit: "percent",
                queries: [cw("AWS/ElastiCache", "EngineCPUUtilization", "Average", "CacheClusterId")],
            },
            {
                title: "Memory used",
                unit: "percent",
                queries: [cw("AWS/ElastiCache", "DatabaseMemoryUsagePercentage", "Maximum", "CacheClusterId")],
            },
            { title: "Evictions", queries: [cw("AWS/ElastiCache", "Evictions", "Sum", "CacheClusterId")] },
            {
                title: "Hit rate",
                unit: "percent",
                queries: [cw("AWS/ElastiCache", "CacheHitRate", "Average", "CacheClusterId")],
            },
            {
                title: "Connections and items",
                queries: [
                    cw("AWS/ElastiCache", "CurrConnections", "Maximum", "CacheClusterId"),
                    cw("AWS/ElastiCache", "CurrItems", "Maximum", "CacheClusterId"),
                ],
            },
            {
                title: "Replication lag",
                unit: "s",
                queries: [cw("AWS/ElastiCache", "ReplicationLag", "Maximum", "CacheClusterId")],
            },
        ],
    },
    {
        uid: "hms-websocket",
        title: "HMS / WebSocket server",
        description:
            "The real-time service: connections, messages and refused handshakes from its own metrics endpoint, its event loop and memory, its host and log errors.",
        panels: [
            {
                title: "Open connections",
                queries: [prom(`sum by (host) (hms_websocket_connections_open{${envSel}})`, "{{host}}")],
            },
            {
                title: "New connections and messages per second",
                queries: [
                    prom(
                        `sum by (host) (rate(hms_websocket_connections_total{${envSel}}[5m]))`,
                        "{{host}} connections",
                    ),
                    prom(
                        `sum by (host, direction) (rate(hms_websocket_messages_total{${envSel}}[5m]))`,
                        "{{host}} messages {{direction}}",
                    ),
                ],
            },
            {
                title: "Refused handshakes per minute (authentication, other by status)",
                queries: [
                    prom(
                        `sum by (host) (rate(hms_websocket_auth_failures_total{${envSel}}[5m])) * 60`,
                        "{{host}} auth",
                    ),
                    prom(
                        `sum by (host, status) (rate(hms_websocket_rejected_upgrades_total{${envSel}}[5m])) * 60`,
                        "{{host}} {{status}}",
                    ),
                ],
            },
            {
                title: "Connection errors per minute",
                queries: [
                    prom(
                        `sum by (host, kind) (rate(hms_websocket_errors_total{${envSel}}[5m])) * 60`,
                        "{{host}} {{kind}}",
                    ),
                ],
            },
            {
                title: "Event loop lag (p99, max)",
                unit: "s",
                queries: [
                    prom(`max by (host) (nodejs_eventloop_lag_p99_seconds{job="websocket",${envSel}})`, "{{host}} p99"),
                    prom(`max by (host) (nodejs_eventloop_lag_max_seconds{job="websocket",${envSel}})`, "{{host}} max"),
                ],
            },
            {
                title: "Service memory (resident, heap used)",
                unit: "bytes",
                queries: [
                    prom(`process_resident_memory_bytes{job="websocket",${envSel}}`, "{{host}} resident"),
                    prom(`nodejs_heap_size_used_bytes{job="websocket",${envSel}}`, "{{host}} heap"),
                ],
            },
            {
                title: "Telemetry targets up",
                unit: "bool_yes_no",
                queries: [prom(`up{role="websocket",${envSel}}`, "{{host}} {{job}}")],
            },
            {
                title: "Errors logged per minute",
                queries: [
                    prom(`sum by (host) (rate(hms_log_errors_total{role="websocket",${envSel}}[5m])) * 60`, "{{host}}"),
                ],
            },
            {
                title: "CPU busy",
                unit: "percentunit",
                queries: [
                    prom(
                        `1 - avg by (host) (rate(node_cpu_seconds_total{mode="idle",role="websocket",${envSel}}[5m]))`,
                        "{{host}}",
                    ),
                ],
            },
            {
                title: "Network in / out",
                unit: "Bps",
                queries: [
                    prom(
                        `sum by (host) (rate(node_network_receive_bytes_total{role="websocket",${envSel},device!="lo"}[5m]))`,
                        "{{host}} in",
                    ),
                    prom(
                        `sum by (host) (rate(node_network_transmit_bytes_total{role="websocket",${envSel},device!="lo"}[5m]))`,
                        "{{host}} out",
                    ),
                ],
            },
        ],
    },
    {
        uid: "hms-hosts",
        title: "HMS / Hosts",
        description: "Every EC2 server: CPU, memory, disks, load and network, by tier.",
        panels: [
            {
                title: "CPU busy",
                unit: "percentunit",
                queries: [
                    prom(
                        `1 - avg by (host, role) (rate(node_cpu_seconds_total{mode="idle",${envSel}}[5m]))`,
                        "{{role}} {{host}}",
                    ),
                ],
            },
            {
                title: "Memory available",
                unit: "percentunit",
                queries: [
                    prom(
                        `node_memory_MemAvailable_bytes{${envSel}} / node_memory_MemTotal_bytes{${envSel}}`,
                        "{{role}} {{host}}",
                    ),
                ],
            },
            {
                title: "Disk free",
                unit: "percentunit",
                queries: [
                    prom(
                        `node_filesystem_avail_bytes{fstype!~"tmpfs|overlay|squashfs",${envSel}} / node_filesystem_size_bytes{fstype!~"tmpfs|overlay|squashfs",${envSel}}`,
                        "{{host}} {{mountpoint}}",
                    ),
                ],
            },
            { title: "Load (1 min)", queries: [prom(`node_load1{${envSel}}`, "{{role}} {{host}}")] },
            {
                title: "Disk busy",
                unit: "percentunit",
                queries: [prom(`rate(node_disk_io_time_seconds_total{${envSel}}[5m])`, "{{host}} {{device}}")],
            },
            {
                title: "EC2 status checks failed",
                queries: [cw("AWS/EC2", "StatusCheckFailed", "Maximum", "InstanceId")],
            },
        ],
    },
    {
        uid: "hms-backups",
        title: "HMS / Backups",
        description: "AWS Backup: jobs and cross-region copies completed and failed, restore tests.",
        panels: [
            {
                title: "Backup jobs completed / failed",
                queries: [
                    cw("AWS/Backup", "NumberOfBackupJobsCompleted", "Sum", "BackupVaultName"),
                    cw("AWS/Backup", "NumberOfBackupJobsFailed", "Sum", "BackupVaultName"),
                ],
            },
            {
                title: "Copy jobs completed / failed",
                queries: [
                    cw("AWS/Backup", "NumberOfCopyJobsCompleted", "Sum", "BackupVaultName"),
                    cw("AWS/Backup", "NumberOfCopyJobsFailed", "Sum", "BackupVaultName"),
                ],
            },
            {
                title: "Recovery points created",
                queries: [cw("AWS/Backup", "NumberOfRecoveryPointsCompleted", "Sum", "BackupVaultName")],
            },
            {
                title: "Restore jobs failed",
                queries: [cw("AWS/Backup", "NumberOfRestoreJobsFailed", "Sum", "BackupVaultName")],
            },
        ],
    },
];

function target(q: PanelQuery, refId: string, region: string): object {
    if (q.kind === "prometheus") {
        return {
            refId,
            datasource: { type: "prometheus", uid: DATASOURCE_UIDS.prometheus },
            expr: q.expr,
            legendFormat: q.legend ?? "__auto",
        };
    }
    return {
        refId,
        datasource: { type: "cloudwatch", uid: DATASOURCE_UIDS.cloudwatch },
        // Metric search (the default query type), every resource matching the dimensions.
        region,
        namespace: q.namespace,
        metricName: q.metric,
        statistic: q.stat,
        dimensions: q.dimensions,
        matchExact: false,
    };
}

/** Grafana dashboard JSON (schema 39) of a model; `region` is the CloudWatch region. */
export function renderDashboard(d: DashboardModel, region: string): string {
    const usesPrometheus = d.panels.some((p) => p.queries.some((q) => q.kind === "prometheus"));
    const dashboard = {
        uid: d.uid,
        title: d.title,
        description: d.description,
        tags: ["hms"],
        editable: false,
        schemaVersion: 39,
        time: { from: "now-6h", to: "now" },
        refresh: "1m",
        templating: {
            list: usesPrometheus
                ? [
                      {
                          name: "environment",
                          type: "query",
                          datasource: { type: "prometheus", uid: DATASOURCE_UIDS.prometheus },
                          query: "label_values(up, environment)",
                          refresh: 1,
                      },
                  ]
                : [],
        },
        panels: d.panels.map((p, i) => ({
            id: i + 1,
            type: "timeseries",
            title: p.title,
            gridPos: { h: 8, w: 12, x: (i % 2) * 12, y: Math.floor(i / 2) * 8 },
            ...(p.unit ? { fieldConfig: { defaults: { unit: p.unit } } } : {}),
            targets: p.queries.map((q, j) => target(q, String.fromCharCode(65 + j), region)),
        })),
    };
    // Compact: eight dashboards must fit, gzipped, in EC2's 16 KiB of user data.
    return JSON.stringify(dashboard) + "\n";
}
