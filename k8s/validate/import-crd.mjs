// Turns an operator's published CustomResourceDefinition into the schema file validate.mjs reads:
// node import-crd.mjs <crd.yaml> <version> <source note>  >  crds/<group>.<kind>.<version>.json
// Descriptions are dropped (they are most of a CRD's size and play no part in validation).
import { readFileSync } from "node:fs";
import { parse } from "yaml";

const [file, version, source] = process.argv.slice(2);
if (!file || !version || !source) {
  console.error("usage: node import-crd.mjs <crd.yaml> <version> <source note>");
  process.exit(2);
}

const crd = parse(readFileSync(file, "utf8"));
const served = crd.spec.versions.find((v) => v.name === version);
if (!served) {
  console.error(`${file} has no version ${version}`);
  process.exit(2);
}

const withoutDescriptions = (node) =>
  Array.isArray(node)
    ? node.map(withoutDescriptions)
    : node && typeof node === "object"
      ? Object.fromEntries(Object.entries(node).filter(([k, v]) => !(k === "description" && typeof v === "string")).map(([k, v]) => [k, withoutDescriptions(v)]))
      : node;

process.stdout.write(JSON.stringify({
  source,
  apiVersion: `${crd.spec.group}/${version}`,
  kind: crd.spec.names.kind,
  schema: withoutDescriptions(served.schema.openAPIV3Schema),
}) + "\n");
