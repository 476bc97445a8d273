// Prints a PrometheusRule's spec (its rule groups) as a Prometheus rules file, for promtool.
import { readFileSync } from "node:fs";
import { parse, stringify } from "yaml";

const rule = parse(readFileSync(process.argv[2], "utf8"));
if (rule?.kind !== "PrometheusRule" || !Array.isArray(rule.spec?.groups)) {
  console.error(`${process.argv[2]} is not a PrometheusRule with spec.groups`);
  process.exit(1);
}
process.stdout.write(stringify(rule.spec, { lineWidth: 0 }));
