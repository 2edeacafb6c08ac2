// The log store's configuration, as pure functions:
// - the OpenSearch Ingestion pipeline (Data Prepper): HTTP source, processors
//   that add what the hosts could not (a timestamp when the record has none,
//   the receipt time, the environment), and the OpenSearch sink, one index a day;
// - the index template (mappings of the parsed fields, replicas);
// - the ISM policy that deletes log indices after the retention;
// - the security plugin's audit logging configuration.
// The last three are applied through the OpenSearch API at deployment by the
// setup function (templates/opensearch-setup.ts, components/monitoring.ts).

import { stringify } from "yaml";
import { LOGS_INGEST_PATH } from "./telemetry";

/** Daily indices of the log pipeline. */
export const LOG_INDEX_PREFIX = "logs-";
export const INDEX_TEMPLATE_NAME = "hms-logs";
export const ISM_POLICY_ID = "hms-logs-retention";

export interface PipelineArgs {
    /** OpenSearch domain endpoint (host name or https URL). */
    endpoint: string;
    /** Role the pipeline signs with (the domain's master role). */
    roleArn: string;
    region: string;
    environment: string;
}

/**
 * The ingestion pipeline (Data Prepper 2) configuration: an HTTP source on
 * LOGS_INGEST_PATH (SigV4-authenticated by the service), processors, and the
 * OpenSearch domain as the sink, one index per day.
 * https://docs.opensearch.org/latest/data-prepper/pipelines/configuration/processors/date/
 * https://docs.aws.amazon.com/opensearch-service/latest/developerguide/pipeline-config-reference.html
 */
export function renderPipelineConfiguration(args: PipelineArgs): string {
    if (!/^[A-Za-z0-9_.-]+$/.test(args.environment)) {
        throw new Error(
            `renderPipelineConfiguration: environment = ${JSON.stringify(args.environment)}: letters, digits, "_", "." and "-" only`,
        );
    }
    return stringify(
        {
            version: "2",
            "hms-logs": {
                source: { http: { path: LOGS_INGEST_PATH } },
                processor: [
                    // Records without a parsed time (unparsed lines) get the time the pipeline received them.
                    { date: { from_time_received: true, destination: "@timestamp", date_when: "/@timestamp == null" } },
                    { date: { from_time_received: true, destination: "ingested_at" } },
                    // Lines no parser matched keep their text under `log`: make it the message.
                    {
                        rename_keys: {
                            entries: [{ from_key: "log", to_key: "message", overwrite_if_to_key_exists: false }],
                        },
                    },
                    {
                        add_entries: {
                            entries: [
                                { key: "environment", value: args.environment, overwrite_if_key_exists: false },
                                { key: "host", value: "unknown", overwrite_if_key_exists: false },
                            ],
                        },
                    },
                ],
                sink: [
                    {
                        opensearch: {
                            hosts: [`https://${args.endpoint.replace(/^https:\/\//, "")}`],
                            index: `${LOG_INDEX_PREFIX}%{yyyy.MM.dd}`,
                            aws: { sts_role_arn: args.roleArn, region: args.region },
                        },
                    },
                ],
            },
        },
        { lineWidth: 0 },
    );
}

/** Index template of the daily log indices: explicit mappings of the parsed fields, strings as keywords. */
export function renderIndexTemplate(a: { dataNodes: number }): object {
    const keyword = { type: "keyword", ignore_above: 1024 };
    return {
        index_patterns: [`${LOG_INDEX_PREFIX}*`],
        priority: 100,
        template: {
            settings: {
                number_of_shards: 1,
                // One copy on another node when there is another node.
                number_of_replicas: Math.min(1, Math.max(0, a.dataNodes - 1)),
                "mapping.total_fields.limit": 500,
            },
            mappings: {
                dynamic_templates: [{ strings_as_keywords: { match_mapping_type: "string", mapping: keyword } }],
                properties: {
                    "@timestamp": { type: "date" },
                    ingested_at: { type: "date" },
                    // The source's own timestamp text, kept as written (formats differ per log).
                    time: keyword,
                    environment: keyword,
                    role: keyword,
                    host: keyword,
                    instance_id: keyword,
                    log_file: keyword,
                    level: keyword,
                    message: { type: "text" },
                    client_ip: { type: "ip", ignore_malformed: true },
                    method: keyword,
                    path: keyword,
                    protocol: keyword,
                    status: { type: "short" },
                    bytes_sent: { type: "long" },
                    request_length: { type: "long" },
                    request_time: { type: "float" },
                    upstream_response_time: keyword,
                    upstream_addr: keyword,
                    upstream_status: keyword,
                    request_host: keyword,
                    tls_protocol: keyword,
                    client_cert: keyword,
                    request_id: keyword,
                    cf_ray: keyword,
                    user_agent: { type: "text", fields: { raw: keyword } },
                    referer: keyword,
                },
            },
        },
    };
}

/** ISM policy: log indices are deleted `retentionDays` after creation; attached to new indices by its template. */
export function renderIsmPolicy(a: { retentionDays: number }): object {
    if (!Number.isInteger(a.retentionDays) || a.retentionDays < 1) {
        throw new Error(`renderIsmPolicy: retentionDays = ${a.retentionDays}: a whole number of days, at least 1`);
    }
    return {
        policy: {
            description: `HMS logs: kept ${a.retentionDays} days, then deleted`,
            default_state: "hot",
            states: [
                {
                    name: "hot",
                    actions: [],
                    transitions: [{ state_name: "delete", conditions: { min_index_age: `${a.retentionDays}d` } }],
                },
                { name: "delete", actions: [{ delete: {} }], transitions: [] },
            ],
            ism_template: [{ index_patterns: [`${LOG_INDEX_PREFIX}*`], priority: 100 }],
        },
    };
}

/**
 * Audit logging of the security plugin: REST requests that fail
 * authentication or are denied, and every change to the security
 * configuration; request bodies (which may contain patient data) are not logged.
 * https://docs.aws.amazon.com/opensearch-service/latest/developerguide/audit-logs.html
 */
export function renderAuditConfig(): object {
    return {
        enabled: true,
        audit: {
            enable_rest: true,
            disabled_rest_categories: ["AUTHENTICATED", "GRANTED_PRIVILEGES"],
            enable_transport: false,
            disabled_transport_categories: ["AUTHENTICATED", "GRANTED_PRIVILEGES"],
            resolve_bulk_requests: false,
            log_request_body: false,
            resolve_indices: true,
            exclude_sensitive_headers: true,
            ignore_users: [],
            ignore_requests: [],
        },
        compliance: {
            enabled: true,
            internal_config: true,
            external_config: false,
            read_metadata_only: true,
            read_watched_fields: {},
            read_ignore_users: [],
            write_metadata_only: true,
            write_log_diffs: false,
            write_watched_indices: [],
            write_ignore_users: [],
        },
    };
}

/** What the setup function PUTs, in order. `readerRoleArns` get the predefined read-only role (Grafana). */
export function logStoreRequests(a: {
    dataNodes: number;
    retentionDays: number;
    readerRoleArns: string[];
}): Array<{ path: string; body: object }> {
    for (const arn of a.readerRoleArns) {
        if (!/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/.test(arn)) {
            throw new Error(`logStoreRequests: readerRoleArns entry ${JSON.stringify(arn)} is not an IAM role ARN`);
        }
    }
    return [
        { path: `/_plugins/_ism/policies/${ISM_POLICY_ID}`, body: renderIsmPolicy(a) },
        { path: `/_index_template/${INDEX_TEMPLATE_NAME}`, body: renderIndexTemplate(a) },
        { path: "/_plugins/_security/api/audit/config", body: renderAuditConfig() },
        // https://docs.opensearch.org/latest/security/access-control/api/#create-role-mapping (replaces the mapping)
        ...(a.readerRoleArns.length > 0
            ? [{ path: "/_plugins/_security/api/rolesmapping/readall", body: { backend_roles: a.readerRoleArns } }]
            : []),
    ];
}
