// @ts-nocheck
import * as aws from "@pulumi/aws";
import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";

/** DMARC policies (RFC 7489 section 6.3, tag p). */
export const DMARC_POLICIES = ["none", "quarantine", "reject"] as const;
export type DmarcPolicy = (typeof DMARC_POLICIES)[number];

/** SES event types reported to the alarm topic: what needs a person (a bad address, a spam report, a refused message). */
export const MAIL_ALARM_EVENTS = ["BOUNCE", "COMPLAINT", "REJECT", "RENDERING_FAILURE"] as const;
/** Their EventBridge detail-types (https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-ses.html). */
const DETAIL_TYPES: Record<(typeof MAIL_ALARM_EVENTS)[number], string> = {
    BOUNCE: "Email Bounced",
    COMPLAINT: "Email Complaint Received",
    REJECT: "Email Rejected",
    RENDERING_FAILURE: "Email Rendering Failed",
};

export interface MailArgs {
    /** The primary region: SES (API v2) is offered in sa-east-1 (https://docs.aws.amazon.com/general/latest/gr/ses.html). */
    region: string;
    /** The site's domain: the verified identity; WordPress sends as wordpress@<domain>. */
    domain: string;
    /** The Cloudflare zone holding `domain` (DKIM, MAIL FROM and DMARC records go there). */
    zoneId: pulumi.Input<string>;
    /** Bounces, complaints, rejections and rendering failures are published there, without addresses. */
    alarmTopicArn?: pulumi.Input<string>;
    /** Label under `domain` used as the MAIL FROM (bounce) domain, for SPF alignment. Default "mail". */
    mailFromLabel?: string;
    /** DMARC policy of `domain`. Default "quarantine". */
    dmarcPolicy?: DmarcPolicy;
}

/**
 * Outbound mail through Amazon SES: the domain as a verified identity with
 * Easy DKIM (2048-bit), a custom MAIL FROM domain (SPF passes and aligns with
 * the From domain), DMARC, all published in the Cloudflare zone; a
 * configuration set that requires TLS to the receiving server, suppresses
 * addresses that bounced or complained, and sends those events through
 * EventBridge to the alarm topic; and the managed policy that lets the app
 * servers' role send through that identity and configuration set (API v2
 * SendEmail with the role's temporary credentials: no SMTP password exists).
 *
 * New SES accounts start in the sandbox (only verified recipients, 200
 * messages a day): leaving it is a request to AWS, see the README.
 */
export class Mail extends pulumi.ComponentResource {
    public readonly identityArn: pulumi.Output<string>;
    public readonly configurationSetName: pulumi.Output<string>;
    public readonly configurationSetArn: pulumi.Output<string>;
    /** Managed policy for the sender's role: ses:SendEmail / ses:SendRawEmail on this identity and configuration set. */
    public readonly sendPolicyArn: pulumi.Output<string>;
    public readonly mailFromDomain: string;
    /** Names of the DNS records created in the zone. */
    public readonly dnsRecordNames: pulumi.Output<string[]>;

    constructor(name: string, args: MailArgs, opts?: pulumi.ComponentResourceOptions) {
        super("hms:mail:Mail", name, {}, opts);
        const parent = { parent: this };
        const region = args.region;
        const policy = args.dmarcPolicy ?? "quarantine";
        // SES: configuration set names are letters, digits, _ and -, at most 64.
        if (!/^[A-Za-z0-9_-]{1,55}$/.test(name)) {
            throw new pulumi.RunError(
                `${name}: the name must be 1-55 letters, digits, _ or - (it names the SES configuration set)`,
            );
        }
        const label = args.mailFromLabel ?? "mail";
        if (!/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(label)) {
            throw new pulumi.RunError(
                `${name}: mailFromLabel = ${JSON.stringify(label)}: must be one DNS label (a-z, 0-9, -)`,
            );
        }
        if (!(DMARC_POLICIES as readonly string[]).includes(policy)) {
            throw new pulumi.RunError(
                `${name}: dmarcPolicy = ${JSON.stringify(policy)}: must be one of ${DMARC_POLICIES.join(", ")}`,
            );
        }
        this.mailFromDomain = `${label}.${args.domain}`;
        const account = aws.getCallerIdentityOutput({}, parent).accountId;

        // --- configuration set: TLS required, suppression, events to EventBridge ------------------
        const configSet = new aws.sesv2.ConfigurationSet(
            `${name}-config`,
            {
                configurationSetName: `${name}-config`,
                deliveryOptions: { tlsPolicy: "REQUIRE" },
                reputationOptions: { reputationMetricsEnabled: true },
                sendingOptions: { sendingEnabled: true },
                suppressionOptions: { suppressedReasons: ["BOUNCE", "COMPLAINT"] },
                region,
            },
            parent,
        );
        this.configurationSetName = configSet.configurationSetName;
        this.configurationSetArn = configSet.arn;
        new aws.sesv2.ConfigurationSetEventDestination(
            `${name}-events`,
            {
                configurationSetName: configSet.configurationSetName,
                eventDestinationName: "eventbridge",
                eventDestination: {
                    enabled: true,
                    matchingEventTypes: [...MAIL_ALARM_EVENTS],
                    // SES publishes to the default bus only.
                    eventBridgeDestination: {
                        eventBusArn: pulumi.interpolate`arn:aws:events:${region}:${account}:event-bus/default`,
                    },
                },
                region,
            },
            parent,
        );
        if (args.alarmTopicArn) {
            this.alarmRule(name, configSet.configurationSetName, args.alarmTopicArn, region);
        }

        // --- identity: the domain, Easy DKIM, MAIL FROM ---------------------------------------------
        const identity = new aws.sesv2.EmailIdentity(
            `${name}-identity`,
            {
                emailIdentity: args.domain,
                configurationSetName: configSet.configurationSetName,
                dkimSigningAttributes: { nextSigningKeyLength: "RSA_2048_BIT" },
                region,
            },
            parent,
        );
        this.identityArn = identity.arn;
        new aws.sesv2.EmailIdentityMailFromAttributes(
            `${name}-mail-from`,
            // Without the MX record SES would fall back to amazonses.com and SPF would not align: refuse instead.
            {
                emailIdentity: identity.emailIdentity,
                mailFromDomain: this.mailFromDomain,
                behaviorOnMxFailure: "REJECT_MESSAGE",
                region,
            },
            parent,
        );

        // --- DNS in the Cloudflare zone (never proxied: mail records) ---------------------------
        const record = (
            suffix: string,
            r: { name: pulumi.Input<string>; type: string; content: pulumi.Input<string>; priority?: number },
        ) =>
            new cloudflare.DnsRecord(
                `${name}-${suffix}`,
                {
                    zoneId: args.zoneId,
                    proxied: false,
                    ttl: 3600,
                    comment: `${name}: Amazon SES; managed by Pulumi`,
                    ...r,
                },
                parent,
            );
        // Easy DKIM always publishes three selectors.
        const dkim = [0, 1, 2].map((i) => {
            const token = identity.dkimSigningAttributes.apply((d) => d.tokens[i]);
            return record(`dkim-${i + 1}`, {
                name: pulumi.interpolate`${token}._domainkey.${args.domain}`,
                type: "CNAME",
                content: pulumi.interpolate`${token}.dkim.amazonses.com`,
            });
        });
        const records = [
            ...dkim,
            record("mail-from-mx", {
                name: this.mailFromDomain,
                type: "MX",
                content: `feedback-smtp.${region}.amazonses.com`,
                priority: 10,
            }),
            record("mail-from-spf", {
                name: this.mailFromDomain,
                type: "TXT",
                content: '"v=spf1 include:amazonses.com -all"',
            }),
            // DKIM aligned strictly (SES signs as the domain); SPF relaxed (MAIL FROM is a subdomain).
            record("dmarc", {
                name: `_dmarc.${args.domain}`,
                type: "TXT",
                content: `"v=DMARC1; p=${policy}; adkim=s; aspf=r"`,
            }),
        ];
        this.dnsRecordNames = pulumi.all(records.map((r) => r.name));

        // --- who may send: the app servers' role, through this identity and configuration set -----
        const sendPolicy = new aws.iam.Policy(
            `${name}-send`,
            {
                description: `${name}: send mail as ${args.domain} through SES (API v2 SendEmail) with the configuration set`,
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Sid: "SendThroughTheDomainIdentity",
                            Effect: "Allow",
                            Action: ["ses:SendEmail", "ses:SendRawEmail"],
                            Resource: [identity.arn, configSet.arn],
                        },
                    ],
                }),
            },
            parent,
        );
        this.sendPolicyArn = sendPolicy.arn;

        this.registerOutputs({
            identityArn: this.identityArn,
            configurationSetName: this.configurationSetName,
            configurationSetArn: this.configurationSetArn,
            sendPolicyArn: this.sendPolicyArn,
            mailFromDomain: this.mailFromDomain,
            dnsRecordNames: this.dnsRecordNames,
        });
    }

    /** Bounces, complaints, rejections and rendering failures of this configuration set to the alarm topic, without addresses. */
    private alarmRule(
        name: string,
        configSetName: pulumi.Output<string>,
        topicArn: pulumi.Input<string>,
        region: string,
    ): void {
        const rule = new aws.cloudwatch.EventRule(
            `${name}-events`,
            {
                description: `${name}: SES bounces, complaints, rejections and rendering failures`,
                eventPattern: pulumi.jsonStringify({
                    source: ["aws.ses"],
                    "detail-type": MAIL_ALARM_EVENTS.map((e) => DETAIL_TYPES[e]),
                    detail: { mail: { tags: { "ses:configuration-set": [configSetName] } } },
                }),
                region,
            },
            { parent: this },
        );
        new aws.cloudwatch.EventTarget(
            `${name}-events`,
            {
                rule: rule.name,
                arn: topicArn,
                region,
                // Recipients stay out of the notification (they are in the SES suppression list).
                inputTransformer: {
                    inputPaths: {
                        type: "$.detail-type",
                        time: "$.time",
                        bounce: "$.detail.bounce.bounceType",
                        id: "$.detail.mail.messageId",
                    },
                    inputTemplate: `"${name}: <type> at <time> (bounce type: <bounce>; message <id>). Recipients are in the SES account suppression list; see the README runbook 'Mail bounces and complaints'."`,
                },
            },
            { parent: this },
        );
    }
}
