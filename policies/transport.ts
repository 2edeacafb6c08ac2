// Transmission security: every connection that can carry patient data is
// encrypted with TLS 1.2 or later (HIPAA 164.312(e)(1), LGPD art. 46).

import * as aws from "@pulumi/aws";
import * as cloudflare from "@pulumi/cloudflare";
import { ResourceValidationPolicy, StackValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { compliance } from "./lib/compliance";
import { bucketIdentities, propsOf, refersTo } from "./lib/resources";
import { BUCKETS, LISTENERS } from "./lib/types";
import { isAnyOf, validateResourceOfTypes } from "./lib/validate";
import { any, asArray, isObject, isUnknown, knownString, parseJsonDocument, plain, test, Tri } from "./lib/values";
import { zoneKeyOf, zoneLabel, zonesOf } from "./lib/zones";

/** The parameter that makes an RDS engine refuse unencrypted connections, by parameter group family. */
export function tlsParameterFor(family: string): { name: string; accepted: string[] } | undefined {
    // Stryker disable next-line Regex: every RDS parameter group family starts with its engine's name
    if (/^(aurora-mysql|mysql|mariadb)/.test(family)) {
        return { name: "require_secure_transport", accepted: ["on", "1"] };
    }
    // Stryker disable next-line Regex: every RDS parameter group family starts with its engine's name
    if (/^(aurora-postgresql|postgres|sqlserver)/.test(family)) {
        return { name: "rds.force_ssl", accepted: ["1"] };
    }
    return undefined;
}

export const rdsParameterGroupRequiresTls: ResourceValidationPolicy = {
    name: "rds-parameter-group-requires-tls",
    description:
        "RDS and Aurora parameter groups make the database refuse unencrypted connections: require_secure_transport = ON for MySQL, " +
        "MariaDB and Aurora MySQL, rds.force_ssl = 1 for PostgreSQL, Aurora PostgreSQL and SQL Server. For Aurora the setting is a " +
        "cluster parameter, so instance-level (aws.rds.ParameterGroup) groups of aurora-* families are not checked.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        'Add { name: "require_secure_transport", value: "ON" } (MySQL family) or { name: "rds.force_ssl", value: "1" } ' +
        "(PostgreSQL/SQL Server) to the parameter group's `parameters`, and connect with TLS (the RDS CA bundle) from every client.",
    ...compliance("164.312(e)(1)", ["tls", "rds"]),
    validateResource: validateResourceOfTypes(
        [aws.rds.ClusterParameterGroup, aws.rds.ParameterGroup],
        "RDS parameter groups",
        (args, report) => {
            const p = plain((args.asType(aws.rds.ClusterParameterGroup) ?? args.asType(aws.rds.ParameterGroup))!);
            const family = knownString(p.family);
            if (family === undefined) {
                return; // unknown family: cannot tell which parameter applies
            }
            if (args.isType(aws.rds.ParameterGroup) && family.startsWith("aurora-")) {
                args.notApplicable(
                    "Aurora enforces TLS with a cluster parameter; instance parameter groups cannot set it",
                );
            }
            const wanted = tlsParameterFor(family);
            if (!wanted) {
                args.notApplicable(`no TLS enforcement parameter known for family ${family}`);
                return;
            }
            if (isUnknown(p.parameters)) {
                return;
            }
            const matching = asArray(p.parameters).filter(
                (x) =>
                    typeof x === "object" &&
                    x !== null &&
                    String((x as { name?: unknown }).name).toLowerCase() === wanted.name,
            ) as Array<{ name: string; value: unknown }>;
            const ok = any(
                matching.map((x) => test(x.value, (v) => wanted.accepted.includes(String(v).toLowerCase()))),
            );
            if (ok === false) {
                const found =
                    matching.length > 0
                        ? `is ${JSON.stringify(matching[0].value)}`
                        : "is not set (the engine default allows plaintext)";
                report(`${wanted.name} ${found}; it must be ${wanted.accepted[0].toUpperCase()} for family ${family}.`);
            }
        },
    ),
};

// Stryker disable next-line Regex: no other RDS engine value (CreateDBInstance/CreateDBCluster Engine: oracle-*, sqlserver-*, custom-*, db2-*) starts or ends with one of these names
const MYSQL_OR_POSTGRES = /^(aurora|aurora-mysql|aurora-postgresql|mysql|mariadb|postgres)$/;

export const rdsUsesCustomParameterGroup: ResourceValidationPolicy = {
    name: "rds-uses-custom-parameter-group",
    description:
        "RDS clusters and instances use the stack's own parameter group: the engines' default groups (default.*, or none given) " +
        "accept unencrypted connections and cannot be changed. The group's content is checked by rds-parameter-group-requires-tls.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Create an aws.rds.ClusterParameterGroup (Aurora) or aws.rds.ParameterGroup (RDS) that requires TLS and pass its name as " +
        "`dbClusterParameterGroupName` (cluster) or `parameterGroupName` (instance).",
    ...compliance("164.312(e)(1)", ["tls", "rds"]),
    validateResource: validateResourceOfTypes(
        [aws.rds.Cluster, aws.rds.Instance],
        "RDS clusters and instances",
        (args, report) => {
            const cluster = args.asType(aws.rds.Cluster);
            const instance = args.asType(aws.rds.Instance);
            const p = plain((cluster ?? instance)!) as {
                engine?: unknown;
                dbClusterParameterGroupName?: unknown;
                parameterGroupName?: unknown;
            };
            const engine = knownString(p.engine);
            // Stryker disable next-line ConditionalExpression: RegExp.test(undefined) tests "undefined", which names no engine
            if (engine === undefined || !MYSQL_OR_POSTGRES.test(engine)) {
                return; // unknown engine, or an engine without a TLS parameter
            }
            const key = cluster ? "dbClusterParameterGroupName" : "parameterGroupName";
            // An unknown group (the sentinel string) is not a default group name.
            const group = p[key];
            if (group === undefined || group === null || group === "") {
                report(`${key} is not set: the engine's default parameter group accepts unencrypted connections.`);
                return;
            }
            // Stryker disable next-line ConditionalExpression: defensive; the provider's schema gives a string
            if (typeof group === "string" && group.startsWith("default.")) {
                report(
                    `${key} = "${group}" is an AWS default parameter group, which accepts unencrypted connections and cannot be changed.`,
                );
            }
        },
    ),
};

export const elasticacheTransitEncryption: ResourceValidationPolicy = {
    name: "elasticache-transit-encryption-required",
    description:
        "ElastiCache replication groups encrypt client and replication traffic and refuse plaintext clients: " +
        'transitEncryptionEnabled = true and transitEncryptionMode = "required" ("preferred" still accepts plaintext).',
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        'Set transitEncryptionEnabled: true and transitEncryptionMode: "required" on the aws.elasticache.ReplicationGroup ' +
        '(an existing group migrates through "preferred" first), and connect clients with TLS (rediss://).',
    ...compliance("164.312(e)(1)", ["tls", "elasticache"]),
    validateResource: validateResourceOfType(aws.elasticache.ReplicationGroup, (rg, args, report) => {
        const p = plain(rg);
        if (test(p.transitEncryptionEnabled, (v) => v === true) === false) {
            report(
                "transitEncryptionEnabled is not true: cache traffic (sessions, cached patient pages) would travel in plaintext.",
            );
        }
        if (test(p.transitEncryptionMode, (v) => v === "required") === false) {
            report(
                `transitEncryptionMode is ${p.transitEncryptionMode === undefined ? "not set" : `"${p.transitEncryptionMode}"`}; it must be "required".`,
            );
        }
    }),
};

/** Whether an IAM policy statement denies every S3 action to everyone when the request is not over TLS. */
export function deniesInsecureTransport(statement: unknown): Tri {
    if (typeof statement !== "object" || statement === null) {
        return isUnknown(statement) ? undefined : false;
    }
    const s = statement as Record<string, unknown>;
    const effect = test(s.Effect, (v) => v === "Deny");
    const principal = test(
        s.Principal,
        (v) => v === "*" || asArray((v as Record<string, unknown> | null)?.AWS).includes("*"),
    );
    const action = test(s.Action, (v) => asArray(v).some((a) => a === "s3:*" || a === "*"));
    const condition = test(s.Condition, (v) => {
        if (typeof v !== "object" || v === null) {
            return false;
        }
        const c = v as Record<string, Record<string, unknown> | undefined>;
        return ["Bool", "BoolIfExists"].some((op) =>
            asArray(c[op]?.["aws:SecureTransport"]).some((x) => String(x).toLowerCase() === "false"),
        );
    });
    if ([effect, principal, action, condition].includes(false)) {
        return false;
    }
    return [effect, principal, action, condition].includes(undefined) ? undefined : true;
}

/** Whether a bucket policy document (string or object) has a statement denying insecure transport. */
export function policyDeniesInsecureTransport(policy: unknown): Tri {
    if (isUnknown(policy)) {
        return undefined;
    }
    const doc = parseJsonDocument(policy);
    if (!doc) {
        return false;
    }
    // An unknown Statement (the sentinel) is one unknown statement.
    return any(asArray(doc.Statement).map(deniesInsecureTransport));
}

export const s3DenyInsecureTransport: StackValidationPolicy = {
    name: "s3-deny-insecure-transport",
    description:
        "Every S3 bucket has a bucket policy with a statement that denies s3:* to every principal when aws:SecureTransport is false, " +
        "so no client can read or write objects (medical images, exports) over plain HTTP.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        'Add an aws.s3.BucketPolicy for the bucket with the statement { Effect: "Deny", Principal: "*", Action: "s3:*", ' +
        'Resource: [bucketArn, `${bucketArn}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } } ' +
        "(build it with pulumi.jsonStringify).",
    ...compliance("164.312(e)(1)", ["tls", "s3"]),
    validateStack: (args, report) => {
        const buckets = args.resources.filter((r) => isAnyOf(r, BUCKETS));
        if (buckets.length === 0) {
            args.notApplicable("no S3 buckets in the stack");
        }
        const policies = args.resources.filter((r) => r.isType(aws.s3.BucketPolicy));
        for (const bucket of buckets) {
            const identities = bucketIdentities(bucket);
            const verdicts: Tri[] = [];
            const inline = propsOf(bucket).policy;
            if (inline !== undefined && inline !== null) {
                verdicts.push(policyDeniesInsecureTransport(inline));
            }
            for (const bp of policies) {
                const linked = refersTo(bp, "bucket", bucket, identities);
                if (linked === false) {
                    continue;
                }
                const verdict = policyDeniesInsecureTransport(propsOf(bp).policy);
                if (linked === true) {
                    verdicts.push(verdict);
                } else if (verdict !== false) {
                    // May be this bucket's policy (its target is not known yet) and may comply: cannot tell.
                    verdicts.push(undefined);
                }
            }
            const ok = any(verdicts);
            if (ok === false) {
                const why =
                    verdicts.length === 0
                        ? "has no bucket policy"
                        : "has a bucket policy without a Deny on aws:SecureTransport = false";
                report(`bucket ${bucket.name} ${why}: requests over plain HTTP would be served.`, bucket.urn);
            }
        }
    },
};

/** ELB security policies that accept nothing older than TLS 1.2. */
// Stryker disable next-line Regex: every ELB security policy name starts with ELBSecurityPolicy- (describe-ssl-policies), so the anchor rejects no real name
const TLS12_POLICY = /^ELBSecurityPolicy-(TLS13-1-[23]|TLS-1-2|FS-1-2)/;

export const lbListenerTransport: ResourceValidationPolicy = {
    name: "lb-listener-transport-security",
    description:
        "Load balancer listeners never forward plain HTTP: an HTTP listener's actions may only redirect to HTTPS, a TCP/UDP " +
        "listener on port 80 may not forward, and HTTPS/TLS listeners name a TLS 1.2+ security policy (the AWS default " +
        "ELBSecurityPolicy-2016-08 still accepts TLS 1.0).",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        'Give HTTP listeners a single default action { type: "redirect", redirect: { protocol: "HTTPS", port: "443", ' +
        'statusCode: "HTTP_301" } }; remove port-80 TCP forwarding; set sslPolicy to ELBSecurityPolicy-TLS13-1-2-2021-06 ' +
        "(or another TLS 1.2+ policy) on HTTPS/TLS listeners.",
    ...compliance("164.312(e)(1)", ["tls", "elb"]),
    validateResource: validateResourceOfTypes(LISTENERS, "load balancer listeners", (args, report) => {
        // An unknown protocol (the sentinel) is none of the protocols below: nothing to check.
        const p = plain((args.asType(aws.lb.Listener) ?? args.asType(aws.alb.Listener))!);
        const protocol = String(p.protocol ?? "HTTP").toUpperCase(); // ALB listeners default to HTTP
        const actions = isUnknown(p.defaultActions) ? undefined : asArray(p.defaultActions);
        if (protocol === "HTTP") {
            actions?.forEach((a, i) => {
                const verdict = redirectsToHttps(a);
                if (verdict === false) {
                    report(
                        `defaultActions[${i}] (${describeAction(a)}) on an HTTP listener: HTTP listeners may only redirect to HTTPS.`,
                    );
                }
            });
        } else if (["TCP", "UDP", "TCP_UDP"].includes(protocol) && test(p.port, (v) => v === 80) === true) {
            actions?.forEach((a, i) => {
                if (!isUnknown(a) && (a as { type?: unknown } | null)?.type === "forward") {
                    report(
                        `defaultActions[${i}] forwards ${protocol} port 80 (plain HTTP) to targets; terminate TLS on 443 instead.`,
                    );
                }
            });
        } else if (protocol === "HTTPS" || protocol === "TLS") {
            const policy = p.sslPolicy;
            if (test(policy, (v) => TLS12_POLICY.test(String(v))) === false) {
                report(
                    policy === undefined
                        ? "sslPolicy is not set: the AWS default ELBSecurityPolicy-2016-08 accepts TLS 1.0 and 1.1."
                        : `sslPolicy "${policy}" accepts protocol versions older than TLS 1.2.`,
                );
            }
        }
    }),
};

/** Whether a listener action redirects to HTTPS; only its type and redirect protocol matter (a target ARN may be unknown). */
function redirectsToHttps(action: unknown): Tri {
    if (!isObject(action)) {
        return isUnknown(action) ? undefined : false;
    }
    const a = action as { type?: unknown; redirect?: { protocol?: unknown } };
    if (isUnknown(a.type)) {
        return undefined;
    }
    if (a.type !== "redirect") {
        return false;
    }
    if (isUnknown(a.redirect) || isUnknown(a.redirect?.protocol)) {
        return undefined;
    }
    return String(a.redirect?.protocol).toUpperCase() === "HTTPS";
}

function describeAction(action: unknown): string {
    if (!isObject(action)) {
        return "an action";
    }
    const a = action as { type?: unknown; redirect?: { protocol?: unknown } };
    return a.type === "redirect"
        ? `redirect to ${String(a.redirect?.protocol ?? "#{protocol}")}`
        : `type ${String(a.type)}`;
}

/** OpenSearch TLS security policies with TLS 1.2 as the minimum. */
// Stryker disable next-line Regex: every OpenSearch TLS security policy starts with Policy-Min-TLS- (DomainEndpointOptions.TLSSecurityPolicy), so the anchor rejects no real name
const OPENSEARCH_TLS12 = /^Policy-Min-TLS-1-[2-9]/;

export const opensearchHttpsOnly: ResourceValidationPolicy = {
    name: "opensearch-https-tls12",
    description:
        "OpenSearch domains (the log store) accept HTTPS only, with a TLS 1.2+ security policy, and encrypt traffic between nodes " +
        "(domainEndpointOptions.enforceHttps, tlsSecurityPolicy Policy-Min-TLS-1-2-*, nodeToNodeEncryption.enabled).",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        'Set domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: "Policy-Min-TLS-1-2-PFS-2023-10" } and ' +
        "nodeToNodeEncryption: { enabled: true } on the aws.opensearch.Domain.",
    ...compliance("164.312(e)(1)", ["tls", "opensearch"]),
    validateResource: validateResourceOfType(aws.opensearch.Domain, (domain, args, report) => {
        const p = plain(domain);
        const endpoint = p.domainEndpointOptions;
        if (isUnknown(endpoint)) {
            return;
        }
        if (test(endpoint?.enforceHttps, (v) => v === true) === false) {
            report("domainEndpointOptions.enforceHttps is not true: the domain would answer plain HTTP.");
        }
        const policy = endpoint?.tlsSecurityPolicy;
        if (test(policy, (v) => OPENSEARCH_TLS12.test(String(v))) === false) {
            report(
                policy === undefined
                    ? "domainEndpointOptions.tlsSecurityPolicy is not set: the service default accepts TLS 1.0."
                    : `tlsSecurityPolicy "${policy}" accepts TLS versions older than 1.2.`,
            );
        }
        if (test(p.nodeToNodeEncryption, (v) => v?.enabled === true) === false) {
            report(
                "nodeToNodeEncryption.enabled is not true: traffic between the domain's nodes would be unencrypted.",
            );
        }
    }),
};

/** The zone settings a zone must have, keyed by normalised setting id. */
const ZONE_TLS_SETTINGS: Array<{ id: string; label: string; accepted: string[]; default: string }> = [
    { id: "ssl", label: "ssl", accepted: ["strict", "origin_pull"], default: "the zone's default (flexible or full)" },
    { id: "mintlsversion", label: "min_tls_version", accepted: ["1.2", "1.3"], default: "1.0" },
    { id: "alwaysusehttps", label: "always_use_https", accepted: ["on"], default: "off" },
];

/** Setting ids are snake_case in the API (`min_tls_version`); the provider docs also show camelCase. */
export function normaliseSettingId(id: string): string {
    return id.replace(/_/g, "").toLowerCase();
}

export const cloudflareZoneTls: StackValidationPolicy = {
    name: "cloudflare-zone-tls",
    description:
        'Every Cloudflare zone the stack manages encrypts both legs and refuses old TLS: zone settings ssl = "strict" ' +
        '(Full (strict): Cloudflare validates the origin certificate), min_tls_version = "1.2" or "1.3", and ' +
        'always_use_https = "on" (cloudflare.ZoneSetting resources).',
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        'Add cloudflare.ZoneSetting resources for the zone: { settingId: "ssl", value: "strict" }, ' +
        '{ settingId: "min_tls_version", value: "1.2" } and { settingId: "always_use_https", value: "on" }.',
    ...compliance("164.312(e)(1)", ["tls", "cloudflare"]),
    validateStack: (args, report) => {
        const zones = zonesOf(args.resources);
        if (zones.size === 0) {
            args.notApplicable("the stack manages no Cloudflare zone");
        }
        const settings = args.resources.filter((r) => r.isType(cloudflare.ZoneSetting));
        // Settings whose zone or id is not known yet might be the missing ones.
        const undetermined = settings.filter((s) => zoneKeyOf(s) === undefined || isUnknown(propsOf(s).settingId));
        for (const [key, members] of zones) {
            for (const wanted of ZONE_TLS_SETTINGS) {
                const mine = settings.filter((s) => {
                    const id = knownString(propsOf(s).settingId);
                    // Stryker disable next-line ConditionalExpression: defensive; settingId is required by the provider's schema
                    return zoneKeyOf(s) === key && id !== undefined && normaliseSettingId(id) === wanted.id;
                });
                const verdict = any(
                    mine.map((s) => test(propsOf(s).value, (v) => wanted.accepted.includes(String(v).toLowerCase()))),
                );
                if (verdict !== false) {
                    continue;
                }
                if (mine.length > 0) {
                    const value = JSON.stringify(propsOf(mine[0]).value);
                    report(
                        `zone ${zoneLabel(key, members)} sets ${wanted.label} = ${value}; it must be ${wanted.accepted.map((a) => `"${a}"`).join(" or ")}.`,
                        mine[0].urn,
                    );
                } else if (undetermined.length === 0) {
                    report(
                        `zone ${zoneLabel(key, members)} has no ${wanted.label} setting, so Cloudflare uses ${wanted.default}; set it to "${wanted.accepted[0]}".`,
                        members[0].urn,
                    );
                }
            }
        }
    },
};
