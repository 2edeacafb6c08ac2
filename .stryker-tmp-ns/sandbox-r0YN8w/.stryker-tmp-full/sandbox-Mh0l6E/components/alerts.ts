// @ts-nocheck
// 
// The alarm topic and everything routed to it: CloudWatch alarms of every tier
// (they publish to `topicArn`), the Prometheus alert rules evaluated by the
// Amazon Managed Service for Prometheus ruler and sent by its Alertmanager,
// events that need a person (failovers, failed backup and copy jobs) and
// high-severity security findings. Rules and runbooks: templates/alerts.ts.

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { eventAlerts, renderAlertmanagerDefinition, renderPrometheusRules, runbookUrl } from "../templates/alerts";

export interface AlertsArgs {
    region: string;
    environment: string;
    /** Encrypts the topic (the logs key of `Keys`, whose policy lets the publishing services use it). */
    logsKeyArn: pulumi.Input<string>;
    /** Subscribed to the topic by e-mail (the recipient must confirm). */
    alarmEmail?: string;
    /** The Prometheus workspace whose ruler evaluates the rules. */
    workspace: { id: pulumi.Input<string>; arn: pulumi.Input<string> };
    /** Identifier prefix of this environment's databases and caches (events of other environments are ignored). */
    resourcePrefix: string;
}

export class Alerts extends pulumi.ComponentResource {
    public readonly topicArn: pulumi.Output<string>;

    constructor(name: string, args: AlertsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("hms:monitoring:Alerts", name, {}, opts);
        const parent = { parent: this };
        const region = args.region;
        const account = aws.getCallerIdentityOutput({}, parent).accountId;
        // The topic and the finding rules were children of Monitoring before this component existed.
        const moved = (oldName: string): pulumi.CustomResourceOptions => ({
            parent: this,
            aliases: [{ name: oldName, parent: opts?.parent }],
        });
        const former = name.replace(/-alarms$/, "");

        const topic = new aws.sns.Topic(name, { kmsMasterKeyId: args.logsKeyArn, region }, moved(`${former}-alarms`));
        const publishFrom = (sid: string, service: string, sourceArn: pulumi.Input<string>) => ({
            Sid: sid,
            Effect: "Allow",
            Principal: { Service: service },
            Action: "sns:Publish",
            Resource: topic.arn,
            Condition: { StringEquals: { "aws:SourceAccount": account }, ArnLike: { "aws:SourceArn": sourceArn } },
        });
        new aws.sns.TopicPolicy(
            name,
            {
                arn: topic.arn,
                region,
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Sid: "AccountManagesTopic",
                            Effect: "Allow",
                            Principal: { AWS: pulumi.interpolate`arn:aws:iam::${account}:root` },
                            Action: [
                                "sns:GetTopicAttributes",
                                "sns:SetTopicAttributes",
                                "sns:AddPermission",
                                "sns:RemovePermission",
                                "sns:DeleteTopic",
                                "sns:Subscribe",
                                "sns:ListSubscriptionsByTopic",
                                "sns:Publish",
                            ],
                            Resource: topic.arn,
                        },
                        publishFrom(
                            "CloudWatchAlarmsPublish",
                            "cloudwatch.amazonaws.com",
                            pulumi.interpolate`arn:aws:cloudwatch:${region}:${account}:alarm:*`,
                        ),
                        publishFrom(
                            "EventBridgeRulesPublish",
                            "events.amazonaws.com",
                            pulumi.interpolate`arn:aws:events:${region}:${account}:rule/*`,
                        ),
                        // https://docs.aws.amazon.com/prometheus/latest/userguide/AMP-alertmanager-receiver-AMPpermission.html
                        publishFrom("PrometheusAlertmanagerPublishes", "aps.amazonaws.com", args.workspace.arn),
                        {
                            Sid: "DenyInsecureTransport",
                            Effect: "Deny",
                            Principal: "*",
                            Action: "sns:Publish",
                            Resource: topic.arn,
                            Condition: { Bool: { "aws:SecureTransport": "false" } },
                        },
                    ],
                }),
            },
            moved(`${former}-alarms`),
        );
        if (args.alarmEmail) {
            new aws.sns.TopicSubscription(
                `${name}-email`,
                { topic: topic.arn, protocol: "email", endpoint: args.alarmEmail, region },
                moved(`${former}-alarms-email`),
            );
        }
        this.topicArn = topic.arn;

        // --- Prometheus rules and the Alertmanager that sends them to the topic ----------------
        new aws.amp.RuleGroupNamespace(
            `${name}-rules`,
            { workspaceId: args.workspace.id, name: "hms", data: renderPrometheusRules(args.environment), region },
            parent,
        );
        new aws.amp.AlertManagerDefinition(
            `${name}-alertmanager`,
            {
                workspaceId: args.workspace.id,
                definition: topic.arn.apply((topicArn) => renderAlertmanagerDefinition({ topicArn, region })),
                region,
            },
            parent,
        );

        // --- events and security findings that need a person now --------------------------------
        const findings: Array<{ id: string; description: string; pattern: object; former?: string }> = [
            {
                id: "guardduty-findings",
                description: "GuardDuty findings of high or critical severity",
                pattern: {
                    source: ["aws.guardduty"],
                    "detail-type": ["GuardDuty Finding"],
                    detail: { severity: [{ numeric: [">=", 7] }] },
                },
                former: `${former}-guardduty-findings`,
            },
            {
                id: "inspector-findings",
                description: "Inspector findings of critical severity",
                pattern: {
                    source: ["aws.inspector2"],
                    "detail-type": ["Inspector2 Finding"],
                    detail: { severity: ["CRITICAL"], status: ["ACTIVE"] },
                },
                former: `${former}-inspector-findings`,
            },
            ...eventAlerts(args.resourcePrefix).map((e) => ({
                ...e,
                description: `${e.description} (runbook: ${runbookUrl(e.runbook)})`,
            })),
        ];
        for (const f of findings) {
            const o = f.former ? moved(f.former) : parent;
            const rule = new aws.cloudwatch.EventRule(
                `${name}-${f.id}`,
                { description: f.description, eventPattern: JSON.stringify(f.pattern), region },
                o,
            );
            new aws.cloudwatch.EventTarget(`${name}-${f.id}`, { rule: rule.name, arn: topic.arn, region }, o);
        }

        this.registerOutputs({ topicArn: this.topicArn });
    }
}
