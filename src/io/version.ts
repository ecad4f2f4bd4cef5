/** The tool's version under the name the check command uses (one reader: io/tool-version.ts). */
export { toolVersion as packageVersion } from "./tool-version.js";
