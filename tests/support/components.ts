// Builds one component on its own under the shared mocks (for options the
// stacks do not exercise), and returns what it registered.

import * as pulumi from "@pulumi/pulumi";
import { HmsConfig, Tier, TIER_REQUIRES } from "../../config";
import { MOCK_ACCOUNT_ID, RecordedResource, useMocks } from "../../tools/mocks";
import { settle } from "../../tools/stack";
import { parseStack } from "./resources";

export async function buildComponent(create: () => void, region = "sa-east-1"): Promise<RecordedResource[]> {
    const monitor = useMocks("hms", "component-test");
    pulumi.runtime.setAllConfig({ "aws:region": region }, []);
    create();
    await settle(monitor);
    return [...monitor.recorded];
}

/**
 * What `build` registers when it creates a tier alone from the configuration of `stack` with `overrides` (the
 * `HmsConfig` the program gets: tests/support/resources.ts parseStack), in the stack's region.
 */
export async function builtAlone(
    stack: string,
    overrides: Record<string, unknown>,
    build: (c: HmsConfig) => void,
): Promise<{ resources: RecordedResource[] }> {
    const c = parseStack(stack, overrides);
    return { resources: await buildComponent(() => build(c), c.region) };
}

/** Where a data tier built alone lives: three data subnets of a VPC in sa-east-1. */
export const DATA_SUBNETS = {
    region: "sa-east-1",
    vpcId: "vpc-0123456789abcdef0",
    subnetIds: ["subnet-a", "subnet-b", "subnet-c"],
    availabilityZones: ["sa-east-1a", "sa-east-1b", "sa-east-1c"],
};

/**
 * What the rest of the program hands a tier built alone (components/hospital.ts):
 * fixed stand-ins for the keys of Keys (in `region`; the DR key in `drRegion`)
 * and the monitoring tier's alarm topic, in the account the mocks use.
 */
function standIns(region: string, drRegion: string) {
    const key = (keyRegion: string, id: string) => `arn:aws:kms:${keyRegion}:${MOCK_ACCOUNT_ID}:key/stand-in-${id}`;
    return {
        dataKeyArn: key(region, "data"),
        logsKeyArn: key(region, "logs"),
        backupKeyArn: key(region, "backup"),
        drKeyArn: key(drRegion, "dr"),
        alarmTopicArn: `arn:aws:sns:${region}:${MOCK_ACCOUNT_ID}:stand-in-monitoring-alarms`,
    };
}

/**
 * Stand-ins for all that the rest of the program hands a tier built alone from stack
 * configuration `c`, in the shape of the handovers of components/tier-args.ts (the
 * components' own output names): the network (one subnet per AZ of each tier), the keys
 * (`standIns`), and the outputs of the other tiers. What the program hands over only when
 * a tier exists is there only then: the monitoring tier's topic and telemetry, the Client
 * VPN's security group, mail (app and edge), the WebSocket server, the media bucket's replica.
 */
export function handedOver(c: HmsConfig) {
    const given = standIns(c.region, c.drRegion);
    const name = `hms-${c.environment}`;
    const arn = (service: string, resource: string) => `arn:aws:${service}:${c.region}:${MOCK_ACCOUNT_ID}:${resource}`;
    const policy = (id: string) => `arn:aws:iam::${MOCK_ACCOUNT_ID}:policy/${name}-${id}`;
    const zones = Array.from({ length: c.network.azCount }, (_, i) => `${c.region}${"abcdef"[i]}`);
    const subnets = (tier: string) => zones.map((_, i) => `subnet-${tier}-${i + 1}`);
    /** An address in the VPC (its /16 prefix). */
    const ip = (host: string) => `${c.network.cidr.split(".").slice(0, 2).join(".")}.${host}`;
    return {
        network: {
            vpcId: "vpc-0123456789abcdef0",
            cidr: c.network.cidr,
            availabilityZones: zones,
            publicSubnets: { ids: subnets("public") },
            appSubnets: { ids: subnets("app") },
            dataSubnets: { ids: subnets("data") },
        },
        keys: {
            dataKeyArn: given.dataKeyArn,
            logsKeyArn: given.logsKeyArn,
            backupKeyArn: given.backupKeyArn,
            drKeyArn: given.drKeyArn,
        },
        drKeyFor: (_setting: string) => given.drKeyArn,
        security: c.security?.vpn ? { vpnSecurityGroupId: "sg-0c11e47a9b8d7f6e5" } : undefined,
        monitoring: c.monitoring
            ? {
                  alarmTopicArn: given.alarmTopicArn,
                  prometheusEndpoint: `https://aps-workspaces.${c.region}.amazonaws.com/workspaces/ws-0123456789abcdef/`,
                  logsIngestEndpoint: `https://${name}-logs-0123456789ab.${c.region}.osis.amazonaws.com/logs/ingest`,
                  hostTelemetryPolicyArn: policy("host-telemetry"),
              }
            : undefined,
        storage: {
            bucketName: `${name}-storage-media-stand-in`,
            bucketArn: `arn:aws:s3:::${name}-storage-media-stand-in`,
            replicaBucketArn:
                c.tiers.storage && c.storage.replicateToDr
                    ? `arn:aws:s3:::${name}-storage-replica-stand-in`
                    : undefined,
            accessPolicyArn: policy("storage-media-access"),
        },
        database: {
            clusterArn: arn("rds", `cluster:${name}-database`),
            endpoint: `${name}-database.cluster-abcdef012345.${c.region}.rds.amazonaws.com`,
            port: 3306,
            masterSecretArn: arn("secretsmanager", "secret:rds!cluster-0123-AbCdEf"),
            securityGroupId: "sg-0database00000001",
        },
        cache: {
            primaryEndpoint: `master.${name}-cache.abcdef.sae1.cache.amazonaws.com`,
            port: 6379,
            authSecretArn: arn("secretsmanager", `secret:${name}-cache/auth-token-AbCdEf`),
            securityGroupId: "sg-0cache000000000001",
        },
        mail:
            c.app && c.edge ? { configurationSetName: `${name}-mail`, sendPolicyArn: policy("mail-send") } : undefined,
        appServers: {
            privateIps: Array.from({ length: c.app?.count ?? 1 }, (_, i) => ip(`${64 + i}.10`)),
            httpPort: 8080,
            securityGroupId: "sg-0app0000000000001",
        },
        websocket: c.websocket
            ? { privateIp: ip("64.20"), port: c.websocket.port, securityGroupId: "sg-0websocket000001" }
            : undefined,
        loadBalancer: {
            nlbDnsName: `${name}-lb-nlb-0123456789abcdef.elb.${c.region}.amazonaws.com`,
            originPullCertificatePem:
                "-----BEGIN CERTIFICATE-----\nstand-in origin-pull client certificate\n-----END CERTIFICATE-----\n",
            originPullPrivateKeyPem:
                "-----BEGIN PRIVATE KEY-----\nstand-in origin-pull client key\n-----END PRIVATE KEY-----\n",
        },
        /** hms:edgeZoneId, else the id the program would look up by hms:domain. */
        zoneId: c.edge?.zoneId ?? "023e105f4ecef8ad9ca31a8372d0c353",
    };
}

/** `tier` and every tier it needs, directly or not (TIER_REQUIRES): the least stack that runs it. */
export function withRequirements(tier: Tier): Tier[] {
    const tiers = new Set<Tier>([tier]);
    for (const t of tiers) {
        TIER_REQUIRES[t].forEach((q) => tiers.add(q));
    }
    return [...tiers];
}
