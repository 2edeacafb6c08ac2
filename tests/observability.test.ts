// Dashboards, alerts, log parsing and the log store's configuration, checked
// with the real tools where Debian ships them (promtool, amtool, node) and the
// parsers against real sample lines of each log format.

import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";
import { parse } from "yaml";
import {
    CLOUDWATCH_ALERTS,
    eventAlerts,
    PROMETHEUS_ALERTS,
    renderAlertmanagerDefinition,
    renderPrometheusRules,
} from "../templates/alerts";
import {
    renderBlackboxConfig,
    renderDashboardProvider,
    renderGrafanaDatasources,
    renderGrafanaIni,
} from "../templates/grafana";
import { DASHBOARDS, DATASOURCE_UIDS, renderDashboard } from "../templates/grafana-dashboards";
import {
    logStoreRequests,
    renderIndexTemplate,
    renderIsmPolicy,
    renderPipelineConfiguration,
} from "../templates/log-pipeline";
import {
    CLOUDWATCH_NAMESPACES,
    metricNamesInPromQL,
    PROMETHEUS_PRODUCERS,
    prometheusMetricNames,
} from "../templates/metrics-catalog";
import { NGINX_PATHS, renderNginxSite } from "../templates/nginx";
import { renderOpenSearchSetupSource } from "../templates/opensearch-setup";
import {
    LOG_PARSERS,
    logFormatOf,
    renderFluentBitConfig,
    renderFluentBitParsers,
    renderPrometheusConfig,
    renderTelemetry,
    scrapeJobs,
    FPM_STATUS_PATH,
    STATUS_ADDRESS,
    STUB_STATUS_PATH,
    TELEMETRY_PATHS,
    TelemetryArgs,
} from "../templates/telemetry";
import { WEBSOCKET_LOG_FILES } from "../templates/websocket";
import { fpmPool, wordpressLogFiles, wordpressNginxSite } from "../templates/wordpress";
import { requireTool, run } from "./support/tools";

const README = fs.readFileSync(path.join(__dirname, "..", "README.md"), "utf8");
const WORKSPACE = "https://aps-workspaces.sa-east-1.amazonaws.com/workspaces/ws-0123abcd-4567/";
const TOPIC = "arn:aws:sns:sa-east-1:123456789012:hms-production-monitoring-alerts-topic-1a2b3c";
const ROLES = ["nginx", "app", "websocket", "grafana"] as const;
const args = (role: (typeof ROLES)[number]): TelemetryArgs => ({
    region: "sa-east-1",
    remoteWriteUrl: WORKSPACE,
    logsIngestEndpoint: "https://hms-logs-abc.sa-east-1.osis.amazonaws.com/logs/ingest",
    role,
    environment: "production",
    logFiles:
        role === "nginx"
            ? [NGINX_PATHS.accessLog, NGINX_PATHS.errorLog]
            : role === "app"
              ? wordpressLogFiles("8.3")
              : role === "websocket"
                ? WEBSOCKET_LOG_FILES
                : ["/var/log/grafana/grafana.log"],
    probeUrls: role === "grafana" ? ["https://hms.example.org/"] : undefined,
});

/** Scratch directories of this file, removed when it ends. */
const scratch: string[] = [];

function tmp(name: string, content: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hms-obs-"));
    scratch.push(dir);
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
}

/** strptime format → regex (the conversions the parsers use). */
function timeFormatRegex(fmt: string): RegExp {
    const map: Record<string, string> = {
        "%Y": "\\d{4}",
        "%m": "\\d{2}",
        "%d": "[ \\d]\\d",
        "%H": "\\d{2}",
        "%M": "\\d{2}",
        "%S": "\\d{2}",
        "%b": "[A-Z][a-z]{2}",
        "%L": "\\d+",
        "%z": "(?:Z|[+-]\\d{2}:?\\d{2})",
    };
    const body = fmt.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/%[A-Za-z]/g, (t) => {
        assert.ok(map[t], `no test conversion for ${t}`);
        return map[t];
    });
    return new RegExp(`^${body}$`);
}

// Real lines, one or more per format, as the servers write them.
const SAMPLES: Record<string, Array<{ line: string; expect: Record<string, string> }>> = {
    hms_nginx_combined: [
        {
            line: '10.20.1.15 - - [02/Dec/2026:04:31:55 +0000] "GET /wp-admin/admin-ajax.php?action=heartbeat&patient=123 HTTP/1.1" 200 1532 "https://hms.example.org/wp-admin/post.php?post=42&action=edit" "Mozilla/5.0 (X11; Linux x86_64)"',
            expect: {
                client_ip: "10.20.1.15",
                method: "GET",
                path: "/wp-admin/admin-ajax.php",
                status: "200",
                bytes_sent: "1532",
                referer: "https://hms.example.org/wp-admin/post.php",
            },
        },
        {
            line: '10.20.2.7 - - [02/Dec/2026:04:32:01 +0000] "POST /wp-login.php HTTP/1.1" 302 0 "-" "curl/8.5.0"',
            expect: { status: "302", path: "/wp-login.php", referer: "-" },
        },
    ],
    hms_nginx_error: [
        {
            line: '2026/12/02 04:31:55 [error] 1234#1234: *56 FastCGI sent in stderr: "PHP message: PHP Warning:  Undefined array key "x" in /var/www/wordpress/wp-content/plugins/p/p.php on line 7" while reading response header from upstream, client: 10.20.1.15, server: _, request: "GET /?p=42&patient=123 HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.3-fpm-wordpress.sock:", host: "10.20.11.5:8080"',
            expect: {
                level: "error",
                connection_id: "56",
                client_ip: "10.20.1.15",
                method: "GET",
                path: "/",
                request_host: "10.20.11.5:8080",
            },
        },
        {
            line: '2026/12/02 04:00:01 [warn] 811#811: conflicting server name "_" on 0.0.0.0:8080, ignored',
            expect: { level: "warn", pid: "811" },
        },
    ],
    hms_php_fpm: [
        {
            line: "[02-Dec-2026 04:31:55] WARNING: [pool wordpress] server reached pm.max_children setting (8), consider raising it",
            expect: { level: "WARNING", pool: "wordpress" },
        },
        {
            line: "[02-Dec-2026 04:00:00] NOTICE: fpm is running, pid 901",
            expect: { level: "NOTICE", message: "fpm is running, pid 901" },
        },
    ],
    hms_syslog_rfc3339: [
        {
            line: "2026-12-02T04:31:55.123456+00:00 ip-10-20-11-5 systemd[1]: Started fluent-bit.service - Fluent Bit.",
            expect: { hostname: "ip-10-20-11-5", ident: "systemd", pid: "1" },
        },
        {
            line: "2026-12-02T04:31:56.000001+00:00 ip-10-20-11-5 kernel: Out of memory: Killed process 2211 (php-fpm8.3)",
            expect: { ident: "kernel" },
        },
    ],
    hms_syslog_bsd: [
        {
            line: "Dec  2 04:31:55 ip-10-20-11-5 CRON[4411]: (root) CMD (command -v debian-sa1 > /dev/null)",
            expect: { ident: "CRON", pid: "4411" },
        },
    ],
};

describe("observability", () => {
    after(() => scratch.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

    describe("logs parsed at the source", () => {
        for (const p of LOG_PARSERS.filter((x) => x.format === "regex")) {
            it(`${p.name} parses real lines into fields, times in its Time_Format, no query strings`, () => {
                const samples = SAMPLES[p.name];
                assert.ok(samples && samples.length > 0, `no sample lines for ${p.name}`);
                // Onigmo's named groups (?<name>...) are JavaScript's too.
                const re = new RegExp(p.regex!);
                for (const s of samples) {
                    const m = re.exec(s.line);
                    assert.ok(m?.groups, `${p.name} does not match: ${s.line}`);
                    for (const [k, v] of Object.entries(s.expect)) {
                        assert.strictEqual(m.groups[k], v, `${p.name}: ${k}`);
                    }
                    assert.match(
                        m.groups[p.timeKey],
                        timeFormatRegex(p.timeFormat),
                        `${p.name}: time "${m.groups[p.timeKey]}" vs ${p.timeFormat}`,
                    );
                    for (const [k, v] of Object.entries(m.groups)) {
                        assert.ok(
                            v === undefined || !/[?&](patient|p|post|action)=/.test(v),
                            `${p.name}: ${k} keeps a query string: ${v}`,
                        );
                    }
                }
            });
        }

        it("the Nginx JSON access log's time matches its parser's Time_Format", () => {
            const p = LOG_PARSERS.find((x) => x.name === "hms_nginx_json")!;
            assert.match("2026-12-02T04:31:55+00:00", timeFormatRegex(p.timeFormat));
        });

        it("every log file a tier ships has a parser, and an unknown log is refused", () => {
            for (const role of ROLES) {
                for (const f of args(role).logFiles) {
                    assert.ok(logFormatOf(f).parsers.length > 0, f);
                }
            }
            assert.throws(() => logFormatOf("/var/log/unknown.log"), /no parser for this log/);
        });

        for (const role of ROLES) {
            it(`${role}: the Fluent Bit configuration is consistent (parsers exist, every input parsed, metrics exported)`, () => {
                const text = renderFluentBitConfig(args(role));
                const sections = text.split(/\n(?=\[)/).map((block) => {
                    const lines = block
                        .split("\n")
                        .map((l) => l.trim())
                        .filter((l) => l !== "" && !l.startsWith("#"));
                    const entries = lines
                        .slice(1)
                        .map((l) => /^(\S+)\s+(.*)$/.exec(l)!)
                        .map((m) => [m[1].toLowerCase(), m[2]] as [string, string]);
                    return {
                        name: lines[0],
                        entries,
                        get: (k: string) => entries.filter(([x]) => x === k).map(([, v]) => v),
                    };
                });
                const parserNames = new Set(
                    [...renderFluentBitParsers().matchAll(/^\s+Name (\S+)$/gm)].map((m) => m[1]),
                );
                const inputs = sections.filter((x) => x.name === "[INPUT]");
                const parserFilters = sections.filter((x) => x.name === "[FILTER]" && x.get("name")[0] === "parser");
                for (const i of inputs) {
                    const f = parserFilters.filter((x) => x.get("match")[0] === i.get("tag")[0]);
                    assert.strictEqual(f.length, 1, `input ${i.get("path")[0]} has one parser filter`);
                    for (const p of f[0].get("parser")) {
                        assert.ok(parserNames.has(p), `parser ${p} is not defined`);
                    }
                }
                const l2m = sections.filter((x) => x.name === "[FILTER]" && x.get("name")[0] === "log_to_metrics");
                const produced = new Set(PROMETHEUS_PRODUCERS.find((p) => p.job === "logs")!.metrics);
                for (const f of l2m) {
                    for (const k of ["tag", "metric_mode", "metric_name", "metric_description"]) {
                        assert.ok(f.get(k).length === 1, `log_to_metrics needs ${k}`);
                    }
                    const name = [f.get("metric_namespace")[0], f.get("metric_subsystem")[0], f.get("metric_name")[0]]
                        .filter(Boolean)
                        .join("_");
                    const mode = f.get("metric_mode")[0];
                    if (mode === "histogram") {
                        assert.ok(
                            f.get("value_field").length === 1 && f.get("bucket").length > 0,
                            "a histogram needs value_field and buckets",
                        );
                        assert.ok(produced.has(`${name}_bucket`), `${name}_bucket is not in the catalogue`);
                    } else {
                        assert.ok(produced.has(name), `${name} is not in the catalogue`);
                    }
                    const exporter = sections.find(
                        (x) => x.name === "[OUTPUT]" && x.get("name")[0] === "prometheus_exporter",
                    );
                    assert.strictEqual(
                        exporter?.get("match")[0],
                        f.get("tag")[0],
                        "the metrics reach the Prometheus exporter",
                    );
                }
            });

            it(`${role}: promtool accepts the Prometheus agent configuration`, function () {
                requireTool(this, "promtool");
                const file = tmp("prometheus.yml", renderPrometheusConfig(args(role)));
                const r = run("promtool", ["check", "config", "--syntax-only", file]);
                assert.strictEqual(r.status, 0, r.stdout + r.stderr);
            });
        }
    });

    describe("metrics behind every panel and alert", () => {
        const produced = prometheusMetricNames();
        const scraped = new Set(
            ROLES.flatMap((role) => scrapeJobs(args(role)).map((j) => (j as { job_name: string }).job_name)),
        );

        it("the tiers serve, on localhost only, the status pages their exporters and Prometheus read", () => {
            const lb = renderNginxSite({
                paths: NGINX_PATHS,
                domain: "hms.example.org",
                cloudflareCidrs: ["173.245.48.0/20"],
                vpcCidr: "10.20.0.0/16",
                appServers: ["10.20.64.10"],
                appPort: 80,
                maxUploadMiB: 8,
            });
            assert.match(
                lb,
                new RegExp(
                    `listen ${STATUS_ADDRESS};[^}]*allow 127\\.0\\.0\\.1;\\s*allow unix:;\\s*deny all;\\s*location = ${STUB_STATUS_PATH} \\{\\s*stub_status;`,
                ),
            );
            const exporter = renderTelemetry(args("nginx")).writeFiles.find(
                (f) => f.path === TELEMETRY_PATHS.nginxExporterDefaults,
            )!;
            assert.ok(exporter.content.includes(`--nginx.scrape-uri=http://${STATUS_ADDRESS}${STUB_STATUS_PATH} `));
            const socket = "/run/php/php8.3-fpm-wordpress.sock";
            const wp = wordpressNginxSite({
                vpcCidr: "10.20.0.0/16",
                httpPort: 8080,
                maxUploadMiB: 8,
                phpVersion: "8.3",
                clinicalOrigin: "https://hms-media.s3.sa-east-1.amazonaws.com",
            });
            assert.match(wp, new RegExp(`location = ${FPM_STATUS_PATH} \\{[^}]*fastcgi_pass unix:${socket};`));
            const pool = fpmPool({ phpVersion: "8.3", vcpus: 2, memoryGiB: 8, maxUploadMiB: 8 });
            assert.match(pool, new RegExp(`^listen = ${socket}$`, "m"));
            assert.match(pool, new RegExp(`^pm\\.status_path = ${FPM_STATUS_PATH}$`, "m"));
            const job = scrapeJobs({ role: "app" }).find((j) => (j as { job_name: string }).job_name === "php-fpm") as {
                metrics_path: string;
                static_configs: Array<{ targets: string[] }>;
            };
            assert.strictEqual(job.metrics_path, FPM_STATUS_PATH);
            assert.deepStrictEqual(job.static_configs[0].targets, [STATUS_ADDRESS]);
        });

        it("every producer of the catalogue is scraped by some tier (the catalogue matches the configuration)", () => {
            for (const p of PROMETHEUS_PRODUCERS.filter((x) => x.job !== "prometheus")) {
                assert.ok(scraped.has(p.job), `no tier scrapes job ${p.job}`);
                assert.match(p.source, /https?:\/\/|php-src/, `${p.job}: no source`);
            }
        });

        for (const d of DASHBOARDS) {
            it(`${d.title}: every query names a metric a configured exporter or CloudWatch namespace produces`, () => {
                for (const panel of d.panels) {
                    assert.ok(panel.queries.length > 0, `${panel.title} has no query`);
                    for (const q of panel.queries) {
                        if (q.kind === "prometheus") {
                            const names = metricNamesInPromQL(q.expr);
                            assert.ok(names.length > 0, `${panel.title}: no metric in ${q.expr}`);
                            for (const n of names) assert.ok(produced.has(n), `${panel.title}: nothing produces ${n}`);
                        } else {
                            assert.ok(
                                CLOUDWATCH_NAMESPACES[q.namespace]?.metrics.includes(q.metric),
                                `${panel.title}: ${q.namespace} ${q.metric} is not a metric of the catalogue`,
                            );
                        }
                    }
                }
            });
        }

        it("every alert reads a produced metric", () => {
            for (const a of PROMETHEUS_ALERTS) {
                const names = metricNamesInPromQL(a.expr);
                assert.ok(names.length > 0, a.alert);
                for (const n of names) assert.ok(produced.has(n), `${a.alert}: nothing produces ${n}`);
            }
            for (const a of CLOUDWATCH_ALERTS) {
                assert.ok(CLOUDWATCH_NAMESPACES[a.namespace]?.metrics.includes(a.metric), `${a.namespace} ${a.metric}`);
            }
        });

        it("the metric extraction sees through functions, label matchers and ranges", () => {
            assert.deepStrictEqual(
                metricNamesInPromQL(
                    'histogram_quantile(0.95, sum by (le) (rate(a_bucket{role="nginx",x=~"5.."}[5m]))) / ignoring (x) b_total > 2',
                ),
                ["a_bucket", "b_total"],
            );
        });
    });

    describe("dashboards and data sources provisioned as files", () => {
        it("covers edge and NLB, Nginx, WordPress/PHP-FPM, Aurora, Redis, WebSocket, hosts and backups", () => {
            const titles = DASHBOARDS.map((d) => d.title).join(" | ");
            for (const w of [/Edge/, /Nginx/, /WordPress/, /Aurora/, /Redis/, /WebSocket/, /Hosts/, /Backups/]) {
                assert.match(titles, w);
            }
            assert.strictEqual(new Set(DASHBOARDS.map((d) => d.uid)).size, DASHBOARDS.length, "unique uids");
        });

        it("every panel queries a provisioned data source", () => {
            const ds = parse(
                renderGrafanaDatasources({
                    region: "sa-east-1",
                    prometheusEndpoint: WORKSPACE,
                    opensearchEndpoint: "vpc-hms-abc.sa-east-1.es.amazonaws.com",
                    opensearchVersion: "OpenSearch_2.19",
                }),
            ).datasources as Array<{ uid: string; type: string; jsonData: Record<string, unknown> }>;
            const uids = new Set(ds.map((d) => d.uid));
            assert.deepStrictEqual(uids, new Set<string>(Object.values(DATASOURCE_UIDS)));
            for (const d of ds.filter((x) => x.type !== "cloudwatch")) {
                assert.strictEqual(d.jsonData.sigV4Auth, true, `${d.type} signs with SigV4 (instance role)`);
            }
            for (const d of DASHBOARDS) {
                const json = JSON.parse(renderDashboard(d, "sa-east-1")) as {
                    panels: Array<{ targets: Array<{ datasource: { uid: string } }> }>;
                };
                for (const p of json.panels) for (const t of p.targets) assert.ok(uids.has(t.datasource.uid));
            }
            assert.ok(parse(renderDashboardProvider()).providers[0].options.path);
        });

        it("refuses endpoints that are not a workspace or a host name", () => {
            assert.throws(
                () =>
                    renderGrafanaDatasources({
                        region: "sa-east-1",
                        prometheusEndpoint: "https://evil.example/",
                        opensearchEndpoint: "x",
                        opensearchVersion: "OpenSearch_2.19",
                    }),
                /workspace endpoint/,
            );
        });

        it("the blackbox exporter accepts its modules, and the edge scrape job names one of them", function () {
            requireTool(this, "prometheus-blackbox-exporter");
            const check = (text: string) =>
                run("prometheus-blackbox-exporter", ["--config.check", `--config.file=${tmp("blackbox.yml", text)}`]);
            const ok = check(renderBlackboxConfig());
            assert.strictEqual(ok.status, 0, ok.stdout + ok.stderr);
            // The tool judges: a field the exporter does not know is refused.
            assert.notStrictEqual(check(renderBlackboxConfig().replace("fail_if_not_ssl", "fail_if_no_ssl")).status, 0);
            const modules = Object.keys(parse(renderBlackboxConfig()).modules as object);
            const edge = scrapeJobs({ role: "grafana", probeUrls: ["https://hms.example.org/"] }).find(
                (j) => (j as { job_name: string }).job_name === "edge",
            ) as { params: { module: string[] } };
            assert.ok(modules.includes(edge.params.module[0]), `module ${edge.params.module[0]} is not configured`);
        });

        it("grafana.ini: HTTPS, no sign-up, no anonymous access, SigV4 on, admin password from a file", () => {
            const ini = renderGrafanaIni();
            for (const l of [
                "protocol = https",
                "allow_sign_up = false",
                "sigv4_auth_enabled = true",
                "reporting_enabled = false",
            ]) {
                assert.ok(ini.split("\n").includes(l), l);
            }
            assert.match(ini, /^\[auth\.anonymous\]\nenabled = false$/m);
            assert.match(ini, /^admin_password = \$__file\{\/etc\/grafana\/admin-password\}$/m);
        });
    });

    describe("alerts with runbooks", () => {
        const all = [
            ...PROMETHEUS_ALERTS.map((a) => a.runbook),
            ...eventAlerts("hms-production").map((a) => a.runbook),
            ...CLOUDWATCH_ALERTS.map((a) => a.runbook),
        ];

        it("every alert links to a runbook that exists in the README, with meaning, first look and fix", () => {
            for (const r of new Set(all)) {
                const at = README.indexOf(`<a id="runbook-${r}"></a>`);
                assert.ok(at >= 0, `README has no runbook anchor runbook-${r}`);
                const section = README.slice(
                    at,
                    README.indexOf("\n#### ", at + 1) > 0 ? README.indexOf("\n#### ", at + 1) : undefined,
                );
                for (const part of ["What it means", "Look first", "Fix"]) {
                    assert.ok(section.includes(`**${part}**`), `runbook-${r} lacks "${part}"`);
                }
            }
        });

        it("covers what hurts patients and staff", () => {
            for (const r of [
                "site-down",
                "high-5xx-rate",
                "high-latency",
                "database-failover",
                "database-replica-lag",
                "cache-evictions",
                "cache-failover",
                "backup-failed",
                "certificate-expiry",
                "disk-filling",
            ]) {
                assert.ok(all.includes(r), r);
            }
        });

        /** The annotations an alert carries, its summary's label references filled in. */
        const annotations = (alert: string, labels: Record<string, string>) => {
            const a = PROMETHEUS_ALERTS.find((x) => x.alert === alert)!;
            return {
                summary: a.summary.replace(/\{\{ \$labels\.(\w+) \}\}/g, (_, k: string) => labels[k]),
                runbook_url: `README.md#runbook-${a.runbook}`,
            };
        };

        it("promtool accepts the rules, and the 5xx and edge alerts fire on the series that should fire them", function () {
            requireTool(this, "promtool");
            const rules = tmp("rules.yml", renderPrometheusRules("production"));
            assert.strictEqual(run("promtool", ["check", "rules", rules]).status, 0);
            const test = {
                rule_files: [rules],
                evaluation_interval: "1m",
                tests: [
                    {
                        interval: "1m",
                        input_series: [
                            // 10% of requests fail with 503.
                            {
                                series: 'hms_http_requests_total{role="nginx",environment="production",status="200"}',
                                values: "0+90x30",
                            },
                            {
                                series: 'hms_http_requests_total{role="nginx",environment="production",status="503"}',
                                values: "0+10x30",
                            },
                            {
                                series: 'probe_success{job="edge",instance="https://hms.example.org/"}',
                                values: "1 1 1 0x20",
                            },
                        ],
                        alert_rule_test: [
                            {
                                eval_time: "20m",
                                alertname: "High5xxRate",
                                exp_alerts: [
                                    {
                                        exp_labels: { severity: "page", environment: "production" },
                                        exp_annotations: annotations("High5xxRate", {}),
                                    },
                                ],
                            },
                            {
                                eval_time: "20m",
                                alertname: "SiteDownAtEdge",
                                exp_alerts: [
                                    {
                                        exp_labels: {
                                            severity: "page",
                                            environment: "production",
                                            instance: "https://hms.example.org/",
                                        },
                                        exp_annotations: annotations("SiteDownAtEdge", {
                                            instance: "https://hms.example.org/",
                                        }),
                                    },
                                ],
                            },
                            { eval_time: "20m", alertname: "HighLatencyP95", exp_alerts: [] },
                        ],
                    },
                ],
            };
            const file = tmp("rules.test.yml", JSON.stringify(test));
            const r = run("promtool", ["test", "rules", file]);
            assert.strictEqual(r.status, 0, r.stdout + r.stderr);
        });

        it("amtool accepts the Alertmanager configuration that sends every alert to the topic", function () {
            requireTool(this, "amtool");
            const def = parse(renderAlertmanagerDefinition({ topicArn: TOPIC, region: "sa-east-1" }));
            const file = tmp("alertmanager.yml", def.alertmanager_config);
            const r = run("amtool", ["check-config", file]);
            assert.strictEqual(r.status, 0, r.stdout + r.stderr);
            assert.strictEqual(parse(def.alertmanager_config).receivers[0].sns_configs[0].topic_arn, TOPIC);
            assert.throws(
                () => renderAlertmanagerDefinition({ topicArn: "not-an-arn", region: "sa-east-1" }),
                /not an SNS topic ARN/,
            );
        });
    });

    describe("the log store", () => {
        it("the pipeline adds a timestamp when missing, the receipt time and the environment", () => {
            const doc = parse(
                renderPipelineConfiguration({
                    endpoint: "vpc-x.sa-east-1.es.amazonaws.com",
                    roleArn: "arn:aws:iam::123456789012:role/r",
                    region: "sa-east-1",
                    environment: "production",
                }),
            );
            const processors = doc["hms-logs"].processor as Array<Record<string, Record<string, unknown>>>;
            const dates = processors.filter((p) => p.date).map((p) => p.date);
            assert.ok(
                dates.some(
                    (d) =>
                        d.destination === "@timestamp" &&
                        d.from_time_received === true &&
                        /@timestamp == null/.test(String(d.date_when)),
                ),
            );
            const entries = processors.find((p) => p.add_entries)!.add_entries.entries as Array<{
                key: string;
                value: string;
            }>;
            assert.deepStrictEqual(entries.find((e) => e.key === "environment")?.value, "production");
            assert.strictEqual(doc["hms-logs"].sink[0].opensearch.hosts[0], "https://vpc-x.sa-east-1.es.amazonaws.com");
        });

        it("the index template maps every field the parsers produce", () => {
            const props = (
                renderIndexTemplate({ dataNodes: 3 }) as {
                    template: { mappings: { properties: Record<string, unknown> } };
                }
            ).template.mappings.properties;
            const fields = new Set<string>();
            for (const p of LOG_PARSERS) for (const m of (p.regex ?? "").matchAll(/\(\?<(\w+)>/g)) fields.add(m[1]);
            const nginxJson = fs.readFileSync(path.join(__dirname, "..", "templates", "nginx.ts"), "utf8");
            for (const m of nginxJson.matchAll(/'"(\w+)":/g)) fields.add(m[1] === "host" ? "request_host" : m[1]);
            for (const f of ["environment", "role", "host", "instance_id", "log_file", "@timestamp", "ingested_at"])
                fields.add(f);
            const unmapped = [...fields].filter(
                (f) =>
                    !(f in props) &&
                    ![
                        "pid",
                        "tid",
                        "connection_id",
                        "remote_user",
                        "server",
                        "upstream",
                        "pool",
                        "hostname",
                        "ident",
                    ].includes(f),
            );
            assert.deepStrictEqual(unmapped, [], "fields without an explicit mapping");
            assert.strictEqual(
                (renderIndexTemplate({ dataNodes: 1 }) as { template: { settings: { number_of_replicas: number } } })
                    .template.settings.number_of_replicas,
                0,
                "no replica a single node cannot place",
            );
        });

        it("ISM deletes log indices after the configured days, and refuses nonsense", () => {
            const p = renderIsmPolicy({ retentionDays: 90 }) as {
                policy: {
                    states: Array<{
                        name: string;
                        actions: object[];
                        transitions: Array<{ conditions: { min_index_age: string } }>;
                    }>;
                };
            };
            assert.strictEqual(p.policy.states[0].transitions[0].conditions.min_index_age, "90d");
            assert.deepStrictEqual(p.policy.states[1].actions, [{ delete: {} }]);
            assert.throws(() => renderIsmPolicy({ retentionDays: 0 }), /at least 1/);
        });

        it("the setup function is valid JavaScript that PUTs each request, updating an existing ISM policy by sequence number", async function () {
            const src = renderOpenSearchSetupSource();
            const r = run(process.execPath, ["--check", tmp("index.js", src)]);
            assert.strictEqual(r.status, 0, r.stderr);
            const mod = { exports: {} as { apply: (...args: unknown[]) => Promise<unknown> } };
            vm.runInNewContext(src, { module: mod, exports: mod.exports, require, process, URLSearchParams });
            const calls: Array<{ method: string; path: string; query: Record<string, string>; body?: string }> = [];
            const signer = {
                sign: async (req: { headers: object }) => ({
                    headers: { ...req.headers, authorization: "AWS4-HMAC-SHA256 stand-in" },
                }),
            };
            const transport = async (req: {
                method: string;
                path: string;
                query: Record<string, string>;
                body?: string;
                headers: Record<string, string>;
            }) => {
                assert.ok(req.headers.authorization, "signed");
                calls.push(req);
                return req.method === "GET"
                    ? { status: 200, body: JSON.stringify({ _seq_no: 7, _primary_term: 2 }) }
                    : { status: 200, body: "{}" };
            };
            const requests = logStoreRequests({
                dataNodes: 3,
                retentionDays: 30,
                readerRoleArns: ["arn:aws:iam::123456789012:role/grafana"],
            });
            const out = await mod.exports.apply(
                { endpoint: "https://vpc-x.sa-east-1.es.amazonaws.com", requests },
                signer,
                transport,
            );
            assert.strictEqual((out as { applied: string[] }).applied.length, requests.length);
            assert.deepStrictEqual(calls[0].method, "GET");
            assert.strictEqual(
                JSON.stringify(calls[1].query),
                JSON.stringify({ if_seq_no: "7", if_primary_term: "2" }),
                "updates the current policy version",
            );
            assert.ok(calls.slice(1).every((c) => c.method === "PUT"));
            const failing = async () => ({ status: 403, body: "no permissions" });
            await assert.rejects(
                mod.exports.apply({ endpoint: "x", requests: requests.slice(1, 2) }, signer, failing),
                /PUT \/_index_template\/hms-logs: 403/,
            );
        });
    });
});
