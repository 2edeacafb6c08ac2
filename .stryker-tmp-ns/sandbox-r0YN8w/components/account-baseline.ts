// @ts-nocheck
import * as aws from "@pulumi/aws";
import * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";

export interface GuardDutyArgs {
    /** GuardDuty Runtime Monitoring for EC2, with the agent managed by GuardDuty through SSM. */
    runtimeMonitoring: boolean;
    /** How often updated findings are published: FIFTEEN_MINUTES (default), ONE_HOUR or SIX_HOURS. */
    findingPublishingFrequency?: "FIFTEEN_MINUTES" | "ONE_HOUR" | "SIX_HOURS";
}

export interface AccountBaselineArgs {
    region: string;
    /** GuardDuty detector (one per account and region); omitted = none (for example when the organisation manages GuardDuty). */
    guardDuty?: GuardDutyArgs;
    /** Inspector v2 scanning of the account's EC2 instances. */
    inspector: boolean;
    /** The service-linked role a VPC OpenSearch Service domain needs (one per account, all regions). */
    openSearchServiceRole: boolean;
    /** AWS Backup resource types to opt in to in this region (AWS Backup names: Aurora, EBS, EC2, S3...). */
    backupOptIn: string[];
}

/** AWS Backup's opt-in names of the resource types this program backs up (UpdateRegionSettings). */
export const BACKUP_OPT_IN_TYPES = ["Aurora", "EBS", "EC2", "S3"];

/**
 * Account-wide services, created once per AWS account (and region) by the one
 * stack that sets `hms:accountBaseline`: a second GuardDuty detector in the
 * same account and region fails, and destroying a stack that owns the
 * Inspector enabler would switch scanning off for every other stack.
 * - GuardDuty with S3, EBS malware, RDS login and (optionally) EC2 runtime protection;
 * - Inspector v2 scanning EC2 instances for vulnerabilities continuously;
 * - the OpenSearch Service service-linked role (a VPC domain cannot be created without it:
 *   https://docs.aws.amazon.com/opensearch-service/latest/developerguide/slr.html); kept when
 *   the stack is destroyed, since other stacks' domains use it;
 * - AWS Backup opt-in of the resource types the plans select (UpdateRegionSettings, a
 *   partial update: types not named keep their setting; a command, so AWS adding new
 *   resource types later is no diff:
 *   https://docs.aws.amazon.com/aws-backup/latest/devguide/API_UpdateRegionSettings.html).
 */
export class AccountBaseline extends pulumi.ComponentResource {
    public readonly guardDutyDetectorId?: pulumi.Output<string>;
    /** The OpenSearch service-linked role: a stack's OpenSearch domain depends on it. */
    public readonly openSearchServiceRole?: aws.iam.ServiceLinkedRole;
    /** Everything the tiers of the same stack must wait for. */
    public readonly ready: pulumi.Resource[] = [];

    constructor(name: string, args: AccountBaselineArgs, opts?: pulumi.ComponentResourceOptions) {
        super("hms:account:AccountBaseline", name, {}, opts);
        const parent = { parent: this };
        const region = args.region;

        if (args.guardDuty) {
            const detector = new aws.guardduty.Detector(
                `${name}-guardduty`,
                {
                    enable: true,
                    findingPublishingFrequency: args.guardDuty.findingPublishingFrequency ?? "FIFTEEN_MINUTES",
                    region,
                },
                parent,
            );
            const features: Array<[string, aws.guardduty.DetectorFeatureArgs["additionalConfigurations"]]> = [
                ["S3_DATA_EVENTS", undefined],
                ["EBS_MALWARE_PROTECTION", undefined],
                ["RDS_LOGIN_EVENTS", undefined],
            ];
            if (args.guardDuty.runtimeMonitoring) {
                features.push(["RUNTIME_MONITORING", [{ name: "EC2_AGENT_MANAGEMENT", status: "ENABLED" }]]);
            }
            for (const [feature, additionalConfigurations] of features) {
                new aws.guardduty.DetectorFeature(
                    `${name}-guardduty-${feature.toLowerCase().replace(/_/g, "-")}`,
                    { detectorId: detector.id, name: feature, status: "ENABLED", additionalConfigurations, region },
                    parent,
                );
            }
            this.guardDutyDetectorId = detector.id;
        }

        if (args.inspector) {
            const account = aws.getCallerIdentityOutput({}, parent).accountId;
            // Continuous scanning: Inspector rescans instances when packages change or new CVEs are published.
            new aws.inspector2.Enabler(
                `${name}-inspector`,
                { accountIds: [account], resourceTypes: ["EC2"], region },
                parent,
            );
        }

        if (args.openSearchServiceRole) {
            this.openSearchServiceRole = new aws.iam.ServiceLinkedRole(
                `${name}-opensearch-slr`,
                {
                    awsServiceName: "opensearchservice.amazonaws.com",
                    description: "Lets OpenSearch Service manage VPC domains of this account",
                },
                { parent: this, retainOnDelete: true },
            );
            this.ready.push(this.openSearchServiceRole);
        }

        if (args.backupOptIn.length > 0) {
            const preference = args.backupOptIn.map((t) => `${t}=true`).join(",");
            this.ready.push(
                new command.local.Command(
                    `${name}-backup-opt-in`,
                    {
                        create: `aws backup update-region-settings --region '${region}' --resource-type-opt-in-preference '${preference}'`,
                        interpreter: ["/bin/bash", "-c"],
                        triggers: [region, preference],
                        addPreviousOutputInEnv: false,
                    },
                    parent,
                ),
            );
        }

        this.registerOutputs({ guardDutyDetectorId: this.guardDutyDetectorId });
    }
}
