// @ts-nocheck
// What the real AWS and Cloudflare APIs accept, per resource type and input:
// character sets and lengths of names and descriptions, allowed values of the
// inputs the program derives (retention days, windows, schedules, counts).
// Pulumi mocks accept anything; tools/api-constraints.ts runs these rules over
// every resource of a plan. Each rule cites the API reference it encodes.
//
// A rule names an input path: `a.b` for nested objects, `a[].b` for every
// element of a list. `autoName` marks the physical-name input Pulumi fills in
// when the program leaves it out (`<logical name>-<7 random characters>`), so
// the rule checks that generated name too.

/** Returns why `value` is refused, or undefined when the API accepts it. */
export type Check = (value: unknown) => string | undefined;

export interface ApiRule {
    /** Resource type tokens the rule applies to; "aws:*" = every AWS resource. */
    types: readonly string[];
    /** Input path. */
    input: string;
    check: Check;
    /** The documentation the rule encodes. */
    doc: string;
    /** The input is a physical name Pulumi generates when absent. */
    autoName?: boolean;
}

// --- checks ---------------------------------------------------------------------------------

const str = (v: unknown): v is string => typeof v === "string";
/** Values the plan cannot know (outputs of resources still to be created, secrets) are not checked. */
const UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"; // @pulumi/pulumi runtime/rpc unknownValue
const SECRET_SIG = "4dabf18193072939515e22adb298388d"; // @pulumi/pulumi runtime/rpc specialSigKey of secrets and references
const unknown = (v: unknown): boolean =>
    v === undefined ||
    v === null ||
    v === "[unknown]" ||
    v === "[secret]" ||
    v === UNKNOWN_SENTINEL ||
    (typeof v === "object" && SECRET_SIG in (v as object));

/** A string of `min`-`max` characters matching `charset` (a regex of the whole string) and `extra` rules. */
export function text(
    min: number,
    max: number,
    charset: RegExp,
    what: string,
    extra: Array<[RegExp, string, boolean]> = [],
): Check {
    return (v) => {
        if (unknown(v)) return undefined;
        if (!str(v)) return `must be a string (${what})`;
        if (v.length < min || v.length > max) return `must be ${min}-${max} characters (${what}); it has ${v.length}`;
        if (!charset.test(v)) return `must match ${charset} (${what})`;
        for (const [re, why, mustMatch] of extra) {
            if (re.test(v) !== mustMatch) return why;
        }
        return undefined;
    };
}

/** One of `values`. */
export function oneOf(values: readonly (string | number)[]): Check {
    return (v) =>
        unknown(v) || values.includes(v as string | number) ? undefined : `must be one of ${values.join(", ")}`;
}

/** A whole number from `min` to `max`. */
export function int(min: number, max: number): Check {
    return (v) =>
        unknown(v) || (Number.isInteger(v) && (v as number) >= min && (v as number) <= max)
            ? undefined
            : `must be a whole number from ${min} to ${max}`;
}

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** hh24:mi-hh24:mi UTC of at least `minMinutes` (wrapping midnight allowed). */
export function dailyWindow(minMinutes: number): Check {
    return (v) => {
        if (unknown(v)) return undefined;
        const m = str(v) ? /^(([01]\d|2[0-3]):[0-5]\d)-(([01]\d|2[0-3]):[0-5]\d)$/.exec(v) : null;
        if (!m) return "must be hh24:mi-hh24:mi (UTC)";
        const length = (minutesOf(m[3]) - minutesOf(m[1]) + 1440) % 1440;
        return length >= minMinutes ? undefined : `must last at least ${minMinutes} minutes; it lasts ${length}`;
    };
}

/** ddd:hh24:mi-ddd:hh24:mi UTC of at least `minMinutes`. */
export function weeklyWindow(minMinutes: number): Check {
    return (v) => {
        if (unknown(v)) return undefined;
        const m = str(v)
            ? /^(mon|tue|wed|thu|fri|sat|sun):(([01]\d|2[0-3]):[0-5]\d)-(mon|tue|wed|thu|fri|sat|sun):(([01]\d|2[0-3]):[0-5]\d)$/.exec(
                  v,
              )
            : null;
        if (!m) return "must be ddd:hh24:mi-ddd:hh24:mi (UTC, ddd = mon..sun)";
        const start = DAYS.indexOf(m[1]) * 1440 + minutesOf(m[2]);
        const end = DAYS.indexOf(m[4]) * 1440 + minutesOf(m[5]);
        const length = (end - start + 7 * 1440) % (7 * 1440);
        return length >= minMinutes ? undefined : `must last at least ${minMinutes} minutes; it lasts ${length}`;
    };
}

/** An AWS six-field cron expression: cron(min hour day-of-month month day-of-week year), one of the two days a `?`. */
export const awsCron: Check = (v) => {
    if (unknown(v)) return undefined;
    const m = str(v) ? /^cron\((\S+) (\S+) (\S+) (\S+) (\S+) (\S+)\)$/.exec(v) : null;
    if (!m) return "must be cron(minutes hours day-of-month month day-of-week year)";
    if ((m[3] === "?") === (m[5] === "?")) return "exactly one of day-of-month and day-of-week must be ?";
    return undefined;
};

/** Every tag: key 1-128, value 0-256 characters of letters, digits, spaces and _ . : / = + - @; keys not starting with aws:; at most 50. */
export const awsTags: Check = (v) => {
    if (unknown(v) || typeof v !== "object") return undefined;
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length > 50) return `at most 50 tags; there are ${entries.length}`;
    const chars = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
    for (const [key, value] of entries) {
        if (key.length < 1 || key.length > 128 || !chars.test(key))
            return `tag key ${JSON.stringify(key)}: 1-128 letters, digits, spaces and _ . : / = + - @`;
        if (/^aws:/i.test(key)) return `tag key ${JSON.stringify(key)}: the aws: prefix is reserved`;
        if (unknown(value)) continue;
        if (!str(value) || value.length > 256 || !chars.test(value))
            return `tag ${key} = ${JSON.stringify(value)}: 0-256 letters, digits, spaces and _ . : / = + - @`;
    }
    return undefined;
};

/** Tags inside the provider's defaultTags (a JSON string under the plan's serialisation). */
const defaultTags: Check = (v) => {
    if (unknown(v)) return undefined;
    const parsed = (str(v) ? JSON.parse(v) : v) as { tags?: unknown };
    return awsTags(parsed?.tags);
};

// Character sets named after the API references.
const EC2_SG_TEXT = /^[a-zA-Z0-9. _\-:/()#,@[\]+=&;{}!$*]*$/;
const IAM_NAME = /^[\w+=,.@-]+$/;
// IAM's documented pattern includes tab, line feed and carriage return.
// eslint-disable-next-line no-control-regex
const IAM_DESCRIPTION = /^[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*$/;
const RDS_ID = /^[a-zA-Z][a-zA-Z0-9-]*$/;
const NO_DOUBLE_OR_TRAILING_HYPHEN: Array<[RegExp, string, boolean]> = [
    [/--/, "must not contain two consecutive hyphens", false],
    [/-$/, "must not end with a hyphen", false],
];
const LOG_RETENTION = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

const D = {
    sg: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html (GroupName, GroupDescription: a-zA-Z0-9. _-:/()#,@[]+=&;{}!$*, 255)",
    sgRule: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpRange.html (Description: same characters as group descriptions, 255)",
    prefixList:
        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateManagedPrefixList.html (PrefixListName 255, not com.amazonaws; MaxEntries; entry Description 255)",
    iamRole:
        "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html (RoleName [\\w+=,.@-]{1,64}, Path, Description 1000, MaxSessionDuration 3600-43200)",
    iamPolicy:
        "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicy.html (PolicyName [\\w+=,.@-]{1,128}, Description 1000)",
    iamInline:
        "https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutRolePolicy.html (PolicyName [\\w+=,.@-]{1,128})",
    iamProfile:
        "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateInstanceProfile.html (InstanceProfileName [\\w+=,.@-]{1,128})",
    kmsAlias:
        "https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html (AliasName ^alias/[a-zA-Z0-9/_-]+$, 256, not alias/aws/)",
    kmsKey: "https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html (Description 8192; PendingWindowInDays 7-30)",
    s3: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html (3-63 lower-case letters, digits, dots, hyphens; reserved prefixes and suffixes)",
    logGroup:
        "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html (logGroupName [\\.\\-_/#A-Za-z0-9]{1,512}); API_PutRetentionPolicy.html (retentionInDays values)",
    rdsCluster:
        "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBCluster.html (DBClusterIdentifier 1-63, FinalDBSnapshotIdentifier 1-255, BackupRetentionPeriod 1-35, windows of 30 minutes)",
    rdsInstance:
        "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html (DBInstanceIdentifier 1-63, MonitoringInterval, PerformanceInsightsRetentionPeriod, PromotionTier 0-15)",
    rdsGroups:
        "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBSubnetGroup.html, API_CreateDBClusterParameterGroup.html (names 1-255)",
    cache: "https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateReplicationGroup.html (ReplicationGroupId 1-40, NumCacheClusters 1-6, SnapshotRetentionLimit 0-35, SnapshotWindow 60 minutes)",
    cacheGroups:
        "https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateCacheSubnetGroup.html, API_CreateCacheParameterGroup.html (names 1-255)",
    opensearch:
        "https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_CreateDomain.html (DomainName [a-z][a-z0-9\\-]{2,27})",
    osis: "https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_osis_CreatePipeline.html (PipelineName [a-z][a-z0-9\\-]{2,27}, MinUnits/MaxUnits 1-96)",
    backup: "https://docs.aws.amazon.com/aws-backup/latest/devguide/API_CreateBackupVault.html (BackupVaultName [a-zA-Z0-9\\-\\_]{2,50}); API_BackupRuleInput.html (RuleName [a-zA-Z0-9\\-\\_\\.]{1,50}, StartWindowMinutes >= 60, CompletionWindowMinutes, schedule cron); API_CreateBackupPlan.html; API_BackupSelection.html",
    backupLock:
        "https://docs.aws.amazon.com/aws-backup/latest/devguide/API_PutBackupVaultLockConfiguration.html (ChangeableForDays >= 3, MinRetentionDays 1-36500)",
    restoreTesting:
        "https://docs.aws.amazon.com/aws-backup/latest/devguide/API_RestoreTestingPlanForCreate.html (RestoreTestingPlanName [a-zA-Z0-9_]{1,50})",
    sns: "https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html (Name [A-Za-z0-9_-]{1,256})",
    secret: "https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_CreateSecret.html (Name [A-Za-z0-9/_+=.@-]{1,512}, Description 2048); API_DeleteSecret.html (RecoveryWindowInDays 7-30, or force delete)",
    alarm: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html (AlarmName 1-255, AlarmDescription 1024, Period 10/20/30 or a multiple of 60, EvaluationPeriods >= 1)",
    lb: "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html (Name 32 alphanumerics and hyphens, not internal-); API_CreateTargetGroup.html (Name 32, health check interval 5-300, timeout 2-120, thresholds 2-10)",
    trail: "https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_CreateTrail.html (Name 3-128 letters, digits, periods, underscores, hyphens; starts with a letter or digit)",
    vpn: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateClientVpnEndpoint.html (SessionTimeoutHours 8, 10, 12, 24; Description 255)",
    tags: "https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html#tag-conventions (50 tags; key 1-128, value 0-256; letters, digits, spaces, _ . : / = + - @; aws: reserved)",
    events: "https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html (Name [\\.\\-_A-Za-z0-9]{1,64}, Description 512)",
    flowLog:
        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateFlowLogs.html (MaxAggregationInterval 60 or 600)",
    guardduty:
        "https://docs.aws.amazon.com/guardduty/latest/APIReference/API_CreateDetector.html (FindingPublishingFrequency FIFTEEN_MINUTES, ONE_HOUR, SIX_HOURS)",
    ec2: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-add-user-data.html (user data at most 16 KB before base64)",
    dns: "https://developers.cloudflare.com/api/resources/dns/subresources/records/methods/create/ (name 255; ttl 1 = automatic or 60-86400; comment 100 characters on the Free plan)",
    ruleset:
        "https://developers.cloudflare.com/ruleset-engine/rulesets-api/create/ (name and description required strings)",
};

const s3Bucket = text(3, 63, /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/, "S3 bucket name", [
    [/\.\./, "must not contain two adjacent periods", false],
    [/^\d+\.\d+\.\d+\.\d+$/, "must not look like an IP address", false],
    [/^(xn--|sthree-|amzn-s3-demo-)/, "must not start with xn--, sthree- or amzn-s3-demo-", false],
    [
        /(-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/,
        "must not end with -s3alias, --ol-s3, .mrap, --x-s3 or --table-s3",
        false,
    ],
]);
const rdsId = (max: number) =>
    text(
        1,
        max,
        RDS_ID,
        `RDS identifier: a letter, then letters, digits, hyphens; ${max} at most`,
        NO_DOUBLE_OR_TRAILING_HYPHEN,
    );
const T = (...types: string[]) => types;

export const API_RULES: readonly ApiRule[] = [
    // EC2 and VPC
    {
        types: T("aws:ec2/securityGroup:SecurityGroup"),
        input: "name",
        autoName: true,
        doc: D.sg,
        check: text(1, 255, EC2_SG_TEXT, "group name", [[/^sg-/, "must not start with sg-", false]]),
    },
    {
        types: T("aws:ec2/securityGroup:SecurityGroup"),
        input: "description",
        doc: D.sg,
        check: text(0, 255, EC2_SG_TEXT, "group description"),
    },
    {
        types: T(
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
            "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
        ),
        input: "description",
        doc: D.sgRule,
        check: text(0, 255, EC2_SG_TEXT, "rule description"),
    },
    {
        types: T("aws:ec2/managedPrefixList:ManagedPrefixList"),
        input: "name",
        doc: D.prefixList,
        check: text(1, 255, /^.*$/s, "prefix list name", [
            [/^com\.amazonaws/, "must not start with com.amazonaws", false],
        ]),
    },
    {
        types: T("aws:ec2/managedPrefixList:ManagedPrefixList"),
        input: "maxEntries",
        doc: D.prefixList,
        check: int(1, 1000),
    },
    {
        types: T("aws:ec2/managedPrefixList:ManagedPrefixList"),
        input: "entries[].description",
        doc: D.prefixList,
        check: text(0, 255, /^.*$/s, "entry description"),
    },
    { types: T("aws:ec2/flowLog:FlowLog"), input: "maxAggregationInterval", doc: D.flowLog, check: oneOf([60, 600]) },
    {
        types: T("aws:ec2/instance:Instance"),
        input: "userDataBase64",
        doc: D.ec2,
        check: (v) =>
            str(v) && Buffer.from(v, "base64").length > 16384
                ? `decodes to ${Buffer.from(v, "base64").length} bytes, more than 16384`
                : undefined,
    },
    {
        types: T("aws:ec2clientvpn/endpoint:Endpoint"),
        input: "sessionTimeoutHours",
        doc: D.vpn,
        check: oneOf([8, 10, 12, 24]),
    },
    {
        types: T("aws:ec2clientvpn/endpoint:Endpoint", "aws:ec2clientvpn/authorizationRule:AuthorizationRule"),
        input: "description",
        doc: D.vpn,
        check: text(0, 255, /^.*$/s, "description"),
    },
    // IAM
    {
        types: T("aws:iam/role:Role"),
        input: "name",
        autoName: true,
        doc: D.iamRole,
        check: text(1, 64, IAM_NAME, "role name"),
    },
    {
        types: T("aws:iam/role:Role"),
        input: "path",
        doc: D.iamRole,
        check: text(1, 512, /^\/([\u0021-\u007E]*\/)?$/, "path: / or /.../"),
    },
    {
        types: T("aws:iam/role:Role", "aws:iam/policy:Policy"),
        input: "description",
        doc: D.iamRole,
        check: text(0, 1000, IAM_DESCRIPTION, "IAM description"),
    },
    { types: T("aws:iam/role:Role"), input: "maxSessionDuration", doc: D.iamRole, check: int(3600, 43200) },
    {
        types: T("aws:iam/policy:Policy"),
        input: "name",
        autoName: true,
        doc: D.iamPolicy,
        check: text(1, 128, IAM_NAME, "policy name"),
    },
    {
        types: T("aws:iam/rolePolicy:RolePolicy"),
        input: "name",
        autoName: true,
        doc: D.iamInline,
        check: text(1, 128, IAM_NAME, "inline policy name"),
    },
    {
        types: T("aws:iam/instanceProfile:InstanceProfile"),
        input: "name",
        autoName: true,
        doc: D.iamProfile,
        check: text(1, 128, IAM_NAME, "instance profile name"),
    },
    // KMS
    {
        types: T("aws:kms/alias:Alias"),
        input: "name",
        doc: D.kmsAlias,
        check: text(7, 256, /^alias\/[a-zA-Z0-9/_-]+$/, "alias/ then letters, digits, / _ -", [
            [/^alias\/aws\//, "alias/aws/ is reserved for AWS managed keys", false],
        ]),
    },
    {
        types: T("aws:kms/key:Key"),
        input: "description",
        doc: D.kmsKey,
        check: text(0, 8192, /^.*$/s, "key description"),
    },
    { types: T("aws:kms/key:Key"), input: "deletionWindowInDays", doc: D.kmsKey, check: int(7, 30) },
    // S3
    {
        types: T("aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"),
        input: "bucket",
        autoName: true,
        doc: D.s3,
        check: s3Bucket,
    },
    // CloudWatch Logs, alarms, EventBridge
    {
        types: T("aws:cloudwatch/logGroup:LogGroup"),
        input: "name",
        autoName: true,
        doc: D.logGroup,
        check: text(1, 512, /^[.\-_/#A-Za-z0-9]+$/, "log group name"),
    },
    {
        types: T("aws:cloudwatch/logGroup:LogGroup"),
        input: "retentionInDays",
        doc: D.logGroup,
        check: oneOf(LOG_RETENTION),
    },
    {
        types: T("aws:cloudwatch/metricAlarm:MetricAlarm"),
        input: "name",
        autoName: true,
        doc: D.alarm,
        // Alarm names refuse ASCII control characters.
        // eslint-disable-next-line no-control-regex
        check: text(1, 255, /^[^\u0000-\u001F]+$/, "alarm name"),
    },
    {
        types: T("aws:cloudwatch/metricAlarm:MetricAlarm"),
        input: "alarmDescription",
        doc: D.alarm,
        check: text(0, 1024, /^.*$/s, "alarm description"),
    },
    {
        types: T("aws:cloudwatch/metricAlarm:MetricAlarm"),
        input: "period",
        doc: D.alarm,
        check: (v) =>
            unknown(v) ||
            [10, 20, 30].includes(v as number) ||
            (Number.isInteger(v) && (v as number) % 60 === 0 && (v as number) > 0)
                ? undefined
                : "must be 10, 20, 30 or a multiple of 60",
    },
    {
        types: T("aws:cloudwatch/metricAlarm:MetricAlarm"),
        input: "evaluationPeriods",
        doc: D.alarm,
        check: int(1, 100000),
    },
    {
        types: T("aws:cloudwatch/eventRule:EventRule"),
        input: "name",
        autoName: true,
        doc: D.events,
        check: text(1, 64, /^[.\-_A-Za-z0-9]+$/, "rule name"),
    },
    {
        types: T("aws:cloudwatch/eventRule:EventRule"),
        input: "description",
        doc: D.events,
        check: text(0, 512, /^.*$/s, "rule description"),
    },
    // RDS
    {
        types: T("aws:rds/cluster:Cluster"),
        input: "clusterIdentifier",
        autoName: true,
        doc: D.rdsCluster,
        check: rdsId(63),
    },
    { types: T("aws:rds/cluster:Cluster"), input: "finalSnapshotIdentifier", doc: D.rdsCluster, check: rdsId(255) },
    { types: T("aws:rds/cluster:Cluster"), input: "backupRetentionPeriod", doc: D.rdsCluster, check: int(1, 35) },
    { types: T("aws:rds/cluster:Cluster"), input: "preferredBackupWindow", doc: D.rdsCluster, check: dailyWindow(30) },
    {
        types: T("aws:rds/cluster:Cluster"),
        input: "preferredMaintenanceWindow",
        doc: D.rdsCluster,
        check: weeklyWindow(30),
    },
    {
        types: T("aws:rds/clusterInstance:ClusterInstance"),
        input: "identifier",
        autoName: true,
        doc: D.rdsInstance,
        check: rdsId(63),
    },
    {
        types: T("aws:rds/clusterInstance:ClusterInstance"),
        input: "monitoringInterval",
        doc: D.rdsInstance,
        check: oneOf([0, 1, 5, 10, 15, 30, 60]),
    },
    {
        types: T("aws:rds/clusterInstance:ClusterInstance"),
        input: "performanceInsightsRetentionPeriod",
        doc: D.rdsInstance,
        check: oneOf([7, ...Array.from({ length: 23 }, (_, i) => 31 * (i + 1)), 731]),
    },
    {
        types: T("aws:rds/clusterInstance:ClusterInstance"),
        input: "promotionTier",
        doc: D.rdsInstance,
        check: int(0, 15),
    },
    {
        types: T("aws:rds/subnetGroup:SubnetGroup"),
        input: "name",
        autoName: true,
        doc: D.rdsGroups,
        check: text(1, 255, /^[a-z0-9 ._-]+$/, "subnet group name: lower-case letters, digits, spaces, . _ -", [
            [/^default$/, "must not be default", false],
        ]),
    },
    {
        types: T("aws:rds/clusterParameterGroup:ClusterParameterGroup"),
        input: "name",
        autoName: true,
        doc: D.rdsGroups,
        check: rdsId(255),
    },
    // ElastiCache
    {
        types: T("aws:elasticache/replicationGroup:ReplicationGroup"),
        input: "replicationGroupId",
        doc: D.cache,
        check: text(1, 40, /^[a-z][a-z0-9-]*$/, "replication group id", NO_DOUBLE_OR_TRAILING_HYPHEN),
    },
    {
        types: T("aws:elasticache/replicationGroup:ReplicationGroup"),
        input: "finalSnapshotIdentifier",
        doc: D.cache,
        check: rdsId(255),
    },
    {
        types: T("aws:elasticache/replicationGroup:ReplicationGroup"),
        input: "description",
        doc: D.cache,
        check: text(1, 255, /^.*$/s, "description"),
    },
    {
        types: T("aws:elasticache/replicationGroup:ReplicationGroup"),
        input: "numCacheClusters",
        doc: D.cache,
        check: int(1, 6),
    },
    {
        types: T("aws:elasticache/replicationGroup:ReplicationGroup"),
        input: "snapshotRetentionLimit",
        doc: D.cache,
        check: int(0, 35),
    },
    {
        types: T("aws:elasticache/replicationGroup:ReplicationGroup"),
        input: "snapshotWindow",
        doc: D.cache,
        check: dailyWindow(60),
    },
    {
        types: T("aws:elasticache/replicationGroup:ReplicationGroup"),
        input: "maintenanceWindow",
        doc: D.cache,
        check: weeklyWindow(60),
    },
    {
        types: T("aws:elasticache/subnetGroup:SubnetGroup"),
        input: "name",
        doc: D.cacheGroups,
        check: text(1, 255, /^[a-z0-9-]+$/, "subnet group name"),
    },
    { types: T("aws:elasticache/parameterGroup:ParameterGroup"), input: "name", doc: D.cacheGroups, check: rdsId(255) },
    // OpenSearch
    {
        types: T("aws:opensearch/domain:Domain"),
        input: "domainName",
        autoName: true,
        doc: D.opensearch,
        check: text(3, 28, /^[a-z][a-z0-9-]+$/, "domain name"),
    },
    {
        types: T("aws:opensearchingest/pipeline:Pipeline"),
        input: "pipelineName",
        doc: D.osis,
        check: text(3, 28, /^[a-z][a-z0-9-]+$/, "pipeline name"),
    },
    { types: T("aws:opensearchingest/pipeline:Pipeline"), input: "minUnits", doc: D.osis, check: int(1, 96) },
    { types: T("aws:opensearchingest/pipeline:Pipeline"), input: "maxUnits", doc: D.osis, check: int(1, 96) },
    // AWS Backup
    {
        types: T("aws:backup/vault:Vault"),
        input: "name",
        autoName: true,
        doc: D.backup,
        check: text(2, 50, /^[a-zA-Z0-9_-]+$/, "vault name"),
    },
    {
        types: T("aws:backup/plan:Plan"),
        input: "name",
        autoName: true,
        doc: D.backup,
        check: text(1, 50, /^[a-zA-Z0-9._-]+$/, "plan name"),
    },
    {
        types: T("aws:backup/plan:Plan"),
        input: "rules[].ruleName",
        doc: D.backup,
        check: text(1, 50, /^[a-zA-Z0-9._-]+$/, "rule name"),
    },
    { types: T("aws:backup/plan:Plan"), input: "rules[].schedule", doc: D.backup, check: awsCron },
    { types: T("aws:backup/plan:Plan"), input: "rules[].startWindow", doc: D.backup, check: int(60, 100000) },
    { types: T("aws:backup/plan:Plan"), input: "rules[].lifecycle.deleteAfter", doc: D.backup, check: int(1, 36500) },
    {
        types: T("aws:backup/selection:Selection"),
        input: "name",
        autoName: true,
        doc: D.backup,
        check: text(1, 50, /^[a-zA-Z0-9._-]+$/, "selection name"),
    },
    {
        types: T("aws:backup/vaultLockConfiguration:VaultLockConfiguration"),
        input: "changeableForDays",
        doc: D.backupLock,
        check: int(3, 36500),
    },
    {
        types: T("aws:backup/vaultLockConfiguration:VaultLockConfiguration"),
        input: "minRetentionDays",
        doc: D.backupLock,
        check: int(1, 36500),
    },
    {
        types: T("aws:backup/restoreTestingPlan:RestoreTestingPlan"),
        input: "name",
        doc: D.restoreTesting,
        check: text(1, 50, /^[a-zA-Z0-9_]+$/, "restore testing plan name"),
    },
    {
        types: T("aws:backup/restoreTestingPlan:RestoreTestingPlan"),
        input: "scheduleExpression",
        doc: D.restoreTesting,
        check: awsCron,
    },
    {
        types: T("aws:backup/restoreTestingSelection:RestoreTestingSelection"),
        input: "name",
        doc: D.restoreTesting,
        check: text(1, 50, /^[a-zA-Z0-9_]+$/, "restore testing selection name"),
    },
    // SNS, Secrets Manager
    {
        types: T("aws:sns/topic:Topic"),
        input: "name",
        autoName: true,
        doc: D.sns,
        check: text(1, 256, /^[A-Za-z0-9_-]+(\.fifo)?$/, "topic name"),
    },
    {
        types: T("aws:secretsmanager/secret:Secret"),
        input: "name",
        autoName: true,
        doc: D.secret,
        check: text(1, 512, /^[A-Za-z0-9/_+=.@-]+$/, "secret name"),
    },
    // name_prefix: the provider appends a 26-character unique suffix.
    {
        types: T("aws:secretsmanager/secret:Secret"),
        input: "namePrefix",
        doc: D.secret,
        check: text(1, 512 - 26, /^[A-Za-z0-9/_+=.@-]+$/, "secret name prefix (26 characters are added)"),
    },
    {
        types: T("aws:secretsmanager/secret:Secret"),
        input: "description",
        doc: D.secret,
        check: text(0, 2048, /^.*$/s, "secret description"),
    },
    {
        types: T("aws:secretsmanager/secret:Secret"),
        input: "recoveryWindowInDays",
        doc: D.secret,
        check: (v) =>
            unknown(v) || v === 0 || (Number.isInteger(v) && (v as number) >= 7 && (v as number) <= 30)
                ? undefined
                : "must be 0 (delete at once) or 7-30",
    },
    // Load balancing
    {
        types: T("aws:lb/loadBalancer:LoadBalancer", "aws:lb/targetGroup:TargetGroup"),
        input: "name",
        autoName: true,
        doc: D.lb,
        check: text(1, 32, /^[a-zA-Z0-9-]+$/, "load balancer / target group name", [
            [/^-|-$/, "must not start or end with a hyphen", false],
            [/^internal-/, "must not start with internal-", false],
        ]),
    },
    { types: T("aws:lb/targetGroup:TargetGroup"), input: "healthCheck.interval", doc: D.lb, check: int(5, 300) },
    { types: T("aws:lb/targetGroup:TargetGroup"), input: "healthCheck.timeout", doc: D.lb, check: int(2, 120) },
    { types: T("aws:lb/targetGroup:TargetGroup"), input: "healthCheck.healthyThreshold", doc: D.lb, check: int(2, 10) },
    {
        types: T("aws:lb/targetGroup:TargetGroup"),
        input: "healthCheck.unhealthyThreshold",
        doc: D.lb,
        check: int(2, 10),
    },
    { types: T("aws:lb/targetGroup:TargetGroup"), input: "deregistrationDelay", doc: D.lb, check: int(0, 3600) },
    // CloudTrail, GuardDuty
    {
        types: T("aws:cloudtrail/trail:Trail"),
        input: "name",
        autoName: true,
        doc: D.trail,
        check: text(3, 128, /^[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]$/, "trail name", [
            [/(\.\.|[._-]{2})/, "must not contain adjacent . _ -", false],
        ]),
    },
    {
        types: T("aws:guardduty/detector:Detector"),
        input: "findingPublishingFrequency",
        doc: D.guardduty,
        check: oneOf(["FIFTEEN_MINUTES", "ONE_HOUR", "SIX_HOURS"]),
    },
    // Tags on every AWS resource, and the provider's default tags
    { types: T("aws:*"), input: "tags", doc: D.tags, check: awsTags },
    { types: T("pulumi:providers:aws"), input: "defaultTags", doc: D.tags, check: defaultTags },
    // Cloudflare
    {
        types: T("cloudflare:index/dnsRecord:DnsRecord"),
        input: "name",
        doc: D.dns,
        check: text(1, 255, /^[A-Za-z0-9._*@-]+$/, "record name"),
    },
    {
        types: T("cloudflare:index/dnsRecord:DnsRecord"),
        input: "ttl",
        doc: D.dns,
        check: (v) =>
            unknown(v) || v === 1 || (Number.isInteger(v) && (v as number) >= 60 && (v as number) <= 86400)
                ? undefined
                : "must be 1 (automatic) or 60-86400",
    },
    {
        types: T("cloudflare:index/dnsRecord:DnsRecord"),
        input: "comment",
        doc: D.dns,
        check: text(0, 100, /^.*$/s, "record comment"),
    },
    {
        types: T("cloudflare:index/ruleset:Ruleset"),
        input: "name",
        doc: D.ruleset,
        check: text(1, 255, /^.*$/s, "ruleset name"),
    },
];

/**
 * AWS service (endpoint prefix in the SDK's endpoint model) of a Pulumi AWS
 * resource type: the module name, with the exceptions below. A type whose
 * module is not known fails the check so the table is kept complete.
 */
export const SERVICE_OF_MODULE: Readonly<Record<string, string>> = {
    acm: "acm",
    amp: "aps",
    backup: "backup",
    cloudtrail: "cloudtrail",
    ec2: "ec2",
    ec2clientvpn: "ec2",
    vpc: "ec2",
    elasticache: "elasticache",
    lb: "elasticloadbalancing",
    opensearch: "es",
    opensearchingest: "osis",
    grafana: "grafana",
    guardduty: "guardduty",
    iam: "iam",
    inspector2: "inspector2",
    kms: "kms",
    lambda: "lambda",
    rds: "rds",
    s3: "s3",
    secretsmanager: "secretsmanager",
    ses: "email",
    sesv2: "email",
    sns: "sns",
    ssm: "ssm",
};

/** CloudWatch resource types live in three services. */
export const SERVICE_OF_TYPE: Readonly<Record<string, string>> = {
    "aws:cloudwatch/logGroup:LogGroup": "logs",
    "aws:cloudwatch/logStream:LogStream": "logs",
    "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": "logs",
    "aws:cloudwatch/metricAlarm:MetricAlarm": "monitoring",
    "aws:cloudwatch/eventRule:EventRule": "events",
    "aws:cloudwatch/eventTarget:EventTarget": "events",
};
