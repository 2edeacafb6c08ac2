import * as assert from "assert";
import { auroraMaxConnections, auroraMysqlFamily, Database, DatabaseArgs } from "../components/database";
import { awsIdentifier, isAwsIdentifier } from "../components/identifiers";
import { databaseArgs } from "../components/tier-args";
import { RecordedResource } from "../tools/mocks";
import { Overrides, readStackConfig, runStack, StackRun } from "../tools/stack";
import { buildComponent, builtAlone, DATA_SUBNETS, handedOver } from "./support/components";
import { byId, configProblems, keyArn, ofType } from "./support/resources";
import { all, one as oneOf, Resources, under } from "./support/assert";
/** The only resource of `type` directly under the Database component. */
const one = (run: Resources, type: string): RecordedResource => oneOf(run, type, under(run, "hms:database:Database"));

/**
 * The Database of `stack` with `overrides`, built alone: its arguments are
 * components/tier-args.ts's databaseArgs of the parsed configuration (what
 * hospital.ts's createDatabase passes), with stand-ins for what the network,
 * the keys and the monitoring tier hand over.
 */
function databaseBuiltAlone(stack: string, overrides: Overrides): Promise<Resources> {
    return builtAlone(stack, overrides, (c) => {
        assert.ok(c.database, `${stack} has no database tier`);
        new Database(`hms-${c.environment}-database`, databaseArgs(c, handedOver(c)));
    });
}

type Parameter = { name: string; value: string; applyMethod?: string };

describe("Database (Aurora MySQL)", () => {
    const runs: Record<string, StackRun> = {};
    before(async function () {
        // Two whole stacks: a few seconds normally, much longer on a loaded CI machine.
        this.timeout(180_000);
        runs.production = await runStack("production");
        runs.staging = await runStack("staging");
    });

    it("settings another service owns cause no diff: engine version (minor upgrades), backup retention and window (AWS Backup)", () => {
        // pulumi/pulumi-aws#5756; terraform-aws-modules/terraform-aws-rds-aurora#411; hashicorp/terraform-provider-aws#33465
        const cluster = one(runs.production, "aws:rds/cluster:Cluster");
        assert.strictEqual(cluster.inputs.autoMinorVersionUpgrade, true);
        for (const input of ["engineVersion", "backupRetentionPeriod", "preferredBackupWindow"]) {
            assert.ok(cluster.options.ignoreChanges.includes(input), input);
        }
    });

    it("instances wait for the enhanced monitoring role's policy (RDS refuses a role it cannot use yet)", () => {
        const attachment = ofType(runs.production, "aws:iam/rolePolicyAttachment:RolePolicyAttachment").find((a) =>
            String(a.inputs.policyArn).endsWith("/AmazonRDSEnhancedMonitoringRole"),
        );
        assert.ok(attachment);
        for (const i of ofType(runs.production, "aws:rds/clusterInstance:ClusterInstance")) {
            assert.ok(i.dependencies.includes(attachment.urn), i.name);
        }
    });

    it("the final snapshot identifier is new for every incarnation (a fixed one blocks a second deletion)", () => {
        const cluster = one(runs.production, "aws:rds/cluster:Cluster");
        const suffix = ofType(runs.production, "random:index/randomString:RandomString").find(
            (r) => r.parent === cluster.parent && /final-snapshot/.test(r.name),
        );
        assert.ok(suffix);
        assert.strictEqual(
            cluster.inputs.finalSnapshotIdentifier,
            `hms-production-database-final-${suffix.outputs.result}`,
        );
        assert.ok(isAwsIdentifier(String(cluster.inputs.finalSnapshotIdentifier), 255));
    });

    it("production: 1 writer + 2 readers of the configured class in 3 distinct AZs, with distinct promotion tiers", () => {
        const instances = ofType(runs.production, "aws:rds/clusterInstance:ClusterInstance");
        assert.strictEqual(instances.length, 3);
        const zones = instances.map((i) => String(i.inputs.availabilityZone));
        assert.strictEqual(new Set(zones).size, 3, `AZs: ${zones}`);
        zones.forEach((z) => assert.match(z, /^sa-east-1[abc]$/));
        assert.deepStrictEqual(
            instances.map((i) => i.inputs.promotionTier),
            [0, 1, 2],
        );
        instances.forEach((i) => {
            assert.strictEqual(i.inputs.instanceClass, "db.r6g.2xlarge");
            assert.strictEqual(i.inputs.publiclyAccessible, false);
        });
        // The writer is created first (Aurora makes the first instance the writer).
        const [writer, ...readers] = instances;
        readers.forEach((r) =>
            assert.ok(r.dependencies.includes(writer.urn), `${r.name} does not wait for ${writer.name}`),
        );
    });

    it("staging: a single instance of the configured class", () => {
        const instances = ofType(runs.staging, "aws:rds/clusterInstance:ClusterInstance");
        assert.strictEqual(instances.length, 1);
        assert.strictEqual(instances[0].inputs.instanceClass, "db.r6g.large");
    });

    for (const stack of ["production", "staging"]) {
        describe(stack, () => {
            it("runs the configured Aurora MySQL 3 version, encrypted with the data key, credentials managed by RDS under the data key", () => {
                const run = runs[stack];
                const cluster = one(run, "aws:rds/cluster:Cluster");
                const dataKey = keyArn(run, "data");
                assert.ok(dataKey);
                assert.strictEqual(cluster.inputs.engine, "aurora-mysql");
                assert.strictEqual(cluster.inputs.engineVersion, readStackConfig(stack)["hms:databaseEngineVersion"]);
                assert.strictEqual(cluster.inputs.storageEncrypted, true);
                assert.strictEqual(cluster.inputs.kmsKeyId, dataKey);
                assert.strictEqual(cluster.inputs.manageMasterUserPassword, true);
                assert.strictEqual(cluster.inputs.masterUserSecretKmsKeyId, dataKey);
                assert.strictEqual(cluster.inputs.masterPassword, undefined);
                assert.strictEqual(cluster.inputs.masterPasswordWo, undefined);
                assert.strictEqual(cluster.inputs.iamDatabaseAuthenticationEnabled, true);
                assert.strictEqual(cluster.inputs.autoMinorVersionUpgrade, true);
                assert.strictEqual(cluster.inputs.copyTagsToSnapshot, true);
                for (const i of ofType(run, "aws:rds/clusterInstance:ClusterInstance")) {
                    assert.strictEqual(i.inputs.performanceInsightsEnabled, true);
                    assert.strictEqual(i.inputs.performanceInsightsKmsKeyId, dataKey);
                    assert.strictEqual(i.inputs.autoMinorVersionUpgrade, true);
                    assert.strictEqual(i.inputs.clusterIdentifier, cluster.id);
                }
            });

            it("keeps 30 days of backups in the configured windows", () => {
                const cluster = one(runs[stack], "aws:rds/cluster:Cluster");
                assert.strictEqual(cluster.inputs.backupRetentionPeriod, 30);
                assert.strictEqual(cluster.inputs.preferredBackupWindow, "03:00-04:00");
                assert.strictEqual(cluster.inputs.preferredMaintenanceWindow, "sun:05:00-sun:06:00");
            });

            it("is protected: deletion protection, a valid final snapshot identifier, `protect`", () => {
                const cluster = one(runs[stack], "aws:rds/cluster:Cluster");
                assert.strictEqual(cluster.protect, true);
                assert.strictEqual(cluster.inputs.deletionProtection, true);
                assert.strictEqual(cluster.inputs.skipFinalSnapshot, false);
                const snapshot = String(cluster.inputs.finalSnapshotIdentifier);
                assert.ok(isAwsIdentifier(snapshot, 255), snapshot);
                assert.ok(
                    isAwsIdentifier(String(cluster.inputs.clusterIdentifier), 63),
                    String(cluster.inputs.clusterIdentifier),
                );
                for (const i of ofType(runs[stack], "aws:rds/clusterInstance:ClusterInstance")) {
                    assert.ok(isAwsIdentifier(String(i.inputs.identifier), 63), String(i.inputs.identifier));
                }
            });

            it("requires TLS 1.2+ and audits connections, DDL and DCL through its cluster parameter group", () => {
                const run = runs[stack];
                const cluster = one(run, "aws:rds/cluster:Cluster");
                const group = one(run, "aws:rds/clusterParameterGroup:ClusterParameterGroup");
                assert.strictEqual(cluster.inputs.dbClusterParameterGroupName, group.inputs.name);
                assert.strictEqual(group.inputs.family, "aurora-mysql8.0");
                const params = new Map((group.inputs.parameters as Parameter[]).map((p) => [p.name, p]));
                assert.strictEqual(params.get("require_secure_transport")?.value, "ON");
                const tls = String(params.get("tls_version")?.value).split(",");
                assert.ok(tls.length > 0 && tls.every((v) => v === "TLSv1.2" || v === "TLSv1.3"), `tls_version ${tls}`);
                // tls_version is static: RDS rejects the immediate apply method for it.
                assert.strictEqual(params.get("tls_version")?.applyMethod, "pending-reboot");
                assert.strictEqual(params.get("server_audit_logging")?.value, "1");
                const events = String(params.get("server_audit_events")?.value).split(",");
                for (const e of ["CONNECT", "QUERY_DDL", "QUERY_DCL"]) {
                    assert.ok(events.includes(e), `server_audit_events lacks ${e}: ${events}`);
                }
            });

            it("exports audit, error and slow query logs to KMS-encrypted log groups created before the cluster", () => {
                const run = runs[stack];
                const cluster = one(run, "aws:rds/cluster:Cluster");
                const exports = cluster.inputs.enabledCloudwatchLogsExports as string[];
                assert.deepStrictEqual([...exports].sort(), ["audit", "error", "slowquery"]);
                const retention = Number(readStackConfig(stack)["hms:logRetentionDays"]);
                for (const type of exports) {
                    const name = `/aws/rds/cluster/${cluster.inputs.clusterIdentifier}/${type}`;
                    const group = run.resources.find(
                        (r) => r.type === "aws:cloudwatch/logGroup:LogGroup" && r.inputs.name === name,
                    );
                    assert.ok(group, `no log group ${name}`);
                    assert.strictEqual(group.inputs.kmsKeyId, keyArn(run, "logs"));
                    assert.strictEqual(group.inputs.retentionInDays, retention);
                    assert.ok(cluster.dependencies.includes(group.urn), `the cluster does not wait for ${name}`);
                }
            });

            it("lives in the data subnets behind its own security group with no inline rules; MySQL is on 3306", () => {
                const run = runs[stack];
                const cluster = one(run, "aws:rds/cluster:Cluster");
                const subnetGroup = one(run, "aws:rds/subnetGroup:SubnetGroup");
                assert.strictEqual(cluster.inputs.dbSubnetGroupName, subnetGroup.inputs.name);
                const subnets = (subnetGroup.inputs.subnetIds as string[]).map((id) => byId(run, id));
                assert.ok(subnets.length >= 2);
                subnets.forEach((s) => assert.strictEqual((s.inputs.tags as Record<string, string>).Tier, "data"));
                const sgIds = cluster.inputs.vpcSecurityGroupIds as string[];
                assert.strictEqual(sgIds.length, 1);
                const sg = byId(run, sgIds[0]);
                assert.ok(sg.name.includes("database"), sg.name);
                assert.strictEqual(sg.inputs.ingress, undefined);
                assert.strictEqual(sg.inputs.egress, undefined);
                assert.strictEqual(cluster.inputs.port, 3306);
                // Whatever rules the composition adds reference security groups, never CIDR blocks.
                for (const rule of ofType(run, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")) {
                    if (rule.inputs.securityGroupId === sg.id) {
                        assert.strictEqual(rule.inputs.fromPort, 3306);
                        assert.strictEqual(rule.inputs.toPort, 3306);
                        assert.ok(rule.inputs.referencedSecurityGroupId, `${rule.name} is not from a security group`);
                        assert.strictEqual(rule.inputs.cidrIpv4, undefined);
                    }
                }
            });

            it("administrators reach MySQL through the Client VPN (a rule from the VPN's security group on 3306)", () => {
                const run = runs[stack];
                const cluster = one(run, "aws:rds/cluster:Cluster");
                const dbSg = (cluster.inputs.vpcSecurityGroupIds as string[])[0];
                const vpnSg = run.resources.find(
                    (r) => r.type === "aws:ec2/securityGroup:SecurityGroup" && r.name.endsWith("-security-vpn"),
                );
                assert.ok(vpnSg, "the stack has no Client VPN security group");
                const rules = ofType(run, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter(
                    (r) => r.inputs.securityGroupId === dbSg && r.inputs.referencedSecurityGroupId === vpnSg.id,
                );
                assert.strictEqual(rules.length, 1);
                assert.strictEqual(rules[0].inputs.ipProtocol, "tcp");
                assert.strictEqual(rules[0].inputs.fromPort, 3306);
            });

            it("alarms notify the monitoring tier's topic", () => {
                const run = runs[stack];
                const component = run.resources.find((r) => r.type === "hms:database:Database");
                const alarms = ofType(run, "aws:cloudwatch/metricAlarm:MetricAlarm").filter(
                    (a) => a.parent === component?.urn,
                );
                const instances = ofType(run, "aws:rds/clusterInstance:ClusterInstance").length;
                assert.strictEqual(alarms.length, instances * 3 + (instances > 1 ? 1 : 0));
                const topic = run.resources.find(
                    (r) => r.type === "aws:sns/topic:Topic" && r.name.endsWith("-monitoring-alarms"),
                );
                assert.ok(topic, "no monitoring topic");
                alarms.forEach((a) => assert.deepStrictEqual(a.inputs.alarmActions, [topic.outputs.arn]));
            });

            it("has enhanced monitoring through a role with the AWS managed policy", () => {
                const run = runs[stack];
                const role = run.resources.find(
                    (r) => r.type === "aws:iam/role:Role" && r.name.endsWith("-database-monitoring"),
                );
                assert.ok(role);
                const trust = JSON.parse(String(role.inputs.assumeRolePolicy));
                assert.strictEqual(trust.Statement[0].Principal.Service, "monitoring.rds.amazonaws.com");
                const attachment = run.resources.find(
                    (r) =>
                        r.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment" &&
                        r.inputs.role === role.outputs.name,
                );
                assert.strictEqual(
                    attachment?.inputs.policyArn,
                    "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole",
                );
                for (const i of ofType(run, "aws:rds/clusterInstance:ClusterInstance")) {
                    assert.strictEqual(i.inputs.monitoringInterval, 60);
                    assert.strictEqual(i.inputs.monitoringRoleArn, role.outputs.arn);
                }
            });

            it("exports the endpoints, port and master secret ARN (no secrets)", () => {
                const o = runs[stack].outputs;
                const cluster = one(runs[stack], "aws:rds/cluster:Cluster");
                assert.strictEqual(o.databaseEndpoint, cluster.outputs.endpoint);
                assert.strictEqual(o.databaseReaderEndpoint, cluster.outputs.readerEndpoint);
                assert.strictEqual(o.databasePort, 3306);
                assert.match(
                    String(o.databaseMasterSecretArn),
                    /^arn:aws:secretsmanager:sa-east-1:\d{12}:secret:rds!cluster-/,
                );
            });
        });
    }

    it("without protectData (staging's config, Database built alone): no deletion protection, no final snapshot, no `protect`; retention capped at RDS's 35 days", async () => {
        const run = await databaseBuiltAlone("staging", {
            protectData: false,
            backupRetentionDays: 90,
            backupContinuous: false,
        });
        const cluster = one(run, "aws:rds/cluster:Cluster");
        assert.strictEqual(cluster.protect, false);
        assert.strictEqual(cluster.inputs.deletionProtection, false);
        assert.strictEqual(cluster.inputs.skipFinalSnapshot, true);
        assert.strictEqual(cluster.inputs.finalSnapshotIdentifier, undefined);
        assert.strictEqual(cluster.inputs.backupRetentionPeriod, 35);
    });

    it("no enhanced monitoring role when the interval is 0 (staging's config, Database built alone)", async () => {
        const run = await databaseBuiltAlone("staging", { databaseMonitoringIntervalSeconds: 0 });
        assert.deepStrictEqual(all(run, "aws:iam/role:Role", "-database-monitoring"), []);
        assert.deepStrictEqual(all(run, "aws:iam/rolePolicyAttachment:RolePolicyAttachment"), []);
        const instances = all(run, "aws:rds/clusterInstance:ClusterInstance");
        assert.strictEqual(instances.length, 1, "staging's one instance");
        for (const i of instances) {
            assert.strictEqual(i.inputs.monitoringInterval, 0);
            assert.strictEqual(i.inputs.monitoringRoleArn, undefined);
        }
    });

    describe("alarms", () => {
        const TOPIC = "arn:aws:sns:sa-east-1:123456789012:hms-test-alarms";
        const args: DatabaseArgs = {
            ...DATA_SUBNETS,
            engineVersion: "8.0.mysql_aurora.3.10.0",
            instanceClass: "db.r6g.2xlarge",
            memoryGiB: 64,
            instances: 3,
            databaseName: "wordpress",
            backupRetentionDays: 30,
            backupWindow: "03:00-04:00",
            maintenanceWindow: "sun:05:00-sun:06:00",
            monitoringIntervalSeconds: 60,
            logRetentionDays: 365,
            dataKeyArn: "arn:aws:kms:sa-east-1:123456789012:key/data",
            logsKeyArn: "arn:aws:kms:sa-east-1:123456789012:key/logs",
            protect: true,
        };
        const alarmsOf = (resources: RecordedResource[]) =>
            resources.filter((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm");

        it("with an alarm topic: CPU, freeable memory and connections per instance and replica lag, all notifying the topic", async () => {
            const resources = await buildComponent(
                () => new Database("hms-test-database", { ...args, alarmTopicArn: TOPIC }),
            );
            const alarms = alarmsOf(resources);
            const instances = resources.filter((r) => r.type === "aws:rds/clusterInstance:ClusterInstance");
            assert.strictEqual(instances.length, 3);
            for (const instance of instances) {
                const mine = alarms.filter(
                    (a) =>
                        (a.inputs.dimensions as Record<string, string>)?.DBInstanceIdentifier ===
                        instance.inputs.identifier,
                );
                const byMetric = new Map(mine.map((a) => [a.inputs.metricName, a]));
                assert.deepStrictEqual([...byMetric.keys()].sort(), [
                    "CPUUtilization",
                    "DatabaseConnections",
                    "FreeableMemory",
                ]);
                assert.strictEqual(byMetric.get("CPUUtilization")?.inputs.threshold, 80);
                assert.strictEqual(byMetric.get("FreeableMemory")?.inputs.comparisonOperator, "LessThanThreshold");
                assert.strictEqual(byMetric.get("FreeableMemory")?.inputs.threshold, Math.round(6.4 * 1024 ** 3));
                assert.strictEqual(byMetric.get("DatabaseConnections")?.inputs.threshold, 2400);
            }
            const lag = alarms.filter((a) => a.inputs.metricName === "AuroraReplicaLagMaximum");
            assert.strictEqual(lag.length, 1);
            assert.strictEqual(
                (lag[0].inputs.dimensions as Record<string, string>).DBClusterIdentifier,
                "hms-test-database",
            );
            assert.strictEqual(alarms.length, 10);
            for (const a of alarms) {
                assert.strictEqual(a.inputs.namespace, "AWS/RDS");
                assert.deepStrictEqual(a.inputs.alarmActions, [TOPIC]);
                assert.deepStrictEqual(a.inputs.okActions, [TOPIC]);
            }
        });

        it("a single instance has no replica lag alarm; without a topic there are no alarms", async () => {
            const single = alarmsOf(
                await buildComponent(
                    () => new Database("hms-test-database", { ...args, instances: 1, alarmTopicArn: TOPIC }),
                ),
            );
            assert.strictEqual(single.length, 3);
            assert.ok(!single.some((a) => a.inputs.metricName === "AuroraReplicaLagMaximum"));
            assert.deepStrictEqual(alarmsOf(await buildComponent(() => new Database("hms-test-database", args))), []);
        });
    });

    describe("helpers", () => {
        it("derives the parameter group family from the engine version", () => {
            assert.strictEqual(auroraMysqlFamily("8.0.mysql_aurora.3.10.0"), "aurora-mysql8.0");
            assert.throws(
                () => auroraMysqlFamily("8.0.36"),
                /engine version "8.0.36" is not an Aurora MySQL engine version/,
            );
        });

        it("knows Aurora MySQL's default max_connections (documented table)", () => {
            assert.strictEqual(auroraMaxConnections(4), 90); // db.t4g.medium
            assert.strictEqual(auroraMaxConnections(16), 1000); // db.r6g.large
            assert.strictEqual(auroraMaxConnections(64), 3000); // db.r6g.2xlarge
            assert.strictEqual(auroraMaxConnections(384), 6000); // db.r6g.12xlarge
            assert.strictEqual(auroraMaxConnections(512), 6000); // db.r6g.16xlarge
        });

        it("derives valid identifiers from any component name", () => {
            assert.strictEqual(awsIdentifier("hms-production-database", 63), "hms-production-database");
            assert.strictEqual(awsIdentifier("hms-production-database", 63, "final"), "hms-production-database-final");
            assert.strictEqual(awsIdentifier("9Hms__Prod--DB-", 63), "hms-prod-db");
            const long = awsIdentifier(`hms-${"x".repeat(80)}-`, 63, "12");
            assert.ok(isAwsIdentifier(long, 63) && long.endsWith("-12"), long);
            for (const bad of ["", "1abc", "ab--c", "abc-", "Abc", "a_b", "a".repeat(64)]) {
                assert.ok(!isAwsIdentifier(bad, 63), bad);
            }
        });
    });

    describe("configuration", () => {
        const problemsOf = (overrides: Record<string, unknown>): string[] => configProblems("production", overrides);

        it("refuses backup and maintenance windows shorter than RDS's 30 minutes", () => {
            assert.ok(
                problemsOf({ databaseBackupWindow: "03:00-03:20" }).some((p) =>
                    /^hms:databaseBackupWindow = "03:00-03:20": must last at least 30 minutes/.test(p),
                ),
            );
            assert.ok(
                problemsOf({ databaseMaintenanceWindow: "sun:05:00-sun:05:15" }).some((p) =>
                    /^hms:databaseMaintenanceWindow = .*at least 30 minutes/.test(p),
                ),
            );
            assert.deepStrictEqual(problemsOf({ databaseMaintenanceWindow: "sat:23:45-sun:00:15" }), []);
        });
    });
});
