// Entry point of the Pulumi program: reads and validates the stack
// configuration (before any resource is registered), builds the system and
// exports what operators need. See README.md.

import { loadConfig } from "./config";
import { HospitalSystem } from "./components/hospital";

const config = loadConfig();
const hms = new HospitalSystem(`hms-${config.environment}`, { config });

export const environment = config.environment;
export const region = config.region;
export const drRegion = config.drRegion;
export const dataKeyArn = hms.keys.dataKeyArn;
export const vpcId = hms.network?.vpcId;
export const appSubnetIds = hms.network?.appSubnets.ids;
export const dataSubnetIds = hms.network?.dataSubnets.ids;
