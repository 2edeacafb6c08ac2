// The metrics this project can query, per producer: what each exporter on the
// hosts and each CloudWatch namespace actually publishes. Dashboards
// (templates/grafana-dashboards.ts) and alerts (templates/alerts.ts) may only
// name metrics listed here; tests/telemetry.test.ts enforces it, so a panel
// cannot silently show "No data" because nothing produces its series.
// Each table cites where its names come from. Pure data.

/** A Prometheus producer: an exporter or a synthetic series. */
export interface PrometheusProducer {
    /** Scrape job name (the `job` label) or "prometheus" for series Prometheus itself adds. */
    job: string;
    source: string;
    /** Metric names as exposed (histograms list `_bucket`, `_sum` and `_count`). */
    metrics: readonly string[];
}

export const PROMETHEUS_PRODUCERS: readonly PrometheusProducer[] = [
    {
        job: "prometheus",
        source: "https://prometheus.io/docs/concepts/jobs_instances/#automatically-generated-labels-and-time-series",
        metrics: ["up", "scrape_duration_seconds", "scrape_samples_scraped"],
    },
    {
        // Ubuntu's prometheus-node-exporter, default collectors.
        job: "node",
        source: "https://github.com/prometheus/node_exporter#enabled-by-default (collectors cpu, meminfo, filesystem, loadavg, netdev, diskstats)",
        metrics: [
            "node_cpu_seconds_total",
            "node_load1",
            "node_load5",
            "node_memory_MemAvailable_bytes",
            "node_memory_MemTotal_bytes",
            "node_filesystem_avail_bytes",
            "node_filesystem_size_bytes",
            "node_filesystem_readonly",
            "node_network_receive_bytes_total",
            "node_network_transmit_bytes_total",
            "node_disk_io_time_seconds_total",
            "node_boot_time_seconds",
        ],
    },
    {
        // Ubuntu's prometheus-nginx-exporter reading stub_status.
        job: "nginx",
        source: "https://github.com/nginx/nginx-prometheus-exporter#metrics-for-nginx-oss (stub_status metrics)",
        metrics: [
            "nginx_up",
            "nginx_connections_active",
            "nginx_connections_accepted",
            "nginx_connections_handled",
            "nginx_connections_reading",
            "nginx_connections_writing",
            "nginx_connections_waiting",
            "nginx_http_requests_total",
        ],
    },
    {
        // PHP-FPM's own status page in OpenMetrics format (PHP 8.1+), scraped directly.
        job: "php-fpm",
        source: "php-src sapi/fpm/fpm/fpm_status.c (PHP 8.1+, `?openmetrics`); https://www.php.net/manual/en/fpm.status.php",
        metrics: [
            "phpfpm_up",
            "phpfpm_start_since",
            "phpfpm_accepted_connections",
            "phpfpm_listen_queue",
            "phpfpm_max_listen_queue",
            "phpfpm_listen_queue_length",
            "phpfpm_idle_processes",
            "phpfpm_active_processes",
            "phpfpm_total_processes",
            "phpfpm_max_active_processes",
            "phpfpm_max_children_reached",
            "phpfpm_slow_requests",
        ],
    },
    {
        // Fluent Bit's log_to_metrics filter over the parsed Nginx access log
        // (templates/telemetry.ts), exposed by its prometheus_exporter output.
        job: "logs",
        source: "https://docs.fluentbit.io/manual/data-pipeline/filters/log_to_metrics (metric name = namespace_subsystem_name; histograms add _bucket/_sum/_count)",
        metrics: [
            "hms_http_requests_total",
            "hms_http_request_duration_seconds_bucket",
            "hms_http_request_duration_seconds_sum",
            "hms_http_request_duration_seconds_count",
            "hms_log_errors_total",
        ],
    },
    {
        // The WebSocket service's own endpoint, preloaded into its process (templates/websocket.ts websocketMetricsJs).
        job: "websocket",
        source: "templates/websocket.ts websocketMetricsJs (RFC 6455 framing; process and nodejs_* names as https://github.com/siimon/prom-client/tree/master/lib/metrics)",
        metrics: [
            "hms_websocket_connections_open",
            "hms_websocket_connections_total",
            "hms_websocket_messages_total",
            "hms_websocket_auth_failures_total",
            "hms_websocket_rejected_upgrades_total",
            "hms_websocket_errors_total",
            "process_cpu_user_seconds_total",
            "process_cpu_system_seconds_total",
            "process_resident_memory_bytes",
            "process_start_time_seconds",
            "nodejs_heap_size_total_bytes",
            "nodejs_heap_size_used_bytes",
            "nodejs_external_memory_bytes",
            "nodejs_active_resources",
            "nodejs_eventloop_lag_mean_seconds",
            "nodejs_eventloop_lag_p99_seconds",
            "nodejs_eventloop_lag_max_seconds",
            "nodejs_version_info",
        ],
    },
    {
        // Ubuntu's prometheus-blackbox-exporter on the Grafana server, probing the public site through Cloudflare.
        job: "edge",
        source: "https://github.com/prometheus/blackbox_exporter/blob/master/prober/http.go (probe_* gauges)",
        metrics: [
            "probe_success",
            "probe_duration_seconds",
            "probe_http_status_code",
            "probe_http_duration_seconds",
            "probe_ssl_earliest_cert_expiry",
        ],
    },
];

/** CloudWatch namespaces Grafana queries (and alarms use), with the metrics this project reads. */
export const CLOUDWATCH_NAMESPACES: Readonly<Record<string, { source: string; metrics: readonly string[] }>> = {
    "AWS/RDS": {
        source: "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.AuroraMonitoring.Metrics.html",
        metrics: [
            "CPUUtilization",
            "FreeableMemory",
            "DatabaseConnections",
            "AuroraReplicaLag",
            "AuroraReplicaLagMaximum",
            "CommitLatency",
            "Deadlocks",
            "ReadLatency",
            "WriteLatency",
            "VolumeBytesUsed",
            "BufferCacheHitRatio",
        ],
    },
    "AWS/ElastiCache": {
        source: "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/CacheMetrics.Redis.html",
        metrics: [
            "EngineCPUUtilization",
            "DatabaseMemoryUsagePercentage",
            "CurrConnections",
            "Evictions",
            "CacheHitRate",
            "ReplicationLag",
            "SwapUsage",
            "CurrItems",
        ],
    },
    "AWS/NetworkELB": {
        source: "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-cloudwatch-metrics.html",
        metrics: [
            "ActiveFlowCount",
            "NewFlowCount",
            "ProcessedBytes",
            "HealthyHostCount",
            "UnHealthyHostCount",
            "TCP_Target_Reset_Count",
            "TCP_ELB_Reset_Count",
            "TCP_Client_Reset_Count",
        ],
    },
    "AWS/Backup": {
        source: "https://docs.aws.amazon.com/aws-backup/latest/devguide/cloudwatch.html",
        metrics: [
            "NumberOfBackupJobsCompleted",
            "NumberOfBackupJobsFailed",
            "NumberOfCopyJobsCompleted",
            "NumberOfCopyJobsFailed",
            "NumberOfRestoreJobsFailed",
            "NumberOfRecoveryPointsCompleted",
        ],
    },
    "AWS/ES": {
        source: "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/managedomains-cloudwatchmetrics.html",
        metrics: [
            "ClusterStatus.red",
            "ClusterStatus.yellow",
            "FreeStorageSpace",
            "JVMMemoryPressure",
            "ClusterIndexWritesBlocked",
            "SearchableDocuments",
        ],
    },
    "AWS/EC2": {
        source: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/viewing_metrics_with_cloudwatch.html",
        metrics: ["CPUUtilization", "StatusCheckFailed", "NetworkIn", "NetworkOut"],
    },
};

/** Every Prometheus metric name some configured producer exposes. */
export function prometheusMetricNames(): Set<string> {
    return new Set(PROMETHEUS_PRODUCERS.flatMap((p) => p.metrics));
}

/** PromQL keywords, functions and aggregation operators: identifiers in an expression that are not metrics. */
const PROMQL_WORDS = new Set([
    "sum",
    "avg",
    "min",
    "max",
    "count",
    "by",
    "without",
    "on",
    "ignoring",
    "group_left",
    "group_right",
    "and",
    "or",
    "unless",
    "rate",
    "irate",
    "increase",
    "delta",
    "deriv",
    "predict_linear",
    "histogram_quantile",
    "time",
    "abs",
    "clamp_min",
    "clamp_max",
    "topk",
    "bottomk",
    "offset",
    "bool",
    "changes",
    "resets",
    "avg_over_time",
    "max_over_time",
    "min_over_time",
    "absent",
    "vector",
    "label_replace",
    "round",
    "le",
    "inf",
    "nan",
    "quantile",
]);

/**
 * The metric names a PromQL expression reads: identifiers that are not inside
 * braces (label matchers), brackets (ranges), strings or `by (...)` lists, and
 * are not functions or keywords.
 */
export function metricNamesInPromQL(expr: string): string[] {
    const stripped = expr
        .replace(/"(?:[^"\\]|\\.)*"/g, '""')
        .replace(/\{[^}]*\}/g, "")
        .replace(/\[[^\]]*\]/g, "")
        .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, "");
    const names = new Set<string>();
    for (const m of stripped.matchAll(/[A-Za-z_:][A-Za-z0-9_:]*/g)) {
        const word = m[0];
        const after = stripped.slice(m.index! + word.length).trimStart();
        if (PROMQL_WORDS.has(word.toLowerCase()) || after.startsWith("(")) {
            continue;
        }
        names.add(word);
    }
    return [...names];
}
