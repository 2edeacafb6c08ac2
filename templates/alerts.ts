// Alerts for what hurts patients and staff, each with a runbook in the README
// (section "Runbooks", anchors `runbook-<id>`). Three kinds:
// - Prometheus rules, evaluated by the Amazon Managed Service for Prometheus
//   ruler and routed by its Alertmanager to the alarm topic (SNS);
// - EventBridge events (failovers, failed backup and copy jobs) routed to the
//   alarm topic by the Alerts component;
// - CloudWatch alarms that other tiers create next to their resources (listed
//   here so that each has a runbook too).
// Pure functions and data; the rules are checked with `promtool check rules`.

import { stringify } from "yaml";

export interface RunbookRef {
    /** README anchor is `runbook-<runbook>`. */
    runbook: string;
}

export interface PrometheusAlert extends RunbookRef {
    alert: string;
    expr: string;
    for: string;
    severity: "page" | "ticket";
    summary: string;
}

export interface EventAlert extends RunbookRef {
    /** Suffix of the EventBridge rule's name. */
    id: string;
    description: string;
    pattern: object;
}

export interface CloudWatchAlert extends RunbookRef {
    /** Tier (component file) that creates the alarm. */
    tier: string;
    namespace: string;
    metric: string;
    what: string;
}

/** Where a runbook lives, as written into alert annotations. */
export function runbookUrl(runbook: string): string {
    return `README.md#runbook-${runbook}`;
}

/** Thresholds of the Prometheus alerts. */
export const ALERT_THRESHOLDS = {
    /** Share of 5xx responses among all responses at the Nginx tier. */
    errorRatio: 0.05,
    /** p95 request duration at the Nginx tier, seconds. */
    p95Seconds: 2,
    /** Days before the edge certificate expires. */
    certificateDays: 14,
    /** Free share of a filesystem below which a predicted fill pages. */
    diskFreeRatio: 0.15,
    /** Share of WebSocket handshakes the service itself refuses (5xx or no answer). */
    websocketRefusedRatio: 0.5,
    /** p99 event-loop lag of the WebSocket service, seconds: every message waits that long. */
    websocketLagSeconds: 0.5,
} as const;

/** WebSocket handshakes per second by outcome, per host (the service's own metrics, job "websocket"). */
const wsRate = (metric: string, selector = "") => `sum by (host) (rate(${metric}{job="websocket"${selector}}[5m]))`;

export const PROMETHEUS_ALERTS: readonly PrometheusAlert[] = [
    {
        alert: "SiteDownAtEdge",
        expr: 'max by (instance) (probe_success{job="edge"}) == 0',
        for: "3m",
        severity: "page",
        summary: "The public site does not answer through Cloudflare ({{ $labels.instance }})",
        runbook: "site-down",
    },
    {
        alert: "CertificateExpiresSoon",
        expr: `min by (instance) (probe_ssl_earliest_cert_expiry{job="edge"} - time()) < ${ALERT_THRESHOLDS.certificateDays} * 86400`,
        for: "1h",
        severity: "ticket",
        summary: `A certificate presented at {{ $labels.instance }} expires in less than ${ALERT_THRESHOLDS.certificateDays} days`,
        runbook: "certificate-expiry",
    },
    {
        alert: "High5xxRate",
        expr:
            'sum by (environment) (rate(hms_http_requests_total{role="nginx",status=~"5.."}[5m]))' +
            ` / sum by (environment) (rate(hms_http_requests_total{role="nginx"}[5m])) > ${ALERT_THRESHOLDS.errorRatio}`,
        for: "5m",
        severity: "page",
        summary: `More than ${ALERT_THRESHOLDS.errorRatio * 100}% of requests fail with 5xx at the Nginx tier`,
        runbook: "high-5xx-rate",
    },
    {
        alert: "HighLatencyP95",
        expr:
            'histogram_quantile(0.95, sum by (environment, le) (rate(hms_http_request_duration_seconds_bucket{role="nginx"}[5m])))' +
            ` > ${ALERT_THRESHOLDS.p95Seconds}`,
        for: "10m",
        severity: "page",
        summary: `95th percentile response time above ${ALERT_THRESHOLDS.p95Seconds} s at the Nginx tier`,
        runbook: "high-latency",
    },
    {
        alert: "DiskFilling",
        expr:
            'node_filesystem_avail_bytes{fstype!~"tmpfs|overlay|squashfs"} / node_filesystem_size_bytes{fstype!~"tmpfs|overlay|squashfs"}' +
            ` < ${ALERT_THRESHOLDS.diskFreeRatio}` +
            ' and predict_linear(node_filesystem_avail_bytes{fstype!~"tmpfs|overlay|squashfs"}[6h], 86400) < 0',
        for: "30m",
        severity: "page",
        summary: "{{ $labels.host }} ({{ $labels.role }}): {{ $labels.mountpoint }} will be full within a day",
        runbook: "disk-filling",
    },
    {
        alert: "TelemetryTargetDown",
        expr: "up == 0",
        for: "10m",
        severity: "ticket",
        summary: "{{ $labels.host }} ({{ $labels.role }}): the {{ $labels.job }} exporter does not answer",
        runbook: "target-down",
    },
    {
        alert: "WebSocketHandshakesFailing",
        expr:
            `${wsRate("hms_websocket_rejected_upgrades_total", ',status=~"5..|none"')}` +
            ` / (${wsRate("hms_websocket_connections_total")} + ${wsRate("hms_websocket_rejected_upgrades_total")} + ${wsRate("hms_websocket_auth_failures_total")})` +
            ` > ${ALERT_THRESHOLDS.websocketRefusedRatio}`,
        for: "10m",
        severity: "page",
        summary: `{{ $labels.host }}: the WebSocket service refuses more than ${ALERT_THRESHOLDS.websocketRefusedRatio * 100}% of connections (staff get no live updates)`,
        runbook: "websocket-refusing",
    },
    {
        alert: "WebSocketEventLoopLag",
        expr: `max by (host) (nodejs_eventloop_lag_p99_seconds{job="websocket"}) > ${ALERT_THRESHOLDS.websocketLagSeconds}`,
        for: "10m",
        severity: "ticket",
        summary: `{{ $labels.host }}: the WebSocket service's event loop lags more than ${ALERT_THRESHOLDS.websocketLagSeconds} s (live updates arrive late)`,
        runbook: "websocket-lag",
    },
    {
        alert: "PhpFpmSaturated",
        expr: "max by (host) (phpfpm_listen_queue) > 0 and increase(phpfpm_max_children_reached[15m]) > 0",
        for: "10m",
        severity: "ticket",
        summary: "{{ $labels.host }}: every PHP-FPM worker is busy and requests queue",
        runbook: "php-fpm-saturated",
    },
];

/** EventBridge patterns of events that need a person now (filtered to this environment by `prefix`). */
export function eventAlerts(prefix: string): EventAlert[] {
    return [
        {
            id: "database-failover",
            description: "Aurora cluster failover started or finished",
            // https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_Events.Messages.html (category failover)
            pattern: {
                source: ["aws.rds"],
                "detail-type": ["RDS DB Cluster Event"],
                detail: { EventCategories: ["failover"], SourceIdentifier: [{ prefix }] },
            },
            runbook: "database-failover",
        },
        {
            id: "cache-failover",
            description: "ElastiCache replication group updated by a failover or a failed update",
            // https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-elasticache.html
            pattern: {
                source: ["aws.elasticache"],
                "detail-type": ["Cache Update Failed", "Cache Updated"],
                detail: {
                    SourceIdentifier: [{ prefix }],
                    EventCategories: [{ "anything-but": ["configuration change"] }],
                },
            },
            runbook: "cache-failover",
        },
        {
            id: "backup-failed",
            description: "AWS Backup job or cross-region copy job did not complete",
            // https://docs.aws.amazon.com/aws-backup/latest/devguide/eventbridge.html
            pattern: {
                source: ["aws.backup"],
                "detail-type": ["Backup Job State Change", "Copy Job State Change"],
                detail: { state: ["FAILED", "ABORTED", "EXPIRED"] },
            },
            runbook: "backup-failed",
        },
    ];
}

/** CloudWatch alarms the tiers create, and their runbooks. */
export const CLOUDWATCH_ALERTS: readonly CloudWatchAlert[] = [
    {
        tier: "database",
        namespace: "AWS/RDS",
        metric: "AuroraReplicaLagMaximum",
        what: "replica lag",
        runbook: "database-replica-lag",
    },
    {
        tier: "cache",
        namespace: "AWS/ElastiCache",
        metric: "Evictions",
        what: "keys evicted for lack of memory",
        runbook: "cache-evictions",
    },
    {
        tier: "cache",
        namespace: "AWS/ElastiCache",
        metric: "ReplicationLag",
        what: "replica lag",
        runbook: "cache-failover",
    },
    {
        tier: "backup",
        namespace: "AWS/Backup",
        metric: "NumberOfBackupJobsFailed",
        what: "backup jobs failed",
        runbook: "backup-failed",
    },
    {
        tier: "backup",
        namespace: "AWS/Backup",
        metric: "NumberOfCopyJobsFailed",
        what: "copy jobs failed",
        runbook: "backup-failed",
    },
    {
        tier: "load-balancer",
        namespace: "AWS/NetworkELB",
        metric: "UnHealthyHostCount",
        what: "unhealthy Nginx servers",
        runbook: "site-down",
    },
    {
        tier: "monitoring",
        namespace: "AWS/ES",
        metric: "FreeStorageSpace",
        what: "log store filling",
        runbook: "log-store",
    },
    {
        tier: "monitoring",
        namespace: "AWS/ES",
        metric: "ClusterIndexWritesBlocked",
        what: "log store blocks writes",
        runbook: "log-store",
    },
];

/** The Prometheus rule file (one group), as the AMP ruler and `promtool check rules` read it. */
export function renderPrometheusRules(environment: string): string {
    return stringify(
        {
            groups: [
                {
                    name: "hms",
                    interval: "1m",
                    rules: PROMETHEUS_ALERTS.map((a) => ({
                        alert: a.alert,
                        expr: a.expr,
                        for: a.for,
                        labels: { severity: a.severity, environment },
                        annotations: { summary: a.summary, runbook_url: runbookUrl(a.runbook) },
                    })),
                },
            ],
        },
        { lineWidth: 0 },
    );
}

/**
 * The Alertmanager definition of Amazon Managed Service for Prometheus: every
 * alert to the alarm topic (SNS, SigV4-signed by the service), grouped per
 * alert and environment, repeated every 4 hours while firing.
 * https://docs.aws.amazon.com/prometheus/latest/userguide/AMP-alertmanager-receiver-config.html
 */
export function renderAlertmanagerDefinition(args: { topicArn: string; region: string }): string {
    if (!/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/.test(args.topicArn)) {
        throw new Error(
            `renderAlertmanagerDefinition: topicArn = ${JSON.stringify(args.topicArn)} is not an SNS topic ARN`,
        );
    }
    const config = {
        route: {
            receiver: "alarm-topic",
            group_by: ["alertname", "environment"],
            group_wait: "30s",
            group_interval: "5m",
            repeat_interval: "4h",
        },
        receivers: [
            {
                name: "alarm-topic",
                sns_configs: [
                    {
                        topic_arn: args.topicArn,
                        sigv4: { region: args.region },
                        subject:
                            "[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }} ({{ .CommonLabels.environment }})",
                        message:
                            "{{ range .Alerts }}{{ .Annotations.summary }}\nRunbook: {{ .Annotations.runbook_url }}\n{{ end }}",
                        send_resolved: true,
                    },
                ],
            },
        ],
    };
    return stringify({ alertmanager_config: stringify(config, { lineWidth: 0 }) }, { lineWidth: 0 });
}
