import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { HmsConfig } from "../config";
import { Keys } from "./keys";
import { Network } from "./network";

export interface HospitalSystemArgs {
    /** The validated stack configuration (config/index.ts). */
    config: HmsConfig;
}

/**
 * The whole Hospital Management System for one environment: it creates the
 * tiers the stack switches on and wires them together (cross-tier security
 * group rules, endpoints, secrets). Tiers take narrow inputs from here and
 * never reach into each other.
 */
export class HospitalSystem extends pulumi.ComponentResource {
    public readonly keys: Keys;
    public readonly network?: Network;

    private readonly region: string;

    constructor(name: string, args: HospitalSystemArgs, opts?: pulumi.ComponentResourceOptions) {
        super("hms:index:HospitalSystem", name, {}, opts);
        const c = args.config;
        const parent = { parent: this };
        this.region = c.region;

        // --- keys -------------------------------------------------------------------
        const needsDr = (c.tiers.backup && c.backup.copyToDr) || (c.tiers.storage && c.storage.replicateToDr);
        this.keys = new Keys(
            `${name}-keys`,
            { region: c.region, drRegion: needsDr ? c.drRegion : undefined, protect: c.protectData },
            parent,
        );

        // --- network ----------------------------------------------------------------
        if (c.tiers.network) {
            this.network = new Network(
                `${name}-network`,
                {
                    region: c.region,
                    cidr: c.network.cidr,
                    azCount: c.network.azCount,
                    natGateways: c.network.natGateways,
                    logsKeyArn: this.keys.logsKeyArn,
                    flowLogRetentionDays: c.network.flowLogRetentionDays,
                },
                parent,
            );
        }

        // --- security (tier: security) ----------------------------------------------------
        // --- end security -----------------------------------------------------------------

        // --- storage (tier: storage) ------------------------------------------------------
        // --- end storage ------------------------------------------------------------------

        // --- monitoring (tier: monitoring) ------------------------------------------------
        // --- end monitoring ---------------------------------------------------------------

        // --- database (tier: database) ----------------------------------------------------
        // --- end database -----------------------------------------------------------------

        // --- cache (tier: cache) ----------------------------------------------------------
        // --- end cache --------------------------------------------------------------------

        // --- app servers (tier: app) ------------------------------------------------------
        // --- end app servers --------------------------------------------------------------

        // --- websocket (tier: websocket) --------------------------------------------------
        // --- end websocket ----------------------------------------------------------------

        // --- load balancer (tier: loadBalancer) -------------------------------------------
        // --- end load balancer ------------------------------------------------------------

        // --- edge (tier: edge) ------------------------------------------------------------
        // --- end edge ---------------------------------------------------------------------

        // --- backup (tier: backup) --------------------------------------------------------
        // --- end backup -------------------------------------------------------------------


        this.registerOutputs({ vpcId: this.network?.vpcId });
    }

    /**
     * A cross-tier rule: lets `fromSg` reach `toSg` on a TCP port. Tiers own
     * their security groups; only the composition connects them.
     */
    protected allow(
        name: string,
        from: { securityGroupId: pulumi.Input<string>; label: string },
        to: { securityGroupId: pulumi.Input<string>; label: string },
        port: number,
    ): aws.vpc.SecurityGroupIngressRule {
        return new aws.vpc.SecurityGroupIngressRule(
            name,
            {
                securityGroupId: to.securityGroupId,
                referencedSecurityGroupId: from.securityGroupId,
                ipProtocol: "tcp",
                fromPort: port,
                toPort: port,
                description: `${from.label} to ${to.label} on ${port}`,
                region: this.region,
            },
            { parent: this },
        );
    }
}
