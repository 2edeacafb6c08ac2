"use strict";
// Transmission security: every connection that can carry patient data is
// encrypted with TLS 1.2 or later (HIPAA 164.312(e)(1), LGPD art. 46).
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.cloudflareZoneTls = exports.opensearchHttpsOnly = exports.lbListenerTransport = exports.s3DenyInsecureTransport = exports.elasticacheTransitEncryption = exports.rdsUsesCustomParameterGroup = exports.rdsParameterGroupRequiresTls = void 0;
exports.tlsParameterFor = tlsParameterFor;
exports.deniesInsecureTransport = deniesInsecureTransport;
exports.policyDeniesInsecureTransport = policyDeniesInsecureTransport;
exports.normaliseSettingId = normaliseSettingId;
const aws = __importStar(require("@pulumi/aws"));
const cloudflare = __importStar(require("@pulumi/cloudflare"));
const policy_1 = require("@pulumi/policy");
const compliance_1 = require("./lib/compliance");
const resources_1 = require("./lib/resources");
const types_1 = require("./lib/types");
const validate_1 = require("./lib/validate");
const values_1 = require("./lib/values");
const zones_1 = require("./lib/zones");
/** The parameter that makes an RDS engine refuse unencrypted connections, by parameter group family. */
function tlsParameterFor(family) {
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
exports.rdsParameterGroupRequiresTls = {
    name: "rds-parameter-group-requires-tls",
    description: "RDS and Aurora parameter groups make the database refuse unencrypted connections: require_secure_transport = ON for MySQL, " +
        "MariaDB and Aurora MySQL, rds.force_ssl = 1 for PostgreSQL, Aurora PostgreSQL and SQL Server. For Aurora the setting is a " +
        "cluster parameter, so instance-level (aws.rds.ParameterGroup) groups of aurora-* families are not checked.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: 'Add { name: "require_secure_transport", value: "ON" } (MySQL family) or { name: "rds.force_ssl", value: "1" } ' +
        "(PostgreSQL/SQL Server) to the parameter group's `parameters`, and connect with TLS (the RDS CA bundle) from every client.",
    ...(0, compliance_1.compliance)("164.312(e)(1)", ["tls", "rds"]),
    validateResource: (0, validate_1.validateResourceOfTypes)([aws.rds.ClusterParameterGroup, aws.rds.ParameterGroup], "RDS parameter groups", (args, report) => {
        const p = (0, values_1.plain)((args.asType(aws.rds.ClusterParameterGroup) ?? args.asType(aws.rds.ParameterGroup)));
        const family = (0, values_1.knownString)(p.family);
        if (family === undefined) {
            return; // unknown family: cannot tell which parameter applies
        }
        if (args.isType(aws.rds.ParameterGroup) && family.startsWith("aurora-")) {
            args.notApplicable("Aurora enforces TLS with a cluster parameter; instance parameter groups cannot set it");
        }
        const wanted = tlsParameterFor(family);
        if (!wanted) {
            args.notApplicable(`no TLS enforcement parameter known for family ${family}`);
            return;
        }
        if ((0, values_1.isUnknown)(p.parameters)) {
            return;
        }
        const matching = (0, values_1.asArray)(p.parameters).filter((x) => typeof x === "object" &&
            x !== null &&
            String(x.name).toLowerCase() === wanted.name);
        const ok = (0, values_1.any)(matching.map((x) => (0, values_1.test)(x.value, (v) => wanted.accepted.includes(String(v).toLowerCase()))));
        if (ok === false) {
            const found = matching.length > 0
                ? `is ${JSON.stringify(matching[0].value)}`
                : "is not set (the engine default allows plaintext)";
            report(`${wanted.name} ${found}; it must be ${wanted.accepted[0].toUpperCase()} for family ${family}.`);
        }
    }),
};
// Stryker disable next-line Regex: no other RDS engine value (CreateDBInstance/CreateDBCluster Engine: oracle-*, sqlserver-*, custom-*, db2-*) starts or ends with one of these names
const MYSQL_OR_POSTGRES = /^(aurora|aurora-mysql|aurora-postgresql|mysql|mariadb|postgres)$/;
exports.rdsUsesCustomParameterGroup = {
    name: "rds-uses-custom-parameter-group",
    description: "RDS clusters and instances use the stack's own parameter group: the engines' default groups (default.*, or none given) " +
        "accept unencrypted connections and cannot be changed. The group's content is checked by rds-parameter-group-requires-tls.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: "Create an aws.rds.ClusterParameterGroup (Aurora) or aws.rds.ParameterGroup (RDS) that requires TLS and pass its name as " +
        "`dbClusterParameterGroupName` (cluster) or `parameterGroupName` (instance).",
    ...(0, compliance_1.compliance)("164.312(e)(1)", ["tls", "rds"]),
    validateResource: (0, validate_1.validateResourceOfTypes)([aws.rds.Cluster, aws.rds.Instance], "RDS clusters and instances", (args, report) => {
        const cluster = args.asType(aws.rds.Cluster);
        const instance = args.asType(aws.rds.Instance);
        const p = (0, values_1.plain)((cluster ?? instance));
        const engine = (0, values_1.knownString)(p.engine);
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
            report(`${key} = "${group}" is an AWS default parameter group, which accepts unencrypted connections and cannot be changed.`);
        }
    }),
};
exports.elasticacheTransitEncryption = {
    name: "elasticache-transit-encryption-required",
    description: "ElastiCache replication groups encrypt client and replication traffic and refuse plaintext clients: " +
        'transitEncryptionEnabled = true and transitEncryptionMode = "required" ("preferred" still accepts plaintext).',
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: 'Set transitEncryptionEnabled: true and transitEncryptionMode: "required" on the aws.elasticache.ReplicationGroup ' +
        '(an existing group migrates through "preferred" first), and connect clients with TLS (rediss://).',
    ...(0, compliance_1.compliance)("164.312(e)(1)", ["tls", "elasticache"]),
    validateResource: (0, policy_1.validateResourceOfType)(aws.elasticache.ReplicationGroup, (rg, args, report) => {
        const p = (0, values_1.plain)(rg);
        if ((0, values_1.test)(p.transitEncryptionEnabled, (v) => v === true) === false) {
            report("transitEncryptionEnabled is not true: cache traffic (sessions, cached patient pages) would travel in plaintext.");
        }
        if ((0, values_1.test)(p.transitEncryptionMode, (v) => v === "required") === false) {
            report(`transitEncryptionMode is ${p.transitEncryptionMode === undefined ? "not set" : `"${p.transitEncryptionMode}"`}; it must be "required".`);
        }
    }),
};
/** Whether an IAM policy statement denies every S3 action to everyone when the request is not over TLS. */
function deniesInsecureTransport(statement) {
    if (typeof statement !== "object" || statement === null) {
        return (0, values_1.isUnknown)(statement) ? undefined : false;
    }
    const s = statement;
    const effect = (0, values_1.test)(s.Effect, (v) => v === "Deny");
    const principal = (0, values_1.test)(s.Principal, (v) => v === "*" || (0, values_1.asArray)(v?.AWS).includes("*"));
    const action = (0, values_1.test)(s.Action, (v) => (0, values_1.asArray)(v).some((a) => a === "s3:*" || a === "*"));
    const condition = (0, values_1.test)(s.Condition, (v) => {
        if (typeof v !== "object" || v === null) {
            return false;
        }
        const c = v;
        return ["Bool", "BoolIfExists"].some((op) => (0, values_1.asArray)(c[op]?.["aws:SecureTransport"]).some((x) => String(x).toLowerCase() === "false"));
    });
    if ([effect, principal, action, condition].includes(false)) {
        return false;
    }
    return [effect, principal, action, condition].includes(undefined) ? undefined : true;
}
/** Whether a bucket policy document (string or object) has a statement denying insecure transport. */
function policyDeniesInsecureTransport(policy) {
    if ((0, values_1.isUnknown)(policy)) {
        return undefined;
    }
    const doc = (0, values_1.parseJsonDocument)(policy);
    if (!doc) {
        return false;
    }
    // An unknown Statement (the sentinel) is one unknown statement.
    return (0, values_1.any)((0, values_1.asArray)(doc.Statement).map(deniesInsecureTransport));
}
exports.s3DenyInsecureTransport = {
    name: "s3-deny-insecure-transport",
    description: "Every S3 bucket has a bucket policy with a statement that denies s3:* to every principal when aws:SecureTransport is false, " +
        "so no client can read or write objects (medical images, exports) over plain HTTP.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: 'Add an aws.s3.BucketPolicy for the bucket with the statement { Effect: "Deny", Principal: "*", Action: "s3:*", ' +
        'Resource: [bucketArn, `${bucketArn}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } } ' +
        "(build it with pulumi.jsonStringify).",
    ...(0, compliance_1.compliance)("164.312(e)(1)", ["tls", "s3"]),
    validateStack: (args, report) => {
        const buckets = args.resources.filter((r) => (0, validate_1.isAnyOf)(r, types_1.BUCKETS));
        if (buckets.length === 0) {
            args.notApplicable("no S3 buckets in the stack");
        }
        const policies = args.resources.filter((r) => r.isType(aws.s3.BucketPolicy));
        for (const bucket of buckets) {
            const identities = (0, resources_1.bucketIdentities)(bucket);
            const verdicts = [];
            const inline = (0, resources_1.propsOf)(bucket).policy;
            if (inline !== undefined && inline !== null) {
                verdicts.push(policyDeniesInsecureTransport(inline));
            }
            for (const bp of policies) {
                const linked = (0, resources_1.refersTo)(bp, "bucket", bucket, identities);
                if (linked === false) {
                    continue;
                }
                const verdict = policyDeniesInsecureTransport((0, resources_1.propsOf)(bp).policy);
                if (linked === true) {
                    verdicts.push(verdict);
                }
                else if (verdict !== false) {
                    // May be this bucket's policy (its target is not known yet) and may comply: cannot tell.
                    verdicts.push(undefined);
                }
            }
            const ok = (0, values_1.any)(verdicts);
            if (ok === false) {
                const why = verdicts.length === 0
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
exports.lbListenerTransport = {
    name: "lb-listener-transport-security",
    description: "Load balancer listeners never forward plain HTTP: an HTTP listener's actions may only redirect to HTTPS, a TCP/UDP " +
        "listener on port 80 may not forward, and HTTPS/TLS listeners name a TLS 1.2+ security policy (the AWS default " +
        "ELBSecurityPolicy-2016-08 still accepts TLS 1.0).",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: 'Give HTTP listeners a single default action { type: "redirect", redirect: { protocol: "HTTPS", port: "443", ' +
        'statusCode: "HTTP_301" } }; remove port-80 TCP forwarding; set sslPolicy to ELBSecurityPolicy-TLS13-1-2-2021-06 ' +
        "(or another TLS 1.2+ policy) on HTTPS/TLS listeners.",
    ...(0, compliance_1.compliance)("164.312(e)(1)", ["tls", "elb"]),
    validateResource: (0, validate_1.validateResourceOfTypes)(types_1.LISTENERS, "load balancer listeners", (args, report) => {
        // An unknown protocol (the sentinel) is none of the protocols below: nothing to check.
        const p = (0, values_1.plain)((args.asType(aws.lb.Listener) ?? args.asType(aws.alb.Listener)));
        const protocol = String(p.protocol ?? "HTTP").toUpperCase(); // ALB listeners default to HTTP
        const actions = (0, values_1.isUnknown)(p.defaultActions) ? undefined : (0, values_1.asArray)(p.defaultActions);
        if (protocol === "HTTP") {
            actions?.forEach((a, i) => {
                const verdict = redirectsToHttps(a);
                if (verdict === false) {
                    report(`defaultActions[${i}] (${describeAction(a)}) on an HTTP listener: HTTP listeners may only redirect to HTTPS.`);
                }
            });
        }
        else if (["TCP", "UDP", "TCP_UDP"].includes(protocol) && (0, values_1.test)(p.port, (v) => v === 80) === true) {
            actions?.forEach((a, i) => {
                if (!(0, values_1.isUnknown)(a) && a?.type === "forward") {
                    report(`defaultActions[${i}] forwards ${protocol} port 80 (plain HTTP) to targets; terminate TLS on 443 instead.`);
                }
            });
        }
        else if (protocol === "HTTPS" || protocol === "TLS") {
            const policy = p.sslPolicy;
            if ((0, values_1.test)(policy, (v) => TLS12_POLICY.test(String(v))) === false) {
                report(policy === undefined
                    ? "sslPolicy is not set: the AWS default ELBSecurityPolicy-2016-08 accepts TLS 1.0 and 1.1."
                    : `sslPolicy "${policy}" accepts protocol versions older than TLS 1.2.`);
            }
        }
    }),
};
/** Whether a listener action redirects to HTTPS; only its type and redirect protocol matter (a target ARN may be unknown). */
function redirectsToHttps(action) {
    if (!(0, values_1.isObject)(action)) {
        return (0, values_1.isUnknown)(action) ? undefined : false;
    }
    const a = action;
    if ((0, values_1.isUnknown)(a.type)) {
        return undefined;
    }
    if (a.type !== "redirect") {
        return false;
    }
    if ((0, values_1.isUnknown)(a.redirect) || (0, values_1.isUnknown)(a.redirect?.protocol)) {
        return undefined;
    }
    return String(a.redirect?.protocol).toUpperCase() === "HTTPS";
}
function describeAction(action) {
    if (!(0, values_1.isObject)(action)) {
        return "an action";
    }
    const a = action;
    return a.type === "redirect"
        ? `redirect to ${String(a.redirect?.protocol ?? "#{protocol}")}`
        : `type ${String(a.type)}`;
}
/** OpenSearch TLS security policies with TLS 1.2 as the minimum. */
// Stryker disable next-line Regex: every OpenSearch TLS security policy starts with Policy-Min-TLS- (DomainEndpointOptions.TLSSecurityPolicy), so the anchor rejects no real name
const OPENSEARCH_TLS12 = /^Policy-Min-TLS-1-[2-9]/;
exports.opensearchHttpsOnly = {
    name: "opensearch-https-tls12",
    description: "OpenSearch domains (the log store) accept HTTPS only, with a TLS 1.2+ security policy, and encrypt traffic between nodes " +
        "(domainEndpointOptions.enforceHttps, tlsSecurityPolicy Policy-Min-TLS-1-2-*, nodeToNodeEncryption.enabled).",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: 'Set domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: "Policy-Min-TLS-1-2-PFS-2023-10" } and ' +
        "nodeToNodeEncryption: { enabled: true } on the aws.opensearch.Domain.",
    ...(0, compliance_1.compliance)("164.312(e)(1)", ["tls", "opensearch"]),
    validateResource: (0, policy_1.validateResourceOfType)(aws.opensearch.Domain, (domain, args, report) => {
        const p = (0, values_1.plain)(domain);
        const endpoint = p.domainEndpointOptions;
        if ((0, values_1.isUnknown)(endpoint)) {
            return;
        }
        if ((0, values_1.test)(endpoint?.enforceHttps, (v) => v === true) === false) {
            report("domainEndpointOptions.enforceHttps is not true: the domain would answer plain HTTP.");
        }
        const policy = endpoint?.tlsSecurityPolicy;
        if ((0, values_1.test)(policy, (v) => OPENSEARCH_TLS12.test(String(v))) === false) {
            report(policy === undefined
                ? "domainEndpointOptions.tlsSecurityPolicy is not set: the service default accepts TLS 1.0."
                : `tlsSecurityPolicy "${policy}" accepts TLS versions older than 1.2.`);
        }
        if ((0, values_1.test)(p.nodeToNodeEncryption, (v) => v?.enabled === true) === false) {
            report("nodeToNodeEncryption.enabled is not true: traffic between the domain's nodes would be unencrypted.");
        }
    }),
};
/** The zone settings a zone must have, keyed by normalised setting id. */
const ZONE_TLS_SETTINGS = [
    { id: "ssl", label: "ssl", accepted: ["strict", "origin_pull"], default: "the zone's default (flexible or full)" },
    { id: "mintlsversion", label: "min_tls_version", accepted: ["1.2", "1.3"], default: "1.0" },
    { id: "alwaysusehttps", label: "always_use_https", accepted: ["on"], default: "off" },
];
/** Setting ids are snake_case in the API (`min_tls_version`); the provider docs also show camelCase. */
function normaliseSettingId(id) {
    return id.replace(/_/g, "").toLowerCase();
}
exports.cloudflareZoneTls = {
    name: "cloudflare-zone-tls",
    description: 'Every Cloudflare zone the stack manages encrypts both legs and refuses old TLS: zone settings ssl = "strict" ' +
        '(Full (strict): Cloudflare validates the origin certificate), min_tls_version = "1.2" or "1.3", and ' +
        'always_use_https = "on" (cloudflare.ZoneSetting resources).',
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: 'Add cloudflare.ZoneSetting resources for the zone: { settingId: "ssl", value: "strict" }, ' +
        '{ settingId: "min_tls_version", value: "1.2" } and { settingId: "always_use_https", value: "on" }.',
    ...(0, compliance_1.compliance)("164.312(e)(1)", ["tls", "cloudflare"]),
    validateStack: (args, report) => {
        const zones = (0, zones_1.zonesOf)(args.resources);
        if (zones.size === 0) {
            args.notApplicable("the stack manages no Cloudflare zone");
        }
        const settings = args.resources.filter((r) => r.isType(cloudflare.ZoneSetting));
        // Settings whose zone or id is not known yet might be the missing ones.
        const undetermined = settings.filter((s) => (0, zones_1.zoneKeyOf)(s) === undefined || (0, values_1.isUnknown)((0, resources_1.propsOf)(s).settingId));
        for (const [key, members] of zones) {
            for (const wanted of ZONE_TLS_SETTINGS) {
                const mine = settings.filter((s) => {
                    const id = (0, values_1.knownString)((0, resources_1.propsOf)(s).settingId);
                    // Stryker disable next-line ConditionalExpression: defensive; settingId is required by the provider's schema
                    return (0, zones_1.zoneKeyOf)(s) === key && id !== undefined && normaliseSettingId(id) === wanted.id;
                });
                const verdict = (0, values_1.any)(mine.map((s) => (0, values_1.test)((0, resources_1.propsOf)(s).value, (v) => wanted.accepted.includes(String(v).toLowerCase()))));
                if (verdict !== false) {
                    continue;
                }
                if (mine.length > 0) {
                    const value = JSON.stringify((0, resources_1.propsOf)(mine[0]).value);
                    report(`zone ${(0, zones_1.zoneLabel)(key, members)} sets ${wanted.label} = ${value}; it must be ${wanted.accepted.map((a) => `"${a}"`).join(" or ")}.`, mine[0].urn);
                }
                else if (undetermined.length === 0) {
                    report(`zone ${(0, zones_1.zoneLabel)(key, members)} has no ${wanted.label} setting, so Cloudflare uses ${wanted.default}; set it to "${wanted.accepted[0]}".`, members[0].urn);
                }
            }
        }
    },
};
