// @ts-nocheck
// 
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface NetworkArgs {
    region: string;
    /** IPv4 CIDR of the VPC, /16 to /20. */
    cidr: string;
    /** Availability zones to span (the first `azCount` available AZs of the region). */
    azCount: number;
    /** NAT gateways, 1 to azCount; app subnets of AZ i route through NAT i mod natGateways. */
    natGateways: number;
    /** KMS key that encrypts the flow log group. */
    logsKeyArn: pulumi.Input<string>;
    flowLogRetentionDays: number;
    /** Interface endpoints to create (service suffixes, e.g. "ssm"). */
    interfaceEndpoints?: string[];
}

/** The subnets of one tier, one per AZ, in AZ order. */
export interface SubnetTier {
    subnets: aws.ec2.Subnet[];
    ids: pulumi.Output<string>[];
    cidrs: string[];
}

/**
 * The VPC every tier lives in: per AZ a public subnet (NAT gateways and the
 * load balancer), an app subnet (servers, egress through NAT) and a data
 * subnet (databases and caches, no route to the internet). Flow logs go to a
 * KMS-encrypted log group; S3 is reached through a gateway endpoint and Systems
 * Manager, Secrets Manager, KMS and CloudWatch Logs through interface endpoints,
 * so servers need no SSH and no public address.
 */
export class Network extends pulumi.ComponentResource {
    public readonly vpc: aws.ec2.Vpc;
    public readonly vpcId: pulumi.Output<string>;
    public readonly cidr: string;
    public readonly availabilityZones: pulumi.Output<string>[];
    public readonly publicSubnets: SubnetTier;
    public readonly appSubnets: SubnetTier;
    public readonly dataSubnets: SubnetTier;
    public readonly natGateways: aws.ec2.NatGateway[];
    public readonly flowLogGroup: aws.cloudwatch.LogGroup;
    public readonly endpointSecurityGroupId: pulumi.Output<string>;

    constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("hms:network:Network", name, {}, opts);
        const parent = { parent: this };
        const region = args.region;
        this.cidr = args.cidr;

        const zones = aws.getAvailabilityZonesOutput({ state: "available", region }, parent);
        this.availabilityZones = Array.from({ length: args.azCount }, (_, i) =>
            zones.names.apply((names) => {
                if (names.length < args.azCount) {
                    throw new pulumi.RunError(
                        `${args.azCount} availability zones requested but ${region} has only ${names.length} available (${names.join(", ")})`,
                    );
                }
                return names[i];
            }),
        );

        this.vpc = new aws.ec2.Vpc(
            `${name}-vpc`,
            {
                cidrBlock: args.cidr,
                enableDnsHostnames: true,
                enableDnsSupport: true,
                region,
                tags: { Name: `${name}-vpc` },
            },
            parent,
        );
        this.vpcId = this.vpc.id;

        // No rules: nothing may use the default security group (CIS AWS 5.4).
        new aws.ec2.DefaultSecurityGroup(
            `${name}-default-sg`,
            { vpcId: this.vpc.id, region, ingress: [], egress: [], tags: { Name: `${name}-default-closed` } },
            parent,
        );

        const blocks = splitCidr(args.cidr, 4);
        const tier = (kind: string, offset: number): SubnetTier => {
            const cidrs = Array.from({ length: args.azCount }, (_, i) => blocks[offset + i]);
            const subnets = cidrs.map(
                (cidrBlock, i) =>
                    new aws.ec2.Subnet(
                        `${name}-${kind}-${i + 1}`,
                        {
                            vpcId: this.vpc.id,
                            cidrBlock,
                            availabilityZone: this.availabilityZones[i],
                            // Nothing gets a public address by itself, not even in public subnets:
                            // NAT gateways use Elastic IPs and the load balancer its own.
                            mapPublicIpOnLaunch: false,
                            region,
                            tags: { Name: `${name}-${kind}-${i + 1}`, Tier: kind },
                        },
                        parent,
                    ),
            );
            return { subnets, ids: subnets.map((s) => s.id), cidrs };
        };
        // Blocks of 1/16 of the VPC each: public 0-2, app 4-6, data 8-10; the rest is room to grow.
        this.publicSubnets = tier("public", 0);
        this.appSubnets = tier("app", 4);
        this.dataSubnets = tier("data", 8);

        const igw = new aws.ec2.InternetGateway(
            `${name}-igw`,
            { vpcId: this.vpc.id, region, tags: { Name: `${name}-igw` } },
            parent,
        );
        const publicRoutes = new aws.ec2.RouteTable(
            `${name}-public-rt`,
            {
                vpcId: this.vpc.id,
                region,
                routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: igw.id }],
                tags: { Name: `${name}-public` },
            },
            parent,
        );
        this.publicSubnets.subnets.forEach(
            (s, i) =>
                new aws.ec2.RouteTableAssociation(
                    `${name}-public-rta-${i + 1}`,
                    { subnetId: s.id, routeTableId: publicRoutes.id, region },
                    parent,
                ),
        );

        this.natGateways = Array.from({ length: args.natGateways }, (_, i) => {
            const eip = new aws.ec2.Eip(
                `${name}-nat-eip-${i + 1}`,
                { domain: "vpc", region, tags: { Name: `${name}-nat-${i + 1}` } },
                parent,
            );
            return new aws.ec2.NatGateway(
                `${name}-nat-${i + 1}`,
                {
                    allocationId: eip.id,
                    subnetId: this.publicSubnets.subnets[i].id,
                    region,
                    tags: { Name: `${name}-nat-${i + 1}` },
                },
                { parent: this, dependsOn: [igw] },
            );
        });

        const privateRouteTables: aws.ec2.RouteTable[] = [];
        this.appSubnets.subnets.forEach((s, i) => {
            const nat = this.natGateways[i % this.natGateways.length];
            const rt = new aws.ec2.RouteTable(
                `${name}-app-rt-${i + 1}`,
                {
                    vpcId: this.vpc.id,
                    region,
                    routes: [{ cidrBlock: "0.0.0.0/0", natGatewayId: nat.id }],
                    tags: { Name: `${name}-app-${i + 1}` },
                },
                parent,
            );
            new aws.ec2.RouteTableAssociation(
                `${name}-app-rta-${i + 1}`,
                { subnetId: s.id, routeTableId: rt.id, region },
                parent,
            );
            privateRouteTables.push(rt);
        });
        // Data subnets: local traffic only (plus the S3 gateway endpoint).
        const dataRoutes = new aws.ec2.RouteTable(
            `${name}-data-rt`,
            { vpcId: this.vpc.id, region, tags: { Name: `${name}-data` } },
            parent,
        );
        this.dataSubnets.subnets.forEach(
            (s, i) =>
                new aws.ec2.RouteTableAssociation(
                    `${name}-data-rta-${i + 1}`,
                    { subnetId: s.id, routeTableId: dataRoutes.id, region },
                    parent,
                ),
        );
        privateRouteTables.push(dataRoutes);

        // Flow logs of all traffic, to a log group encrypted with the logs key.
        this.flowLogGroup = new aws.cloudwatch.LogGroup(
            `${name}-flow-logs`,
            { retentionInDays: args.flowLogRetentionDays, kmsKeyId: args.logsKeyArn, region },
            parent,
        );
        const flowLogRole = new aws.iam.Role(
            `${name}-flow-logs`,
            {
                assumeRolePolicy: JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Effect: "Allow",
                            Principal: { Service: "vpc-flow-logs.amazonaws.com" },
                            Action: "sts:AssumeRole",
                        },
                    ],
                }),
            },
            parent,
        );
        new aws.iam.RolePolicy(
            `${name}-flow-logs`,
            {
                role: flowLogRole.id,
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Effect: "Allow",
                            Action: [
                                "logs:CreateLogStream",
                                "logs:PutLogEvents",
                                "logs:DescribeLogGroups",
                                "logs:DescribeLogStreams",
                            ],
                            Resource: [this.flowLogGroup.arn, pulumi.interpolate`${this.flowLogGroup.arn}:*`],
                        },
                    ],
                }),
            },
            parent,
        );
        new aws.ec2.FlowLog(
            `${name}-flow-log`,
            {
                vpcId: this.vpc.id,
                trafficType: "ALL",
                logDestinationType: "cloud-watch-logs",
                logDestination: this.flowLogGroup.arn,
                iamRoleArn: flowLogRole.arn,
                maxAggregationInterval: 60,
                region,
                tags: { Name: `${name}-flow-log` },
            },
            parent,
        );

        new aws.ec2.VpcEndpoint(
            `${name}-s3`,
            {
                vpcId: this.vpc.id,
                serviceName: `com.amazonaws.${region}.s3`,
                vpcEndpointType: "Gateway",
                routeTableIds: privateRouteTables.map((rt) => rt.id),
                region,
                tags: { Name: `${name}-s3` },
            },
            parent,
        );

        const endpointSg = new aws.ec2.SecurityGroup(
            `${name}-endpoints`,
            {
                vpcId: this.vpc.id,
                description: "HTTPS from inside the VPC to AWS interface endpoints",
                ingress: [
                    {
                        protocol: "tcp",
                        fromPort: 443,
                        toPort: 443,
                        cidrBlocks: [args.cidr],
                        description: "HTTPS from the VPC",
                    },
                ],
                egress: [],
                region,
                tags: { Name: `${name}-endpoints` },
            },
            parent,
        );
        this.endpointSecurityGroupId = endpointSg.id;
        const services = args.interfaceEndpoints ?? [
            "ssm",
            "ssmmessages",
            "ec2messages",
            "secretsmanager",
            "kms",
            "logs",
        ];
        for (const service of services) {
            new aws.ec2.VpcEndpoint(
                `${name}-${service}`,
                {
                    vpcId: this.vpc.id,
                    serviceName: `com.amazonaws.${region}.${service}`,
                    vpcEndpointType: "Interface",
                    privateDnsEnabled: true,
                    subnetIds: this.appSubnets.ids,
                    securityGroupIds: [endpointSg.id],
                    region,
                    tags: { Name: `${name}-${service}` },
                },
                parent,
            );
        }

        this.registerOutputs({
            vpcId: this.vpcId,
            publicSubnetIds: this.publicSubnets.ids,
            appSubnetIds: this.appSubnets.ids,
            dataSubnetIds: this.dataSubnets.ids,
        });
    }
}

/** Splits an IPv4 CIDR into 2^extraBits equal blocks, in address order. */
export function splitCidr(cidr: string, extraBits: number): string[] {
    const [ip, prefixText] = cidr.split("/");
    const prefix = Number(prefixText);
    const base = ip
        .split(".")
        .map(Number)
        .reduce((a, o) => a * 256 + o, 0);
    const size = 2 ** (32 - prefix - extraBits);
    return Array.from({ length: 2 ** extraBits }, (_, i) => {
        const addr = base + i * size;
        const octets = [24, 16, 8, 0].map((shift) => Math.floor(addr / 2 ** shift) % 256);
        return `${octets.join(".")}/${prefix + extraBits}`;
    });
}
