// Where the stacks keep their state and how their secrets are encrypted: an S3
// bucket for Pulumi's self-managed backend (versioned, SSE-KMS, private,
// TLS-only) and a KMS key for the `awskms://` secrets provider. Both are
// protected: losing either loses every stack.

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface StateBackendArgs {
    /** Region of the bucket and the keys (the bootstrap stack's aws:region). */
    region: pulumi.Input<string>;
    /** Days noncurrent versions of state files are kept. */
    noncurrentVersionDays?: number;
}

export class StateBackend extends pulumi.ComponentResource {
    public readonly bucket: aws.s3.Bucket;
    public readonly stateKey: aws.kms.Key;
    public readonly secretsKey: aws.kms.Key;
    public readonly bucketName: pulumi.Output<string>;
    public readonly bucketArn: pulumi.Output<string>;
    public readonly stateKeyArn: pulumi.Output<string>;
    public readonly secretsKeyArn: pulumi.Output<string>;
    /** `pulumi login` URL of the backend. */
    public readonly backendUrl: pulumi.Output<string>;
    /** `--secrets-provider` of every stack. */
    public readonly secretsProvider: pulumi.Output<string>;

    constructor(name: string, args: StateBackendArgs, opts?: pulumi.ComponentResourceOptions) {
        super("hms:bootstrap:StateBackend", name, {}, opts);
        const keep: pulumi.CustomResourceOptions = { parent: this, protect: true };

        this.stateKey = this.key(`${name}-state`, "Pulumi state files of the HMS stacks", keep);
        this.secretsKey = this.key(`${name}-secrets`, "Secrets provider (awskms) of the HMS stacks", keep);
        const secretsAlias = new aws.kms.Alias(
            `${name}-secrets`,
            { name: `alias/${name}-secrets`, targetKeyId: this.secretsKey.keyId },
            { parent: this },
        );

        this.bucket = new aws.s3.Bucket(`${name}-state`, { forceDestroy: false }, keep);
        this.secureBucket(name, args.noncurrentVersionDays ?? 365);

        this.bucketName = this.bucket.bucket;
        this.bucketArn = this.bucket.arn;
        this.stateKeyArn = this.stateKey.arn;
        this.secretsKeyArn = this.secretsKey.arn;
        // gocloud.dev s3blob URL (the Pulumi CLI's DIY backend): region pins the bucket's region.
        this.backendUrl = pulumi.interpolate`s3://${this.bucket.bucket}?region=${args.region}`;
        this.secretsProvider = pulumi.interpolate`awskms://${secretsAlias.name}?region=${args.region}`;
        this.registerOutputs({
            bucketName: this.bucketName,
            backendUrl: this.backendUrl,
            secretsProvider: this.secretsProvider,
        });
    }

    private key(name: string, description: string, opts: pulumi.CustomResourceOptions): aws.kms.Key {
        return new aws.kms.Key(
            name,
            { description, enableKeyRotation: true, deletionWindowInDays: 30, keyUsage: "ENCRYPT_DECRYPT" },
            opts,
        );
    }

    private secureBucket(name: string, noncurrentVersionDays: number): void {
        const parent = { parent: this };
        const bucket = this.bucket.id;
        const ownership = new aws.s3.BucketOwnershipControls(
            `${name}-state`,
            { bucket, rule: { objectOwnership: "BucketOwnerEnforced" } },
            parent,
        );
        const publicAccess = new aws.s3.BucketPublicAccessBlock(
            `${name}-state`,
            {
                bucket,
                blockPublicAcls: true,
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true,
            },
            parent,
        );
        new aws.s3.BucketVersioning(
            `${name}-state`,
            { bucket, versioningConfiguration: { status: "Enabled" } },
            parent,
        );
        new aws.s3.BucketServerSideEncryptionConfiguration(
            `${name}-state`,
            {
                bucket,
                rules: [
                    {
                        applyServerSideEncryptionByDefault: {
                            sseAlgorithm: "aws:kms",
                            kmsMasterKeyId: this.stateKey.arn,
                        },
                        bucketKeyEnabled: true,
                    },
                ],
            },
            parent,
        );
        new aws.s3.BucketLifecycleConfiguration(
            `${name}-state`,
            {
                bucket,
                rules: [
                    {
                        id: "expire-old-state-versions",
                        status: "Enabled",
                        filter: {},
                        noncurrentVersionExpiration: { noncurrentDays: noncurrentVersionDays },
                        abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
                    },
                ],
            },
            parent,
        );
        new aws.s3.BucketPolicy(
            `${name}-state`,
            {
                bucket,
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Sid: "TlsOnly",
                            Effect: "Deny",
                            Principal: "*",
                            Action: "s3:*",
                            Resource: [this.bucket.arn, pulumi.interpolate`${this.bucket.arn}/*`],
                            Condition: { Bool: { "aws:SecureTransport": "false" } },
                        },
                    ],
                }),
            },
            // A bucket policy is refused while the public access block is being applied.
            { parent: this, dependsOn: [ownership, publicAccess] },
        );
    }
}
