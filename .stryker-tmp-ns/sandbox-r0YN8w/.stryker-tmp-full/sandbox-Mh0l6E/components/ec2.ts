// @ts-nocheck
// 
// Building blocks shared by the tiers that run EC2 servers (Nginx, WordPress,
// WebSocket): the Ubuntu AMI from Canonical, an instance role with Session
// Manager and nothing else by default, and hardened instance settings.

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { architectureOf } from "../config/sizing";

/** Canonical's AWS account, the only owner whose Ubuntu images are trusted. */
export const CANONICAL_OWNER_ID = "099720109477";

const CODENAMES: Record<string, string> = { "22.04": "jammy", "24.04": "noble" };

/**
 * The AMI name pattern of an Ubuntu LTS server release. Canonical publishes
 * 24.04 and later under `hvm-ssd-gp3`, earlier releases under `hvm-ssd`.
 */
export function ubuntuAmiNamePattern(release: string, arch: "x86_64" | "arm64"): string {
    const codename = CODENAMES[release];
    if (!codename) {
        throw new pulumi.RunError(
            `Ubuntu release "${release}": no Ubuntu AMI naming known; use one of ${Object.keys(CODENAMES).join(", ")}`,
        );
    }
    const volume = Number(release.split(".")[0]) >= 24 ? "hvm-ssd-gp3" : "hvm-ssd";
    const a = arch === "arm64" ? "arm64" : "amd64";
    return `ubuntu/images/${volume}/ubuntu-${codename}-${release}-${a}-server-*`;
}

/** The newest Canonical Ubuntu server AMI of a release for an instance type's architecture. */
export function ubuntuAmi(
    release: string,
    instanceType: string,
    region: string,
    opts: pulumi.InvokeOutputOptions,
): pulumi.Output<string> {
    const arch = architectureOf(instanceType);
    return aws.ec2
        .getAmiOutput(
            {
                owners: [CANONICAL_OWNER_ID],
                mostRecent: true,
                region,
                filters: [
                    { name: "name", values: [ubuntuAmiNamePattern(release, arch)] },
                    { name: "architecture", values: [arch] },
                    { name: "virtualization-type", values: ["hvm"] },
                    { name: "root-device-type", values: ["ebs"] },
                ],
            },
            opts,
        )
        .apply((ami) => ami.id);
}

export interface InstanceRoleArgs {
    /** IAM policy statements this tier needs beyond Session Manager (secrets, bucket, keys). */
    statements?: pulumi.Input<object>[];
    /** Managed policy ARNs to attach (for example a bucket access policy). */
    managedPolicyArns?: pulumi.Input<string>[];
}

/**
 * An instance role and profile: Systems Manager (Session Manager, patching,
 * Inspector's agentless scanning through SSM) plus exactly what the tier asks for.
 */
export class InstanceRole extends pulumi.ComponentResource {
    public readonly role: aws.iam.Role;
    public readonly profile: aws.iam.InstanceProfile;
    public readonly roleArn: pulumi.Output<string>;
    public readonly profileName: pulumi.Output<string>;
    /**
     * The role's policy attachments and inline policy: instances depend on them,
     * so the first boot (which reads secrets and the bucket) never runs before
     * the role may do so (IAM attachments are separate resources, and the
     * instance profile alone does not wait for them).
     */
    public readonly grants: pulumi.Resource[];

    constructor(name: string, args: InstanceRoleArgs, opts?: pulumi.ComponentResourceOptions) {
        super("hms:compute:InstanceRole", name, {}, opts);
        const parent = { parent: this };
        this.role = new aws.iam.Role(
            name,
            {
                assumeRolePolicy: JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [
                        { Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" },
                    ],
                }),
            },
            parent,
        );
        this.grants = [
            new aws.iam.RolePolicyAttachment(
                `${name}-ssm`,
                { role: this.role.name, policyArn: "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore" },
                parent,
            ),
            ...(args.managedPolicyArns ?? []).map(
                (policyArn, i) =>
                    new aws.iam.RolePolicyAttachment(
                        `${name}-policy-${i + 1}`,
                        { role: this.role.name, policyArn },
                        parent,
                    ),
            ),
        ];
        if (args.statements && args.statements.length > 0) {
            this.grants.push(
                new aws.iam.RolePolicy(
                    `${name}-tier`,
                    {
                        role: this.role.id,
                        policy: pulumi.jsonStringify({ Version: "2012-10-17", Statement: args.statements }),
                    },
                    parent,
                ),
            );
        }
        this.profile = new aws.iam.InstanceProfile(name, { role: this.role.name }, parent);
        this.roleArn = this.role.arn;
        this.profileName = this.profile.name;
        this.registerOutputs({ roleArn: this.roleArn, profileName: this.profileName });
    }
}

/** IMDSv2 only, one hop (containers on the host cannot reach it), instance tags readable. */
export const IMDS_V2_ONLY: aws.types.input.ec2.InstanceMetadataOptions = {
    httpEndpoint: "enabled",
    httpTokens: "required",
    httpPutResponseHopLimit: 1,
    instanceMetadataTags: "enabled",
};

/** An encrypted gp3 root volume of `sizeGiB`, with the given KMS key. */
export function encryptedRoot(
    sizeGiB: number,
    kmsKeyArn: pulumi.Input<string>,
): aws.types.input.ec2.InstanceRootBlockDevice {
    return {
        volumeType: "gp3",
        volumeSize: sizeGiB,
        encrypted: true,
        kmsKeyId: kmsKeyArn,
        deleteOnTermination: true,
    };
}
