// @ts-nocheck
// 
// Monitoring tier settings: alarms, Grafana, OpenSearch (logs) and its
// ingestion pipeline.

import type { MonitoringArgs } from "../components/monitoring";
import { booleanSetting, integerSetting, keyOf, Reader, stringSetting } from "./setting";
import { NETWORK_SETTINGS } from "./network";
import { EC2_INSTANCE_TYPES } from "./sizing";

/** Ingestion OCUs of the pipeline when the stack does not set the maximum: at least this, and at least the minimum. */
export const INGEST_MAX_UNITS_DEFAULT = 4;

export const MONITORING_SETTINGS = {
    alarmEmail: stringSetting({
        key: "monitoringAlarmEmail",
        description:
            "E-mail address subscribed to alarms and backup failures (the recipient confirms the subscription). Unset: no subscription.",
        unset: true,
        pattern: /^[^@\s]+@[^@\s]+\.[^@\s]+$/,
        accepted: "an e-mail address",
    }),
    grafana: booleanSetting({
        key: "monitoringGrafana",
        description:
            "Self-hosted Grafana server in a private app subnet with provisioned data sources and dashboards, reached only over the Client VPN (needs securityVpnEnabled).",
        default: true,
    }),
    grafanaInstanceType: stringSetting({
        key: "monitoringGrafanaInstanceType",
        description: "EC2 instance type of the Grafana server.",
        default: "t3.small",
        check: (v) => EC2_INSTANCE_TYPES.has(v),
        accepted: "a known EC2 instance type, for example t3.small",
    }),
    opensearchEngineVersion: stringSetting({
        key: "monitoringOpensearchEngineVersion",
        description: "OpenSearch Service engine version (ELK).",
        default: "OpenSearch_2.19",
        pattern: /^OpenSearch_\d+\.\d+$/,
        accepted: "an OpenSearch Service engine version, for example OpenSearch_2.19",
    }),
    opensearchInstanceType: stringSetting({
        key: "monitoringOpensearchInstanceType",
        description: "OpenSearch data node type.",
        default: "r6g.large.search",
        pattern: /^[a-z0-9]+\.[a-z0-9]+\.search$/,
        accepted: "an OpenSearch instance type, for example r6g.large.search",
    }),
    opensearchInstanceCount: integerSetting({
        key: "monitoringOpensearchInstanceCount",
        description:
            "OpenSearch data nodes, 1-20; spread over min(networkAzCount, 2 or 3) zones, so even when that is 2.",
        default: 2,
        min: 1,
        max: 20,
    }),
    opensearchVolumeGiB: integerSetting({
        key: "monitoringOpensearchVolumeGiB",
        description: "EBS volume per OpenSearch node in GiB, 10-16384.",
        default: 100,
        min: 10,
        max: 16384,
    }),
    ingestMinUnits: integerSetting({
        key: "monitoringIngestMinUnits",
        description:
            "Minimum capacity of the OpenSearch Ingestion pipeline (the managed Logstash) in Ingestion OCUs, 1-96.",
        default: 1,
        min: 1,
        max: 96,
    }),
    ingestMaxUnits: integerSetting({
        key: "monitoringIngestMaxUnits",
        description: `Maximum capacity of the OpenSearch Ingestion pipeline in Ingestion OCUs, monitoringIngestMinUnits-96. Unset (0): ${INGEST_MAX_UNITS_DEFAULT}, or monitoringIngestMinUnits when that is larger.`,
        unset: true,
        min: 1,
        max: 96,
    }),
};

export type MonitoringConfig = Pick<MonitoringArgs, "alarmEmail" | "opensearch" | "ingest"> & {
    /** The self-hosted Grafana server is on; its network and data sources come from the other tiers. */
    grafana: boolean;
    grafanaInstanceType: string;
};

export function readMonitoring(r: Reader, azCount: number): MonitoringConfig {
    const s = MONITORING_SETTINGS;
    const alarmEmail = r.optional(s.alarmEmail);
    const opensearch = {
        engineVersion: r.get(s.opensearchEngineVersion),
        instanceType: r.get(s.opensearchInstanceType),
        instanceCount: r.get(s.opensearchInstanceCount),
        volumeGiB: r.get(s.opensearchVolumeGiB),
    };
    // A domain of several nodes spreads them over min(azCount, 2 or 3) zones;
    // over two zones OpenSearch Service accepts an even number of nodes only.
    const zones = opensearch.instanceCount > 1 ? Math.min(azCount, opensearch.instanceCount >= 3 ? 3 : 2) : 1;
    if (zones === 2 && opensearch.instanceCount % 2 !== 0) {
        r.problem(
            s.opensearchInstanceCount,
            opensearch.instanceCount,
            `must be 1 or an even number: the domain spans 2 availability zones (${keyOf(NETWORK_SETTINGS.azCount)} = ${azCount})`,
        );
    }
    const minUnits = r.get(s.ingestMinUnits);
    const maxUnits = r.optional(s.ingestMaxUnits) ?? Math.max(INGEST_MAX_UNITS_DEFAULT, minUnits);
    if (maxUnits < minUnits) {
        r.problem(
            s.ingestMaxUnits,
            r.valueOf(s.ingestMaxUnits),
            `must be a whole number from ${keyOf(s.ingestMinUnits)} (${minUnits}) to 96`,
        );
    }
    return {
        alarmEmail,
        grafana: r.get(s.grafana),
        grafanaInstanceType: r.get(s.grafanaInstanceType),
        opensearch,
        ingest: { minUnits, maxUnits },
    };
}
