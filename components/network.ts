import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { splitCidr } from "./ipv4";

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

/** Systems Manager (Session Manager), Secrets Manager, KMS and CloudWatch Logs, reached without NAT. */
const DEFAULT_INTERFACE_ENDPOINTS = ["ssm", "ssmmessages", "ec2messages", "secretsmanager", "kms", "logs"];

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
        this.cidr = args.cidr;
        this.availabilityZones = this.zones(args);
        this.vpc = new aws.ec2.Vpc(
            `${name}-vpc`,
            {
                cidrBlock: args.cidr,
                enableDnsHostnames: true,
                enableDnsSupport: true,
                region: args.region,
                tags: { Name: `${name}-vpc` },
            },
            { parent: this },
        );
        this.vpcId = this.vpc.id;
        // No rules: nothing may use the default security group (CIS AWS 5.4).
        new aws.ec2.DefaultSecurityGroup(
            `${name}-default-sg`,
            {
                vpcId: this.vpc.id,
                region: args.region,
                ingress: [],
                egress: [],
                tags: { Name: `${name}-default-closed` },
            },
            { parent: this },
        );
        // Blocks of 1/16 of the VPC each: public 0-2, app 4-6, data 8-10; the rest is room to grow.
        const blocks = splitCidr(args.cidr, 4);
        this.publicSubnets = this.subnetTier(name, args, "public", blocks.slice(0, args.azCount));
        this.appSubnets = this.subnetTier(name, args, "app", blocks.slice(4, 4 + args.azCount));
        this.dataSubnets = this.subnetTier(name, args, "data", blocks.slice(8, 8 + args.azCount));
        const igw = this.publicRouting(name, args.region);
        this.natGateways = this.createNatGateways(name, args, igw);
        const privateRouteTables = this.privateRouting(name, args.region);
        this.flowLogGroup = this.createFlowLogs(name, args);
        this.endpointSecurityGroupId = this.createEndpoints(name, args, privateRouteTables);
        this.registerOutputs({
            vpcId: this.vpcId,
            publicSubnetIds: this.publicSubnets.ids,
            appSubnetIds: this.appSubnets.ids,
            dataSubnetIds: this.dataSubnets.ids,
        });
    }

    /** The first `azCount` available AZs of the region; fails when the region has fewer. */
    private zones(args: NetworkArgs): pulumi.Output<string>[] {
        const region = args.region;
        const zones = aws.getAvailabilityZonesOutput({ state: "available", region }, { parent: this });
        return Array.from({ length: args.azCount }, (_, i) =>
            zones.names.apply((names) => {
                if (names.length < args.azCount) {
                    throw new pulumi.RunError(
                        `${args.azCount} availability zones requested but ${region} has only ${names.length} available (${names.join(", ")})`,
                    );
                }
                return names[i];
            }),
        );
    }

    /** One subnet per AZ, in AZ order, with the given CIDR blocks. */
    private subnetTier(name: string, args: NetworkArgs, kind: string, cidrs: string[]): SubnetTier {
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
                        region: args.region,
                        tags: { Name: `${name}-${kind}-${i + 1}`, Tier: kind },
                    },
                    { parent: this },
                ),
        );
        return { subnets, ids: subnets.map((s) => s.id), cidrs };
    }

    /** Associates each subnet of a tier with a route table. */
    private associate(
        name: string,
        region: string,
        kind: string,
        subnets: aws.ec2.Subnet[],
        table: (i: number) => aws.ec2.RouteTable,
    ): void {
        subnets.forEach(
            (s, i) =>
                new aws.ec2.RouteTableAssociation(
                    `${name}-${kind}-rta-${i + 1}`,
                    { subnetId: s.id, routeTableId: table(i).id, region },
                    { parent: this },
                ),
        );
    }

    /** The internet gateway and the public subnets' route to it. */
    private publicRouting(name: string, region: string): aws.ec2.InternetGateway {
        const igw = new aws.ec2.InternetGateway(
            `${name}-igw`,
            { vpcId: this.vpc.id, region, tags: { Name: `${name}-igw` } },
            { parent: this },
        );
        const publicRoutes = new aws.ec2.RouteTable(
            `${name}-public-rt`,
            {
                vpcId: this.vpc.id,
                region,
                routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: igw.id }],
                tags: { Name: `${name}-public` },
            },
            { parent: this },
        );
        this.associate(name, region, "public", this.publicSubnets.subnets, () => publicRoutes);
        return igw;
    }

    /** NAT gateways with their Elastic IPs, in the first public subnets. */
    private createNatGateways(name: string, args: NetworkArgs, igw: aws.ec2.InternetGateway): aws.ec2.NatGateway[] {
        const region = args.region;
        return Array.from({ length: args.natGateways }, (_, i) => {
            const eip = new aws.ec2.Eip(
                `${name}-nat-eip-${i + 1}`,
                { domain: "vpc", region, tags: { Name: `${name}-nat-${i + 1}` } },
                { parent: this },
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
    }

    /** App subnets egress through NAT i mod natGateways; data subnets stay local. Returns the private tables. */
    private privateRouting(name: string, region: string): aws.ec2.RouteTable[] {
        const appTables = this.appSubnets.subnets.map((_, i) => {
            const nat = this.natGateways[i % this.natGateways.length];
            return new aws.ec2.RouteTable(
                `${name}-app-rt-${i + 1}`,
                {
                    vpcId: this.vpc.id,
                    region,
                    routes: [{ cidrBlock: "0.0.0.0/0", natGatewayId: nat.id }],
                    tags: { Name: `${name}-app-${i + 1}` },
                },
                { parent: this },
            );
        });
        this.associate(name, region, "app", this.appSubnets.subnets, (i) => appTables[i]);
        // Data subnets: local traffic only (plus the S3 gateway endpoint).
        const dataRoutes = new aws.ec2.RouteTable(
            `${name}-data-rt`,
            { vpcId: this.vpc.id, region, tags: { Name: `${name}-data` } },
            { parent: this },
        );
        this.associate(name, region, "data", this.dataSubnets.subnets, () => dataRoutes);
        return [...appTables, dataRoutes];
    }

    /** Flow logs of all traffic, to a log group encrypted with the logs key. */
    private createFlowLogs(name: string, args: NetworkArgs): aws.cloudwatch.LogGroup {
        const region = args.region;
        const parent = { parent: this };
        const group = new aws.cloudwatch.LogGroup(
            `${name}-flow-logs`,
            { retentionInDays: args.flowLogRetentionDays, kmsKeyId: args.logsKeyArn, region },
            parent,
        );
        const role = new aws.iam.Role(
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
                role: role.id,
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
                            Resource: [group.arn, pulumi.interpolate`${group.arn}:*`],
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
                logDestination: group.arn,
                iamRoleArn: role.arn,
                maxAggregationInterval: 60,
                region,
                tags: { Name: `${name}-flow-log` },
            },
            parent,
        );
        return group;
    }

    /** The S3 gateway endpoint and the interface endpoints; returns the endpoints' security group id. */
    private createEndpoints(
        name: string,
        args: NetworkArgs,
        privateRouteTables: aws.ec2.RouteTable[],
    ): pulumi.Output<string> {
        const region = args.region;
        const parent = { parent: this };
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
        const services = args.interfaceEndpoints ?? DEFAULT_INTERFACE_ENDPOINTS;
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
        return endpointSg.id;
    }
}
