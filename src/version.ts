// The tool's version, as recorded in every report.
export const TOOL_VERSION = '0.1.0';
