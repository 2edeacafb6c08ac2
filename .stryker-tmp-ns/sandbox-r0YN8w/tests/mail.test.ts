// @ts-nocheck
import * as assert from "assert";
import { Mail } from "../components/mail";
import { RecordedResource } from "../tools/mocks";
import { runStack, StackRun } from "../tools/stack";
import { SENDMAIL_PHP, WP_SETTINGS } from "../templates/wordpress";
import { buildComponent } from "./support/components";
import { docOf, fileOf, instancesWithRole, ofType, userDataOf } from "./support/servers";

const MAIL = "hms:mail:Mail";
const one = (r: StackRun, type: string): RecordedResource => {
    const found = ofType(r, type);
    assert.strictEqual(found.length, 1, `one ${type}, found ${found.length}`);
    return found[0];
};
const records = (r: StackRun) =>
    ofType(r, "cloudflare:index/dnsRecord:DnsRecord").filter((x) => x.parent === one(r, MAIL).urn);

describe("Mail (Amazon SES)", () => {
    const runs = {} as Record<"production" | "staging", StackRun>;
    before(async function () {
        this.timeout(300_000);
        runs.production = await runStack("production");
        runs.staging = await runStack("staging");
    });

    for (const stack of ["production", "staging"] as const) {
        describe(stack, () => {
            const domainOf = (r: StackRun) =>
                String(one(r, "aws:sesv2/emailIdentity:EmailIdentity").inputs.emailIdentity);

            it("verifies the site's domain in the primary region with 2048-bit Easy DKIM, published as three CNAMEs in the zone", () => {
                const r = runs[stack];
                const identity = one(r, "aws:sesv2/emailIdentity:EmailIdentity");
                const domain = domainOf(r);
                const site = ofType(r, "cloudflare:index/dnsRecord:DnsRecord").find((x) =>
                    x.name.endsWith("-edge-apex"),
                );
                assert.strictEqual(domain, site?.inputs.name, "the identity is the site's domain");
                assert.strictEqual(identity.inputs.region, "sa-east-1");
                assert.strictEqual(
                    (identity.inputs.dkimSigningAttributes as { nextSigningKeyLength: string }).nextSigningKeyLength,
                    "RSA_2048_BIT",
                );
                const tokens = (identity.outputs.dkimSigningAttributes as { tokens: string[] }).tokens;
                const cnames = records(r).filter((x) => x.inputs.type === "CNAME");
                assert.deepStrictEqual(
                    cnames.map((c) => [c.inputs.name, c.inputs.content, c.inputs.proxied]).sort(),
                    tokens.map((t) => [`${t}._domainkey.${domain}`, `${t}.dkim.amazonses.com`, false]).sort(),
                );
                for (const rec of records(r)) {
                    assert.strictEqual(rec.inputs.zoneId, site?.inputs.zoneId, `${rec.name} is in the site's zone`);
                }
            });

            it("sends from a custom MAIL FROM domain with MX and SPF, and publishes DMARC aligned with DKIM", () => {
                const r = runs[stack];
                const domain = domainOf(r);
                const mailFrom = one(r, "aws:sesv2/emailIdentityMailFromAttributes:EmailIdentityMailFromAttributes");
                const from = String(mailFrom.inputs.mailFromDomain);
                assert.ok(from.endsWith(`.${domain}`), `${from} is a subdomain of ${domain} (relaxed SPF alignment)`);
                assert.strictEqual(mailFrom.inputs.behaviorOnMxFailure, "REJECT_MESSAGE");
                const byType = (t: string) => records(r).filter((x) => x.inputs.type === t);
                assert.deepStrictEqual(
                    byType("MX").map((x) => [x.inputs.name, x.inputs.content, x.inputs.priority]),
                    [[from, "feedback-smtp.sa-east-1.amazonses.com", 10]],
                );
                const txt = Object.fromEntries(
                    byType("TXT").map((x) => [String(x.inputs.name), String(x.inputs.content)]),
                );
                assert.strictEqual(txt[from], '"v=spf1 include:amazonses.com -all"');
                const dmarc = txt[`_dmarc.${domain}`];
                assert.match(dmarc, /^"v=DMARC1; p=(quarantine|reject);/);
                assert.match(dmarc, /adkim=s/);
            });

            it("requires TLS to receivers, suppresses bounced and complaining addresses, reports them to the alarm topic", () => {
                const r = runs[stack];
                const set = one(r, "aws:sesv2/configurationSet:ConfigurationSet");
                assert.deepStrictEqual(set.inputs.deliveryOptions, { tlsPolicy: "REQUIRE" });
                assert.deepStrictEqual(
                    (set.inputs.suppressionOptions as { suppressedReasons: string[] }).suppressedReasons.sort(),
                    ["BOUNCE", "COMPLAINT"],
                );
                assert.strictEqual(
                    one(r, "aws:sesv2/emailIdentity:EmailIdentity").inputs.configurationSetName,
                    set.inputs.configurationSetName,
                );
                assert.match(String(set.inputs.configurationSetName), /^[A-Za-z0-9_-]{1,64}$/);
                const dest = one(r, "aws:sesv2/configurationSetEventDestination:ConfigurationSetEventDestination");
                const d = dest.inputs.eventDestination as {
                    enabled: boolean;
                    matchingEventTypes: string[];
                    eventBridgeDestination: { eventBusArn: string };
                };
                assert.strictEqual(d.enabled, true);
                for (const t of ["BOUNCE", "COMPLAINT"]) assert.ok(d.matchingEventTypes.includes(t), t);
                assert.match(
                    d.eventBridgeDestination.eventBusArn,
                    /^arn:aws:events:sa-east-1:\d{12}:event-bus\/default$/,
                );

                const rule = ofType(r, "aws:cloudwatch/eventRule:EventRule").find((x) =>
                    String(x.inputs.eventPattern).includes("aws.ses"),
                );
                assert.ok(rule, "an EventBridge rule for SES events");
                const pattern = JSON.parse(String(rule.inputs.eventPattern)) as Record<string, unknown>;
                assert.deepStrictEqual(pattern.source, ["aws.ses"]);
                for (const t of ["Email Bounced", "Email Complaint Received"])
                    assert.ok((pattern["detail-type"] as string[]).includes(t), t);
                assert.deepStrictEqual(pattern.detail, {
                    mail: { tags: { "ses:configuration-set": [set.inputs.configurationSetName] } },
                });
                const target = ofType(r, "aws:cloudwatch/eventTarget:EventTarget").find(
                    (x) => x.parent === rule.parent,
                );
                assert.strictEqual(rule.parent, one(r, MAIL).urn);
                const topic = ofType(r, "aws:sns/topic:Topic").find((x) => x.name.endsWith("-alarms"));
                assert.strictEqual(target?.inputs.arn, topic?.outputs.arn, "to the alarm topic");
                // Recipients' addresses stay out of the notification.
                assert.doesNotMatch(JSON.stringify(target?.inputs.inputTransformer), /destination|recipients\b.*\$/);
            });

            it("lets only the app servers' role send, through this identity and configuration set, with no key anywhere", () => {
                const r = runs[stack];
                const policy = ofType(r, "aws:iam/policy:Policy").find((p) => p.parent === one(r, MAIL).urn);
                assert.ok(policy);
                const statements = (
                    JSON.parse(String(policy.inputs.policy)) as {
                        Statement: Array<{ Action: string[]; Resource: string[] }>;
                    }
                ).Statement;
                assert.deepStrictEqual(
                    statements.map((s) => s.Resource.sort()),
                    [
                        [
                            String(one(r, "aws:sesv2/configurationSet:ConfigurationSet").outputs.arn),
                            String(one(r, "aws:sesv2/emailIdentity:EmailIdentity").outputs.arn),
                        ].sort(),
                    ],
                );
                const attachments = ofType(r, "aws:iam/rolePolicyAttachment:RolePolicyAttachment").filter(
                    (a) => a.inputs.policyArn === policy.outputs.arn,
                );
                assert.strictEqual(attachments.length, 1);
                assert.match(String(attachments[0].name), /-app-role/);
                assert.strictEqual(ofType(r, "aws:iam/accessKey:AccessKey").length, 0);
                assert.strictEqual(ofType(r, "aws:iam/user:User").length, 0);
            });

            it("gives PHP a mail transport on every app server: SES in the primary region with the configuration set", () => {
                const r = runs[stack];
                const set = String(one(r, "aws:sesv2/configurationSet:ConfigurationSet").inputs.configurationSetName);
                for (const s of instancesWithRole(r, "wordpress")) {
                    const doc = docOf(userDataOf(s));
                    const pool = doc.write_files.find((f) => f.path.endsWith("/fpm/pool.d/hms-wordpress.conf"));
                    assert.match(
                        String(pool?.content),
                        new RegExp(`^php_admin_value\\[sendmail_path\\] = /usr/bin/php ${SENDMAIL_PHP}$`, "m"),
                    );
                    assert.ok(fileOf(doc, SENDMAIL_PHP).includes("/v2/email/outbound-emails"));
                    const settings = fileOf(doc, WP_SETTINGS);
                    assert.ok(settings.includes(`define('HMS_MAIL_CONFIGURATION_SET', '${set}');`), settings);
                    assert.ok(
                        settings.includes("define('HMS_SES_ENDPOINT', 'https://email.sa-east-1.amazonaws.com');"),
                    );
                }
            });
        });
    }

    it("refuses a DMARC policy, MAIL FROM label or name SES and DNS would not take", async () => {
        for (const [args, message] of [
            [{ dmarcPolicy: "strict" }, /dmarcPolicy = "strict": must be one of none, quarantine, reject/],
            [{ mailFromLabel: "bounce.mail" }, /mailFromLabel = "bounce.mail": must be one DNS label/],
        ] as const) {
            await assert.rejects(
                buildComponent(
                    () =>
                        new Mail("mail", {
                            region: "sa-east-1",
                            domain: "hms.example.org",
                            zoneId: "0".repeat(32),
                            ...(args as object),
                        }),
                ),
                message,
            );
        }
        await assert.rejects(
            buildComponent(
                () =>
                    new Mail("a".repeat(56), {
                        region: "sa-east-1",
                        domain: "hms.example.org",
                        zoneId: "0".repeat(32),
                    }),
            ),
            /names the SES configuration set/,
        );
    });
});
