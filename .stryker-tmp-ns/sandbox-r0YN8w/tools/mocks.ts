// @ts-nocheck
// Pulumi mocks shared by the unit tests and the offline plan.
//
// The SDK's MockMonitor answers the program's resource registrations and
// invokes; `RecordingMonitor` wraps it and records every registration as the
// engine would see it (type, name, parent, inputs, dependencies, protect), so
// tests and the plan can inspect the whole resource graph. Mock values are
// realistic: non-empty ids, ARNs in the right account and region, real
// Cloudflare IP ranges, availability zones of the configured region.

import * as pulumi from "@pulumi/pulumi";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import * as rpc from "@pulumi/pulumi/runtime/rpc";
import * as settings from "@pulumi/pulumi/runtime/settings";
import * as state from "@pulumi/pulumi/runtime/state";

export const MOCK_ACCOUNT_ID = "123456789012";

/** Cloudflare's published ranges (https://www.cloudflare.com/ips/), as the provider's getIpRanges returns them. */
export const CLOUDFLARE_IPV4 = [
    "173.245.48.0/20",
    "103.21.244.0/22",
    "103.22.200.0/22",
    "103.31.4.0/22",
    "141.101.64.0/18",
    "108.162.192.0/18",
    "190.93.240.0/20",
    "188.114.96.0/20",
    "197.234.240.0/22",
    "198.41.128.0/17",
    "162.158.0.0/15",
    "104.16.0.0/13",
    "104.24.0.0/14",
    "172.64.0.0/13",
    "131.0.72.0/22",
];
export const CLOUDFLARE_IPV6 = [
    "2400:cb00::/32",
    "2606:4700::/32",
    "2803:f800::/32",
    "2405:b500::/32",
    "2405:8100::/32",
    "2a06:98c0::/29",
    "2c0f:f248::/32",
];

/** One registration as the engine would see it. */
export interface RecordedResource {
    urn: string;
    type: string;
    name: string;
    parent: string | null;
    custom: boolean;
    protect: boolean;
    retainOnDelete: boolean;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    provider: string;
    /** Inputs with secrets kept as the SDK's secret envelopes (see `isSecret`). */
    rawInputs: Record<string, unknown>;
    /** Inputs with secrets shown as "[secret]": safe to print and to write to a file. */
    inputs: Record<string, unknown>;
    /** The id and outputs the mock returned. */
    id: string;
    outputs: Record<string, unknown>;
    /**
     * Inputs and outputs as they travel over gRPC (the protobuf Struct as
     * JSON): secrets and resource references as signature envelopes, unknowns
     * as the unknown sentinel; a component's outputs are those it registers
     * (registerOutputs). The offline plan hands these to the policy pack.
     */
    serializedInputs: Record<string, unknown>;
    serializedOutputs: Record<string, unknown>;
    /** The resource options the engine passes on to analyzers. */
    options: RegistrationOptions;
}

export interface RegistrationOptions {
    ignoreChanges: string[];
    additionalSecretOutputs: string[];
    /** Every alias as a URN (an alias spec resolved the way the engine resolves it). */
    aliases: string[];
    replaceOnChanges: string[];
    /** Go duration strings ("10m"), "" when unset. */
    customTimeouts: { create: string; update: string; delete: string };
    /** undefined when the program did not set it. */
    deleteBeforeReplace?: boolean;
    /** Version of the provider package that registered the resource ("" for components). */
    version: string;
}

export interface RecordedInvoke {
    token: string;
    inputs: Record<string, unknown>;
}

const SECRET_SIG = rpc.specialSecretSig;
const SIG_KEY = rpc.specialSigKey;
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";

export function isSecret(v: unknown): v is { value: unknown } {
    return typeof v === "object" && v !== null && (v as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;
}

/** Replaces secret envelopes by "[secret]", unknowns by "[unknown]", resource references by their URN. */
export function toPlain(v: unknown): unknown {
    if (v === rpc.unknownValue) {
        return "[unknown]";
    }
    if (Array.isArray(v)) {
        return v.map(toPlain);
    }
    if (typeof v === "object" && v !== null) {
        const o = v as Record<string, unknown>;
        if (o[SIG_KEY] === SECRET_SIG) {
            return "[secret]";
        }
        if (o[SIG_KEY] === RESOURCE_SIG) {
            return o.urn;
        }
        if (SIG_KEY in o) {
            // assets and archives
            const rest = { ...o };
            delete rest[SIG_KEY];
            return toPlain(rest);
        }
        return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, toPlain(x)]));
    }
    return v;
}

/** `deserialized` with every asset or archive replaced by the same place of `serialized`. */
function plainAssets(deserialized: unknown, serialized: unknown): unknown {
    if (
        pulumi.asset.Asset.isInstance(deserialized as object) ||
        pulumi.asset.Archive.isInstance(deserialized as object)
    ) {
        return serialized;
    }
    if (Array.isArray(deserialized as unknown)) {
        return (deserialized as unknown[]).map((x, i) => plainAssets(x, (serialized as unknown[] | undefined)?.[i]));
    }
    if (
        typeof deserialized === "object" &&
        deserialized !== null &&
        Object.getPrototypeOf(deserialized) === Object.prototype
    ) {
        const ser = (serialized ?? {}) as Record<string, unknown>;
        return Object.fromEntries(Object.entries(deserialized).map(([k, x]) => [k, plainAssets(x, ser[k])]));
    }
    return deserialized;
}

/** Removes secret envelopes (keeping the values), for mocks that compute outputs from inputs. */
export function unwrapSecrets(v: unknown): unknown {
    if (isSecret(v)) {
        return unwrapSecrets(v.value);
    }
    if (Array.isArray(v)) {
        return v.map(unwrapSecrets);
    }
    if (typeof v === "object" && v !== null) {
        return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, unwrapSecrets(x)]));
    }
    return v;
}

function hex(seed: string, length: number): string {
    let h = 2166136261;
    let out = "";
    let i = 0;
    while (out.length < length) {
        for (const c of `${seed}:${i}`) {
            h ^= c.charCodeAt(0);
            h = Math.imul(h, 16777619) >>> 0;
        }
        out += h.toString(16).padStart(8, "0");
        i++;
    }
    return out.slice(0, length);
}

/** Id prefixes AWS uses, so ids in the plan look like the real thing. */
const ID_PREFIX: Record<string, string> = {
    "aws:ec2/vpc:Vpc": "vpc-",
    "aws:ec2/subnet:Subnet": "subnet-",
    "aws:ec2/securityGroup:SecurityGroup": "sg-",
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": "sg-",
    "aws:ec2/internetGateway:InternetGateway": "igw-",
    "aws:ec2/natGateway:NatGateway": "nat-",
    "aws:ec2/eip:Eip": "eipalloc-",
    "aws:ec2/routeTable:RouteTable": "rtb-",
    "aws:ec2/instance:Instance": "i-",
    "aws:ec2/vpcEndpoint:VpcEndpoint": "vpce-",
    "aws:ec2/flowLog:FlowLog": "fl-",
    "aws:ec2/launchTemplate:LaunchTemplate": "lt-",
    "aws:ec2clientvpn/endpoint:Endpoint": "cvpn-endpoint-",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": "sgr-",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": "sgr-",
};

function regionOf(inputs: Record<string, unknown>): string {
    const r = inputs.region;
    if (typeof r === "string" && r !== "") {
        return r;
    }
    return new pulumi.Config("aws").get("region") ?? "sa-east-1";
}

function privateIp(seed: string): string {
    const h = hex(seed, 4);
    return `10.20.${parseInt(h.slice(0, 2), 16) % 250}.${(parseInt(h.slice(2, 4), 16) % 250) + 4}`;
}

/** Outputs a real provider would add to a resource of this type. */
function computedOutputs(
    type: string,
    name: string,
    id: string,
    inputs: Record<string, unknown>,
): Record<string, unknown> {
    const region = regionOf(inputs);
    const [pkg, mod] = type.split(":");
    const service = (mod ?? "").split("/")[0];
    const out: Record<string, unknown> = {};
    if (pkg === "aws") {
        out.arn = `arn:aws:${service}:${region}:${MOCK_ACCOUNT_ID}:${service}/${id}`;
        out.region = region;
    }
    switch (type) {
        case "aws:kms/key:Key":
            out.keyId = id;
            out.arn = `arn:aws:kms:${region}:${MOCK_ACCOUNT_ID}:key/${id}`;
            break;
        case "aws:iam/role:Role":
            out.arn = `arn:aws:iam::${MOCK_ACCOUNT_ID}:role/${inputs.name ?? id}`;
            out.name = inputs.name ?? id;
            out.uniqueId = `AROA${hex(name, 17).toUpperCase()}`;
            break;
        case "aws:iam/policy:Policy":
            out.arn = `arn:aws:iam::${MOCK_ACCOUNT_ID}:policy/${inputs.name ?? id}`;
            break;
        case "aws:iam/instanceProfile:InstanceProfile":
            out.arn = `arn:aws:iam::${MOCK_ACCOUNT_ID}:instance-profile/${inputs.name ?? id}`;
            out.name = inputs.name ?? id;
            break;
        case "aws:s3/bucket:Bucket": {
            const bucket = (inputs.bucket as string | undefined) ?? `${name}-${hex(name, 7)}`;
            out.bucket = bucket;
            out.arn = `arn:aws:s3:::${bucket}`;
            out.bucketDomainName = `${bucket}.s3.amazonaws.com`;
            out.bucketRegionalDomainName = `${bucket}.s3.${region}.amazonaws.com`;
            break;
        }
        case "aws:cloudwatch/logGroup:LogGroup":
            out.name = inputs.name ?? `${name}-${hex(name, 7)}`;
            out.arn = `arn:aws:logs:${region}:${MOCK_ACCOUNT_ID}:log-group:${out.name}`;
            break;
        case "aws:sns/topic:Topic":
            out.arn = `arn:aws:sns:${region}:${MOCK_ACCOUNT_ID}:${inputs.name ?? name}`;
            break;
        case "aws:sesv2/emailIdentity:EmailIdentity":
            out.arn = `arn:aws:ses:${region}:${MOCK_ACCOUNT_ID}:identity/${String(inputs.emailIdentity)}`;
            // Easy DKIM: three 32-character selectors.
            out.dkimSigningAttributes = {
                ...(inputs.dkimSigningAttributes as object),
                signingAttributesOrigin: "AWS_SES",
                status: "PENDING",
                tokens: [0, 1, 2].map((i) => hex(`${name}-dkim-${i}`, 32)),
            };
            break;
        case "aws:sesv2/configurationSet:ConfigurationSet":
            out.arn = `arn:aws:ses:${region}:${MOCK_ACCOUNT_ID}:configuration-set/${String(inputs.configurationSetName)}`;
            break;
        case "aws:secretsmanager/secret:Secret":
            out.arn = `arn:aws:secretsmanager:${region}:${MOCK_ACCOUNT_ID}:secret:${inputs.name ?? name}-${hex(name, 6)}`;
            break;
        case "aws:ec2/instance:Instance":
            // A fixed address asked for is the one the instance gets.
            out.privateIp =
                typeof inputs.privateIp === "string" && inputs.privateIp !== "" ? inputs.privateIp : privateIp(name);
            out.privateDns = `ip-${String(out.privateIp).replace(/\./g, "-")}.${region}.compute.internal`;
            out.primaryNetworkInterfaceId = `eni-${hex(name, 17)}`;
            break;
        case "aws:ec2/vpc:Vpc":
            out.defaultSecurityGroupId = `sg-${hex(`${name}-default`, 17)}`;
            out.defaultRouteTableId = `rtb-${hex(`${name}-default`, 17)}`;
            out.mainRouteTableId = out.defaultRouteTableId;
            out.defaultNetworkAclId = `acl-${hex(`${name}-default`, 17)}`;
            break;
        case "aws:lb/loadBalancer:LoadBalancer":
            out.dnsName = `${name}-${hex(name, 16)}.elb.${region}.amazonaws.com`;
            out.zoneId = "Z2P70J7HTTTPLU";
            out.arnSuffix = `net/${name}/${hex(name, 16)}`;
            break;
        case "aws:lb/targetGroup:TargetGroup":
            out.arnSuffix = `targetgroup/${name}/${hex(name, 16)}`;
            break;
        case "aws:rds/cluster:Cluster":
            out.endpoint = `${name}.cluster-${hex(name, 12)}.${region}.rds.amazonaws.com`;
            out.readerEndpoint = `${name}.cluster-ro-${hex(name, 12)}.${region}.rds.amazonaws.com`;
            out.port = inputs.port ?? 3306;
            out.clusterIdentifier = inputs.clusterIdentifier ?? name;
            out.arn = `arn:aws:rds:${region}:${MOCK_ACCOUNT_ID}:cluster:${out.clusterIdentifier}`;
            out.masterUserSecrets = [
                {
                    secretArn: `arn:aws:secretsmanager:${region}:${MOCK_ACCOUNT_ID}:secret:rds!cluster-${hex(name, 8)}`,
                    kmsKeyId: inputs.masterUserSecretKmsKeyId ?? "",
                    secretStatus: "active",
                },
            ];
            break;
        case "aws:rds/clusterInstance:ClusterInstance":
            out.endpoint = `${name}.${hex(name, 12)}.${region}.rds.amazonaws.com`;
            out.arn = `arn:aws:rds:${region}:${MOCK_ACCOUNT_ID}:db:${inputs.identifier ?? name}`;
            break;
        case "aws:elasticache/replicationGroup:ReplicationGroup":
            out.primaryEndpointAddress = `master.${name}.${hex(name, 6)}.${region.replace(/-/g, "")}.cache.amazonaws.com`;
            out.readerEndpointAddress = `replica.${name}.${hex(name, 6)}.${region.replace(/-/g, "")}.cache.amazonaws.com`;
            out.port = inputs.port ?? 6379;
            out.arn = `arn:aws:elasticache:${region}:${MOCK_ACCOUNT_ID}:replicationgroup:${inputs.replicationGroupId ?? name}`;
            // Cluster mode disabled: ElastiCache names the member clusters <group id>-001, -002, ...
            out.memberClusters = Array.from(
                { length: Number(inputs.numCacheClusters ?? 1) },
                (_, i) => `${inputs.replicationGroupId ?? name}-${String(i + 1).padStart(3, "0")}`,
            );
            break;
        case "aws:opensearch/domain:Domain":
            out.endpoint = `vpc-${name}-${hex(name, 26)}.${region}.es.amazonaws.com`;
            out.dashboardEndpoint = `${out.endpoint}/_dashboards`;
            out.arn = `arn:aws:es:${region}:${MOCK_ACCOUNT_ID}:domain/${inputs.domainName ?? name}`;
            break;
        case "aws:amp/workspace:Workspace":
            out.prometheusEndpoint = `https://aps-workspaces.${region}.amazonaws.com/workspaces/ws-${hex(name, 8)}/`;
            break;
        case "aws:grafana/workspace:Workspace":
            out.endpoint = `g-${hex(name, 10)}.grafana-workspace.${region}.amazonaws.com`;
            break;
        case "aws:opensearchingest/pipeline:Pipeline":
            out.pipelineArn = `arn:aws:osis:${region}:${MOCK_ACCOUNT_ID}:pipeline/${inputs.pipelineName ?? name}`;
            out.ingestEndpointUrls = [`${inputs.pipelineName ?? name}-${hex(name, 26)}.${region}.osis.amazonaws.com`];
            break;
        case "aws:cloudtrail/trail:Trail":
            out.arn = `arn:aws:cloudtrail:${region}:${MOCK_ACCOUNT_ID}:trail/${inputs.name ?? name}`;
            break;
        case "aws:guardduty/detector:Detector":
            out.accountId = MOCK_ACCOUNT_ID;
            out.arn = `arn:aws:guardduty:${region}:${MOCK_ACCOUNT_ID}:detector/${id}`;
            break;
        case "aws:ec2clientvpn/endpoint:Endpoint":
            out.dnsName = `*.${id}.prod.clientvpn.${region}.amazonaws.com`;
            break;
        case "aws:acm/certificate:Certificate":
            out.arn = `arn:aws:acm:${region}:${MOCK_ACCOUNT_ID}:certificate/${hex(name, 8)}-${hex(name, 4)}`;
            break;
        case "aws:backup/vault:Vault":
            // Auto-named like the provider does: <name>-<7 random characters>.
            out.name = inputs.name ?? `${name}-${hex(name, 7)}`;
            out.arn = `arn:aws:backup:${region}:${MOCK_ACCOUNT_ID}:backup-vault:${out.name}`;
            break;
        case "aws:rds/subnetGroup:SubnetGroup":
            out.name = inputs.name ?? `${name}-${hex(name, 7)}`;
            out.arn = `arn:aws:rds:${region}:${MOCK_ACCOUNT_ID}:subgrp:${out.name}`;
            break;
        case "aws:backup/plan:Plan":
            out.arn = `arn:aws:backup:${region}:${MOCK_ACCOUNT_ID}:backup-plan:${id}`;
            break;
        case "random:index/randomPassword:RandomPassword":
        case "random:index/randomString:RandomString": {
            const length = Number(inputs.length ?? 32);
            out.result = hex(name, length);
            break;
        }
        case "tls:index/privateKey:PrivateKey":
            out.privateKeyPem = `-----BEGIN PRIVATE KEY-----\n${hex(name, 64)}\n-----END PRIVATE KEY-----\n`;
            out.privateKeyPemPkcs8 = out.privateKeyPem;
            out.publicKeyPem = `-----BEGIN PUBLIC KEY-----\n${hex(`${name}-pub`, 64)}\n-----END PUBLIC KEY-----\n`;
            out.publicKeyOpenssh = `ssh-ed25519 ${hex(name, 43)}`;
            break;
        case "tls:index/certRequest:CertRequest":
            out.certRequestPem = `-----BEGIN CERTIFICATE REQUEST-----\n${hex(name, 64)}\n-----END CERTIFICATE REQUEST-----\n`;
            break;
        case "tls:index/selfSignedCert:SelfSignedCert":
        case "tls:index/locallySignedCert:LocallySignedCert":
            out.certPem = `-----BEGIN CERTIFICATE-----\n${hex(name, 64)}\n-----END CERTIFICATE-----\n`;
            break;
        case "cloudflare:index/originCaCertificate:OriginCaCertificate":
            out.certificate = `-----BEGIN CERTIFICATE-----\n${hex(name, 64)}\n-----END CERTIFICATE-----\n`;
            out.expiresOn = "2041-11-29T00:00:00Z";
            break;
        case "cloudflare:index/dnsRecord:DnsRecord":
            out.proxiable = true;
            break;
        default:
            break;
    }
    return out;
}

function mockId(type: string, name: string): string {
    const prefix = ID_PREFIX[type];
    if (prefix) {
        return `${prefix}${hex(`${type}:${name}`, 17)}`;
    }
    if (type.startsWith("cloudflare:")) {
        return hex(`${type}:${name}`, 32);
    }
    if (type === "aws:kms/key:Key") {
        const h = hex(name, 32);
        return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
    }
    return `${name}-${hex(`${type}:${name}`, 8)}`;
}

function availabilityZones(region: string): string[] {
    // Every region this project accepts has at least three AZs except a few;
    // the mocks give three, as sa-east-1 and us-east-1 have (us-east-1 has six).
    return ["a", "b", "c"].map((s) => `${region}${s}`);
}

/** The mock provider: computes outputs and answers invokes. */
export class HmsMocks implements pulumi.runtime.Mocks {
    readonly invokes: RecordedInvoke[] = [];

    newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Record<string, unknown> } {
        const inputs = args.inputs as Record<string, unknown>;
        const id = args.id && args.id !== "" ? args.id : mockId(args.type, args.name);
        const plain = unwrapSecrets(inputs) as Record<string, unknown>;
        return { id, state: { ...inputs, ...computedOutputs(args.type, args.name, id, plain) } };
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
        const inputs = unwrapSecrets(args.inputs) as Record<string, unknown>;
        this.invokes.push({ token: args.token, inputs });
        const region = regionOf(inputs);
        switch (args.token) {
            case "aws:index/getAvailabilityZones:getAvailabilityZones": {
                const names = availabilityZones(region);
                return {
                    id: region,
                    names,
                    zoneIds: names.map((_, i) => `${region.replace(/-/g, "").slice(0, 4)}-az${i + 1}`),
                    groupNames: [region],
                    state: "available",
                };
            }
            case "aws:index/getCallerIdentity:getCallerIdentity":
                return {
                    id: MOCK_ACCOUNT_ID,
                    accountId: MOCK_ACCOUNT_ID,
                    arn: `arn:aws:iam::${MOCK_ACCOUNT_ID}:user/deployer`,
                    userId: "AIDAEXAMPLEDEPLOYER",
                };
            case "aws:index/getRegion:getRegion":
                return {
                    id: region,
                    name: region,
                    region,
                    endpoint: `ec2.${region}.amazonaws.com`,
                    description: region,
                };
            case "aws:index/getPartition:getPartition":
                return { id: "aws", partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
            case "aws:ec2/getAmi:getAmi": {
                const filters = (inputs.filters as Array<{ name: string; values: string[] }> | undefined) ?? [];
                const pattern = filters.find((f) => f.name === "name")?.values[0] ?? "ubuntu/images/*";
                const arch = filters.find((f) => f.name === "architecture")?.values[0] ?? "x86_64";
                return {
                    id: `ami-${hex(pattern + arch, 17)}`,
                    imageId: `ami-${hex(pattern + arch, 17)}`,
                    name: pattern.replace("*", "20261115"),
                    architecture: arch,
                    ownerId: "099720109477",
                    rootDeviceName: "/dev/sda1",
                };
            }
            case "aws:iam/getPolicyDocument:getPolicyDocument":
                return {
                    id: "policy",
                    json: JSON.stringify({ Version: "2012-10-17", Statement: inputs.statements ?? [] }),
                };
            case "cloudflare:index/getIpRanges:getIpRanges":
                return {
                    id: "cloudflare-ip-ranges",
                    ipv4Cidrs: CLOUDFLARE_IPV4,
                    ipv6Cidrs: CLOUDFLARE_IPV6,
                    chinaIpv4Cidrs: [],
                    chinaIpv6Cidrs: [],
                    etag: "mock",
                };
            case "cloudflare:index/getZone:getZone": {
                const filter = (inputs.filter as { name?: string } | undefined) ?? {};
                const zoneName = filter.name ?? "example.org";
                return {
                    id: hex(`zone:${zoneName}`, 32),
                    zoneId: hex(`zone:${zoneName}`, 32),
                    name: zoneName,
                    status: "active",
                    account: { id: hex("account", 32), name: "hospital" },
                    plan: { legacyId: "free" },
                    nameServers: ["ada.ns.cloudflare.com", "bob.ns.cloudflare.com"],
                };
            }
            default:
                return { id: `${args.token}-result`, ...inputs };
        }
    }
}

/** An `Alias` of a registration request (proto/alias_pb): a URN or a spec. */
interface AliasMessage {
    getUrn(): string;
    getSpec():
        | {
              getName(): string;
              getType(): string;
              getStack(): string;
              getProject(): string;
              getParenturn(): string;
              getNoparent(): boolean;
          }
        | undefined;
}

/**
 * An alias as the URN the engine derives from it: unset fields of a spec
 * take the resource's own name, type, parent, stack and project; under a
 * parent, the parent's URN up to its name, then `$type::name`
 * (resource.CreateURN, sdk/go/common/resource/alias.go, pulumi v3.260.0).
 */
export function aliasUrn(
    alias: AliasMessage,
    type: string,
    name: string,
    parent: string,
    stack: string,
    project: string,
): string {
    const spec = alias.getSpec();
    if (!spec) {
        return alias.getUrn();
    }
    const parentUrn = spec.getNoparent() ? "" : spec.getParenturn() || parent;
    const prefix = parentUrn
        ? `${parentUrn.slice(0, parentUrn.lastIndexOf("::"))}$`
        : `urn:pulumi:${spec.getStack() || stack}::${spec.getProject() || project}::`;
    return `${prefix}${spec.getType() || type}::${spec.getName() || name}`;
}

/** A resource monitor that records every registration and delegates to the SDK's MockMonitor. */
export class RecordingMonitor extends MockMonitor {
    // Not `resources`: MockMonitor keeps its own map under that name.
    readonly recorded: RecordedResource[] = [];
    /** The stack and project being run (set by useMocks). */
    stackName = "";
    projectName = "";

    constructor(readonly hmsMocks: HmsMocks) {
        super(hmsMocks);
    }

    // The request type is the SDK's generated protobuf class; its TypeScript
    // declaration is not exported, hence `any` here.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the SDK's MockMonitor signature (see above)
    async registerResource(req: any, callback: (err: any, resp: any) => void): Promise<void> {
        // Assets and archives deserialize to objects holding promises, which cannot be
        // cloned: they are kept in their serialized (plain) form.
        const rawInputs = plainAssets(
            rpc.deserializeProperties(req.getObject()),
            req.getObject()?.toJavaScript() ?? {},
        ) as Record<string, unknown>;
        const propertyDependencies: Record<string, string[]> = {};
        req.getPropertydependenciesMap().forEach((deps: { getUrnsList(): string[] }, key: string) => {
            propertyDependencies[key] = deps.getUrnsList();
        });
        const record: Omit<RecordedResource, "urn" | "id" | "outputs" | "serializedOutputs"> = {
            type: req.getType(),
            name: req.getName(),
            parent: req.getParent() || null,
            custom: req.getCustom(),
            protect: req.hasProtect?.() ? req.getProtect() : Boolean(req.getProtect()),
            retainOnDelete: Boolean(req.getRetainondelete?.()),
            dependencies: [...req.getDependenciesList()],
            propertyDependencies,
            provider: req.getProvider(),
            rawInputs,
            inputs: toPlain(rawInputs) as Record<string, unknown>,
            serializedInputs: (req.getObject()?.toJavaScript() ?? {}) as Record<string, unknown>,
            options: {
                ignoreChanges: [...req.getIgnorechangesList()],
                additionalSecretOutputs: [...req.getAdditionalsecretoutputsList()],
                // The engine takes the alias URNs and the alias specs (pkg/resource/deploy/source_eval.go,
                // RegisterResource); the SDK sends specs, where the same alias may come twice.
                aliases: [
                    ...new Set<string>([
                        ...req.getAliasurnsList(),
                        ...req
                            .getAliasesList()
                            .map((a: AliasMessage) =>
                                aliasUrn(
                                    a,
                                    req.getType(),
                                    req.getName(),
                                    req.getParent(),
                                    this.stackName,
                                    this.projectName,
                                ),
                            ),
                    ]),
                ],
                replaceOnChanges: [...req.getReplaceonchangesList()],
                customTimeouts: {
                    create: req.getCustomtimeouts()?.getCreate() ?? "",
                    update: req.getCustomtimeouts()?.getUpdate() ?? "",
                    delete: req.getCustomtimeouts()?.getDelete() ?? "",
                },
                deleteBeforeReplace: req.getDeletebeforereplacedefined() ? req.getDeletebeforereplace() : undefined,
                version: req.getVersion(),
            },
        };
        await super.registerResource(
            req,
            (err: unknown, resp: { getUrn(): string; getId(): string; getObject(): unknown }) => {
                if (!err && resp) {
                    this.recorded.push({
                        ...record,
                        urn: resp.getUrn(),
                        id: resp.getId(),
                        outputs: toPlain(rpc.deserializeProperties(resp.getObject() as never)) as Record<
                            string,
                            unknown
                        >,
                        serializedOutputs: ((
                            resp.getObject() as { toJavaScript(): unknown } | undefined
                        )?.toJavaScript() ?? {}) as Record<string, unknown>,
                    });
                }
                callback(err, resp);
            },
        );
    }

    // Components register their outputs after their registration (registerOutputs).
    // `any`: the SDK's generated protobuf request, as in registerResource.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the SDK's MockMonitor signature
    registerResourceOutputs(req: any, callback: (err: any, resp: any) => void): void {
        const record = this.recorded.find((r) => r.urn === req.getUrn());
        if (record) {
            record.serializedOutputs = (req.getOutputs()?.toJavaScript() ?? {}) as Record<string, unknown>;
        }
        super.registerResourceOutputs(req, callback);
    }
}

let active: RecordingMonitor | undefined;

/**
 * Installs the mocks for a stack. Mocks are global to the process: the first
 * call creates the monitor, later calls switch the stack name and clear the
 * record. Mirrors `pulumi.runtime.setMocks`, with a recording monitor.
 */
export function useMocks(project: string, stack: string): RecordingMonitor {
    if (!active) {
        active = new RecordingMonitor(new HmsMocks());
    }
    settings.setMockOptions(active, project, stack, true);
    active.stackName = stack;
    active.projectName = project;
    // `getStore` is internal to the SDK (untyped); setMocks sets the same flags.
    const store = (state as unknown as { getStore(): Record<string, boolean> }).getStore();
    store.supportsSecrets = true;
    store.supportsResourceReferences = true;
    store.supportsOutputValues = false;
    store.supportsDeletedWith = true;
    store.supportsAliasSpecs = true;
    store.supportsTransforms = false;
    active.recorded.length = 0;
    active.hmsMocks.invokes.length = 0;
    return active;
}
