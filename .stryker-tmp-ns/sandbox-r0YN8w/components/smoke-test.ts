// @ts-nocheck
import * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import { renderSmokeTest } from "../templates/smoke-test";

export interface SmokeTestArgs {
    /** The https:// URL fetched through Cloudflare, for example https://hms.example.org/healthz. */
    url: string;
    /** Attempts before the update fails. */
    attempts: number;
    /** Seconds between attempts. */
    intervalSeconds: number;
    /**
     * Values whose change runs the test again (instance ids, the NLB's ARN,
     * the edge's configuration digest). Unchanged values: no run, and never
     * during a preview.
     */
    triggers: pulumi.Input<pulumi.Input<string>[]>;
}

/**
 * A post-deploy smoke test: on `pulumi up`, after everything this component
 * depends on exists, fetches the site's health URL through Cloudflare with
 * retries and fails the update unless it answers 200 through Cloudflare.
 *
 * Pulumi does not pass a component's `dependsOn` on to its children, so the
 * command is given the component's `dependsOn` itself: pass the edge, the
 * load balancer and the app servers there.
 */
export class SmokeTest extends pulumi.ComponentResource {
    /** What the last run printed. */
    public readonly stdout: pulumi.Output<string>;

    constructor(name: string, args: SmokeTestArgs, opts?: pulumi.ComponentResourceOptions) {
        super("hms:edge:SmokeTest", name, {}, opts);

        const run = new command.local.Command(
            `${name}-fetch`,
            {
                create: renderSmokeTest({
                    url: args.url,
                    attempts: args.attempts,
                    intervalSeconds: args.intervalSeconds,
                }),
                interpreter: ["/bin/bash", "-c"],
                triggers: args.triggers,
                addPreviousOutputInEnv: false,
            },
            { parent: this, dependsOn: opts?.dependsOn },
        );
        this.stdout = run.stdout;

        this.registerOutputs({ stdout: this.stdout });
    }
}
